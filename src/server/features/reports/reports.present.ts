import { REPORT_STATUS_LABELS, SUBMISSION_STATE_LABELS, type ReportView, type RollupView, type SubmissionItem, type SubmissionsView } from "@contracts/reports.js";
import { UNIT_KIND_LABELS, type UnitKind } from "@contracts/units.js";
import type { CampaignRow } from "./reports.queries.js";
import type { getRollup, getSubmissions, getUnitReport, listReportCampaigns, SubmissionRow } from "./reports.service.js";

export const kindLabel = (kind: string) => UNIT_KIND_LABELS[kind as UnitKind] ?? kind;

export function presentCampaign(c: CampaignRow) {
  return { id: c.id, name: c.name, year: c.year, status: c.status, periodStart: c.period_start, periodEnd: c.period_end, reportDeadline: c.report_deadline };
}

function presentUnit(u: { id: string; name: string; kind: string }) {
  return { id: u.id, name: u.name, kind: u.kind, kindLabel: kindLabel(u.kind) };
}

export function presentReport(d: Awaited<ReturnType<typeof getUnitReport>>): ReportView {
  const { ctx, report } = d;
  return {
    campaign: presentCampaign(ctx.campaign),
    unit: { ...presentUnit(ctx.unit), symbolCode: ctx.unit.symbol_code, hasChildren: d.hasChildren },
    report: {
      id: report?.id ?? null,
      status: report?.status ?? "draft",
      statusLabel: report ? REPORT_STATUS_LABELS[report.status] : "Chưa lập báo cáo",
      number: report?.number ?? null,
      symbol: report?.symbol ?? null,
      suggestedNumber: d.suggestedNumber,
      suggestedSymbol: d.suggestedSymbol,
      reportDate: report?.report_date ?? null,
      strengths: report?.strengths ?? null,
      limitations: report?.limitations ?? null,
      causes: report?.causes ?? null,
      nextSteps: report?.next_steps ?? null,
      submittedAt: report?.submitted_at ? report.submitted_at.toISOString() : null,
      submittedByName: report?.submitted_by_name ?? null,
      receivedByUnitName: report?.received_by_name ?? null,
      late: d.late,
      updatedAt: report ? report.updated_at.toISOString() : null,
    },
    receiver: d.receiver ? { unitId: d.receiver.unit_id, name: d.receiver.name } : null,
    statistics: d.statistics,
    statisticsFrozen: d.frozen,
    can: d.can,
  };
}

export function presentRollup(d: Awaited<ReturnType<typeof getRollup>>): RollupView {
  return {
    campaign: presentCampaign(d.ctx.campaign),
    unit: presentUnit(d.ctx.unit),
    asOf: d.ctx.asOf,
    criteria: d.criteria,
    total: d.total,
    members: d.members,
    children: d.rows.map((r) => ({
      id: r.unit.unit_id,
      name: r.unit.name,
      kind: r.unit.kind,
      kindLabel: kindLabel(r.unit.kind),
      registered: r.totals?.total.registered ?? 0,
      achieved: r.totals?.total.achieved ?? 0,
      percent: r.totals?.total.percent ?? 0,
      byCriterion: r.criteria.map((c) => ({ code: c.code, registered: c.registered, achieved: c.achieved, percent: c.percent })),
      members: r.members,
      submission: r.submission,
      submissionLabel: r.submission ? SUBMISSION_STATE_LABELS[r.submission] : null,
    })),
    own: d.own && {
      registered: d.own.totals.registered,
      achieved: d.own.totals.achieved,
      percent: d.own.totals.percent,
      byCriterion: d.own.criteria.map((c) => ({ code: c.code, registered: c.registered, achieved: c.achieved, percent: c.percent })),
      members: d.own.members,
    },
    nextCursor: d.nextCursor,
  };
}

function presentSubmissionRow(e: SubmissionRow): SubmissionItem {
  return {
    unitId: e.unit.unit_id,
    unitName: e.unit.name,
    kindLabel: kindLabel(e.unit.kind),
    state: e.state,
    stateLabel: e.state ? SUBMISSION_STATE_LABELS[e.state] : null,
    reportId: e.report?.id ?? null,
    symbol: e.report?.status === "submitted" ? e.report.symbol : null,
    submittedAt: e.report?.submitted_at ? e.report.submitted_at.toISOString() : null,
    receivedByUnitName: e.report?.received_by_name ?? null,
    overdue: e.overdue,
    below: e.below,
  };
}

export function presentSubmissions(d: Awaited<ReturnType<typeof getSubmissions>>): SubmissionsView {
  return {
    campaign: presentCampaign(d.ctx.campaign),
    unit: presentUnit(d.ctx.unit),
    deadline: d.ctx.campaign.report_deadline,
    deadlinePassed: d.deadlinePassed,
    counts: d.counts,
    filter: d.filter,
    items: d.rows.map(presentSubmissionRow),
    nextCursor: d.nextCursor,
  };
}

export function presentCampaignList(list: Awaited<ReturnType<typeof listReportCampaigns>>) {
  return {
    items: list.map((e) => ({
      ...presentCampaign(e.campaign),
      units: e.units.map((u) => ({ ...presentUnit(u), hasChildren: u.hasChildren, canManage: u.canManage })),
    })),
  };
}
