import type { Queryable } from "../../db/client.js";
import { getCampaignRecord, type CampaignRecord } from "../campaigns/campaigns.queries.js";

export type CampaignRow = Pick<CampaignRecord, "id" | "unit_id" | "name" | "year" | "period_start" | "period_end" | "criteria_set_id" | "registration_deadline" | "status">;

const CAMPAIGN_COLS = "c.id, c.unit_id, c.name, c.year, c.period_start, c.period_end, c.criteria_set_id, c.registration_deadline, c.status";

/** The campaigns owner's read (one SQL for every feature). */
export const getCampaign: (db: Queryable, id: string) => Promise<CampaignRow | null> = getCampaignRecord;

/**
 * Campaigns (not drafts) whose launching unit's subtree contains one of `unitIds` (null = every
 * campaign), newest first, with the units of that list taking part.
 */
export function listCampaignsForUnits(db: Queryable, unitIds: string[] | null) {
  return db.query<CampaignRow & { unit_ids: string[] }>(
    `SELECT ${CAMPAIGN_COLS},
            ARRAY(SELECT s.unit_id FROM unit_scope_subtree(c.unit_id, c.period_end) s
                   WHERE $1::uuid[] IS NULL OR s.unit_id = ANY($1::uuid[])) AS unit_ids
       FROM campaigns c
      WHERE c.status <> 'draft'
      ORDER BY c.period_start DESC, c.name`,
    [unitIds],
  ).then((rows) => rows.filter((r) => r.unit_ids.length > 0));
}

/** Unit names as of a date (the name the unit had during the campaign). */
export function unitNames(db: Queryable, unitIds: string[], asOf: string) {
  return db
    .query<{ unit_id: string; name: string; kind: string }>(
      `SELECT u.id AS unit_id, u.kind,
              COALESCE((SELECT v.name FROM unit_versions v WHERE v.unit_id = u.id AND v.valid_from <= $2::date ORDER BY v.valid_from DESC LIMIT 1),
                       (SELECT v.name FROM unit_versions v WHERE v.unit_id = u.id ORDER BY v.valid_from LIMIT 1)) AS name
         FROM units u WHERE u.id = ANY($1::uuid[])`,
      [unitIds, asOf],
    )
    .then((rows) => new Map(rows.map((r) => [r.unit_id, r])));
}

export interface CriterionItemRow {
  id: string;
  code: string;
  title: string;
  guidance: string | null;
  mandatory: boolean;
  criterion_id: string;
  criterion_code: string;
  criterion_title: string;
}

/** The sub-items of a criteria set in display order. */
export function listCriterionItems(db: Queryable, setId: string) {
  return db.query<CriterionItemRow>(
    `SELECT ci.id, ci.code, ci.title, ci.guidance, ci.mandatory, c.id AS criterion_id, c.code AS criterion_code, c.title AS criterion_title
       FROM criterion_items ci JOIN criteria c ON c.id = ci.criterion_id
      WHERE c.set_id = $1 ORDER BY c.sort, ci.sort, ci.code`,
    [setId],
  );
}

export function listCriteria(db: Queryable, setId: string) {
  return db.query<{ id: string; code: string; title: string }>("SELECT id, code, title FROM criteria WHERE set_id = $1 ORDER BY sort, code", [setId]);
}

export interface RegistrationRow {
  id: string;
  campaign_id: string;
  unit_id: string;
  person_id: string | null;
  person_name: string | null;
  collective_name: string | null;
  status: "draft" | "submitted" | "approved" | "returned";
  submitted_at: Date | null;
  first_submitted_at: Date | null;
  submitted_late: boolean;
  reviewed_at: Date | null;
  reviewed_by_name: string | null;
  return_reason: string | null;
  created_at: Date;
}

const REG_COLS = `r.id, r.campaign_id, r.unit_id, r.person_id, pe.full_name AS person_name, r.collective_name, r.status,
  r.submitted_at, r.first_submitted_at, r.submitted_late, r.reviewed_at, a.display_name AS reviewed_by_name, r.return_reason, r.created_at`;
