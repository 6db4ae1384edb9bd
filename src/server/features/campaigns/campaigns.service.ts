import type { z } from "zod";
import { campaignDateProblems, type CreateCampaignBody, type CreateCriteriaSetBody, type UpdateCampaignBody, type UpdateCriteriaSetBody } from "@contracts/campaigns.js";
import { validateCriteriaSet, type CriteriaSet } from "@domain/criteria.js";
import { todayInVietnam } from "@domain/dates.js";
import { compareText } from "@domain/vietnamese-text.js";
import { recordAction } from "../../audit/record-action.js";
import type { Db, Queryable } from "../../db/client.js";
import { assertCanManage, canManage, canView, holdsPosition, type Actor } from "../../http/actor.js";
import { AppError, conflict, forbidden, invalid, notFound } from "../../http/errors.js";
import { firstIssuedDate, planLateness } from "../plans/plans.policy.js";
import * as pq from "../plans/plans.queries.js";
import type { PlanRow } from "../plans/plans.queries.js";
import { canManageCampaign, canManageCriteriaSet, canReadCriteriaSet, canSeeCampaign, canViewCascade, reachOf } from "./campaigns.policy.js";
import * as q from "./campaigns.queries.js";
import type { CampaignRow, CriterionItemRow, CriterionRow } from "./campaigns.queries.js";
import { refreshCommitmentOutcomes } from "../registrations/commitments.js";

// ---------------------------------------------------------------------------------------------
// Criteria sets.

/** Sets the actor may read, newest first. */
export async function listCriteriaSets(opts: { db: Db; actor: Actor }) {
  const { db, actor } = opts;
  const reach = await reachOf(db, actor, todayInVietnam());
  const rows = await q.listCriteriaSets(db, reach === null ? null : [...reach]);
  return rows.filter((s) => canReadCriteriaSet(actor, reach, s));
}

async function loadReadableSet(db: Queryable, actor: Actor, id: string) {
  const set = await q.getCriteriaSet(db, id);
  if (!set) throw notFound("Không tìm thấy bộ tiêu chí");
  const reach = await reachOf(db, actor, todayInVietnam());
  if (!canReadCriteriaSet(actor, reach, set)) throw notFound("Không tìm thấy bộ tiêu chí");
  return { set, reach };
}

/** A set with its criteria and sub-items, the campaigns using it and what the actor may do. */
export async function getCriteriaSetDetail(opts: { db: Db; actor: Actor; id: string }) {
  const { db, actor, id } = opts;
  const { set, reach } = await loadReadableSet(db, actor, id);
  const [criteria, items, campaigns] = await Promise.all([q.listCriteria(db, id), q.listCriterionItems(db, id), q.campaignsUsingSet(db, id)]);
  const manage = canManageCriteriaSet(actor, set);
  return {
    set,
    criteria,
    items,
    campaigns: campaigns.filter((c) => canSeeCampaign(actor, reach, c.unit_id)),
    abilities: { canEdit: manage && set.status === "draft", canPublish: manage && set.status === "draft", canCreateVersion: manage },
  };
}

/** The set as the pure validator sees it. */
function toDomainSet(
  header: { code: string | null; name: string; year: number; source: string | null },
  issuer: string,
  criteria: z.output<typeof UpdateCriteriaSetBody>["criteria"],
): CriteriaSet {
  return {
    code: header.code ?? "",
    name: header.name,
    year: header.year,
    issuer,
    source: header.source ?? "",
    criteria: criteria.map((c) => ({
      code: c.code,
      title: c.title,
      ...(c.points !== null ? { points: c.points } : {}),
      subItems: c.items.map((i) => ({
        code: i.code,
        title: i.title,
        text: i.guidance ?? "",
        mandatory: i.mandatory,
        mandatoryForUnits: i.mandatoryForUnits,
        ...(i.points !== null ? { points: i.points } : {}),
      })),
    })),
  };
}

