import { AppError } from "../http/errors.js";
import { isBlankRow, matchHeader, parseRow, readXlsxRows, SheetFormatError, type ImportColumn, type ParsedValue, type SheetIssue } from "./xlsx-reader.js";

/**
 * Streams an uploaded XLSX through the importer's columns: the first non-blank row must be the
 * header (all columns, any order), then every data row is parsed and handed to `onRow` with the
 * shared issue list (push domain issues there) and whether its cells parsed cleanly. Throws 415 when the file is not a readable XLSX.
 * Returns the number of data rows and the issues found.
 */
export async function readImportTable<K extends string>(
  file: Buffer,
  columns: ImportColumn<K>[],
  onRow: (row: number, values: Record<K, ParsedValue>, issues: SheetIssue[], cellsValid: boolean) => void,
): Promise<{ rows: number; issues: SheetIssue[] }> {
  const issues: SheetIssue[] = [];
  let index: Record<K, number> | null = null;
  let rows = 0;
  try {
    for await (const { row, cells } of readXlsxRows(file)) {
      if (isBlankRow(cells)) continue;
      if (!index) {
        const m = matchHeader(cells, columns);
        if ("issues" in m) return { rows: 0, issues: m.issues };
        index = m.index;
        continue;
      }
      rows++;
      const parsed = parseRow(row, cells, columns, index);
      issues.push(...parsed.issues);
      onRow(row, parsed.values, issues, parsed.issues.length === 0);
    }
  } catch (err) {
    if (err instanceof SheetFormatError) throw new AppError("UNSUPPORTED_MEDIA_TYPE", err.message);
    throw err;
  }
  if (!index) issues.push({ row: 0, column: null, message: "Tệp không có dòng tiêu đề; hãy dùng mẫu xuất từ hệ thống" });
  else if (rows === 0) issues.push({ row: 0, column: null, message: "Tệp không có dòng dữ liệu nào" });
  return { rows, issues };
}
