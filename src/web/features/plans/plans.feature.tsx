import { lazy } from "react";
import type { WebFeature } from "@web/app/registry";
import { PlansToAcknowledgeWidget } from "./plans-to-acknowledge-widget";

/** A unit's plan: the document, its editor while a draft, issuing, versions and acknowledgements. */
export const plansFeature: WebFeature = {
  name: "plans",
  routes: [{ path: "/ke-hoach/:id", component: lazy(() => import("./plan.page")), menuKey: "campaigns", title: "Kế hoạch" }],
  homeWidgets: [
    {
      key: "plans-to-acknowledge",
      component: PlansToAcknowledgeWidget,
      menuKey: "campaigns",
      visible: (a) => a.positions.length > 0,
      order: 25,
    },
  ],
};
