import { HistoryOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { WebFeature } from "@web/app/registry";

export const auditFeature: WebFeature = {
  name: "audit",
  menu: [
    {
      key: "audit",
      label: "Nhật ký thao tác",
      icon: <HistoryOutlined aria-hidden />,
      path: "/nhat-ky",
      description: "Ai đã làm gì, lúc nào, trong đơn vị nào",
      order: 90,
    },
  ],
  routes: [{ path: "/nhat-ky", component: lazy(() => import("./audit.page")), menuKey: "audit", title: "Nhật ký thao tác" }],
};
