import { EyeOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { WebFeature } from "@web/app/registry";

export const supervisionFeature: WebFeature = {
  name: "supervision",
  menu: [
    {
      key: "supervision",
      label: "Giám sát",
      icon: <EyeOutlined aria-hidden />,
      path: "/giam-sat",
      description: "Nhận xét, vi phạm của đảng viên; báo cáo giám sát định kỳ gửi Bí thư",
      order: 50,
    },
  ],
  routes: [
    { path: "/giam-sat", component: lazy(() => import("./supervision.page")), menuKey: "supervision", title: "Giám sát" },
    { path: "/giam-sat/bao-cao/:id", component: lazy(() => import("./report.page")), menuKey: "supervision", title: "Báo cáo giám sát" },
  ],
};