const REG_FROM = "registrations r LEFT JOIN persons pe ON pe.id = r.person_id LEFT JOIN accounts a ON a.id = r.reviewed_by";

export function getRegistration(db: Queryable, id: string) {
  return db.query<RegistrationRow>(`SELECT ${REG_COLS} FROM ${REG_FROM} WHERE r.id = $1`, [id]).then((r) => r[0] ?? null);
}

/** Locks the registration row for the rest of the transaction (state transitions). */
export function lockRegistration(db: Queryable, id: string) {
  return db.query<{ status: string }>("SELECT status FROM registrations WHERE id = $1 FOR UPDATE", [id]).then((r) => r[0]?.status ?? null);
}

export function findPersonalRegistration(db: Queryable, campaignId: string, unitId: string, personId: string) {
  return db
    .query<{ id: string }>("SELECT id FROM registrations WHERE campaign_id = $1 AND unit_id = $2 AND person_id = $3", [campaignId, unitId, personId])
    .then((r) => r[0]?.id ?? null);
}

export function findCollectiveRegistration(db: Queryable, campaignId: string, unitId: string, name: string) {
  return db
    .query<{ id: string }>(
      "SELECT id FROM registrations WHERE campaign_id = $1 AND unit_id = $2 AND person_id IS NULL AND lower(collective_name) = lower($3)",
      [campaignId, unitId, name],
    )
    .then((r) => r[0]?.id ?? null);
}

/** Registrations of a campaign in some units (null = all). */
export function listRegistrations(db: Queryable, campaignId: string, unitIds: string[] | null) {
  return db.query<RegistrationRow>(
    `SELECT ${REG_COLS} FROM ${REG_FROM} WHERE r.campaign_id = $1 AND ($2::uuid[] IS NULL OR r.unit_id = ANY($2::uuid[]))
      ORDER BY r.created_at`,
    [campaignId, unitIds],
  );
}

export interface CommitmentRow {
  id: string;
  registration_id: string;
  criterion_item_id: string;
  item_code: string;
  item_title: string;
  mandatory: boolean;
  criterion_code: string;
  criterion_title: string;
  action: string;
  target: string | null;
  place: string | null;
  start_date: string | null;
  deadline: string | null;
  status: "not_started" | "in_progress" | "achieved" | "not_achieved";
  sort: number;
  update_count: number;
  last_update_at: Date | null;
}

/** Commitments of some registrations, in criteria order, with how many progress updates each has. */
export function listCommitments(db: Queryable, registrationIds: string[]) {
  return db.query<CommitmentRow>(
    `SELECT cm.id, cm.registration_id, cm.criterion_item_id, ci.code AS item_code, ci.title AS item_title, ci.mandatory,
            cr.code AS criterion_code, cr.title AS criterion_title, cm.action, cm.target, cm.place, cm.start_date, cm.deadline,
            cm.status, cm.sort,
            (SELECT count(*) FROM progress_updates pu WHERE pu.commitment_id = cm.id) AS update_count,
            (SELECT max(pu.created_at) FROM progress_updates pu WHERE pu.commitment_id = cm.id) AS last_update_at
       FROM commitments cm
       JOIN criterion_items ci ON ci.id = cm.criterion_item_id
       JOIN criteria cr ON cr.id = ci.criterion_id
      WHERE cm.registration_id = ANY($1::uuid[])
      ORDER BY cr.sort, ci.sort, cm.sort, cm.created_at`,
    [registrationIds],
  );
}

export interface ModelRow {
  id: string;
  registration_id: string;
  name: string;
  field: string;
  address: string | null;
  content: string | null;
  expected_result: string | null;
  participants: string | null;
}

