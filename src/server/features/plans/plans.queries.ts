import type { Queryable } from "../../db/client.js";

export interface PlanRow {
  id: string;
  campaign_id: string;
  unit_id: string;
  unit_name: string;
  unit_symbol_code: string;
  parent_plan_id: string | null;
  previous_version_id: string | null;
  version: number;
  status: "draft" | "issued" | "superseded";
  type_code: string;
  number: number | null;
  symbol: string | null;
  issued_date: string | null;
  place: string;
  subject: string;
  basis: { text: string; planId: string | null }[];
  preamble: string | null;
  sections: StoredSection[];
  closing: string | null;
  recipients: string[];
  signature_titles: string[];
  signer_person_id: string | null;
  signer_name: string | null;
  created_by: string | null;
  issued_by: string | null;
  issued_by_name: string | null;
  issued_at: Date | null;
  created_at: Date;
}

export interface StoredSection {
  heading: string;
  paragraphs: { kind: "bullet" | "text" | "subheading"; text: string }[];
  responsibilities: { role: string; text: string }[];
}

const PLAN_COLUMNS = `
         p.id, p.campaign_id, p.unit_id,
         COALESCE((SELECT v.name FROM unit_versions v WHERE v.unit_id = p.unit_id AND v.valid_from <= COALESCE(p.issued_date, CURRENT_DATE)
                    ORDER BY v.valid_from DESC LIMIT 1),
                  (SELECT v.name FROM unit_versions v WHERE v.unit_id = p.unit_id ORDER BY v.valid_from LIMIT 1)) AS unit_name,
         COALESCE((SELECT v.symbol_code FROM unit_versions v WHERE v.unit_id = p.unit_id AND v.valid_from <= COALESCE(p.issued_date, CURRENT_DATE)
                    ORDER BY v.valid_from DESC LIMIT 1),
                  (SELECT v.symbol_code FROM unit_versions v WHERE v.unit_id = p.unit_id ORDER BY v.valid_from LIMIT 1)) AS unit_symbol_code,
         p.parent_plan_id, p.previous_version_id, p.version, p.status, p.type_code, p.number, p.symbol, p.issued_date, p.place,
         p.subject, p.basis, p.preamble, p.sections, p.closing, p.recipients, p.signature_titles, p.signer_person_id, p.signer_name,
         p.created_by, p.issued_by, (SELECT a.display_name FROM accounts a WHERE a.id = p.issued_by) AS issued_by_name,
         p.issued_at, p.created_at`;
const PLAN_SELECT = `SELECT ${PLAN_COLUMNS} FROM plans p`;

export function getPlan(db: Queryable, id: string) {
  return db.query<PlanRow>(`${PLAN_SELECT} WHERE p.id = $1`, [id]).then((r) => r[0] ?? null);
}

export function lockPlan(db: Queryable, id: string) {
  return db.query<{ id: string; status: string }>("SELECT id, status FROM plans WHERE id = $1 FOR UPDATE", [id]).then((r) => r[0] ?? null);
}

/** Every version of the plans of a campaign (all units), oldest version first. */
export function listCampaignPlans(db: Queryable, campaignId: string) {
  return db.query<PlanRow>(`${PLAN_SELECT} WHERE p.campaign_id = $1 ORDER BY p.unit_id, p.version`, [campaignId]);
}

/** The versions of one unit's plan in a campaign (one chain per unit, campaign and type). */
export function listUnitPlanVersions(db: Queryable, campaignId: string, unitId: string, typeCode: string) {
  return db.query<PlanRow>(`${PLAN_SELECT} WHERE p.campaign_id = $1 AND p.unit_id = $2 AND p.type_code = $3 ORDER BY p.version`, [
    campaignId,
    unitId,
    typeCode,
  ]);
}

export function planChainExists(db: Queryable, campaignId: string, unitId: string, typeCode: string) {
  return db
    .query("SELECT 1 FROM plans WHERE campaign_id = $1 AND unit_id = $2 AND type_code = $3", [campaignId, unitId, typeCode])
    .then((r) => r.length > 0);
}

export function successorOf(db: Queryable, planId: string) {
  return db.query<{ id: string; status: string }>("SELECT id, status FROM plans WHERE previous_version_id = $1", [planId]).then((r) => r[0] ?? null);
}

/** Numbers already used by a unit for a document type (issued plans of other campaigns included). */
export function listUsedNumbers(db: Queryable, unitId: string, typeCode: string, exceptCampaignId: string | null) {
  return db.query<{ number: number; type_code: string; issued_date: string; campaign_id: string; symbol: string | null }>(
    `SELECT number, type_code, issued_date, campaign_id, symbol FROM plans
      WHERE unit_id = $1 AND type_code = $2 AND number IS NOT NULL AND issued_date IS NOT NULL
        AND status IN ('issued', 'superseded') AND ($3::uuid IS NULL OR campaign_id <> $3)`,
    [unitId, typeCode, exceptCampaignId],
  );
}

