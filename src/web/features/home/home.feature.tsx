import { HomeOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { WebFeature } from "@web/app/registry";
import { MyPositionsCard, MyScopesCard, QuickLinksCard } from "./home-cards";

export const homeFeature: WebFeature = {
  name: "home",
  menu: [{ key: "home", label: "Trang chủ", icon: <HomeOutlined aria-hidden />, path: "/", order: 0 }],
  routes: [{ path: "/", component: lazy(() => import("./home.page")), title: "Trang chủ" }],
  homeWidgets: [
    { key: "my-positions", component: MyPositionsCard, order: 10 },
    { key: "my-scopes", component: MyScopesCard, order: 20 },
    { key: "quick-links", component: QuickLinksCard, order: 90, width: "full" },
  ],
};
