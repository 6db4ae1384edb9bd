import type { z } from "zod";
import type { EvaluationWarningView, JudgeCommitmentBody, RateMemberBody, SaveSelfAssessmentBody, UpdateEvaluationBody } from "@contracts/evaluations.js";
import { formatViDate, todayInVietnam } from "@domain/dates.js";
import { pickRatingParameters, type LegalParameter, type RatingParameters } from "@domain/legal-parameters.js";
import {
  RATING_SHORT_LABELS,
  VIOLATION_KIND_LABELS,
  checkEvaluation,
  excellentQuotaLimit,
  ratingConditionProblems,
  scoreFromCommitments,
  suggestRating,
  type CommitmentOutcome,
  type Rating,
  type RatingConditionProblem,
  type RatingInput,
  type RatingProposal,
  type ScoreSuggestion,
} from "@domain/ratings.js";
import { recordAction } from "../../audit/record-action.js";
import type { Db, Queryable } from "../../db/client.js";
import { canManage, visibleUnitIds, type Actor } from "../../http/actor.js";
import { refuseBulk, type BulkRefusal } from "../../http/bulk.js";
import { AppError, forbidden, invalid, notFound } from "../../http/errors.js";
import * as reads from "../supervision/campaign-reads.queries.js";
import { notifyPeople } from "../supervision/notify.js";
import { commitmentLabel, outcomeOf } from "../supervision/outcomes.js";
import { CELL_KINDS } from "../supervision/supervision.service.js";
import { assertCanEvaluate, assertCanReadEvaluation, canActAbove, canReadEvaluation } from "./evaluations.policy.js";
import { setCommitmentJudgement } from "../registrations/commitments.js";
import * as q from "./evaluations.queries.js";

type Warning = z.infer<typeof EvaluationWarningView>;

const LOCKED_MESSAGE = "Kết quả đánh giá đã được duyệt và khóa; chỉ cấp trên mới mở khóa được";

/** Lists (campaign, cell) pairs whose evaluation the actor may read, with their state. */
export async function listEvaluations(opts: { db: Db; actor: Actor; campaignId?: string | undefined }) {
  const { db, actor } = opts;
  const rows = (await reads.listCampaignUnits(db, { units: visibleUnitIds(actor), kinds: CELL_KINDS, today: todayInVietnam(), campaignId: opts.campaignId ?? null })).filter((r) =>
    canReadEvaluation(actor, r.unit_id, r.parent_id),
  );
  if (rows.length === 0) return [];
  const evaluations = await q.listEvaluations(db, [...new Set(rows.map((r) => r.campaign_id))], [...new Set(rows.map((r) => r.unit_id))]);
  const counts = new Map<string, number>();
  for (const campaignId of new Set(rows.map((r) => r.campaign_id))) {
    const first = rows.find((r) => r.campaign_id === campaignId)!;
    const units = rows.filter((r) => r.campaign_id === campaignId).map((r) => r.unit_id);
    for (const c of await q.countCampaignMembers(db, units, campaignId, first.period_start, first.period_end)) counts.set(`${campaignId}|${c.unit_id}`, c.n);
  }
  return rows.map((r) => {
    const e = evaluations.find((x) => x.campaign_id === r.campaign_id && x.unit_id === r.unit_id) ?? null;
    return { row: r, evaluation: e, memberCount: counts.get(`${r.campaign_id}|${r.unit_id}`) ?? 0, canStart: e === null && canManage(actor, r.unit_id) };
  });
}

/** Opens the cell's evaluation for a campaign (idempotent: the existing one is returned). */
export async function startEvaluation(opts: { db: Db; actor: Actor; campaignId: string; unitId: string }) {
  const { db, actor, campaignId, unitId } = opts;
  const today = todayInVietnam();
  const [campaign, unit] = await Promise.all([reads.getCampaign(db, campaignId), reads.getUnitInfo(db, unitId, today)]);
  if (!campaign || !unit) throw notFound();
  assertCanEvaluate(actor, unitId, unit.parent_id);
  if (!CELL_KINDS.includes(unit.kind) || !(await reads.isUnitInCampaign(db, campaign.unit_id, unitId, today))) {
    throw invalid("Đơn vị không tham gia đánh giá trong phong trào này", [{ path: "unitId", message: "Không hợp lệ" }]);
  }
  const existing = await q.findEvaluation(db, campaignId, unitId);
  if (existing) return { id: existing.id, created: false };
  return db.transaction(async (tx) => {
    const id = await q.insertEvaluation(tx, { campaignId, unitId, createdBy: actor.accountId });
    if (!id) return { id: (await q.findEvaluation(tx, campaignId, unitId))!.id, created: false };
    await recordAction(tx, actor, { action: "evaluation.start", subjectType: "evaluation", subjectId: id, unitId, after: { campaignId, unitId } });
    return { id, created: true };
  });
}

