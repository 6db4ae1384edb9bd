import { REPORT_SECTION_LABELS, REPORT_SECTIONS, type ReportStatistics, type SaveReportBody, type SubmissionState } from "@contracts/reports.js";
import { MODEL_FIELDS, type ModelField } from "@domain/criteria.js";
import { formatViDate, todayInVietnam } from "@domain/dates.js";
import { formatPartySymbol, nextNumber } from "@domain/document-numbers.js";
import { calendarYearPeriod, documentSystemOf, numberingOf } from "@domain/document-systems.js";
import { VIOLATION_KINDS, VIOLATION_KIND_LABELS } from "@domain/ratings.js";
import { compareText, textSortKey } from "@domain/vietnamese-text.js";
import { recordAction } from "../../audit/record-action.js";
import type { Db, Queryable } from "../../db/client.js";
import { assertCanManage, canManage, type Actor } from "../../http/actor.js";
import { AppError, conflict, invalid, notFound } from "../../http/errors.js";
import { notify } from "../notifications/notifications.service.js";
import { listHolders } from "../notifications/recipients.queries.js";
import { campaignAsOf, defaultTermBounds } from "./reports.compute.js";
import { loadSubtreeFigures, type BranchFigures } from "./reports.figures.js";
import { canEditReport, canReadReport, NON_REPORTING_KINDS, REPORTING_UNIT_KINDS } from "./reports.policy.js";
import { decodePageCursor, encodePageCursor } from "../../http/page-cursor.js";
import * as q from "./reports.queries.js";

const SUBJECT_KIND_LABELS: Record<string, string> = { person: "Cá nhân", collective: "Tập thể", model: "Mô hình" };

export interface CampaignUnitContext {
  campaign: q.CampaignRow;
  unit: { id: string; name: string; kind: string; symbol_code: string; parent_id: string | null };
  asOf: string;
  today: string;
}

/**
 * The campaign and a unit of its tree, readable by the actor; 404 when either is unknown, the unit
 * is outside the actor's reach, or the unit is not under the campaign's launching unit.
 */
export async function loadCampaignUnit(db: Queryable, actor: Actor, campaignId: string, unitId: string, requestedAsOf?: string): Promise<CampaignUnitContext> {
  const [ctx] = await loadCampaignUnitWith(db, actor, campaignId, unitId, requestedAsOf, () => Promise.resolve(null));
  return ctx;
}

/**
 * The same, with reads that need only the campaign and the day (`work`) run in the same round trip
 * as the unit's checks: a page's figures do not wait for them. What `work` read is dropped when
 * the checks refuse.
 */
async function loadCampaignUnitWith<T>(
  db: Queryable,
  actor: Actor,
  campaignId: string,
  unitId: string,
  requestedAsOf: string | undefined,
  work: (campaign: q.CampaignRow, asOf: string) => Promise<T>,
): Promise<[CampaignUnitContext, T]> {
  if (!canReadReport(actor, unitId)) throw notFound("Không tìm thấy đơn vị");
  const campaign = await q.getCampaign(db, campaignId);
  if (!campaign || campaign.status === "draft") throw notFound("Không tìm thấy đợt thi đua");
  const today = todayInVietnam();
  const latest = campaignAsOf(campaign, today);
  if (requestedAsOf !== undefined && requestedAsOf !== latest) checkAsOf(campaign, latest, requestedAsOf);
  const asOf = requestedAsOf ?? latest;
  const checked = loadCampaignUnitOn(db, campaign, unitId, asOf, today);
  // the checks' refusal wins: the work's outcome is only looked at once they passed
  const done = work(campaign, asOf).then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  const ctx = await checked;
  const r = await done;
  if ("error" in r) throw r.error;
  return [ctx, r.value];
}

/** A past day of the campaign: from its first day up to today (or its last day once it has ended). */
function checkAsOf(campaign: q.CampaignRow, latest: string, requested: string) {
  if (requested < campaign.period_start || requested > latest) {
    throw invalid("Ngày xem số liệu không hợp lệ", [
      { path: "asOf", message: `Chọn một ngày từ ${formatViDate(campaign.period_start)} đến ${formatViDate(latest)}` },
    ]);
  }
}

