/**
 * How a commitment stands at evaluation, shared by supervision (what the deputy sees), evaluation
 * (the default judgement) and commendation: the pure rule `commitmentOutcome` of
 * src/domain/ratings.ts fed with the person's recorded violations of the campaign period.
 */
import { COMMITMENT_STATUS_LABELS, decideCommitmentOutcome, type CommitmentOutcome, type ViolationKind } from "@domain/ratings.js";
import type { CommitmentRow, ViolationRow } from "./campaign-reads.queries.js";

/** "IV.2 — Chấp hành tốt luật giao thông, không vi phạm" (item code and the registered action). */
export function commitmentLabel(c: Pick<CommitmentRow, "item_code" | "action">): string {
  return `${c.item_code} — ${c.action}`;
}

/**
 * The suggested outcome of a commitment by the one rule (`decideCommitmentOutcome`) from the
 * member's status alone, with the recorded violations given (what the deputy sees, the
 * evaluation's default). The outcome that counts is stored (`commitments.achieved`).
 */
export function outcomeOf(c: CommitmentRow, violations: readonly ViolationRow[], period: { from: string; to: string }): CommitmentOutcome {
  return decideCommitmentOutcome(
    { id: c.id, personId: c.person_id, status: c.status, judgedStatus: null, criterionCode: c.criterion_code, itemCode: c.item_code },
    violations.map((v) => ({ kind: v.kind as ViolationKind, date: v.occurred_on, commitmentId: v.commitment_id, personId: v.person_id })),
    period,
  );
}

export const statusLabel = (s: CommitmentRow["status"]) => COMMITMENT_STATUS_LABELS[s] ?? s;

/** The criterion a violation of this kind breaks ("5 không": traffic → IV …); null for "other". */
export const CRITERION_OF_KIND: Readonly<Record<ViolationKind, string | null>> = {
  traffic: "IV",
  littering: "III",
  disorder: "V",
  harassment: "II",
  other: null,
};
