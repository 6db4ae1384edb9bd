import type { z } from "zod";
import type { CreateNoteBody, CreateReportBody, CreateViolationBody, ReportFinding, UpdateReportBody } from "@contracts/supervision.js";
import { formatViDate, todayInVietnam } from "@domain/dates.js";
import { VIOLATION_KIND_LABELS } from "@domain/ratings.js";
import { compareNames } from "@domain/vietnamese-text.js";
import { recordAction } from "../../audit/record-action.js";
import type { Db, Queryable } from "../../db/client.js";
import { canView, visibleUnitIds, type Actor } from "../../http/actor.js";
import { AppError, invalid, notFound } from "../../http/errors.js";
import * as reads from "./campaign-reads.queries.js";
import { checkEvidenceFile } from "./evidence-file.js";
import { notifyPeople } from "./notify.js";
import { CRITERION_OF_KIND, commitmentLabel } from "./outcomes.js";
import { assertCanReadSupervision, assertCanSupervise, canReadSupervision, canSupervise } from "./supervision.policy.js";
import * as q from "./supervision.queries.js";
import { recordViolation, removeViolation } from "./violations.js";

/** Kinds of unit whose members are supervised and evaluated in a campaign. */
export const CELL_KINDS = ["party_cell"];

/** The campaign and the unit of a supervision action, checked: the unit takes part in the campaign. */
export async function loadCampaignUnit(db: Queryable, actor: Actor, campaignId: string, unitId: string) {
  const today = todayInVietnam();
  const [campaign, unit] = await Promise.all([reads.getCampaign(db, campaignId), reads.getUnitInfo(db, unitId, today)]);
  if (!campaign || !unit || (!canView(actor, unitId) && !canReadSupervision(actor, unitId))) throw notFound();
  if (!(await reads.isUnitInCampaign(db, campaign.unit_id, unitId, today))) throw notFound("Đơn vị không tham gia phong trào này");
  return { campaign, unit, today };
}

/** (campaign, cell) pairs whose supervision records the actor may read. */
export async function listSupervisionUnits(opts: { db: Db; actor: Actor }) {
  const { db, actor } = opts;
  const units = visibleUnitIds(actor);
  const rows = (await reads.listCampaignUnits(db, { units, kinds: CELL_KINDS, today: todayInVietnam() })).filter((r) =>
    canReadSupervision(actor, r.unit_id),
  );
  const counts = rows.length
    ? await q.countsByCampaignUnit(db, [...new Set(rows.map((r) => r.campaign_id))], [...new Set(rows.map((r) => r.unit_id))])
    : [];
  return rows.map((r) => ({ row: r, counts: counts.find((c) => c.campaign_id === r.campaign_id && c.unit_id === r.unit_id) ?? null }));
}

/** Everything the supervision page of one cell shows. */
export async function getWorkspace(opts: { db: Db; actor: Actor; campaignId: string; unitId: string }) {
  const { db, actor, campaignId, unitId } = opts;
  const { campaign, unit } = await loadCampaignUnit(db, actor, campaignId, unitId);
  assertCanReadSupervision(actor, unitId);
  const period = { from: campaign.period_start, to: campaign.period_end };
  const [members, commitments, violations, notes, reports, status] = await Promise.all([
    reads.listCampaignMembers(db, { campaignId, unitId, ...period }),
    reads.listUnitCommitments(db, campaignId, unitId),
    reads.listUnitViolations(db, campaignId, unitId),
    q.listNotes(db, campaignId, unitId),
    q.listReports(db, campaignId, unitId),
    reads.getEvaluationStatus(db, campaignId, unitId),
  ]);
  const evidence = await q.listViolationEvidence(db, violations.map((v) => v.id));
  return { campaign, unit, members, commitments, violations, evidence, notes, reports, locked: status !== "none" && status !== "draft", canSupervise: canSupervise(actor, unitId) };
}

