import type { Actor } from "../../http/actor.js";

/**
 * An account is inside the actor's manage scope when every unit it has a scope on, and every unit
 * where its person holds a current position, is managed by the actor; an administrator account
 * is changed only by an administrator.
 */
export function canManageAccount(actor: Actor, target: { isAdmin: boolean; scopeUnitIds: string[]; positionUnitIds: string[] }): boolean {
  if (actor.isAdmin) return true;
  if (target.isAdmin) return false;
  const units = [...target.scopeUnitIds, ...target.positionUnitIds];
  return units.length > 0 && units.every((u) => actor.manageUnits.has(u));
}