// ---------------------------------------------------------------------------------------------
// The evaluation sheet: everything computed from the rules
// ---------------------------------------------------------------------------------------------

export interface MemberSheet {
  person: reads.MemberRow;
  commitments: { row: reads.CommitmentRow; suggested: CommitmentOutcome; achieved: boolean }[];
  violations: reads.ViolationRow[];
  self: q.SelfAssessmentRow | null;
  item: q.ItemRow | null;
  suggestedScore: ScoreSuggestion;
  suggestedRating: RatingProposal | null;
  /** What the rules know of the member's tasks (RULES.md §1): counts, mandatory items. */
  facts: Omit<RatingInput, "score">;
  /** The conditions the rating given breaks (empty when unrated or met). */
  problems: RatingConditionProblem[];
}

async function loadContext(db: Queryable, actor: Actor, id: string) {
  const evaluation = await q.getEvaluation(db, id);
  if (!evaluation) throw notFound("Không tìm thấy phiếu đánh giá");
  const today = todayInVietnam();
  const unit = (await reads.getUnitInfo(db, evaluation.unit_id, today))!;
  assertCanReadEvaluation(actor, unit.id, unit.parent_id);
  const campaign = (await reads.getCampaign(db, evaluation.campaign_id))!;
  const parent = unit.parent_id ? await reads.getUnitInfo(db, unit.parent_id, today) : null;
  return { evaluation, unit, parent, campaign, today };
}

/** The rating numbers in force at the end of the campaign period (a 2020 campaign is judged by 2020's rules). */
export function parametersFor(campaign: reads.CampaignRow): LegalParameter<RatingParameters> {
  return pickRatingParameters(campaign.period_end);
}

/**
 * Computes the sheet: for each member their commitments with the suggested judgement
 * (commitmentOutcome with their violations), the suggested score (scoreFromCommitments over the
 * judgements that count) and rating (proposeRating), and the warnings of the whole list
 * (checkEvaluation plus commitments judged achieved despite a violation).
 */
