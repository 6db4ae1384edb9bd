/**
 * How a commitment stands at evaluation, shared by supervision (what the deputy sees), evaluation
 * (the default judgement) and commendation: the pure rule `commitmentOutcome` of
 * src/domain/ratings.ts fed with the person's recorded violations of the campaign period.
 */
import { COMMITMENT_STATUS_LABELS, commitmentOutcome, type CommitmentOutcome, type ViolationKind } from "@domain/ratings.js";
import type { CommitmentRow, ViolationRow } from "./campaign-reads.queries.js";

/** "IV.2 — Chấp hành tốt luật giao thông, không vi phạm" (item code and the registered action). */
export function commitmentLabel(c: Pick<CommitmentRow, "item_code" | "action">): string {
  return `${c.item_code} — ${c.action}`;
}

/** The suggested outcome of a commitment from its status and the person's violations in the period. */
export function outcomeOf(c: CommitmentRow, violations: readonly ViolationRow[], period: { from: string; to: string }): CommitmentOutcome {
  const own = c.person_id === null ? [] : violations.filter((v) => v.person_id === c.person_id);
  return commitmentOutcome({
    status: c.status,
    criterionCode: c.criterion_code,
    subItemCode: c.item_code,
    commitmentId: c.id,
    violations: own.map((v) => ({ kind: v.kind as ViolationKind, date: v.occurred_on, commitmentId: v.commitment_id })),
    period,
  });
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
