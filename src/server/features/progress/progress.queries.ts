import { AUDIT_COLUMNS } from "../../audit/record-action.js";
import { prepared, type Queryable } from "../../db/client.js";
import { OUTCOME_FACTS_STAMP_SQL, OUTCOME_VIOLATIONS_SQL, type OutcomeFactRow } from "../registrations/commitments.queries.js";

export interface CommitmentContextRow {
  id: string;
  registration_id: string;
  criterion_item_id: string;
  item_code: string;
  item_title: string;
  criterion_code: string;
  criterion_title: string;
  action: string;
  target: string | null;
  place: string | null;
  start_date: string | null;
  deadline: string | null;
  status: string;
  reg_status: string;
  unit_id: string;
  person_id: string | null;
  person_name: string | null;
  collective_name: string | null;
  campaign_id: string;
  campaign_name: string;
  /** The cell's evaluation of the campaign has been submitted or approved: progress is closed. */
  evaluation_locked: boolean;
  // What the commitment's outcome depends on besides its status (commitments.queries), and their fingerprint.
  judged_status: OutcomeFactRow["judged_status"];
  period_start: string;
  period_end: string;
  violations: OutcomeFactRow["violations"];
  outcome_stamp: string;
}

const COMMITMENT_CONTEXT = prepared(
  "progress.commitmentContext",
  `SELECT c.id, c.registration_id, c.criterion_item_id, ci.code AS item_code, ci.title AS item_title, cr.code AS criterion_code,
          cr.title AS criterion_title, c.action, c.target, c.place, c.start_date, c.deadline, c.status,
          r.status AS reg_status, r.unit_id, r.person_id, pe.full_name AS person_name, r.collective_name, r.campaign_id, ca.name AS campaign_name,
          EXISTS (SELECT 1 FROM evaluations e WHERE e.campaign_id = r.campaign_id AND e.unit_id = r.unit_id AND e.status <> 'draft') AS evaluation_locked,
          c.judged_status, ca.period_start::text AS period_start, ca.period_end::text AS period_end,
          ${OUTCOME_VIOLATIONS_SQL} AS violations, ${OUTCOME_FACTS_STAMP_SQL} AS outcome_stamp
     FROM commitments c
     JOIN registrations r ON r.id = c.registration_id
     JOIN campaigns ca ON ca.id = r.campaign_id
     JOIN criterion_items ci ON ci.id = c.criterion_item_id
     JOIN criteria cr ON cr.id = ci.criterion_id
     LEFT JOIN persons pe ON pe.id = r.person_id
    WHERE c.id = $1`,
);

/**
 * A commitment with what deciding about it needs, in one round trip: its registration, unit, owner,
 * campaign, whether the evaluation is locked, and the facts its outcome depends on.
 */
export function getCommitmentContext(db: Queryable, id: string) {
  return db.query<CommitmentContextRow>(COMMITMENT_CONTEXT, [id]).then((r) => r[0] ?? null);
}

const POST_PROGRESS = prepared(
  "progress.post",
  `WITH reg AS (SELECT r.status FROM registrations r WHERE r.id = $2 FOR SHARE),
        facts AS (SELECT ${OUTCOME_FACTS_STAMP_SQL} AS stamp, c.province_id
                    FROM commitments c JOIN registrations r ON r.id = c.registration_id JOIN campaigns ca ON ca.id = r.campaign_id
                   WHERE c.id = $1),
        pu AS (INSERT INTO progress_updates (commitment_id, status, note, created_by, province_id)
               SELECT $1::uuid, $3::text, $4::text, $5::uuid, facts.province_id FROM reg, facts WHERE reg.status = 'approved' AND facts.stamp = $6::text
               RETURNING id, created_at),
        cm AS (UPDATE commitments SET status = $3, achieved = $7::boolean, updated_at = now() WHERE id = $1 AND EXISTS (SELECT 1 FROM pu) RETURNING id),
        au AS (INSERT INTO audit_log (${AUDIT_COLUMNS}, province_id)
               SELECT $8::uuid, $9::text, $10::text, $11::text, $12::text, $13::uuid, $14::jsonb, $15::jsonb || jsonb_build_object('progressUpdateId', pu.id), $16::text, facts.province_id
                 FROM pu, cm, facts)
   SELECT (SELECT status FROM reg) AS reg_status, pu.id, pu.created_at FROM (SELECT 1) one LEFT JOIN pu ON true`,
);

/**
 * A progress update without evidence in one statement (one round trip, atomic on its own): the
 * registration held approved while it runs, the update, the commitment's new status and the
 * outcome the commitments owner decided for it (`outcomeOf`) from facts read earlier — written
 * only if those facts still hold (`stamp`) — and the audit row. The update and the audit row take
 * the commitment's province key as read here, which spares their triggers a lookup each. `id` is
 * null when nothing was written: the registration is not approved (`reg_status`), or the facts
 * moved (decide again).
 */
