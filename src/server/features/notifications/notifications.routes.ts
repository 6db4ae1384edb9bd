import { IdParams } from "@contracts/common.js";
import { MarkAllReadResponse, NotificationListQuery, NotificationListResponse } from "@contracts/notifications.js";
import { actorOf, type Feature } from "../../http/app-types.js";
import { contributeMenu } from "../auth/auth.present.js";
import { presentNotification } from "./notifications.present.js";
import { listMyNotifications, markAllMyNotificationsRead, markNotificationRead } from "./notifications.service.js";

const tags = ["Thông báo"];

// Everyone who is a person in the organisation receives notifications.
contributeMenu((actor) => (actor.personId ? ["notifications"] : []));

export const notificationsRoutes: Feature = (app, { db }) => {
  app.get(
    "/api/notifications",
    { schema: { tags, summary: "Thông báo của tôi", querystring: NotificationListQuery, response: { 200: NotificationListResponse } } },
    async (req) => {
      const r = await listMyNotifications({ db, actor: actorOf(req), unreadOnly: req.query.unread, limit: req.query.limit });
      return { unreadCount: r.unreadCount, items: r.rows.map(presentNotification) };
    },
  );

  app.post("/api/notifications/:id/read", { schema: { tags, summary: "Đánh dấu đã đọc", params: IdParams } }, async (req, reply) => {
    await markNotificationRead({ db, actor: actorOf(req), id: req.params.id });
    return reply.status(204).send();
  });

  app.post("/api/notifications/read-all", { schema: { tags, summary: "Đánh dấu tất cả đã đọc", response: { 200: MarkAllReadResponse } } }, async (req) => {
    const updated = await markAllMyNotificationsRead({ db, actor: actorOf(req) });
    return { updated };
  });
};
