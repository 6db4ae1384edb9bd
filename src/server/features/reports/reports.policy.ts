import { canManage, canView, type Actor } from "../../http/actor.js";

/**
 * Units expected to send a result report to the level above: Party cells, the Fatherland Front
 * and mass organisations (DOMAIN.md §4 step 8). Committees above them receive; the TTKV
 * collects; hamlets and the People's Committee's sub-units do not report on their own.
 */
export const REPORTING_UNIT_KINDS: ReadonlySet<string> = new Set(["party_cell", "fatherland_front", "mass_organization"]);

/** Kinds that never have a result report page of their own. */
export const NON_REPORTING_KINDS: ReadonlySet<string> = new Set(["mass_mobilization_office", "hamlet"]);

/** Anyone who may read the unit may read its report and roll-up (TTKV reads the whole commune). */
export function canReadReport(actor: Actor, unitId: string): boolean {
  return canView(actor, unitId);
}

/** Only managers of the unit write its report, and only while it is a draft. */
export function canEditReport(actor: Actor, unitId: string, status: "draft" | "submitted" | null): boolean {
  return canManage(actor, unitId) && status !== "submitted";
}
