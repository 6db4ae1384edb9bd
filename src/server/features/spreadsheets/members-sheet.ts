import { GENDER_LABELS, PERSON_CATEGORIES, PERSON_CATEGORY_LABELS } from "@contracts/people.js";
import { POSITION_ROLE_LABELS, POSITION_ROLES } from "@contracts/common.js";
import { searchKey } from "@domain/vietnamese-text.js";
import type { ImportColumn, ParsedValue, SheetIssue } from "../../spreadsheets/xlsx-reader.js";
import { headerKey } from "../../spreadsheets/xlsx-reader.js";
import type { XlsxColumn } from "../../spreadsheets/xlsx-table.js";

export type MemberKey = "stt" | "fullName" | "birthDate" | "gender" | "categories" | "role" | "title" | "startDate" | "externalCode" | "phone" | "email";

/** The members sheet: the same columns for export and import. */
export const MEMBER_COLUMNS: (XlsxColumn<MemberKey> & ImportColumn<MemberKey>)[] = [
  { header: "STT", key: "stt", type: "integer", width: 6 },
  { header: "Họ và tên", key: "fullName", type: "text", width: 28, required: true },
  { header: "Ngày sinh", key: "birthDate", type: "date" },
  { header: "Giới tính", key: "gender", type: "text", width: 10 },
  { header: "Phân loại", key: "categories", type: "text", width: 26 },
  { header: "Chức vụ", key: "role", type: "text", width: 22, required: true },
  { header: "Chức danh", key: "title", type: "text", width: 20 },
  { header: "Ngày bắt đầu", key: "startDate", type: "date", required: true },
  { header: "Mã", key: "externalCode", type: "text", width: 14 },
  { header: "Điện thoại", key: "phone", type: "text", width: 14 },
  { header: "Email", key: "email", type: "text", width: 26 },
];

const ROLE_ALIASES: Record<string, (typeof POSITION_ROLES)[number]> = {
  ...Object.fromEntries(POSITION_ROLES.map((r) => [headerKey(POSITION_ROLE_LABELS[r]), r])),
  "bí thư": "secretary",
  "phó bí thư": "deputy_secretary",
  "chi ủy viên": "committee_member",
  "ủy viên": "committee_member",
  "đảng viên": "member",
  "thành viên": "member",
};
const GENDERS = Object.fromEntries(Object.entries(GENDER_LABELS).map(([k, v]) => [headerKey(v), k]));
const CATEGORIES = Object.fromEntries(PERSON_CATEGORIES.map((c) => [headerKey(PERSON_CATEGORY_LABELS[c]), c]));

export interface MemberInput {
  row: number;
  fullName: string;
  birthDate: string | null;
  gender: string | null;
  categories: string[];
  role: string;
  title: string | null;
  startDate: string;
  externalCode: string | null;
  phone: string | null;
  email: string | null;
  /** The stable key: "code:<Mã>" or "name:<search key>|<birth date>". */
  key: string;
}

export function genderLabel(g: string | null): string | null {
  return g ? (GENDER_LABELS[g as keyof typeof GENDER_LABELS] ?? g) : null;
}
export function categoriesLabel(cs: string[]): string | null {
  return cs.length ? cs.map((c) => PERSON_CATEGORY_LABELS[c as keyof typeof PERSON_CATEGORY_LABELS] ?? c).join(", ") : null;
}
export function roleLabel(r: string): string {
  return POSITION_ROLE_LABELS[r as keyof typeof POSITION_ROLE_LABELS] ?? r;
}

export function memberKey(externalCode: string | null, fullName: string, birthDate: string | null): string {
  return externalCode ? `code:${externalCode}` : `name:${searchKey(fullName)}|${birthDate ?? ""}`;
}

/** Turns a parsed row into a member, checking the labels (role, gender, categories) and the email. */
export function toMemberInput(row: number, v: Record<MemberKey, ParsedValue>, issues: SheetIssue[], cellsValid = true): MemberInput | null {
  const before = issues.length;
  const text = (x: ParsedValue) => (x === null ? null : String(x));
  const fullName = text(v.fullName);
  const roleText = text(v.role);
  const role = roleText ? ROLE_ALIASES[headerKey(roleText)] : undefined;
  if (roleText && !role) {
    issues.push({ row, column: "Chức vụ", message: `Chức vụ "${roleText}" không có trong danh mục (Bí thư, Phó Bí thư, Chi ủy viên / Ủy viên, Đảng viên / thành viên)` });
  }
  const genderText = text(v.gender);
  const gender = genderText ? GENDERS[headerKey(genderText)] : null;
  if (genderText && !gender) issues.push({ row, column: "Giới tính", message: `Giới tính "${genderText}" không hợp lệ (Nam, Nữ, Khác)` });
  const categories: string[] = [];
  for (const part of (text(v.categories) ?? "").split(/[,;]/).map((s) => s.trim()).filter(Boolean)) {
    const c = CATEGORIES[headerKey(part)];
    if (!c) issues.push({ row, column: "Phân loại", message: `Phân loại "${part}" không có trong danh mục` });
    else if (!categories.includes(c)) categories.push(c);
  }
  const email = text(v.email);
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) issues.push({ row, column: "Email", message: `Email "${email}" không hợp lệ` });
  if (fullName && fullName.length < 2) issues.push({ row, column: "Họ và tên", message: "Họ và tên quá ngắn" });
  if (!cellsValid || issues.length > before || !fullName || !role || typeof v.startDate !== "string") return null;
  const birthDate = typeof v.birthDate === "string" ? v.birthDate : null;
  const externalCode = text(v.externalCode);
  return {
    row,
    fullName,
    birthDate,
    gender: gender ?? null,
    categories,
    role,
    title: text(v.title),
    startDate: v.startDate,
    externalCode,
    phone: text(v.phone),
    email,
    key: memberKey(externalCode, fullName, birthDate),
  };
}
