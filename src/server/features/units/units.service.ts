import type { z } from "zod";
import type { CreateUnitBody, UpdateUnitBody } from "@contracts/units.js";
import { addDays, todayInVietnam } from "@domain/dates.js";
import { searchKey } from "@domain/vietnamese-text.js";
import { recordAction } from "../../audit/record-action.js";
import type { Db } from "../../db/client.js";
import { assertCanManage, assertCanView, canRestructure, canView, type Actor } from "../../http/actor.js";
import { AppError, conflict, forbidden, invalid, notFound } from "../../http/errors.js";
import * as q from "./units.queries.js";

/** The tree as of a date, limited to what the actor may see (roots are the topmost visible units). */
export async function listUnitTree(opts: { db: Db; actor: Actor; asOf?: string | undefined }) {
  const asOf = opts.asOf ?? todayInVietnam();
  const rows = await q.listUnitsAsOf(opts.db, asOf);
  return { asOf, rows: rows.filter((r) => canView(opts.actor, r.id)) };
}

/** A unit as of a date with its children, members and full name history. */
export async function getUnitDetail(opts: { db: Db; actor: Actor; id: string; asOf?: string | undefined }) {
  const { db, actor, id } = opts;
  const asOf = opts.asOf ?? todayInVietnam();
  const base = await q.getUnitBase(db, id);
  if (!base) throw notFound("Không tìm thấy đơn vị");
  assertCanView(actor, id);
  const unit = await q.getUnitAsOf(db, id, asOf);
  if (!unit) throw notFound(`Đơn vị chưa tồn tại hoặc đã giải thể vào ngày ${asOf}`);
  const [children, members, history] = await Promise.all([
    q.listChildrenAsOf(db, id, asOf),
    q.listMembersAsOf(db, id, asOf),
    q.listVersions(db, id),
  ]);
  const parent = unit.parent_id ? await q.getUnitAsOf(db, unit.parent_id, asOf) : null;
  return { unit, parentName: parent?.name ?? null, children: children.filter((c) => canView(actor, c.id)), members, history };
}

/** Creates a unit under a parent the actor manages (only an administrator creates a root). */
export async function createUnit(opts: { db: Db; actor: Actor } & z.infer<typeof CreateUnitBody>) {
  const { db, actor } = opts;
  if (opts.parentId === null) {
    if (!actor.isAdmin) throw forbidden("Chỉ quản trị hệ thống được tạo đơn vị cấp cao nhất");
  } else {
    if (!(await q.getUnitBase(db, opts.parentId))) throw invalid("Đơn vị cấp trên không tồn tại", [{ path: "parentId", message: "Không tìm thấy đơn vị cấp trên" }]);
    assertCanManage(actor, opts.parentId);
    if (!(await q.getUnitAsOf(db, opts.parentId, opts.validFrom))) {
      throw invalid("Đơn vị cấp trên chưa tồn tại vào ngày bắt đầu", [{ path: "validFrom", message: "Đơn vị cấp trên không có hiệu lực vào ngày này" }]);
    }
  }
  if (await q.unitCodeExists(db, opts.code)) throw conflict(`Mã đơn vị "${opts.code}" đã được dùng`, "code");
  return db.transaction(async (tx) => {
    const id = await q.insertUnit(tx, { kind: opts.kind, code: opts.code });
    const after = {
      kind: opts.kind,
      code: opts.code,
      name: opts.name,
      shortName: opts.shortName ?? null,
      symbolCode: opts.symbolCode,
      parentId: opts.parentId,
      validFrom: opts.validFrom,
    };
    await q.insertVersion(tx, { unitId: id, ...after, searchKey: searchKey(opts.name) });
    await recordAction(tx, actor, { action: "unit.create", subjectType: "unit", subjectId: id, unitId: id, after });
    return id;
  });
}

/**
 * Renames or moves a unit from a date: the version in force that day is closed the day before
 * and a new one opens, so earlier dates keep the old name and parent. On the version's own first
 * day it is a correction and replaces that version.
 */
