import { z } from "zod";

/** Kinds of in-app notification; other features add theirs (the label falls back to "Thông báo"). */
export const NOTIFICATION_KIND_LABELS: Record<string, string> = {
  "plan.issued": "Kế hoạch mới",
  "registration.returned": "Bảng đăng ký bị trả lại",
  "registration.approved": "Bảng đăng ký đã duyệt",
  "plan.cascade": "Kế hoạch cấp trên",
  "result_report.submitted": "Báo cáo kết quả",
  "reminder.plan": "Nhắc hạn ban hành kế hoạch",
  "reminder.acknowledge": "Nhắc quán triệt kế hoạch",
  "reminder.register": "Nhắc hạn đăng ký",
  "reminder.report": "Nhắc hạn báo cáo",
};

export const NotificationListQuery = z.object({
  unread: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const NotificationView = z.object({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  subjectId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof NotificationView>;

export const NotificationListResponse = z.object({
  unreadCount: z.number(),
  items: z.array(NotificationView),
});
export type NotificationListResponse = z.infer<typeof NotificationListResponse>;

export const MarkAllReadResponse = z.object({ updated: z.number() });