export async function postProgressAtOnce(
  db: Queryable,
  p: { commitmentId: string; registrationId: string; status: string; note: string | null; accountId: string; stamp: string; achieved: boolean; audit: unknown[] },
) {
  const rows = await db.query<{ reg_status: string | null; id: string | null; created_at: Date | null }>(POST_PROGRESS, [
    p.commitmentId,
    p.registrationId,
    p.status,
    p.note,
    p.accountId,
    p.stamp,
    p.achieved,
    ...p.audit,
  ]);
  return rows[0]!;
}

export interface ProgressRow {
  id: string;
  commitment_id: string;
  status: string;
  note: string | null;
  created_at: Date;
  created_by_name: string | null;
  item_code: string;
  action: string;
}

/** Progress updates of some commitments, newest first. */
export function listProgress(db: Queryable, commitmentIds: string[]) {
  return db.query<ProgressRow>(
    `SELECT pu.id, pu.commitment_id, pu.status, pu.note, pu.created_at, a.display_name AS created_by_name, ci.code AS item_code, cm.action
       FROM progress_updates pu
       JOIN commitments cm ON cm.id = pu.commitment_id
       JOIN criterion_items ci ON ci.id = cm.criterion_item_id
       LEFT JOIN accounts a ON a.id = pu.created_by
      WHERE pu.commitment_id = ANY($1::uuid[])
      ORDER BY pu.created_at DESC, pu.id`,
    [commitmentIds],
  );
}

export function listCommitmentIds(db: Queryable, registrationId: string) {
  return db.query<{ id: string }>("SELECT id FROM commitments WHERE registration_id = $1", [registrationId]).then((r) => r.map((x) => x.id));
}

export interface EvidenceMetaRow {
  id: string;
  progress_update_id: string | null;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
}

/** File metadata (never the bytes) of some progress updates. */
export function listEvidenceMeta(db: Queryable, progressUpdateIds: string[]) {
  if (progressUpdateIds.length === 0) return Promise.resolve([] as EvidenceMetaRow[]);
  return db.query<EvidenceMetaRow>(
    `SELECT id, progress_update_id, file_name, mime_type, size_bytes, sha256 FROM evidence_files
      WHERE progress_update_id = ANY($1::uuid[]) ORDER BY created_at, file_name`,
    [progressUpdateIds],
  );
}

/** One stored file with its bytes. */
export function getEvidenceFile(db: Queryable, id: string) {
  return db
    .query<EvidenceMetaRow & { unit_id: string; person_id: string | null; data: Uint8Array }>(
      `SELECT f.id, f.progress_update_id, f.unit_id, r.person_id, f.file_name, f.mime_type, f.size_bytes, f.sha256, f.data
         FROM evidence_files f
         LEFT JOIN progress_updates pu ON pu.id = f.progress_update_id
         LEFT JOIN commitments cm ON cm.id = pu.commitment_id
         LEFT JOIN registrations r ON r.id = cm.registration_id
        WHERE f.id = $1`,
      [id],
    )
    .then((r) => r[0] ?? null);
}

export interface RegistrationEventRow {
  at: Date;
  action: string;
  actor_name: string | null;
  after: { reason?: string; late?: boolean; resubmission?: boolean } | null;
}

/** The audited workflow steps of a registration (created, revised, submitted, approved, returned). */
export function listRegistrationEvents(db: Queryable, registrationId: string) {
  return db.query<RegistrationEventRow>(
    `SELECT l.at, l.action, COALESCE(a.display_name, l.actor_username) AS actor_name, l.after
       FROM audit_log l LEFT JOIN accounts a ON a.id = l.actor_account_id
      WHERE l.subject_type = 'registration' AND l.subject_id = $1 AND l.action LIKE 'registration.%'
      ORDER BY l.at DESC, l.id DESC`,
    [registrationId],
  );
}

export async function insertProgress(db: Queryable, p: { commitmentId: string; status: string; note: string | null; accountId: string }) {
  const rows = await db.query<{ id: string; created_at: Date }>(
    "INSERT INTO progress_updates (commitment_id, status, note, created_by) VALUES ($1, $2, $3, $4) RETURNING id, created_at",
    [p.commitmentId, p.status, p.note, p.accountId],
  );
  return rows[0]!;
}

export async function insertEvidence(
  db: Queryable,
  f: { unitId: string; progressUpdateId: string; fileName: string; mimeType: string; sizeBytes: number; sha256: string; data: Buffer; accountId: string },
) {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO evidence_files (unit_id, progress_update_id, file_name, mime_type, size_bytes, sha256, data, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [f.unitId, f.progressUpdateId, f.fileName, f.mimeType, f.sizeBytes, f.sha256, f.data, f.accountId],
  );
  return rows[0]!.id;
}

/** Registration status, re-read under a row lock inside the posting transaction. */
export function lockRegistrationStatus(db: Queryable, registrationId: string) {
  return db.query<{ status: string }>("SELECT status FROM registrations WHERE id = $1 FOR SHARE", [registrationId]).then((r) => r[0]?.status ?? null);
}