/** The criteria of a stored set, shaped like the update body. */
function storedCriteria(criteria: CriterionRow[], items: CriterionItemRow[]): z.output<typeof UpdateCriteriaSetBody>["criteria"] {
  return criteria.map((c) => ({
    code: c.code,
    title: c.title,
    description: c.description,
    points: c.points,
    items: items
      .filter((i) => i.criterion_id === c.id)
      .map((i) => ({ code: i.code, title: i.title, guidance: i.guidance, mandatory: i.mandatory, mandatoryForUnits: i.mandatory_for_units, points: i.points })),
  }));
}

/**
 * A new version of a set for a year, copied from an earlier set (the 2019 guidance reused and
 * edited for 2026). It starts as a draft of the issuing committee.
 */
export async function createCriteriaSet(opts: { db: Db; actor: Actor } & z.output<typeof CreateCriteriaSetBody>) {
  const { db, actor } = opts;
  const { set: base } = await loadReadableSet(db, actor, opts.basedOnSetId).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "NOT_FOUND") {
      throw invalid("Không tìm thấy bộ tiêu chí gốc", [{ path: "basedOnSetId", message: "Không tìm thấy bộ tiêu chí gốc" }]);
    }
    throw err;
  });
  const issuingUnitId = opts.issuingUnitId ?? base.issuing_unit_id;
  const unit = await q.getUnitAsOf(db, issuingUnitId, todayInVietnam());
  if (!unit) throw invalid("Không tìm thấy đơn vị ban hành", [{ path: "issuingUnitId", message: "Không tìm thấy đơn vị" }]);
  assertCanManage(actor, issuingUnitId);
  if (await q.draftSetExists(db, issuingUnitId, opts.year)) {
    throw conflict(`Đơn vị đã có một bộ tiêu chí năm ${opts.year} đang dự thảo; hãy hoàn thiện bộ đó`);
  }
  const [criteria, items] = await Promise.all([q.listCriteria(db, base.id), q.listCriterionItems(db, base.id)]);
  const code = base.code ? base.code.replace(/\d{4}$/, String(opts.year)) : `BTC-${opts.year}`;
  return db.transaction(async (tx) => {
    const id = await q.insertCriteriaSet(tx, {
      issuingUnitId,
      code,
      name: opts.name,
      year: opts.year,
      basedOnSetId: base.id,
      legalBasis: base.legal_basis,
      source: base.source,
      status: "draft",
      createdBy: actor.accountId,
    });
    await q.insertCriteria(tx, id, storedCriteria(criteria, items));
    await recordAction(tx, actor, {
      action: "criteria_set.create",
      subjectType: "criteria_set",
      subjectId: id,
      unitId: issuingUnitId,
      after: { name: opts.name, year: opts.year, basedOnSetId: base.id },
    });
    return id;
  });
}

function assertSetDraft(status: string): void {
  if (status !== "draft") throw new AppError("INVALID_STATE", "Bộ tiêu chí đã ban hành chỉ được xem; hãy tạo phiên bản mới để điều chỉnh");
}

