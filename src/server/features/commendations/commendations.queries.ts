import type { Rating } from "@domain/ratings.js";
import type { Queryable } from "../../db/client.js";

export interface ProposalRow {
  id: string;
  campaign_id: string;
  campaign_name: string;
  unit_id: string;
  unit_name: string;
  subject_kind: "person" | "collective" | "model";
  person_id: string | null;
  person_name: string | null;
  collective_name: string | null;
  model_id: string | null;
  model_name: string | null;
  model_field: string | null;
  achievements: string;
  status: "proposed" | "approved" | "declined";
  decline_reason: string | null;
  decided_by_username: string | null;
  decided_at: Date | null;
  created_by: string | null;
  created_by_username: string | null;
  created_at: Date;
  rating: Rating | null;
}

const PROPOSAL_SELECT = `
  SELECT p.id, p.campaign_id, c.name AS campaign_name, p.unit_id, COALESCE(l.name, '') AS unit_name, p.subject_kind,
         p.person_id, pe.full_name AS person_name, p.collective_name, p.model_id, m.name AS model_name, m.field AS model_field,
         p.achievements, p.status, p.decline_reason, da.username AS decided_by_username, p.decided_at,
         p.created_by, ca.username AS created_by_username, p.created_at,
         (SELECT i.rating FROM evaluations e JOIN evaluation_items i ON i.evaluation_id = e.id
           WHERE e.campaign_id = p.campaign_id AND e.unit_id = p.unit_id AND i.person_id = p.person_id) AS rating
    FROM commendation_proposals p
    JOIN campaigns c ON c.id = p.campaign_id
    LEFT JOIN units_latest($1::date) l ON l.unit_id = p.unit_id
    LEFT JOIN persons pe ON pe.id = p.person_id
    LEFT JOIN models m ON m.id = p.model_id
    LEFT JOIN accounts da ON da.id = p.decided_by
    LEFT JOIN accounts ca ON ca.id = p.created_by`;

/** Proposals of a campaign from the given units (null = all), newest first. */
export function listProposals(db: Queryable, f: { today: string; campaignId: string; units: string[] | null; status?: string | null }) {
  return db.query<ProposalRow>(
    `${PROPOSAL_SELECT}
      WHERE p.campaign_id = $2 AND ($3::uuid[] IS NULL OR p.unit_id = ANY($3::uuid[])) AND ($4::text IS NULL OR p.status = $4)
      ORDER BY l.name, CASE p.subject_kind WHEN 'person' THEN 0 WHEN 'collective' THEN 1 ELSE 2 END, p.created_at`,
    [f.today, f.campaignId, f.units, f.status ?? null],
  );
}

export function getProposal(db: Queryable, id: string, today: string) {
  return db.query<ProposalRow>(`${PROPOSAL_SELECT} WHERE p.id = $2`, [today, id]).then((r) => r[0] ?? null);
}

export function lockProposal(db: Queryable, id: string) {
  return db.query<{ status: string }>("SELECT status FROM commendation_proposals WHERE id = $1 FOR UPDATE", [id]).then((r) => r[0]?.status ?? null);
}

export async function insertProposal(
  db: Queryable,
  p: { campaignId: string; unitId: string; subjectKind: string; personId: string | null; collectiveName: string | null; modelId: string | null; achievements: string; createdBy: string },
) {
  const r = await db.query<{ id: string }>(
    `INSERT INTO commendation_proposals (campaign_id, unit_id, subject_kind, person_id, collective_name, model_id, achievements, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [p.campaignId, p.unitId, p.subjectKind, p.personId, p.collectiveName, p.modelId, p.achievements, p.createdBy],
  );
  return r[0]!.id;
}

export async function decideProposal(db: Queryable, id: string, d: { status: "approved" | "declined"; reason: string | null; by: string }) {
  await db.query(
    "UPDATE commendation_proposals SET status = $2, decline_reason = $3, decided_by = $4, decided_at = now(), updated_at = now() WHERE id = $1",
    [id, d.status, d.reason, d.by],
  );
}

export async function deleteProposal(db: Queryable, id: string) {
  await db.query("DELETE FROM commendation_proposals WHERE id = $1", [id]);
}

/** An open or approved proposal for the same subject (proposing twice is a conflict). */
export function findActiveDuplicate(db: Queryable, p: { campaignId: string; unitId: string; subjectKind: string; personId: string | null; collectiveName: string | null; modelId: string | null }) {
  return db
    .query<{ id: string }>(
      `SELECT id FROM commendation_proposals
        WHERE campaign_id = $1 AND unit_id = $2 AND subject_kind = $3 AND status IN ('proposed', 'approved')
          AND person_id IS NOT DISTINCT FROM $4 AND lower(collective_name) IS NOT DISTINCT FROM lower($5) AND model_id IS NOT DISTINCT FROM $6`,
      [p.campaignId, p.unitId, p.subjectKind, p.personId, p.collectiveName, p.modelId],
    )
    .then((r) => r[0] ?? null);
}

/** Status counts per (campaign, unit). */
export function countByUnit(db: Queryable, campaignIds: string[], unitIds: string[]) {
  return db.query<{ campaign_id: string; unit_id: string; status: string; n: number }>(
    `SELECT campaign_id, unit_id, status, count(*)::int AS n FROM commendation_proposals
      WHERE campaign_id = ANY($1::uuid[]) AND unit_id = ANY($2::uuid[]) GROUP BY campaign_id, unit_id, status`,
    [campaignIds, unitIds],
  );
}

/** Members' ratings in the unit's evaluation for the campaign. */
export function listRatings(db: Queryable, campaignId: string, unitId: string) {
  return db.query<{ person_id: string; rating: Rating | null; score: number | null }>(
    `SELECT i.person_id, i.rating, i.score FROM evaluations e JOIN evaluation_items i ON i.evaluation_id = e.id
      WHERE e.campaign_id = $1 AND e.unit_id = $2`,
    [campaignId, unitId],
  );
}

/** Collectives registered in the unit for the campaign. */
export function listCollectives(db: Queryable, campaignId: string, unitId: string) {
  return db
    .query<{ name: string }>(
      "SELECT DISTINCT collective_name AS name FROM registrations WHERE campaign_id = $1 AND unit_id = $2 AND person_id IS NULL AND collective_name IS NOT NULL ORDER BY 1",
      [campaignId, unitId],
    )
    .then((r) => r.map((x) => x.name));
}

/** "Dân vận khéo" models registered in the unit for the campaign (drafts left out). */
export function listModels(db: Queryable, campaignId: string, unitId: string) {
  return db.query<{ id: string; name: string; field: string; owner_name: string }>(
    `SELECT m.id, m.name, m.field, COALESCE(pe.full_name, r.collective_name, '') AS owner_name
       FROM models m JOIN registrations r ON r.id = m.registration_id LEFT JOIN persons pe ON pe.id = r.person_id
      WHERE r.campaign_id = $1 AND r.unit_id = $2 AND r.status <> 'draft' ORDER BY m.name`,
    [campaignId, unitId],
  );
}

export function getModelUnit(db: Queryable, modelId: string) {
  return db
    .query<{ campaign_id: string; unit_id: string; status: string }>(
      "SELECT r.campaign_id, r.unit_id, r.status FROM models m JOIN registrations r ON r.id = m.registration_id WHERE m.id = $1",
      [modelId],
    )
    .then((r) => r[0] ?? null);
}
