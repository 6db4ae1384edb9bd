import type { z } from "zod";
import { REGISTRATION_STATUS_LABELS, type CampaignBrief, type CommitmentView, type ModelView, type RegistrationDetail, type SheetStatus } from "@contracts/registrations.js";
import { MODEL_FIELDS, type ModelField } from "@domain/criteria.js";
import { COMMITMENT_STATUS_LABELS, type CommitmentStatus } from "@domain/ratings.js";
import { campaignOpen } from "./registrations.policy.js";
import type { CampaignRow, CommitmentRow, ModelRow, RegistrationRow } from "./registrations.queries.js";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const statusLabel = (s: SheetStatus) => REGISTRATION_STATUS_LABELS[s] ?? s;

export function presentCampaign(c: CampaignRow): z.infer<typeof CampaignBrief> {
  return {
    id: c.id,
    name: c.name,
    year: c.year,
    periodStart: c.period_start,
    periodEnd: c.period_end,
    registrationDeadline: c.registration_deadline,
    status: c.status,
    open: campaignOpen(c),
  };
}

export function presentCommitment(c: CommitmentRow, today: string): z.infer<typeof CommitmentView> {
  return {
    id: c.id,
    criterionItemId: c.criterion_item_id,
    criterionCode: c.criterion_code,
    criterionTitle: c.criterion_title,
    itemCode: c.item_code,
    itemTitle: c.item_title,
    mandatory: c.mandatory,
    action: c.action,
    target: c.target,
    place: c.place,
    startDate: c.start_date,
    deadline: c.deadline,
    status: c.status,
    statusLabel: COMMITMENT_STATUS_LABELS[c.status as CommitmentStatus] ?? c.status,
    overdue: c.deadline !== null && c.deadline < today && (c.status === "not_started" || c.status === "in_progress"),
    updateCount: c.update_count,
    lastUpdateAt: iso(c.last_update_at),
  };
}

export function presentModel(m: ModelRow): z.infer<typeof ModelView> {
  return {
    id: m.id,
    name: m.name,
    field: m.field,
    fieldLabel: MODEL_FIELDS[m.field as ModelField] ?? m.field,
    address: m.address,
    content: m.content,
    expectedResult: m.expected_result,
    participants: m.participants,
  };
}

export function displayName(r: Pick<RegistrationRow, "person_name" | "collective_name">): string {
  return r.collective_name ?? r.person_name ?? "";
}

export function presentRegistrationDetail(d: {
  reg: RegistrationRow;
  campaign: CampaignRow;
  unitName: string;
  commitments: CommitmentRow[];
  models: ModelRow[];
  missingMandatory: { id: string; code: string; title: string }[];
  can: { edit: boolean; submit: boolean; withdraw: boolean; review: boolean; postProgress: boolean };
  today: string;
}): z.infer<typeof RegistrationDetail> {
  const { reg } = d;
  return {
    id: reg.id,
    campaign: presentCampaign(d.campaign),
    unit: { id: reg.unit_id, name: d.unitName },
    person: reg.person_id ? { id: reg.person_id, fullName: reg.person_name ?? "" } : null,
    collectiveName: reg.collective_name,
    displayName: displayName(reg),
    status: reg.status,
    statusLabel: statusLabel(reg.status),
    submittedAt: iso(reg.submitted_at),
    firstSubmittedAt: iso(reg.first_submitted_at),
    late: reg.submitted_late,
    reviewedAt: iso(reg.reviewed_at),
    reviewedBy: reg.reviewed_by_name,
    returnReason: reg.return_reason,
    commitments: d.commitments.map((c) => presentCommitment(c, d.today)),
    models: d.models.map(presentModel),
    missingMandatory: d.missingMandatory,
    can: d.can,
  };
}
