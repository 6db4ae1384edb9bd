import type { Queryable } from "../../db/client.js";

// ---------------------------------------------------------------------------------------------
// Reach: my units and everything above them.

/**
 * The given units and all their ancestors (the tree as last known on `date`, so an ended unit
 * still has its parent). Used for what flows down the tree: a cell member reads the commune's
 * campaign, criteria set and issued plan.
 */
export async function unitsAndAncestors(db: Queryable, unitIds: readonly string[], date: string): Promise<Set<string>> {
  if (unitIds.length === 0) return new Set();
  const rows = await db.query<{ unit_id: string }>(
    `WITH RECURSIVE t(unit_id, depth) AS (
       SELECT u, 0 FROM unnest($1::uuid[]) AS u
       UNION
       SELECT l.parent_id, t.depth + 1 FROM units_latest($2::date) l JOIN t ON l.unit_id = t.unit_id
        WHERE l.parent_id IS NOT NULL AND t.depth < 50
     )
     SELECT DISTINCT unit_id FROM t`,
    [[...unitIds], date],
  );
  return new Set(rows.map((r) => r.unit_id));
}

export interface UnitInfoRow {
  id: string;
  kind: string;
  name: string;
  short_name: string | null;
  symbol_code: string;
  parent_id: string | null;
  parent_name: string | null;
}

/** A unit as named on a date (falls back to its latest version started by then, then its first). */
export function getUnitAsOf(db: Queryable, unitId: string, date: string) {
  return db
    .query<UnitInfoRow>(
      `SELECT u.id, u.kind, v.name, v.short_name, v.symbol_code, v.parent_id,
              (SELECT pv.name FROM unit_versions pv WHERE pv.unit_id = v.parent_id AND pv.valid_from <= $2::date
                ORDER BY pv.valid_from DESC LIMIT 1) AS parent_name
         FROM units u
         JOIN LATERAL (
           SELECT * FROM unit_versions x WHERE x.unit_id = u.id
            ORDER BY (x.valid_from <= $2::date) DESC, CASE WHEN x.valid_from <= $2::date THEN x.valid_from END DESC NULLS LAST, x.valid_from
            LIMIT 1) v ON true
        WHERE u.id = $1`,
      [unitId, date],
    )
    .then((r) => r[0] ?? null);
}

// ---------------------------------------------------------------------------------------------
// Criteria sets.

export interface CriteriaSetRow {
  id: string;
  issuing_unit_id: string;
  issuing_unit_name: string;
  code: string | null;
  name: string;
  year: number;
  based_on_set_id: string | null;
  based_on_set_name: string | null;
  legal_basis: string | null;
  source: string | null;
  status: "draft" | "published";
  published_at: Date | null;
  campaign_count: number;
}

const SET_SELECT = `
  SELECT s.id, s.issuing_unit_id,
         (SELECT l.name FROM units_latest(CURRENT_DATE) l WHERE l.unit_id = s.issuing_unit_id) AS issuing_unit_name,
         s.code, s.name, s.year, s.based_on_set_id, b.name AS based_on_set_name, s.legal_basis, s.source, s.status,
         s.published_at, (SELECT count(*) FROM campaigns c WHERE c.criteria_set_id = s.id) AS campaign_count
    FROM criteria_sets s LEFT JOIN criteria_sets b ON b.id = s.based_on_set_id`;

/** Sets issued by the given units (null = all), newest year first. */
export function listCriteriaSets(db: Queryable, issuingUnitIds: string[] | null) {
  return db.query<CriteriaSetRow>(
    `${SET_SELECT} WHERE ($1::uuid[] IS NULL OR s.issuing_unit_id = ANY($1::uuid[])) ORDER BY s.year DESC, s.created_at DESC`,
    [issuingUnitIds],
  );
}

export function getCriteriaSet(db: Queryable, id: string) {
  return db.query<CriteriaSetRow>(`${SET_SELECT} WHERE s.id = $1`, [id]).then((r) => r[0] ?? null);
}

export function lockCriteriaSet(db: Queryable, id: string) {
  return db.query<{ status: string }>("SELECT status FROM criteria_sets WHERE id = $1 FOR UPDATE", [id]).then((r) => r[0] ?? null);
}

export interface CriterionRow {
  id: string;
  code: string;
  title: string;
  description: string | null;
  points: number | null;
  sort: number;
}

