import { BarChartOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { WebFeature } from "@web/app/registry";

export const reportsFeature: WebFeature = {
  name: "reports",
  menu: [
    {
      key: "reports",
      label: "Báo cáo kết quả",
      icon: <BarChartOutlined aria-hidden />,
      path: "/bao-cao",
      description: "Báo cáo của đơn vị, tổng hợp trực tiếp, đơn vị chưa báo cáo",
      order: 70,
    },
  ],
  routes: [
    { path: "/bao-cao", component: lazy(() => import("./reports.page")), menuKey: "reports", title: "Báo cáo kết quả" },
    { path: "/bao-cao/:campaignId/:unitId", component: lazy(() => import("./report.page")), title: "Báo cáo kết quả" },
  ],
};
