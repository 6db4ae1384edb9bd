import { canManage, canView, canViewStaff, holdsPosition, type Actor } from "../../http/actor.js";
import { AppError, forbidden } from "../../http/errors.js";

/**
 * Who may do what with a cell's evaluation. The cell (its managers: the secretary's account, or
 * anyone managing the subtree) judges and rates; the level above (manage scope on the parent
 * unit, the commune) approves and unlocks; staff with a view scope (TTKV) read everything and
 * change nothing.
 */
export function canReadEvaluation(actor: Actor, unitId: string, parentId: string | null): boolean {
  return (
    canManage(actor, unitId) ||
    canViewStaff(actor, unitId) ||
    holdsPosition(actor, unitId, "secretary", "deputy_secretary") ||
    (parentId !== null && canManage(actor, parentId))
  );
}

/** 404 when the unit is not visible at all, 403 when visible but not readable (a plain member). */
export function assertCanReadEvaluation(actor: Actor, unitId: string, parentId: string | null): void {
  if (canReadEvaluation(actor, unitId, parentId)) return;
  if (!canView(actor, unitId)) throw new AppError("NOT_FOUND", "Không tìm thấy dữ liệu");
  throw forbidden("Chỉ cấp ủy chi bộ và cấp trên được xem kết quả đánh giá, xếp loại");
}

/** The cell's own work (judging, rating, signing off): whoever manages the cell. */
export function assertCanEvaluate(actor: Actor, unitId: string, parentId: string | null): void {
  assertCanReadEvaluation(actor, unitId, parentId);
  if (!canManage(actor, unitId)) throw forbidden("Chỉ Bí thư chi bộ (cấp ủy quản lý) được đánh giá, xếp loại");
}

/** The level above a unit: manage scope on its parent. */
export function canActAbove(actor: Actor, parentId: string | null): boolean {
  return actor.isAdmin || (parentId !== null && canManage(actor, parentId));
}
