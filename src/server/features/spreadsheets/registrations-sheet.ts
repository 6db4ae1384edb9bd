import { createHash } from "node:crypto";
import { searchKey } from "@domain/vietnamese-text.js";
import type { ImportColumn } from "../../spreadsheets/xlsx-reader.js";
import type { XlsxColumn } from "../../spreadsheets/xlsx-table.js";

export type RegistrationKey =
  | "stt"
  | "fullName"
  | "role"
  | "criterion"
  | "item"
  | "action"
  | "target"
  | "place"
  | "startDate"
  | "deadline"
  | "status"
  | "rowKey";

/** A cell's registration sheet: one row per commitment, the same columns for export and import. */
export const REGISTRATION_COLUMNS: (XlsxColumn<RegistrationKey> & ImportColumn<RegistrationKey>)[] = [
  { header: "STT", key: "stt", type: "integer", width: 6 },
  { header: "Họ và tên", key: "fullName", type: "text", width: 26, required: true },
  { header: "Chức vụ", key: "role", type: "text", width: 18 },
  { header: "Tiêu chí", key: "criterion", type: "text", width: 9, required: true },
  { header: "Nội dung", key: "item", type: "text", width: 10, required: true },
  { header: "Việc làm thiết thực", key: "action", type: "text", width: 48, required: true },
  { header: "Chỉ tiêu", key: "target", type: "text", width: 24 },
  { header: "Địa điểm", key: "place", type: "text", width: 20 },
  { header: "Ngày bắt đầu", key: "startDate", type: "date" },
  { header: "Thời hạn", key: "deadline", type: "date" },
  { header: "Trạng thái", key: "status", type: "text", width: 14 },
  { header: "Mã dòng", key: "rowKey", type: "text", width: 38 },
];

export const REGISTRATION_STATUS_TEXT: Record<string, string> = {
  draft: "Nháp",
  submitted: "Đã gửi",
  approved: "Đã duyệt",
  returned: "Trả lại",
};

/**
 * The stable key of a row without "Mã dòng": the same person, sub-item and action (ignoring case,
 * accents and spacing) is the same commitment, so re-importing a file of new rows changes nothing.
 */
export function newRowKey(personId: string, itemCode: string, action: string): string {
  return "h:" + createHash("sha256").update(`${personId}|${itemCode}|${searchKey(action)}`).digest("hex").slice(0, 24);
}