export async function updateUnit(opts: { db: Db; actor: Actor; id: string } & z.infer<typeof UpdateUnitBody>) {
  const { db, actor, id, effectiveDate } = opts;
  if (!(await q.getUnitBase(db, id))) throw notFound("Không tìm thấy đơn vị");
  assertCanManage(actor, id);
  const versions = await q.listVersions(db, id);
  assertRestructure(actor, versions);
  const current = versions.find((v) => v.valid_from <= effectiveDate && (v.valid_to === null || v.valid_to >= effectiveDate));
  if (!current) throw invalid("Đơn vị không có hiệu lực vào ngày áp dụng", [{ path: "effectiveDate", message: "Ngoài thời gian hiệu lực của đơn vị" }]);
  if (versions.some((v) => v.valid_from > effectiveDate)) {
    throw new AppError("CONFLICT", "Đã có thay đổi sau ngày áp dụng; hãy chọn ngày sau thay đổi gần nhất");
  }
  const parentId = opts.parentId === undefined ? current.parent_id : opts.parentId;
  if (parentId !== current.parent_id) {
    if (parentId === null) {
      if (!actor.isAdmin) throw forbidden("Chỉ quản trị hệ thống được đưa đơn vị lên cấp cao nhất");
    } else {
      if (!(await q.getUnitAsOf(db, parentId, effectiveDate))) {
        throw invalid("Đơn vị cấp trên mới không có hiệu lực vào ngày áp dụng", [{ path: "parentId", message: "Không hợp lệ" }]);
      }
      assertCanManage(actor, parentId);
      if (await q.isInSubtree(db, id, parentId, effectiveDate)) {
        throw invalid("Không thể chuyển đơn vị vào trong chính nó hoặc đơn vị cấp dưới của nó", [{ path: "parentId", message: "Tạo vòng lặp trong cây tổ chức" }]);
      }
    }
  }
  const next = {
    name: opts.name ?? current.name,
    shortName: opts.shortName === undefined ? current.short_name : opts.shortName,
    symbolCode: opts.symbolCode ?? current.symbol_code,
    parentId,
  };
  const before = { name: current.name, shortName: current.short_name, symbolCode: current.symbol_code, parentId: current.parent_id, validFrom: current.valid_from };
  return db.transaction(async (tx) => {
    if (current.valid_from === effectiveDate) {
      await q.deleteVersion(tx, current.id);
    } else {
      await q.closeVersion(tx, current.id, addDays(effectiveDate, -1));
    }
    await q.insertVersion(tx, { unitId: id, ...next, validFrom: effectiveDate, validTo: current.valid_to, searchKey: searchKey(next.name) });
    await recordAction(tx, actor, { action: "unit.update", subjectType: "unit", subjectId: id, unitId: id, before, after: { ...next, validFrom: effectiveDate } });
  });
}

/**
 * Renaming, moving and ending are the level above's act: the parent of the unit's latest version
 * (the one in force today or its last) must be managed by the actor, or the actor is an
 * administrator. Managing the unit itself is not enough.
 */
function assertRestructure(actor: Actor, versions: readonly { parent_id: string | null }[]): void {
  const latest = versions[versions.length - 1];
  if (!canRestructure(actor, latest?.parent_id ?? null)) {
    throw forbidden("Đổi tên, chuyển hoặc kết thúc hoạt động đơn vị do cấp trên trực tiếp (hoặc quản trị hệ thống) thực hiện");
  }
}

/** Ends a unit (dissolved, merged, a level abolished): its last version gets a last day. */
export async function endUnit(opts: { db: Db; actor: Actor; id: string; lastDay: string }) {
  const { db, actor, id, lastDay } = opts;
  if (!(await q.getUnitBase(db, id))) throw notFound("Không tìm thấy đơn vị");
  assertCanManage(actor, id);
  const versions = await q.listVersions(db, id);
  assertRestructure(actor, versions);
  const last = versions[versions.length - 1];
  if (!last || last.valid_to !== null) throw new AppError("INVALID_STATE", "Đơn vị đã kết thúc hoạt động");
  if (lastDay < last.valid_from) throw invalid("Ngày kết thúc trước ngày bắt đầu của phiên bản hiện tại", [{ path: "lastDay", message: "Không hợp lệ" }]);
  const children = await q.listChildrenAsOf(db, id, addDays(lastDay, 1));
  if (children.length > 0) {
    throw new AppError("CONFLICT", `Còn ${children.length} đơn vị trực thuộc sau ngày kết thúc; hãy chuyển các đơn vị này trước`);
  }
  await db.transaction(async (tx) => {
    await q.closeVersion(tx, last.id, lastDay);
    await recordAction(tx, actor, { action: "unit.end", subjectType: "unit", subjectId: id, unitId: id, before: { validTo: null }, after: { validTo: lastDay } });
  });
}
