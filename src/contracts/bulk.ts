import { z } from "zod";
import { Uuid } from "./common.js";

/** Most items one bulk action takes (a cell has a few dozen members; a commune sheet page, 100). */
export const BULK_MAX = 100;

/**
 * A list of ids for a bulk action ("duyệt các bảng đã chọn", "áp dụng xếp loại gợi ý"): 1 to
 * {@link BULK_MAX} well-formed ids, none twice. `what` names the items in the messages
 * ("bảng đăng ký", "đảng viên").
 */
export function bulkIds(what: string) {
  return z
    .array(Uuid, { message: `Danh sách ${what} không hợp lệ` })
    .min(1, `Chưa chọn ${what} nào`)
    .max(BULK_MAX, `Mỗi lần chỉ xử lý tối đa ${BULK_MAX} ${what}`)
    .refine((ids) => new Set(ids).size === ids.length, { message: `Danh sách có ${what} bị chọn lặp lại` });
}

/** One item of a bulk action that was done. */
export const BulkDone = z.object({ id: z.string(), name: z.string() });