export function listModels(db: Queryable, registrationIds: string[]) {
  return db.query<ModelRow>(
    `SELECT id, registration_id, name, field, address, content, expected_result, participants
       FROM models WHERE registration_id = ANY($1::uuid[]) ORDER BY created_at, name`,
    [registrationIds],
  );
}

export interface MemberRow {
  person_id: string;
  full_name: string;
  sort_key: string;
  title: string | null;
  role: string;
}

/** People holding a position in the unit at some time during the period, in Vietnamese name order. */
export function listMembers(db: Queryable, unitId: string, from: string, to: string) {
  return db.query<MemberRow>(
    `SELECT * FROM (
       SELECT DISTINCT ON (pe.id) pe.id AS person_id, pe.full_name, pe.sort_key, p.title, p.role
         FROM positions p JOIN persons pe ON pe.id = p.person_id
        WHERE p.unit_id = $1 AND p.start_date <= $3::date AND (p.end_date IS NULL OR p.end_date >= $2::date)
        ORDER BY pe.id, p.start_date DESC) m
      ORDER BY m.sort_key COLLATE "C", m.person_id`,
    [unitId, from, to],
  );
}

// ---------------------------------------------------------------- writes

export async function insertRegistration(
  db: Queryable,
  r: { campaignId: string; unitId: string; personId: string | null; collectiveName: string | null },
) {
  const rows = await db.query<{ id: string }>(
    "INSERT INTO registrations (campaign_id, unit_id, person_id, collective_name) VALUES ($1, $2, $3, $4) RETURNING id",
    [r.campaignId, r.unitId, r.personId, r.collectiveName],
  );
  return rows[0]!.id;
}

export async function touchRegistration(db: Queryable, id: string, collectiveName: string | null | undefined) {
  await db.query("UPDATE registrations SET collective_name = COALESCE($2, collective_name), updated_at = now() WHERE id = $1", [id, collectiveName ?? null]);
}

export interface CommitmentValues {
  criterionItemId: string;
  action: string;
  target: string | null;
  place: string | null;
  startDate: string | null;
  deadline: string;
  sort: number;
}

export async function insertCommitment(db: Queryable, registrationId: string, c: CommitmentValues) {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO commitments (registration_id, criterion_item_id, action, target, place, start_date, deadline, sort)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [registrationId, c.criterionItemId, c.action, c.target, c.place, c.startDate, c.deadline, c.sort],
  );
  return rows[0]!.id;
}

export async function updateCommitment(db: Queryable, id: string, c: CommitmentValues) {
  await db.query(
    `UPDATE commitments SET criterion_item_id = $2, action = $3, target = $4, place = $5, start_date = $6, deadline = $7, sort = $8, updated_at = now()
      WHERE id = $1`,
    [id, c.criterionItemId, c.action, c.target, c.place, c.startDate, c.deadline, c.sort],
  );
}

export async function deleteCommitments(db: Queryable, ids: string[]) {
  if (ids.length) await db.query("DELETE FROM commitments WHERE id = ANY($1::uuid[])", [ids]);
}

export interface ModelValues {
  name: string;
  field: string;
  address: string | null;
  content: string | null;
  expectedResult: string | null;
  participants: string | null;
}

export async function insertModel(db: Queryable, registrationId: string, m: ModelValues) {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO models (registration_id, name, field, address, content, expected_result, participants)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [registrationId, m.name, m.field, m.address, m.content, m.expectedResult, m.participants],
  );
  return rows[0]!.id;
}

export async function updateModel(db: Queryable, id: string, m: ModelValues) {
  await db.query(
    "UPDATE models SET name = $2, field = $3, address = $4, content = $5, expected_result = $6, participants = $7 WHERE id = $1",
    [id, m.name, m.field, m.address, m.content, m.expectedResult, m.participants],
  );
}

export async function deleteModels(db: Queryable, ids: string[]) {
  if (ids.length) await db.query("DELETE FROM models WHERE id = ANY($1::uuid[])", [ids]);
}

