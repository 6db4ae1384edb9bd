import { TeamOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { WebFeature } from "@web/app/registry";

export const peopleFeature: WebFeature = {
  name: "people",
  menu: [
    {
      key: "people",
      label: "Cán bộ, đảng viên",
      icon: <TeamOutlined aria-hidden />,
      path: "/can-bo",
      description: "Tìm người, chức vụ, quá trình sinh hoạt",
      order: 20,
    },
  ],
  routes: [
    { path: "/can-bo", component: lazy(() => import("./people.page")), menuKey: "people", title: "Cán bộ, đảng viên" },
    { path: "/can-bo/:id", component: lazy(() => import("./person.page")), menuKey: "people", title: "Cán bộ, đảng viên" },
  ],
};
