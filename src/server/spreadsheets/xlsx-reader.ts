import { isIsoDate } from "@domain/dates.js";
import { columnLetter, decodeXString, type XlsxColumnType } from "./xlsx-table.js";
import { NoSheetError, scanFirstSheet } from "./xlsx-scan.js";

/** One problem of an imported file, in Vietnamese, with where it is (row 0 = the file itself). */
export interface SheetIssue {
  row: number;
  column: string | null;
  message: string;
}

/** A raw cell as the streaming reader gives it, simplified. */
export type RawCell = null | string | number | boolean | Date | { formula: string };

/** Typed value of a parsed cell: text, 'YYYY-MM-DD', number, or null when empty. */
export type ParsedValue = string | number | null;

export class SheetFormatError extends Error {
  constructor(
    readonly kind: "not_xlsx" | "broken",
    message: string,
  ) {
    super(message);
  }
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Does the buffer start like a ZIP archive (every XLSX is one)? */
export function looksLikeZip(buf: Buffer): boolean {
  return buf.length >= 4 && buf.subarray(0, 4).equals(ZIP_MAGIC);
}

/**
 * Reads the first worksheet of an XLSX file row by row (xlsx-scan.ts: the sheet inflates and is
 * scanned as it streams; the workbook is never built in memory). Yields `{ row, cells }` with
 * 1-based row numbers and a 0-based cell array; text has Excel's _xHHHH_ escapes decoded. Throws
 * {@link SheetFormatError} when the file is not a readable XLSX.
 */
export async function* readXlsxRows(input: Buffer): AsyncGenerator<{ row: number; cells: RawCell[] }> {
  if (!looksLikeZip(input)) throw new SheetFormatError("not_xlsx", "Tệp không phải bảng tính Excel (.xlsx)");
  const batches = scanFirstSheet(input);
  for (;;) {
    let next: IteratorResult<{ row: number; cells: RawCell[] }[]>;
    try {
      next = await batches.next();
    } catch (err) {
      if (err instanceof NoSheetError) throw new SheetFormatError("broken", "Tệp Excel không có trang tính nào");
      throw new SheetFormatError("broken", "Tệp Excel bị hỏng hoặc không đọc được");
    }
    if (next.done) return;
    for (const r of next.value) {
      const cells = r.cells;
      for (let i = 0; i < cells.length; i++) if (typeof cells[i] === "string") cells[i] = decodeXString(cells[i] as string);
      yield r;
    }
  }
}

/** Normalises a header for matching: NFC, trimmed, single spaces, lower case. */
export function headerKey(s: string): string {
  return s.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();
}

export interface ImportColumn<K extends string = string> {
  header: string;
  key: K;
  type: XlsxColumnType;
  required?: boolean;
}

/**
 * Maps the header row to columns: every expected header must be there (any order), no unknown
 * header. Returns the index of each key or the issues naming the missing and unknown columns.
 */
export function matchHeader<K extends string>(cells: RawCell[], columns: ImportColumn<K>[]): { index: Record<K, number> } | { issues: SheetIssue[] } {
  const seen = new Map<string, number>();
  const issues: SheetIssue[] = [];
  cells.forEach((c, i) => {
    if (c === null || c === "") return;
    const k = headerKey(typeof c === "object" && !(c instanceof Date) ? "" : String(c));
    if (seen.has(k)) issues.push({ row: 1, column: columnLetter(i + 1), message: `Cột "${String(c)}" bị lặp lại` });
    seen.set(k, i);
  });
  const index = {} as Record<K, number>;
  const missing: string[] = [];
  for (const col of columns) {
    const i = seen.get(headerKey(col.header));
    if (i === undefined) missing.push(col.header);
    else {
      index[col.key] = i;
      seen.delete(headerKey(col.header));
    }
  }
  if (missing.length) issues.push({ row: 1, column: null, message: `Thiếu cột: ${missing.map((m) => `"${m}"`).join(", ")}` });
  for (const [, i] of seen) issues.push({ row: 1, column: columnLetter(i + 1), message: `Cột "${String(cells[i])}" không thuộc mẫu nhập` });
  return issues.length ? { issues } : { index };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A cell as a date: an Excel date, a serial number, or text dd/mm/yyyy (also yyyy-mm-dd). */
export function parseDateCell(v: RawCell): string | null | undefined {
  if (v === null || v === "") return null;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return undefined;
    return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  }
  if (typeof v === "number") {
    if (v < 1 || v > 2958465) return undefined;
    const d = new Date(Math.round((v - 25569) * 86400000));
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
  if (typeof v === "string") {
    const s = v.trim();
    let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
    if (m) {
      const iso = `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
      return isIsoDate(iso) ? iso : undefined;
    }
    m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (m && isIsoDate(s)) return s;
  }
  return undefined;
}

// C0 control characters but tab, line feed and carriage return (a cell may hold several lines),
// and halves of surrogate pairs standing alone: PostgreSQL refuses NUL in text (the import would
// fail with a 500), and the others are never honest data in a name, a date or a commitment.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const BAD_CELL_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** "U+0000" of the first character {@link BAD_CELL_TEXT} finds. */
const badCharCode = (s: string) => `U+${s.match(BAD_CELL_TEXT)![0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;

/**
 * Parses one data row against the matched columns: a formula anywhere is refused ("Ô C5 chứa
 * công thức"), so is a control character ("Ô B3 chứa ký tự điều khiển U+0000"); dates must be
 * dates, numbers numbers, required cells filled. Returns the values by key and the row's issues.
 */
export function parseRow<K extends string>(
  row: number,
  cells: RawCell[],
  columns: ImportColumn<K>[],
  index: Record<K, number>,
): { values: Record<K, ParsedValue>; issues: SheetIssue[] } {
  const issues: SheetIssue[] = [];
  const refused = new Set<number>();
  cells.forEach((c, i) => {
    if (c !== null && typeof c === "object" && !(c instanceof Date)) {
      issues.push({ row, column: columnLetter(i + 1), message: `Ô ${columnLetter(i + 1)}${row} chứa công thức; hãy dán giá trị thay cho công thức` });
      refused.add(i);
    } else if (typeof c === "string" && BAD_CELL_TEXT.test(c)) {
      issues.push({ row, column: columnLetter(i + 1), message: `Ô ${columnLetter(i + 1)}${row} chứa ký tự điều khiển không hợp lệ (${badCharCode(c)}); hãy xóa ký tự đó rồi nhập lại` });
      refused.add(i);
    }
  });
  const values = {} as Record<K, ParsedValue>;
  for (const col of columns) {
    const i = index[col.key];
    const raw = cells[i] ?? null;
    const where = `${columnLetter(i + 1)}${row}`;
    const column = col.header;
    if (refused.has(i)) {
      values[col.key] = null;
      continue;
    }
    let v: ParsedValue = null;
    if (col.type === "date") {
      const d = parseDateCell(raw);
      if (d === undefined) issues.push({ row, column, message: `Ô ${where}: "${String(raw)}" không phải ngày hợp lệ (dd/mm/yyyy)` });
      v = d ?? null;
    } else if (col.type === "text") {
      if (raw instanceof Date) v = parseDateCell(raw) ?? null;
      else v = raw === null ? null : String(raw).normalize("NFC").trim() || null;
    } else {
      if (raw === null || raw === "") v = null;
      else {
        const n = typeof raw === "number" ? raw : Number(String(raw).trim().replace(",", "."));
        if (!Number.isFinite(n) || (col.type === "integer" && !Number.isInteger(n))) {
          issues.push({ row, column, message: `Ô ${where}: "${String(raw)}" không phải số hợp lệ` });
        } else v = n;
      }
    }
    if (v === null && col.required && !issues.some((x) => x.column === column)) {
      issues.push({ row, column, message: `Ô ${where}: "${col.header}" không được để trống` });
    }
    values[col.key] = v;
  }
  return { values, issues };
}

/** Is every cell of the row empty (trailing blank rows are skipped)? */
export function isBlankRow(cells: RawCell[]): boolean {
  return cells.every((c) => c === null || (typeof c === "string" && c.trim() === ""));
}
