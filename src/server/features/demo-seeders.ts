// Feature demo data registers itself here (imported by main.ts and the test helpers), so the
// organisation seed stays independent of the features built on it.
import "./campaigns/campaigns.demo.js"; // slice A: criteria sets, campaigns, plans — runs first
import "./registrations/registrations.demo.js"; // slice B: registrations, progress, evidence — after the campaigns
import "./evaluations/evaluations.demo.js"; // slice C: supervision, violations, evaluation, commendations — after registrations
import "./reports/reports.demo.js"; // slice D: result reports — runs last, reads everything above
export {};