/** The committee term of a unit on a date, when one is recorded. */
export function findCommitteeTerm(db: Queryable, unitId: string, date: string) {
  return db
    .query<{ name: string; start_date: string; end_date: string | null }>(
      `SELECT name, start_date, end_date FROM committee_terms
        WHERE unit_id = $1 AND start_date <= $2::date ORDER BY start_date DESC LIMIT 1`,
      [unitId, date],
    )
    .then((r) => r[0] ?? null);
}

export interface PlanWrite {
  number: number | null;
  issuedDate: string | null;
  place: string;
  subject: string;
  basis: { text: string; planId: string | null }[];
  preamble: string | null;
  sections: StoredSection[];
  closing: string | null;
  recipients: string[];
  signatureTitles: string[];
  signerPersonId: string | null;
  signerName: string | null;
}

/** The editable content of a plan as SQL parameters, in the column order both statements use. */
function contentParams(p: PlanWrite): unknown[] {
  return [
    p.number,
    p.issuedDate,
    p.place,
    p.subject,
    JSON.stringify(p.basis),
    p.preamble,
    JSON.stringify(p.sections),
    p.closing,
    JSON.stringify(p.recipients),
    JSON.stringify(p.signatureTitles),
    p.signerPersonId,
    p.signerName,
  ];
}

export async function insertPlan(
  db: Queryable,
  p: PlanWrite & { campaignId: string; unitId: string; parentPlanId: string | null; previousVersionId: string | null; version: number; typeCode: string; createdBy: string | null },
): Promise<string> {
  const r = await db.query<{ id: string }>(
    `INSERT INTO plans (campaign_id, unit_id, parent_plan_id, previous_version_id, version, status, type_code, number, issued_date, place,
                        subject, basis, preamble, sections, closing, recipients, signature_titles, signer_person_id, signer_name, created_by)
     VALUES ($1, $2, $3, $4, $5, 'draft', $6, $7, $8, $9, $10, $11::jsonb, $12, $13::jsonb, $14, $15::jsonb, $16::jsonb, $17, $18, $19)
     RETURNING id`,
    [
      p.campaignId,
      p.unitId,
      p.parentPlanId,
      p.previousVersionId,
      p.version,
      p.typeCode,
      ...contentParams(p),
      p.createdBy,
    ],
  );
  return r[0]!.id;
}

export function updatePlanContent(db: Queryable, id: string, p: PlanWrite) {
  return db.query(
    `UPDATE plans SET number = $2, issued_date = $3, place = $4, subject = $5, basis = $6::jsonb, preamble = $7, sections = $8::jsonb,
            closing = $9, recipients = $10::jsonb, signature_titles = $11::jsonb, signer_person_id = $12, signer_name = $13, updated_at = now()
      WHERE id = $1`,
    [
      id,
      ...contentParams(p),
    ],
  );
}

export function markIssued(db: Queryable, id: string, p: { number: number; symbol: string; date: string; accountId: string | null; at: Date | null }) {
  return db.query(
    `UPDATE plans SET status = 'issued', number = $2, symbol = $3, issued_date = $4, issued_by = $5, issued_at = COALESCE($6::timestamptz, now()),
            updated_at = now() WHERE id = $1`,
    [id, p.number, p.symbol, p.date, p.accountId, p.at],
  );
}

export function markSuperseded(db: Queryable, id: string) {
  return db.query("UPDATE plans SET status = 'superseded', updated_at = now() WHERE id = $1 AND status = 'issued'", [id]);
}

export async function deletePlan(db: Queryable, id: string) {
  await db.query("DELETE FROM plans WHERE id = $1 AND status = 'draft'", [id]);
}

/** Serialises numbering of one unit's documents of one type (two secretaries issuing at once). */
export function lockNumbering(db: Queryable, unitId: string, typeCode: string) {
  return db.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`plan-number:${unitId}:${typeCode}`]);
}

// ---------------------------------------------------------------------------------------------
// Members and acknowledgements.

export interface MemberRow {
  person_id: string;
  full_name: string;
  role: string;
  title: string | null;
  acknowledged_at: Date | null;
}

/** The people holding a position in the unit on `today` (one row each, highest role first), with their acknowledgement of the plan. */
export function listMembersWithAcknowledgement(db: Queryable, unitId: string, planId: string, today: string) {
  return db.query<MemberRow>(
    `SELECT m.person_id, m.full_name, m.role, m.title, a.acknowledged_at
       FROM (SELECT DISTINCT ON (pe.id) pe.id AS person_id, pe.full_name, pe.sort_key, po.role, po.title,
                    CASE po.role WHEN 'secretary' THEN 0 WHEN 'deputy_secretary' THEN 1 WHEN 'committee_member' THEN 2 ELSE 3 END AS rank
               FROM positions po JOIN persons pe ON pe.id = po.person_id
              WHERE po.unit_id = $1 AND po.start_date <= $3::date AND (po.end_date IS NULL OR po.end_date >= $3::date)
              ORDER BY pe.id, rank) m
       LEFT JOIN plan_acknowledgements a ON a.plan_id = $2 AND a.person_id = m.person_id
      ORDER BY m.rank, m.sort_key COLLATE "C", m.person_id`,
    [unitId, planId, today],
  );
}

