import {
  CAMPAIGN_PHASE_LABELS,
  CASCADE_STATUS_LABELS,
  CRITERIA_SET_STATUS_LABELS,
  type CampaignDetail,
  type CampaignSummary,
  type CascadeRow,
  type CriteriaSetDetail,
  type CriteriaSetSummary,
  campaignPhase,
} from "@contracts/campaigns.js";
import { todayInVietnam } from "@domain/dates.js";
import { UNIT_KIND_LABELS, type UnitKind } from "@contracts/units.js";
import { canManage, type Actor } from "../../http/actor.js";
import { presentPlanSummary } from "../plans/plans.present.js";
import type { CampaignRow, CriteriaSetRow } from "./campaigns.queries.js";
import type { CascadeEntry, getCampaignDetail, getCriteriaSetDetail } from "./campaigns.service.js";

export function presentCriteriaSetSummary(s: CriteriaSetRow): CriteriaSetSummary {
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    year: s.year,
    status: s.status,
    statusLabel: CRITERIA_SET_STATUS_LABELS[s.status],
    issuingUnitId: s.issuing_unit_id,
    issuingUnitName: s.issuing_unit_name,
    basedOnSetId: s.based_on_set_id,
    basedOnSetName: s.based_on_set_name,
    publishedAt: s.published_at ? s.published_at.toISOString() : null,
    campaignCount: s.campaign_count,
  };
}

export function presentCriteriaSetDetail(d: Awaited<ReturnType<typeof getCriteriaSetDetail>>): CriteriaSetDetail {
  return {
    ...presentCriteriaSetSummary(d.set),
    legalBasis: d.set.legal_basis,
    source: d.set.source,
    criteria: d.criteria.map((c) => ({
      id: c.id,
      code: c.code,
      title: c.title,
      description: c.description,
      points: c.points,
      items: d.items
        .filter((i) => i.criterion_id === c.id)
        .map((i) => ({
          id: i.id,
          code: i.code,
          title: i.title,
          guidance: i.guidance,
          mandatory: i.mandatory,
          mandatoryForUnits: i.mandatory_for_units,
          points: i.points,
        })),
    })),
    campaigns: d.campaigns.map((c) => ({ id: c.id, name: c.name, year: c.year })),
    abilities: d.abilities,
  };
}

/** The status label says where the campaign stands today (not started, running, summing up). */
export function presentCampaignSummary(c: CampaignRow, actor: Actor, today = todayInVietnam()): CampaignSummary {
  return {
    id: c.id,
    unitId: c.unit_id,
    unitName: c.unit_name,
    name: c.name,
    year: c.year,
    periodStart: c.period_start,
    periodEnd: c.period_end,
    planDeadline: c.plan_deadline,
    registrationDeadline: c.registration_deadline,
    reportDeadline: c.report_deadline,
    status: c.status,
    statusLabel: CAMPAIGN_PHASE_LABELS[campaignPhase({ status: c.status, periodStart: c.period_start, periodEnd: c.period_end }, today)],
    criteriaSetId: c.criteria_set_id,
    criteriaSetName: c.criteria_set_name,
    canManage: canManage(actor, c.unit_id),
  };
}

export function presentCascadeRow(e: CascadeEntry): CascadeRow {
  return {
    unitId: e.unit.id,
    unitName: e.unit.name,
    unitKind: e.unit.kind,
    unitKindLabel: UNIT_KIND_LABELS[e.unit.kind as UnitKind] ?? e.unit.kind,
    parentName: e.unit.parent_name,
    status: e.status,
    statusLabel: CASCADE_STATUS_LABELS[e.status],
    plan: e.plan ? presentPlanSummary(e.plan) : null,
    firstIssuedDate: e.firstIssuedDate,
    late: e.late,
    daysLate: e.daysLate,
    members: e.unit.members,
    acknowledged: e.acknowledged,
  };
}

export function presentCampaignDetail(d: Awaited<ReturnType<typeof getCampaignDetail>>, actor: Actor): CampaignDetail {
  const cascade = d.cascade?.map(presentCascadeRow) ?? null;
  return {
    campaign: presentCampaignSummary(d.campaign, actor),
    criteriaSet: { id: d.campaign.criteria_set_id, name: d.campaign.criteria_set_name, year: d.campaign.criteria_set_year, status: d.campaign.criteria_set_status },
    unitPlan: d.unitPlan ? presentPlanSummary(d.unitPlan) : null,
    cascade,
    cascadeSummary: cascade
      ? {
          total: cascade.length,
          issued: cascade.filter((r) => r.status === "issued").length,
          late: cascade.filter((r) => r.late).length,
          notIssued: cascade.filter((r) => r.status !== "issued").length,
        }
      : null,
    myUnits: d.myUnits.map((m) => ({
      unitId: m.entry.unit.id,
      unitName: m.entry.unit.name,
      unitKind: m.entry.unit.kind,
      plan: m.plan ? presentPlanSummary(m.plan) : null,
      late: m.entry.late,
      canManage: m.canManage,
    })),
    abilities: d.abilities,
  };
}
