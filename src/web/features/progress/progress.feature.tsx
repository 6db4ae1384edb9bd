import { lazy } from "react";
import type { WebFeature } from "@web/app/registry";

export const progressFeature: WebFeature = {
  name: "progress",
  routes: [{ path: "/tien-do/:commitmentId", component: lazy(() => import("./commitment-progress.page")), title: "Tiến độ việc làm" }],
};
