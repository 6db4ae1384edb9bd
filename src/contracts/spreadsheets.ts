import { z } from "zod";
import { Uuid } from "./common.js";

/** `?dryRun=1` checks the file and reports, writing nothing. */
export const ImportQuery = z.object({
  dryRun: z
    .union([z.literal("1"), z.literal("0"), z.literal("true"), z.literal("false")])
    .optional()
    .transform((v) => v === "1" || v === "true"),
});

export const CampaignUnitParams = z.object({ campaignId: Uuid, unitId: Uuid });

/** One problem of the file: row number in the sheet (0 = the file itself), column name or letter, Vietnamese message. */
export const ImportIssue = z.object({ row: z.number(), column: z.string().nullable(), message: z.string() });

export const ImportReport = z.object({
  /** True when the file has no error (it can be, or has been, applied). */
  ok: z.boolean(),
  dryRun: z.boolean(),
  /** True when the rows were written. */
  applied: z.boolean(),
  fileName: z.string().nullable(),
  counts: z.object({ rows: z.number(), create: z.number(), update: z.number(), unchanged: z.number() }),
  /** At most 1000 issues are listed; `issueCount` is the full number. */
  issues: z.array(ImportIssue),
  issueCount: z.number(),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const PeopleExportQuery = z.object({
  q: z.string().trim().max(100).optional(),
  unitId: Uuid.optional(),
});

/** Headers of the members sheet, in order (export writes them, import requires them). */
export const MEMBER_SHEET_HEADERS = [
  "STT",
  "Họ và tên",
  "Ngày sinh",
  "Giới tính",
  "Phân loại",
  "Chức vụ",
  "Chức danh",
  "Ngày bắt đầu",
  "Mã",
  "Điện thoại",
  "Email",
] as const;

/** Headers of a cell's registration sheet, in order. */
export const REGISTRATION_SHEET_HEADERS = [
  "STT",
  "Họ và tên",
  "Chức vụ",
  "Tiêu chí",
  "Nội dung",
  "Việc làm thiết thực",
  "Chỉ tiêu",
  "Địa điểm",
  "Ngày bắt đầu",
  "Thời hạn",
  "Trạng thái",
  "Mã dòng",
] as const;

/** 400 body of an import that was refused: the usual error plus the full report. */
export const ImportRejectedBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.array(z.object({ path: z.string(), message: z.string() })).optional() }),
  report: ImportReport.optional(),
});
