/**
 * Read-only SQL over the campaign tables that supervision, evaluation and commendation share
 * (campaigns, the cells taking part, their members, commitments and violations). The campaign
 * and registration slices own these tables; here we only read them.
 */
import type { Queryable } from "../../db/client.js";
import { getCampaignRecord, type CampaignRecord } from "../campaigns/campaigns.queries.js";
import { isInScopeSubtree } from "../units/units.queries.js";

export type CampaignRow = Pick<CampaignRecord, "id" | "unit_id" | "name" | "year" | "period_start" | "period_end" | "status">;

/** The campaigns owner's read (one SQL for every feature). */
export const getCampaign: (db: Queryable, id: string) => Promise<CampaignRow | null> = getCampaignRecord;

/** A unit's name and kind on today's tree (a unit that has ended keeps its last name). */
export function getUnitInfo(db: Queryable, unitId: string, today: string) {
  return db
    .query<{ id: string; kind: string; name: string; parent_id: string | null }>(
      `SELECT u.id, u.kind, l.name, l.parent_id FROM units u JOIN units_latest($2::date) l ON l.unit_id = u.id WHERE u.id = $1`,
      [unitId, today],
    )
    .then((r) => r[0] ?? null);
}

/** Is `unitId` in the subtree of the campaign's launching unit (on today's permissions' tree)? The units owner's check. */
export function isUnitInCampaign(db: Queryable, campaignUnitId: string, unitId: string, today: string) {
  return isInScopeSubtree(db, campaignUnitId, unitId, today);
}

export interface CampaignUnitRow {
  campaign_id: string;
  campaign_name: string;
  campaign_year: number;
  campaign_closed: boolean;
  period_start: string;
  period_end: string;
  unit_id: string;
  unit_name: string;
  unit_kind: string;
  parent_id: string | null;
}

/**
 * (campaign, unit) pairs: units of the given kinds inside each campaign's subtree, restricted to
 * `units` (null = all). Campaigns under way first, then ended ones; newest first, then unit name.
 */
export function listCampaignUnits(
  db: Queryable,
  f: { units: string[] | null; kinds: string[]; today: string; campaignId?: string | null },
) {
  return db.query<CampaignUnitRow>(
    `SELECT c.id AS campaign_id, c.name AS campaign_name, c.year AS campaign_year, c.status = 'closed' AS campaign_closed,
            c.period_start, c.period_end,
            u.id AS unit_id, l.name AS unit_name, u.kind AS unit_kind, l.parent_id
       FROM campaigns c
       CROSS JOIN LATERAL unit_scope_subtree(c.unit_id, $3::date) t
       JOIN units u ON u.id = t.unit_id
       JOIN units_latest($3::date) l ON l.unit_id = u.id
      WHERE u.kind = ANY($2::text[])
        AND ($1::uuid[] IS NULL OR u.id = ANY($1::uuid[]))
        AND ($4::uuid IS NULL OR c.id = $4::uuid)
        AND c.status <> 'draft'
      -- campaigns under way first (pickers default to the first), then the ended ones, newest first
      ORDER BY c.status = 'closed', c.period_end DESC, c.name, l.name`,
    [f.units, f.kinds, f.today, f.campaignId ?? null],
  );
}

export interface MemberRow {
  person_id: string;
  full_name: string;
  role: string | null;
  sort_key: string;
}

/**
 * The members of a unit for a campaign: everyone holding a position there at some time in the
 * campaign period, plus anyone with an individual registration in the unit for the campaign.
 */
export function listCampaignMembers(db: Queryable, f: { campaignId: string; unitId: string; from: string; to: string }) {
  return db.query<MemberRow>(
    `WITH pos AS (
       SELECT DISTINCT ON (p.person_id) p.person_id, p.role
         FROM positions p
        WHERE p.unit_id = $2 AND p.start_date <= $4::date AND (p.end_date IS NULL OR p.end_date >= $3::date)
        ORDER BY p.person_id, CASE p.role WHEN 'secretary' THEN 0 WHEN 'deputy_secretary' THEN 1 WHEN 'committee_member' THEN 2 ELSE 3 END
     ), ids AS (
       SELECT person_id FROM pos
       UNION
       SELECT r.person_id FROM registrations r WHERE r.campaign_id = $1 AND r.unit_id = $2 AND r.person_id IS NOT NULL
     )
     SELECT pe.id AS person_id, pe.full_name, pos.role, pe.sort_key
       FROM ids JOIN persons pe ON pe.id = ids.person_id
       LEFT JOIN pos ON pos.person_id = pe.id
      ORDER BY CASE pos.role WHEN 'secretary' THEN 0 WHEN 'deputy_secretary' THEN 1 WHEN 'committee_member' THEN 2 ELSE 3 END,
               pe.sort_key COLLATE "C", pe.id`,
    [f.campaignId, f.unitId, f.from, f.to],
  );
}

export interface CommitmentRow {
  id: string;
  registration_id: string;
  registration_status: string;
  person_id: string | null;
  collective_name: string | null;
  criterion_code: string;
  criterion_title: string;
  item_code: string;
  item_title: string;
  mandatory: boolean;
  action: string;
  target: string | null;
  deadline: string | null;
  status: "not_started" | "in_progress" | "achieved" | "not_achieved";
  judged_status: "achieved" | "not_achieved" | null;
  judged_note: string | null;
  judged_exceeded: boolean;
  /** The stored outcome (registrations/commitments.ts); null only before the start-up backfill. */
  achieved: boolean | null;
}

