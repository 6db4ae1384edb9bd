import { canManage, canView, canViewStaff, holdsPosition, type Actor } from "../../http/actor.js";
import { AppError, forbidden } from "../../http/errors.js";

/**
 * The cell's supervisor: its deputy secretary (DOMAIN.md §3), or its secretary, or whoever
 * manages the unit (the cell secretary's account, the commune, admin).
 */
export function canSupervise(actor: Actor, unitId: string): boolean {
  return holdsPosition(actor, unitId, "deputy_secretary", "secretary") || canManage(actor, unitId);
}

/** Reading a unit's supervision records: supervisors and staff whose scope covers the unit (TTKV). */
export function canReadSupervision(actor: Actor, unitId: string): boolean {
  return canSupervise(actor, unitId) || canViewStaff(actor, unitId);
}

/** 404 when the unit is not visible at all, 403 when visible but not readable (a plain member). */
export function assertCanReadSupervision(actor: Actor, unitId: string): void {
  if (!canView(actor, unitId) && !canReadSupervision(actor, unitId)) throw new AppError("NOT_FOUND", "Không tìm thấy dữ liệu");
  if (!canReadSupervision(actor, unitId)) throw forbidden("Chỉ Bí thư, Phó Bí thư chi bộ và cấp trên được xem sổ giám sát");
}

/** 404 when not visible, 403 when visible but not the unit's supervisor (TTKV views, changes nothing). */
export function assertCanSupervise(actor: Actor, unitId: string): void {
  if (!canView(actor, unitId) && !canSupervise(actor, unitId)) throw new AppError("NOT_FOUND", "Không tìm thấy dữ liệu");
  if (!canSupervise(actor, unitId)) throw forbidden("Chỉ Phó Bí thư, Bí thư chi bộ hoặc cấp ủy quản lý được ghi nhận giám sát");
}
