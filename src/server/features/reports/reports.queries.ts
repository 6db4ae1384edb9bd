import { prepared, type Queryable } from "../../db/client.js";
import { getCampaignRecord, type CampaignRecord } from "../campaigns/campaigns.queries.js";

export type CampaignRow = CampaignRecord;

const CAMPAIGN_COLUMNS = `c.id, c.unit_id, c.name, c.year, c.period_start, c.period_end, c.plan_deadline, c.registration_deadline,
  c.report_deadline, c.status, c.criteria_set_id`;

/** The campaigns owner's read (one SQL for every feature). */
export const getCampaign: (db: Queryable, id: string) => Promise<CampaignRow | null> = getCampaignRecord;

/** Campaigns (not drafts) whose launching unit is one of the given units; newest first. */
export function listCampaignsLaunchedBy(db: Queryable, unitIds: string[] | null) {
  return db.query<CampaignRow>(
    `SELECT ${CAMPAIGN_COLUMNS} FROM campaigns c
      WHERE c.status <> 'draft' AND ($1::uuid[] IS NULL OR c.unit_id = ANY($1::uuid[]))
      ORDER BY c.year DESC, c.period_start DESC, c.name`,
    [unitIds],
  );
}

/** Campaigns (not drafts) whose launching unit is the unit itself or one of its ancestors on that campaign's dates. */
export function listCampaignsCovering(db: Queryable, unitId: string, today: string, statuses: string[]) {
  return db.query<CampaignRow>(
    `SELECT ${CAMPAIGN_COLUMNS} FROM campaigns c
      WHERE c.status = ANY($3::text[])
        AND EXISTS (SELECT 1 FROM unit_ancestors($1::uuid, LEAST(GREATEST($2::date, c.period_start), c.period_end)) a WHERE a.unit_id = c.unit_id)
      ORDER BY c.year DESC, c.period_start DESC`,
    [unitId, today, statuses],
  );
}

export interface CriterionRow {
  code: string;
  title: string;
}

export function listCriteria(db: Queryable, setId: string) {
  return db.query<CriterionRow>("SELECT code, title FROM criteria WHERE set_id = $1 ORDER BY sort, code", [setId]);
}

export interface SubtreeUnitRow {
  unit_id: string;
  parent_id: string | null;
  depth: number;
  name: string;
  kind: string;
  symbol_code: string;
}

/** The subtree under `root` as of a date (root first), with names, kinds and parents of that date. */
export function listSubtree(db: Queryable, root: string, asOf: string) {
  return db.query<SubtreeUnitRow>(
    `SELECT s.unit_id, CASE WHEN s.depth = 0 THEN NULL ELSE v.parent_id END AS parent_id, s.depth, v.name, u.kind, v.symbol_code
       FROM unit_subtree($1::uuid, $2::date) s
       JOIN units u ON u.id = s.unit_id
       JOIN unit_versions v ON v.unit_id = s.unit_id AND v.valid_from <= $2::date AND (v.valid_to IS NULL OR v.valid_to >= $2::date)
      ORDER BY s.depth, v.name`,
    [root, asOf],
  );
}

/** One unit as of a date (the latest version that started by then when none is valid on it). */
export function getUnitOn(db: Queryable, id: string, asOf: string) {
  return db
    .query<{ id: string; name: string; kind: string; symbol_code: string; parent_id: string | null }>(
      `SELECT u.id, v.name, u.kind, v.symbol_code, v.parent_id FROM units u
         JOIN LATERAL (SELECT * FROM unit_versions x WHERE x.unit_id = u.id
                        ORDER BY (x.valid_from <= $2::date AND (x.valid_to IS NULL OR x.valid_to >= $2::date)) DESC,
                                 (x.valid_from <= $2::date) DESC, x.valid_from DESC LIMIT 1) v ON true
        WHERE u.id = $1`,
      [id, asOf],
    )
    .then((r) => r[0] ?? null);
}

/** The units owner's check, on the tree as of the day (one lookup in the closure). */
export { isInSubtree } from "../units/units.queries.js";

export interface ModelRow {
  name: string;
  field: string;
  owner_name: string;
  unit_id: string;
}

export interface ProposalRow {
  status: "proposed" | "approved" | "declined";
  subject_kind: "person" | "collective" | "model";
  subject_name: string;
  unit_id: string;
}

export interface ReportRow {
  id: string;
  campaign_id: string;
  unit_id: string;
  status: "draft" | "submitted";
  number: number | null;
  symbol: string | null;
  report_date: string | null;
  strengths: string | null;
  limitations: string | null;
  causes: string | null;
  next_steps: string | null;
  statistics: unknown;
  submitted_at: Date | null;
  submitted_by: string | null;
  submitted_by_name: string | null;
  received_by_unit_id: string | null;
  received_by_name: string | null;
  updated_at: Date;
}