export async function computeSheet(db: Queryable, ctx: { evaluation: q.EvaluationRow; campaign: reads.CampaignRow }) {
  const { evaluation, campaign } = ctx;
  const param = parametersFor(campaign);
  const params = param.value;
  const period = { from: campaign.period_start, to: campaign.period_end };
  const [members, commitments, violations, items, selfs, mandatory] = await Promise.all([
    reads.listCampaignMembers(db, { campaignId: campaign.id, unitId: evaluation.unit_id, ...period }),
    reads.listUnitCommitments(db, campaign.id, evaluation.unit_id),
    reads.listUnitViolations(db, campaign.id, evaluation.unit_id),
    q.listItems(db, evaluation.id),
    q.listSelfAssessments(db, campaign.id, evaluation.unit_id),
    q.listMandatoryItems(db, campaign.id),
  ]);
  const sheets: MemberSheet[] = members.map((person) => {
    const own = commitments
      .filter((c) => c.person_id === person.person_id)
      .map((row) => {
        // the suggestion from the member's status; what counts is the stored outcome (the one rule,
        // with the cell's judgement and the member's violations anywhere in the campaign)
        const suggested = outcomeOf(row, violations, period);
        return { row, suggested, achieved: row.achieved ?? false };
      });
    const item = items.find((i) => i.person_id === person.person_id) ?? null;
    const suggestedScore = scoreFromCommitments(own);
    const score = item?.score ?? suggestedScore.score;
    const achieved = own.filter((c) => c.achieved).length;
    const facts: Omit<RatingInput, "score"> = {
      tasksTotal: own.length,
      tasksOnTime: achieved,
      tasksExceeded: own.filter((c) => c.achieved && c.row.judged_exceeded).length,
      tasksBehind: own.length - achieved,
      tasksDone: achieved,
      disqualified: false,
      // A mandatory item counts as achieved when every commitment under it is (a violation breaks it).
      mandatoryItems: mandatory.map((i) => {
        const under = own.filter((c) => c.row.item_code === i.code);
        const failed = under.find((c) => !c.achieved);
        return { code: i.code, title: i.title, registered: under.length > 0, achieved: under.length > 0 && !failed, reason: !failed ? null : failed.suggested.breakingViolations.length ? failed.suggested.reason : (failed.row.judged_note ?? failed.suggested.reason) };
      }),
      registrationRequired: true,
    };
    const suggestedRating = suggestRating({ ...facts, score }, params);
    const rating = item?.rating ?? null;
    return {
      person,
      commitments: own,
      violations: violations.filter((v) => v.person_id === person.person_id),
      self: selfs.find((s) => s.person_id === person.person_id) ?? null,
      item,
      suggestedScore,
      suggestedRating,
      facts,
      problems: rating ? ratingConditionProblems(rating, facts, params) : [],
    };
  });

  const warnings: Warning[] = checkEvaluation(
    sheets.map((m) => ({
      personId: m.person.person_id,
      name: m.person.full_name,
      rating: m.item?.rating ?? null,
      score: m.item?.score ?? null,
      facts: m.facts,
      suggested: m.suggestedRating?.rating ?? null,
    })),
    { allowHigherQuota: evaluation.allow_higher_quota, cellProposedRating: evaluation.unit_rating },
    params,
  ).map((w) => ({ code: w.code, message: w.message, rule: w.rule, excess: w.excess ?? null, personIds: w.personIds ?? [], blocking: w.code === "UNRATED_MEMBER" }));

  // Violations: a commitment the cell judged achieved although a recorded violation breaks it (it
  // still counts as not achieved: the one rule, RULES.md §1).
  for (const m of sheets) {
    for (const c of m.commitments) {
      if (c.row.judged_status === "achieved" && c.suggested.breakingViolations.length > 0) {
        const list = c.suggested.breakingViolations.map((v) => `${VIOLATION_KIND_LABELS[v.kind]} ngày ${formatViDate(v.date)}`).join("; ");
        warnings.push({
          code: "VIOLATION_IGNORED",
          message: `${m.person.full_name}: cam kết ${c.row.item_code} được đánh giá Đạt nhưng có ${c.suggested.breakingViolations.length} vi phạm trái với cam kết (${list}), nên vẫn tính là không đạt`,
          rule: "RULES.md §1: người đã đăng ký mà có vi phạm được ghi nhận thì không đạt cam kết đó",
          excess: c.suggested.breakingViolations.length,
          personIds: [m.person.person_id],
          blocking: false,
        });
      }
    }
  }
  const rated = sheets.map((m) => m.item?.rating ?? null);
  const goodCount = rated.filter((r) => r === "good").length;
  return {
    param,
    sheets,
    warnings,
    quota: {
      percent: evaluation.allow_higher_quota ? params.quota.higherPercentOfGood : params.quota.percentOfGood,
      excellentCount: rated.filter((r) => r === "excellent").length,
      goodCount,
      excellentLimit: excellentQuotaLimit(goodCount, evaluation.allow_higher_quota, params),
    },
  };
}

/** The evaluation sheet with what the actor may do. */
export async function getSheet(opts: { db: Db; actor: Actor; id: string }) {
  const { db, actor } = opts;
  const ctx = await loadContext(db, actor, opts.id);
  const computed = await computeSheet(db, ctx);
  const { evaluation, unit, parent } = ctx;
  const draft = evaluation.status === "draft";
  const abilities = {
    canEdit: draft && canManage(actor, unit.id),
    canSignOff: draft && canManage(actor, unit.id),
    canCommuneApprove: evaluation.status === "cell_approved" && canActAbove(actor, unit.parent_id),
    canUnlock:
      (evaluation.status === "cell_approved" && canActAbove(actor, unit.parent_id)) ||
      (evaluation.status === "commune_approved" && canActAbove(actor, parent?.parent_id ?? null)),
    canSetHigherQuota: draft && canActAbove(actor, unit.parent_id),
  };
  return { ...ctx, ...computed, abilities };
}

async function loadForChange(db: Queryable, actor: Actor, id: string) {
  const ctx = await loadContext(db, actor, id);
  assertCanEvaluate(actor, ctx.unit.id, ctx.unit.parent_id);
  if (ctx.evaluation.status !== "draft") throw new AppError("LOCKED", LOCKED_MESSAGE);
  return ctx;
}

/** Inside the write transaction: the evaluation is still a draft (a sign-off may have happened meanwhile). */
async function assertStillDraft(tx: Queryable, id: string) {
  if ((await q.lockEvaluation(tx, id)) !== "draft") throw new AppError("LOCKED", LOCKED_MESSAGE);
}

