/**
 * Supervision owns violations: their writes live here, each with what follows from it in the same
 * transaction — the outcomes of the commitments the violation may break (the registrations
 * owner's `refreshCommitmentOutcomes`; the counts follow by trigger).
 */
import type { Queryable } from "../../db/client.js";
import { refreshCommitmentOutcomes } from "../registrations/commitments.js";
import * as q from "./supervision.queries.js";

export async function recordViolation(tx: Queryable, v: Parameters<typeof q.insertViolation>[1]): Promise<string> {
  const id = await q.insertViolation(tx, v);
  await refreshCommitmentOutcomes(tx, { campaignId: v.campaignId, personIds: [v.personId], commitmentIds: v.commitmentId ? [v.commitmentId] : [] });
  return id;
}

export async function removeViolation(tx: Queryable, v: { id: string; campaign_id: string; person_id: string | null; commitment_id: string | null }): Promise<void> {
  await q.deleteViolation(tx, v.id);
  await refreshCommitmentOutcomes(tx, { campaignId: v.campaign_id, personIds: v.person_id ? [v.person_id] : [], commitmentIds: v.commitment_id ? [v.commitment_id] : [] });
}
