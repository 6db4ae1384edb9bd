import { ApartmentOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { WebFeature } from "@web/app/registry";

export const unitsFeature: WebFeature = {
  name: "units",
  menu: [
    {
      key: "units",
      label: "Cây tổ chức",
      icon: <ApartmentOutlined aria-hidden />,
      path: "/to-chuc",
      description: "Đơn vị, tên gọi qua các thời kỳ, thành viên",
      order: 10,
    },
  ],
  routes: [
    { path: "/to-chuc", component: lazy(() => import("./unit-tree.page")), menuKey: "units", title: "Cây tổ chức" },
    { path: "/to-chuc/:id", component: lazy(() => import("./unit.page")), menuKey: "units", title: "Đơn vị" },
  ],
};