/**
 * Changes the cell's own proposed rating, or (the level above only) allows the higher quota of
 * 25% instead of 20%.
 */
export async function updateEvaluation(opts: { db: Db; actor: Actor; id: string } & z.infer<typeof UpdateEvaluationBody>) {
  const { db, actor } = opts;
  const ctx = await loadContext(db, actor, opts.id);
  const { evaluation, unit } = ctx;
  const changesQuota = opts.allowHigherQuota !== undefined && opts.allowHigherQuota !== evaluation.allow_higher_quota;
  const changesRating = opts.unitRating !== undefined && opts.unitRating !== evaluation.unit_rating;
  if (changesQuota) {
    assertCanReadEvaluation(actor, unit.id, unit.parent_id);
    if (!canActAbove(actor, unit.parent_id)) throw forbidden("Chỉ cấp trên (Đảng ủy xã) được cho phép áp dụng tỷ lệ 25%");
  }
  if (changesRating || !changesQuota) assertCanEvaluate(actor, unit.id, unit.parent_id);
  if (evaluation.status !== "draft") throw new AppError("LOCKED", LOCKED_MESSAGE);
  const next = { allowHigherQuota: opts.allowHigherQuota ?? evaluation.allow_higher_quota, unitRating: opts.unitRating === undefined ? evaluation.unit_rating : opts.unitRating };
  await db.transaction(async (tx) => {
    await assertStillDraft(tx, evaluation.id);
    await q.updateEvaluationSettings(tx, evaluation.id, next);
    await recordAction(tx, actor, {
      action: "evaluation.update",
      subjectType: "evaluation",
      subjectId: evaluation.id,
      unitId: unit.id,
      before: { allowHigherQuota: evaluation.allow_higher_quota, unitRating: evaluation.unit_rating },
      after: next,
    });
  });
}

/** The cell judges one commitment: achieved (maybe exceeded) or not achieved with a reason; null = back to the suggestion. */
export async function judgeCommitment(opts: { db: Db; actor: Actor; id: string; commitmentId: string } & z.infer<typeof JudgeCommitmentBody>) {
  const { db, actor } = opts;
  const ctx = await loadForChange(db, actor, opts.id);
  const c = await reads.getCommitment(db, opts.commitmentId);
  if (!c || c.campaign_id !== ctx.campaign.id || c.unit_id !== ctx.unit.id || c.registration_status === "draft") {
    throw notFound("Không tìm thấy cam kết trong phiếu đánh giá này");
  }
  const next = { status: opts.judgedStatus, exceeded: opts.judgedStatus === "achieved" && opts.exceeded, note: opts.note || null };
  await db.transaction(async (tx) => {
    await assertStillDraft(tx, ctx.evaluation.id);
    await setCommitmentJudgement(tx, c.id, { ...next, by: actor.accountId });
    await recordAction(tx, actor, {
      action: "evaluation.judge_commitment",
      subjectType: "commitment",
      subjectId: c.id,
      unitId: ctx.unit.id,
      before: { judgedStatus: c.judged_status, exceeded: c.judged_exceeded, note: c.judged_note },
      after: { evaluationId: ctx.evaluation.id, commitment: commitmentLabel(c), judgedStatus: next.status, exceeded: next.exceeded, note: next.note },
    });
  });
}

/** The cell scores and rates one member; a rating other than the suggested one is the secretary's override. */
export async function rateMember(opts: { db: Db; actor: Actor; id: string; personId: string } & z.infer<typeof RateMemberBody>) {
  const { db, actor } = opts;
  const ctx = await loadForChange(db, actor, opts.id);
  const computed = await computeSheet(db, ctx);
  const m = computed.sheets.find((s) => s.person.person_id === opts.personId);
  if (!m) throw notFound("Người này không thuộc danh sách đánh giá của chi bộ");
  const next = { score: opts.score, rating: opts.rating, notes: opts.notes || null };
  await db.transaction(async (tx) => {
    await assertStillDraft(tx, ctx.evaluation.id);
    await q.upsertItem(tx, ctx.evaluation.id, { personId: opts.personId, ...next, by: actor.accountId });
    await recordAction(tx, actor, {
      action: "evaluation.rate_member",
      subjectType: "evaluation",
      subjectId: ctx.evaluation.id,
      unitId: ctx.unit.id,
      before: m.item ? { personId: opts.personId, score: m.item.score, rating: m.item.rating, notes: m.item.notes } : null,
      after: {
        personId: opts.personId,
        name: m.person.full_name,
        ...next,
        suggestedScore: m.suggestedScore.score,
        suggestedRating: m.suggestedRating?.rating ?? null,
        overridden: next.rating !== null && m.suggestedRating !== null && next.rating !== m.suggestedRating.rating,
      },
    });
  });
}

