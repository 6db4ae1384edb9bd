import { POSITION_ROLE_LABELS, type POSITION_ROLES } from "@contracts/common.js";
import { EVALUATION_STATUS_LABELS, type EvaluationSheet, type MyCommitmentView, type MyEvaluationItem } from "@contracts/evaluations.js";
import { todayInVietnam } from "@domain/dates.js";
import { RATING_SHORT_LABELS, VIOLATION_KIND_LABELS, type Rating } from "@domain/ratings.js";
import type { z } from "zod";
import { commitmentLabel, statusLabel } from "../supervision/outcomes.js";
import type { getSheet, listEvaluations, listMine } from "./evaluations.service.js";
import type { SelfAssessmentRow } from "./evaluations.queries.js";

const roleLabel = (r: string | null) => (r ? (POSITION_ROLE_LABELS[r as (typeof POSITION_ROLES)[number]] ?? r) : null);
const ratingLabel = (r: Rating | null | undefined) => (r ? RATING_SHORT_LABELS[r] : null);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentEvaluationList(rows: Awaited<ReturnType<typeof listEvaluations>>) {
  return {
    items: rows.map(({ row, evaluation, memberCount, canStart }) => {
      const status: keyof typeof EVALUATION_STATUS_LABELS = evaluation?.status ?? "none";
      return {
        campaignId: row.campaign_id,
        campaignName: row.campaign_name,
        campaignYear: row.campaign_year,
        periodStart: row.period_start,
        periodEnd: row.period_end,
        unitId: row.unit_id,
        unitName: row.unit_name,
        evaluationId: evaluation?.id ?? null,
        status,
        statusLabel: EVALUATION_STATUS_LABELS[status],
        memberCount,
        ratedCount: evaluation?.rated ?? 0,
        canStart,
      };
    }),
  };
}

function presentSelf(s: SelfAssessmentRow | null) {
  return s
    ? { content: s.content, proposedRating: s.proposed_rating, proposedRatingLabel: ratingLabel(s.proposed_rating), selfScore: s.self_score, submittedAt: s.submitted_at.toISOString() }
    : null;
}

export function presentSheet(d: Awaited<ReturnType<typeof getSheet>>): z.infer<typeof EvaluationSheet> {
  const e = d.evaluation;
  const p = d.param;
  return {
    id: e.id,
    campaign: { id: d.campaign.id, name: d.campaign.name, year: d.campaign.year, periodStart: d.campaign.period_start, periodEnd: d.campaign.period_end },
    unit: { id: d.unit.id, name: d.unit.name },
    parentUnit: d.parent ? { id: d.parent.id, name: d.parent.name } : null,
    status: e.status,
    statusLabel: EVALUATION_STATUS_LABELS[e.status],
    locked: e.status !== "draft",
    allowHigherQuota: e.allow_higher_quota,
    unitRating: e.unit_rating,
    unitRatingLabel: ratingLabel(e.unit_rating),
    cellApprovedAt: iso(e.cell_approved_at),
    cellApprovedBy: e.cell_approved_by_name,
    communeApprovedAt: iso(e.commune_approved_at),
    communeApprovedBy: e.commune_approved_by_name,
    parameters: {
      regulation: p.value.regulation,
      legalBasis: p.legalBasis,
      validFrom: p.validFrom,
      validTo: p.validTo,
      bands: { ...p.value.bands },
      quotaPercent: d.quota.percent,
      excellentCount: d.quota.excellentCount,
      goodCount: d.quota.goodCount,
      excellentLimit: d.quota.excellentLimit,
    },
    members: d.sheets.map((m) => ({
      personId: m.person.person_id,
      fullName: m.person.full_name,
      roleLabel: roleLabel(m.person.role),
      selfAssessment: presentSelf(m.self),
      commitments: m.commitments.map((c) => ({
        id: c.row.id,
        label: commitmentLabel(c.row),
        criterionCode: c.row.criterion_code,
        itemCode: c.row.item_code,
        itemTitle: c.row.item_title,
        action: c.row.action,
        target: c.row.target,
        status: c.row.status,
        statusLabel: statusLabel(c.row.status),
        suggested: { achieved: c.suggested.achieved, reason: c.suggested.reason },
        judgedStatus: c.row.judged_status,
        judgedNote: c.row.judged_note,
        judgedExceeded: c.row.judged_exceeded,
        achieved: c.achieved,
      })),
      violations: m.violations.map((v) => ({ id: v.id, kindLabel: VIOLATION_KIND_LABELS[v.kind], occurredOn: v.occurred_on, description: v.description })),
      suggestedScore: { score: m.suggestedScore.score, explanation: m.suggestedScore.explanation },
      suggestedRating: m.suggestedRating ? { rating: m.suggestedRating.rating, label: RATING_SHORT_LABELS[m.suggestedRating.rating], reasons: m.suggestedRating.reasons } : null,
      problems: m.problems.map((p) => ({ code: p.code, message: p.message, rule: p.rule, excess: p.excess })),
      score: m.item?.score ?? null,
      rating: m.item?.rating ?? null,
      ratingLabel: ratingLabel(m.item?.rating),
      notes: m.item?.notes ?? null,
      overridden: Boolean(m.item?.rating && m.suggestedRating && m.item.rating !== m.suggestedRating.rating),
    })),
    warnings: d.warnings,
    abilities: d.abilities,
  };
}

