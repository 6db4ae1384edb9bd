import { randomUUID } from "node:crypto";
import type { ImportReport } from "@contracts/spreadsheets.js";
import { commitmentDateProblems } from "@domain/commitment-dates.js";
import { todayInVietnam } from "@domain/dates.js";
import { searchKey } from "@domain/vietnamese-text.js";
import { recordAction } from "../../audit/record-action.js";
import type { Db, Queryable } from "../../db/client.js";
import { assertCanManage, canView, canViewStaff, type Actor } from "../../http/actor.js";
import { AppError, notFound } from "../../http/errors.js";
import type { SheetIssue } from "../../spreadsheets/xlsx-reader.js";
import type { WorkerPool } from "../../workers/worker-pool.js";
import * as people from "../people/people.queries.js";
import { findAllPeople, writeImportedMembers } from "../people/people.service.js";
import { getUnitAsOf, getUnitBase } from "../units/units.queries.js";
import { campaignOpen, canReview, canViewSheet } from "../registrations/registrations.policy.js";
import { newRowKey, REGISTRATION_COLUMNS, REGISTRATION_STATUS_TEXT, type RegistrationInput } from "./registrations-sheet.js";
import { categoriesLabel, genderLabel, MEMBER_COLUMNS, memberKey, roleLabel, type MemberInput } from "./members-sheet.js";
import * as q from "./spreadsheets.queries.js";
import { refreshCommitmentOutcomes } from "../registrations/commitments.js";
import * as reg from "../registrations/registrations.queries.js";

const MAX_LISTED_ISSUES = 1000;

/** Loads a unit for a staff read: 404 when invisible, 403 when visible but not its staff. */
async function loadUnitForStaffRead(db: Db, actor: Actor, unitId: string, today: string) {
  if (!(await getUnitBase(db, unitId))) throw notFound("Không tìm thấy đơn vị");
  if (!canView(actor, unitId) && !canViewStaff(actor, unitId)) throw notFound("Không tìm thấy đơn vị");
  if (!canViewStaff(actor, unitId)) throw new AppError("FORBIDDEN", "Bạn không có quyền xem danh sách của đơn vị này");
  const unit = await getUnitAsOf(db, unitId, today);
  if (!unit) throw notFound("Đơn vị không còn hoạt động");
  return unit;
}

async function loadUnitForManage(db: Db, actor: Actor, unitId: string, today: string) {
  if (!(await getUnitBase(db, unitId))) throw notFound("Không tìm thấy đơn vị");
  assertCanManage(actor, unitId);
  const unit = await getUnitAsOf(db, unitId, today);
  if (!unit) throw notFound("Đơn vị không còn hoạt động");
  return unit;
}

function memberCells(r: q.MemberSheetRow, i: number) {
  return {
    stt: i + 1,
    fullName: r.full_name,
    birthDate: r.birth_date,
    gender: genderLabel(r.gender),
    categories: categoriesLabel(r.categories),
    role: roleLabel(r.role),
    title: r.title,
    startDate: r.start_date,
    externalCode: r.external_code,
    phone: r.phone,
    email: r.email,
  };
}

/** The members of a unit today as an XLSX file ("Danh sách đảng viên - <unit>.xlsx"). */
export async function exportMembers(opts: { db: Db; workers: WorkerPool; actor: Actor; unitId: string }) {
  const today = todayInVietnam();
  const unit = await loadUnitForStaffRead(opts.db, opts.actor, opts.unitId, today);
  const rows = await q.listMemberSheetRows(opts.db, opts.unitId, today);
  const body = await opts.workers.renderXlsx({
    title: `Danh sách đảng viên - ${unit.name}`,
    sheetName: "Danh sách",
    columns: MEMBER_COLUMNS,
    rows: rows.map(memberCells),
  });
  return { body, fileName: `Danh sách đảng viên - ${unit.name}.xlsx` };
}

