import type { Queryable } from "../../db/client.js";
import type { SheetCommitmentRow } from "../registrations/registrations.queries.js";
import { isInScopeSubtree } from "../units/units.queries.js";

export interface MemberSheetRow {
  person_id: string;
  position_id: string;
  full_name: string;
  birth_date: string | null;
  gender: string | null;
  categories: string[];
  role: string;
  title: string | null;
  start_date: string;
  external_code: string | null;
  phone: string | null;
  email: string | null;
}

/** Current members of a unit on a date with everything the members sheet shows, in sheet order. */
export function listMemberSheetRows(db: Queryable, unitId: string, today: string) {
  return db.query<MemberSheetRow>(
    `SELECT pe.id AS person_id, p.id AS position_id, pe.full_name, pe.birth_date, pe.gender, pe.categories, p.role, p.title,
            p.start_date, pe.external_code, pe.phone, pe.email
       FROM positions p JOIN persons pe ON pe.id = p.person_id
      WHERE p.unit_id = $1 AND p.start_date <= $2::date AND (p.end_date IS NULL OR p.end_date >= $2::date)
      ORDER BY CASE p.role WHEN 'secretary' THEN 0 WHEN 'deputy_secretary' THEN 1 WHEN 'committee_member' THEN 2 ELSE 3 END,
               pe.sort_key COLLATE "C", pe.id`,
    [unitId, today],
  );
}

/** The campaigns owner's read (one SQL for every feature). */
export { getCampaignRecord as getCampaign } from "../campaigns/campaigns.queries.js";

/** Whether a unit takes part in a campaign: it is in the launching unit's subtree at the end of the period (the units owner's check). */
export function takesPart(db: Queryable, campaign: { unit_id: string; period_end: string }, unitId: string) {
  return isInScopeSubtree(db, campaign.unit_id, unitId, campaign.period_end);
}

/** A row of the exported sheet: the commitment as an import compares it, with the member's role and the criterion. */
export interface CommitmentSheetRow extends SheetCommitmentRow {
  role: string | null;
  criterion_code: string;
}

/** Every commitment of a cell's registrations in a campaign, in sheet order. */
export function listCommitmentSheetRows(db: Queryable, campaignId: string, unitId: string, today: string) {
  return db.query<CommitmentSheetRow>(
    `SELECT c.id AS commitment_id, r.id AS registration_id, r.status AS registration_status, r.person_id,
            COALESCE(pe.full_name, r.collective_name) AS full_name,
            pos.role,
            cr.code AS criterion_code, ci.code AS item_code, c.action, c.target, c.place, c.start_date, c.deadline
       FROM commitments c
       JOIN registrations r ON r.id = c.registration_id
       JOIN criterion_items ci ON ci.id = c.criterion_item_id
       JOIN criteria cr ON cr.id = ci.criterion_id
       LEFT JOIN persons pe ON pe.id = r.person_id
       LEFT JOIN (SELECT DISTINCT ON (p.person_id) p.person_id, p.role FROM positions p
                   WHERE p.unit_id = $2 AND p.start_date <= $3::date AND (p.end_date IS NULL OR p.end_date >= $3::date)
                   ORDER BY p.person_id, p.start_date DESC) pos ON pos.person_id = r.person_id
      WHERE r.campaign_id = $1 AND r.unit_id = $2
      ORDER BY COALESCE(pe.sort_key, r.collective_name) COLLATE "C", r.id, cr.sort, ci.sort, c.sort, c.created_at, c.id`,
    [campaignId, unitId, today],
  );
}

export function listCriterionItems(db: Queryable, setId: string) {
  return db.query<{ id: string; code: string; criterion_code: string }>(
    "SELECT ci.id, ci.code, cr.code AS criterion_code FROM criterion_items ci JOIN criteria cr ON cr.id = ci.criterion_id WHERE cr.set_id = $1",
    [setId],
  );
}

export function listRegistrations(db: Queryable, campaignId: string, unitId: string) {
  return db.query<{ id: string; person_id: string | null; status: string }>(
    "SELECT id, person_id, status FROM registrations WHERE campaign_id = $1 AND unit_id = $2",
    [campaignId, unitId],
  );
}