export interface CriterionItemRow {
  id: string;
  criterion_id: string;
  code: string;
  title: string;
  guidance: string | null;
  mandatory: boolean;
  mandatory_for_units: boolean;
  points: number | null;
  sort: number;
}

export function listCriteria(db: Queryable, setId: string) {
  return db.query<CriterionRow>("SELECT id, code, title, description, points, sort FROM criteria WHERE set_id = $1 ORDER BY sort, code", [setId]);
}

export function listCriterionItems(db: Queryable, setId: string) {
  return db.query<CriterionItemRow>(
    `SELECT i.id, i.criterion_id, i.code, i.title, i.guidance, i.mandatory, i.mandatory_for_units, i.points, i.sort
       FROM criterion_items i JOIN criteria c ON c.id = i.criterion_id
      WHERE c.set_id = $1 ORDER BY c.sort, i.sort, i.code`,
    [setId],
  );
}

export function campaignsUsingSet(db: Queryable, setId: string) {
  return db.query<{ id: string; name: string; year: number; unit_id: string }>(
    "SELECT id, name, year, unit_id FROM campaigns WHERE criteria_set_id = $1 ORDER BY year DESC, created_at DESC",
    [setId],
  );
}

export function draftSetExists(db: Queryable, issuingUnitId: string, year: number) {
  return db
    .query("SELECT 1 FROM criteria_sets WHERE issuing_unit_id = $1 AND year = $2 AND status = 'draft'", [issuingUnitId, year])
    .then((r) => r.length > 0);
}

export async function insertCriteriaSet(
  db: Queryable,
  s: { issuingUnitId: string; code: string | null; name: string; year: number; basedOnSetId: string | null; legalBasis: string | null; source: string | null; status: "draft" | "published"; createdBy: string | null },
): Promise<string> {
  const r = await db.query<{ id: string }>(
    `INSERT INTO criteria_sets (issuing_unit_id, code, name, year, based_on_set_id, legal_basis, source, status, created_by, published_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $8 = 'published' THEN now() END) RETURNING id`,
    [s.issuingUnitId, s.code, s.name, s.year, s.basedOnSetId, s.legalBasis, s.source, s.status, s.createdBy],
  );
  return r[0]!.id;
}

export interface CriterionWrite {
  code: string;
  title: string;
  description: string | null;
  points: number | null;
  items: { code: string; title: string; guidance: string | null; mandatory: boolean; mandatoryForUnits: boolean; points: number | null }[];
}

