/**
 * Pure arithmetic of result reports (no SQL, no permissions): which commitments count as achieved,
 * how they add up per unit and criterion, and which units a figure covers.
 */
import { commitmentOutcome, type RecordedViolation } from "@domain/ratings.js";
import type { CriterionCount } from "@domain/roll-up.js";
import type { CommitmentFactRow, ViolationFactRow } from "./reports.queries.js";

/**
 * The date a campaign's figures are read on: today while it runs, clamped to its period (a 2020
 * report shows the 2020 tree and the 2020 members).
 */
export function campaignAsOf(c: { period_start: string; period_end: string }, today: string): string {
  if (today < c.period_start) return c.period_start;
  if (today > c.period_end) return c.period_end;
  return today;
}

/**
 * Whether each commitment is achieved: the cell's judgement when it has judged, else the member's
 * status; a violation of the same person (or recorded against the commitment) that breaks the
 * pledge makes it not achieved (`commitmentOutcome`, RULES.md §1).
 */
export function achievedFlags(
  commitments: readonly CommitmentFactRow[],
  violations: readonly ViolationFactRow[],
  period: { from: string; to: string },
): Map<string, boolean> {
  const byPerson = new Map<string, RecordedViolation[]>();
  const byCommitment = new Map<string, RecordedViolation[]>();
  for (const v of violations) {
    const rec: RecordedViolation = { kind: v.kind, date: v.occurred_on, commitmentId: v.commitment_id };
    if (v.person_id) {
      const list = byPerson.get(v.person_id) ?? [];
      list.push(rec);
      byPerson.set(v.person_id, list);
    }
    if (v.commitment_id) {
      const list = byCommitment.get(v.commitment_id) ?? [];
      list.push(rec);
      byCommitment.set(v.commitment_id, list);
    }
  }
  const result = new Map<string, boolean>();
  for (const c of commitments) {
    const own = c.person_id ? (byPerson.get(c.person_id) ?? []) : [];
    const linked = (byCommitment.get(c.id) ?? []).filter((v) => !own.includes(v));
    const outcome = commitmentOutcome({
      status: c.judged_status ?? c.status,
      criterionCode: c.criterion_code,
      subItemCode: c.item_code,
      commitmentId: c.id,
      violations: [...own, ...linked],
      period,
    });
    result.set(c.id, outcome.achieved);
  }
  return result;
}

/** Registered and achieved commitments per unit and criterion, ready for `rollUp`. */
export function criterionCounts(commitments: readonly CommitmentFactRow[], achieved: ReadonlyMap<string, boolean>): CriterionCount[] {
  const map = new Map<string, CriterionCount>();
  for (const c of commitments) {
    const key = `${c.unit_id}|${c.criterion_code}`;
    const cur = map.get(key) ?? { unitId: c.unit_id, criterionCode: c.criterion_code, registered: 0, achieved: 0 };
    cur.registered += 1;
    if (achieved.get(c.id)) cur.achieved += 1;
    map.set(key, cur);
  }
  return [...map.values()];
}

/** Every unit's subtree (itself included) as id sets, from a parent list. */
export function subtreeSets(units: readonly { unit_id: string; parent_id: string | null }[]): Map<string, Set<string>> {
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (u.parent_id === null) continue;
    const list = children.get(u.parent_id) ?? [];
    list.push(u.unit_id);
    children.set(u.parent_id, list);
  }
  const memo = new Map<string, Set<string>>();
  const walk = (id: string): Set<string> => {
    const known = memo.get(id);
    if (known) return known;
    const set = new Set<string>([id]);
    const stack = [...(children.get(id) ?? [])];
    while (stack.length) {
      const next = stack.pop() as string;
      if (set.has(next)) continue;
      set.add(next);
      stack.push(...(children.get(next) ?? []));
    }
    memo.set(id, set);
    return set;
  };
  for (const u of units) walk(u.unit_id);
  return memo;
}

/** Distinct people of `rows` whose unit is in `units`. */
export function countPeople(rows: readonly { unit_id: string; person_id: string }[], units: ReadonlySet<string>): number {
  const people = new Set<string>();
  for (const r of rows) if (units.has(r.unit_id)) people.add(r.person_id);
  return people.size;
}

/**
 * The committee term a Party document date falls in when the unit has none recorded (RULES.md §5:
 * numbers run per type within a term): five-year terms from 1 October 2015, 2020, 2025… — the
 * same default the plans use, so a unit's KH and BC series agree.
 */
export function defaultTermBounds(date: string): { start: string; end: string } {
  const year = Number(date.slice(0, 4));
  let start = 2015 + Math.floor((year - 2015) / 5) * 5;
  if (`${start}-10-01` > date) start -= 5;
  return { start: `${start}-10-01`, end: `${start + 5}-09-30` };
}
