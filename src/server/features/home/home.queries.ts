import type { Queryable } from "../../db/client.js";

/** Units with their kind and the name valid today (the latest version when none is). */
export function listUnitsBrief(db: Queryable, ids: string[], today: string) {
  return db.query<{ id: string; kind: string; name: string; parent_id: string | null }>(
    `SELECT u.id, u.kind, v.name, v.parent_id FROM units u
       JOIN LATERAL (SELECT name, parent_id FROM unit_versions x WHERE x.unit_id = u.id AND x.valid_from <= $2::date
                      ORDER BY x.valid_from DESC LIMIT 1) v ON true
      WHERE u.id = ANY($1::uuid[])`,
    [ids, today],
  );
}

/** Issued plans of a unit in a campaign that the person has not acknowledged. */
export function listUnacknowledgedPlans(db: Queryable, campaignId: string, unitId: string, personId: string) {
  return db.query<{ id: string; symbol: string | null; subject: string; issued_date: string | null }>(
    `SELECT p.id, p.symbol, p.subject, p.issued_date FROM plans p
      WHERE p.campaign_id = $1 AND p.unit_id = $2 AND p.status = 'issued'
        AND NOT EXISTS (SELECT 1 FROM plan_acknowledgements a WHERE a.plan_id = p.id AND a.person_id = $3)
      ORDER BY p.issued_date NULLS LAST`,
    [campaignId, unitId, personId],
  );
}

export function getOwnRegistration(db: Queryable, campaignId: string, unitId: string, personId: string) {
  return db
    .query<{ id: string; status: "draft" | "submitted" | "approved" | "returned"; return_reason: string | null }>(
      "SELECT id, status, return_reason FROM registrations WHERE campaign_id = $1 AND unit_id = $2 AND person_id = $3",
      [campaignId, unitId, personId],
    )
    .then((r) => r[0] ?? null);
}

/**
 * The person's commitments (submitted or approved sheets) not yet closed whose deadline is on or
 * before `until`, and that show no progress: never updated, or still not started.
 */
export function listDueCommitments(db: Queryable, registrationId: string, until: string) {
  return db.query<{ id: string; action: string; deadline: string; status: string; item_code: string; updates: number }>(
    `SELECT c.id, c.action, c.deadline, c.status, ci.code AS item_code,
            (SELECT count(*) FROM progress_updates pu WHERE pu.commitment_id = c.id) AS updates
       FROM commitments c
       JOIN registrations r ON r.id = c.registration_id
       JOIN criterion_items ci ON ci.id = c.criterion_item_id
      WHERE c.registration_id = $1 AND r.status IN ('submitted', 'approved')
        AND c.status IN ('not_started', 'in_progress') AND c.deadline IS NOT NULL AND c.deadline <= $2::date
        AND (c.status = 'not_started' OR NOT EXISTS (SELECT 1 FROM progress_updates pu WHERE pu.commitment_id = c.id))
      ORDER BY c.deadline, c.sort`,
    [registrationId, until],
  );
}

export function countRegistrationsByStatus(db: Queryable, campaignId: string, unitId: string) {
  return db.query<{ status: string; n: number }>(
    "SELECT status, count(*) AS n FROM registrations WHERE campaign_id = $1 AND unit_id = $2 GROUP BY status",
    [campaignId, unitId],
  );
}

/** People holding a position in the unit today with no submitted or approved registration. */
export function listUnregisteredMembers(db: Queryable, campaignId: string, unitId: string, today: string) {
  return db.query<{ person_id: string; full_name: string }>(
    `SELECT pe.id AS person_id, pe.full_name FROM persons pe
      WHERE EXISTS (SELECT 1 FROM positions p WHERE p.person_id = pe.id AND p.unit_id = $2
                      AND p.start_date <= $3::date AND (p.end_date IS NULL OR p.end_date >= $3::date))
        AND NOT EXISTS (SELECT 1 FROM registrations r WHERE r.campaign_id = $1 AND r.unit_id = $2 AND r.person_id = pe.id
                          AND r.status IN ('submitted', 'approved'))
      ORDER BY pe.sort_key COLLATE "C"`,
    [campaignId, unitId, today],
  );
}

/** The unit's plans in a campaign (KH), newest version first. */
export function listPlans(db: Queryable, campaignId: string, unitIds: string[]) {
  return db.query<{ id: string; unit_id: string; status: string }>(
    `SELECT id, unit_id, status FROM plans WHERE campaign_id = $1 AND unit_id = ANY($2::uuid[]) AND type_code = 'KH'
      ORDER BY version DESC, created_at DESC`,
    [campaignId, unitIds],
  );
}

export function listEvaluations(db: Queryable, campaignId: string, unitIds: string[]) {
  return db.query<{ id: string; unit_id: string; status: string }>(
    "SELECT id, unit_id, status FROM evaluations WHERE campaign_id = $1 AND unit_id = ANY($2::uuid[])",
    [campaignId, unitIds],
  );
}

export function getReportStatus(db: Queryable, campaignId: string, unitId: string) {
  return db
    .query<{ status: string }>("SELECT status FROM result_reports WHERE campaign_id = $1 AND unit_id = $2", [campaignId, unitId])
    .then((r) => r[0]?.status ?? null);
}

export function listSupervisionReports(db: Queryable, campaignId: string, unitId: string) {
  return db.query<{ status: string; period_start: string; period_end: string }>(
    "SELECT status, period_start, period_end FROM supervision_reports WHERE campaign_id = $1 AND unit_id = $2 ORDER BY period_end DESC",
    [campaignId, unitId],
  );
}

export function countPendingProposals(db: Queryable, campaignId: string, unitIds: string[]) {
  return db
    .query<{ n: number }>("SELECT count(*) AS n FROM commendation_proposals WHERE campaign_id = $1 AND unit_id = ANY($2::uuid[]) AND status = 'proposed'", [
      campaignId,
      unitIds,
    ])
    .then((r) => r[0]?.n ?? 0);
}
