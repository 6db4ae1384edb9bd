import { z } from "zod";
import { Uuid } from "./common.js";

export const ScopeInput = z.object({ unitId: Uuid, scope: z.enum(["manage", "view"]) });

export const AccountSummary = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  isAdmin: z.boolean(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  /** Seeded by the demo with the published password (accounts.is_demo). */
  isDemo: z.boolean(),
  createdAt: z.string(),
  scopes: z.array(z.object({ unitId: z.string(), unitName: z.string(), scope: z.enum(["manage", "view"]) })),
  canManage: z.boolean(),
});
/** A page of accounts by username: `after` is the previous page's `nextCursor`. */
export const AccountListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  after: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const AccountListResponse = z.object({ items: z.array(AccountSummary), nextCursor: z.string().nullable() });

const username = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "Tên đăng nhập phải có ít nhất 3 ký tự")
  .max(50)
  .regex(/^[a-z0-9._-]+$/, "Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang");

export const CreateAccountBody = z.object({
  username,
  displayName: z.string().trim().min(1, "Vui lòng nhập tên hiển thị").max(200),
  password: z.string().min(1, "Vui lòng nhập mật khẩu").max(200),
  personId: Uuid.nullish(),
  scopes: z.array(ScopeInput).max(20).default([]),
  isAdmin: z.boolean().default(false),
});

export const ResetPasswordBody = z.object({ newPassword: z.string().min(1, "Vui lòng nhập mật khẩu mới").max(200) });
export const SetScopesBody = z.object({ scopes: z.array(ScopeInput).max(20) });
