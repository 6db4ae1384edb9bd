import type { Queryable } from "../../db/client.js";
import { inScopeSql } from "../units/units.queries.js";

export interface AuditRow {
  id: number;
  at: Date;
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

/** How far the audit list counts its matches (a page never counts the whole log). */
export const AUDIT_COUNT_CAP = 10_000;

/** Audit entries of the given units (null = all, including entries without a unit), newest first. */
export async function findAuditEntries(
  db: Queryable,
  f: { scope: { units: string[] | null; roots: string[] | null }; today: string; action: string | null; actor: string | null; from: string | null; to: string | null; limit: number; offset: number },
) {
  const where = `${inScopeSql("a.unit_id", "$1", "$6", "$7")}
    AND ($2::text IS NULL OR a.action LIKE $2 || '%')
    AND ($3::text IS NULL OR a.actor_username = $3)
    AND ($4::date IS NULL OR a.at >= ($4::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'))
    AND ($5::date IS NULL OR a.at < (($5::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'))`;
  const params = [f.scope.units, f.action, f.actor, f.from, f.to, f.scope.roots, f.today];
  const [rows, count] = await Promise.all([
    // the unit's current name looked up for the page's rows only, not for every unit of the tree
    db.query<AuditRow>(
      `SELECT a.id, a.at, a.actor_username, a.action, a.subject_type, a.subject_id, a.unit_id, l.name AS unit_name, a.before, a.after, a.ip
         FROM audit_log a
         LEFT JOIN LATERAL (SELECT v.name FROM unit_versions v WHERE v.unit_id = a.unit_id AND v.valid_from <= CURRENT_DATE
                             ORDER BY v.valid_from DESC LIMIT 1) l ON true
        WHERE ${where} ORDER BY a.id DESC LIMIT $8 OFFSET $9`,
      [...params, f.limit, f.offset],
    ),
    // The log only grows: counting every matching row on each page would cost more with every
    // action ever taken. Counting stops at AUDIT_COUNT_CAP; the page says "more than" beyond it.
    db.query<{ n: number }>(`SELECT count(*) AS n FROM (SELECT 1 FROM audit_log a WHERE ${where} LIMIT ${AUDIT_COUNT_CAP + 1}) x`, params),
  ]);
  const n = count[0]?.n ?? 0;
  return { rows, total: Math.min(n, AUDIT_COUNT_CAP), totalCapped: n > AUDIT_COUNT_CAP };
}
