import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { Uuid } from "@contracts/common.js";
import type { AddPositionBody, CreatePersonBody, TransferBody, UpdatePersonBody } from "@contracts/people.js";
import { addDays, todayInVietnam } from "@domain/dates.js";
import { nameSortKey, searchKey } from "@domain/vietnamese-text.js";
import { recordAction } from "../../audit/record-action.js";
import type { Db, Queryable } from "../../db/client.js";
import { assertCanManage, scopeFilter, type Actor } from "../../http/actor.js";
import { AppError, conflict, forbidden, invalid, notFound } from "../../http/errors.js";
import { decodePageCursor, encodePageCursor } from "../../http/page-cursor.js";
import { getUnitAsOf } from "../units/units.queries.js";
import { canManagePerson, canViewPerson } from "./people.policy.js";
import * as q from "./people.queries.js";

/**
 * Searches people in the actor's scope; "nguyen van an" finds "Nguyễn Văn An". A page by
 * Vietnamese name order after `after` (the previous page's `nextCursor`); the first page also
 * counts the matches (up to 10,000), later pages do not.
 */
export async function findPeople(opts: { db: Db; actor: Actor; q?: string | undefined; unitId?: string | undefined; after?: string | undefined; limit: number }) {
  const { db, actor } = opts;
  const after = opts.after ? decodePageCursor(opts.after, ["string", "string"], ([, id]) => Uuid.safeParse(id).success) : null;
  const scope = scopeFilter(actor);
  const none = { rows: [], current: [], nextCursor: null, count: opts.after ? null : { total: 0, totalCapped: false } };
  if (scope.units !== null && scope.units.length === 0) return none;
  const filter = { scope, key: (opts.q ? searchKey(opts.q) : null) || null, unitId: opts.unitId ?? null, today: todayInVietnam() };
  // one row more than the page says whether another page follows
  const [rows, count] = await Promise.all([
    q.findPeople(db, { ...filter, after: after ? { sortKey: after[0], id: after[1] } : null, limit: opts.limit + 1 }),
    after ? Promise.resolve(null) : q.countPeople(db, filter),
  ]);
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  const current = page.length ? await q.listPositions(db, page.map((r) => r.id), { currentOn: filter.today }) : [];
  return { rows: page, current, count, nextCursor: rows.length > opts.limit && last ? encodePageCursor([last.sort_key, last.id]) : null };
}

/** Every person the search finds in the actor's scope (the XLSX export), read a page at a time. */
export async function findAllPeople(opts: { db: Db; actor: Actor; q?: string | undefined; unitId?: string | undefined; pageSize?: number }) {
  const rows: q.PersonRow[] = [];
  const current: q.PositionRow[] = [];
  let after: string | undefined;
  do {
    const page = await findPeople({ ...opts, after, limit: opts.pageSize ?? 2000 });
    rows.push(...page.rows);
    current.push(...page.current);
    after = page.nextCursor ?? undefined;
  } while (after);
  return { rows, current };
}

async function loadPerson(db: Queryable, actor: Actor, id: string) {
  const person = await q.getPerson(db, id);
  if (!person) throw notFound("Không tìm thấy người này");
  const positions = await q.listPositions(db, [id]);
  if (!canViewPerson(actor, id, positions)) throw notFound("Không tìm thấy người này");
  return { person, positions };
}

/** A person with all positions ever held (the transfer history). */
export async function getPersonDetail(opts: { db: Db; actor: Actor; id: string }) {
  const { person, positions } = await loadPerson(opts.db, opts.actor, opts.id);
  return { person, positions, canManage: canManagePerson(opts.actor, positions, todayInVietnam()) };
}

/** A stored person in the same field names as the request and the audit record. */
function personFields(p: { full_name: string; gender: string | null; birth_date: string | null; categories: string[]; phone: string | null; email: string | null; external_code: string | null }) {
  return { fullName: p.full_name, gender: p.gender, birthDate: p.birth_date, categories: p.categories, phone: p.phone, email: p.email, externalCode: p.external_code };
}

/** A person's stored values from what was typed or imported: the one rule for the form and the import. */
export function personValues(p: { fullName: string; gender?: string | null | undefined; birthDate?: string | null | undefined; categories: string[]; phone?: string | null | undefined; email?: string | null | undefined; externalCode?: string | null | undefined }) {
  return {
    fullName: p.fullName.normalize("NFC"),
    searchKey: searchKey(p.fullName),
    sortKey: nameSortKey(p.fullName),
    gender: p.gender ?? null,
    birthDate: p.birthDate ?? null,
    categories: p.categories,
    phone: p.phone ?? null,
    email: p.email ?? null,
    externalCode: p.externalCode || null,
  };
}

