/**
 * The figures of a subtree, read from the counts maintained on write (migrations 0040, 0043):
 * never from the commitments, members or violations themselves.
 */
import { todayInVietnam } from "@domain/dates.js";
import { VIOLATION_KINDS, type ViolationKind } from "@domain/ratings.js";
import { percentAchieved, type RollUpFigures } from "@domain/roll-up.js";
import type { Queryable } from "../../db/client.js";
import { REPORTING_UNIT_KINDS } from "./reports.policy.js";
import * as q from "./reports.queries.js";

export interface BranchFigures {
  byCriterion: Map<string, { registered: number; achieved: number }>;
  registrants: number;
  members: number;
  models: number;
  violations: Record<ViolationKind, number>;
  proposals: { proposed: number; approved: number; declined: number };
  /** Units of a reporting kind in the branch (the root itself not counted). */
  reportingUnits: number;
  /** Where the branch's result reports stand (today's states); `otherKind`: reports of units not of a reporting kind. */
  reports: { onTime: number; late: number; draft: number; otherKind: number };
}

function emptyBranch(): BranchFigures {
  return {
    byCriterion: new Map(),
    registrants: 0,
    members: 0,
    models: 0,
    violations: { traffic: 0, littering: 0, disorder: 0, harassment: 0, other: 0 },
    proposals: { proposed: 0, approved: 0, declined: 0 },
    reportingUnits: 0,
    reports: { onTime: 0, late: 0, draft: 0, otherKind: 0 },
  };
}

function fill(
  branch: (id: string) => BranchFigures,
  counts: q.BranchCountRow[],
  members: { branch_id: string; members: number; reporting_units: number }[],
) {
  for (const r of counts) {
    const b = branch(r.branch_id);
    if (r.criterion_code !== "") {
      b.byCriterion.set(r.criterion_code, { registered: r.registered, achieved: r.achieved });
      continue;
    }
    b.registrants = r.registrants;
    b.models = r.models;
    b.violations = { traffic: r.violations_traffic, littering: r.violations_littering, disorder: r.violations_disorder, harassment: r.violations_harassment, other: r.violations_other };
    b.proposals = { proposed: r.proposals_proposed, approved: r.proposals_approved, declined: r.proposals_declined };
    b.reports = { onTime: r.reports_on_time, late: r.reports_late, draft: r.reports_draft, otherKind: r.reports_other_kind };
  }
  for (const m of members) {
    const b = branch(m.branch_id);
    b.members = m.members;
    b.reportingUnits = m.reporting_units;
  }
}

function add(into: BranchFigures, b: BranchFigures) {
  for (const [code, c] of b.byCriterion) {
    const cur = into.byCriterion.get(code) ?? { registered: 0, achieved: 0 };
    into.byCriterion.set(code, { registered: cur.registered + c.registered, achieved: cur.achieved + c.achieved });
  }
  into.registrants += b.registrants;
  into.members += b.members;
  into.models += b.models;
  for (const k of VIOLATION_KINDS) into.violations[k] += b.violations[k];
  into.proposals.proposed += b.proposals.proposed;
  into.proposals.approved += b.proposals.approved;
  into.proposals.declined += b.proposals.declined;
  into.reportingUnits += b.reportingUnits;
  into.reports.onTime += b.reports.onTime;
  into.reports.late += b.reports.late;
  into.reports.draft += b.reports.draft;
  into.reports.otherKind += b.reports.otherKind;
}

export interface SubtreeFigures {
  /** The root's whole subtree. */
  total: BranchFigures;
  /** Each child's subtree, by child id (the root's own units are only in `total`). */
  branches: Map<string, BranchFigures>;
  /** The root's own units, without any child (asked with `withOwn`), else null. */
  own: BranchFigures | null;
  criteria: q.CriterionRow[];
  /** Figures per criterion in the criteria set's order (codes outside the set after them). */
  criteriaOf(b: BranchFigures | undefined): { code: string; title: string; registered: number; achieved: number; percent: number }[];
  totalOf(b: BranchFigures | undefined): RollUpFigures;
  membersOf(b: BranchFigures | undefined): { registered: number; total: number };
}

