import { PROPOSAL_STATUS_LABELS, SUBJECT_KIND_LABELS, type CommendedResponse, type ProposalView } from "@contracts/commendations.js";
import { MODEL_FIELDS, type ModelField } from "@domain/criteria.js";
import { RATING_SHORT_LABELS } from "@domain/ratings.js";
import type { z } from "zod";
import type { Actor } from "../../http/actor.js";
import { canDecide, canPropose } from "./commendations.policy.js";
import type { listCandidates, listCommendationUnits, listCommended, listProposals } from "./commendations.service.js";

type Item = Awaited<ReturnType<typeof listProposals>>[number];

export function presentProposal({ row: p, warnings, canDecide: decide, canWithdraw }: Item): z.infer<typeof ProposalView> {
  return {
    id: p.id,
    campaignId: p.campaign_id,
    campaignName: p.campaign_name,
    unitId: p.unit_id,
    unitName: p.unit_name,
    subjectKind: p.subject_kind,
    subjectKindLabel: SUBJECT_KIND_LABELS[p.subject_kind],
    subjectName: p.person_name ?? p.collective_name ?? p.model_name ?? "",
    personId: p.person_id,
    collectiveName: p.collective_name,
    modelId: p.model_id,
    modelField: p.model_field ? (MODEL_FIELDS[p.model_field as ModelField] ?? p.model_field) : null,
    achievements: p.achievements,
    status: p.status,
    statusLabel: PROPOSAL_STATUS_LABELS[p.status],
    declineReason: p.decline_reason,
    decidedBy: p.decided_by_username,
    decidedAt: p.decided_at ? p.decided_at.toISOString() : null,
    createdBy: p.created_by_username,
    createdAt: p.created_at.toISOString(),
    ratingLabel: p.rating ? RATING_SHORT_LABELS[p.rating] : null,
    warnings,
    canDecide: decide,
    canWithdraw,
  };
}

export function presentUnits(d: Awaited<ReturnType<typeof listCommendationUnits>>, actor: Actor) {
  const n = (c: string, u: string, s: string) => d.counts.find((x) => x.campaign_id === c && x.unit_id === u && x.status === s)?.n ?? 0;
  return {
    campaigns: d.campaigns,
    units: d.rows.map((r) => ({
      campaignId: r.campaign_id,
      unitId: r.unit_id,
      unitName: r.unit_name,
      unitKind: r.unit_kind,
      canPropose: canPropose(actor, r.unit_id, r.parent_id),
      canDecide: canDecide(actor, r.parent_id),
      proposed: n(r.campaign_id, r.unit_id, "proposed"),
      approved: n(r.campaign_id, r.unit_id, "approved"),
      declined: n(r.campaign_id, r.unit_id, "declined"),
    })),
  };
}

export function presentCandidates(d: Awaited<ReturnType<typeof listCandidates>>) {
  return {
    canPropose: d.canPropose,
    people: d.people.map((p) => ({
      personId: p.personId,
      fullName: p.fullName,
      rating: p.rating,
      ratingLabel: p.rating ? RATING_SHORT_LABELS[p.rating] : null,
      score: p.score,
      recommended: p.rating === "excellent",
      warning: p.warning,
      alreadyProposed: p.alreadyProposed,
    })),
    collectives: d.collectives,
    models: d.models.map((m) => ({ id: m.id, name: m.name, fieldLabel: MODEL_FIELDS[m.field as ModelField] ?? m.field, ownerName: m.owner_name, alreadyProposed: m.alreadyProposed })),
  };
}

export function presentCommended(d: Awaited<ReturnType<typeof listCommended>>): z.infer<typeof CommendedResponse> {
  const groups = new Map<string, { unitId: string; unitName: string; items: z.infer<typeof ProposalView>[] }>();
  for (const item of d.rows) {
    const g = groups.get(item.row.unit_id) ?? { unitId: item.row.unit_id, unitName: item.row.unit_name, items: [] };
    g.items.push(presentProposal(item));
    groups.set(item.row.unit_id, g);
  }
  const count = (k: string) => d.rows.filter((r) => r.row.subject_kind === k).length;
  return {
    unit: { id: d.unit.id, name: d.unit.name },
    campaign: { id: d.campaign.id, name: d.campaign.name },
    total: d.rows.length,
    byKind: { person: count("person"), collective: count("collective"), model: count("model") },
    groups: [...groups.values()],
  };
}