function report(p: { ok: boolean; dryRun: boolean; applied: boolean; fileName: string | null; rows: number; create: number; update: number; unchanged: number; issues: SheetIssue[] }): ImportReport {
  const issues = [...p.issues].sort((a, b) => a.row - b.row);
  return {
    ok: p.ok,
    dryRun: p.dryRun,
    applied: p.applied,
    fileName: p.fileName,
    counts: { rows: p.rows, create: p.create, update: p.update, unchanged: p.unchanged },
    issues: issues.slice(0, MAX_LISTED_ISSUES),
    issueCount: issues.length,
  };
}

/** Refuses an import before the upload is read: 404 outside the actor's reach, 403 when only visible. */
export async function checkMembersImport(opts: { db: Db; actor: Actor; unitId: string }) {
  await loadUnitForManage(opts.db, opts.actor, opts.unitId, todayInVietnam());
}

/** Thrown by an import that found problems and wrote nothing: 400 with the full report. */
export class ImportRejected extends AppError {
  constructor(readonly report: ImportReport) {
    super("VALIDATION_FAILED", `Tệp có ${report.issueCount} lỗi; chưa ghi dòng nào`, report.issues.slice(0, 50).map((i) => ({ path: `dòng ${i.row}${i.column ? `, ${i.column}` : ""}`, message: i.message })));
  }
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join(",") === [...b].sort().join(",");

/**
 * Imports the members of a unit from the members sheet. The stable key per row is "Mã"
 * (external_code) when present, else full name + birth date; a row matching a current member
 * updates that member (person fields, and role/title/start date of the current position), a new
 * key adds a person with a position in the unit. Members missing from the file are left alone.
 * `dryRun` only reports. Otherwise everything is written in one transaction with one audit record,
 * or nothing when any row is wrong (ImportRejected). Importing the same file twice changes nothing.
 */
export async function importMembers(opts: { db: Db; workers: WorkerPool; actor: Actor; unitId: string; file: Buffer; fileName: string | null; dryRun: boolean }): Promise<ImportReport> {
  const { db, actor, unitId, dryRun, fileName } = opts;
  const today = todayInVietnam();
  const unit = await loadUnitForManage(db, actor, unitId, today);

  // the file is read and each row checked on a worker thread; duplicates are found here
  const inputs: MemberInput[] = [];
  const firstRowOfKey = new Map<string, number>();
  const issues: SheetIssue[] = [];
  const sheet = opts.workers.readSheet("members", opts.file);
  let next = await sheet.next();
  for (; !next.done; next = await sheet.next()) {
    issues.push(...next.value.issues);
    for (const m of next.value.inputs) {
      const seen = firstRowOfKey.get(m.key);
      if (seen !== undefined) {
        issues.push({ row: m.row, column: m.externalCode ? "Mã" : "Họ và tên", message: m.externalCode ? `Mã "${m.externalCode}" trùng với dòng ${seen}` : `"${m.fullName}" (ngày sinh ${m.birthDate ?? "trống"}) trùng với dòng ${seen}` });
        continue;
      }
      firstRowOfKey.set(m.key, m.row);
      inputs.push(m);
    }
  }
  const rows = next.value.rows;
  issues.push(...next.value.issues);

  // Match against the unit's current members, then refuse codes owned by people outside the unit.
  const members = await q.listMemberSheetRows(db, unitId, today);
  const byCode = new Map(members.filter((m) => m.external_code).map((m) => [m.external_code!, m]));
  const byName = new Map<string, q.MemberSheetRow>();
  for (const m of members) byName.set(memberKey(null, m.full_name, m.birth_date), m);
  const owners = new Map((await people.findCodeOwners(db, inputs.flatMap((i) => (i.externalCode ? [i.externalCode] : [])))).map((o) => [o.external_code, o]));
  const matchedBy = new Map<string, number>();
  const creates: MemberInput[] = [];
  const updates: { input: MemberInput; member: q.MemberSheetRow }[] = [];
  let unchanged = 0;
  for (const input of inputs) {
    let member = input.externalCode ? byCode.get(input.externalCode) : undefined;
    if (!member) {
      const candidate = byName.get(memberKey(null, input.fullName, input.birthDate));
      if (candidate && (!input.externalCode || !candidate.external_code)) member = candidate;
    }
    if (!member && input.externalCode) {
      const owner = owners.get(input.externalCode);
      if (owner) {
        issues.push({ row: input.row, column: "Mã", message: `Mã "${input.externalCode}" đã thuộc ${owner.full_name}, người không sinh hoạt tại đơn vị này` });
        continue;
      }
    }
    if (member && input.externalCode && member.external_code !== input.externalCode) {
      const owner = owners.get(input.externalCode);
      if (owner && owner.id !== member.person_id) {
        issues.push({ row: input.row, column: "Mã", message: `Mã "${input.externalCode}" đã thuộc ${owner.full_name}` });
        continue;
      }
    }
    if (member) {
      const prev = matchedBy.get(member.person_id);
      if (prev !== undefined) {
        issues.push({ row: input.row, column: "Họ và tên", message: `Dòng này và dòng ${prev} cùng chỉ một người (${member.full_name})` });
        continue;
      }
      matchedBy.set(member.person_id, input.row);
      const same =
        member.full_name === input.fullName &&
        member.birth_date === input.birthDate &&
        member.gender === input.gender &&
        sameSet(member.categories, input.categories) &&
        member.role === input.role &&
        member.title === input.title &&
        member.start_date === input.startDate &&
        member.external_code === input.externalCode &&
        member.phone === input.phone &&
        member.email === input.email;
      if (same) unchanged++;
      else updates.push({ input, member });
    } else creates.push(input);
  }

  // One secretary per unit: the file's secretaries plus current ones the file does not reassign.
  const secretaryRows = inputs.filter((i) => i.role === "secretary");
  const keptSecretaries = members.filter((m) => m.role === "secretary" && !matchedBy.has(m.person_id));
  if (secretaryRows.length + keptSecretaries.length > 1) {
    for (const s of secretaryRows) {
      issues.push({
        row: s.row,
        column: "Chức vụ",
        message: keptSecretaries.length
          ? `Đơn vị đã có Bí thư (${keptSecretaries[0]!.full_name}); mỗi đơn vị chỉ có một Bí thư`
          : "Tệp có nhiều hơn một Bí thư; mỗi đơn vị chỉ có một Bí thư",
      });
    }
  }
  if (rows > 0 && inputs.length === 0 && issues.length === 0) issues.push({ row: 0, column: null, message: "Không có dòng hợp lệ nào" });

  const base = { dryRun, fileName, rows, create: creates.length, update: updates.length, unchanged, issues };
  if (issues.length) {
    const r = report({ ...base, ok: false, applied: false });
    if (dryRun) return r;
    throw new ImportRejected(r);
  }
  if (dryRun || (creates.length === 0 && updates.length === 0)) return report({ ...base, ok: true, applied: false });

  await db.transaction(async (tx) => {
    // the people owner writes its tables
    await writeImportedMembers(tx, unitId, creates, updates.map((u) => ({ personId: u.member.person_id, positionId: u.member.position_id, input: u.input })));
    await recordAction(tx, actor, {
      action: "members.import",
      subjectType: "unit",
      subjectId: unitId,
      unitId,
      after: {
        unitName: unit.name,
        fileName,
        rows,
        created: creates.length,
        updated: updates.length,
        unchanged,
        createdNames: creates.slice(0, 50).map((c) => c.fullName),
        updatedNames: updates.slice(0, 50).map((u) => u.input.fullName),
      },
    });
  });
  return report({ ...base, ok: true, applied: true });
}

/**
 * The people search list (same filter and scope as GET /api/people, every page) as XLSX.
 * Read-only reuse of the people feature's search.
 */
export async function exportPeople(opts: { db: Db; workers: WorkerPool; actor: Actor; q?: string | undefined; unitId?: string | undefined }) {
  const { rows, current } = await findAllPeople({ db: opts.db, actor: opts.actor, q: opts.q, unitId: opts.unitId });
  const body = await opts.workers.renderXlsx({
    title: "Danh sách cán bộ, đảng viên",
    sheetName: "Danh sách",
    columns: [
      { header: "STT", key: "stt", type: "integer", width: 6 },
      { header: "Họ và tên", key: "fullName", type: "text", width: 28 },
      { header: "Ngày sinh", key: "birthDate", type: "date" },
      { header: "Giới tính", key: "gender", type: "text", width: 10 },
      { header: "Phân loại", key: "categories", type: "text", width: 26 },
      { header: "Đơn vị, chức vụ hiện nay", key: "positions", type: "text", width: 50 },
    ],
    rows: rows.map((p, i) => ({
      stt: i + 1,
      fullName: p.full_name,
      birthDate: p.birth_date,
      gender: genderLabel(p.gender),
      categories: categoriesLabel(p.categories),
      positions: current
        .filter((c) => c.person_id === p.id)
        .map((c) => `${roleLabel(c.role)}${c.title ? ` (${c.title})` : ""} - ${c.unit_name}`)
        .join("; "),
    })),
  });
  return { body, fileName: "Danh sách cán bộ, đảng viên.xlsx" };
}

/**
 * The campaign and one of its units for the registration sheet: 404 for an unknown or draft
 * campaign, a unit outside the actor's reach or not taking part; 403 for whoever may not see the
 * unit's whole sheet in the app; for an import (`write`), 403 unless the actor reviews the unit's
 * sheets (its manager or its secretary, as for approving) and 409 once the campaign is no longer
 * open — the same rules as the registration pages.
 */
async function loadCampaignCell(db: Db, actor: Actor, campaignId: string, unitId: string, write: boolean) {
  const campaign = await q.getCampaign(db, campaignId);
  if (!campaign || campaign.status === "draft" || !(await getUnitBase(db, unitId))) throw notFound("Không tìm thấy phong trào hoặc đơn vị");
  if (!canView(actor, unitId)) throw notFound("Không tìm thấy đơn vị");
  if (!(await q.takesPart(db, campaign, unitId))) throw notFound("Đơn vị không tham gia phong trào này");
  // the whole sheet is for the cell's leadership and staff, as on its page (a member sees only their own)
  if (!canViewSheet(actor, unitId)) throw new AppError("FORBIDDEN", "Chỉ Bí thư, Phó Bí thư hoặc người được phân quyền mới xem bảng đăng ký của đơn vị");
  if (write) {
    if (!canReview(actor, unitId)) throw new AppError("FORBIDDEN", "Chỉ Bí thư hoặc người quản lý đơn vị mới nhập bảng đăng ký từ Excel");
    if (!campaignOpen(campaign)) {
      throw new AppError("INVALID_STATE", campaign.status === "closed" ? "Phong trào đã kết thúc, không thể nhập bảng đăng ký" : "Phong trào chưa phát động");
    }
  }
  const unit = await getUnitAsOf(db, unitId, todayInVietnam());
  if (!unit) throw notFound("Đơn vị không còn hoạt động");
  return { campaign, unit };
}

/** Refuses a registration import before the upload is read (404/403/409). */
export async function checkRegistrationsImport(opts: { db: Db; actor: Actor; campaignId: string; unitId: string }) {
  await loadCampaignCell(opts.db, opts.actor, opts.campaignId, opts.unitId, true);
}

/** A cell's registration sheet of a campaign (one row per commitment) as XLSX, streamed row by row. */
export async function exportRegistrations(opts: { db: Db; workers: WorkerPool; actor: Actor; campaignId: string; unitId: string }) {
  const { unit } = await loadCampaignCell(opts.db, opts.actor, opts.campaignId, opts.unitId, false);
  const rows = await q.listCommitmentSheetRows(opts.db, opts.campaignId, opts.unitId, todayInVietnam());
  const body = await opts.workers.renderXlsx({
    title: `Bảng đăng ký - ${unit.name}`,
    sheetName: "Bảng đăng ký",
    columns: REGISTRATION_COLUMNS,
    rows: rows.map((r, i) => ({
      stt: i + 1,
      fullName: r.full_name,
      role: r.role ? roleLabel(r.role) : null,
      criterion: r.criterion_code,
      item: r.item_code,
      action: r.action,
      target: r.target,
      place: r.place,
      startDate: r.start_date,
      deadline: r.deadline,
      status: REGISTRATION_STATUS_TEXT[r.registration_status] ?? r.registration_status,
      rowKey: r.commitment_id,
    })),
  });
  return { body, fileName: `Bảng đăng ký - ${unit.name}.xlsx` };
}

/**
 * Imports a cell's registration sheet. A row with "Mã dòng" updates that commitment; a row
 * without it is keyed by person + sub-item + action (so the same new row imported twice is one
 * commitment). Persons must be current members of the cell; a new person gets a draft
 * registration. Rows that would change an approved registration are refused. Dry run reports
 * only; otherwise all rows in one transaction with one audit record, or nothing.
 *
 * A worker thread reads the file and checks each row on its own while this thread loads what the
 * rows are matched against; batches are matched as they arrive. Once a batch has something to
 * write and no row so far is wrong, the transaction opens and each batch is written while the
 * worker reads on; a wrong row later stops the writing, and the transaction is rolled back at
 * the end with the full report (all or nothing, as before).
 */
export async function importRegistrations(opts: {
  db: Db;
  workers: WorkerPool;
  actor: Actor;
  campaignId: string;
  unitId: string;
  file: Buffer;
  fileName: string | null;
  dryRun: boolean;
}): Promise<ImportReport> {
  const { db, actor, campaignId, unitId, dryRun, fileName } = opts;
  const today = todayInVietnam();
  const { campaign, unit } = await loadCampaignCell(db, actor, campaignId, unitId, true);

  const sheet = opts.workers.readSheet("registrations", opts.file);
  try {
    // start the worker on the file, then load the lookups while it reads
    const first = sheet.next();
    first.catch(() => undefined);
    const [members, items, registrations] = await Promise.all([
      q.listMemberSheetRows(db, unitId, today),
      q.listCriterionItems(db, campaign.criteria_set_id),
      q.listRegistrations(db, campaignId, unitId),
    ]);
    const membersByName = new Map<string, q.MemberSheetRow[]>();
    for (const m of members) {
      const k = searchKey(m.full_name);
      membersByName.set(k, [...(membersByName.get(k) ?? []), m]);
    }
    const itemByCode = new Map(items.map((i) => [i.code.toUpperCase(), i]));
    const period = { start: campaign.period_start, end: campaign.period_end };
    const registrationByPerson = new Map(registrations.filter((r) => r.person_id).map((r) => [r.person_id!, r]));
    /** The member a row names, when exactly one. */
    const personOf = (input: RegistrationInput) => {
      const candidates = membersByName.get(input.nameKey);
      return candidates?.length === 1 ? candidates[0]! : null;
    };
    // Rows without "Mã dòng" find their commitment by content (person, sub-item, action): the
    // sheet's keys as they stood before the import, read on the first such row, or
    // before the first write, whichever comes first.
    let idByKey: Map<string, string> | null = null;
    const loadKeys = async (conn: Queryable) => {
      if (idByKey) return;
      const keys = new Map<string, string>();
      for (const c of await reg.listSheetCommitmentKeys(conn, campaignId, unitId)) keys.set(newRowKey(c.person_id, c.item_code, searchKey(c.action)), c.commitment_id);
      idByKey = keys;
    };
    /** The commitment a row without "Mã dòng" finds by content, if any. */
    const idOfContent = (input: RegistrationInput, personId: string, itemCode: string) => idByKey!.get(newRowKey(personId, itemCode, input.actionKey));

    const issues: SheetIssue[] = [];
    const seenKeys = new Map<string, number>();
    let creates: { input: RegistrationInput; personId: string; itemId: string }[] = [];
    let updates: { input: RegistrationInput; commitment: reg.SheetCommitmentRow; itemId: string }[] = [];
    const counts = { inputs: 0, create: 0, update: 0, unchanged: 0 };

    const match = (input: RegistrationInput, byId: Map<string, reg.SheetCommitmentRow>) => {
      counts.inputs++;
      const candidates = membersByName.get(input.nameKey) ?? [];
      if (candidates.length === 0) {
        issues.push({ row: input.row, column: "Họ và tên", message: `"${input.fullName}" không phải đảng viên đang sinh hoạt tại ${unit.name}` });
        return;
      }
      if (candidates.length > 1) {
        issues.push({ row: input.row, column: "Họ và tên", message: `Đơn vị có ${candidates.length} người tên "${input.fullName}"; hãy sửa trực tiếp trên hệ thống` });
        return;
      }
      const person = candidates[0]!;
      const item = itemByCode.get(input.item.toUpperCase());
      if (!item) {
        issues.push({ row: input.row, column: "Nội dung", message: `Nội dung "${input.item}" không có trong bộ tiêu chí của phong trào` });
        return;
      }
      if (item.criterion_code.toUpperCase() !== input.criterion.toUpperCase()) {
        issues.push({ row: input.row, column: "Tiêu chí", message: `Nội dung ${item.code} thuộc tiêu chí ${item.criterion_code}, không phải "${input.criterion}"` });
        return;
      }
      // the same rule as the registration form (src/domain/commitment-dates.ts)
      const dateProblems = commitmentDateProblems(input, period);
      if (dateProblems.length) {
        for (const p of dateProblems) issues.push({ row: input.row, column: p.field === "deadline" ? "Thời hạn" : "Ngày bắt đầu", message: p.message });
        return;
      }
      let commitment: reg.SheetCommitmentRow | undefined;
      const hash = newRowKey(person.person_id, item.code, input.actionKey);
      if (input.rowKey) {
        commitment = byId.get(input.rowKey.toLowerCase());
        if (!commitment) {
          issues.push({ row: input.row, column: "Mã dòng", message: `Mã dòng "${input.rowKey}" không thuộc bảng đăng ký này; để trống cho dòng mới` });
          return;
        }
        if (commitment.person_id !== person.person_id) {
          issues.push({ row: input.row, column: "Họ và tên", message: `Mã dòng này là của ${commitment.full_name}, không phải "${input.fullName}"` });
          return;
        }
      } else {
        const id = idByKey!.get(hash);
        commitment = id ? byId.get(id) : undefined;
      }
      const key = commitment ? commitment.commitment_id : hash;
      const seen = seenKeys.get(key);
      if (seen !== undefined) {
        issues.push({ row: input.row, column: input.rowKey ? "Mã dòng" : "Việc làm thiết thực", message: `Dòng này trùng với dòng ${seen}` });
        return;
      }
      seenKeys.set(key, input.row);
      if (commitment) {
        const same =
          commitment.item_code === item.code &&
          commitment.action === input.action &&
          commitment.target === input.target &&
          commitment.place === input.place &&
          commitment.start_date === input.startDate &&
          commitment.deadline === input.deadline;
        if (same) {
          counts.unchanged++;
          return;
        }
        if (commitment.registration_status === "approved") {
          issues.push({ row: input.row, column: null, message: `Bản đăng ký của ${commitment.full_name} đã được duyệt; không thể sửa bằng tệp Excel` });
          return;
        }
        counts.update++;
        updates.push({ input, commitment, itemId: item.id });
      } else {
        if (registrationByPerson.get(person.person_id)?.status === "approved") {
          issues.push({ row: input.row, column: null, message: `Bản đăng ký của ${person.full_name} đã được duyệt; không thể thêm việc làm bằng tệp Excel` });
          return;
        }
        counts.create++;
        creates.push({ input, personId: person.person_id, itemId: item.id });
      }
    };

    // What the transaction writes, batch by batch: new registrations first, then their commitments.
    const newRegistrations = new Map<string, string>();
    const touched = new Set<string>();
    const BATCH = 1000;
    const flush = async (tx: Queryable) => {
      const regs: { id: string; personId: string }[] = [];
      for (const c of creates) {
        const own = registrationByPerson.get(c.personId);
        if (own) touched.add(own.id);
        else if (!newRegistrations.has(c.personId)) {
          const id = randomUUID();
          newRegistrations.set(c.personId, id);
          regs.push({ id, personId: c.personId });
        }
      }
      for (const u of updates) touched.add(u.commitment.registration_id);
      // the dates were checked against the campaign (commitmentDateProblems): a deadline is there
      const values = (input: RegistrationInput, itemId: string) => ({ criterionItemId: itemId, action: input.action, target: input.target, place: input.place, startDate: input.startDate, deadline: input.deadline! });
      for (let s = 0; s < regs.length; s += BATCH) await reg.insertDraftRegistrations(tx, campaignId, unitId, regs.slice(s, s + BATCH));
      for (let s = 0; s < creates.length; s += BATCH) {
        await reg.insertCommitmentsBatch(
          tx,
          creates.slice(s, s + BATCH).map((c) => ({ ...values(c.input, c.itemId), registrationId: registrationByPerson.get(c.personId)?.id ?? newRegistrations.get(c.personId)!, sort: c.input.row })),
        );
      }
      for (let s = 0; s < updates.length; s += BATCH) {
        await reg.updateCommitmentsBatch(tx, updates.slice(s, s + BATCH).map((u) => ({ ...values(u.input, u.itemId), id: u.commitment.commitment_id })));
      }
      // a commitment moved to another criterion may now be broken by a violation of another kind
      if (updates.length) await refreshCommitmentOutcomes(tx, { commitmentIds: updates.map((u) => u.commitment.commitment_id) });
      creates = [];
      updates = [];
    };

    let end: { rows: number; issues: SheetIssue[] } | null = null;
    /** Matches one batch with one query for the commitments its rows name or find by content. */
    const matchBatch = async (conn: Queryable, inputs: RegistrationInput[]) => {
      if (!idByKey && inputs.some((i) => !i.rowKey)) await loadKeys(conn);
      const ids: string[] = [];
      for (const input of inputs) {
        if (input.rowKey) ids.push(input.rowKey.toLowerCase());
        else {
          const person = personOf(input);
          const item = itemByCode.get(input.item.toUpperCase());
          const id = person && item ? idOfContent(input, person.person_id, item.code) : undefined;
          if (id) ids.push(id);
        }
      }
      const byId = new Map((await reg.listSheetCommitments(conn, campaignId, unitId, ids)).map((c) => [c.commitment_id, c]));
      for (const input of inputs) match(input, byId);
    };

    /** Matches batches until the end of the file; without `tx`, stops at the first batch worth writing. */
    const pump = async (tx: Queryable | null) => {
      for (let next = await (tx ? sheet.next() : first); ; next = await sheet.next()) {
        if (next.done) {
          end = next.value;
          issues.push(...end.issues);
          return;
        }
        issues.push(...next.value.issues);
        await matchBatch(tx ?? db, next.value.inputs);
        if (dryRun || issues.length > 0) {
          // never written: only the counts are kept
          creates = [];
          updates = [];
        } else if (creates.length || updates.length) {
          if (!tx) return;
          await flush(tx);
        }
      }
    };
    /** The report once the whole file is read; `applied` when it was written. */
    const finalReport = (applied: boolean) => {
      const rows = end!.rows;
      if (rows > 0 && counts.inputs === 0 && issues.length === 0) issues.push({ row: 0, column: null, message: "Không có dòng hợp lệ nào" });
      const ok = issues.length === 0;
      return report({ ok, applied: ok && applied, dryRun, fileName, rows, create: counts.create, update: counts.update, unchanged: counts.unchanged, issues });
    };

    await pump(null);
    if (!end) {
      // something to write and nothing wrong so far: write while the worker reads on, the
      // content keys read first (they are the sheet as it was before the import)
      await loadKeys(db);
      return await db.transaction(async (tx) => {
        await flush(tx);
        await pump(tx);
        const r = finalReport(true);
        // a wrong row after the first writes: the rollback leaves nothing behind
        if (!r.ok) throw new ImportRejected(r);
        await reg.touchRegistrations(tx, [...touched]);
        await recordAction(tx, actor, {
          action: "registrations.import",
          subjectType: "campaign_unit",
          subjectId: campaignId,
          unitId,
          after: { campaignName: campaign.name, unitName: unit.name, fileName, rows: r.counts.rows, created: counts.create, updated: counts.update, unchanged: counts.unchanged, newRegistrations: newRegistrations.size },
        });
        return r;
      });
    }
    const r = finalReport(false);
    if (!r.ok && !dryRun) throw new ImportRejected(r);
    return r;
  } finally {
    await sheet.return(undefined as never);
  }
}