async function checkPersonAndCommitment(
  db: Queryable,
  f: { campaignId: string; unitId: string; personId: string | null; commitmentId: string | null; from: string; to: string },
) {
  let personId = f.personId;
  let commitment: Awaited<ReturnType<typeof reads.getCommitment>> = null;
  if (f.commitmentId) {
    commitment = await reads.getCommitment(db, f.commitmentId);
    if (!commitment || commitment.campaign_id !== f.campaignId || commitment.unit_id !== f.unitId) {
      throw invalid("Cam kết không thuộc chi bộ trong phong trào này", [{ path: "commitmentId", message: "Cam kết không hợp lệ" }]);
    }
    if (personId && commitment.person_id !== personId) {
      throw invalid("Cam kết này không phải của người được chọn", [{ path: "commitmentId", message: "Không phải cam kết của người này" }]);
    }
    personId ??= commitment.person_id;
  }
  if (personId && !(await reads.isCampaignMember(db, { campaignId: f.campaignId, unitId: f.unitId, personId, from: f.from, to: f.to }))) {
    throw invalid("Người được chọn không sinh hoạt tại chi bộ trong thời gian phong trào", [{ path: "personId", message: "Không phải thành viên của chi bộ" }]);
  }
  return { personId, commitment };
}

function assertNotFuture(date: string, today: string, path: string) {
  if (date > today) throw invalid("Ngày không được sau hôm nay", [{ path, message: `Ngày ${formatViDate(date)} chưa đến` }]);
}

/** The deputy secretary notes an observation about a member or one of their commitments. */
export async function createNote(opts: { db: Db; actor: Actor } & z.infer<typeof CreateNoteBody>) {
  const { db, actor } = opts;
  const { campaign, today } = await loadCampaignUnit(db, actor, opts.campaignId, opts.unitId);
  assertCanSupervise(actor, opts.unitId);
  assertNotFuture(opts.notedOn, today, "notedOn");
  const { personId } = await checkPersonAndCommitment(db, {
    campaignId: campaign.id,
    unitId: opts.unitId,
    personId: opts.personId ?? null,
    commitmentId: opts.commitmentId ?? null,
    from: campaign.period_start,
    to: campaign.period_end,
  });
  return db.transaction(async (tx) => {
    const values = { campaignId: campaign.id, unitId: opts.unitId, personId, commitmentId: opts.commitmentId ?? null, notedOn: opts.notedOn, note: opts.note };
    const id = await q.insertNote(tx, { ...values, createdBy: actor.accountId });
    await recordAction(tx, actor, { action: "supervision.note_create", subjectType: "supervision_note", subjectId: id, unitId: opts.unitId, after: values });
    return id;
  });
}

export async function deleteNote(opts: { db: Db; actor: Actor; id: string }) {
  const { db, actor } = opts;
  const note = await q.getNote(db, opts.id);
  if (!note || !canReadSupervision(actor, note.unit_id)) throw notFound("Không tìm thấy nhận xét");
  assertCanSupervise(actor, note.unit_id);
  await db.transaction(async (tx) => {
    await q.deleteNote(tx, note.id);
    await recordAction(tx, actor, { action: "supervision.note_delete", subjectType: "supervision_note", subjectId: note.id, unitId: note.unit_id, before: note });
  });
}

/** Violations change evaluation outcomes: once the cell has signed off its evaluation they are frozen. */
async function assertEvaluationOpen(db: Queryable, campaignId: string, unitId: string) {
  const status = await reads.getEvaluationStatus(db, campaignId, unitId);
  if (status === "cell_approved" || status === "commune_approved") {
    throw new AppError("LOCKED", "Kết quả đánh giá của chi bộ đã được duyệt và khóa; không thể thay đổi vi phạm. Cần cấp trên mở khóa trước.");
  }
}

/**
 * Records a violation (e.g. a traffic fine) against a member, optionally linked to the commitment
 * it breaks. A traffic violation makes the member's IV commitments not achieved at evaluation
 * (commitmentOutcome), linked or not.
 */
