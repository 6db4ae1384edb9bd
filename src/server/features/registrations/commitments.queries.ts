import type { Queryable } from "../../db/client.js";

export interface OutcomeFactRow {
  id: string;
  person_id: string | null;
  status: string;
  judged_status: "achieved" | "not_achieved" | null;
  achieved: boolean | null;
  criterion_code: string;
  item_code: string;
  period_start: string;
  period_end: string;
  violations: { kind: "traffic" | "littering" | "disorder" | "harassment" | "other"; occurred_on: string; commitment_id: string | null; person_id: string | null }[];
}

/**
 * The violations a commitment's outcome depends on (those of the same person in the campaign, or
 * linked to the commitment), as a JSON array: a subquery over `r` (its registration) and `c` (the
 * commitment), for the readers that need a commitment's outcome facts in their own round trip.
 */
export const OUTCOME_VIOLATIONS_SQL = `COALESCE((SELECT json_agg(json_build_object('kind', v.kind, 'occurred_on', v.occurred_on::text, 'commitment_id', v.commitment_id, 'person_id', v.person_id) ORDER BY v.id)
                        FROM violations v
                       WHERE v.campaign_id = r.campaign_id AND ((r.person_id IS NOT NULL AND v.person_id = r.person_id) OR v.commitment_id = c.id)), '[]'::json)`;

/**
 * A fingerprint of everything but the status a commitment's outcome depends on (its judgement, the
 * campaign's period, the violations above), over `r`, `c` and the campaign `ca`: a write that
 * decided an outcome from facts read earlier checks in the same statement that they still hold.
 */
export const OUTCOME_FACTS_STAMP_SQL = `md5(concat_ws('|', c.judged_status, ca.period_start, ca.period_end, ${OUTCOME_VIOLATIONS_SQL}::text))`;

/**
 * The commitments in scope with everything their outcome depends on, in one round trip: status,
 * judgement, criterion, the campaign period and the violations of the same person or linked to it.
 * Scope: commitments by id, or a campaign's commitments (of some people, or all).
 */
export function loadOutcomeFacts(db: Queryable, s: { campaignId: string | null; personIds: string[] | null; commitmentIds: string[] | null }) {
  return db.query<OutcomeFactRow>(
    `WITH target AS (
       SELECT c.id FROM commitments c WHERE c.id = ANY($3::uuid[])
       UNION
       SELECT c.id FROM registrations r JOIN commitments c ON c.registration_id = r.id
        WHERE $1::uuid IS NOT NULL AND r.campaign_id = $1 AND ($2::uuid[] IS NULL OR r.person_id = ANY($2::uuid[]))
     )
     SELECT c.id, r.person_id, c.status, c.judged_status, c.achieved, cr.code AS criterion_code, ci.code AS item_code,
            ca.period_start::text AS period_start, ca.period_end::text AS period_end, ${OUTCOME_VIOLATIONS_SQL} AS violations
       FROM target t
       JOIN commitments c ON c.id = t.id
       JOIN registrations r ON r.id = c.registration_id
       JOIN campaigns ca ON ca.id = r.campaign_id
       JOIN criterion_items ci ON ci.id = c.criterion_item_id
       JOIN criteria cr ON cr.id = ci.criterion_id`,
    [s.campaignId, s.personIds, s.commitmentIds ?? []],
  );
}

export async function writeOutcomes(db: Queryable, ids: string[], values: boolean[]) {
  await db.query(
    `UPDATE commitments c SET achieved = t.achieved FROM unnest($1::uuid[], $2::boolean[]) AS t(id, achieved)
      WHERE c.id = t.id AND c.achieved IS DISTINCT FROM t.achieved`,
    [ids, values],
  );
}

export function listCampaignsWithUnknownOutcomes(db: Queryable) {
  return db
    .query<{ campaign_id: string }>(
      "SELECT DISTINCT r.campaign_id FROM commitments c JOIN registrations r ON r.id = c.registration_id WHERE c.achieved IS NULL",
    )
    .then((rows) => rows.map((r) => r.campaign_id));
}

/** What the rule left unchanged (not achieved) is stored as such, so the campaign is not visited again. */
export async function markUnknownOutcomesFalse(db: Queryable, campaignId: string) {
  await db.query(
    "UPDATE commitments c SET achieved = false FROM registrations r WHERE r.id = c.registration_id AND r.campaign_id = $1 AND c.achieved IS NULL",
    [campaignId],
  );
}

export async function updateStatus(db: Queryable, commitmentId: string, status: string) {
  await db.query("UPDATE commitments SET status = $2, updated_at = now() WHERE id = $1", [commitmentId, status]);
}

export async function updateJudgement(db: Queryable, id: string, j: { status: "achieved" | "not_achieved" | null; exceeded: boolean; note: string | null; by: string | null }) {
  await db.query(
    "UPDATE commitments SET judged_status = $2, judged_exceeded = $3, judged_note = $4, judged_by = $5, judged_at = now() WHERE id = $1",
    [id, j.status, j.exceeded, j.note, j.by],
  );
}

export function listCampaignIds(db: Queryable) {
  return db.query<{ id: string }>("SELECT id FROM campaigns ORDER BY created_at").then((rows) => rows.map((r) => r.id));
}