async function loadCampaignUnitOn(db: Queryable, campaign: q.CampaignRow, unitId: string, asOf: string, today: string): Promise<CampaignUnitContext> {
  const [inCampaign, unit] = await Promise.all([q.isInSubtree(db, campaign.unit_id, unitId, asOf), q.getUnitOn(db, unitId, asOf)]);
  if (!inCampaign) throw notFound("Đơn vị không tham gia đợt thi đua này");
  if (!unit) throw notFound("Không tìm thấy đơn vị");
  return { campaign, unit, asOf, today };
}

/** The statistics of a unit's report over its whole subtree, as they are on `ctx.asOf`. */
export async function buildStatistics(db: Queryable, ctx: CampaignUnitContext): Promise<ReportStatistics> {
  const { campaign, unit, asOf } = ctx;
  const [f, models, approved] = await Promise.all([
    loadSubtreeFigures(db, campaign, unit.id, asOf, []),
    q.listSubtreeModels(db, campaign.id, unit.id, asOf),
    q.listSubtreeApprovedProposals(db, campaign.id, unit.id, asOf),
  ]);
  const names = new Map((await q.getUnitNames(db, [...new Set([...models.map((m) => m.unit_id), ...approved.map((p) => p.unit_id)])], asOf)).map((u) => [u.unit_id, u.name]));
  const t = f.total;
  const byKind = VIOLATION_KINDS.filter((k) => t.violations[k] > 0);
  return {
    asOf,
    criteria: f.criteriaOf(t),
    total: f.totalOf(t),
    members: f.membersOf(t),
    models: {
      count: t.models,
      items: models.map((m) => ({
        name: m.name,
        field: m.field,
        fieldLabel: MODEL_FIELDS[m.field as ModelField] ?? m.field,
        ownerName: m.owner_name,
        unitName: names.get(m.unit_id) ?? "",
      })),
    },
    violations: {
      count: VIOLATION_KINDS.reduce((a, k) => a + t.violations[k], 0),
      byKind: byKind.map((k) => ({ kind: k, label: VIOLATION_KIND_LABELS[k], count: t.violations[k] })),
    },
    commendations: {
      proposed: t.proposals.proposed,
      approved: t.proposals.approved,
      declined: t.proposals.declined,
      approvedItems: approved.map((p) => ({ subjectName: p.subject_name, subjectKindLabel: SUBJECT_KIND_LABELS[p.subject_kind] ?? p.subject_kind, unitName: names.get(p.unit_id) ?? "" })),
    },
  };
}

/** A submitted report is late when it was sent (Vietnamese date) after the campaign's report deadline. */
export function isLate(report: Pick<q.ReportRow, "status" | "submitted_at"> | null, deadline: string | null): boolean {
  if (!report || report.status !== "submitted" || !report.submitted_at || !deadline) return false;
  return todayInVietnam(report.submitted_at) > deadline;
}

export function submissionState(report: Pick<q.ReportRow, "status" | "submitted_at"> | null, deadline: string | null): SubmissionState {
  if (!report) return "not_started";
  if (report.status === "draft") return "draft";
  return isLate(report, deadline) ? "submitted_late" : "submitted_on_time";
}

/**
 * The series a report of `date` is numbered in: the committee term of a Party unit (the recorded
 * one, else the default five-year cycle), the calendar year of any other (src/domain/document-systems.ts).
 */
async function termBounds(db: Queryable, unit: { id: string; kind: string; name: string }, date: string): Promise<{ start: string; end: string }> {
  if (numberingOf(documentSystemOf(unit)) === "state") {
    const year = calendarYearPeriod(date);
    return { start: year.startDate, end: year.endDate };
  }
  const unitId = unit.id;
  const recorded = await q.findRecordedTerm(db, unitId, date);
  if (recorded && (recorded.end_date === null || recorded.end_date >= date)) return { start: recorded.start_date, end: recorded.end_date ?? "9999-12-31" };
  return defaultTermBounds(date);
}