/**
 * Fills in what the cell has not decided yet with the suggestions: unjudged commitments get their
 * suggested judgement (with its reason), unrated members the suggested score and rating.
 */
export async function applySuggestions(opts: { db: Db; actor: Actor; id: string }) {
  const { db, actor } = opts;
  const ctx = await loadForChange(db, actor, opts.id);
  const first = await computeSheet(db, ctx);
  await db.transaction(async (tx) => {
    await assertStillDraft(tx, ctx.evaluation.id);
    let judged = 0;
    for (const m of first.sheets) {
      for (const c of m.commitments) {
        if (c.row.judged_status !== null) continue;
        await setCommitmentJudgement(tx, c.row.id, {
          status: c.suggested.achieved ? "achieved" : "not_achieved",
          exceeded: false,
          note: c.suggested.achieved ? null : c.suggested.reason,
          by: actor.accountId,
        });
        judged += 1;
      }
    }
    // Scores and ratings from the judgements as they now stand.
    const second = await computeSheet(tx, ctx);
    const rated: { personId: string; score: number | null; rating: Rating | null }[] = [];
    for (const m of second.sheets) {
      if (m.item?.rating) continue;
      const score = m.item?.score ?? m.suggestedScore.score;
      const rating = m.suggestedRating?.rating ?? null;
      if (score === null && rating === null) continue;
      await q.upsertItem(tx, ctx.evaluation.id, { personId: m.person.person_id, score, rating, notes: m.item?.notes ?? null, by: actor.accountId });
      rated.push({ personId: m.person.person_id, score, rating });
    }
    await recordAction(tx, actor, {
      action: "evaluation.apply_suggestions",
      subjectType: "evaluation",
      subjectId: ctx.evaluation.id,
      unitId: ctx.unit.id,
      after: { judgedCommitments: judged, ratedMembers: rated },
    });
  });
}

/**
 * The selected members get their suggested rating (and the score it was computed from) at once —
 * each written and audited as its own rating ("evaluation.rate_member", `bulk: true`), all in one
 * transaction. All or nothing: someone not on the sheet or without a suggestion refuses the whole
 * list, with the reason for each.
 */
export async function applySuggestedRatings(opts: { db: Db; actor: Actor; id: string; personIds: readonly string[] }) {
  const { db, actor, personIds } = opts;
  const ctx = await loadForChange(db, actor, opts.id);
  const computed = await computeSheet(db, ctx);
  const picked = personIds.map((personId) => computed.sheets.find((s) => s.person.person_id === personId) ?? null);
  const refusals: BulkRefusal[] = [];
  picked.forEach((m, index) => {
    if (!m) refusals.push({ index, code: "NOT_FOUND", message: `Mã ${personIds[index]} không thuộc danh sách đánh giá của chi bộ` });
    else if (!m.suggestedRating) refusals.push({ index, code: "INVALID_STATE", message: `${m.person.full_name}: chưa có xếp loại gợi ý (chưa có điểm để tính)` });
  });
  if (refusals.length) throw refuseBulk("personIds", personIds.length, "đảng viên", refusals);
  const members = picked as MemberSheet[];
  return db.transaction(async (tx) => {
    await assertStillDraft(tx, ctx.evaluation.id);
    const rated = [];
    for (const m of members) {
      const rating = m.suggestedRating!.rating;
      const next = { score: m.item?.score ?? m.suggestedScore.score, rating, notes: m.item?.notes ?? null };
      await q.upsertItem(tx, ctx.evaluation.id, { personId: m.person.person_id, ...next, by: actor.accountId });
      await recordAction(tx, actor, {
        action: "evaluation.rate_member",
        subjectType: "evaluation",
        subjectId: ctx.evaluation.id,
        unitId: ctx.unit.id,
        before: m.item ? { personId: m.person.person_id, score: m.item.score, rating: m.item.rating, notes: m.item.notes } : null,
        after: {
          personId: m.person.person_id,
          name: m.person.full_name,
          ...next,
          suggestedScore: m.suggestedScore.score,
          suggestedRating: rating,
          overridden: false,
          bulk: true,
        },
      });
      rated.push({ id: m.person.person_id, name: m.person.full_name, score: next.score, rating, ratingLabel: RATING_SHORT_LABELS[rating] });
    }
    return { rated };
  });
}