export function listCurrentMemberIds(db: Queryable, unitId: string, today: string) {
  return db
    .query<{ person_id: string }>(
      `SELECT DISTINCT person_id FROM positions
        WHERE unit_id = $1 AND start_date <= $2::date AND (end_date IS NULL OR end_date >= $2::date)`,
      [unitId, today],
    )
    .then((r) => r.map((x) => x.person_id));
}

/** The secretary of a unit on a date (the plan's signer by default). */
export function findSecretary(db: Queryable, unitId: string, date: string) {
  return db
    .query<{ person_id: string; full_name: string }>(
      `SELECT pe.id AS person_id, pe.full_name FROM positions po JOIN persons pe ON pe.id = po.person_id
        WHERE po.unit_id = $1 AND po.role = 'secretary' AND po.start_date <= $2::date AND (po.end_date IS NULL OR po.end_date >= $2::date)
        ORDER BY po.start_date DESC LIMIT 1`,
      [unitId, date],
    )
    .then((r) => r[0] ?? null);
}

export function getAcknowledgement(db: Queryable, planId: string, personId: string) {
  return db
    .query<{ acknowledged_at: Date }>("SELECT acknowledged_at FROM plan_acknowledgements WHERE plan_id = $1 AND person_id = $2", [planId, personId])
    .then((r) => r[0] ?? null);
}

export function insertAcknowledgement(db: Queryable, planId: string, personId: string, at: Date | null = null) {
  return db.query("INSERT INTO plan_acknowledgements (plan_id, person_id, acknowledged_at) VALUES ($1, $2, COALESCE($3::timestamptz, now()))", [
    planId,
    personId,
    at,
  ]);
}

/** Per plan: how many current members acknowledged it. */
export function countAcknowledgements(db: Queryable, planIds: readonly string[], today: string) {
  if (planIds.length === 0) return Promise.resolve([] as { plan_id: string; acknowledged: number }[]);
  return db.query<{ plan_id: string; acknowledged: number }>(
    `SELECT a.plan_id, count(DISTINCT a.person_id) AS acknowledged
       FROM plan_acknowledgements a JOIN plans p ON p.id = a.plan_id
      WHERE a.plan_id = ANY($1::uuid[])
        AND EXISTS (SELECT 1 FROM positions po WHERE po.person_id = a.person_id AND po.unit_id = p.unit_id
                     AND po.start_date <= $2::date AND (po.end_date IS NULL OR po.end_date >= $2::date))
      GROUP BY a.plan_id`,
    [[...planIds], today],
  );
}

/**
 * Issued plans of the units where the person holds a position today, not acknowledged by them, in
 * campaigns not closed and not past their period (as the to-do list: acknowledging is moot then).
 */
export function listPlansToAcknowledge(db: Queryable, personId: string, today: string) {
  return db.query<PlanRow & { campaign_name: string }>(
    `SELECT ${PLAN_COLUMNS}, c.name AS campaign_name FROM plans p JOIN campaigns c ON c.id = p.campaign_id
      WHERE p.status = 'issued' AND c.status <> 'closed' AND c.period_end >= $2::date
        AND EXISTS (SELECT 1 FROM positions po WHERE po.person_id = $1 AND po.unit_id = p.unit_id
                     AND po.start_date <= $2::date AND (po.end_date IS NULL OR po.end_date >= $2::date))
        AND NOT EXISTS (SELECT 1 FROM plan_acknowledgements a WHERE a.plan_id = p.id AND a.person_id = $1)
      ORDER BY p.issued_date DESC, p.id`,
    [personId, today],
  );
}

export function planExists(db: Queryable, id: string) {
  return db.query("SELECT 1 FROM plans WHERE id = $1", [id]).then((r) => r.length > 0);
}

export function personExists(db: Queryable, id: string) {
  return db.query("SELECT 1 FROM persons WHERE id = $1", [id]).then((r) => r.length > 0);
}

/** The mass-mobilisation office under a unit (TTKV xã), named as on a date: it receives the reports. */
export function findMassMobilizationOffice(db: Queryable, parentUnitId: string, date: string) {
  return db
    .query<{ id: string; name: string; short_name: string | null }>(
      `SELECT u.id, v.name, v.short_name FROM units u JOIN unit_versions v ON v.unit_id = u.id
        WHERE u.kind = 'mass_mobilization_office' AND v.parent_id = $1 AND v.valid_from <= $2::date AND (v.valid_to IS NULL OR v.valid_to >= $2::date)
        LIMIT 1`,
      [parentUnitId, date],
    )
    .then((r) => r[0] ?? null);
}
