/**
 * Every web feature of the app: adding one is one line here (see app/registry.ts for what a
 * feature may contribute: menu entries, routes, home-page cards).
 */
import { accountsFeature } from "@web/features/accounts/accounts.feature";
import { auditFeature } from "@web/features/audit/audit.feature";
import { authFeature } from "@web/features/auth/auth.feature";
import { homeFeature } from "@web/features/home/home.feature";
import { peopleFeature } from "@web/features/people/people.feature";
import { progressFeature } from "@web/features/progress/progress.feature";
import { registrationsFeature } from "@web/features/registrations/registrations.feature";
import { reportsFeature } from "@web/features/reports/reports.feature";
import { todoFeature } from "@web/features/todo/todo.feature";
import { unitsFeature } from "@web/features/units/units.feature";
import { campaignsFeature } from "@web/features/campaigns/campaigns.feature";
import { plansFeature } from "@web/features/plans/plans.feature";
import { notificationsFeature } from "@web/features/notifications/notifications.feature";
import { supervisionFeature } from "@web/features/supervision/supervision.feature";
import { evaluationsFeature } from "@web/features/evaluations/evaluations.feature";
import { commendationsFeature } from "@web/features/commendations/commendations.feature";
import { createRegistry, type WebFeature } from "./registry";

export const FEATURES: readonly WebFeature[] = [homeFeature, unitsFeature, peopleFeature, accountsFeature, auditFeature, reportsFeature, todoFeature, registrationsFeature, progressFeature, campaignsFeature, plansFeature, notificationsFeature, supervisionFeature, evaluationsFeature, commendationsFeature, authFeature];

export const registry = createRegistry(FEATURES);
