import type { z } from "zod";
import type { UpdatePlanBody } from "@contracts/plans.js";
import { addDays, formatViDate, todayInVietnam } from "@domain/dates.js";
import { DocumentNumberError, formatPartySymbol, nextNumber } from "@domain/document-numbers.js";
import { calendarYearPeriod, documentSystemOf, numberingOf, numberLineFor } from "@domain/document-systems.js";
import { recordAction } from "../../audit/record-action.js";
import type { Db, Queryable } from "../../db/client.js";
import { assertCanView, type Actor } from "../../http/actor.js";
import { AppError, conflict, forbidden, invalid, notFound, type ErrorDetail } from "../../http/errors.js";
import * as cq from "../campaigns/campaigns.queries.js";
import { canSeeCampaign, reachOf } from "../campaigns/campaigns.policy.js";
import { markSubjectRead, notify } from "../notifications/notifications.service.js";
import { listCascadeSecretaries } from "../notifications/recipients.queries.js";
import { canReadPlan, canViewAcknowledgements, canWritePlan, defaultCommitteeTerm, firstIssuedDate, isMemberOf, planLateness } from "./plans.policy.js";
import { prefillFromParent, prefillLaunchPlan } from "./plans.prefill.js";
import * as q from "./plans.queries.js";
import type { PlanRow, PlanWrite } from "./plans.queries.js";

const PLAN_TYPE = "KH";

/** The plan or 404 when it does not exist or the actor may not read it. */
async function loadReadablePlan(db: Queryable, actor: Actor, id: string, today: string): Promise<{ plan: PlanRow; reach: Set<string> | null }> {
  const plan = await q.getPlan(db, id);
  if (!plan) throw notFound("Không tìm thấy kế hoạch");
  const reach = await reachOf(db, actor, today);
  if (!canReadPlan(actor, plan, reach)) throw notFound("Không tìm thấy kế hoạch");
  return { plan, reach };
}

/** The plan for a write: 404 when unreadable, 403 when readable but not the actor's to write. */
async function loadWritablePlan(db: Queryable, actor: Actor, id: string, today: string): Promise<PlanRow> {
  const { plan } = await loadReadablePlan(db, actor, id, today);
  if (!canWritePlan(actor, plan.unit_id)) throw forbidden("Chỉ cấp ủy của đơn vị mới được soạn thảo, ban hành kế hoạch");
  return plan;
}

/** The committee term of a unit on a date: a recorded one, else the national five-year cycle. */
export async function committeeTermOf(db: Queryable, unitId: string, date: string): Promise<{ name: string; startDate: string; endDate: string | null }> {
  const t = await q.findCommitteeTerm(db, unitId, date);
  if (t) return { name: t.name, startDate: t.start_date, endDate: t.end_date };
  const d = defaultCommitteeTerm(date);
  const nextStart = `${Number(d.startDate.slice(0, 4)) + 5}${d.startDate.slice(4)}`;
  return { ...d, endDate: addDays(nextStart, -1) };
}

/**
 * The next Party number for a unit's document of a type on a date (RULES.md §5): one more than
 * the highest used by the unit for that type within the committee term. The plan's own chain
 * (same campaign) is left out when `exceptCampaignId` is given.
 */
export async function suggestPlanNumber(
  db: Queryable,
  opts: { unitId: string; unit: { kind: string; name: string }; date: string; typeCode: string; termStart?: string | undefined; exceptCampaignId?: string | null },
) {
  // Party documents run per committee term, the others per calendar year (src/domain/document-systems.ts)
  const format = numberingOf(documentSystemOf(opts.unit));
  const term =
    format === "state"
      ? calendarYearPeriod(opts.date)
      : opts.termStart
        ? { name: `Nhiệm kỳ từ ngày ${formatViDate(opts.termStart)}`, startDate: opts.termStart, endDate: null }
        : await committeeTermOf(db, opts.unitId, opts.date);
  const used = await q.listUsedNumbers(db, opts.unitId, opts.typeCode, opts.exceptCampaignId ?? null);
  const inTerm = used.filter((u) => u.issued_date >= term.startDate && (term.endDate === null || u.issued_date <= term.endDate));
  try {
    const number = nextNumber({
      format,
      existing: inTerm.map((u) => ({ number: u.number, typeCode: u.type_code, date: u.issued_date })),
      typeCode: opts.typeCode,
      date: opts.date,
      termStart: term.startDate,
    });
    return { number, term, used: inTerm };
  } catch (err) {
    if (err instanceof DocumentNumberError) throw invalid(err.message, [{ path: "date", message: err.message }]);
    throw err;
  }
}

