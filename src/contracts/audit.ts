import { z } from "zod";
import { IsoDate, Uuid } from "./common.js";

export const AuditQuery = z.object({
  unitId: Uuid.optional(),
  action: z.string().trim().max(100).optional(),
  actor: z.string().trim().max(100).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const AuditEntryView = z.object({
  id: z.number(),
  at: z.string(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});
export const AuditListResponse = z.object({ total: z.number(), items: z.array(AuditEntryView) });

/** Vietnamese names of audited actions; unknown ones show their code. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "auth.login": "Đăng nhập",
  "auth.login_failed": "Đăng nhập thất bại",
  "auth.logout": "Đăng xuất",
  "account.create": "Tạo tài khoản",
  "account.reset_password": "Đặt lại mật khẩu",
  "account.change_own_password": "Đổi mật khẩu",
  "account.disable": "Khóa tài khoản",
  "account.enable": "Mở khóa tài khoản",
  "account.set_scopes": "Đổi phạm vi quyền",
  "unit.create": "Thêm đơn vị",
  "unit.update": "Đổi tên/chuyển đơn vị",
  "unit.end": "Kết thúc đơn vị",
  "person.create": "Thêm người",
  "person.update": "Sửa thông tin người",
  "person.transfer": "Chuyển sinh hoạt",
  "position.create": "Thêm chức vụ",
  "position.end": "Kết thúc chức vụ",
};