export async function createViolation(opts: { db: Db; actor: Actor } & z.infer<typeof CreateViolationBody>) {
  const { db, actor } = opts;
  const { campaign, today } = await loadCampaignUnit(db, actor, opts.campaignId, opts.unitId);
  assertCanSupervise(actor, opts.unitId);
  if (opts.occurredOn < campaign.period_start || opts.occurredOn > campaign.period_end) {
    throw invalid("Ngày vi phạm phải trong thời gian của phong trào", [
      { path: "occurredOn", message: `Từ ${formatViDate(campaign.period_start)} đến ${formatViDate(campaign.period_end)}` },
    ]);
  }
  assertNotFuture(opts.occurredOn, today, "occurredOn");
  await checkPersonAndCommitment(db, {
    campaignId: campaign.id,
    unitId: opts.unitId,
    personId: opts.personId,
    commitmentId: opts.commitmentId ?? null,
    from: campaign.period_start,
    to: campaign.period_end,
  });
  await assertEvaluationOpen(db, campaign.id, opts.unitId);
  return db.transaction(async (tx) => {
    const values = {
      campaignId: campaign.id,
      unitId: opts.unitId,
      personId: opts.personId,
      commitmentId: opts.commitmentId ?? null,
      kind: opts.kind,
      occurredOn: opts.occurredOn,
      description: opts.description,
    };
    const id = await recordViolation(tx, { ...values, createdBy: actor.accountId });
    await recordAction(tx, actor, { action: "violation.create", subjectType: "violation", subjectId: id, unitId: opts.unitId, after: values });
    await notifyPeople(tx, [opts.personId], {
      kind: "violation.recorded",
      title: `Ghi nhận vi phạm: ${VIOLATION_KIND_LABELS[opts.kind]}`,
      body: `Ngày ${formatViDate(opts.occurredOn)} — ${opts.description}`,
      link: "/tu-danh-gia",
      subjectId: id,
    });
    return id;
  });
}

async function loadViolationForChange(db: Queryable, actor: Actor, id: string) {
  const v = await reads.getViolation(db, id);
  if (!v || !(canView(actor, v.unit_id) || canReadSupervision(actor, v.unit_id))) throw notFound("Không tìm thấy vi phạm");
  assertCanSupervise(actor, v.unit_id);
  await assertEvaluationOpen(db, v.campaign_id, v.unit_id);
  return v;
}

/** Deletes a violation recorded by mistake (with its evidence); audited with the deleted content. */
export async function deleteViolation(opts: { db: Db; actor: Actor; id: string }) {
  const { db, actor } = opts;
  const v = await loadViolationForChange(db, actor, opts.id);
  await db.transaction(async (tx) => {
    await removeViolation(tx, v);
    await recordAction(tx, actor, {
      action: "violation.delete",
      subjectType: "violation",
      subjectId: v.id,
      unitId: v.unit_id,
      before: { personId: v.person_id, commitmentId: v.commitment_id, kind: v.kind, occurredOn: v.occurred_on, description: v.description },
    });
  });
}

/** Refuses early (before reading an upload) when the actor may not add evidence to this violation. */
export async function assertCanAddEvidence(opts: { db: Db; actor: Actor; id: string }) {
  await loadViolationForChange(opts.db, opts.actor, opts.id);
}

/** Attaches an evidence file (photo of the fine, scanned record) to a violation. */
export async function addViolationEvidence(opts: { db: Db; actor: Actor; id: string; fileName: string; data: Buffer; maxBytes: number }) {
  const { db, actor } = opts;
  const v = await loadViolationForChange(db, actor, opts.id);
  const file = checkEvidenceFile(opts.fileName, opts.data, opts.maxBytes);
  return db.transaction(async (tx) => {
    const id = await q.insertEvidence(tx, { ...file, unitId: v.unit_id, violationId: v.id, data: opts.data, createdBy: actor.accountId });
    await recordAction(tx, actor, { action: "violation.evidence_add", subjectType: "violation", subjectId: v.id, unitId: v.unit_id, after: { fileId: id, ...file } });
    return id;
  });
}

