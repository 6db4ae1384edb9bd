import { canManage, canViewStaff, type Actor } from "../../http/actor.js";
import type { PositionRow } from "./people.queries.js";

/** A person's record is readable by staff whose scope covers a unit where they held any position, and by the person. */
export function canViewPerson(actor: Actor, personId: string, positions: PositionRow[]): boolean {
  return actor.isAdmin || actor.personId === personId || positions.some((p) => canViewStaff(actor, p.unit_id));
}

/** A person's record is changeable by whoever manages a unit where they hold a current position. */
export function canManagePerson(actor: Actor, positions: PositionRow[], today: string): boolean {
  if (actor.isAdmin) return true;
  return positions.some((p) => canManage(actor, p.unit_id) && p.start_date <= today && (p.end_date === null || p.end_date >= today));
}
