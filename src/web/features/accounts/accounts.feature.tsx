import { SafetyCertificateOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { WebFeature } from "@web/app/registry";

export const accountsFeature: WebFeature = {
  name: "accounts",
  menu: [
    {
      key: "accounts",
      label: "Tài khoản",
      icon: <SafetyCertificateOutlined aria-hidden />,
      path: "/tai-khoan",
      description: "Tạo tài khoản, phạm vi quyền, đặt lại mật khẩu",
      order: 80,
    },
  ],
  routes: [{ path: "/tai-khoan", component: lazy(() => import("./accounts.page")), menuKey: "accounts", title: "Tài khoản" }],
};
