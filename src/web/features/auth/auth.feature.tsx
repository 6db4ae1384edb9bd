import { lazy } from "react";
import type { WebFeature } from "@web/app/registry";

/** Sign-in lives outside the shell (app/root.tsx); changing my password is a page in the shell. */
export const authFeature: WebFeature = {
  name: "auth",
  routes: [{ path: "/doi-mat-khau", component: lazy(() => import("./change-password.page")), title: "Đổi mật khẩu" }],
};