/** Number suggestion for the editor (the unit's managers only). */
export async function getNumberSuggestion(opts: {
  db: Db;
  actor: Actor;
  unitId: string;
  date: string;
  typeCode: string;
  termStart?: string | undefined;
  planId?: string | undefined;
}) {
  const { db, actor, unitId, date } = opts;
  const unit = await cq.getUnitAsOf(db, unitId, date);
  if (!unit) throw notFound("Không tìm thấy đơn vị");
  assertCanView(actor, unitId);
  if (!canWritePlan(actor, unitId)) throw forbidden();
  let exceptCampaignId: string | null = null;
  if (opts.planId) {
    const p = await q.getPlan(db, opts.planId);
    if (p && p.unit_id === unitId) exceptCampaignId = p.campaign_id;
  }
  const s = await suggestPlanNumber(db, { unitId, unit, date, typeCode: opts.typeCode, termStart: opts.termStart, exceptCampaignId });
  const parts = { number: s.number, typeCode: opts.typeCode, issuerCode: unit.symbol_code };
  let symbol: string;
  try {
    symbol = formatPartySymbol(parts);
  } catch (err) {
    if (err instanceof DocumentNumberError) throw invalid(err.message);
    throw err;
  }
  return { number: s.number, symbol, numberLine: numberLineFor(documentSystemOf(unit), parts), termStart: s.term.startDate, termName: s.term.name };
}

/** A plan with everything its page shows, and what the actor may do with it. */
export async function getPlanDetail(opts: { db: Db; actor: Actor; id: string }) {
  const { db, actor, id } = opts;
  const today = todayInVietnam();
  const { plan, reach } = await loadReadablePlan(db, actor, id, today);
  const campaign = await cq.getCampaign(db, plan.campaign_id);
  if (!campaign) throw notFound("Không tìm thấy phong trào");
  const date = plan.issued_date ?? today;
  const [unit, versions, parent, successor] = await Promise.all([
    cq.getUnitAsOf(db, plan.unit_id, date),
    q.listUnitPlanVersions(db, plan.campaign_id, plan.unit_id, plan.type_code),
    plan.parent_plan_id ? q.getPlan(db, plan.parent_plan_id) : Promise.resolve(null),
    q.successorOf(db, plan.id),
  ]);
  const member = isMemberOf(actor, plan.unit_id);
  const seeAcks = canViewAcknowledgements(actor, plan.unit_id);
  let myAcknowledgement: { acknowledgedAt: string | null } | null = null;
  if (member && actor.personId && plan.status !== "draft") {
    const a = await q.getAcknowledgement(db, plan.id, actor.personId);
    myAcknowledgement = { acknowledgedAt: a ? a.acknowledged_at.toISOString() : null };
  }
  let acknowledgementSummary: { members: number; acknowledged: number } | null = null;
  if (seeAcks && plan.status !== "draft") {
    const rows = await q.listMembersWithAcknowledgement(db, plan.unit_id, plan.id, today);
    acknowledgementSummary = { members: rows.length, acknowledged: rows.filter((r) => r.acknowledged_at).length };
  }
  const write = canWritePlan(actor, plan.unit_id);
  const visibleVersions = versions.filter((v) => canReadPlan(actor, v, reach));
  return {
    plan,
    unit,
    campaign,
    parent: parent && canReadPlan(actor, parent, reach) ? parent : null,
    versions: visibleVersions,
    late: planLateness(campaign.plan_deadline, firstIssuedDate(versions), today > campaign.period_end ? campaign.period_end : today).late,
    myAcknowledgement,
    acknowledgementSummary,
    abilities: {
      canEdit: write && plan.status === "draft",
      canIssue: write && plan.status === "draft",
      canDelete: write && plan.status === "draft",
      canCreateVersion: write && plan.status === "issued" && !successor,
      canAcknowledge: member && actor.personId !== null && plan.status === "issued" && myAcknowledgement?.acknowledgedAt === null,
      canViewAcknowledgements: seeAcks && plan.status !== "draft",
    },
  };
}