/** Replaces a draft set's content; a published set is read-only (409). */
export async function updateCriteriaSet(opts: { db: Db; actor: Actor; id: string } & z.output<typeof UpdateCriteriaSetBody>) {
  const { db, actor, id } = opts;
  const { set } = await loadReadableSet(db, actor, id);
  if (!canManageCriteriaSet(actor, set)) throw forbidden("Chỉ cấp ủy ban hành bộ tiêu chí mới được sửa");
  assertSetDraft(set.status);
  const problems = validateCriteriaSet(toDomainSet({ code: opts.code, name: opts.name, year: set.year, source: opts.source }, set.issuing_unit_name, opts.criteria));
  if (problems.length) throw invalid(problems[0]!.message, problems.map((p) => ({ path: p.path.replace(/\.subItems\./g, ".items."), message: p.message })));
  const [criteria, items] = await Promise.all([q.listCriteria(db, id), q.listCriterionItems(db, id)]);
  await db.transaction(async (tx) => {
    const locked = await q.lockCriteriaSet(tx, id);
    if (!locked) throw notFound("Không tìm thấy bộ tiêu chí");
    assertSetDraft(locked.status);
    await q.updateCriteriaSetHeader(tx, id, { name: opts.name, code: opts.code, legalBasis: opts.legalBasis, source: opts.source });
    await q.deleteCriteria(tx, id);
    await q.insertCriteria(tx, id, opts.criteria);
    await recordAction(tx, actor, {
      action: "criteria_set.update",
      subjectType: "criteria_set",
      subjectId: id,
      unitId: set.issuing_unit_id,
      before: { name: set.name, code: set.code, criteria: storedCriteria(criteria, items) },
      after: { name: opts.name, code: opts.code, criteria: opts.criteria },
    });
  });
}

/** Publishes a draft set (validated again); from then on it is read-only and campaigns may use it. */
export async function publishCriteriaSet(opts: { db: Db; actor: Actor; id: string }) {
  const { db, actor, id } = opts;
  const { set } = await loadReadableSet(db, actor, id);
  if (!canManageCriteriaSet(actor, set)) throw forbidden("Chỉ cấp ủy ban hành bộ tiêu chí mới được ban hành");
  if (set.status === "published") throw new AppError("INVALID_STATE", "Bộ tiêu chí đã được ban hành");
  const [criteria, items] = await Promise.all([q.listCriteria(db, id), q.listCriterionItems(db, id)]);
  const problems = validateCriteriaSet(toDomainSet(set, set.issuing_unit_name, storedCriteria(criteria, items)));
  if (problems.length) throw invalid(`Chưa ban hành được: ${problems[0]!.message}`, problems);
  await db.transaction(async (tx) => {
    const locked = await q.lockCriteriaSet(tx, id);
    if (!locked) throw notFound("Không tìm thấy bộ tiêu chí");
    assertSetDraft(locked.status);
    await q.publishCriteriaSet(tx, id, actor.accountId);
    await recordAction(tx, actor, { action: "criteria_set.publish", subjectType: "criteria_set", subjectId: id, unitId: set.issuing_unit_id, before: { status: "draft" }, after: { status: "published" } });
  });
}

// ---------------------------------------------------------------------------------------------
// Campaigns.

/** Campaigns that reach me: launched by my units or the units above them. */
export async function listCampaigns(opts: { db: Db; actor: Actor; year?: number | undefined }) {
  const { db, actor } = opts;
  const reach = await reachOf(db, actor, todayInVietnam());
  const rows = await q.listCampaigns(db, reach === null ? null : [...reach], opts.year ?? null);
  return rows.filter((c) => canSeeCampaign(actor, reach, c.unit_id));
}

async function loadVisibleCampaign(db: Queryable, actor: Actor, id: string) {
  const campaign = await q.getCampaign(db, id);
  const reach = await reachOf(db, actor, todayInVietnam());
  if (!campaign || !canSeeCampaign(actor, reach, campaign.unit_id)) throw notFound("Không tìm thấy phong trào");
  return { campaign, reach };
}

async function checkCriteriaSetForCampaign(db: Queryable, unitId: string, criteriaSetId: string) {
  const set = await q.getCriteriaSet(db, criteriaSetId);
  const bad = (message: string) => invalid(message, [{ path: "criteriaSetId", message }]);
  if (!set) throw bad("Không tìm thấy bộ tiêu chí");
  const above = await q.unitsAndAncestors(db, [unitId], todayInVietnam());
  if (!above.has(set.issuing_unit_id)) throw bad("Bộ tiêu chí phải do đơn vị hoặc cấp trên của đơn vị ban hành");
  if (set.status !== "published") throw bad("Bộ tiêu chí chưa được ban hành");
  return set;
}

