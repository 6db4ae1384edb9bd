import { searchKey } from "@domain/vietnamese-text.js";
import type { ImportColumn, ParsedValue, SheetIssue } from "../../spreadsheets/xlsx-reader.js";
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
  { header: "Chỉ tiêu", key: "target", type: "text", width: 24, required: true },
  { header: "Địa điểm", key: "place", type: "text", width: 20 },
  { header: "Ngày bắt đầu", key: "startDate", type: "date" },
  { header: "Thời hạn", key: "deadline", type: "date", required: true },
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
 * `actionKey` is `searchKey(action)`. Only ever a key of a map during one import, so the parts are
 * joined rather than hashed.
 */
export function newRowKey(personId: string, itemCode: string, actionKey: string): string {
  return `${personId}|${itemCode}|${actionKey}`;
}

/** One row of an uploaded registration sheet, checked on its own (no database). */
export interface RegistrationInput {
  row: number;
  fullName: string;
  criterion: string;
  item: string;
  action: string;
  target: string | null;
  place: string | null;
  startDate: string | null;
  deadline: string | null;
  rowKey: string | null;
  /** searchKey(fullName): how the row finds its member. */
  nameKey: string;
  /** searchKey(action), for {@link newRowKey}. */
  actionKey: string;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Turns a parsed row into a registration input: "Mã dòng" a row id, the required cells there
 * (the dates are checked against the campaign's period with the sheet's other rules, in the service). Problems go to `issues`; null when the row cannot be used.
 */
export function toRegistrationInput(row: number, v: Record<RegistrationKey, ParsedValue>, issues: SheetIssue[], cellsValid = true): RegistrationInput | null {
  const t = (x: unknown) => (x === null || x === undefined ? null : String(x));
  const startDate = typeof v.startDate === "string" ? v.startDate : null;
  const deadline = typeof v.deadline === "string" ? v.deadline : null;
  const rowKey = t(v.rowKey);
  if (rowKey && !UUID_RE.test(rowKey)) {
    issues.push({ row, column: "Mã dòng", message: `Mã dòng "${rowKey}" không đúng; để trống cho dòng mới` });
    return null;
  }
  if (!cellsValid || !v.fullName || !v.criterion || !v.item || !v.action) return null;
  const fullName = String(v.fullName);
  const action = String(v.action);
  return {
    row,
    fullName,
    criterion: String(v.criterion),
    item: String(v.item),
    action,
    target: t(v.target),
    place: t(v.place),
    startDate,
    deadline,
    rowKey,
    nameKey: searchKey(fullName),
    actionKey: searchKey(action),
  };
}