type MyCommitment = Awaited<ReturnType<typeof listMine>>[number]["commitments"][number];

const OUTCOME_LABELS = { achieved: "Đạt", not_achieved: "Không đạt" } as const;

/** A commitment of the member's own with where it stands (see MyCommitmentView). */
function presentMyCommitment(c: MyCommitment, campaignEnded: boolean): z.infer<typeof MyCommitmentView> {
  const r = c.row;
  const closed = c.achieved || campaignEnded || r.judged_status !== null || r.status === "achieved" || r.status === "not_achieved" || c.violations.length > 0;
  const outcome = c.achieved ? "achieved" : closed ? "not_achieved" : "open";
  const judged = r.judged_status ? `${OUTCOME_LABELS[r.judged_status]}${r.judged_status === "achieved" && r.judged_exceeded ? " (vượt mức)" : ""}` : null;
  return {
    id: r.id,
    label: commitmentLabel(r),
    itemCode: r.item_code,
    itemTitle: r.item_title,
    action: r.action,
    target: r.target,
    deadline: r.deadline,
    status: r.status,
    statusLabel: statusLabel(r.status),
    outcome,
    outcomeLabel: outcome === "open" ? `Chưa xong (${statusLabel(r.status).toLowerCase()})` : OUTCOME_LABELS[outcome],
    reason: c.suggested.reason,
    judgedStatus: r.judged_status,
    judgementLabel: judged ? `Chi bộ đánh giá: ${judged}` : "Chi bộ chưa đánh giá",
    judgedNote: r.judged_note,
    violations: c.violations.map((v) => ({ id: v.id, kindLabel: VIOLATION_KIND_LABELS[v.kind], occurredOn: v.occurred_on, description: v.description })),
  };
}

export function presentMine(rows: Awaited<ReturnType<typeof listMine>>): { items: z.infer<typeof MyEvaluationItem>[] } {
  const today = todayInVietnam();
  return {
    items: rows.map(({ pair, status, self, result, commitments }) => {
      const locked = status === "cell_approved" || status === "commune_approved";
      return {
        campaignId: pair.campaign_id,
        campaignName: pair.campaign_name,
        periodStart: pair.period_start,
        periodEnd: pair.period_end,
        unitId: pair.unit_id,
        unitName: pair.unit_name,
        locked,
        selfAssessment: presentSelf(self),
        commitments: commitments.map((c) => presentMyCommitment(c, pair.period_end < today)),
        result: locked && result ? { score: result.score, rating: result.rating, ratingLabel: ratingLabel(result.rating), statusLabel: EVALUATION_STATUS_LABELS[status] } : null,
      };
    }),
  };
}
