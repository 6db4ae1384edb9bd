import { canManage, canViewStaff, holdsPosition, type Actor } from "../../http/actor.js";
import type { CampaignRow, RegistrationRow } from "./registrations.queries.js";

/** Registration, editing and submission happen while the campaign is active (not a draft, not closed). */
export function campaignOpen(c: Pick<CampaignRow, "status">): boolean {
  return c.status === "active";
}

/** The secretary approves or returns registrations: manage scope on the unit, or its secretary. */
export function canReview(actor: Actor, unitId: string): boolean {
  return canManage(actor, unitId) || holdsPosition(actor, unitId, "secretary");
}

/** Who sees a unit's whole sheet and its coverage: staff scopes and the cell's leadership. */
export function canViewSheet(actor: Actor, unitId: string): boolean {
  return canViewStaff(actor, unitId) || canReview(actor, unitId) || holdsPosition(actor, unitId, "deputy_secretary", "committee_member");
}

/** Who wrote a registration (created, edited or submitted it), from its audit records. */
export interface RegistrationAuthor {
  account_id: string;
  person_id: string | null;
}

/**
 * Separation of duties: nobody approves or returns a sheet about themselves or one they wrote.
 * The cell's secretary (or a manage scope on the unit, which includes the level above) reviews;
 * when the secretary is the sheet's subject or one of its authors (his own sheet, the cell's
 * collective sheet he wrote) the deputy secretary stands in, and the level above always may.
 */
export function mayReview(actor: Actor, r: Pick<RegistrationRow, "person_id" | "unit_id">, authors: readonly RegistrationAuthor[], secretaries: readonly string[]): boolean {
  if (selfReview(actor, r, authors)) return false;
  if (canReview(actor, r.unit_id)) return true;
  const secretaryInvolved = secretaries.some((p) => p === r.person_id || authors.some((a) => a.person_id === p));
  return secretaryInvolved && holdsPosition(actor, r.unit_id, "deputy_secretary");
}

/** Is the sheet about the actor, or did the actor write it? */
export function selfReview(actor: Actor, r: Pick<RegistrationRow, "person_id">, authors: readonly RegistrationAuthor[]): boolean {
  return isOwner(actor, r) || authors.some((a) => a.account_id === actor.accountId || (actor.personId !== null && a.person_id === actor.personId));
}

/** A collective registration (the cell itself, a mass organisation) is made by the unit's manager. */
export function canRegisterCollective(actor: Actor, unitId: string): boolean {
  return canReview(actor, unitId);
}

/** Is this the actor's own registration? */
export function isOwner(actor: Actor, r: Pick<RegistrationRow, "person_id">): boolean {
  return r.person_id !== null && actor.personId === r.person_id;
}

/**
 * One registration (its commitments, progress, timeline and evidence) is readable by its owner and
 * by those who see the unit's whole sheet (its leaders and staff scopes). A colleague in the same
 * cell does not read another member's sheet: being able to see the unit is not enough.
 */
export function canViewRegistration(actor: Actor, r: Pick<RegistrationRow, "person_id" | "unit_id">): boolean {
  return isOwner(actor, r) || canViewSheet(actor, r.unit_id);
}

/**
 * Who may write the content of a registration (edit, submit, post progress): the member on their
 * own sheet (while holding a position in the unit); for a collective, the unit's managers.
 */
export function canAuthor(actor: Actor, r: Pick<RegistrationRow, "person_id" | "unit_id">, holdsPositionNow: boolean): boolean {
  if (r.person_id === null) return canRegisterCollective(actor, r.unit_id);
  return isOwner(actor, r) && holdsPositionNow;
}

export const EDITABLE_STATUSES = ["draft", "returned"] as const;

export function isEditable(status: string): boolean {
  return (EDITABLE_STATUSES as readonly string[]).includes(status);
}

/** Progress is posted by the owner, or by the unit's managers (who also post for collectives). */
export function canPostProgress(actor: Actor, r: Pick<RegistrationRow, "person_id" | "unit_id">): boolean {
  return isOwner(actor, r) || canReview(actor, r.unit_id);
}

/** Does the actor hold a position in this unit today? */
export function holdsAnyPosition(actor: Actor, unitId: string): boolean {
  return actor.positions.some((p) => p.unitId === unitId);
}