/** The unit's result reports numbered in the same term as `date` (the BC series that continues). */
async function numberedInTerm(db: Queryable, unit: { id: string; kind: string; name: string }, date: string, excludeId: string | null) {
  const term = await termBounds(db, unit, date);
  const rows = (await q.listNumberedReports(db, unit.id)).filter((r) => r.id !== excludeId && r.date >= term.start && r.date <= term.end);
  return { term, rows };
}

async function suggestNumber(db: Queryable, unit: { id: string; kind: string; name: string }, date: string, excludeId: string | null) {
  const { term, rows } = await numberedInTerm(db, unit, date, excludeId);
  return nextNumber({ format: numberingOf(documentSystemOf(unit)), existing: rows.map((r) => ({ number: r.number, typeCode: "BC", date: r.date })), typeCode: "BC", date, termStart: term.start });
}

function symbolFor(number: number, symbolCode: string): string {
  return formatPartySymbol({ number, typeCode: "BC", issuerCode: symbolCode });
}

/** A unit's report with its statistics (frozen once submitted, live before) and what the actor may do. */
export async function getUnitReport(opts: { db: Db; actor: Actor; campaignId: string; unitId: string; asOf?: string }) {
  const { db, actor } = opts;
  const ctx = await loadCampaignUnit(db, actor, opts.campaignId, opts.unitId, opts.asOf);
  const report = await q.getReport(db, opts.campaignId, opts.unitId);
  const frozen = report?.status === "submitted" && report.statistics !== null;
  const statistics = frozen ? (report.statistics as ReportStatistics) : await buildStatistics(db, ctx);
  const receiver = report?.received_by_unit_id
    ? { unit_id: report.received_by_unit_id, name: report.received_by_name ?? "" }
    : report?.status === "submitted"
      ? null
      : await q.findReceivingOffice(db, ctx.unit.id, ctx.today);
  const date = report?.report_date ?? ctx.today;
  const suggestedNumber = report?.number ?? (await suggestNumber(db, ctx.unit, date, report?.id ?? null));
  const hasChildren = await q.hasChildren(db, ctx.unit.id, ctx.asOf);
  const editable = canEditReport(actor, ctx.unit.id, report?.status ?? null);
  return {
    ctx,
    report,
    statistics,
    frozen,
    receiver,
    suggestedNumber,
    suggestedSymbol: symbolFor(suggestedNumber, ctx.unit.symbol_code),
    hasChildren,
    late: isLate(report, ctx.campaign.report_deadline),
    can: { edit: editable, submit: editable },
  };
}

type Fields = Omit<q.ReportValues, "symbol">;

function mergeValues(existing: q.ReportRow | null, body: SaveReportBody): Fields {
  const pick = <K extends keyof SaveReportBody>(k: K, current: Fields[keyof Fields]) => (body[k] === undefined ? current : (body[k] ?? null));
  const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);
  return {
    number: pick("number", existing?.number ?? null) as number | null,
    reportDate: pick("reportDate", existing?.report_date ?? null) as string | null,
    strengths: text(pick("strengths", existing?.strengths ?? null)),
    limitations: text(pick("limitations", existing?.limitations ?? null)),
    causes: text(pick("causes", existing?.causes ?? null)),
    nextSteps: text(pick("nextSteps", existing?.next_steps ?? null)),
  };
}

async function checkNumberFree(db: Queryable, unit: { id: string; kind: string; name: string }, number: number, date: string, selfId: string | null, symbol: string) {
  const { rows } = await numberedInTerm(db, unit, date, selfId);
  const series = numberingOf(documentSystemOf(unit)) === "party" ? "trong nhiệm kỳ này" : `trong năm ${date.slice(0, 4)}`;
  if (rows.some((r) => r.number === number)) throw conflict(`Số ${symbol} đã được dùng cho một báo cáo khác của đơn vị ${series}`);
}