const REPORT_SELECT = `SELECT r.id, r.campaign_id, r.unit_id, r.status, r.number, r.symbol, r.report_date, r.strengths, r.limitations,
       r.causes, r.next_steps, r.statistics, r.submitted_at, r.submitted_by, a.display_name AS submitted_by_name,
       r.received_by_unit_id,
       (SELECT v.name FROM unit_versions v WHERE v.unit_id = r.received_by_unit_id ORDER BY v.valid_from DESC LIMIT 1) AS received_by_name,
       r.updated_at
  FROM result_reports r LEFT JOIN accounts a ON a.id = r.submitted_by`;

export function getReport(db: Queryable, campaignId: string, unitId: string, opts: { forUpdate?: boolean } = {}) {
  return db
    .query<ReportRow>(`${REPORT_SELECT} WHERE r.campaign_id = $1 AND r.unit_id = $2${opts.forUpdate ? " FOR UPDATE OF r" : ""}`, [campaignId, unitId])
    .then((r) => r[0] ?? null);
}

export function listReports(db: Queryable, campaignId: string, unitIds: string[]) {
  return db.query<ReportRow>(`${REPORT_SELECT} WHERE r.campaign_id = $1 AND r.unit_id = ANY($2::uuid[])`, [campaignId, unitIds]);
}

/** The result reports of a unit's children on a day (the roll-up's rows), in the same round trip as the children themselves. */
export function listChildReports(db: Queryable, campaignId: string, rootId: string, asOf: string) {
  return db.query<ReportRow>(
    `${REPORT_SELECT} WHERE r.campaign_id = $1 AND r.unit_id IN (
       SELECT p.descendant_id FROM unit_paths p
        WHERE p.ancestor_id = $2 AND p.depth = 1 AND p.valid_from <= $3::date AND (p.valid_to IS NULL OR p.valid_to >= $3::date))`,
    [campaignId, rootId, asOf],
  );
}

/** Numbers already given to the unit's result reports (the BC series of its issuing body). */
export function listNumberedReports(db: Queryable, unitId: string) {
  return db.query<{ id: string; number: number; date: string }>(
    `SELECT id, number, COALESCE(report_date, (submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, created_at::date)::text AS date
       FROM result_reports WHERE unit_id = $1 AND number IS NOT NULL`,
    [unitId],
  );
}

export interface ReportValues {
  number: number | null;
  symbol: string | null;
  reportDate: string | null;
  strengths: string | null;
  limitations: string | null;
  causes: string | null;
  nextSteps: string | null;
}

export async function insertReport(db: Queryable, campaignId: string, unitId: string, v: ReportValues) {
  const r = await db.query<{ id: string }>(
    `INSERT INTO result_reports (campaign_id, unit_id, number, symbol, report_date, strengths, limitations, causes, next_steps)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (campaign_id, unit_id) DO NOTHING RETURNING id`,
    [campaignId, unitId, v.number, v.symbol, v.reportDate, v.strengths, v.limitations, v.causes, v.nextSteps],
  );
  return r[0]?.id ?? null;
}

export async function updateReport(db: Queryable, id: string, v: ReportValues) {
  await db.query(
    `UPDATE result_reports SET number = $2, symbol = $3, report_date = $4, strengths = $5, limitations = $6, causes = $7,
            next_steps = $8, updated_at = now() WHERE id = $1`,
    [id, v.number, v.symbol, v.reportDate, v.strengths, v.limitations, v.causes, v.nextSteps],
  );
}

export async function markSubmitted(db: Queryable, id: string, s: { statistics: unknown; submittedBy: string | null; receivedByUnitId: string | null }) {
  await db.query(
    `UPDATE result_reports SET status = 'submitted', statistics = $2::jsonb, submitted_at = now(), submitted_by = $3,
            received_by_unit_id = $4, updated_at = now() WHERE id = $1`,
    [id, JSON.stringify(s.statistics), s.submittedBy, s.receivedByUnitId],
  );
}

/**
 * The mass-mobilisation office that receives a unit's report: the TTKV under the nearest ancestor
 * that has one (for a cell, the TTKV under its commune).
 */
