import { POSITION_ROLE_LABELS, type POSITION_ROLES } from "@contracts/common.js";
import { REPORT_STATUS_LABELS, type ReportDetail, type SupervisionWorkspace, type MyViolationsResponse } from "@contracts/supervision.js";
import { VIOLATION_KIND_LABELS, VIOLATION_KINDS } from "@domain/ratings.js";
import type { z } from "zod";
import type { Actor } from "../../http/actor.js";
import type { CommitmentRow, ViolationRow } from "./campaign-reads.queries.js";
import { commitmentLabel, outcomeOf, statusLabel } from "./outcomes.js";
import { canSupervise } from "./supervision.policy.js";
import type { EvidenceRow, NoteRow, ReportRow } from "./supervision.queries.js";
import type { getReport, getWorkspace, listMyViolations, listSupervisionUnits } from "./supervision.service.js";

const roleLabel = (r: string | null) => (r ? (POSITION_ROLE_LABELS[r as (typeof POSITION_ROLES)[number]] ?? r) : null);

export function presentEvidence(e: EvidenceRow) {
  return { id: e.id, fileName: e.file_name, mimeType: e.mime_type, sizeBytes: e.size_bytes };
}

export function presentSupervisionUnits(rows: Awaited<ReturnType<typeof listSupervisionUnits>>, actor: Actor) {
  return {
    items: rows.map(({ row, counts }) => ({
      campaignId: row.campaign_id,
      campaignName: row.campaign_name,
      campaignYear: row.campaign_year,
      campaignClosed: row.campaign_closed,
      periodStart: row.period_start,
      periodEnd: row.period_end,
      unitId: row.unit_id,
      unitName: row.unit_name,
      canSupervise: canSupervise(actor, row.unit_id),
      noteCount: counts?.notes ?? 0,
      violationCount: counts?.violations ?? 0,
      reportCount: counts?.reports ?? 0,
    })),
  };
}

export function presentCommitment(c: CommitmentRow, violations: readonly ViolationRow[], period: { from: string; to: string }) {
  const outcome = outcomeOf(c, violations, period);
  return {
    id: c.id,
    criterionCode: c.criterion_code,
    itemCode: c.item_code,
    itemTitle: c.item_title,
    mandatory: c.mandatory,
    action: c.action,
    target: c.target,
    deadline: c.deadline,
    status: c.status,
    statusLabel: statusLabel(c.status),
    outcome: { achieved: outcome.achieved, reason: outcome.reason },
    label: commitmentLabel(c),
  };
}

function presentNote(n: NoteRow, labels: Map<string, string>, canChange: boolean) {
  return {
    id: n.id,
    personId: n.person_id,
    personName: n.person_name,
    commitmentId: n.commitment_id,
    commitmentLabel: n.commitment_id ? (labels.get(n.commitment_id) ?? null) : null,
    notedOn: n.noted_on,
    note: n.note,
    createdBy: n.created_by_name,
    canDelete: canChange,
  };
}

function presentViolation(v: ViolationRow, labels: Map<string, string>, evidence: EvidenceRow[], canChange: boolean) {
  return {
    id: v.id,
    campaignId: v.campaign_id,
    unitId: v.unit_id,
    personId: v.person_id,
    personName: v.person_name,
    commitmentId: v.commitment_id,
    commitmentLabel: v.commitment_id ? (labels.get(v.commitment_id) ?? null) : null,
    kind: v.kind,
    kindLabel: VIOLATION_KIND_LABELS[v.kind],
    occurredOn: v.occurred_on,
    description: v.description,
    evidence: evidence.filter((e) => e.violation_id === v.id).map(presentEvidence),
    createdBy: v.created_by_name,
    canChange,
  };
}

export function presentWorkspace(w: Awaited<ReturnType<typeof getWorkspace>>): z.infer<typeof SupervisionWorkspace> {
  const period = { from: w.campaign.period_start, to: w.campaign.period_end };
  const labels = new Map(w.commitments.map((c) => [c.id, commitmentLabel(c)]));
  return {
    campaign: { id: w.campaign.id, name: w.campaign.name, year: w.campaign.year, periodStart: w.campaign.period_start, periodEnd: w.campaign.period_end },
    unit: { id: w.unit.id, name: w.unit.name },
    canSupervise: w.canSupervise,
    locked: w.locked,
    members: w.members.map((m) => ({
      personId: m.person_id,
      fullName: m.full_name,
      roleLabel: roleLabel(m.role),
      commitments: w.commitments.filter((c) => c.person_id === m.person_id).map((c) => presentCommitment(c, w.violations, period)),
      violationCount: w.violations.filter((v) => v.person_id === m.person_id).length,
    })),
    notes: w.notes.map((n) => presentNote(n, labels, w.canSupervise)),
    violations: w.violations.map((v) => presentViolation(v, labels, w.evidence, w.canSupervise && !w.locked)),
    reports: w.reports.map(presentReportSummary),
    violationKinds: VIOLATION_KINDS.map((k) => ({ value: k, label: VIOLATION_KIND_LABELS[k] })),
  };
}

export function presentReportSummary(r: ReportRow) {
  return {
    id: r.id,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    status: r.status,
    statusLabel: REPORT_STATUS_LABELS[r.status],
    submittedAt: r.submitted_at ? r.submitted_at.toISOString() : null,
    createdBy: r.created_by_name,
  };
}

export function presentReport(d: Awaited<ReturnType<typeof getReport>>): z.infer<typeof ReportDetail> {
  const r = d.report;
  return {
    id: r.id,
    campaignId: r.campaign_id,
    campaignName: d.campaign.name,
    unitId: r.unit_id,
    unitName: d.unitName,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    status: r.status,
    statusLabel: REPORT_STATUS_LABELS[r.status],
    findings: d.findings,
    violationCount: d.findings.reduce((n, f) => n + f.violations.length, 0),
    noteCount: d.findings.reduce((n, f) => n + f.notes.length, 0),
    summary: r.summary,
    proposals: r.proposals,
    submittedAt: r.submitted_at ? r.submitted_at.toISOString() : null,
    submittedBy: r.submitted_by_name,
    createdBy: r.created_by_name,
    canEdit: d.canEdit,
  };
}

export function presentMyViolations(d: Awaited<ReturnType<typeof listMyViolations>>): z.infer<typeof MyViolationsResponse> {
  return {
    items: d.violations.map((v) => ({
      id: v.id,
      campaignId: v.campaign_id,
      campaignName: d.campaigns.get(v.campaign_id) ?? "",
      unitName: d.units.get(v.unit_id) ?? "",
      kind: v.kind,
      kindLabel: VIOLATION_KIND_LABELS[v.kind],
      occurredOn: v.occurred_on,
      description: v.description,
      commitmentLabel: v.commitment_id ? (d.labels.get(v.commitment_id) ?? null) : null,
      evidence: d.evidence.filter((e) => e.violation_id === v.id).map(presentEvidence),
    })),
  };
}
