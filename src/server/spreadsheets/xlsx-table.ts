import { PassThrough, type Writable } from "node:stream";
import ExcelJS, { type CellValue } from "./exceljs.js";

/** How a column's cells are written: text as-is, dates as real Excel dates shown dd/mm/yyyy, numbers with a Vietnamese-friendly format. */
export type XlsxColumnType = "text" | "date" | "number" | "percent" | "integer";

export interface XlsxColumn<K extends string = string> {
  /** Vietnamese header shown in row 1 (also the name the importer matches). */
  header: string;
  /** Property of a row object holding the value. */
  key: K;
  type: XlsxColumnType;
  /** Width in characters; a sensible default per type otherwise. */
  width?: number;
}

/** A cell value: dates as 'YYYY-MM-DD' strings (or Date), percent as a fraction (0.25 = 25%). */
export type XlsxValue = string | number | Date | null | undefined;

export interface XlsxTable<K extends string = string> {
  /** Workbook title (document properties). */
  title: string;
  /** Worksheet name (max 31 characters, trimmed here). */
  sheetName: string;
  columns: XlsxColumn<K>[];
  /** Rows (any iterable or async iterable: a cursor can be streamed straight into the file). */
  rows: Iterable<Partial<Record<K, XlsxValue>>> | AsyncIterable<Partial<Record<K, XlsxValue>>>;
}

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const NUM_FMT: Record<XlsxColumnType, string | undefined> = {
  text: "@",
  date: "dd/mm/yyyy",
  number: "#,##0.##",
  percent: "0.0%",
  integer: "0",
};
const DEFAULT_WIDTH: Record<XlsxColumnType, number> = { text: 24, date: 13, number: 12, percent: 10, integer: 8 };

/** 'YYYY-MM-DD' → a Date at UTC midnight (Excel date cells carry no time zone). */
export function isoToExcelDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/**
 * Excel's escape for a character XML cannot hold (ECMA-376 ST_Xstring): `_x0007_` is U+0007, and
 * text that itself looks like an escape is written `_x005F_x…_`. The reader decodes, so a control
 * character Excel saved is seen (and refused, xlsx-reader.ts); the writer escapes, so such text
 * comes back as it was.
 */
const XSTRING_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;
export const decodeXString = (s: string): string => s.replace(XSTRING_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
export const encodeXString = (s: string): string => s.replace(XSTRING_ESCAPE, "_x005F_x$1_");

/** Column letters of a 1-based index: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let s = "";
  let n = index;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function cellValue(type: XlsxColumnType, v: XlsxValue): CellValue {
  if (v === null || v === undefined || v === "") return null;
  if (type === "date") {
    if (v instanceof Date) return v;
    if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)) return isoToExcelDate(v);
    return String(v);
  }
  if (type === "text") return v instanceof Date ? v : encodeXString(String(v));
  if (typeof v === "number") return v;
  const n = Number(v);
  return Number.isFinite(n) && typeof v === "string" && v.trim() !== "" ? n : String(v);
}

/**
 * Writes a typed table as an XLSX workbook to `out` with the streaming writer (rows are committed
 * one by one, never held as a workbook): Vietnamese headers in bold in row 1, the header row
 * frozen, an autofilter over the header, column widths, and per-type formats — `date` cells are
 * real Excel dates shown `dd/mm/yyyy`, `number` `#,##0.##`, `integer` `0`, `percent` `0.0%`
 * (give a fraction), `text` as text.
 *
 * Any list endpoint can offer `export.xlsx` in a few lines:
 * ```ts
 * app.get("/api/things/export.xlsx", async (req, reply) => {
 *   const rows = await listThings(...);
 *   const body = await renderXlsxTable({ title: "Danh sách", sheetName: "Danh sách",
 *     columns: [{ header: "STT", key: "stt", type: "integer" }, { header: "Ngày", key: "day", type: "date" }],
 *     rows: rows.map((r, i) => ({ stt: i + 1, day: r.day })) });
 *   return sendFile(reply, { body, contentType: XLSX_CONTENT_TYPE, fileName: "Danh sách.xlsx" });
 * });
 * ```
 */
export async function writeXlsxTable<K extends string>(table: XlsxTable<K>, out: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = "Dân vận khéo";
  wb.title = table.title;
  const sheetName = table.sheetName.replace(/[\\/?*[\]:]/g, " ").slice(0, 31) || "Sheet1";
  const ws = wb.addWorksheet(sheetName, { views: [{ state: "frozen", xSplit: 0, ySplit: 1 }] });
  ws.columns = table.columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width ?? Math.max(DEFAULT_WIDTH[c.type], Math.min(40, c.header.length + 2)),
    style: NUM_FMT[c.type] ? { numFmt: NUM_FMT[c.type]! } : {},
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  header.commit();
  for await (const r of table.rows as AsyncIterable<Partial<Record<K, XlsxValue>>>) {
    ws.addRow(table.columns.map((c) => cellValue(c.type, r[c.key]))).commit();
  }
  ws.commit();
  await wb.commit();
}

/** {@link writeXlsxTable} into a Buffer (for `sendFile`). */
export async function renderXlsxTable<K extends string>(table: XlsxTable<K>): Promise<Buffer> {
  const pass = new PassThrough();
  const chunks: Buffer[] = [];
  pass.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    pass.on("end", resolve);
    pass.on("error", reject);
  });
  await writeXlsxTable(table, pass);
  await done;
  return Buffer.concat(chunks);
}