export function findReceivingOffice(db: Queryable, unitId: string, asOf: string) {
  return db
    .query<{ unit_id: string; name: string }>(
      `SELECT o.unit_id, o.name FROM unit_ancestors($1::uuid, $2::date) a
         JOIN units_as_of($2::date) o ON o.parent_id = a.unit_id
         JOIN units u ON u.id = o.unit_id AND u.kind = 'mass_mobilization_office'
        WHERE a.depth >= 1 AND o.unit_id <> $1
        ORDER BY a.depth, o.name LIMIT 1`,
      [unitId, asOf],
    )
    .then((r) => r[0] ?? null);
}

export function getPersonNames(db: Queryable, ids: string[]) {
  return db.query<{ id: string; full_name: string }>("SELECT id, full_name FROM persons WHERE id = ANY($1::uuid[])", [ids]);
}

/** The committee term recorded for a unit on a date (committee_terms), when there is one. */
export function findRecordedTerm(db: Queryable, unitId: string, date: string) {
  return db
    .query<{ start_date: string; end_date: string | null }>(
      "SELECT start_date, end_date FROM committee_terms WHERE unit_id = $1 AND start_date <= $2::date ORDER BY start_date DESC LIMIT 1",
      [unitId, date],
    )
    .then((r) => r[0] ?? null);
}

// ---------------------------------------------------------------------------------------------
// Figures read from the maintained counts (migration 0040): never the commitments of a subtree.
// ---------------------------------------------------------------------------------------------

/** The units counted in each branch under `root` as of a date: the root alone, and each child with its whole subtree. */
const BRANCH_UNITS = `
  branch_units AS (
    SELECT $2::uuid AS branch_id, $2::uuid AS unit_id
    UNION ALL
    SELECT c.descendant_id, d.descendant_id
      FROM unit_paths c JOIN unit_paths d ON d.ancestor_id = c.descendant_id
     WHERE c.ancestor_id = $2::uuid AND c.depth = 1
       AND c.valid_from <= $3::date AND (c.valid_to IS NULL OR c.valid_to >= $3::date)
       AND d.valid_from <= $3::date AND (d.valid_to IS NULL OR d.valid_to >= $3::date)
  )`;

/** The count columns of campaign_counts and its branch tables (migrations 0040, 0043). */
export const COUNT_COLUMNS = [
  "registered",
  "achieved",
  "registrants",
  "models",
  "violations_traffic",
  "violations_littering",
  "violations_disorder",
  "violations_harassment",
  "violations_other",
  "proposals_proposed",
  "proposals_approved",
  "proposals_declined",
  "reports_on_time",
  "reports_late",
  "reports_draft",
  "reports_other_kind",
] as const;

export interface BranchCountRow {
  branch_id: string;
  criterion_code: string;
  registered: number;
  achieved: number;
  registrants: number;
  models: number;
  violations_traffic: number;
  violations_littering: number;
  violations_disorder: number;
  violations_harassment: number;
  violations_other: number;
  proposals_proposed: number;
  proposals_approved: number;
  proposals_declined: number;
  reports_on_time: number;
  reports_late: number;
  reports_draft: number;
  reports_other_kind: number;
}

/**
 * A campaign's counts summed per branch (the root's own units, each child's subtree) and per
 * criterion ('' for the unit-wide figures), as of a date: today's counts minus the changes
 * written after that day.
 */
export function listBranchCounts(db: Queryable, campaignId: string, rootId: string, asOf: string) {
  const cols = COUNT_COLUMNS.join(", ");
  const neg = COUNT_COLUMNS.map((c) => `-${c}`).join(", ");
  const sums = COUNT_COLUMNS.map((c) => `sum(k.${c})::int AS ${c}`).join(", ");
  return db.query<BranchCountRow>(
    `WITH ${BRANCH_UNITS}
     SELECT b.branch_id, k.criterion_code, ${sums}
       FROM branch_units b
       JOIN (SELECT unit_id, criterion_code, ${cols} FROM campaign_counts WHERE campaign_id = $1
             UNION ALL
             SELECT unit_id, criterion_code, ${neg} FROM campaign_count_changes WHERE campaign_id = $1 AND day > $3::date) k
         ON k.unit_id = b.unit_id
      GROUP BY b.branch_id, k.criterion_code`,
    [campaignId, rootId, asOf],
  );
}

const LIVE_BRANCHES = prepared(
  "reports.liveBranches",
  `SELECT COALESCE((SELECT max(valid_from) FROM unit_paths) <= $2::date, true)
          AND COALESCE((SELECT max(valid_to) FROM unit_paths WHERE valid_to IS NOT NULL) < $2::date, true) AS settled,
          ARRAY(SELECT p.descendant_id FROM unit_paths p WHERE p.ancestor_id = $1 AND p.depth = 1 AND p.valid_to IS NULL) AS children`,
);