function checkReportDate(ctx: CampaignUnitContext, date: string | null) {
  if (date && date < ctx.campaign.period_start) {
    throw invalid("Ngày báo cáo không hợp lệ", [{ path: "reportDate", message: `Ngày báo cáo phải từ ngày bắt đầu đợt thi đua (${formatViDate(ctx.campaign.period_start)})` }]);
  }
}

/** Writes the draft (creating it on first save); a submitted report is read-only (409 LOCKED). */
export async function saveReport(opts: { db: Db; actor: Actor; campaignId: string; unitId: string; body: SaveReportBody }) {
  const { db, actor, body } = opts;
  const ctx = await loadCampaignUnit(db, actor, opts.campaignId, opts.unitId);
  assertCanManage(actor, ctx.unit.id);
  checkReportDate(ctx, body.reportDate ?? null);
  return db.transaction(async (tx) => {
    const existing = await q.getReport(tx, opts.campaignId, opts.unitId, { forUpdate: true });
    if (existing?.status === "submitted") throw new AppError("LOCKED", "Báo cáo đã gửi lên cấp trên, không thể sửa");
    const values = mergeValues(existing, body);
    const symbol = values.number ? symbolFor(values.number, ctx.unit.symbol_code) : null;
    if (values.number && symbol) await checkNumberFree(tx, ctx.unit, values.number, values.reportDate ?? ctx.today, existing?.id ?? null, symbol);
    let id = existing?.id ?? null;
    if (id) await q.updateReport(tx, id, { ...values, symbol });
    else id = await q.insertReport(tx, opts.campaignId, opts.unitId, { ...values, symbol });
    if (!id) throw conflict("Báo cáo vừa được người khác tạo, vui lòng tải lại trang");
    await recordAction(tx, actor, {
      action: existing ? "result_report.update" : "result_report.create",
      subjectType: "result_report",
      subjectId: id,
      unitId: ctx.unit.id,
      before: existing ? presentValues(existing) : undefined,
      after: { ...values, symbol },
    });
    return id;
  });
}

function presentValues(r: q.ReportRow) {
  return { number: r.number, symbol: r.symbol, reportDate: r.report_date, strengths: r.strengths, limitations: r.limitations, causes: r.causes, nextSteps: r.next_steps };
}

/**
 * Submits the report to the level above through the mass-mobilisation office: the narrative must
 * be complete; the number (suggested when empty) and the date are fixed; the statistics are frozen
 * as they are at this moment. A report is submitted once (409 afterwards).
 */