/**
 * Creates a unit's draft plan for a campaign. With `parentPlanId` (the commune's issued plan),
 * the draft is prefilled from it: basis citing it, sections adapted, recipients, the unit's
 * secretary as signer. Without, the launching committee's plan gets the usual sections.
 */
export async function createPlan(opts: { db: Db; actor: Actor; campaignId: string; unitId: string; parentPlanId: string | null }) {
  const { db, actor, campaignId, unitId, parentPlanId } = opts;
  const today = todayInVietnam();
  const campaign = await cq.getCampaign(db, campaignId);
  const reach = await reachOf(db, actor, today);
  if (!campaign || !canSeeCampaign(actor, reach, campaign.unit_id)) throw notFound("Không tìm thấy phong trào");
  const unit = await cq.getUnitAsOf(db, unitId, today);
  if (!unit) throw invalid("Không tìm thấy đơn vị", [{ path: "unitId", message: "Không tìm thấy đơn vị" }]);
  assertCanView(actor, unitId);
  if (!canWritePlan(actor, unitId)) throw forbidden("Chỉ cấp ủy của đơn vị mới được lập kế hoạch");
  const isLaunchingUnit = unitId === campaign.unit_id;
  if (!isLaunchingUnit) {
    const inside = await cq.isInSubtree(db, campaign.unit_id, unitId, today);
    if (!inside || !(cq.CASCADE_UNIT_KINDS as readonly string[]).includes(unit.kind)) {
      throw invalid("Đơn vị này không thuộc phạm vi triển khai của phong trào", [{ path: "unitId", message: "Không thuộc phạm vi phong trào" }]);
    }
  }
  if (campaign.status === "closed") throw new AppError("INVALID_STATE", "Phong trào đã kết thúc, không lập kế hoạch mới");
  if (await q.planChainExists(db, campaignId, unitId, PLAN_TYPE)) {
    throw conflict("Đơn vị đã có kế hoạch cho phong trào này; hãy sửa dự thảo hoặc tạo phiên bản điều chỉnh");
  }

  let parent: PlanRow | null = null;
  if (parentPlanId) {
    parent = await q.getPlan(db, parentPlanId);
    if (!parent || !canReadPlan(actor, parent, reach)) {
      throw invalid("Không tìm thấy kế hoạch cấp trên", [{ path: "parentPlanId", message: "Không tìm thấy kế hoạch cấp trên" }]);
    }
    if (parent.campaign_id !== campaignId) {
      throw invalid("Kế hoạch cấp trên thuộc phong trào khác", [{ path: "parentPlanId", message: "Kế hoạch cấp trên thuộc phong trào khác" }]);
    }
    if (parent.unit_id === unitId || !(await cq.isInSubtree(db, parent.unit_id, unitId, today))) {
      throw invalid("Kế hoạch được căn cứ phải của đơn vị cấp trên", [{ path: "parentPlanId", message: "Không phải kế hoạch của cấp trên" }]);
    }
    if (parent.status !== "issued") {
      throw new AppError("INVALID_STATE", parent.status === "draft" ? "Kế hoạch cấp trên chưa được ban hành" : "Kế hoạch cấp trên đã được thay thế bằng phiên bản mới");
    }
  }

  const [{ number }, secretary, office] = await Promise.all([
    suggestPlanNumber(db, { unitId, unit, date: today, typeCode: PLAN_TYPE }),
    q.findSecretary(db, unitId, today),
    q.findMassMobilizationOffice(db, parent ? parent.unit_id : unitId, today),
  ]);
  const signer = secretary ? { personId: secretary.person_id, fullName: secretary.full_name } : null;
  const prefilledUnit = { kind: unit.kind, name: unit.name, shortName: unit.short_name };
  let content: PlanWrite;
  if (parent) {
    const parentUnit = await cq.getUnitAsOf(db, parent.unit_id, parent.issued_date ?? today);
    content = prefillFromParent({
      parent: {
        id: parent.id,
        symbol: parent.symbol ?? "",
        date: parent.issued_date ?? today,
        subject: parent.subject,
        place: parent.place,
        unitName: parentUnit?.name ?? parent.unit_name,
      },
      unit: prefilledUnit,
      office: office ? { name: office.name, shortName: office.short_name } : null,
      signer,
      number,
      date: today,
    });
  } else {
    content = prefillLaunchPlan({
      unit: prefilledUnit,
      campaign: { name: campaign.name, planDeadline: campaign.plan_deadline },
      office: office ? { name: office.name, shortName: office.short_name } : null,
      signer,
      number,
      date: today,
    });
  }

  return db.transaction(async (tx) => {
    const id = await q.insertPlan(tx, {
      ...content,
      campaignId,
      unitId,
      parentPlanId: parent?.id ?? null,
      previousVersionId: null,
      version: 1,
      typeCode: PLAN_TYPE,
      createdBy: actor.accountId,
    });
    await recordAction(tx, actor, {
      action: "plan.create",
      subjectType: "plan",
      subjectId: id,
      unitId,
      after: { campaignId, parentPlanId: parent?.id ?? null, number, subject: content.subject },
    });
    return id;
  });
}

