import { BellOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { WebFeature } from "@web/app/registry";
import { NewNotificationsWidget } from "./notifications-widget";

/** In-app notifications of the signed-in person (plans issued, registrations returned, …). */
export const notificationsFeature: WebFeature = {
  name: "notifications",
  menu: [{ key: "notifications", label: "Thông báo", icon: <BellOutlined aria-hidden />, path: "/thong-bao", description: "Thông báo gửi đến bạn", order: 5 }],
  routes: [{ path: "/thong-bao", component: lazy(() => import("./notifications.page")), menuKey: "notifications", title: "Thông báo" }],
  homeWidgets: [{ key: "new-notifications", component: NewNotificationsWidget, menuKey: "notifications", order: 24 }],
};