function warningDetails(warnings: Warning[]) {
  return warnings.map((w) => ({ path: `warnings.${w.code}`, message: `${w.message} (${w.rule})` }));
}

/**
 * Refuses a sign-off that breaks rules unless the signer acknowledges the warnings.
 *
 * Decision (RULES.md §1 says "warn before sign-off"): a warning never blocks by itself — the signer
 * sees which rule is broken and by how much (409 CONFLICT with the warnings in `details`) and may
 * sign anyway with `acknowledgeWarnings: true`; the acknowledged warnings are written in the audit
 * record of the sign-off. Only an unrated member blocks (409 INVALID_STATE): there is nothing to sign.
 */
function checkSignOff(warnings: Warning[], acknowledge: boolean) {
  const blocking = warnings.filter((w) => w.blocking);
  if (blocking.length > 0) {
    throw new AppError("INVALID_STATE", blocking.map((w) => w.message).join("; "), warningDetails(blocking));
  }
  if (warnings.length > 0 && !acknowledge) {
    throw new AppError(
      "CONFLICT",
      `Kết quả đánh giá có ${warnings.length} cảnh báo: ${warnings.map((w) => w.message).join("; ")}. Hãy xem lại hoặc xác nhận đã đọc cảnh báo để ký duyệt.`,
      warningDetails(warnings),
    );
  }
}

const auditWarnings = (warnings: Warning[]) => warnings.map((w) => ({ code: w.code, message: w.message, rule: w.rule, excess: w.excess, personIds: w.personIds }));

/**
 * The cell signs off: every member rated, warnings acknowledged; the judgements that were only
 * suggestions are written down, and the evaluation is locked for the cell (later changes → 409).
 */
export async function cellApprove(opts: { db: Db; actor: Actor; id: string; acknowledgeWarnings: boolean }) {
  const { db, actor } = opts;
  const ctx = await loadContext(db, actor, opts.id);
  assertCanEvaluate(actor, ctx.unit.id, ctx.unit.parent_id);
  if (ctx.evaluation.status !== "draft") throw new AppError("INVALID_STATE", "Chi bộ đã duyệt kết quả đánh giá này rồi");
  const computed = await computeSheet(db, ctx);
  checkSignOff(computed.warnings, opts.acknowledgeWarnings);
  const communeSecretaries = ctx.unit.parent_id ? await reads.listSecretaries(db, ctx.unit.parent_id, ctx.today) : [];
  await db.transaction(async (tx) => {
    if ((await q.lockEvaluation(tx, ctx.evaluation.id)) !== "draft") throw new AppError("INVALID_STATE", "Chi bộ đã duyệt kết quả đánh giá này rồi");
    for (const m of computed.sheets) {
      for (const c of m.commitments) {
        if (c.row.judged_status !== null) continue;
        await setCommitmentJudgement(tx, c.row.id, {
          status: c.suggested.achieved ? "achieved" : "not_achieved",
          exceeded: false,
          note: c.suggested.achieved ? null : c.suggested.reason,
          by: actor.accountId,
        });
      }
    }
    await q.setEvaluationStatus(tx, ctx.evaluation.id, "cell_approved", actor.accountId);
    await recordAction(tx, actor, {
      action: "evaluation.cell_approve",
      subjectType: "evaluation",
      subjectId: ctx.evaluation.id,
      unitId: ctx.unit.id,
      before: { status: "draft" },
      after: {
        status: "cell_approved",
        regulation: computed.param.value.regulation,
        ratings: computed.sheets.map((m) => ({ personId: m.person.person_id, score: m.item?.score ?? null, rating: m.item?.rating ?? null })),
        signedDespiteWarnings: computed.warnings.length > 0,
        acknowledgedWarnings: auditWarnings(computed.warnings),
      },
    });
    await notifyPeople(tx, communeSecretaries, {
      kind: "evaluation.cell_approved",
      title: `${ctx.unit.name} đã duyệt kết quả đánh giá, xếp loại`,
      body: `${ctx.campaign.name}${computed.warnings.length ? ` — có ${computed.warnings.length} cảnh báo đã được xác nhận` : ""}`,
      link: `/danh-gia/${ctx.evaluation.id}`,
      subjectId: ctx.evaluation.id,
    });
  });
}