function writeOf(plan: PlanRow): PlanWrite {
  return {
    number: plan.number,
    issuedDate: plan.issued_date,
    place: plan.place,
    subject: plan.subject,
    basis: plan.basis,
    preamble: plan.preamble,
    sections: plan.sections,
    closing: plan.closing,
    recipients: plan.recipients,
    signatureTitles: plan.signature_titles,
    signerPersonId: plan.signer_person_id,
    signerName: plan.signer_name,
  };
}

const INVALID_STATE_ISSUED = "Kế hoạch đã ban hành chỉ được xem; muốn điều chỉnh hãy tạo phiên bản mới";
const INVALID_STATE_SUPERSEDED = "Kế hoạch đã được thay thế bằng phiên bản mới, không sửa được";

function assertDraft(plan: { status: string }): void {
  if (plan.status === "issued") throw new AppError("INVALID_STATE", INVALID_STATE_ISSUED);
  if (plan.status === "superseded") throw new AppError("INVALID_STATE", INVALID_STATE_SUPERSEDED);
}

/** Edits a draft plan (fields left out stay as they are); an issued plan is read-only (409). */
export async function updatePlan(opts: { db: Db; actor: Actor; id: string } & z.output<typeof UpdatePlanBody>) {
  const { db, actor, id } = opts;
  const today = todayInVietnam();
  const plan = await loadWritablePlan(db, actor, id, today);
  assertDraft(plan);
  const before = writeOf(plan);
  const next: PlanWrite = {
    number: opts.number === undefined ? plan.number : opts.number,
    issuedDate: opts.date ?? plan.issued_date,
    place: opts.place ?? plan.place,
    subject: opts.subject ?? plan.subject,
    basis: opts.basis ?? plan.basis,
    preamble: opts.preamble === undefined ? plan.preamble : opts.preamble,
    sections: opts.sections ?? plan.sections,
    closing: opts.closing === undefined ? plan.closing : opts.closing,
    recipients: opts.recipients ?? plan.recipients,
    signatureTitles: opts.signatureTitles ?? plan.signature_titles,
    signerPersonId: opts.signerPersonId === undefined ? plan.signer_person_id : opts.signerPersonId,
    signerName: opts.signerName ?? plan.signer_name,
  };
  const details: ErrorDetail[] = [];
  for (const [i, b] of next.basis.entries()) {
    if (b.planId && b.planId !== plan.parent_plan_id && !(await q.planExists(db, b.planId))) {
      details.push({ path: `basis.${i}.planId`, message: "Không tìm thấy kế hoạch được căn cứ" });
    }
  }
  if (next.signerPersonId && next.signerPersonId !== plan.signer_person_id && !(await q.personExists(db, next.signerPersonId))) {
    details.push({ path: "signerPersonId", message: "Không tìm thấy người ký" });
  }
  if (details.length) throw invalid("Dữ liệu kế hoạch không hợp lệ", details);
  await db.transaction(async (tx) => {
    const locked = await q.lockPlan(tx, id);
    if (!locked) throw notFound("Không tìm thấy kế hoạch");
    assertDraft(locked);
    await q.updatePlanContent(tx, id, next);
    await recordAction(tx, actor, { action: "plan.update", subjectType: "plan", subjectId: id, unitId: plan.unit_id, before, after: next });
  });
}

