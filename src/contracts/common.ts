import { z } from "zod";
import { isIsoDate } from "@domain/dates.js";

/** A calendar date 'YYYY-MM-DD' that really exists. */
export const IsoDate = z
  .string()
  .refine(isIsoDate, { message: "Ngày không hợp lệ (định dạng YYYY-MM-DD)" });

export const Uuid = z.uuid({ message: "Mã định danh không hợp lệ" });

export const IdParams = z.object({ id: Uuid });

export const Page = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

export const POSITION_ROLES = ["secretary", "deputy_secretary", "committee_member", "member"] as const;
export const PositionRole = z.enum(POSITION_ROLES);

export const POSITION_ROLE_LABELS: Record<(typeof POSITION_ROLES)[number], string> = {
  secretary: "Bí thư",
  deputy_secretary: "Phó Bí thư",
  committee_member: "Chi ủy viên / Ủy viên",
  member: "Đảng viên / thành viên",
};