/**
 * Can today's figures come from the branch counts (migration 0043)? Only when today's tree is
 * the open-ended one they follow: no path starts after today and none ends today or later (two
 * index lookups). With the root's children on that tree.
 */
export function getLiveBranches(db: Queryable, rootId: string, today: string) {
  return db.query<{ settled: boolean; children: string[] }>(LIVE_BRANCHES, [rootId, today]).then((r) => r[0]!);
}

const BRANCH_COUNTS_LIVE = prepared(
  "reports.branchCountsLive",
  `SELECT k.branch_id, k.criterion_code, ${COUNT_COLUMNS.map((c) => `sum(k.${c})::int AS ${c}`).join(", ")}
     FROM (SELECT unit_id AS branch_id, criterion_code, ${COUNT_COLUMNS.join(", ")} FROM campaign_counts WHERE campaign_id = $1 AND unit_id = ANY($2::uuid[])
           UNION ALL
           SELECT ancestor_id, criterion_code, ${COUNT_COLUMNS.join(", ")} FROM campaign_branch_counts WHERE campaign_id = $1 AND ancestor_id = ANY($2::uuid[])
           UNION ALL
           SELECT ancestor_id, criterion_code, ${COUNT_COLUMNS.join(", ")} FROM campaign_branch_deltas WHERE campaign_id = $1 AND ancestor_id = ANY($2::uuid[])) k
    GROUP BY k.branch_id, k.criterion_code`,
);

/**
 * Today's figures of whole branches, from the branch counts (with the deltas not folded yet): for
 * each unit asked, its own counts and those of every unit below it. Asked for the root and a page
 * of its children, it answers the root's whole subtree and each child's, in rows per unit asked,
 * whatever the subtree's size.
 */
export function listBranchCountsLive(db: Queryable, campaignId: string, unitIds: string[]) {
  return db.query<BranchCountRow>(BRANCH_COUNTS_LIVE, [campaignId, unitIds]);
}

const OWN_COUNTS_LIVE = prepared(
  "reports.ownCountsLive",
  `SELECT $2::uuid AS branch_id, COALESCE(k.criterion_code, '') AS criterion_code,
          ${COUNT_COLUMNS.map((c) => `COALESCE(k.${c}, 0)::int AS ${c}`).join(", ")}, m.members
     FROM (SELECT COALESCE(sum(delta), 0)::int AS members FROM unit_member_changes WHERE unit_id = $2 AND day <= $3::date) m
     LEFT JOIN campaign_counts k ON k.campaign_id = $1 AND k.unit_id = $2`,
);

/**
 * The figures of a unit's own bodies, without the units below it (members held in the commune's
 * committee itself, sheets registered there): the roll-up's row that makes its rows add up to its
 * total. Today's counts, with the members on `day`; `members` repeats on each row.
 */
export function listOwnCountsLive(db: Queryable, campaignId: string, unitId: string, day: string) {
  return db.query<BranchCountRow & { members: number }>(OWN_COUNTS_LIVE, [campaignId, unitId, day]);
}

const BRANCH_MEMBERS_LIVE = prepared(
  "reports.branchMembersLive",
  `SELECT b.id AS branch_id,
          (COALESCE((SELECT sum(m.delta) FROM unit_member_changes m WHERE m.unit_id = b.id AND m.day <= $3::date), 0)
           + COALESCE((SELECT t.members FROM branch_members t WHERE t.ancestor_id = b.id), 0)
           - COALESCE((SELECT sum(c.delta) FROM branch_member_changes c WHERE c.ancestor_id = b.id AND c.day > $3::date), 0)
           + COALESCE((SELECT sum(d.delta) FROM branch_member_deltas d WHERE d.ancestor_id = b.id AND d.day <= $3::date), 0))::int AS members,
          (CASE WHEN b.id = $1 THEN 0 ELSE (SELECT count(*) FROM units u WHERE u.id = b.id AND u.kind = ANY($4::text[])) END
           + COALESCE((SELECT sum(k.units) FROM branch_unit_kinds k WHERE k.ancestor_id = b.id AND k.kind = ANY($4::text[])), 0))::int AS reporting_units
     FROM unnest($2::uuid[]) AS b(id)`,
);

/**
 * Members and units of a reporting kind of whole branches for `day` on the open-ended tree, from the
 * branch members (migration 0043): the root's whole subtree (the root itself not counted among the
 * reporting units) and each child's.
 */