/** What must be filled in before a plan can be issued, as field details. */
function issueProblems(plan: PlanWrite, date: string, today: string, parentDate: string | null): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (plan.number === null) out.push({ path: "number", message: "Chưa có số văn bản" });
  if (date > today) out.push({ path: "date", message: "Không ban hành kế hoạch với ngày trong tương lai" });
  if (parentDate && date < parentDate) out.push({ path: "date", message: `Ngày kế hoạch không được trước ngày của kế hoạch cấp trên (${formatViDate(parentDate)})` });
  if (!plan.subject.trim()) out.push({ path: "subject", message: "Chưa có trích yếu" });
  if (plan.sections.length === 0) out.push({ path: "sections", message: "Kế hoạch chưa có nội dung" });
  plan.sections.forEach((s, i) => {
    if (s.paragraphs.length === 0 && s.responsibilities.length === 0) out.push({ path: `sections.${i}`, message: `Mục “${s.heading}” chưa có nội dung` });
  });
  if (!plan.signerName?.trim()) out.push({ path: "signerName", message: "Chưa có họ tên người ký" });
  if (plan.signatureTitles.length === 0) out.push({ path: "signatureTitles", message: "Chưa có thể thức ký" });
  if (plan.recipients.length === 0) out.push({ path: "recipients", message: "Chưa có nơi nhận" });
  return out;
}

/**
 * Issues a draft: the number is checked against the unit's numbers in the committee term
 * (409 when taken), the symbol is frozen, the previous version (if any) is superseded and every
 * current member of the unit is notified (the issuing secretary's own acknowledgement is recorded
 * instead) — all in one transaction.
 */