export async function submitReport(opts: { db: Db; actor: Actor; campaignId: string; unitId: string; body: SaveReportBody }) {
  const { db, actor, body } = opts;
  const ctx = await loadCampaignUnit(db, actor, opts.campaignId, opts.unitId);
  assertCanManage(actor, ctx.unit.id);
  checkReportDate(ctx, body.reportDate ?? null);
  return db.transaction(async (tx) => {
    const existing = await q.getReport(tx, opts.campaignId, opts.unitId, { forUpdate: true });
    if (existing?.status === "submitted") throw new AppError("INVALID_STATE", "Báo cáo đã được gửi trước đó");
    const values = mergeValues(existing, body);
    const missing = REPORT_SECTIONS.filter((s) => !values[s]);
    if (missing.length) {
      throw invalid(
        `Báo cáo chưa có nội dung: ${missing.map((s) => REPORT_SECTION_LABELS[s]).join(", ")}`,
        missing.map((s) => ({ path: s, message: `Vui lòng nhập phần “${REPORT_SECTION_LABELS[s]}”` })),
      );
    }
    values.reportDate ??= ctx.today;
    if (values.reportDate > ctx.today) throw invalid("Ngày báo cáo không hợp lệ", [{ path: "reportDate", message: "Ngày báo cáo không được sau ngày gửi" }]);
    values.number ??= await suggestNumber(tx, ctx.unit, values.reportDate, existing?.id ?? null);
    const symbol = symbolFor(values.number, ctx.unit.symbol_code);
    await checkNumberFree(tx, ctx.unit, values.number, values.reportDate, existing?.id ?? null, symbol);
    const statistics = await buildStatistics(tx, ctx);
    const receiver = await q.findReceivingOffice(tx, ctx.unit.id, ctx.today);
    let id = existing?.id ?? null;
    if (id) await q.updateReport(tx, id, { ...values, symbol });
    else id = await q.insertReport(tx, opts.campaignId, opts.unitId, { ...values, symbol });
    if (!id) throw conflict("Báo cáo vừa được người khác tạo, vui lòng tải lại trang");
    await q.markSubmitted(tx, id, { statistics, submittedBy: actor.accountId, receivedByUnitId: receiver?.unit_id ?? null });
    await recordAction(tx, actor, {
      action: "result_report.submit",
      subjectType: "result_report",
      subjectId: id,
      unitId: ctx.unit.id,
      before: existing ? { status: existing.status } : { status: null },
      after: { status: "submitted", symbol, reportDate: values.reportDate, receivedBy: receiver?.name ?? null, total: statistics.total },
    });
    // The report goes up "qua TTKV": the office's staff receive it, the committee above is told.
    const [office, above] = await Promise.all([
      listHolders(tx, receiver ? [receiver.unit_id] : [], null, ctx.today),
      listHolders(tx, ctx.unit.parent_id ? [ctx.unit.parent_id] : [], ["secretary"], ctx.today),
    ]);
    const late = ctx.campaign.report_deadline !== null && ctx.today > ctx.campaign.report_deadline;
    await notify(
      tx,
      [...office, ...above].filter((p) => p !== actor.personId),
      {
        kind: "result_report.submitted",
        title: `${ctx.unit.name} đã gửi Báo cáo số ${symbol}${receiver ? ` qua ${receiver.name}` : ""}`,
        body: `${ctx.campaign.name}${late ? ` — gửi sau hạn báo cáo ${formatViDate(ctx.campaign.report_deadline!)}` : ""}`,
        link: `/bao-cao/${ctx.campaign.id}/${ctx.unit.id}`,
        subjectId: id,
      },
    );
    return id;
  });
}

/**
 * A page of the roll-up: the children's names (sorted, the page cut after the cursor), the
 * criteria and the tree's state in one round trip, then the figures of the unit and of the page's
 * children, with their reports.
 */
async function readRollupPage(db: Queryable, campaign: q.CampaignRow, unitId: string, asOf: string, cursor: Cursor | null, limit: number | undefined, withOwn: boolean) {
  const paged = q.listChildren(db, unitId, asOf).then((children) => {
    const ordered = byNameThenId(children, (c) => c.name, (c) => c.unit_id);
    const start = cursor ? ordered.findIndex((c) => isAfter(c, cursor)) : 0;
    const rest = start < 0 ? [] : ordered.slice(start);
    return { rest, page: limit === undefined ? rest : rest.slice(0, limit) };
  });
  const ids = paged.then(({ page }) => page.map((c) => c.item.unit_id));
  const [f, childReports, { rest, page }] = await Promise.all([
    loadSubtreeFigures(db, campaign, unitId, asOf, ids, withOwn),
    ids.then((list) => q.listReports(db, campaign.id, list)),
    paged,
  ]);
  return { f, childReports, rest, page };
}

/**
 * The roll-up of a unit's subtree with a row per child (its own subtree's figures). With `limit`,
 * one page of children in name order after the cursor `after`: the total comes from the root's
 * own branch counts, so a page costs the same at a commune and a province. Without it (the Excel
 * export, the report document), every child. A page may hold fewer rows than `limit`: children
 * with nothing to show (no registration, member, report or reporting unit below) are left out.
 */