/**
 * Moves a registration to `submitted` if it is still in one of `from`; returns false when another
 * request changed it first. The first submission fixes `first_submitted_at` and the late flag.
 */
export async function markSubmitted(db: Queryable, id: string, from: string[], late: boolean) {
  const rows = await db.query(
    `UPDATE registrations SET status = 'submitted', submitted_at = now(), first_submitted_at = COALESCE(first_submitted_at, now()),
            submitted_late = CASE WHEN first_submitted_at IS NULL THEN $3 ELSE submitted_late END, updated_at = now()
      WHERE id = $1 AND status = ANY($2::text[]) RETURNING id`,
    [id, from, late],
  );
  return rows.length > 0;
}

/** A submitted sheet back to draft, only while it waits for review; its first submission (and lateness) is kept. */
export async function markWithdrawn(db: Queryable, id: string) {
  const rows = await db.query(
    `UPDATE registrations SET status = 'draft', submitted_at = NULL, updated_at = now()
      WHERE id = $1 AND status = 'submitted' RETURNING id`,
    [id],
  );
  return rows.length > 0;
}

export async function markReviewed(db: Queryable, id: string, status: "approved" | "returned", accountId: string, reason: string | null) {
  const rows = await db.query(
    `UPDATE registrations SET status = $2, reviewed_at = now(), reviewed_by = $3, return_reason = COALESCE($4, return_reason), updated_at = now()
      WHERE id = $1 AND status = 'submitted' RETURNING id`,
    [id, status, accountId, reason],
  );
  return rows.length > 0;
}

/** People holding one of the roles in the unit today (to notify the secretary of a submission). */
/**
 * The accounts that wrote a registration (created, edited or submitted it through the app), read
 * from its audit records: the unit filter uses the audit log's (unit_id, at) index.
 */
export function listRegistrationAuthors(db: Queryable, registrationId: string, unitId: string) {
  return db.query<{ account_id: string; person_id: string | null }>(
    `SELECT DISTINCT l.actor_account_id AS account_id, a.person_id
       FROM audit_log l JOIN accounts a ON a.id = l.actor_account_id
      WHERE l.unit_id = $2 AND l.subject_type = 'registration' AND l.subject_id = $1
        AND l.action IN ('registration.create', 'registration.update', 'registration.submit')`,
    [registrationId, unitId],
  );
}

export function personsWithRole(db: Queryable, unitId: string, roles: string[], today: string) {
  return db
    .query<{ person_id: string }>(
      `SELECT DISTINCT person_id FROM positions WHERE unit_id = $1 AND role = ANY($2::text[]) AND start_date <= $3::date
          AND (end_date IS NULL OR end_date >= $3::date)`,
      [unitId, roles, today],
    )
    .then((r) => r.map((x) => x.person_id));
}

// ---------------------------------------------------------------- a cell's sheet, batch by batch (the Excel import)

/** One commitment of a cell's sheet as an imported row is compared with it. */
export interface SheetCommitmentRow {
  commitment_id: string;
  registration_id: string;
  registration_status: string;
  person_id: string | null;
  full_name: string;
  item_code: string;
  action: string;
  target: string | null;
  place: string | null;
  start_date: string | null;
  deadline: string | null;
}

/**
 * The commitments among `ids` that belong to the cell's registrations in the campaign: one query
 * per batch of imported rows, so an import never holds the whole sheet. The ids are looked up
 * first (primary key), then joined: a plan driven by the cell's registrations would read every
 * commitment of the sheet for each batch.
 */
export function listSheetCommitments(db: Queryable, campaignId: string, unitId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([] as SheetCommitmentRow[]);
  return db.query<SheetCommitmentRow>(
    `WITH c AS MATERIALIZED (SELECT * FROM commitments WHERE id = ANY($3::uuid[]))
     SELECT c.id AS commitment_id, r.id AS registration_id, r.status AS registration_status, r.person_id,
            COALESCE(pe.full_name, r.collective_name) AS full_name, ci.code AS item_code,
            c.action, c.target, c.place, c.start_date, c.deadline
       FROM c
       JOIN registrations r ON r.id = c.registration_id
       JOIN criterion_items ci ON ci.id = c.criterion_item_id
       LEFT JOIN persons pe ON pe.id = r.person_id
      WHERE r.campaign_id = $1 AND r.unit_id = $2`,
    [campaignId, unitId, ids],
  );
}