export async function issuePlan(opts: { db: Db; actor: Actor; id: string; date?: string | undefined }) {
  const { db, actor, id } = opts;
  const today = todayInVietnam();
  const plan = await loadWritablePlan(db, actor, id, today);
  assertDraft(plan);
  const date = opts.date ?? plan.issued_date ?? today;
  const parent = plan.parent_plan_id ? await q.getPlan(db, plan.parent_plan_id) : null;
  const content = writeOf(plan);
  const problems = issueProblems(content, date, today, parent?.issued_date ?? null);
  if (problems.length) throw invalid("Kế hoạch chưa đủ điều kiện ban hành", problems);
  const unit = await cq.getUnitAsOf(db, plan.unit_id, date);
  if (!unit) throw invalid("Đơn vị chưa tồn tại vào ngày của kế hoạch", [{ path: "date", message: "Đơn vị không có hiệu lực vào ngày này" }]);
  const number = plan.number as number;
  let symbol: string;
  try {
    symbol = formatPartySymbol({ number, typeCode: plan.type_code, issuerCode: unit.symbol_code });
  } catch (err) {
    if (err instanceof DocumentNumberError) throw invalid(err.message, [{ path: "number", message: err.message }]);
    throw err;
  }
  await db.transaction(async (tx) => {
    await q.lockNumbering(tx, plan.unit_id, plan.type_code);
    const locked = await q.lockPlan(tx, id);
    if (!locked) throw notFound("Không tìm thấy kế hoạch");
    assertDraft(locked);
    const { used, term } = await suggestPlanNumber(tx, { unitId: plan.unit_id, unit, date, typeCode: plan.type_code, exceptCampaignId: plan.campaign_id });
    const taken = used.find((u) => u.number === number);
    if (taken) {
      const next = Math.max(...used.map((u) => u.number)) + 1;
      const series = numberingOf(documentSystemOf(unit)) === "party" ? "trong nhiệm kỳ" : `trong ${term.name.toLocaleLowerCase("vi")}`;
      throw conflict(`Số ${taken.symbol ?? number} đã được dùng ${series}; số tiếp theo là ${String(next).padStart(2, "0")}`);
    }
    await q.markIssued(tx, id, { number, symbol, date, accountId: actor.accountId, at: null });
    if (plan.previous_version_id) await q.markSuperseded(tx, plan.previous_version_id);
    // The secretary who issues the plan has studied it: the acknowledgement is his, the others are told.
    const members = await q.listCurrentMemberIds(tx, plan.unit_id, today);
    const issuer = actor.personId && members.includes(actor.personId) ? actor.personId : null;
    if (issuer && !(await q.getAcknowledgement(tx, id, issuer))) await q.insertAcknowledgement(tx, id, issuer);
    const notified = await notify(tx, members.filter((m) => m !== issuer), {
      kind: "plan.issued",
      // the date tells apart plans with the same number (numbers start again each committee term)
      title: `${unit.name} ban hành Kế hoạch số ${symbol} ngày ${formatViDate(date)}${plan.version > 1 ? ` (điều chỉnh lần ${plan.version - 1})` : ""}`,
      body: `${plan.subject.replace(/\s+/g, " ").trim()}. Đồng chí vui lòng đọc và xác nhận đã quán triệt.`,
      link: `/ke-hoach/${id}`,
      subjectId: id,
    });
    // The launching unit's plan hands the campaign down: each cell and body below builds its own.
    if (plan.type_code === "KH") {
      const campaign = await cq.getCampaignRecord(tx, plan.campaign_id);
      const below = (await listCascadeSecretaries(tx, plan.campaign_id, plan.unit_id, cq.CASCADE_UNIT_KINDS, today)).filter((p) => p !== actor.personId);
      await notify(tx, below, {
        kind: "plan.cascade",
        title: `${unit.name} ban hành Kế hoạch số ${symbol} ngày ${formatViDate(date)}${plan.version > 1 ? ` (điều chỉnh lần ${plan.version - 1})` : ""}`,
        body: `${plan.subject.replace(/\s+/g, " ").trim()}. Đề nghị đồng chí xây dựng kế hoạch thực hiện của đơn vị${campaign?.plan_deadline ? ` trước ngày ${formatViDate(campaign.plan_deadline)}` : ""}.`,
        link: `/phong-trao/${plan.campaign_id}`,
        subjectId: id,
      });
    }
    await recordAction(tx, actor, {
      action: "plan.issue",
      subjectType: "plan",
      subjectId: id,
      unitId: plan.unit_id,
      before: { status: "draft" },
      after: { status: "issued", number, symbol, date, supersedes: plan.previous_version_id, notified },
    });
  });
  return { symbol };
}

