import { TrophyOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { WebFeature } from "@web/app/registry";

export const commendationsFeature: WebFeature = {
  name: "commendations",
  menu: [
    {
      key: "commendations",
      label: "Tuyên dương, khen thưởng",
      icon: <TrophyOutlined aria-hidden />,
      path: "/khen-thuong",
      description: "Chi bộ đề xuất gương điển hình, Đảng ủy xã duyệt; danh sách được tuyên dương",
      order: 60,
    },
  ],
  routes: [{ path: "/khen-thuong", component: lazy(() => import("./commendations.page")), menuKey: "commendations", title: "Tuyên dương, khen thưởng" }],
};
