import type { Queryable } from "../../db/client.js";
import { inScopeSql } from "../units/units.queries.js";

export interface AuditRow {
  id: number;
  at: Date;
  /** `at` to the microsecond (a JavaScript Date keeps milliseconds): the page cursor's key. */
  at_key: string;
  actor_username: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  unit_id: string | null;
  unit_name: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

/** Where a page of the audit list reads on from: the last entry's instant (to the microsecond, UTC) and id. */
export interface AuditKey {
  at: string;
  id: number;
}

/**
 * Audit entries of the given units (null = all, including entries without a unit), newest first
 * (at, then id, descending), `limit` of them after `after`: read along the index in that order
 * (audit_log_at_id, migration 0047), never counted.
 */
export function findAuditEntries(
  db: Queryable,
  f: { scope: { units: string[] | null; roots: string[] | null }; today: string; action: string | null; actor: string | null; from: string | null; to: string | null; after: AuditKey | null; limit: number },
) {
  const params: unknown[] = [f.scope.units, f.action, f.actor, f.from, f.to, f.scope.roots, f.today, f.limit];
  // the condition is left out of the first page rather than written `$x IS NULL OR …`, which a generic plan cannot use as an index bound
  const keyset = f.after ? `AND (a.at, a.id) < ($9::timestamptz, $10::bigint)` : "";
  if (f.after) params.push(f.after.at, f.after.id);
  // the unit's current name looked up for the page's rows only, not for every unit of the tree
  return db.query<AuditRow>(
    `SELECT a.id, a.at, to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_key,
            a.actor_username, a.action, a.subject_type, a.subject_id, a.unit_id, l.name AS unit_name, a.before, a.after, a.ip
       FROM audit_log a
       LEFT JOIN LATERAL (SELECT v.name FROM unit_versions v WHERE v.unit_id = a.unit_id AND v.valid_from <= CURRENT_DATE
                           ORDER BY v.valid_from DESC LIMIT 1) l ON true
      WHERE ${inScopeSql("a.unit_id", "$1", "$6", "$7")}
        AND ($2::text IS NULL OR a.action LIKE $2 || '%')
        AND ($3::text IS NULL OR a.actor_username = $3)
        AND ($4::date IS NULL OR a.at >= ($4::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'))
        AND ($5::date IS NULL OR a.at < (($5::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'))
        ${keyset}
      ORDER BY a.at DESC, a.id DESC LIMIT $8`,
    params,
  );
}