export async function getRollup(opts: { db: Db; actor: Actor; campaignId: string; unitId: string; asOf?: string; after?: string; limit?: number }) {
  const cursor = opts.after ? decodeCursor(opts.after) : null;
  const [ctx, read] = await loadCampaignUnitWith(opts.db, opts.actor, opts.campaignId, opts.unitId, opts.asOf, (campaign, asOf) =>
    // the unit's own bodies come with the first page
    readRollupPage(opts.db, campaign, opts.unitId, asOf, cursor, opts.limit, !cursor),
  );
  const { f, childReports, rest, page } = read;
  const reports = new Map(childReports.map((r) => [r.unit_id, r]));
  const rows = page
    .map(({ item: c }) => {
      const b = f.branches.get(c.unit_id);
      const reporting = REPORTING_UNIT_KINDS.has(c.kind) || reports.has(c.unit_id);
      return {
        unit: c,
        totals: { total: f.totalOf(b) },
        criteria: f.criteriaOf(b),
        members: f.membersOf(b),
        reportingUnits: b?.reportingUnits ?? 0,
        submission: reporting ? submissionState(reports.get(c.unit_id) ?? null, ctx.campaign.report_deadline) : null,
      };
    })
    // a unit with nothing to show is left out; one with members stays, so the rows add up
    .filter((r) => r.totals.total.registered > 0 || r.members.total > 0 || r.submission !== null || r.reportingUnits > 0);
  const last = page[page.length - 1];
  const nextCursor = last && page.length < rest.length ? encodeCursor(last.item.name, last.item.unit_id) : null;
  // shown when it holds something: then the rows add up to the total
  const own = f.own && (f.totalOf(f.own).registered > 0 || f.own.members > 0) ? { totals: f.totalOf(f.own), criteria: f.criteriaOf(f.own), members: f.membersOf(f.own) } : null;
  return { ctx, criteria: f.criteriaOf(f.total), total: f.totalOf(f.total), members: f.membersOf(f.total), own, rows, nextCursor };
}

export interface SubmissionEntry {
  unit: q.SubtreeUnitRow;
  parentName: string | null;
  report: q.ReportRow | null;
  state: SubmissionState;
  overdue: boolean;
}

/**
 * Every unit under `rootId` expected to report (cells, the Fatherland Front, mass organisations,
 * and any unit that started a report), with where its report stands.
 */
export async function listSubmissionEntries(db: Queryable, campaign: q.CampaignRow, rootId: string, asOf: string, today: string): Promise<SubmissionEntry[]> {
  const units = await q.listSubtree(db, rootId, asOf);
  const names = new Map(units.map((u) => [u.unit_id, u.name]));
  const below = units.filter((u) => u.depth > 0);
  const reports = new Map((await q.listReports(db, campaign.id, below.map((u) => u.unit_id))).map((r) => [r.unit_id, r]));
  const deadlinePassed = campaign.report_deadline !== null && today > campaign.report_deadline;
  return below
    .filter((u) => REPORTING_UNIT_KINDS.has(u.kind) || reports.has(u.unit_id))
    .map((u) => {
      const report = reports.get(u.unit_id) ?? null;
      const state = submissionState(report, campaign.report_deadline);
      return { unit: u, parentName: u.parent_id ? (names.get(u.parent_id) ?? null) : null, report, state, overdue: deadlinePassed && (state === "not_started" || state === "draft") };
    })
    .sort((a, b) => a.unit.depth - b.unit.depth || compareText(a.unit.name, b.unit.name));
}

interface SubmissionCounts {
  expected: number;
  submitted: number;
  onTime: number;
  late: number;
  missing: number;
}

function countsOf(b: BranchFigures | undefined): SubmissionCounts {
  const expected = (b?.reportingUnits ?? 0) + (b?.reports.otherKind ?? 0);
  const onTime = b?.reports.onTime ?? 0;
  const late = b?.reports.late ?? 0;
  return { expected, submitted: onTime + late, onTime, late, missing: expected - onTime - late };
}

/** A branch's counts without its head's own report (the units below it). */
function belowOf(c: SubmissionCounts, own: SubmissionState | null): SubmissionCounts {
  if (own === null) return c;
  const onTime = c.onTime - Number(own === "submitted_on_time");
  const late = c.late - Number(own === "submitted_late");
  const expected = c.expected - 1;
  return { expected, submitted: onTime + late, onTime, late, missing: expected - onTime - late };
}

