import { crc32, deflateRawSync } from "node:zlib";
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

/** A minimal stored-deflate zip of the given parts (what a spreadsheet program writes, by hand). */
function zipOf(parts: Record<string, string>): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(parts)) {
    const raw = Buffer.from(text, "utf8");
    const data = deflateRawSync(raw);
    const nameBuf = Buffer.from(name, "utf8");
    // the local header and the central directory entry carry the same fields at a shifted place
    const header = (signature: number, size: number, at: number) => {
      const b = Buffer.alloc(size);
      b.writeUInt32LE(signature, 0);
      b.writeUInt16LE(20, 4);
      b.writeUInt16LE(20, at - 2);
      b.writeUInt16LE(0x0800, at);
      b.writeUInt16LE(8, at + 2);
      b.writeUInt32LE(crc32(raw), at + 8);
      b.writeUInt32LE(data.length, at + 12);
      b.writeUInt32LE(raw.length, at + 16);
      b.writeUInt16LE(nameBuf.length, at + 20);
      return b;
    };
    const head = header(0x04034b50, 30, 6);
    const dir = header(0x02014b50, 46, 8);
    dir.writeUInt32LE(offset, 42);
    local.push(head, nameBuf, data);
    central.push(dir, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, ...central, end]);
}

describe("readXlsxRows on files other programs write", () => {
  it("reads the workbook's first sheet with prefixed tags, rich and inline strings, formulas, booleans, errors and date styles", async () => {
    const ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const file = zipOf({
      "[Content_Types].xml": "<Types/>",
      "xl/workbook.xml": `<x:workbook ${ns} xmlns:r="r"><x:workbookPr/><x:sheets><x:sheet name="Chính" sheetId="7" r:id="rId2"/><x:sheet name="Phụ" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
      "xl/_rels/workbook.xml.rels": '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>',
      "xl/styles.xml": `<x:styleSheet ${ns}><x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></x:numFmts><x:cellXfs count="3"><x:xf numFmtId="0"/><x:xf numFmtId="164" applyNumberFormat="1"/><x:xf numFmtId="14"></x:xf></x:cellXfs></x:styleSheet>`,
      "xl/sharedStrings.xml": `<x:sst ${ns}><x:si><x:t>Trần &amp; Lê</x:t></x:si><x:si><x:r><x:t xml:space="preserve">Nguyễn </x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>Văn</x:t></x:r><x:rPh><x:t>ふりがな</x:t></x:rPh></x:si><x:si/></x:sst>`,
      "xl/worksheets/sheet1.xml": `<x:worksheet ${ns}><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>sai trang</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
      "xl/worksheets/sheet2.xml": `<x:worksheet ${ns}><x:cols><x:col min="1" max="2"/></x:cols><x:sheetData>
        <x:row r="2" spans="1:7"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="C2" t="s"><x:v>1</x:v></x:c><x:c r="D2" s="1"><x:v>43892</x:v></x:c><x:c r="E2" s="2"><x:v>43893</x:v></x:c><x:c r="F2"><x:v>12.5</x:v></x:c></x:row>
        <x:row r="3"/>
        <x:row r="4"><x:c r="B4" t="b"><x:v>1</x:v></x:c><x:c r="C4" t="e"><x:v>#N/A</x:v></x:c><x:c r="D4" t="str"><x:f>A2&amp;"x"</x:f><x:v>Trần &amp; Lêx</x:v></x:c><x:c r="E4"><x:f t="shared" si="0"/><x:v>3</x:v></x:c><x:c r="F4" t="inlineStr"><x:is><x:r><x:t>Ấp </x:t></x:r><x:r><x:t>&#7844;&#x1EA4;</x:t></x:r></x:is></x:c><x:c r="G4" t="s"><x:v>2</x:v></x:c><x:c r="H4" s="1"/></x:row>
        <x:row><x:c t="d"><x:v>2020-03-04</x:v></x:c><x:c t="inlineStr"><x:is><x:t>_x0007_</x:t></x:is></x:c></x:row>
      </x:sheetData></x:worksheet>`,
    });
    const rows: { row: number; cells: unknown[] }[] = [];
    for await (const r of readXlsxRows(file)) rows.push(r);
    expect(rows).toEqual([
      { row: 2, cells: ["Trần & Lê", null, "Nguyễn Văn", new Date("2020-03-02T00:00:00Z"), new Date("2020-03-03T00:00:00Z"), 12.5] },
      { row: 4, cells: [null, true, "#N/A", { formula: 'A2&"x"' }, { formula: "" }, "Ấp ẤẤ", "", null] },
      { row: 5, cells: [new Date("2020-03-04T00:00:00Z"), "\u0007"] },
    ]);
  });

  it("refuses a zip that is no workbook, and a broken one, with the Vietnamese messages", async () => {
    const noSheet = zipOf({ "[Content_Types].xml": "<Types/>" });
    await expect(readXlsxRows(noSheet).next()).rejects.toThrow("Tệp Excel không có trang tính nào");
    const broken = zipOf({ "xl/worksheets/sheet1.xml": '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>5</v></c></row></sheetData></worksheet>' });
    await expect(readXlsxRows(broken).next()).rejects.toThrow("Tệp Excel bị hỏng hoặc không đọc được");
    await expect(readXlsxRows(Buffer.from("PK\u0003\u0004 rác")).next()).rejects.toThrow("Tệp Excel bị hỏng hoặc không đọc được");
    await expect(readXlsxRows(Buffer.from("không phải zip")).next()).rejects.toThrow("Tệp không phải bảng tính Excel (.xlsx)");
  });
});
