import type { Queryable } from "../../db/client.js";

export interface NoteRow {
  id: string;
  campaign_id: string;
  unit_id: string;
  person_id: string | null;
  person_name: string | null;
  commitment_id: string | null;
  noted_on: string;
  note: string;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
}

const NOTE_SELECT = `
  SELECT n.id, n.campaign_id, n.unit_id, n.person_id, pe.full_name AS person_name, n.commitment_id, n.noted_on, n.note,
         n.created_by, a.display_name AS created_by_name, n.created_at
    FROM supervision_notes n
    LEFT JOIN persons pe ON pe.id = n.person_id
    LEFT JOIN accounts a ON a.id = n.created_by`;

export function listNotes(db: Queryable, campaignId: string, unitId: string, period?: { from: string; to: string }) {
  return db.query<NoteRow>(
    `${NOTE_SELECT}
      WHERE n.campaign_id = $1 AND n.unit_id = $2 AND ($3::date IS NULL OR n.noted_on BETWEEN $3::date AND $4::date)
      ORDER BY n.noted_on DESC, n.created_at DESC`,
    [campaignId, unitId, period?.from ?? null, period?.to ?? null],
  );
}

export function getNote(db: Queryable, id: string) {
  return db.query<NoteRow>(`${NOTE_SELECT} WHERE n.id = $1`, [id]).then((r) => r[0] ?? null);
}