/**
 * Today's figures on a settled tree come from the branch counts (rows per unit asked, migration
 * 0043): the root's whole subtree and each child's, so `children` (a page of them, or none when
 * only the total is needed) decides the cost, not the subtree. Any other day, or a tree with a
 * change dated today or later, sums the per-unit counts of the tree as of that day (rows per unit
 * of the subtree). `children` defaults to every child of the root; a promise of them is read in
 * the same round trip as the criteria.
 */
export async function loadSubtreeFigures(
  db: Queryable,
  campaign: q.CampaignRow,
  rootId: string,
  asOf: string,
  wanted?: readonly string[] | Promise<readonly string[]>,
  withOwn = false,
): Promise<SubtreeFigures> {
  const kinds = [...REPORTING_UNIT_KINDS];
  const [criteria, live, children] = await Promise.all([
    q.listCriteria(db, campaign.criteria_set_id),
    asOf === todayInVietnam() ? q.getLiveBranches(db, rootId, asOf) : Promise.resolve(null),
    wanted,
  ]);
  const branches = new Map<string, BranchFigures>();
  const branch = (id: string) => {
    let b = branches.get(id);
    if (!b) branches.set(id, (b = emptyBranch()));
    return b;
  };
  let total: BranchFigures;
  let own: BranchFigures | null = null;
  if (live?.settled) {
    const ids = [...(children ?? live.children)];
    const [counts, members, ownRows] = await Promise.all([
      q.listBranchCountsLive(db, campaign.id, [rootId, ...ids]),
      q.listBranchMembersLive(db, rootId, ids, asOf, kinds),
      withOwn ? q.listOwnCountsLive(db, campaign.id, rootId, asOf) : Promise.resolve(null),
    ]);
    fill(branch, counts, members);
    // the root's row is its whole subtree
    total = branches.get(rootId) ?? emptyBranch();
    if (ownRows) {
      own = emptyBranch();
      const mine = own;
      fill(() => mine, ownRows, ownRows.slice(0, 1).map((r) => ({ branch_id: rootId, members: r.members, reporting_units: 0 })));
    }
  } else {
    const [counts, members] = await Promise.all([q.listBranchCounts(db, campaign.id, rootId, asOf), q.listBranchMembers(db, rootId, asOf, kinds)]);
    fill(branch, counts, members);
    // rows of the root's own units and of each child's subtree: the total is their sum
    total = emptyBranch();
    for (const b of branches.values()) add(total, b);
    if (withOwn) own = branches.get(rootId) ?? emptyBranch();
    if (children) {
      const wanted = new Set(children);
      for (const id of branches.keys()) if (!wanted.has(id)) branches.delete(id);
    }
  }
  branches.delete(rootId);

  const titles = new Map(criteria.map((c) => [c.code, c.title]));
  const codes = criteria.map((c) => c.code);
  return {
    total,
    branches,
    own,
    criteria,
    criteriaOf(b) {
      const extra = [...(b?.byCriterion.keys() ?? [])].filter((c) => !titles.has(c)).sort();
      return [...codes, ...extra].map((code) => {
        const c = b?.byCriterion.get(code) ?? { registered: 0, achieved: 0 };
        return { code, title: titles.get(code) ?? code, registered: c.registered, achieved: c.achieved, percent: percentAchieved(c.achieved, c.registered) };
      });
    },
    totalOf(b) {
      let registered = 0;
      let achieved = 0;
      for (const c of b?.byCriterion.values() ?? []) {
        registered += c.registered;
        achieved += c.achieved;
      }
      return { registered, achieved, percent: percentAchieved(achieved, registered) };
    },
    membersOf(b) {
      return { registered: b?.registrants ?? 0, total: b?.members ?? 0 };
    },
  };
}
