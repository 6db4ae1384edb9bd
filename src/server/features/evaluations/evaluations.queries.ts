import type { Rating } from "@domain/ratings.js";
import type { Queryable } from "../../db/client.js";

export type EvaluationState = "draft" | "cell_approved" | "commune_approved";

export interface EvaluationRow {
  id: string;
  campaign_id: string;
  unit_id: string;
  status: EvaluationState;
  allow_higher_quota: boolean;
  unit_rating: Rating | null;
  cell_approved_at: Date | null;
  /** Who signed: the person's name (the account's display name when it has no person). */
  cell_approved_by_name: string | null;
  commune_approved_at: Date | null;
  commune_approved_by_name: string | null;
}

const EVALUATION_SELECT = `
  SELECT e.id, e.campaign_id, e.unit_id, e.status, e.allow_higher_quota, e.unit_rating,
         e.cell_approved_at, COALESCE(cap.full_name, ca.display_name) AS cell_approved_by_name,
         e.commune_approved_at, COALESCE(cmp.full_name, cm.display_name) AS commune_approved_by_name
    FROM evaluations e
    LEFT JOIN accounts ca ON ca.id = e.cell_approved_by
    LEFT JOIN persons cap ON cap.id = ca.person_id
    LEFT JOIN accounts cm ON cm.id = e.commune_approved_by
    LEFT JOIN persons cmp ON cmp.id = cm.person_id`;

export function getEvaluation(db: Queryable, id: string) {
  return db.query<EvaluationRow>(`${EVALUATION_SELECT} WHERE e.id = $1`, [id]).then((r) => r[0] ?? null);
}

/** Locks the row for the rest of the transaction (two sign-offs at once cannot both pass). */
export function lockEvaluation(db: Queryable, id: string) {
  return db.query<{ status: EvaluationState }>("SELECT status FROM evaluations WHERE id = $1 FOR UPDATE", [id]).then((r) => r[0]?.status ?? null);
}

export function findEvaluation(db: Queryable, campaignId: string, unitId: string) {
  return db.query<EvaluationRow>(`${EVALUATION_SELECT} WHERE e.campaign_id = $1 AND e.unit_id = $2`, [campaignId, unitId]).then((r) => r[0] ?? null);
}

/** Evaluations of several units with their number of rated members. */
export function listEvaluations(db: Queryable, campaignIds: string[], unitIds: string[]) {
  return db.query<{ id: string; campaign_id: string; unit_id: string; status: EvaluationState; rated: number }>(
    `SELECT e.id, e.campaign_id, e.unit_id, e.status,
            (SELECT count(*) FROM evaluation_items i WHERE i.evaluation_id = e.id AND i.rating IS NOT NULL)::int AS rated
       FROM evaluations e WHERE e.campaign_id = ANY($1::uuid[]) AND e.unit_id = ANY($2::uuid[])`,
    [campaignIds, unitIds],
  );
}

/** Number of members per unit for a campaign (same membership rule as listCampaignMembers). */
export function countCampaignMembers(db: Queryable, unitIds: string[], campaignId: string, from: string, to: string) {
  return db.query<{ unit_id: string; n: number }>(
    `SELECT u AS unit_id, (
        SELECT count(*) FROM (
          SELECT p.person_id FROM positions p WHERE p.unit_id = u AND p.start_date <= $4::date AND (p.end_date IS NULL OR p.end_date >= $3::date)
          UNION
          SELECT r.person_id FROM registrations r WHERE r.unit_id = u AND r.campaign_id = $2 AND r.person_id IS NOT NULL
        ) m)::int AS n
       FROM unnest($1::uuid[]) AS u`,
    [unitIds, campaignId, from, to],
  );
}

export async function insertEvaluation(db: Queryable, e: { campaignId: string; unitId: string; createdBy: string }) {
  const r = await db.query<{ id: string }>(
    "INSERT INTO evaluations (campaign_id, unit_id, created_by) VALUES ($1, $2, $3) ON CONFLICT (campaign_id, unit_id) DO NOTHING RETURNING id",
    [e.campaignId, e.unitId, e.createdBy],
  );
  return r[0]?.id ?? null;
}

export async function updateEvaluationSettings(db: Queryable, id: string, v: { allowHigherQuota: boolean; unitRating: Rating | null }) {
  await db.query("UPDATE evaluations SET allow_higher_quota = $2, unit_rating = $3, updated_at = now() WHERE id = $1", [id, v.allowHigherQuota, v.unitRating]);
}