export function listBranchMembersLive(db: Queryable, rootId: string, children: string[], day: string, reportingKinds: string[]) {
  return db.query<{ branch_id: string; members: number; reporting_units: number }>(BRANCH_MEMBERS_LIVE, [rootId, [rootId, ...children], day, reportingKinds]);
}

/** Members (positions held on the day) per branch, and how many units of a reporting kind each branch has. */
export function listBranchMembers(db: Queryable, rootId: string, asOf: string, reportingKinds: string[]) {
  return db.query<{ branch_id: string; members: number; reporting_units: number }>(
    `WITH ${BRANCH_UNITS}
     SELECT b.branch_id,
            COALESCE(sum((SELECT sum(m.delta) FROM unit_member_changes m WHERE m.unit_id = b.unit_id AND m.day <= $3::date)), 0)::int AS members,
            count(*) FILTER (WHERE u.kind = ANY($1::text[]) AND b.unit_id <> $2::uuid)::int AS reporting_units
       FROM branch_units b JOIN units u ON u.id = b.unit_id
      GROUP BY b.branch_id`,
    [reportingKinds, rootId, asOf],
  );
}

const LIST_CHILDREN = prepared(
  "reports.listChildren",
  `SELECT p.descendant_id AS unit_id, $1::uuid AS parent_id, 1 AS depth, v.name, (SELECT u.kind FROM units u WHERE u.id = p.descendant_id) AS kind, v.symbol_code
     FROM unit_paths p
     CROSS JOIN LATERAL (SELECT v.name, v.symbol_code FROM unit_versions v
                          WHERE v.unit_id = p.descendant_id AND v.valid_from <= $2::date AND (v.valid_to IS NULL OR v.valid_to >= $2::date)
                          ORDER BY v.valid_from DESC LIMIT 1) v
    WHERE p.ancestor_id = $1 AND p.depth = 1 AND p.valid_from <= $2::date AND (p.valid_to IS NULL OR p.valid_to >= $2::date)
    ORDER BY v.name`,
);

/** The children of a unit as of a date, with names and kinds of that date (looked up per child, by index). */
export function listChildren(db: Queryable, rootId: string, asOf: string) {
  return db.query<SubtreeUnitRow>(LIST_CHILDREN, [rootId, asOf]);
}

export function hasChildren(db: Queryable, rootId: string, asOf: string) {
  return db
    .query(
      `SELECT 1 FROM unit_paths p WHERE p.ancestor_id = $1 AND p.depth = 1 AND p.valid_from <= $2::date AND (p.valid_to IS NULL OR p.valid_to >= $2::date) LIMIT 1`,
      [rootId, asOf],
    )
    .then((r) => r.length > 0);
}

/** Models of the approved sheets under `root` (the report lists them by name). */
export function listSubtreeModels(db: Queryable, campaignId: string, rootId: string, asOf: string) {
  return db.query<ModelRow>(
    `SELECT m.name, m.field, COALESCE(pe.full_name, r.collective_name, '') AS owner_name, r.unit_id
       FROM unit_subtree($2::uuid, $3::date) s
       JOIN registrations r ON r.unit_id = s.unit_id AND r.campaign_id = $1 AND r.status = 'approved'
       JOIN models m ON m.registration_id = r.id
       LEFT JOIN persons pe ON pe.id = r.person_id
      ORDER BY m.created_at, m.name`,
    [campaignId, rootId, asOf],
  );
}

/** Commendation proposals approved under `root` (the report lists them by name). */
export function listSubtreeApprovedProposals(db: Queryable, campaignId: string, rootId: string, asOf: string) {
  return db.query<ProposalRow>(
    `SELECT p.status, p.subject_kind, COALESCE(pe.full_name, p.collective_name, m.name, '') AS subject_name, p.unit_id
       FROM unit_subtree($2::uuid, $3::date) s
       JOIN commendation_proposals p ON p.unit_id = s.unit_id AND p.campaign_id = $1 AND p.status = 'approved'
       LEFT JOIN persons pe ON pe.id = p.person_id
       LEFT JOIN models m ON m.id = p.model_id
      ORDER BY p.created_at`,
    [campaignId, rootId, asOf],
  );
}

/** Names of units as of a date (for the report's lists). */
export function getUnitNames(db: Queryable, ids: string[], asOf: string) {
  return db.query<{ unit_id: string; name: string }>(
    `SELECT DISTINCT ON (v.unit_id) v.unit_id, v.name FROM unit_versions v WHERE v.unit_id = ANY($1::uuid[])
      ORDER BY v.unit_id, (v.valid_from <= $2::date AND (v.valid_to IS NULL OR v.valid_to >= $2::date)) DESC, v.valid_from DESC`,
    [ids, asOf],
  );
}
