import { z } from "zod";
import { PositionRole } from "./common.js";

export const LoginBody = z.object({
  username: z.string().trim().min(1, "Vui lòng nhập tên đăng nhập").max(100),
  password: z.string().min(1, "Vui lòng nhập mật khẩu").max(200),
});

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1, "Vui lòng nhập mật khẩu hiện tại").max(200),
  newPassword: z.string().min(1, "Vui lòng nhập mật khẩu mới").max(200),
});

export const MENU_ITEMS = ["home", "units", "people", "accounts", "audit"] as const;

export const AccountView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  isAdmin: z.boolean(),
  /** A demo account (published password, demo data only): the UI says so on every page. */
  isDemo: z.boolean(),
  mustChangePassword: z.boolean(),
  positions: z.array(
    z.object({ unitId: z.string(), unitName: z.string(), unitKind: z.string(), role: PositionRole, roleLabel: z.string(), title: z.string().nullable() }),
  ),
  scopes: z.array(z.object({ unitId: z.string(), unitName: z.string(), scope: z.enum(["manage", "view"]) })),
  /** Menu entries this account may use; the UI shows only these. */
  menu: z.array(z.string()),
});

export const MeResponse = z.object({ account: AccountView, csrfToken: z.string() });
export type MeResponse = z.infer<typeof MeResponse>;