async function checkPositionTarget(db: Queryable, actor: Actor, unitId: string, date: string, path: string) {
  if (!(await getUnitAsOf(db, unitId, date))) {
    throw invalid("Đơn vị không có hiệu lực vào ngày bắt đầu", [{ path, message: "Đơn vị không tồn tại vào ngày này" }]);
  }
  assertCanManage(actor, unitId);
}

/** Adds a person with their first position in a unit the actor manages. */
export async function createPerson(opts: { db: Db; actor: Actor } & z.infer<typeof CreatePersonBody>) {
  const { db, actor, position } = opts;
  await checkPositionTarget(db, actor, position.unitId, position.startDate, "position.unitId");
  const values = personValues(opts);
  if (values.externalCode && (await q.externalCodeOwner(db, values.externalCode))) throw conflict(`Mã "${values.externalCode}" đã được dùng cho người khác`, "externalCode");
  await checkSingleHolder(db, position.unitId, position.role, position.startDate, NO_PERSON);
  return db.transaction(async (tx) => {
    const id = await q.insertPerson(tx, values);
    const positionId = await q.insertPosition(tx, { personId: id, unitId: position.unitId, role: position.role, title: position.title ?? null, startDate: position.startDate });
    await recordAction(tx, actor, { action: "person.create", subjectType: "person", subjectId: id, unitId: position.unitId, after: { ...values, position: { id: positionId, ...position } } });
    return id;
  });
}

/** Updates a person's details. */
export async function updatePerson(opts: { db: Db; actor: Actor; id: string } & z.infer<typeof UpdatePersonBody>) {
  const { db, actor, id } = opts;
  const { person, positions } = await loadPerson(db, actor, id);
  if (!canManagePerson(actor, positions, todayInVietnam())) throw forbidden();
  const current = personFields(person);
  const values = personValues({
    fullName: opts.fullName ?? current.fullName,
    gender: opts.gender === undefined ? current.gender : opts.gender,
    birthDate: opts.birthDate === undefined ? current.birthDate : opts.birthDate,
    categories: opts.categories ?? current.categories,
    phone: opts.phone === undefined ? current.phone : opts.phone,
    email: opts.email === undefined ? current.email : opts.email,
    externalCode: opts.externalCode === undefined ? current.externalCode : opts.externalCode,
  });
  if (values.externalCode && values.externalCode !== person.external_code) {
    const owner = await q.externalCodeOwner(db, values.externalCode);
    if (owner && owner !== id) throw conflict(`Mã "${values.externalCode}" đã được dùng cho người khác`, "externalCode");
  }
  const unitId = positions.find((p) => p.end_date === null)?.unit_id ?? positions[0]?.unit_id ?? null;
  await db.transaction(async (tx) => {
    await q.updatePerson(tx, id, values);
    await recordAction(tx, actor, { action: "person.update", subjectType: "person", subjectId: id, unitId, before: personValues(current), after: values });
  });
}

const SINGLE_HOLDER_ROLES = new Set(["secretary"]);
const NO_PERSON = "00000000-0000-0000-0000-000000000000";

async function checkSingleHolder(db: Queryable, unitId: string, role: string, from: string, personId: string) {
  if (!SINGLE_HOLDER_ROLES.has(role)) return;
  const holder = await q.overlappingHolder(db, unitId, role, from, personId);
  if (holder) throw conflict(`Đơn vị đã có Bí thư (${holder}) trong thời gian này; hãy kết thúc chức vụ đó trước`);
}

/** Gives a person a further position (e.g. a member elected deputy secretary). */
export async function addPosition(opts: { db: Db; actor: Actor; personId: string } & z.infer<typeof AddPositionBody>) {
  const { db, actor, personId } = opts;
  const { positions } = await loadPerson(db, actor, personId);
  await checkPositionTarget(db, actor, opts.unitId, opts.startDate, "unitId");
  if (positions.some((p) => p.unit_id === opts.unitId && p.role === opts.role && (p.end_date === null || p.end_date >= opts.startDate))) {
    throw conflict("Người này đang giữ chức vụ này tại đơn vị");
  }
  await checkSingleHolder(db, opts.unitId, opts.role, opts.startDate, personId);
  return db.transaction(async (tx) => {
    const id = await q.insertPosition(tx, { personId, unitId: opts.unitId, role: opts.role, title: opts.title ?? null, startDate: opts.startDate });
    await recordAction(tx, actor, { action: "position.create", subjectType: "position", subjectId: id, unitId: opts.unitId, after: { personId, unitId: opts.unitId, role: opts.role, title: opts.title ?? null, startDate: opts.startDate } });
    return id;
  });
}