/** An evidence file of a violation: supervisors and staff of the unit, and the member concerned. */
export async function getViolationEvidence(opts: { db: Db; actor: Actor; id: string; fileId: string }) {
  const { db, actor } = opts;
  const v = await reads.getViolation(db, opts.id);
  const own = v !== null && actor.personId !== null && v.person_id === actor.personId;
  if (!v || !(own || canReadSupervision(actor, v.unit_id))) throw notFound("Không tìm thấy tệp");
  const f = await q.getEvidenceFile(db, opts.fileId);
  if (!f || f.violation_id !== v.id) throw notFound("Không tìm thấy tệp");
  return f;
}

/** The violations recorded against the signed-in member (read-only for them). */
export async function listMyViolations(opts: { db: Db; actor: Actor }) {
  const { db, actor } = opts;
  if (!actor.personId) return { violations: [], evidence: [], campaigns: new Map<string, string>(), units: new Map<string, string>(), labels: new Map<string, string>() };
  const violations = await reads.listPersonViolations(db, actor.personId);
  const today = todayInVietnam();
  const evidence = await q.listViolationEvidence(db, violations.map((v) => v.id));
  const campaigns = new Map<string, string>();
  const units = new Map<string, string>();
  const labels = new Map<string, string>();
  for (const v of violations) {
    if (!campaigns.has(v.campaign_id)) campaigns.set(v.campaign_id, (await reads.getCampaign(db, v.campaign_id))?.name ?? "");
    if (!units.has(v.unit_id)) units.set(v.unit_id, (await reads.getUnitInfo(db, v.unit_id, today))?.name ?? "");
    if (v.commitment_id && !labels.has(v.commitment_id)) {
      const c = await reads.getCommitment(db, v.commitment_id);
      if (c) labels.set(v.commitment_id, commitmentLabel(c));
    }
  }
  return { violations, evidence, campaigns, units, labels };
}

// ---------------------------------------------------------------------------------------------
// Periodic supervision reports
// ---------------------------------------------------------------------------------------------

type Finding = z.infer<typeof ReportFinding>;

/**
 * Assembles the findings of a period from the notes and violations: one entry per member and
 * criterion (notes on a commitment go under its criterion; violations under the commitment they
 * break, else under the criterion their kind breaks), members in the cell's order.
 */
export async function assembleFindings(db: Queryable, f: { campaignId: string; unitId: string; from: string; to: string; campaignFrom: string; campaignTo: string }) {
  const [members, commitments, notes, allViolations, criteria] = await Promise.all([
    reads.listCampaignMembers(db, { campaignId: f.campaignId, unitId: f.unitId, from: f.campaignFrom, to: f.campaignTo }),
    reads.listUnitCommitments(db, f.campaignId, f.unitId),
    q.listNotes(db, f.campaignId, f.unitId, { from: f.from, to: f.to }),
    reads.listUnitViolations(db, f.campaignId, f.unitId),
    reads.listCampaignCriteria(db, f.campaignId),
  ]);
  const violations = allViolations.filter((v) => v.occurred_on >= f.from && v.occurred_on <= f.to);
  const byId = new Map(commitments.map((c) => [c.id, c]));
  const criterionTitle = (code: string | null) =>
    code === null ? "Nhận xét chung" : `Tiêu chí ${code}: ${criteria.find((c) => c.code === code)?.title ?? ""}`.replace(/: $/, "");
  const order = new Map(members.map((m, i) => [m.person_id, i]));
  const critOrder = new Map(criteria.map((c, i) => [c.code, i]));
  const findings = new Map<string, Finding>();
  const entry = (personId: string | null, personName: string | null, criterionCode: string | null) => {
    const key = `${personId ?? ""}|${criterionCode ?? ""}`;
    let e = findings.get(key);
    if (!e) {
      e = { personId, personName: personName ?? "Chi bộ (chung)", criterionCode, criterionTitle: criterionTitle(criterionCode), notes: [], violations: [] };
      findings.set(key, e);
    }
    return e;
  };
  for (const n of [...notes].reverse()) {
    const c = n.commitment_id ? byId.get(n.commitment_id) : undefined;
    entry(n.person_id, n.person_name, c?.criterion_code ?? null).notes.push({ date: n.noted_on, text: n.note, commitment: c ? commitmentLabel(c) : null });
  }
  for (const v of [...violations].reverse()) {
    const c = v.commitment_id ? byId.get(v.commitment_id) : undefined;
    entry(v.person_id, v.person_name, c?.criterion_code ?? CRITERION_OF_KIND[v.kind]).violations.push({
      date: v.occurred_on,
      kindLabel: VIOLATION_KIND_LABELS[v.kind],
      description: v.description,
      commitment: c ? commitmentLabel(c) : null,
    });
  }
  const list = [...findings.values()].sort((a, b) => {
    const pa = a.personId === null ? -1 : (order.get(a.personId) ?? 1e6);
    const pb = b.personId === null ? -1 : (order.get(b.personId) ?? 1e6);
    if (pa !== pb) return pa - pb;
    if (pa === 1e6 && a.personName !== b.personName) return compareNames(a.personName, b.personName);
    const ca = a.criterionCode === null ? -1 : (critOrder.get(a.criterionCode) ?? 99);
    const cb = b.criterionCode === null ? -1 : (critOrder.get(b.criterionCode) ?? 99);
    return ca - cb;
  });
  return { findings: list, noteCount: notes.length, violationCount: violations.length };
}

