import type { Queryable } from "../../db/client.js";

/**
 * Who hears of a hand-off between levels: reads of positions and of the tree (today's), one query
 * per hand-off whatever the number of units, so the feature that hands off only says to whom.
 */

/** People holding a current position with one of `roles` (every role when null) in any of the units. */
export function listHolders(db: Queryable, unitIds: readonly string[], roles: readonly string[] | null, today: string) {
  if (unitIds.length === 0) return Promise.resolve([] as string[]);
  return db
    .query<{ person_id: string }>(
      `SELECT DISTINCT person_id FROM positions
        WHERE unit_id = ANY($1::uuid[]) AND ($2::text[] IS NULL OR role = ANY($2::text[]))
          AND start_date <= $3::date AND (end_date IS NULL OR end_date >= $3::date)`,
      [[...unitIds], roles ? [...roles] : null, today],
    )
    .then((r) => r.map((x) => x.person_id));
}

/**
 * The secretaries of the units below the campaign's launching unit (today's tree) that issue an
 * implementing plan of their own (`kinds`: cells, the Front, the associations) — told when the
 * launching unit issues its plan. Nobody when `unitId` is not the campaign's launching unit.
 */
export function listCascadeSecretaries(db: Queryable, campaignId: string, unitId: string, kinds: readonly string[], today: string) {
  return db
    .query<{ person_id: string }>(
      `SELECT DISTINCT po.person_id
         FROM campaigns c
         JOIN unit_paths p ON p.ancestor_id = c.unit_id AND p.depth > 0
                          AND p.valid_from <= $3::date AND (p.valid_to IS NULL OR p.valid_to >= $3::date)
         JOIN units u ON u.id = p.descendant_id AND u.kind = ANY($4::text[])
         JOIN positions po ON po.unit_id = u.id AND po.role = 'secretary'
                          AND po.start_date <= $3::date AND (po.end_date IS NULL OR po.end_date >= $3::date)
        WHERE c.id = $1 AND c.unit_id = $2`,
      [campaignId, unitId, today, [...kinds]],
    )
    .then((r) => r.map((x) => x.person_id));
}
