import { FlagOutlined, OrderedListOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { WebFeature } from "@web/app/registry";
import { UnissuedPlansWidget } from "./unissued-plans-widget";

/** Campaigns (phong trào) with the cascade of plans, and the criteria sets they use. */
export const campaignsFeature: WebFeature = {
  name: "campaigns",
  menu: [
    {
      key: "campaigns",
      label: "Phong trào thi đua",
      icon: <FlagOutlined aria-hidden />,
      path: "/phong-trao",
      description: "Phong trào, kế hoạch của cấp ủy và tình hình triển khai ở các đơn vị",
      order: 30,
    },
    {
      key: "criteria",
      label: "Bộ tiêu chí",
      icon: <OrderedListOutlined aria-hidden />,
      path: "/bo-tieu-chi",
      description: "Nội dung “5 không”: tiêu chí, nội dung, mức bắt buộc",
      order: 31,
    },
  ],
  routes: [
    { path: "/phong-trao", component: lazy(() => import("./campaigns.page")), menuKey: "campaigns", title: "Phong trào thi đua" },
    { path: "/phong-trao/:id", component: lazy(() => import("./campaign.page")), menuKey: "campaigns", title: "Phong trào" },
    { path: "/bo-tieu-chi", component: lazy(() => import("./criteria-sets.page")), menuKey: "criteria", title: "Bộ tiêu chí" },
    { path: "/bo-tieu-chi/:id", component: lazy(() => import("./criteria-set.page")), menuKey: "criteria", title: "Bộ tiêu chí" },
  ],
  homeWidgets: [
    {
      key: "unissued-plans",
      component: UnissuedPlansWidget,
      menuKey: "campaigns",
      // for those who follow the units of a commune: its committee and its mass-mobilisation office
      visible: (a) => a.isAdmin || a.positions.some((p) => p.unitKind === "commune_party_committee" || p.unitKind === "mass_mobilization_office"),
      order: 30,
    },
  ],
};
