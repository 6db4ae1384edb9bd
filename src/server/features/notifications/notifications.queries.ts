import type { Queryable } from "../../db/client.js";

export interface NotificationRow {
  id: string;
  person_id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  subject_id: string | null;
  created_at: Date;
  read_at: Date | null;
}

const COLUMNS = "id, person_id, kind, title, body, link, subject_id, created_at, read_at";

/** A person's notifications, newest first. */
export function listForPerson(db: Queryable, personId: string, opts: { unreadOnly: boolean; limit: number }) {
  return db.query<NotificationRow>(
    `SELECT ${COLUMNS} FROM notifications
      WHERE person_id = $1 AND ($2::boolean = false OR read_at IS NULL)
      ORDER BY created_at DESC, id LIMIT $3`,
    [personId, opts.unreadOnly, opts.limit],
  );
}

export function countUnread(db: Queryable, personId: string) {
  return db
    .query<{ n: number }>("SELECT count(*) AS n FROM notifications WHERE person_id = $1 AND read_at IS NULL", [personId])
    .then((r) => r[0]?.n ?? 0);
}

export function getNotification(db: Queryable, id: string) {
  return db.query<NotificationRow>(`SELECT ${COLUMNS} FROM notifications WHERE id = $1`, [id]).then((r) => r[0] ?? null);
}

export function markRead(db: Queryable, id: string) {
  return db.query("UPDATE notifications SET read_at = now() WHERE id = $1 AND read_at IS NULL", [id]);
}

export async function markAllRead(db: Queryable, personId: string): Promise<number> {
  const r = await db.query<{ id: string }>("UPDATE notifications SET read_at = now() WHERE person_id = $1 AND read_at IS NULL RETURNING id", [personId]);
  return r.length;
}

/** Marks read a person's notifications about one subject (e.g. the plan they just acknowledged). */
export function markReadBySubject(db: Queryable, personId: string, subjectId: string) {
  return db.query("UPDATE notifications SET read_at = now() WHERE person_id = $1 AND subject_id = $2 AND read_at IS NULL", [personId, subjectId]);
}

export async function insertMany(
  db: Queryable,
  personIds: readonly string[],
  n: { kind: string; title: string; body: string | null; link: string | null; subjectId: string | null; createdAt: Date | null },
): Promise<number> {
  if (personIds.length === 0) return 0;
  const r = await db.query<{ id: string }>(
    `INSERT INTO notifications (person_id, kind, title, body, link, subject_id, created_at)
     SELECT p, $2, $3, $4, $5, $6, COALESCE($7::timestamptz, now()) FROM unnest($1::uuid[]) AS p
     RETURNING id`,
    [[...new Set(personIds)], n.kind, n.title, n.body, n.link, n.subjectId, n.createdAt],
  );
  return r.length;
}
