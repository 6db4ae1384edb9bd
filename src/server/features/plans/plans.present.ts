import { POSITION_ROLE_LABELS, type POSITION_ROLES } from "@contracts/common.js";
import { PLAN_STATUS_LABELS, RESPONSIBILITY_ROLE_LABELS, type PlanDetail, type PlanSummary, type ResponsibilityRole } from "@contracts/plans.js";
import { formatDocumentDateLine } from "../../documents/document-model.js";
import type { CampaignRow, UnitInfoRow } from "../campaigns/campaigns.queries.js";
import { planHeaderBodies, planNumberLine, planNumberLineIn } from "./plans.document.js";
import type { MemberRow, PlanRow } from "./plans.queries.js";
import type { getPlanDetail } from "./plans.service.js";

/** The symbol as printed: frozen at issue; for a draft, the one its number would give. */
export function planSymbol(p: PlanRow): string | null {
  if (p.symbol) return p.symbol;
  if (p.number === null) return null;
  return planNumberLine(p, p.unit_symbol_code).replace(/^Số /, "");
}

export function presentPlanSummary(p: PlanRow): PlanSummary {
  return {
    id: p.id,
    campaignId: p.campaign_id,
    unitId: p.unit_id,
    unitName: p.unit_name,
    version: p.version,
    status: p.status,
    statusLabel: PLAN_STATUS_LABELS[p.status],
    typeCode: p.type_code,
    number: p.number,
    symbol: planSymbol(p),
    date: p.issued_date,
    subject: p.subject,
    issuedAt: p.issued_at ? p.issued_at.toISOString() : null,
  };
}

function unitNames(unit: UnitInfoRow | null, p: PlanRow) {
  return { ...(unit ? { kind: unit.kind } : {}), name: unit?.name ?? p.unit_name, shortName: unit?.short_name ?? null, symbolCode: unit?.symbol_code ?? p.unit_symbol_code, parentName: unit?.parent_name ?? null };
}

export function presentPlanDetail(d: Awaited<ReturnType<typeof getPlanDetail>>): PlanDetail {
  const p = d.plan;
  const names = unitNames(d.unit, p);
  const bodies = planHeaderBodies(names);
  const campaign: CampaignRow = d.campaign;
  return {
    ...presentPlanSummary(p),
    place: p.place,
    basis: p.basis.map((b) => ({ text: b.text, planId: b.planId ?? null })),
    preamble: p.preamble,
    sections: p.sections.map((s) => ({
      heading: s.heading,
      paragraphs: s.paragraphs.map((x) => ({ kind: x.kind, text: x.text })),
      responsibilities: s.responsibilities.map((r) => ({
        role: r.role as ResponsibilityRole,
        roleLabel: RESPONSIBILITY_ROLE_LABELS[r.role as ResponsibilityRole] ?? r.role,
        text: r.text,
      })),
    })),
    closing: p.closing,
    recipients: p.recipients,
    signatureTitles: p.signature_titles,
    signerPersonId: p.signer_person_id,
    signerName: p.signer_name,
    superiorBody: bodies.superiorBody,
    issuingBody: bodies.issuingBody,
    numberLine: planNumberLineIn(p, names),
    placeAndDate: p.issued_date ? formatDocumentDateLine(p.place, p.issued_date) : null,
    campaign: { id: campaign.id, name: campaign.name, planDeadline: campaign.plan_deadline },
    parentPlan: d.parent ? { id: d.parent.id, symbol: d.parent.symbol, unitName: d.parent.unit_name, date: d.parent.issued_date } : null,
    previousVersionId: p.previous_version_id,
    versions: d.versions.map((v) => ({
      id: v.id,
      version: v.version,
      status: v.status,
      statusLabel: PLAN_STATUS_LABELS[v.status],
      symbol: planSymbol(v),
      date: v.issued_date,
    })),
    issuedByName: p.issued_by_name,
    late: d.late,
    abilities: d.abilities,
    myAcknowledgement: d.myAcknowledgement,
    acknowledgementSummary: d.acknowledgementSummary,
  };
}

export function presentAcknowledgements(planId: string, rows: MemberRow[]) {
  return {
    planId,
    members: rows.length,
    acknowledged: rows.filter((r) => r.acknowledged_at).length,
    items: rows.map((r) => ({
      personId: r.person_id,
      fullName: r.full_name,
      role: r.role,
      roleLabel: POSITION_ROLE_LABELS[r.role as (typeof POSITION_ROLES)[number]] ?? r.role,
      title: r.title,
      acknowledgedAt: r.acknowledged_at ? r.acknowledged_at.toISOString() : null,
    })),
  };
}