function checkPeriod(from: string, to: string, campaign: reads.CampaignRow) {
  if (from > to) throw invalid("Ngày kết thúc kỳ giám sát phải sau ngày bắt đầu", [{ path: "periodEnd", message: "Không hợp lệ" }]);
  if (to < campaign.period_start || from > campaign.period_end) {
    throw invalid("Kỳ giám sát phải nằm trong thời gian của phong trào", [
      { path: "periodStart", message: `Từ ${formatViDate(campaign.period_start)} đến ${formatViDate(campaign.period_end)}` },
    ]);
  }
}

/** The deputy secretary starts a periodic report (draft): findings assembled from the period's records. */
export async function createReport(opts: { db: Db; actor: Actor } & z.infer<typeof CreateReportBody>) {
  const { db, actor } = opts;
  const { campaign } = await loadCampaignUnit(db, actor, opts.campaignId, opts.unitId);
  assertCanSupervise(actor, opts.unitId);
  checkPeriod(opts.periodStart, opts.periodEnd, campaign);
  const { findings } = await assembleFindings(db, {
    campaignId: campaign.id,
    unitId: opts.unitId,
    from: opts.periodStart,
    to: opts.periodEnd,
    campaignFrom: campaign.period_start,
    campaignTo: campaign.period_end,
  });
  return db.transaction(async (tx) => {
    const values = { campaignId: campaign.id, unitId: opts.unitId, periodStart: opts.periodStart, periodEnd: opts.periodEnd, summary: opts.summary ?? null, proposals: opts.proposals ?? null };
    const id = await q.insertReport(tx, { ...values, findings, createdBy: actor.accountId });
    await recordAction(tx, actor, { action: "supervision_report.create", subjectType: "supervision_report", subjectId: id, unitId: opts.unitId, after: values });
    return id;
  });
}

async function loadReport(db: Queryable, actor: Actor, id: string) {
  const report = await q.getReport(db, id);
  if (!report || !(canView(actor, report.unit_id) || canReadSupervision(actor, report.unit_id))) throw notFound("Không tìm thấy báo cáo giám sát");
  return report;
}

