import { recordAction } from "../../audit/record-action.js";
import type { Db, Tx } from "../../db/client.js";
import type { Actor } from "../../http/actor.js";
import { notFound } from "../../http/errors.js";
import * as q from "./notifications.queries.js";

export interface NotificationInput {
  /** Stable code, e.g. 'plan.issued', 'registration.returned'. */
  kind: string;
  /** One Vietnamese line the person reads first. */
  title: string;
  body?: string | null;
  /** In-app path to open, e.g. `/ke-hoach/<id>`. */
  link?: string | null;
  /** The record the notification is about (lets a later action mark it read). */
  subjectId?: string | null;
  /** Demo data only: when it was sent (defaults to now). */
  createdAt?: Date | null;
}

/**
 * Sends an in-app notification to each person (duplicates removed), inside the caller's
 * transaction so it exists exactly when the action that caused it does. Returns how many rows.
 *
 * Why a helper other features call: issuing a plan, returning a registration, deciding a
 * commendation all notify people; one table, one shape, one place that writes it.
 */
export async function notify(tx: Tx, personIds: readonly string[], n: NotificationInput): Promise<number> {
  return q.insertMany(tx, personIds, {
    kind: n.kind,
    title: n.title,
    body: n.body ?? null,
    link: n.link ?? null,
    subjectId: n.subjectId ?? null,
    createdAt: n.createdAt ?? null,
  });
}

/** Marks read what a person was told about a subject, e.g. once they acknowledged the plan. */
export async function markSubjectRead(tx: Tx, personId: string, subjectId: string): Promise<void> {
  await q.markReadBySubject(tx, personId, subjectId);
}

/** My notifications (an account without a person has none). */
export async function listMyNotifications(opts: { db: Db; actor: Actor; unreadOnly: boolean; limit: number }) {
  const { db, actor } = opts;
  if (!actor.personId) return { unreadCount: 0, rows: [] as q.NotificationRow[] };
  const [rows, unreadCount] = await Promise.all([
    q.listForPerson(db, actor.personId, { unreadOnly: opts.unreadOnly, limit: opts.limit }),
    q.countUnread(db, actor.personId),
  ]);
  return { unreadCount, rows };
}

/** Marks one of my notifications read; someone else's answers 404 like a missing one. */
export async function markNotificationRead(opts: { db: Db; actor: Actor; id: string }): Promise<void> {
  const { db, actor, id } = opts;
  const n = await q.getNotification(db, id);
  if (!n || !actor.personId || n.person_id !== actor.personId) throw notFound("Không tìm thấy thông báo");
  if (n.read_at) return;
  await db.transaction(async (tx) => {
    await q.markRead(tx, id);
    await recordAction(tx, actor, { action: "notification.read", subjectType: "notification", subjectId: id, unitId: null });
  });
}

/** Marks all my notifications read. */
export async function markAllMyNotificationsRead(opts: { db: Db; actor: Actor }): Promise<number> {
  const { db, actor } = opts;
  if (!actor.personId) return 0;
  const personId = actor.personId;
  return db.transaction(async (tx) => {
    const updated = await q.markAllRead(tx, personId);
    if (updated > 0) {
      await recordAction(tx, actor, { action: "notification.read_all", subjectType: "notification", subjectId: null, unitId: null, after: { updated } });
    }
    return updated;
  });
}