/** Ends a position on a date (kept in the history). */
export async function endPosition(opts: { db: Db; actor: Actor; personId: string; positionId: string; endDate: string; reason?: string | null | undefined }) {
  const { db, actor } = opts;
  const position = await q.getPosition(db, opts.positionId);
  if (!position || position.person_id !== opts.personId) throw notFound("Không tìm thấy chức vụ");
  assertCanManage(actor, position.unit_id);
  if (position.end_date !== null) throw new AppError("INVALID_STATE", "Chức vụ này đã kết thúc");
  if (opts.endDate < position.start_date) throw invalid("Ngày kết thúc trước ngày bắt đầu", [{ path: "endDate", message: "Không hợp lệ" }]);
  await db.transaction(async (tx) => {
    await q.endPosition(tx, position.id, opts.endDate, opts.reason ?? null);
    await recordAction(tx, actor, { action: "position.end", subjectType: "position", subjectId: position.id, unitId: position.unit_id, before: { endDate: null }, after: { endDate: opts.endDate, reason: opts.reason ?? null } });
  });
}

/**
 * Moves a person to another unit: the old position ends the day before `date` and the new one
 * starts on `date`, in one transaction, so the history shows both.
 */
export async function transferPerson(opts: { db: Db; actor: Actor; personId: string } & z.infer<typeof TransferBody>) {
  const { db, actor, personId } = opts;
  const from = await q.getPosition(db, opts.fromPositionId);
  if (!from || from.person_id !== personId) throw notFound("Không tìm thấy chức vụ hiện tại");
  assertCanManage(actor, from.unit_id);
  if (from.end_date !== null) throw new AppError("INVALID_STATE", "Chức vụ hiện tại đã kết thúc");
  if (opts.date <= from.start_date) throw invalid("Ngày chuyển phải sau ngày bắt đầu chức vụ hiện tại", [{ path: "date", message: "Không hợp lệ" }]);
  if (opts.toUnitId === from.unit_id) throw invalid("Đơn vị chuyển đến trùng đơn vị hiện tại", [{ path: "toUnitId", message: "Trùng đơn vị" }]);
  await checkPositionTarget(db, actor, opts.toUnitId, opts.date, "toUnitId");
  await checkSingleHolder(db, opts.toUnitId, opts.role, opts.date, personId);
  return db.transaction(async (tx) => {
    const reason = opts.reason ?? "Chuyển sinh hoạt";
    await q.endPosition(tx, from.id, addDays(opts.date, -1), reason);
    const id = await q.insertPosition(tx, { personId, unitId: opts.toUnitId, role: opts.role, title: opts.title ?? null, startDate: opts.date });
    await recordAction(tx, actor, {
      action: "person.transfer",
      subjectType: "person",
      subjectId: personId,
      unitId: opts.toUnitId,
      before: { positionId: from.id, unitId: from.unit_id, role: from.role },
      after: { positionId: id, unitId: opts.toUnitId, role: opts.role, date: opts.date, reason },
    });
    return id;
  });
}

/** A row of the members import: a person's details and their position in the unit. */
export type MemberRowInput = Omit<q.NewPerson, "searchKey" | "sortKey"> & { role: string; title: string | null; startDate: string };

const MEMBER_BATCH = 1000;

/**
 * The members import's writes, inside the caller's transaction (the import checked the rows and
 * records its audit entry): new people with their position in `unitId`, and matched members'
 * details and position, a batch of rows per statement. Values go through `personValues`, as on
 * the form.
 */
export async function writeImportedMembers(
  tx: Queryable,
  unitId: string,
  creates: readonly MemberRowInput[],
  updates: readonly { personId: string; positionId: string; input: MemberRowInput }[],
) {
  for (let s = 0; s < creates.length; s += MEMBER_BATCH) {
    const chunk = creates.slice(s, s + MEMBER_BATCH).map((input) => ({ ...personValues(input), id: randomUUID(), input }));
    await q.insertPeople(tx, chunk);
    await q.insertPositions(tx, unitId, chunk.map((c) => ({ personId: c.id, role: c.input.role, title: c.input.title, startDate: c.input.startDate })));
  }
  for (let s = 0; s < updates.length; s += MEMBER_BATCH) {
    const chunk = updates.slice(s, s + MEMBER_BATCH);
    await q.updatePeople(tx, chunk.map((u) => ({ ...personValues(u.input), id: u.personId })));
    await q.updatePositions(tx, chunk.map((u) => ({ id: u.positionId, role: u.input.role, title: u.input.title, startDate: u.input.startDate })));
  }
}