/** The commune (manage scope on the cell's parent) approves a cell-approved evaluation. */
export async function communeApprove(opts: { db: Db; actor: Actor; id: string; acknowledgeWarnings: boolean }) {
  const { db, actor } = opts;
  const ctx = await loadContext(db, actor, opts.id);
  if (!canActAbove(actor, ctx.unit.parent_id)) throw forbidden("Chỉ cấp ủy cấp trên (Đảng ủy xã) được duyệt kết quả đánh giá của chi bộ");
  if (ctx.evaluation.status !== "cell_approved") {
    throw new AppError("INVALID_STATE", ctx.evaluation.status === "draft" ? "Chi bộ chưa duyệt kết quả đánh giá" : "Kết quả đánh giá đã được Đảng ủy xã duyệt rồi");
  }
  const computed = await computeSheet(db, ctx);
  checkSignOff(computed.warnings, opts.acknowledgeWarnings);
  const cellSecretaries = await reads.listSecretaries(db, ctx.unit.id, ctx.today);
  await db.transaction(async (tx) => {
    if ((await q.lockEvaluation(tx, ctx.evaluation.id)) !== "cell_approved") throw new AppError("INVALID_STATE", "Trạng thái phiếu đánh giá đã thay đổi");
    await q.setEvaluationStatus(tx, ctx.evaluation.id, "commune_approved", actor.accountId);
    await recordAction(tx, actor, {
      action: "evaluation.commune_approve",
      subjectType: "evaluation",
      subjectId: ctx.evaluation.id,
      unitId: ctx.unit.id,
      before: { status: "cell_approved" },
      after: { status: "commune_approved", signedDespiteWarnings: computed.warnings.length > 0, acknowledgedWarnings: auditWarnings(computed.warnings) },
    });
    await notifyPeople(tx, cellSecretaries, {
      kind: "evaluation.commune_approved",
      title: `Đảng ủy xã đã duyệt kết quả đánh giá của ${ctx.unit.name}`,
      body: ctx.campaign.name,
      link: `/danh-gia/${ctx.evaluation.id}`,
      subjectId: ctx.evaluation.id,
    });
  });
}

/**
 * Only the level above unlocks, with a reason: the commune reopens a cell-approved evaluation to
 * draft; the level above the commune (admin in the demo) reopens a commune-approved one to
 * cell-approved. Audited.
 */
