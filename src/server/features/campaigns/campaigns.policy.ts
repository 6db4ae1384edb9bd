import type { Queryable } from "../../db/client.js";
import { canManage, canView, canViewStaff, type Actor } from "../../http/actor.js";
import { unitsAndAncestors } from "./campaigns.queries.js";

/**
 * The units whose campaigns, criteria sets and issued plans reach the actor: the units the actor
 * may see and all units above them (null = an administrator, everything). A cell member is
 * reached by the commune's campaign.
 */
export async function reachOf(db: Queryable, actor: Actor, today: string): Promise<Set<string> | null> {
  if (actor.isAdmin) return null;
  return unitsAndAncestors(db, [...actor.viewUnits, ...actor.manageUnits], today);
}

export function reaches(reach: ReadonlySet<string> | null, unitId: string): boolean {
  return reach === null || reach.has(unitId);
}

/** A campaign is seen by everyone in the launching unit's subtree and above it in scope. */
export function canSeeCampaign(actor: Actor, reach: ReadonlySet<string> | null, campaignUnitId: string): boolean {
  return actor.isAdmin || canView(actor, campaignUnitId) || reaches(reach, campaignUnitId);
}

/** The launching committee manages its campaign (create, edit). */
export function canManageCampaign(actor: Actor, campaignUnitId: string): boolean {
  return canManage(actor, campaignUnitId);
}

/** The cascade (which unit has issued its plan) is for those who oversee the launching unit. */
export function canViewCascade(actor: Actor, campaignUnitId: string): boolean {
  return canView(actor, campaignUnitId);
}

/**
 * A published set is read by everyone it reaches (like a campaign); a draft only by those who
 * oversee or manage the issuing unit.
 */
export function canReadCriteriaSet(actor: Actor, reach: ReadonlySet<string> | null, set: { issuing_unit_id: string; status: string }): boolean {
  if (actor.isAdmin) return true;
  if (set.status === "draft") return canViewStaff(actor, set.issuing_unit_id) || canManage(actor, set.issuing_unit_id);
  return canView(actor, set.issuing_unit_id) || reaches(reach, set.issuing_unit_id);
}

/** The issuing committee edits and publishes its sets and makes new versions of them. */
export function canManageCriteriaSet(actor: Actor, set: { issuing_unit_id: string }): boolean {
  return canManage(actor, set.issuing_unit_id);
}