/** Writes the criteria and sub-items of a set (the set must have none yet). */
export async function insertCriteria(db: Queryable, setId: string, criteria: readonly CriterionWrite[]): Promise<void> {
  for (const [i, c] of criteria.entries()) {
    const r = await db.query<{ id: string }>(
      "INSERT INTO criteria (set_id, code, title, description, points, sort) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      [setId, c.code, c.title, c.description, c.points, i + 1],
    );
    const criterionId = r[0]!.id;
    for (const [j, it] of c.items.entries()) {
      await db.query(
        `INSERT INTO criterion_items (criterion_id, code, title, guidance, mandatory, mandatory_for_units, points, sort)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [criterionId, it.code, it.title, it.guidance, it.mandatory, it.mandatoryForUnits, it.points, j + 1],
      );
    }
  }
}

/** Removes the criteria of a draft set (nothing references a draft's items). */
export async function deleteCriteria(db: Queryable, setId: string): Promise<void> {
  await db.query("DELETE FROM criterion_items WHERE criterion_id IN (SELECT id FROM criteria WHERE set_id = $1)", [setId]);
  await db.query("DELETE FROM criteria WHERE set_id = $1", [setId]);
}

export function updateCriteriaSetHeader(db: Queryable, id: string, s: { name: string; code: string; legalBasis: string | null; source: string | null }) {
  return db.query("UPDATE criteria_sets SET name = $2, code = $3, legal_basis = $4, source = $5, updated_at = now() WHERE id = $1", [
    id,
    s.name,
    s.code,
    s.legalBasis,
    s.source,
  ]);
}

export function publishCriteriaSet(db: Queryable, id: string, accountId: string | null) {
  return db.query("UPDATE criteria_sets SET status = 'published', published_at = now(), published_by = $2, updated_at = now() WHERE id = $1", [id, accountId]);
}

// ---------------------------------------------------------------------------------------------
// Campaigns.

export interface CampaignRow {
  id: string;
  unit_id: string;
  unit_name: string;
  name: string;
  year: number;
  period_start: string;
  period_end: string;
  criteria_set_id: string;
  criteria_set_name: string;
  criteria_set_year: number;
  criteria_set_status: string;
  plan_deadline: string | null;
  registration_deadline: string | null;
  report_deadline: string | null;
  status: "draft" | "active" | "closed";
}

const CAMPAIGN_SELECT = `
  SELECT c.id, c.unit_id, (SELECT l.name FROM units_latest(CURRENT_DATE) l WHERE l.unit_id = c.unit_id) AS unit_name,
         c.name, c.year, c.period_start, c.period_end, c.criteria_set_id, s.name AS criteria_set_name, s.year AS criteria_set_year,
         s.status AS criteria_set_status, c.plan_deadline, c.registration_deadline, c.report_deadline, c.status
    FROM campaigns c JOIN criteria_sets s ON s.id = c.criteria_set_id`;

/** Campaigns launched by the given units (null = all), newest first. */
export function listCampaigns(db: Queryable, unitIds: string[] | null, year: number | null) {
  return db.query<CampaignRow>(
    `${CAMPAIGN_SELECT}
      WHERE ($1::uuid[] IS NULL OR c.unit_id = ANY($1::uuid[])) AND ($2::int IS NULL OR c.year = $2)
      ORDER BY c.period_start DESC, c.created_at DESC`,
    [unitIds, year],
  );
}

export function getCampaign(db: Queryable, id: string) {
  return db.query<CampaignRow>(`${CAMPAIGN_SELECT} WHERE c.id = $1`, [id]).then((r) => r[0] ?? null);
}

/** A campaign's own columns: what the other features read of it (they call this, never their own SQL). */
export interface CampaignRecord {
  id: string;
  unit_id: string;
  name: string;
  year: number;
  period_start: string;
  period_end: string;
  criteria_set_id: string;
  plan_deadline: string | null;
  registration_deadline: string | null;
  report_deadline: string | null;
  status: "draft" | "active" | "closed";
}

export function getCampaignRecord(db: Queryable, id: string): Promise<CampaignRecord | null> {
  return db
    .query<CampaignRecord>(
      `SELECT id, unit_id, name, year, period_start, period_end, criteria_set_id, plan_deadline, registration_deadline, report_deadline, status
         FROM campaigns WHERE id = $1`,
      [id],
    )
    .then((r) => r[0] ?? null);
}

export async function insertCampaign(
  db: Queryable,
  c: {
    unitId: string;
    name: string;
    year: number;
    periodStart: string;
    periodEnd: string;
    criteriaSetId: string;
    planDeadline: string | null;
    registrationDeadline: string | null;
    reportDeadline: string | null;
    createdBy: string | null;
  },
): Promise<string> {
  const r = await db.query<{ id: string }>(
    `INSERT INTO campaigns (unit_id, name, year, period_start, period_end, criteria_set_id, plan_deadline, registration_deadline, report_deadline, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [c.unitId, c.name, c.year, c.periodStart, c.periodEnd, c.criteriaSetId, c.planDeadline, c.registrationDeadline, c.reportDeadline, c.createdBy],
  );
  return r[0]!.id;
}

export function updateCampaign(
  db: Queryable,
  id: string,
  c: { name: string; periodStart: string; periodEnd: string; planDeadline: string | null; registrationDeadline: string | null; reportDeadline: string | null; status: string },
) {
  return db.query(
    `UPDATE campaigns SET name = $2, period_start = $3, period_end = $4, plan_deadline = $5, registration_deadline = $6,
            report_deadline = $7, status = $8, updated_at = now() WHERE id = $1`,
    [id, c.name, c.periodStart, c.periodEnd, c.planDeadline, c.registrationDeadline, c.reportDeadline, c.status],
  );
}

/**
 * What hangs on a campaign, per kind: plans (drafted or issued, at any level), registration
 * sheets, supervision notes, violations and reports, self-assessments, evaluations, commendation
 * proposals and result reports. Read inside the removal's transaction, after locking the campaign.
 */
export async function campaignDependents(db: Queryable, id: string) {
  const rows = await db.query<Record<CampaignDependent, number>>(
    `SELECT (SELECT count(*) FROM plans WHERE campaign_id = $1)::int AS plans,
            (SELECT count(*) FROM registrations WHERE campaign_id = $1)::int AS registrations,
            (SELECT count(*) FROM supervision_notes WHERE campaign_id = $1)::int
              + (SELECT count(*) FROM violations WHERE campaign_id = $1)::int
              + (SELECT count(*) FROM supervision_reports WHERE campaign_id = $1)::int AS supervision,
            (SELECT count(*) FROM self_assessments WHERE campaign_id = $1)::int
              + (SELECT count(*) FROM evaluations WHERE campaign_id = $1)::int AS evaluations,
            (SELECT count(*) FROM commendation_proposals WHERE campaign_id = $1)::int AS proposals,
            (SELECT count(*) FROM result_reports WHERE campaign_id = $1)::int AS reports`,
    [id],
  );
  return rows[0]!;
}
/** Does anything depend on the campaign (see campaignDependents)? One index probe per table, for the detail page's "Hủy phong trào". */
export async function campaignHasDependents(db: Queryable, id: string) {
  const rows = await db.query<{ any: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM plans WHERE campaign_id = $1) OR EXISTS (SELECT 1 FROM registrations WHERE campaign_id = $1)
            OR EXISTS (SELECT 1 FROM supervision_notes WHERE campaign_id = $1) OR EXISTS (SELECT 1 FROM violations WHERE campaign_id = $1)
            OR EXISTS (SELECT 1 FROM supervision_reports WHERE campaign_id = $1) OR EXISTS (SELECT 1 FROM self_assessments WHERE campaign_id = $1)
            OR EXISTS (SELECT 1 FROM evaluations WHERE campaign_id = $1) OR EXISTS (SELECT 1 FROM commendation_proposals WHERE campaign_id = $1)
            OR EXISTS (SELECT 1 FROM result_reports WHERE campaign_id = $1) AS any`,
    [id],
  );
  return rows[0]!.any;
}
export type CampaignDependent = "plans" | "registrations" | "supervision" | "evaluations" | "proposals" | "reports";

export function lockCampaign(db: Queryable, id: string) {
  return db.query<{ status: string }>("SELECT status FROM campaigns WHERE id = $1 FOR UPDATE", [id]).then((r) => r[0] ?? null);
}

export function deleteCampaign(db: Queryable, id: string) {
  return db.query("DELETE FROM campaigns WHERE id = $1", [id]);
}

export interface CascadeUnitRow {
  id: string;
  kind: string;
  name: string;
  parent_name: string | null;
  depth: number;
  members: number;
}

/** Kinds of unit that issue an implementing plan under a commune's campaign. */
export const CASCADE_UNIT_KINDS = ["party_cell", "fatherland_front", "mass_organization"] as const;

/**
 * The units under `rootId` on `date` that issue implementing plans (party cells, the Fatherland
 * Front and mass organisations), with their current member counts, in tree order.
 */
export function listCascadeUnits(db: Queryable, rootId: string, date: string, today: string) {
  return db.query<CascadeUnitRow>(
    `SELECT u.id, u.kind, a.name, (SELECT p.name FROM units_as_of($2::date) p WHERE p.unit_id = a.parent_id) AS parent_name, s.depth,
            (SELECT count(DISTINCT po.person_id) FROM positions po WHERE po.unit_id = u.id AND po.start_date <= $3::date
               AND (po.end_date IS NULL OR po.end_date >= $3::date)) AS members
       FROM unit_subtree($1, $2::date) s
       JOIN units u ON u.id = s.unit_id
       JOIN units_as_of($2::date) a ON a.unit_id = u.id
      WHERE s.depth > 0 AND u.kind = ANY($4::text[])
      ORDER BY CASE u.kind WHEN 'party_cell' THEN 0 WHEN 'fatherland_front' THEN 1 ELSE 2 END, s.depth, a.name`,
    [rootId, date, today, [...CASCADE_UNIT_KINDS]],
  );
}

/** Is `unitId` inside the subtree of `rootId` (root included) as last known on `date`? The units owner's check. */
export { isInScopeSubtree as isInSubtree } from "../units/units.queries.js";

/** Active campaigns (period not over) launched by the given units. */
export function listCurrentCampaigns(db: Queryable, unitIds: string[] | null, today: string) {
  return db.query<CampaignRow>(
    `${CAMPAIGN_SELECT}
      WHERE ($1::uuid[] IS NULL OR c.unit_id = ANY($1::uuid[])) AND c.status = 'active' AND c.period_end >= $2::date
      ORDER BY c.period_start DESC`,
    [unitIds, today],
  );
}
