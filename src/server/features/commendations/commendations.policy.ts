import { canManage, canView, canViewStaff, holdsPosition, type Actor } from "../../http/actor.js";
import { AppError, forbidden } from "../../http/errors.js";

/** Reading a unit's proposals: its committee, staff whose scope covers it (TTKV), the level above. */
export function canReadCommendations(actor: Actor, unitId: string, parentId: string | null): boolean {
  return canManage(actor, unitId) || canViewStaff(actor, unitId) || holdsPosition(actor, unitId, "secretary", "deputy_secretary") || (parentId !== null && canManage(actor, parentId));
}

export function assertCanReadCommendations(actor: Actor, unitId: string, parentId: string | null): void {
  if (canReadCommendations(actor, unitId, parentId)) return;
  if (!canView(actor, unitId)) throw new AppError("NOT_FOUND", "Không tìm thấy dữ liệu");
  throw forbidden("Chỉ cấp ủy và cấp trên được xem đề xuất tuyên dương");
}

/**
 * Proposing is the unit's own act (the cell secretary's account). The committee above also
 * manages the cell's subtree, but it is the one that decides: if it could propose on the cell's
 * behalf it would approve its own proposal.
 */
export function canPropose(actor: Actor, unitId: string, parentId: string | null): boolean {
  return canManage(actor, unitId) && !canDecide(actor, parentId);
}

/** The committee above the proposing unit decides (manage scope on the parent: the commune). */
export function canDecide(actor: Actor, parentId: string | null): boolean {
  return actor.isAdmin || (parentId !== null && canManage(actor, parentId));
}

/**
 * Withdrawing is the proposing unit's own act too. The committee above answers a proposal by
 * declining it with a reason the cell is told, never by making it disappear.
 */
export function canWithdraw(actor: Actor, unitId: string, parentId: string | null): boolean {
  return canPropose(actor, unitId, parentId);
}