/** A commune committee launches a campaign with a published criteria set and its deadlines. */
export async function createCampaign(opts: { db: Db; actor: Actor } & z.output<typeof CreateCampaignBody>) {
  const { db, actor } = opts;
  const unit = await q.getUnitAsOf(db, opts.unitId, todayInVietnam());
  if (!unit) throw invalid("Không tìm thấy đơn vị", [{ path: "unitId", message: "Không tìm thấy đơn vị" }]);
  assertCanManage(actor, opts.unitId);
  if (unit.kind !== "commune_party_committee") {
    throw invalid("Chỉ Đảng ủy xã phát động phong trào", [{ path: "unitId", message: "Đơn vị phát động phải là Đảng ủy xã" }]);
  }
  const problems = campaignDateProblems(opts);
  if (problems.length) throw invalid(problems[0]!.message, problems);
  const set = await checkCriteriaSetForCampaign(db, opts.unitId, opts.criteriaSetId);
  return db.transaction(async (tx) => {
    const id = await q.insertCampaign(tx, { ...opts, createdBy: actor.accountId });
    await recordAction(tx, actor, {
      action: "campaign.create",
      subjectType: "campaign",
      subjectId: id,
      unitId: opts.unitId,
      after: {
        name: opts.name,
        year: opts.year,
        periodStart: opts.periodStart,
        periodEnd: opts.periodEnd,
        criteriaSet: set.name,
        planDeadline: opts.planDeadline,
        registrationDeadline: opts.registrationDeadline,
        reportDeadline: opts.reportDeadline,
      },
    });
    return id;
  });
}

/** The launching committee changes the name, period, deadlines or status of its campaign. */
export async function updateCampaign(opts: { db: Db; actor: Actor; id: string } & z.output<typeof UpdateCampaignBody>) {
  const { db, actor, id } = opts;
  const { campaign } = await loadVisibleCampaign(db, actor, id);
  if (!canManageCampaign(actor, campaign.unit_id)) throw forbidden("Chỉ cấp ủy phát động mới được sửa phong trào");
  const next = {
    name: opts.name ?? campaign.name,
    periodStart: opts.periodStart ?? campaign.period_start,
    periodEnd: opts.periodEnd ?? campaign.period_end,
    planDeadline: opts.planDeadline === undefined ? campaign.plan_deadline : opts.planDeadline,
    registrationDeadline: opts.registrationDeadline === undefined ? campaign.registration_deadline : opts.registrationDeadline,
    reportDeadline: opts.reportDeadline === undefined ? campaign.report_deadline : opts.reportDeadline,
    status: opts.status ?? campaign.status,
  };
  const problems = campaignDateProblems({ ...next, year: campaign.year });
  if (problems.length) throw invalid(problems[0]!.message, problems);
  const before = {
    name: campaign.name,
    periodStart: campaign.period_start,
    periodEnd: campaign.period_end,
    planDeadline: campaign.plan_deadline,
    registrationDeadline: campaign.registration_deadline,
    reportDeadline: campaign.report_deadline,
    status: campaign.status,
  };
  await db.transaction(async (tx) => {
    await q.updateCampaign(tx, id, next);
    // violations count only inside the period: a new period may change outcomes
    if (next.periodStart !== campaign.period_start || next.periodEnd !== campaign.period_end) await refreshCommitmentOutcomes(tx, { campaignId: id });
    await recordAction(tx, actor, { action: "campaign.update", subjectType: "campaign", subjectId: id, unitId: campaign.unit_id, before, after: next });
  });
}

const DEPENDENT_LABELS: Record<q.CampaignDependent, string> = {
  plans: "kế hoạch",
  registrations: "bảng đăng ký",
  supervision: "ghi nhận giám sát, vi phạm",
  evaluations: "tự đánh giá, đánh giá",
  proposals: "đề xuất tuyên dương",
  reports: "báo cáo kết quả",
};

