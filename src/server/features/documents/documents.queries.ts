/**
 * The few reads the official documents need beyond what the features already load: the place
 * name of the date line, the issuing unit's plan a report cites, the person behind an account,
 * the evidence files of commitments. Everything as of the document's date.
 */
import type { Queryable } from "../../db/client.js";

/** The unit and its ancestors as named on a date, nearest first (the unit itself at depth 0). */
export function listAncestorNames(db: Queryable, unitId: string, date: string) {
  return db.query<{ unit_id: string; depth: number; kind: string; name: string }>(
    `SELECT a.unit_id, a.depth, u.kind, v.name
       FROM unit_ancestors($1::uuid, $2::date) a
       JOIN units u ON u.id = a.unit_id
       JOIN units_as_of($2::date) v ON v.unit_id = a.unit_id
      ORDER BY a.depth`,
    [unitId, date],
  );
}

/** A unit's name and short name on a date (the one valid then, else the latest started by then, else the first). */
export function getUnitNames(db: Queryable, unitId: string, date: string) {
  return db
    .query<{ name: string; short_name: string | null; kind: string }>(
      `SELECT v.name, v.short_name, (SELECT u.kind FROM units u WHERE u.id = v.unit_id) AS kind FROM unit_versions v WHERE v.unit_id = $1
        ORDER BY (v.valid_from <= $2::date) DESC, CASE WHEN v.valid_from <= $2::date THEN v.valid_from END DESC NULLS LAST, v.valid_from
        LIMIT 1`,
      [unitId, date],
    )
    .then((r) => r[0] ?? null);
}

/** The issued plan (latest version) of a unit in a campaign, the one its reports implement. */
export function findIssuedPlan(db: Queryable, campaignId: string, unitId: string) {
  return db
    .query<{ id: string; symbol: string; issued_date: string; subject: string; unit_id: string }>(
      `SELECT p.id, p.symbol, p.issued_date, p.subject, p.unit_id FROM plans p
        WHERE p.campaign_id = $1 AND p.unit_id = $2 AND p.status = 'issued' AND p.symbol IS NOT NULL AND p.issued_date IS NOT NULL
        ORDER BY p.version DESC LIMIT 1`,
      [campaignId, unitId],
    )
    .then((r) => r[0] ?? null);
}

/** The person an account belongs to (by id or username). */
export function findAccountPerson(db: Queryable, account: { id?: string | null; username?: string | null }) {
  if (!account.id && !account.username) return Promise.resolve(null);
  return db
    .query<{ person_id: string; full_name: string }>(
      `SELECT pe.id AS person_id, pe.full_name FROM accounts a JOIN persons pe ON pe.id = a.person_id
        WHERE ($1::uuid IS NOT NULL AND a.id = $1::uuid) OR ($2::text IS NOT NULL AND a.username = $2::text) LIMIT 1`,
      [account.id ?? null, account.username ?? null],
    )
    .then((r) => r[0] ?? null);
}

/** Who holds a role in a unit on a date (latest start first). */
export function findPositionHolder(db: Queryable, unitId: string, roles: readonly string[], date: string) {
  return db
    .query<{ person_id: string; full_name: string; role: string }>(
      `SELECT pe.id AS person_id, pe.full_name, po.role FROM positions po JOIN persons pe ON pe.id = po.person_id
        WHERE po.unit_id = $1 AND po.role = ANY($2::text[]) AND po.start_date <= $3::date AND (po.end_date IS NULL OR po.end_date >= $3::date)
        ORDER BY array_position($2::text[], po.role), po.start_date DESC LIMIT 1`,
      [unitId, roles, date],
    )
    .then((r) => r[0] ?? null);
}

/** The roles a person held in a unit on a date. */
export function rolesOf(db: Queryable, personId: string, unitId: string, date: string) {
  return db
    .query<{ role: string }>(
      `SELECT po.role FROM positions po
        WHERE po.person_id = $1 AND po.unit_id = $2 AND po.start_date <= $3::date AND (po.end_date IS NULL OR po.end_date >= $3::date)`,
      [personId, unitId, date],
    )
    .then((r) => r.map((x) => x.role));
}

/** The evidence files posted with the progress of some commitments (name and type), oldest first. */
export function listEvidenceFiles(db: Queryable, commitmentIds: readonly string[]) {
  if (commitmentIds.length === 0) return Promise.resolve([]);
  return db.query<{ commitment_id: string; file_name: string; mime_type: string }>(
    `SELECT pu.commitment_id, ef.file_name, ef.mime_type FROM evidence_files ef JOIN progress_updates pu ON pu.id = ef.progress_update_id
      WHERE pu.commitment_id = ANY($1::uuid[]) ORDER BY ef.created_at, ef.file_name`,
    [commitmentIds],
  );
}
