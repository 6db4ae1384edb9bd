import { CheckSquareOutlined, SolutionOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { WebFeature } from "@web/app/registry";

export const evaluationsFeature: WebFeature = {
  name: "evaluations",
  menu: [
    {
      key: "evaluations",
      label: "Đánh giá, xếp loại",
      icon: <CheckSquareOutlined aria-hidden />,
      path: "/danh-gia",
      description: "Chi bộ đánh giá cam kết, chấm điểm, xếp loại đảng viên; duyệt và khóa kết quả",
      order: 55,
    },
    {
      key: "self-assessment",
      label: "Tự đánh giá",
      icon: <SolutionOutlined aria-hidden />,
      path: "/tu-danh-gia",
      description: "Bản tự đánh giá của tôi, kết quả xếp loại và các vi phạm được ghi nhận",
      order: 45,
    },
  ],
  routes: [
    { path: "/danh-gia", component: lazy(() => import("./evaluations.page")), menuKey: "evaluations", title: "Đánh giá, xếp loại" },
    { path: "/danh-gia/:id", component: lazy(() => import("./sheet.page")), menuKey: "evaluations", title: "Phiếu đánh giá, xếp loại" },
    { path: "/tu-danh-gia", component: lazy(() => import("./self-assessment.page")), menuKey: "self-assessment", title: "Tự đánh giá" },
  ],
};