/** A correction of an issued plan: a new draft version (version + 1) copying its content. */
export async function createPlanVersion(opts: { db: Db; actor: Actor; id: string }) {
  const { db, actor, id } = opts;
  const today = todayInVietnam();
  const plan = await loadWritablePlan(db, actor, id, today);
  if (plan.status === "draft") throw new AppError("INVALID_STATE", "Kế hoạch chưa ban hành: hãy sửa trực tiếp dự thảo");
  if (plan.status === "superseded") throw new AppError("INVALID_STATE", "Kế hoạch này đã có phiên bản mới hơn");
  if (await q.successorOf(db, id)) throw conflict("Đã có một phiên bản điều chỉnh đang soạn thảo");
  return db.transaction(async (tx) => {
    const newId = await q.insertPlan(tx, {
      ...writeOf(plan),
      issuedDate: today,
      campaignId: plan.campaign_id,
      unitId: plan.unit_id,
      parentPlanId: plan.parent_plan_id,
      previousVersionId: plan.id,
      version: plan.version + 1,
      typeCode: plan.type_code,
      createdBy: actor.accountId,
    });
    await recordAction(tx, actor, {
      action: "plan.create_version",
      subjectType: "plan",
      subjectId: newId,
      unitId: plan.unit_id,
      after: { previousVersionId: plan.id, version: plan.version + 1 },
    });
    return newId;
  });
}

/** Discards a draft (an issued plan stays for the record). */
export async function deletePlanDraft(opts: { db: Db; actor: Actor; id: string }) {
  const { db, actor, id } = opts;
  const plan = await loadWritablePlan(db, actor, id, todayInVietnam());
  if (plan.status !== "draft") throw new AppError("INVALID_STATE", "Chỉ xóa được dự thảo; kế hoạch đã ban hành được lưu lại");
  await db.transaction(async (tx) => {
    const locked = await q.lockPlan(tx, id);
    if (!locked || locked.status !== "draft") throw new AppError("INVALID_STATE", "Chỉ xóa được dự thảo");
    await q.deletePlan(tx, id);
    await recordAction(tx, actor, { action: "plan.delete", subjectType: "plan", subjectId: id, unitId: plan.unit_id, before: { version: plan.version, subject: plan.subject } });
  });
}

/** A member confirms they have studied the issued plan (quán triệt); their notification is read. */
export async function acknowledgePlan(opts: { db: Db; actor: Actor; id: string }) {
  const { db, actor, id } = opts;
  const { plan } = await loadReadablePlan(db, actor, id, todayInVietnam());
  if (plan.status === "draft") throw new AppError("INVALID_STATE", "Kế hoạch chưa được ban hành");
  if (plan.status === "superseded") throw new AppError("INVALID_STATE", "Kế hoạch đã được thay thế; hãy quán triệt phiên bản mới");
  if (!actor.personId || !isMemberOf(actor, plan.unit_id)) throw forbidden("Chỉ thành viên của đơn vị mới xác nhận quán triệt kế hoạch");
  const personId = actor.personId;
  if (await q.getAcknowledgement(db, id, personId)) throw conflict("Đồng chí đã xác nhận quán triệt kế hoạch này");
  await db.transaction(async (tx) => {
    await q.insertAcknowledgement(tx, id, personId);
    await markSubjectRead(tx, personId, id);
    await recordAction(tx, actor, { action: "plan.acknowledge", subjectType: "plan", subjectId: id, unitId: plan.unit_id, after: { personId } });
  });
}

/** Who of the unit's current members has (not) acknowledged the plan. */
export async function listAcknowledgements(opts: { db: Db; actor: Actor; id: string }) {
  const { db, actor, id } = opts;
  const today = todayInVietnam();
  const { plan } = await loadReadablePlan(db, actor, id, today);
  if (!canViewAcknowledgements(actor, plan.unit_id)) throw forbidden("Chỉ cấp ủy của đơn vị mới xem được tình hình quán triệt");
  if (plan.status === "draft") throw new AppError("INVALID_STATE", "Kế hoạch chưa được ban hành");
  const rows = await q.listMembersWithAcknowledgement(db, plan.unit_id, plan.id, today);
  return { plan, rows };
}

/** Home card: issued plans of my units that I have not acknowledged. */
export async function listMyPlansToAcknowledge(opts: { db: Db; actor: Actor }) {
  if (!opts.actor.personId) return [];
  return q.listPlansToAcknowledge(opts.db, opts.actor.personId, todayInVietnam());
}
