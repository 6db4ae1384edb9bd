import type { Queryable } from "../../db/client.js";

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

/** Audit entries of the given units (null = all, including entries without a unit), newest first. */
export async function findAuditEntries(
  db: Queryable,
  f: { units: string[] | null; action: string | null; actor: string | null; from: string | null; to: string | null; limit: number; offset: number },
) {
  const where = `($1::uuid[] IS NULL OR a.unit_id = ANY($1::uuid[]))
    AND ($2::text IS NULL OR a.action LIKE $2 || '%')
    AND ($3::text IS NULL OR a.actor_username = $3)
    AND ($4::date IS NULL OR a.at >= ($4::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'))
    AND ($5::date IS NULL OR a.at < (($5::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'))`;
  const params = [f.units, f.action, f.actor, f.from, f.to];
  const [rows, count] = await Promise.all([
    db.query<AuditRow>(
      `SELECT a.id, a.at, a.actor_username, a.action, a.subject_type, a.subject_id, a.unit_id, l.name AS unit_name, a.before, a.after, a.ip
         FROM audit_log a LEFT JOIN units_latest(CURRENT_DATE) l ON l.unit_id = a.unit_id
        WHERE ${where} ORDER BY a.id DESC LIMIT $6 OFFSET $7`,
      [...params, f.limit, f.offset],
    ),
    db.query<{ n: number }>(`SELECT count(*) AS n FROM audit_log a WHERE ${where}`, params),
  ]);
  return { rows, total: count[0]?.n ?? 0 };
}

export function subtreeOf(db: Queryable, root: string, today: string) {
  return db.query<{ unit_id: string }>("SELECT unit_id FROM unit_scope_subtree($1, $2::date)", [root, today]).then((r) => r.map((x) => x.unit_id));
}
