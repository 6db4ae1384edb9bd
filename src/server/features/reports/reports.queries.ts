import type { Queryable } from "../../db/client.js";

export interface CampaignRow {
  id: string;
  unit_id: string;
  name: string;
  year: number;
  period_start: string;
  period_end: string;
  plan_deadline: string | null;
  registration_deadline: string | null;
  report_deadline: string | null;
  status: string;
  criteria_set_id: string;
}

const CAMPAIGN_COLUMNS = `c.id, c.unit_id, c.name, c.year, c.period_start, c.period_end, c.plan_deadline, c.registration_deadline,
  c.report_deadline, c.status, c.criteria_set_id`;

export function getCampaign(db: Queryable, id: string) {
  return db.query<CampaignRow>(`SELECT ${CAMPAIGN_COLUMNS} FROM campaigns c WHERE c.id = $1`, [id]).then((r) => r[0] ?? null);
}

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

export function isInSubtree(db: Queryable, root: string, unitId: string, asOf: string) {
  return db
    .query("SELECT 1 FROM unit_subtree($1::uuid, $2::date) WHERE unit_id = $3", [root, asOf, unitId])
    .then((r) => r.length > 0);
}

export interface CommitmentFactRow {
  id: string;
  unit_id: string;
  person_id: string | null;
  status: "not_started" | "in_progress" | "achieved" | "not_achieved";
  judged_status: "achieved" | "not_achieved" | null;
  criterion_code: string;
  item_code: string;
}

/** Commitments of approved registrations of a campaign in the given units (what counts as "registered"). */
export function listApprovedCommitments(db: Queryable, campaignId: string, unitIds: string[]) {
  return db.query<CommitmentFactRow>(
    `SELECT c.id, r.unit_id, r.person_id, c.status, c.judged_status, cr.code AS criterion_code, ci.code AS item_code
       FROM commitments c
       JOIN registrations r ON r.id = c.registration_id
       JOIN criterion_items ci ON ci.id = c.criterion_item_id
       JOIN criteria cr ON cr.id = ci.criterion_id
      WHERE r.campaign_id = $1 AND r.status = 'approved' AND r.unit_id = ANY($2::uuid[])`,
    [campaignId, unitIds],
  );
}

export interface ViolationFactRow {
  person_id: string | null;
  commitment_id: string | null;
  unit_id: string;
  kind: "traffic" | "littering" | "disorder" | "harassment" | "other";
  occurred_on: string;
}

/** Every violation recorded in a campaign (they break commitments of the same person, wherever recorded). */
export function listCampaignViolations(db: Queryable, campaignId: string) {
  return db.query<ViolationFactRow>(
    "SELECT person_id, commitment_id, unit_id, kind, occurred_on FROM violations WHERE campaign_id = $1",
    [campaignId],
  );
}

/** People holding a position in the given units on a date, and who among them has an approved registration. */
export function listMembersOn(db: Queryable, unitIds: string[], asOf: string) {
  return db.query<{ unit_id: string; person_id: string }>(
    `SELECT DISTINCT p.unit_id, p.person_id FROM positions p
      WHERE p.unit_id = ANY($1::uuid[]) AND p.start_date <= $2::date AND (p.end_date IS NULL OR p.end_date >= $2::date)`,
    [unitIds, asOf],
  );
}

export function listApprovedRegistrants(db: Queryable, campaignId: string, unitIds: string[]) {
  return db.query<{ unit_id: string; person_id: string }>(
    `SELECT DISTINCT r.unit_id, r.person_id FROM registrations r
      WHERE r.campaign_id = $1 AND r.status = 'approved' AND r.person_id IS NOT NULL AND r.unit_id = ANY($2::uuid[])`,
    [campaignId, unitIds],
  );
}

export interface ModelRow {
  name: string;
  field: string;
  owner_name: string;
  unit_id: string;
}

export function listModels(db: Queryable, campaignId: string, unitIds: string[]) {
  return db.query<ModelRow>(
    `SELECT m.name, m.field, COALESCE(pe.full_name, r.collective_name, '') AS owner_name, r.unit_id
       FROM models m JOIN registrations r ON r.id = m.registration_id
       LEFT JOIN persons pe ON pe.id = r.person_id
      WHERE r.campaign_id = $1 AND r.status = 'approved' AND r.unit_id = ANY($2::uuid[])
      ORDER BY m.created_at, m.name`,
    [campaignId, unitIds],
  );
}

export interface ProposalRow {
  status: "proposed" | "approved" | "declined";
  subject_kind: "person" | "collective" | "model";
  subject_name: string;
  unit_id: string;
}

export function listProposals(db: Queryable, campaignId: string, unitIds: string[]) {
  return db.query<ProposalRow>(
    `SELECT p.status, p.subject_kind, COALESCE(pe.full_name, p.collective_name, m.name, '') AS subject_name, p.unit_id
       FROM commendation_proposals p
       LEFT JOIN persons pe ON pe.id = p.person_id
       LEFT JOIN models m ON m.id = p.model_id
      WHERE p.campaign_id = $1 AND p.unit_id = ANY($2::uuid[])
      ORDER BY p.created_at`,
    [campaignId, unitIds],
  );
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
