import { describe, expect, it } from "vitest";
import ExcelJS from "./exceljs.js";
import { matchHeader, parseDateCell, parseRow, readXlsxRows } from "./xlsx-reader.js";
import { columnLetter, renderXlsxTable } from "./xlsx-table.js";

describe("renderXlsxTable + readXlsxRows", () => {
  it("decodes Excel's _xHHHH_ escapes (a control character Excel saved) and writes text that looks like one so that it comes back unchanged", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("a").addRow(["A_x0007_B", "C_x000D_\nD", "_x005F_x0041_"]);
    const read: unknown[][] = [];
    for await (const { cells } of readXlsxRows(Buffer.from(await wb.xlsx.writeBuffer()))) read.push(cells);
    expect(read).toEqual([["A\u0007B", "C\r\nD", "_x0041_"]]);
    const text = "Mã _x0041_ và _x0000_ giữ nguyên";
    const buf = await renderXlsxTable({ title: "t", sheetName: "t", columns: [{ header: "Ghi chú", key: "note", type: "text" }], rows: [{ note: text }] });
    const back: unknown[] = [];
    for await (const { cells } of readXlsxRows(buf)) back.push(cells[0]);
    expect(back).toEqual(["Ghi chú", text]);
  });

  it("parseRow refuses a control character (but not tab or a line break) in any cell", () => {
    const columns = [{ header: "Tên", key: "name", type: "text" as const, required: true }];
    expect(parseRow(4, ["Dòng 1\nDòng\t2"], columns, { name: 0 })).toEqual({ values: { name: "Dòng 1\nDòng\t2" }, issues: [] });
    const bad = parseRow(4, ["A\u0000B", "\u0001"], columns, { name: 0 });
    expect(bad.values).toEqual({ name: null });
    expect(bad.issues.map((i) => i.message)).toEqual([
      "Ô A4 chứa ký tự điều khiển không hợp lệ (U+0000); hãy xóa ký tự đó rồi nhập lại",
      "Ô B4 chứa ký tự điều khiển không hợp lệ (U+0001); hãy xóa ký tự đó rồi nhập lại",
    ]);
    expect(parseRow(4, ["\uD800x"], columns, { name: 0 }).issues[0]!.message).toMatch(/U\+D800/);
  });

  it("round-trips many Vietnamese rows through the streaming writer and reader without corrupting characters", async () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `Trần Thị Ngọc Huỳnh Đặng Bùi Nguyễn Văn Ấp ${i}`);
    const buf = await renderXlsxTable({
      title: "Thử",
      sheetName: "Danh sách",
      columns: [
        { header: "STT", key: "stt", type: "integer" },
        { header: "Họ và tên", key: "name", type: "text" },
        { header: "Ngày", key: "day", type: "date" },
        { header: "Tỷ lệ", key: "pct", type: "percent" },
      ],
      rows: names.map((name, i) => ({ stt: i + 1, name, day: "2020-03-02", pct: 0.25 })),
    });
    const read: string[] = [];
    for await (const { row, cells } of readXlsxRows(buf)) {
      if (row === 1) expect(cells).toEqual(["STT", "Họ và tên", "Ngày", "Tỷ lệ"]);
      else {
        read.push(cells[1] as string);
        if (row === 2) expect(cells[2]).toEqual(new Date("2020-03-02T00:00:00Z"));
      }
    }
    expect(read).toEqual(names);
  });

  it("writes date cells as real dates with the dd/mm/yyyy format, frozen header and autofilter", async () => {
    const buf = await renderXlsxTable({ title: "t", sheetName: "S", columns: [{ header: "Ngày", key: "d", type: "date" }, { header: "Số", key: "n", type: "number" }], rows: [{ d: "2020-12-31", n: 1234.5 }] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell("A2").value).toEqual(new Date("2020-12-31T00:00:00Z"));
    expect(ws.getCell("A2").numFmt).toBe("dd/mm/yyyy");
    expect(ws.getCell("B2").numFmt).toBe("#,##0.##");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
  });
});

describe("parsing helpers", () => {
  it("reads dates from Excel dates, serial numbers and dd/mm/yyyy text, refusing impossible ones", () => {
    expect(parseDateCell(new Date("1990-05-12T00:00:00Z"))).toBe("1990-05-12");
    expect(parseDateCell(43892)).toBe("2020-03-02");
    expect(parseDateCell("2/3/2020")).toBe("2020-03-02");
    expect(parseDateCell("31/02/2020")).toBeUndefined();
    expect(parseDateCell("mai")).toBeUndefined();
    expect(parseDateCell(null)).toBeNull();
  });

  it("names missing and unknown columns, and refuses formulas cell by cell", () => {
    const cols = [{ header: "Họ và tên", key: "n", type: "text" as const, required: true }, { header: "Ngày sinh", key: "d", type: "date" as const }];
    expect(matchHeader(["Họ và tên", "Quê"], cols)).toEqual({
      issues: [{ row: 1, column: null, message: 'Thiếu cột: "Ngày sinh"' }, { row: 1, column: "B", message: 'Cột "Quê" không thuộc mẫu nhập' }],
    });
    const m = matchHeader([" ngày  sinh", "HỌ VÀ TÊN"], cols);
    expect(m).toEqual({ index: { n: 1, d: 0 } });
    const r = parseRow(5, [{ formula: "TODAY()" }, null], cols, { n: 1, d: 0 });
    expect(r.issues.map((i) => i.message)).toEqual([expect.stringContaining("Ô A5 chứa công thức"), 'Ô B5: "Họ và tên" không được để trống']);
    expect(columnLetter(28)).toBe("AB");
  });
});