/**
 * The launching committee removes a campaign nothing depends on: a draft is deleted ("Xóa"), an
 * active one cancelled ("Hủy"); either way the row goes and the audit record keeps what it was.
 * Anything hanging on it (a plan, drafted or issued, at any level; a registration sheet; a
 * supervision record; a self-assessment or evaluation; a proposal; a result report) → 409 naming
 * what and how many. A closed campaign is history and stays.
 */
export async function removeCampaign(opts: { db: Db; actor: Actor; id: string }) {
  const { db, actor, id } = opts;
  const { campaign } = await loadVisibleCampaign(db, actor, id);
  if (!canManageCampaign(actor, campaign.unit_id)) throw forbidden("Chỉ cấp ủy phát động mới được xóa hoặc hủy phong trào");
  await db.transaction(async (tx) => {
    const locked = await q.lockCampaign(tx, id);
    if (!locked) throw notFound("Không tìm thấy phong trào");
    if (locked.status === "closed") throw conflict("Phong trào đã kết thúc, không xóa hoặc hủy được");
    const verb = locked.status === "draft" ? "xóa" : "hủy";
    const counts = await q.campaignDependents(tx, id);
    const found = (Object.keys(DEPENDENT_LABELS) as q.CampaignDependent[]).filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${DEPENDENT_LABELS[k]}`);
    if (found.length) throw conflict(`Không ${verb} được phong trào “${campaign.name}”: đã có ${found.join(", ")} thuộc phong trào này`);
    await q.deleteCampaign(tx, id);
    await recordAction(tx, actor, {
      action: locked.status === "draft" ? "campaign.delete" : "campaign.cancel",
      subjectType: "campaign",
      subjectId: id,
      unitId: campaign.unit_id,
      before: {
        name: campaign.name,
        year: campaign.year,
        status: locked.status,
        periodStart: campaign.period_start,
        periodEnd: campaign.period_end,
        criteriaSetId: campaign.criteria_set_id,
        planDeadline: campaign.plan_deadline,
        registrationDeadline: campaign.registration_deadline,
        reportDeadline: campaign.report_deadline,
      },
      after: null,
    });
  });
}

export interface CascadeEntry {
  unit: q.CascadeUnitRow;
  status: "not_created" | "draft" | "issued";
  /** The issued version if any, else the draft. */
  plan: PlanRow | null;
  firstIssuedDate: string | null;
  late: boolean;
  daysLate: number;
  acknowledged: number;
}

/** The date the campaign's tree is read on: today, kept inside the campaign's period. */
function cascadeDate(c: CampaignRow, today: string): string {
  if (today < c.period_start) return c.period_start;
  if (today > c.period_end) return c.period_end;
  return today;
}

/**
 * For each unit under the launching committee that issues an implementing plan: its plan's
 * status, the first issue date and lateness against the campaign's plan deadline.
 */
export async function buildCascade(db: Queryable, campaign: CampaignRow, today: string): Promise<CascadeEntry[]> {
  const [rows, plans] = await Promise.all([
    q.listCascadeUnits(db, campaign.unit_id, cascadeDate(campaign, today), today),
    pq.listCampaignPlans(db, campaign.id),
  ]);
  const kindRank = (k: string) => (k === "party_cell" ? 0 : k === "fatherland_front" ? 1 : 2);
  const units = [...rows].sort((a, b) => kindRank(a.kind) - kindRank(b.kind) || compareText(a.name, b.name));
  // A unit that never issued is overdue until the campaign ends, not forever after.
  const lateAsOf = today > campaign.period_end ? campaign.period_end : today;
  const byUnit = new Map<string, PlanRow[]>();
  for (const p of plans) {
    if (p.type_code !== "KH") continue;
    byUnit.set(p.unit_id, [...(byUnit.get(p.unit_id) ?? []), p]);
  }
  const current = (versions: PlanRow[]) => versions.filter((v) => v.status === "issued").at(-1) ?? versions.filter((v) => v.status === "draft").at(-1) ?? null;
  const issuedPlans = units.map((u) => current(byUnit.get(u.id) ?? [])).filter((p): p is PlanRow => p?.status === "issued");
  const acks = new Map((await pq.countAcknowledgements(db, issuedPlans.map((p) => p.id), today)).map((a) => [a.plan_id, a.acknowledged]));
  return units.map((unit) => {
    const versions = byUnit.get(unit.id) ?? [];
    const plan = current(versions);
    const first = firstIssuedDate(versions);
    const { late, daysLate } = planLateness(campaign.plan_deadline, first, lateAsOf);
    return {
      unit,
      status: plan === null ? "not_created" : plan.status === "issued" ? "issued" : "draft",
      plan,
      firstIssuedDate: first,
      late,
      daysLate,
      acknowledged: plan && plan.status === "issued" ? (acks.get(plan.id) ?? 0) : 0,
    };
  });
}

/** A campaign's page: the launching unit's plan, the cascade (for those overseeing it), my units. */
export async function getCampaignDetail(opts: { db: Db; actor: Actor; id: string }) {
  const { db, actor, id } = opts;
  const today = todayInVietnam();
  const { campaign } = await loadVisibleCampaign(db, actor, id);
  const plans = await pq.listCampaignPlans(db, id);
  const ownVersions = plans.filter((p) => p.unit_id === campaign.unit_id && p.type_code === "KH");
  const manageLaunch = canManageCampaign(actor, campaign.unit_id);
  const visibleOwn = ownVersions.filter((p) => p.status !== "draft" || canView(actor, campaign.unit_id));
  const unitPlan = visibleOwn.filter((v) => v.status === "issued").at(-1) ?? visibleOwn.filter((v) => v.status === "draft").at(-1) ?? null;
  const seeCascade = canViewCascade(actor, campaign.unit_id);
  const [cascade, hasDependents] = await Promise.all([
    buildCascade(db, campaign, today),
    manageLaunch && campaign.status !== "closed" ? q.campaignHasDependents(db, campaign.id) : Promise.resolve(true),
  ]);
  const mine = cascade.filter((e) =>
    seeCascade ? actor.positions.some((p) => p.unitId === e.unit.id) : canView(actor, e.unit.id),
  );
  return {
    campaign,
    unitPlan,
    cascade: seeCascade ? cascade : null,
    myUnits: mine.map((e) => ({
      entry: e,
      canManage: canManage(actor, e.unit.id),
      // a member sees an issued plan; a draft only when they oversee the unit
      plan: e.plan && (e.plan.status === "issued" || canManage(actor, e.unit.id) || holdsPosition(actor, e.unit.id, "secretary", "deputy_secretary")) ? e.plan : null,
    })),
    abilities: {
      canEdit: manageLaunch,
      canCreateUnitPlan: manageLaunch && ownVersions.length === 0 && campaign.status !== "closed",
      canViewCascade: seeCascade,
      // deleted (a draft) or cancelled only while nothing depends on it (removeCampaign says what does)
      canRemove: manageLaunch && campaign.status !== "closed" && !hasDependents,
    },
  };
}

/** Home card for the commune: units that have not issued their plan, per current campaign. */
export async function listUnissuedPlans(opts: { db: Db; actor: Actor }) {
  const { db, actor } = opts;
  const today = todayInVietnam();
  const rows = await q.listCurrentCampaigns(db, actor.isAdmin ? null : [...actor.viewUnits], today);
  const out: { campaign: CampaignRow; entries: CascadeEntry[] }[] = [];
  for (const c of rows) {
    if (!canViewCascade(actor, c.unit_id)) continue;
    const entries = (await buildCascade(db, c, today)).filter((e) => e.status !== "issued");
    if (entries.length) out.push({ campaign: c, entries });
  }
  return out;
}