export async function setEvaluationStatus(db: Queryable, id: string, status: EvaluationState, by: string | null) {
  switch (status) {
    case "draft":
      await db.query(
        "UPDATE evaluations SET status = 'draft', cell_approved_at = NULL, cell_approved_by = NULL, commune_approved_at = NULL, commune_approved_by = NULL, updated_at = now() WHERE id = $1",
        [id],
      );
      return;
    case "cell_approved":
      if (by === null) {
        // Unlocked from commune_approved: the cell's sign-off stays.
        await db.query("UPDATE evaluations SET status = 'cell_approved', commune_approved_at = NULL, commune_approved_by = NULL, updated_at = now() WHERE id = $1", [id]);
      } else {
        await db.query("UPDATE evaluations SET status = 'cell_approved', cell_approved_at = now(), cell_approved_by = $2, updated_at = now() WHERE id = $1", [id, by]);
      }
      return;
    case "commune_approved":
      await db.query("UPDATE evaluations SET status = 'commune_approved', commune_approved_at = now(), commune_approved_by = $2, updated_at = now() WHERE id = $1", [id, by]);
      return;
  }
}

export interface ItemRow {
  person_id: string;
  score: number | null;
  rating: Rating | null;
  notes: string | null;
}

export function listItems(db: Queryable, evaluationId: string) {
  return db.query<ItemRow>("SELECT person_id, score, rating, notes FROM evaluation_items WHERE evaluation_id = $1", [evaluationId]);
}

export async function upsertItem(db: Queryable, evaluationId: string, i: { personId: string; score: number | null; rating: Rating | null; notes: string | null; by: string }) {
  await db.query(
    `INSERT INTO evaluation_items (evaluation_id, person_id, score, rating, notes, updated_by) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (evaluation_id, person_id) DO UPDATE SET score = EXCLUDED.score, rating = EXCLUDED.rating, notes = EXCLUDED.notes,
       updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [evaluationId, i.personId, i.score, i.rating, i.notes, i.by],
  );
}

export interface SelfAssessmentRow {
  campaign_id: string;
  unit_id: string;
  person_id: string;
  content: string;
  proposed_rating: Rating | null;
  self_score: number | null;
  submitted_at: Date;
}

export function listSelfAssessments(db: Queryable, campaignId: string, unitId: string) {
  return db.query<SelfAssessmentRow>(
    "SELECT campaign_id, unit_id, person_id, content, proposed_rating, self_score, submitted_at FROM self_assessments WHERE campaign_id = $1 AND unit_id = $2",
    [campaignId, unitId],
  );
}

export function listPersonSelfAssessments(db: Queryable, personId: string) {
  return db.query<SelfAssessmentRow>(
    "SELECT campaign_id, unit_id, person_id, content, proposed_rating, self_score, submitted_at FROM self_assessments WHERE person_id = $1",
    [personId],
  );
}

export async function upsertSelfAssessment(
  db: Queryable,
  s: { campaignId: string; unitId: string; personId: string; content: string; proposedRating: Rating | null; selfScore: number | null },
) {
  await db.query(
    `INSERT INTO self_assessments (campaign_id, unit_id, person_id, content, proposed_rating, self_score) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (campaign_id, unit_id, person_id) DO UPDATE SET content = EXCLUDED.content, proposed_rating = EXCLUDED.proposed_rating,
       self_score = EXCLUDED.self_score, submitted_at = now(), updated_at = now()`,
    [s.campaignId, s.unitId, s.personId, s.content, s.proposedRating, s.selfScore],
  );
}

/** A person's own evaluation results (one row per evaluation they are rated in). */
export function listPersonResults(db: Queryable, personId: string) {
  return db.query<{ campaign_id: string; unit_id: string; status: EvaluationState; score: number | null; rating: Rating | null }>(
    `SELECT e.campaign_id, e.unit_id, e.status, i.score, i.rating
       FROM evaluation_items i JOIN evaluations e ON e.id = i.evaluation_id WHERE i.person_id = $1`,
    [personId],
  );
}

/** The mandatory sub-items (IV.2) of the campaign's criteria set, in the set's order. */
export function listMandatoryItems(db: Queryable, campaignId: string) {
  return db.query<{ code: string; title: string }>(
    `SELECT ci.code, ci.title
       FROM campaigns c JOIN criteria cr ON cr.set_id = c.criteria_set_id JOIN criterion_items ci ON ci.criterion_id = cr.id
      WHERE c.id = $1 AND ci.mandatory
      ORDER BY cr.sort, ci.sort`,
    [campaignId],
  );
}