export interface SubmissionRow {
  unit: q.SubtreeUnitRow;
  report: q.ReportRow | null;
  /** The unit's own report; null when the unit itself does not report. */
  state: SubmissionState | null;
  overdue: boolean;
  below: SubmissionCounts | null;
}

/** A page cursor: the last row's name and id (rows are in name order, then id). */
function encodeCursor(name: string, id: string): string {
  return encodePageCursor([name, id]);
}

interface Cursor {
  key: string;
  id: string;
}

function decodeCursor(after: string): Cursor {
  const [name, id] = decodePageCursor(after, ["string", "string"] as const);
  return { key: textSortKey(name), id };
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Items by name the Vietnamese way (each key computed once), then id: the page cursor's order. */
function byNameThenId<T>(items: readonly T[], name: (item: T) => string, id: (item: T) => string) {
  return items.map((item) => ({ item, key: textSortKey(name(item)), id: id(item) })).sort((a, b) => byString(a.key, b.key) || byString(a.id, b.id));
}

/** Is a row of byNameThenId after the cursor? */
function isAfter(row: { key: string; id: string }, cursor: Cursor): boolean {
  return (byString(row.key, cursor.key) || byString(row.id, cursor.id)) > 0;
}

/**
 * Which units under a unit have reported, on time or late, and which have not (commune, TTKV, the
 * city's board): the subtree's counts and one page of the units directly under the unit, each with
 * its own report and the counts of the units below it. Read from the counts kept on write (rows
 * per child, migration 0044), so a province costs what a commune does.
 */
export async function getSubmissions(opts: { db: Db; actor: Actor; campaignId: string; unitId: string; filter: "all" | "missing" | "late"; after?: string; limit: number }) {
  const cursor = opts.after ? decodeCursor(opts.after) : null;
  const ctx = await loadCampaignUnit(opts.db, opts.actor, opts.campaignId, opts.unitId);
  const deadline = ctx.campaign.report_deadline;
  const deadlinePassed = deadline !== null && ctx.today > deadline;
  const rowOf = (c: q.SubtreeUnitRow, branch: SubmissionCounts, report: q.ReportRow | null): SubmissionRow => {
    const state = REPORTING_UNIT_KINDS.has(c.kind) || report ? submissionState(report, deadline) : null;
    const below = belowOf(branch, state);
    return { unit: c, report, state, overdue: deadlinePassed && (state === "not_started" || state === "draft"), below: below.expected > 0 ? below : null };
  };

  if (opts.filter === "all") {
    // every unit below in name order: a page of children, their branches' counts, and the
    // subtree's counts from the unit's own branch row (its own report taken off)
    const [read, own] = await Promise.all([
      readRollupPage(opts.db, ctx.campaign, ctx.unit.id, ctx.asOf, cursor, opts.limit, false),
      q.getReport(opts.db, ctx.campaign.id, ctx.unit.id),
    ]);
    const reports = new Map(read.childReports.map((r) => [r.unit_id, r]));
    const rows = read.page
      .map(({ item: c }) => ({ c, branch: countsOf(read.f.branches.get(c.unit_id)) }))
      .filter(({ branch }) => branch.expected > 0)
      .map(({ c, branch }) => rowOf(c, branch, reports.get(c.unit_id) ?? null));
    const last = read.page[read.page.length - 1];
    const nextCursor = last && read.page.length < read.rest.length ? encodeCursor(last.item.name, last.item.unit_id) : null;
    return { ctx, counts: countsBelow(countsOf(read.f.total), ctx.unit.kind, own, deadline), rows, nextCursor, filter: opts.filter, deadlinePassed };
  }

  // missing or late: which children have any is read from every child's branch
  const [f, children, childReports] = await Promise.all([
    loadSubtreeFigures(opts.db, ctx.campaign, ctx.unit.id, ctx.asOf),
    q.listChildren(opts.db, ctx.unit.id, ctx.asOf),
    q.listChildReports(opts.db, ctx.campaign.id, ctx.unit.id, ctx.asOf),
  ]);
  const reports = new Map(childReports.map((r) => [r.unit_id, r]));
  const counts: SubmissionCounts = { expected: 0, submitted: 0, onTime: 0, late: 0, missing: 0 };
  const rows: SubmissionRow[] = [];
  // by name the Vietnamese way (each key computed once), then id: the page cursor's order
  for (const row of byNameThenId(children, (c) => c.name, (c) => c.unit_id)) {
    const c = row.item;
    const branch = countsOf(f.branches.get(c.unit_id));
    if (branch.expected === 0) continue;
    for (const k of Object.keys(counts) as (keyof SubmissionCounts)[]) counts[k] += branch[k];
    if (opts.filter === "missing" && branch.missing === 0) continue;
    if (opts.filter === "late" && branch.late === 0) continue;
    if (cursor && !isAfter(row, cursor)) continue;
    rows.push(rowOf(c, branch, reports.get(c.unit_id) ?? null));
  }
  const page = rows.slice(0, opts.limit);
  const lastRow = page[page.length - 1];
  const nextCursor = rows.length > opts.limit && lastRow ? encodeCursor(lastRow.unit.name, lastRow.unit.unit_id) : null;
  return { ctx, counts, rows: page, nextCursor, filter: opts.filter, deadlinePassed };
}

/**
 * The counts of the units below a unit, from its whole branch's: its own report taken off (the
 * unit itself is never among the expected when of a reporting kind; a report of a unit of another
 * kind is expected once written).
 */
function countsBelow(whole: SubmissionCounts, kind: string, own: q.ReportRow | null, deadline: string | null): SubmissionCounts {
  if (!own) return whole;
  const state = submissionState(own, deadline);
  const expected = whole.expected - Number(!REPORTING_UNIT_KINDS.has(kind));
  const onTime = whole.onTime - Number(state === "submitted_on_time");
  const late = whole.late - Number(state === "submitted_late");
  return { expected, submitted: onTime + late, onTime, late, missing: expected - onTime - late };
}

/**
 * Campaigns the actor takes part in or follows, each with the actor's own units in it (the roots
 * of its scopes and the units where it holds a position), for the report pages' pickers.
 */
export async function listReportCampaigns(opts: { db: Db; actor: Actor }) {
  const { db, actor } = opts;
  const today = todayInVietnam();
  const home = new Set<string>([...actor.scopes.map((s) => s.unitId), ...actor.positions.map((p) => p.unitId)]);
  const campaigns = new Map<string, { campaign: q.CampaignRow; units: Map<string, { id: string; name: string; kind: string; hasChildren: boolean; canManage: boolean }> }>();
  const add = async (c: q.CampaignRow, unitId: string) => {
    const asOf = campaignAsOf(c, today);
    const unit = await q.getUnitOn(db, unitId, asOf);
    if (!unit || NON_REPORTING_KINDS.has(unit.kind)) return;
    const entry = campaigns.get(c.id) ?? { campaign: c, units: new Map() };
    campaigns.set(c.id, entry);
    if (entry.units.has(unitId)) return;
    entry.units.set(unitId, { id: unitId, name: unit.name, kind: unit.kind, hasChildren: await q.hasChildren(db, unitId, asOf), canManage: canManage(actor, unitId) });
  };
  if (actor.isAdmin) {
    for (const c of await q.listCampaignsLaunchedBy(db, null)) await add(c, c.unit_id);
  }
  for (const unitId of home) {
    for (const c of await q.listCampaignsCovering(db, unitId, today, ["active", "closed"])) await add(c, unitId);
  }
  return [...campaigns.values()]
    .sort((a, b) => b.campaign.year - a.campaign.year || b.campaign.period_start.localeCompare(a.campaign.period_start))
    .map((e) => ({ campaign: e.campaign, units: [...e.units.values()].sort((a, b) => Number(b.hasChildren) - Number(a.hasChildren) || compareText(a.name, b.name)) }));
}