const COMMITMENT_SELECT = `
  SELECT cm.id, cm.registration_id, r.status AS registration_status, r.person_id, r.collective_name,
         cr.code AS criterion_code, cr.title AS criterion_title, ci.code AS item_code, ci.title AS item_title, ci.mandatory,
         cm.action, cm.target, cm.deadline, cm.status, cm.judged_status, cm.judged_note, cm.judged_exceeded, cm.achieved
    FROM commitments cm
    JOIN registrations r ON r.id = cm.registration_id
    JOIN criterion_items ci ON ci.id = cm.criterion_item_id
    JOIN criteria cr ON cr.id = ci.criterion_id`;

/** Commitments of a unit's registrations for a campaign (drafts left out: not yet committed). */
export function listUnitCommitments(db: Queryable, campaignId: string, unitId: string) {
  return db.query<CommitmentRow>(
    `${COMMITMENT_SELECT}
      WHERE r.campaign_id = $1 AND r.unit_id = $2 AND r.status <> 'draft'
      ORDER BY cr.sort, ci.sort, cm.sort, cm.created_at`,
    [campaignId, unitId],
  );
}

export function getCommitment(db: Queryable, id: string) {
  return db
    .query<CommitmentRow & { campaign_id: string; unit_id: string }>(
      `SELECT q.*, r2.campaign_id, r2.unit_id FROM (${COMMITMENT_SELECT} WHERE cm.id = $1) q JOIN registrations r2 ON r2.id = q.registration_id`,
      [id],
    )
    .then((r) => r[0] ?? null);
}

export interface ViolationRow {
  id: string;
  campaign_id: string;
  unit_id: string;
  person_id: string | null;
  person_name: string | null;
  commitment_id: string | null;
  kind: "traffic" | "littering" | "disorder" | "harassment" | "other";
  occurred_on: string;
  description: string;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
}

const VIOLATION_SELECT = `
  SELECT v.id, v.campaign_id, v.unit_id, v.person_id, pe.full_name AS person_name, v.commitment_id, v.kind, v.occurred_on,
         v.description, v.created_by, a.display_name AS created_by_name, v.created_at
    FROM violations v
    LEFT JOIN persons pe ON pe.id = v.person_id
    LEFT JOIN accounts a ON a.id = v.created_by`;

export function listUnitViolations(db: Queryable, campaignId: string, unitId: string) {
  return db.query<ViolationRow>(`${VIOLATION_SELECT} WHERE v.campaign_id = $1 AND v.unit_id = $2 ORDER BY v.occurred_on DESC, v.created_at DESC`, [
    campaignId,
    unitId,
  ]);
}

export function listPersonViolations(db: Queryable, personId: string) {
  return db.query<ViolationRow>(`${VIOLATION_SELECT} WHERE v.person_id = $1 ORDER BY v.occurred_on DESC, v.created_at DESC`, [personId]);
}

export function getViolation(db: Queryable, id: string) {
  return db.query<ViolationRow>(`${VIOLATION_SELECT} WHERE v.id = $1`, [id]).then((r) => r[0] ?? null);
}

/** The evaluation status of a unit for a campaign ('none' when not started). */
export function getEvaluationStatus(db: Queryable, campaignId: string, unitId: string) {
  return db
    .query<{ status: "draft" | "cell_approved" | "commune_approved" }>("SELECT status FROM evaluations WHERE campaign_id = $1 AND unit_id = $2", [
      campaignId,
      unitId,
    ])
    .then((r) => r[0]?.status ?? "none");
}

/** Secretaries (today) of a unit, to notify them. */
export function listSecretaries(db: Queryable, unitId: string, today: string) {
  return db
    .query<{ person_id: string }>(
      `SELECT DISTINCT person_id FROM positions
        WHERE unit_id = $1 AND role = 'secretary' AND start_date <= $2::date AND (end_date IS NULL OR end_date >= $2::date)`,
      [unitId, today],
    )
    .then((r) => r.map((x) => x.person_id));
}

/** The criteria of the campaign's set, in order (code 'I'…'V' and title). */
export function listCampaignCriteria(db: Queryable, campaignId: string) {
  return db.query<{ code: string; title: string }>(
    `SELECT cr.code, cr.title FROM campaigns c JOIN criteria cr ON cr.set_id = c.criteria_set_id WHERE c.id = $1 ORDER BY cr.sort, cr.code`,
    [campaignId],
  );
}

/** Is the person a member of the unit for the campaign (a position in the period, or a registration)? */
export function isCampaignMember(db: Queryable, f: { campaignId: string; unitId: string; personId: string; from: string; to: string }) {
  return db
    .query(
      `SELECT 1 FROM positions p WHERE p.person_id = $3 AND p.unit_id = $2 AND p.start_date <= $5::date AND (p.end_date IS NULL OR p.end_date >= $4::date)
       UNION ALL
       SELECT 1 FROM registrations r WHERE r.person_id = $3 AND r.unit_id = $2 AND r.campaign_id = $1
       LIMIT 1`,
      [f.campaignId, f.unitId, f.personId, f.from, f.to],
    )
    .then((r) => r.length > 0);
}
