import { canManage, canView, canViewStaff, holdsPosition, type Actor } from "../../http/actor.js";

type PlanLike = { unit_id: string; status: "draft" | "issued" | "superseded" };

/**
 * Who reads a plan. A draft: the unit's staff (scopes over it) and its secretary or deputy. An
 * issued (or superseded) plan: anyone who may see the unit, and everyone in the units below it
 * (`reach` holds the actor's units and their ancestors) — a cell reads the commune's plan.
 */
export function canReadPlan(actor: Actor, plan: PlanLike, reach: ReadonlySet<string> | null): boolean {
  if (actor.isAdmin) return true;
  if (plan.status === "draft") {
    return canViewStaff(actor, plan.unit_id) || canManage(actor, plan.unit_id) || holdsPosition(actor, plan.unit_id, "secretary", "deputy_secretary");
  }
  return canView(actor, plan.unit_id) || (reach?.has(plan.unit_id) ?? false);
}

/** The unit's managers write its plan (create, edit, issue, correct, discard). */
export function canWritePlan(actor: Actor, unitId: string): boolean {
  return canManage(actor, unitId);
}

/** Who sees who has (not) acknowledged: the unit's managers and staff, its secretary and deputy. */
export function canViewAcknowledgements(actor: Actor, unitId: string): boolean {
  return canManage(actor, unitId) || canViewStaff(actor, unitId) || holdsPosition(actor, unitId, "secretary", "deputy_secretary");
}

/** Every member of the unit acknowledges the plan (quán triệt) — not the staff watching it. */
export function isMemberOf(actor: Actor, unitId: string): boolean {
  return actor.positions.some((p) => p.unitId === unitId);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Is a unit's plan late? Issued after the campaign's plan deadline, or not issued and the
 * deadline has passed. The first issued version counts (a later correction is not lateness).
 * No deadline: never late.
 */
export function planLateness(deadline: string | null, firstIssuedDate: string | null, today: string): { late: boolean; daysLate: number } {
  if (!deadline) return { late: false, daysLate: 0 };
  if (firstIssuedDate) {
    const d = daysBetween(deadline, firstIssuedDate);
    return d > 0 ? { late: true, daysLate: d } : { late: false, daysLate: 0 };
  }
  const d = daysBetween(deadline, today);
  return d > 0 ? { late: true, daysLate: d } : { late: false, daysLate: 0 };
}

/** First term of the national congress cycle the default terms are counted from (RULES.md §5). */
export const DEFAULT_TERM_ANCHOR = "2015-10-01";
const TERM_YEARS = 5;

/**
 * The committee term a date falls in when the unit has none recorded: terms of five years
 * starting on 1 October 2015, 2020, 2025… (the anchor's month and day).
 */
export function defaultCommitteeTerm(date: string, anchor = DEFAULT_TERM_ANCHOR): { name: string; startDate: string } {
  const anchorYear = Number(anchor.slice(0, 4));
  const monthDay = anchor.slice(4);
  let year = anchorYear + Math.floor((Number(date.slice(0, 4)) - anchorYear) / TERM_YEARS) * TERM_YEARS;
  if (`${year}${monthDay}` > date) year -= TERM_YEARS;
  return { name: `Nhiệm kỳ ${year} – ${year + TERM_YEARS}`, startDate: `${year}${monthDay}` };
}


/** First issued date of a unit's plan chain (the versions of one campaign), or null. */
export function firstIssuedDate(versions: readonly { status: string; issued_date: string | null }[]): string | null {
  const dates = versions.filter((v) => v.status !== "draft" && v.issued_date).map((v) => v.issued_date as string);
  return dates.length ? dates.reduce((a, b) => (a < b ? a : b)) : null;
}
