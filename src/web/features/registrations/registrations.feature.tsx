import { FormOutlined, TableOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { WebFeature } from "@web/app/registry";

const form = lazy(() => import("./registration-form.page"));

export const registrationsFeature: WebFeature = {
  name: "registrations",
  menu: [
    {
      key: "registrations",
      label: "Đăng ký của tôi",
      icon: <FormOutlined aria-hidden />,
      path: "/dang-ky",
      description: "Đăng ký việc làm thiết thực, mô hình “Dân vận khéo”; cập nhật tiến độ",
      order: 40,
    },
    {
      key: "registration-sheet",
      label: "Bảng đăng ký",
      icon: <TableOutlined aria-hidden />,
      path: "/bang-dang-ky",
      description: "Bảng đăng ký của đơn vị: duyệt, trả lại, mức độ đăng ký theo tiêu chí",
      order: 41,
    },
  ],
  routes: [
    { path: "/dang-ky", component: lazy(() => import("./my-registrations.page")), menuKey: "registrations", title: "Đăng ký của tôi" },
    { path: "/dang-ky/moi", component: form, title: "Lập bảng đăng ký" },
    { path: "/dang-ky/:id", component: lazy(() => import("./registration.page")), title: "Bảng đăng ký" },
    { path: "/dang-ky/:id/sua", component: form, title: "Sửa bảng đăng ký" },
    { path: "/bang-dang-ky", component: lazy(() => import("./sheets.page")), menuKey: "registration-sheet", title: "Bảng đăng ký" },
    { path: "/bang-dang-ky/:campaignId/:unitId", component: lazy(() => import("./sheet.page")), title: "Bảng đăng ký của đơn vị" },
  ],
};
