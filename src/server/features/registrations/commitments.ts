/**
 * The registrations feature owns commitments; this is its one place that writes a commitment's
 * stored outcome (`commitments.achieved`) and the other features’ writes to commitments, with the one rule of src/domain
 * (`decideCommitmentOutcome`). Whoever changes what the outcome depends on — a member's progress
 * status, the cell's judgement, a violation recorded or removed, a sheet's items — calls it in the
 * same transaction; the database triggers then move the campaign's counts (migration 0040).
 */
import { decideCommitmentOutcome, type CampaignViolation, type CommitmentStatus } from "@domain/ratings.js";
import type { Db, Queryable } from "../../db/client.js";
import * as q from "./commitments.queries.js";

export type OutcomeScope =
  /** Specific commitments (a progress update, a judgement, an edited sheet). */
  | { commitmentIds: readonly string[] }
  /** Every commitment of these people in the campaign, and those a violation names (a violation recorded or removed). */
  | { campaignId: string; personIds: readonly string[]; commitmentIds?: readonly string[] }
  /** A whole campaign (its period changed, a loader of past data, the backfill at start). */
  | { campaignId: string };

/** Whether a commitment is achieved, by the one rule, from its facts (with `status` in place of the stored one when given). */
export function outcomeOf(f: Omit<q.OutcomeFactRow, "achieved">, status: CommitmentStatus = f.status as CommitmentStatus): boolean {
  const violations: CampaignViolation[] = f.violations.map((v) => ({ kind: v.kind, date: v.occurred_on, commitmentId: v.commitment_id, personId: v.person_id }));
  return decideCommitmentOutcome(
    { id: f.id, personId: f.person_id, status, judgedStatus: f.judged_status, criterionCode: f.criterion_code, itemCode: f.item_code },
    violations,
    { from: f.period_start, to: f.period_end },
  ).achieved;
}

/** Recomputes the outcomes in scope and writes those that changed; returns how many changed. */
export async function refreshCommitmentOutcomes(tx: Queryable, scope: OutcomeScope): Promise<number> {
  const facts = await q.loadOutcomeFacts(tx, {
    campaignId: "campaignId" in scope ? scope.campaignId : null,
    personIds: "personIds" in scope ? [...scope.personIds] : null,
    commitmentIds: "commitmentIds" in scope && scope.commitmentIds ? [...scope.commitmentIds] : null,
  });
  if (facts.length === 0) return 0;
  const ids: string[] = [];
  const values: boolean[] = [];
  for (const f of facts) {
    const outcome = { achieved: outcomeOf(f) };
    if (f.achieved !== outcome.achieved) {
      ids.push(f.id);
      values.push(outcome.achieved);
    }
  }
  if (ids.length) await q.writeOutcomes(tx, ids, values);
  return ids.length;
}

/**
 * Fills in the outcomes of rows written before outcomes were stored (migration 0040), campaign by
 * campaign, as the starting state (no dated change: the figures of past days stay as they were).
 * Safe with several instances starting at once: under the migrations' advisory lock.
 */
export async function backfillCommitmentOutcomes(db: Db, lock: number): Promise<number> {
  let changed = 0;
  for (const campaignId of await q.listCampaignsWithUnknownOutcomes(db)) {
    changed += await db.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock($1)", [lock]);
      await tx.query("SELECT set_config('dvk.no_history', 'on', true)");
      const n = await refreshCommitmentOutcomes(tx, { campaignId });
      await q.markUnknownOutcomesFalse(tx, campaignId);
      return n;
    });
  }
  return changed;
}

/**
 * Loaders of past data (the demo seed, test fixtures) write their rows as the starting state:
 * counts without dated changes, as if the rows had always been there.
 */
export async function withoutHistory(tx: Queryable): Promise<void> {
  await tx.query("SELECT set_config('dvk.no_history', 'on', true)");
}

/** A member's progress sets the commitment's status (the latest update's); its outcome follows. */
export async function setCommitmentStatus(tx: Queryable, commitmentId: string, status: CommitmentStatus): Promise<void> {
  await q.updateStatus(tx, commitmentId, status);
  await refreshCommitmentOutcomes(tx, { commitmentIds: [commitmentId] });
}

/** The cell's judgement at evaluation (null = back to the member's status); its outcome follows. */
export async function setCommitmentJudgement(
  tx: Queryable,
  commitmentId: string,
  j: { status: "achieved" | "not_achieved" | null; exceeded: boolean; note: string | null; by: string | null },
): Promise<void> {
  await q.updateJudgement(tx, commitmentId, j);
  await refreshCommitmentOutcomes(tx, { commitmentIds: [commitmentId] });
}

/**
 * Runs `fn` as a loader of past data (test fixtures): in its own transaction when given the
 * database, else inside the caller's, without dated changes (see `withoutHistory`).
 */
export async function writePast<T>(db: Queryable, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  const run = async (tx: Queryable) => {
    await withoutHistory(tx);
    return fn(tx);
  };
  return "transaction" in db ? (db as Db).transaction(run) : run(db);
}

/** Every campaign's outcomes (the demo seed, after writing its rows directly). */
export async function refreshAllCommitmentOutcomes(tx: Queryable): Promise<void> {
  for (const campaignId of await q.listCampaignIds(tx)) await refreshCommitmentOutcomes(tx, { campaignId });
}