/**
 * What identifies each personal commitment of a cell's sheet without its id (person, sub-item,
 * action), in no particular order: an import reads it once to find the rows that carry no
 * "Mã dòng" (three short columns, not the sheet's rows).
 */
export function listSheetCommitmentKeys(db: Queryable, campaignId: string, unitId: string) {
  return db.query<{ commitment_id: string; person_id: string; item_code: string; action: string }>(
    `SELECT c.id AS commitment_id, r.person_id, ci.code AS item_code, c.action
       FROM commitments c
       JOIN registrations r ON r.id = c.registration_id
       JOIN criterion_items ci ON ci.id = c.criterion_item_id
      WHERE r.campaign_id = $1 AND r.unit_id = $2 AND r.person_id IS NOT NULL`,
    [campaignId, unitId],
  );
}

/** New draft personal registrations of a cell, ids chosen by the caller, in one statement. */
export async function insertDraftRegistrations(db: Queryable, campaignId: string, unitId: string, rs: { id: string; personId: string }[]) {
  if (!rs.length) return;
  await db.query(
    `INSERT INTO registrations (id, campaign_id, unit_id, person_id, status)
     SELECT id, $1, $2, person_id, 'draft' FROM unnest($3::uuid[], $4::uuid[]) AS t(id, person_id)`,
    [campaignId, unitId, rs.map((r) => r.id), rs.map((r) => r.personId)],
  );
}

/**
 * Commitments in one statement per call (array parameters), each with its registration. The rows
 * carry their sheet's province key (joined here), so the key's row trigger is skipped, and the
 * maintained counts move once for the statement (migration 0051).
 */
export async function insertCommitmentsBatch(db: Queryable, cs: (CommitmentValues & { registrationId: string })[]) {
  if (!cs.length) return;
  await db.query(
    `INSERT INTO commitments (registration_id, criterion_item_id, action, target, place, start_date, deadline, sort, province_id)
     SELECT t.*, r.province_id
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[], $8::int[])
         AS t(registration_id, criterion_item_id, action, target, place, start_date, deadline, sort)
       LEFT JOIN registrations r ON r.id = t.registration_id`,
    [
      cs.map((c) => c.registrationId),
      cs.map((c) => c.criterionItemId),
      cs.map((c) => c.action),
      cs.map((c) => c.target),
      cs.map((c) => c.place),
      cs.map((c) => c.startDate),
      cs.map((c) => c.deadline),
      cs.map((c) => c.sort),
    ],
  );
}

/** Updates the content of many commitments in one statement (their sort order stays). */
export async function updateCommitmentsBatch(db: Queryable, cs: (Omit<CommitmentValues, "sort"> & { id: string })[]) {
  if (!cs.length) return;
  await db.query(
    `UPDATE commitments c SET criterion_item_id = t.item_id, action = t.action, target = t.target, place = t.place,
            start_date = t.start_date, deadline = t.deadline, updated_at = now()
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[])
         AS t(id, item_id, action, target, place, start_date, deadline)
      WHERE c.id = t.id`,
    [cs.map((c) => c.id), cs.map((c) => c.criterionItemId), cs.map((c) => c.action), cs.map((c) => c.target), cs.map((c) => c.place), cs.map((c) => c.startDate), cs.map((c) => c.deadline)],
  );
}

/** Marks registrations as changed now. */
export async function touchRegistrations(db: Queryable, ids: string[]) {
  if (!ids.length) return;
  await db.query("UPDATE registrations SET updated_at = now() WHERE id = ANY($1::uuid[])", [ids]);
}