/** A report: a draft shows live findings of its period; a submitted one shows what was sent. */
export async function getReport(opts: { db: Db; actor: Actor; id: string }) {
  const { db, actor } = opts;
  const report = await loadReport(db, actor, opts.id);
  assertCanReadSupervision(actor, report.unit_id);
  const campaign = (await reads.getCampaign(db, report.campaign_id))!;
  const unit = await reads.getUnitInfo(db, report.unit_id, todayInVietnam());
  let findings = report.findings as Finding[];
  if (report.status === "draft") {
    findings = (
      await assembleFindings(db, {
        campaignId: campaign.id,
        unitId: report.unit_id,
        from: report.period_start,
        to: report.period_end,
        campaignFrom: campaign.period_start,
        campaignTo: campaign.period_end,
      })
    ).findings;
  }
  return { report, campaign, unitName: unit?.name ?? "", findings, canEdit: report.status === "draft" && canSupervise(actor, report.unit_id) };
}

async function loadDraftReportForChange(db: Queryable, actor: Actor, id: string) {
  const report = await loadReport(db, actor, id);
  assertCanSupervise(actor, report.unit_id);
  if (report.status !== "draft") throw new AppError("INVALID_STATE", "Báo cáo giám sát đã gửi Bí thư, không thể sửa");
  return report;
}

/** Changes a draft report's period, summary or proposals; findings are re-assembled for the period. */
export async function updateReport(opts: { db: Db; actor: Actor; id: string } & z.infer<typeof UpdateReportBody>) {
  const { db, actor } = opts;
  const report = await loadDraftReportForChange(db, actor, opts.id);
  const campaign = (await reads.getCampaign(db, report.campaign_id))!;
  const next = {
    periodStart: opts.periodStart ?? report.period_start,
    periodEnd: opts.periodEnd ?? report.period_end,
    summary: opts.summary === undefined ? report.summary : opts.summary,
    proposals: opts.proposals === undefined ? report.proposals : opts.proposals,
  };
  checkPeriod(next.periodStart, next.periodEnd, campaign);
  const { findings } = await assembleFindings(db, {
    campaignId: campaign.id,
    unitId: report.unit_id,
    from: next.periodStart,
    to: next.periodEnd,
    campaignFrom: campaign.period_start,
    campaignTo: campaign.period_end,
  });
  await db.transaction(async (tx) => {
    await q.updateReport(tx, report.id, { ...next, findings });
    await recordAction(tx, actor, {
      action: "supervision_report.update",
      subjectType: "supervision_report",
      subjectId: report.id,
      unitId: report.unit_id,
      before: { periodStart: report.period_start, periodEnd: report.period_end, summary: report.summary, proposals: report.proposals },
      after: next,
    });
  });
}

/** Sends the report to the secretary: findings frozen, read-only from now on, the secretary notified. */
export async function submitReport(opts: { db: Db; actor: Actor; id: string }) {
  const { db, actor } = opts;
  const report = await loadDraftReportForChange(db, actor, opts.id);
  const campaign = (await reads.getCampaign(db, report.campaign_id))!;
  const { findings } = await assembleFindings(db, {
    campaignId: campaign.id,
    unitId: report.unit_id,
    from: report.period_start,
    to: report.period_end,
    campaignFrom: campaign.period_start,
    campaignTo: campaign.period_end,
  });
  const secretaries = await reads.listSecretaries(db, report.unit_id, todayInVietnam());
  await db.transaction(async (tx) => {
    await q.updateReport(tx, report.id, { periodStart: report.period_start, periodEnd: report.period_end, findings, summary: report.summary, proposals: report.proposals });
    await q.markReportSubmitted(tx, report.id, actor.accountId);
    await recordAction(tx, actor, {
      action: "supervision_report.submit",
      subjectType: "supervision_report",
      subjectId: report.id,
      unitId: report.unit_id,
      before: { status: "draft" },
      after: { status: "submitted", findings: findings.length },
    });
    await notifyPeople(
      tx,
      secretaries.filter((p) => p !== actor.personId),
      {
        kind: "supervision_report.submitted",
        title: `Báo cáo giám sát kỳ ${formatViDate(report.period_start)} – ${formatViDate(report.period_end)}`,
        body: `${actor.displayName} đã gửi báo cáo giám sát (${campaign.name}).`,
        link: `/giam-sat/bao-cao/${report.id}`,
        subjectId: report.id,
      },
    );
  });
}
