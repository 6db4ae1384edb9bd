import { NOTIFICATION_KIND_LABELS, type NotificationView } from "@contracts/notifications.js";
import type { NotificationRow } from "./notifications.queries.js";

export function presentNotification(n: NotificationRow): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    kindLabel: NOTIFICATION_KIND_LABELS[n.kind] ?? "Thông báo",
    title: n.title,
    body: n.body,
    link: n.link,
    subjectId: n.subject_id,
    createdAt: n.created_at.toISOString(),
    readAt: n.read_at ? n.read_at.toISOString() : null,
  };
}