export async function unlockEvaluation(opts: { db: Db; actor: Actor; id: string; reason: string }) {
  const { db, actor } = opts;
  const ctx = await loadContext(db, actor, opts.id);
  const { evaluation, unit, parent } = ctx;
  if (!canActAbove(actor, unit.parent_id)) throw forbidden("Chỉ cấp ủy cấp trên (Đảng ủy xã) được mở khóa kết quả chi bộ đã duyệt");
  if (evaluation.status === "draft") throw new AppError("INVALID_STATE", "Phiếu đánh giá đang mở, không cần mở khóa");
  if (evaluation.status === "commune_approved" && !canActAbove(actor, parent?.parent_id ?? null)) {
    throw forbidden("Chỉ cấp trên của Đảng ủy xã (quản trị hệ thống) được mở khóa kết quả Đảng ủy xã đã duyệt");
  }
  const target = evaluation.status === "cell_approved" ? "draft" : "cell_approved";
  const notifyUnit = target === "draft" ? unit.id : (unit.parent_id ?? unit.id);
  const secretaries = await reads.listSecretaries(db, notifyUnit, ctx.today);
  await db.transaction(async (tx) => {
    if ((await q.lockEvaluation(tx, evaluation.id)) !== evaluation.status) throw new AppError("INVALID_STATE", "Trạng thái phiếu đánh giá đã thay đổi");
    await q.setEvaluationStatus(tx, evaluation.id, target, null);
    await recordAction(tx, actor, {
      action: "evaluation.unlock",
      subjectType: "evaluation",
      subjectId: evaluation.id,
      unitId: unit.id,
      before: { status: evaluation.status },
      after: { status: target, reason: opts.reason },
    });
    await notifyPeople(tx, secretaries, {
      kind: "evaluation.unlocked",
      title: `Kết quả đánh giá của ${unit.name} đã được mở khóa`,
      body: `Lý do: ${opts.reason}`,
      link: `/danh-gia/${evaluation.id}`,
      subjectId: evaluation.id,
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Self-assessment (the member's side)
// ---------------------------------------------------------------------------------------------

/** The campaigns the signed-in member takes part in, with their self-assessment and (once signed off) result. */
export async function listMine(opts: { db: Db; actor: Actor }) {
  const { db, actor } = opts;
  if (!actor.personId) return [];
  const personId = actor.personId;
  const today = todayInVietnam();
  const regUnits = await db.query<{ unit_id: string }>("SELECT DISTINCT unit_id FROM registrations WHERE person_id = $1", [personId]);
  const units = [...new Set([...actor.positions.map((p) => p.unitId), ...regUnits.map((r) => r.unit_id)])];
  if (units.length === 0) return [];
  const pairs = await reads.listCampaignUnits(db, { units, kinds: CELL_KINDS, today });
  const mine = [];
  for (const p of pairs) {
    if (await reads.isCampaignMember(db, { campaignId: p.campaign_id, unitId: p.unit_id, personId, from: p.period_start, to: p.period_end })) mine.push(p);
  }
  const [selfs, results] = await Promise.all([q.listPersonSelfAssessments(db, personId), q.listPersonResults(db, personId)]);
  const [statuses, commitments] = await Promise.all([
    Promise.all(mine.map((p) => reads.getEvaluationStatus(db, p.campaign_id, p.unit_id))),
    Promise.all(mine.map((p) => myCommitments(db, p, personId))),
  ]);
  return mine.map((p, i) => ({
    pair: p,
    status: statuses[i]!,
    self: selfs.find((s) => s.campaign_id === p.campaign_id && s.unit_id === p.unit_id) ?? null,
    result: results.find((r) => r.campaign_id === p.campaign_id && r.unit_id === p.unit_id) ?? null,
    commitments: commitments[i]!,
  }));
}

/**
 * The member's own approved commitments in a cell's campaign, read as the cell's sheet reads them
 * (computeSheet): the stored outcome that counts (`achieved`), the rule's reason (outcomeOf with
 * the member's recorded violations) and the violations that break each one.
 */
async function myCommitments(db: Queryable, p: reads.CampaignUnitRow, personId: string) {
  const [rows, violations] = await Promise.all([reads.listUnitCommitments(db, p.campaign_id, p.unit_id), reads.listUnitViolations(db, p.campaign_id, p.unit_id)]);
  const period = { from: p.period_start, to: p.period_end };
  return rows
    .filter((row) => row.person_id === personId && row.registration_status === "approved")
    .map((row) => {
      const suggested = outcomeOf(row, violations, period);
      const breaking = violations.filter((v) =>
        suggested.breakingViolations.some((b) => b.kind === v.kind && b.date === v.occurred_on && (b.commitmentId ?? null) === v.commitment_id && (v.person_id === personId || v.commitment_id === row.id)),
      );
      return { row, suggested, achieved: row.achieved ?? false, violations: breaking };
    });
}

/** A member writes (or rewrites) their self-assessment until the cell signs off. */
export async function saveSelfAssessment(opts: { db: Db; actor: Actor } & z.infer<typeof SaveSelfAssessmentBody>) {
  const { db, actor } = opts;
  if (!actor.personId) throw forbidden("Tài khoản không gắn với một đảng viên nên không thể tự đánh giá");
  const today = todayInVietnam();
  const campaign = await reads.getCampaign(db, opts.campaignId);
  if (!campaign) throw notFound("Không tìm thấy phong trào");
  const member = await reads.isCampaignMember(db, { campaignId: campaign.id, unitId: opts.unitId, personId: actor.personId, from: campaign.period_start, to: campaign.period_end });
  if (!member || !(await reads.isUnitInCampaign(db, campaign.unit_id, opts.unitId, today))) {
    throw notFound("Bạn không sinh hoạt tại đơn vị này trong phong trào");
  }
  const status = await reads.getEvaluationStatus(db, campaign.id, opts.unitId);
  if (status === "cell_approved" || status === "commune_approved") throw new AppError("LOCKED", LOCKED_MESSAGE);
  const values = {
    campaignId: campaign.id,
    unitId: opts.unitId,
    personId: actor.personId,
    content: opts.content,
    proposedRating: opts.proposedRating ?? null,
    selfScore: opts.selfScore ?? null,
  };
  await db.transaction(async (tx) => {
    const locked = await reads.getEvaluationStatus(tx, campaign.id, opts.unitId);
    if (locked === "cell_approved" || locked === "commune_approved") throw new AppError("LOCKED", LOCKED_MESSAGE);
    await q.upsertSelfAssessment(tx, values);
    await recordAction(tx, actor, { action: "self_assessment.save", subjectType: "self_assessment", subjectId: actor.personId, unitId: opts.unitId, after: values });
  });
}

export const ratingShort = (r: Rating | null) => (r ? RATING_SHORT_LABELS[r] : null);