export async function insertNote(
  db: Queryable,
  n: { campaignId: string; unitId: string; personId: string | null; commitmentId: string | null; notedOn: string; note: string; createdBy: string },
) {
  const r = await db.query<{ id: string }>(
    `INSERT INTO supervision_notes (campaign_id, unit_id, person_id, commitment_id, noted_on, note, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [n.campaignId, n.unitId, n.personId, n.commitmentId, n.notedOn, n.note, n.createdBy],
  );
  return r[0]!.id;
}

export async function deleteNote(db: Queryable, id: string) {
  await db.query("DELETE FROM supervision_notes WHERE id = $1", [id]);
}

export async function insertViolation(
  db: Queryable,
  v: { campaignId: string; unitId: string; personId: string; commitmentId: string | null; kind: string; occurredOn: string; description: string; createdBy: string },
) {
  const r = await db.query<{ id: string }>(
    `INSERT INTO violations (campaign_id, unit_id, person_id, commitment_id, kind, occurred_on, description, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [v.campaignId, v.unitId, v.personId, v.commitmentId, v.kind, v.occurredOn, v.description, v.createdBy],
  );
  return r[0]!.id;
}

export async function deleteViolation(db: Queryable, id: string) {
  await db.query("DELETE FROM evidence_files WHERE violation_id = $1", [id]);
  await db.query("DELETE FROM violations WHERE id = $1", [id]);
}

export interface EvidenceRow {
  id: string;
  violation_id: string | null;
  unit_id: string;
  file_name: string;
  mime_type: string;
  size_bytes: number;
}

/** Evidence files (without their bytes) of several violations. */
export function listViolationEvidence(db: Queryable, violationIds: string[]) {
  if (violationIds.length === 0) return Promise.resolve([] as EvidenceRow[]);
  return db.query<EvidenceRow>(
    `SELECT id, violation_id, unit_id, file_name, mime_type, size_bytes FROM evidence_files
      WHERE violation_id = ANY($1::uuid[]) ORDER BY created_at`,
    [violationIds],
  );
}

export function getEvidenceFile(db: Queryable, id: string) {
  return db
    .query<EvidenceRow & { data: Uint8Array }>(
      "SELECT id, violation_id, unit_id, file_name, mime_type, size_bytes, data FROM evidence_files WHERE id = $1",
      [id],
    )
    .then((r) => r[0] ?? null);
}

export async function insertEvidence(
  db: Queryable,
  f: { unitId: string; violationId: string; fileName: string; mimeType: string; sizeBytes: number; sha256: string; data: Buffer; createdBy: string },
) {
  const r = await db.query<{ id: string }>(
    `INSERT INTO evidence_files (unit_id, violation_id, file_name, mime_type, size_bytes, sha256, data, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [f.unitId, f.violationId, f.fileName, f.mimeType, f.sizeBytes, f.sha256, f.data, f.createdBy],
  );
  return r[0]!.id;
}

/** Counts of notes, violations and reports per (campaign, unit). */
export function countsByCampaignUnit(db: Queryable, campaignIds: string[], unitIds: string[]) {
  return db.query<{ campaign_id: string; unit_id: string; notes: number; violations: number; reports: number }>(
    `WITH k AS (
       SELECT campaign_id, unit_id, 1 AS n, 0 AS v, 0 AS r FROM supervision_notes WHERE campaign_id = ANY($1::uuid[]) AND unit_id = ANY($2::uuid[])
       UNION ALL SELECT campaign_id, unit_id, 0, 1, 0 FROM violations WHERE campaign_id = ANY($1::uuid[]) AND unit_id = ANY($2::uuid[])
       UNION ALL SELECT campaign_id, unit_id, 0, 0, 1 FROM supervision_reports WHERE campaign_id = ANY($1::uuid[]) AND unit_id = ANY($2::uuid[])
     )
     SELECT campaign_id, unit_id, sum(n)::int AS notes, sum(v)::int AS violations, sum(r)::int AS reports FROM k GROUP BY campaign_id, unit_id`,
    [campaignIds, unitIds],
  );
}

export interface ReportRow {
  id: string;
  campaign_id: string;
  unit_id: string;
  period_start: string;
  period_end: string;
  findings: unknown;
  summary: string | null;
  proposals: string | null;
  status: "draft" | "submitted";
  submitted_at: Date | null;
  submitted_by_username: string | null;
  submitted_by_name: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
}

const REPORT_SELECT = `
  SELECT s.id, s.campaign_id, s.unit_id, s.period_start, s.period_end, s.findings, s.summary, s.proposals, s.status, s.submitted_at,
         sa.username AS submitted_by_username, sa.display_name AS submitted_by_name, s.created_by, ca.display_name AS created_by_name, s.created_at
    FROM supervision_reports s
    LEFT JOIN accounts sa ON sa.id = s.submitted_by
    LEFT JOIN accounts ca ON ca.id = s.created_by`;

export function listReports(db: Queryable, campaignId: string, unitId: string) {
  return db.query<ReportRow>(`${REPORT_SELECT} WHERE s.campaign_id = $1 AND s.unit_id = $2 ORDER BY s.period_end DESC, s.created_at DESC`, [campaignId, unitId]);
}

export function getReport(db: Queryable, id: string) {
  return db.query<ReportRow>(`${REPORT_SELECT} WHERE s.id = $1`, [id]).then((r) => r[0] ?? null);
}

export async function insertReport(
  db: Queryable,
  r: { campaignId: string; unitId: string; periodStart: string; periodEnd: string; findings: unknown; summary: string | null; proposals: string | null; createdBy: string },
) {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO supervision_reports (campaign_id, unit_id, period_start, period_end, findings, summary, proposals, created_by)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8) RETURNING id`,
    [r.campaignId, r.unitId, r.periodStart, r.periodEnd, JSON.stringify(r.findings), r.summary, r.proposals, r.createdBy],
  );
  return rows[0]!.id;
}

export async function updateReport(
  db: Queryable,
  id: string,
  r: { periodStart: string; periodEnd: string; findings: unknown; summary: string | null; proposals: string | null },
) {
  await db.query(
    `UPDATE supervision_reports SET period_start = $2, period_end = $3, findings = $4::jsonb, summary = $5, proposals = $6, updated_at = now()
      WHERE id = $1`,
    [id, r.periodStart, r.periodEnd, JSON.stringify(r.findings), r.summary, r.proposals],
  );
}

export async function markReportSubmitted(db: Queryable, id: string, accountId: string) {
  await db.query("UPDATE supervision_reports SET status = 'submitted', submitted_at = now(), submitted_by = $2, updated_at = now() WHERE id = $1", [
    id,
    accountId,
  ]);
}
