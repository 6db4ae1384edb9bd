import JSZip from "jszip";
import ExcelJS, { type CellValue } from "../../spreadsheets/exceljs.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MEMBER_SHEET_HEADERS, REGISTRATION_SHEET_HEADERS } from "@contracts/spreadsheets.js";
import { buildAccount, buildPerson, buildUnit, TEST_PASSWORD } from "../../test/factories.js";
import { setupTestApp, signIn, type Client, type TestContext } from "../../test/support.js";
import { declaredInflatedBytes } from "../../spreadsheets/zip-guard.js";
import { WorkerPool } from "../../workers/worker-pool.js";

let ctx: TestContext;
let school: string;
let bithu: Client;

beforeAll(async () => {
  ctx = await setupTestApp();
  school = ctx.units["cb-tieu-hoc-thanh-an"]!;
  bithu = await signIn(ctx.app, "th.bithu");
});
afterAll(() => ctx.close());

/** A multipart/form-data body with one file. */
function multipart(file: Buffer, fileName = "danh-sach.xlsx") {
  const boundary = "----dvk" + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, file, tail]), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

function upload(c: Client, url: string, file: Buffer, fileName?: string) {
  const m = multipart(file, fileName);
  return c.request({ method: "POST", url, payload: m.payload, headers: m.headers });
}

/** Builds an XLSX in memory (cells may be formulas: { formula }). */
async function workbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Danh sách");
  for (const r of rows) ws.addRow(r as CellValue[]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readCells(buf: Buffer, width: number = MEMBER_SHEET_HEADERS.length) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const vals: unknown[] = [];
    for (let i = 1; i <= width; i++) {
      const v = row.getCell(i).value;
      vals.push(v instanceof Date ? v.toISOString() : (v ?? null));
    }
    rows.push(vals);
  });
  return { ws, rows };
}

async function counts() {
  const [p] = await ctx.db.query<{ n: number }>("SELECT count(*) AS n FROM persons");
  const [pos] = await ctx.db.query<{ n: number }>("SELECT count(*) AS n FROM positions");
  const [a] = await ctx.db.query<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'members.import'");
  const [u] = await ctx.db.query<{ t: string }>("SELECT max(updated_at)::text AS t FROM persons");
  return { persons: p!.n, positions: pos!.n, audits: a!.n, lastUpdate: u!.t };
}

const exportUrl = () => `/api/units/${school}/members/export.xlsx`;
const importUrl = (dry = false) => `/api/units/${school}/members/import${dry ? "?dryRun=1" : ""}`;

const HEADER: string[] = [...MEMBER_SHEET_HEADERS];
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("members export", () => {
  it("writes the Vietnamese headers, real date cells dd/mm/yyyy, frozen header and autofilter, and a Vietnamese file name", async () => {
    const res = await bithu.get(exportUrl());
    expect(res.status).toBe(200);
    expect(String(res.headers["content-type"])).toContain("spreadsheetml");
    expect(decodeURIComponent(String(res.headers["content-disposition"]))).toContain("Danh sách đảng viên - Chi bộ Trường Tiểu học Thạnh An.xlsx");
    const { ws, rows } = await readCells(res.raw);
    expect(rows[0]).toEqual(HEADER);
    expect(rows.length).toBeGreaterThan(5);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    const roles = rows.slice(1).map((r) => r[5]);
    expect(roles[0]).toBe("Bí thư");
    expect(roles).toContain("Phó Bí thư");
    // the start-date column holds real dates formatted dd/mm/yyyy
    const cell = ws.getRow(2).getCell(8);
    expect(cell.value).toBeInstanceOf(Date);
    expect(cell.numFmt).toBe("dd/mm/yyyy");
    expect(ws.getRow(2).getCell(1).value).toBe(1);
  });

  it("is refused outside the actor's reach (404) and to members without staff rights (403)", async () => {
    const other = await signIn(ctx.app, "thanhhoa.bithu");
    expect((await other.get(exportUrl())).status).toBe(404);
    const gv = await signIn(ctx.app, "th.gv01");
    expect((await gv.get(exportUrl())).status).toBe(403);
    const khoivan = await signIn(ctx.app, "khoivan.xa");
    expect((await khoivan.get(exportUrl())).status).toBe(200);
  });
});

describe("members import", () => {
  it("stores the same person the same way through the form and through the import (one owner: people.service personValues)", async () => {
    // typed as decomposed Unicode (as some keyboards and PDFs give it); both paths store one form
    const name = "Lữ Thị Ánh Tuyết".normalize("NFD");
    const viaForm = await bithu.post("/api/people", {
      fullName: name,
      gender: "female",
      birthDate: "1991-04-05",
      categories: ["party_member", "teacher"],
      phone: "0909000111",
      email: "tuyet@example.vn",
      externalCode: "FORM-01",
      position: { unitId: school, role: "member", title: "Giáo viên", startDate: "2024-09-01" },
    });
    expect(viaForm.status).toBe(201);
    const file = await workbook([HEADER, [null, name, "05/04/1991", "Nữ", "Đảng viên, Giáo viên", "Đảng viên / thành viên", "Giáo viên", d("2024-09-01"), "SHEET-01", "0909000111", "tuyet@example.vn"]]);
    const imported = await upload(bithu, importUrl(), file);
    expect(imported.body).toMatchObject({ ok: true, applied: true, counts: { create: 1 } });
    const rows = await ctx.db.query<Record<string, unknown>>(
      `SELECT pe.external_code, pe.full_name, pe.search_key, pe.sort_key, pe.gender, pe.birth_date::text AS birth_date, pe.categories, pe.phone, pe.email,
              p.unit_id, p.role, p.title, p.start_date::text AS start_date, p.end_date
         FROM persons pe JOIN positions p ON p.person_id = pe.id WHERE pe.external_code IN ('FORM-01', 'SHEET-01') ORDER BY pe.external_code`,
    );
    expect(rows).toHaveLength(2);
    const [form, sheet] = rows.map(({ external_code: _, ...rest }) => rest);
    expect(form!.full_name).toBe("Lữ Thị Ánh Tuyết".normalize("NFC"));
    expect(sheet).toEqual(form);
  });

  it("export → import → export gives identical cells, and the re-import changes nothing", async () => {
    const first = await bithu.get(exportUrl());
    const before = await counts();
    const dry = await upload(bithu, importUrl(true), first.raw);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ ok: true, dryRun: true, applied: false, counts: { create: 0, update: 0 } });
    expect(dry.body.counts.unchanged).toBe(dry.body.counts.rows);
    const applied = await upload(bithu, importUrl(), first.raw);
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ ok: true, applied: false, counts: { create: 0, update: 0 } });
    expect(await counts()).toEqual(before);
    const second = await bithu.get(exportUrl());
    expect((await readCells(second.raw)).rows).toEqual((await readCells(first.raw)).rows);
  });

  it("adds new members and updates changed ones in one transaction with one audit record; importing again changes nothing", async () => {
    const { rows } = await readCells((await bithu.get(exportUrl())).raw);
    const data = rows.slice(1).map((r) => r.map((v) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}T/.test(v) ? new Date(v) : v)));
    data[data.length - 1]![9] = "0909123456"; // change a phone
    data.push([null, "Võ Thị Nhập", "12/05/1990", "Nữ", "Đảng viên, Giáo viên", "Đảng viên / thành viên", "Giáo viên", d("2024-09-01"), "NHAP-001", null, "nhap@example.vn"]);
    data.push([null, "Đỗ Văn Excel", d("1988-01-02"), "Nam", "Đảng viên", "Đảng viên", null, "01/09/2023", null, null, null]);
    const file = await workbook([HEADER, ...data]);
    const before = await counts();

    const dry = await upload(bithu, importUrl(true), file);
    expect(dry.body).toMatchObject({ ok: true, counts: { create: 2, update: 1 } });
    expect(await counts()).toEqual(before);

    const res = await upload(bithu, importUrl(), file, "Danh sách mới.xlsx");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, applied: true, counts: { create: 2, update: 1 } });
    const after = await counts();
    expect(after.persons).toBe(before.persons + 2);
    expect(after.positions).toBe(before.positions + 2);
    expect(after.audits).toBe(before.audits + 1);
    const [audit] = await ctx.db.query<{ after: { created: number; updated: number; fileName: string }; actor_username: string; unit_id: string }>(
      "SELECT after, actor_username, unit_id FROM audit_log WHERE action = 'members.import' ORDER BY id DESC LIMIT 1",
    );
    expect(audit).toMatchObject({ actor_username: "th.bithu", unit_id: school, after: { created: 2, updated: 1, fileName: "Danh sách mới.xlsx" } });
    const [nhap] = await ctx.db.query<Record<string, unknown>>(
      `SELECT pe.birth_date, pe.gender, pe.categories, pe.external_code, p.role, p.title, p.start_date FROM persons pe
         JOIN positions p ON p.person_id = pe.id WHERE pe.full_name = 'Võ Thị Nhập'`,
    );
    expect(nhap).toEqual({ birth_date: "1990-05-12", gender: "female", categories: ["party_member", "teacher"], external_code: "NHAP-001", role: "member", title: "Giáo viên", start_date: "2024-09-01" });

    const again = await upload(bithu, importUrl(), file);
    expect(again.body).toMatchObject({ ok: true, applied: false, counts: { create: 0, update: 0, unchanged: data.length } });
    expect(await counts()).toEqual(after);
  });

  const bad: [string, () => Promise<Buffer>, RegExp][] = [
    ["missing and unknown columns", () => workbook([[...HEADER.filter((h) => h !== "Ngày sinh" && h !== "Chức vụ"), "Quê quán"], ["1", "A B"]]), /Thiếu cột: "Ngày sinh", "Chức vụ"/],
    ["a bad date", () => workbook([HEADER, [1, "Lê Văn Sai", "31/02/1990", "Nam", null, "Đảng viên", null, d("2020-01-01"), null, null, null]]), /"31\/02\/1990" không phải ngày hợp lệ/],
    ["an unknown role label", () => workbook([HEADER, [1, "Lê Văn Sai", null, "Nam", null, "Chủ tịch", null, d("2020-01-01"), null, null, null]]), /Chức vụ "Chủ tịch" không có trong danh mục/],
    [
      "duplicate keys in the file",
      () => workbook([HEADER, [1, "Lê Văn Hai", null, null, null, "Đảng viên", null, d("2020-01-01"), "DUP-1", null, null], [2, "Lê Văn Ba", null, null, null, "Đảng viên", null, d("2020-01-01"), "DUP-1", null, null]]),
      /Mã "DUP-1" trùng với dòng 2/,
    ],
    ["a formula", () => workbook([HEADER, [1, "Lê Văn Sai", { formula: "DATE(1990,1,1)" }, null, null, "Đảng viên", null, d("2020-01-01"), null, null, null]]), /Ô C2 chứa công thức/],
    ["a second secretary", () => workbook([HEADER, [1, "Lê Văn Mới", null, null, null, "Bí thư", null, d("2020-01-01"), null, null, null]]), /chỉ có một Bí thư/],
    ["an empty sheet", () => workbook([]), /không có dòng tiêu đề/],
    // Excel saves a control character as the escape _xHHHH_; a NUL would make PostgreSQL fail (500)
    ["a NUL character in a name", () => workbook([HEADER, [1, "Lê Văn_x0000_Sai", null, null, null, "Đảng viên", null, d("2020-01-01"), null, null, null]]), /Ô B2 chứa ký tự điều khiển không hợp lệ \(U\+0000\)/],
    ["a control character in a title", () => workbook([HEADER, [1, "Lê Văn Sai", null, null, null, "Đảng viên", "Giáo_x0007_viên", d("2020-01-01"), null, null, null]]), /Ô G2 chứa ký tự điều khiển không hợp lệ \(U\+0007\)/],
  ];
  for (const [name, make, message] of bad) {
    it(`refuses ${name} with a Vietnamese report and writes nothing`, async () => {
      const file = await make();
      const before = await counts();
      const dry = await upload(bithu, importUrl(true), file);
      expect(dry.status).toBe(200);
      expect(dry.body.ok).toBe(false);
      expect(dry.body.issues.map((i: { message: string }) => i.message).join("\n")).toMatch(message);
      const res = await upload(bithu, importUrl(), file);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("VALIDATION_FAILED");
      expect(res.body.report.issues.map((i: { message: string }) => i.message).join("\n")).toMatch(message);
      expect(await counts()).toEqual(before);
    });
  }

  it("reports the row number of a bad row among good ones, and applies none of them", async () => {
    const file = await workbook([
      HEADER,
      [1, "Phan Văn Tốt", null, null, null, "Đảng viên", null, d("2020-01-01"), "TOT-1", null, null],
      [2, "Phan Văn Xấu", "ngày mai", null, null, "Đảng viên", null, d("2020-01-01"), "XAU-1", null, null],
    ]);
    const before = await counts();
    const res = await upload(bithu, importUrl(), file);
    expect(res.status).toBe(400);
    expect(res.body.report.issues).toEqual([{ row: 3, column: "Ngày sinh", message: expect.stringContaining("C3") }]);
    expect(await counts()).toEqual(before);
  });

  it("refuses a spreadsheet bomb from its declared sizes in well under a second, and one that lies about them while inflating", async () => {
    const before = await counts();
    // a real export with one 40 MB shared string added: the file stays small, the text does not
    const zip = await JSZip.loadAsync((await bithu.get(exportUrl())).raw);
    zip.file("xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>${"A".repeat(40 * 1024 * 1024)}</t></si></sst>`);
    const bomb = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = Date.now();
    const r = await upload(bithu, importUrl(), bomb);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(r.status).toBe(413);
    expect(r.body.error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: expect.stringMatching(/giải nén quá lớn/) });

    // the same bomb declaring a modest size in its central directory is stopped once it outgrows it
    const liar = Buffer.from(bomb);
    const name = Buffer.from("xl/sharedStrings.xml");
    for (let at = liar.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = liar.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) {
      const nameLength = liar.readUInt16LE(at + 28);
      if (liar.subarray(at + 46, at + 46 + nameLength).equals(name)) liar.writeUInt32LE(liar.readUInt32LE(at + 20) * 3, at + 24);
    }
    const lied = await upload(bithu, importUrl(), liar);
    expect(lied.status).toBe(413);
    expect(await counts()).toEqual(before);
  });

  it("refuses a file that is not XLSX (415), a broken zip (415) and a file over the size limit (413)", async () => {
    const before = await counts();
    const text = await upload(bithu, importUrl(), Buffer.from("Họ và tên,Ngày sinh\nA,1/1/1990\n"), "ds.csv");
    expect(text.status).toBe(415);
    expect(text.body.error.message).toMatch(/không phải bảng tính Excel/);
    const broken = await upload(bithu, importUrl(), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
    expect(broken.status).toBe(415);
    expect(broken.body.error.message).toMatch(/hỏng|không đọc được/);
    const small = await setupTestApp({ maxUploadBytes: 2000 });
    try {
      const c = await signIn(small.app, "th.bithu");
      const big = await upload(c, `/api/units/${small.units["cb-tieu-hoc-thanh-an"]}/members/import`, (await bithu.get(exportUrl())).raw);
      expect(big.status).toBe(413);
      expect(big.body.error.message).toMatch(/vượt quá dung lượng/);
    } finally {
      await small.close();
    }
    const json = await bithu.post(importUrl(), { rows: [] });
    expect(json.status).toBe(415);
    expect(await counts()).toEqual(before);
  });

  it("is refused to viewers (403) and outside the actor's reach (404)", async () => {
    const file = (await bithu.get(exportUrl())).raw;
    const before = await counts();
    const khoivan = await signIn(ctx.app, "khoivan.xa");
    expect((await upload(khoivan, importUrl(), file)).status).toBe(403);
    const phobithu = await signIn(ctx.app, "th.phobithu");
    expect((await upload(phobithu, importUrl(true), file)).status).toBe(403);
    const other = await signIn(ctx.app, "thanhhoa.bithu");
    expect((await upload(other, importUrl(), file)).status).toBe(404);
    expect(await counts()).toEqual(before);
  });
});

describe("one memory budget for the sheets read at once (IMPORT_BUDGET_BYTES)", () => {
  it("an import that would take the sheets being read over the budget is refused at once with 503 BUSY, writes nothing, and goes through once they are done", async () => {
    const workers = ctx.app.workers;
    const file = await workbook([HEADER, [1, "Tạ Văn Chờ", null, null, null, "Đảng viên", null, d("2020-01-01"), "CHO-1", null, null]]);
    const before = await counts();
    // other imports being read hold all but a few bytes of the budget
    const others = workers.reserveSheetBytes(workers.sheetBudgetBytes - 100);
    try {
      const started = Date.now();
      const busy = await upload(bithu, importUrl(), file);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(busy.status).toBe(503);
      expect(busy.body.error).toEqual({ code: "BUSY", message: "Hệ thống đang đọc nhiều tệp Excel lớn cùng lúc, vui lòng thử lại sau ít phút" });
      expect(await counts()).toEqual(before);
    } finally {
      others();
    }
    expect(workers.sheetBytesInUse).toBe(0);
    const ok = await upload(bithu, importUrl(), file);
    expect(ok.body).toMatchObject({ ok: true, applied: true, counts: { create: 1 } });
    // the budget is given back after every read, refused imports included
    expect((await upload(bithu, importUrl(), await workbook([HEADER, [1, "Tạ Văn Sai", "31/02/1990", null, null, "Đảng viên", null, d("2020-01-01"), null, null, null]]))).status).toBe(400);
    expect(workers.sheetBytesInUse).toBe(0);
  });

  it("holds each file's declared uncompressed size while it is read: a second file that would go over the budget is refused at once, and read once the first is done", async () => {
    const file = await workbook([HEADER, ...Array.from({ length: 5 }, (_, i) => [i + 1, `Người Thứ ${i}`, null, null, null, "Đảng viên", null, d("2020-01-01"), `TH-${i}`, null, null])]);
    const size = await declaredInflatedBytes(file);
    const pool = new WorkerPool({ threads: 2, queue: 2, sheetBudgetBytes: Math.floor(size * 1.5) });
    try {
      const first = pool.readSheet("members", file, 1);
      expect((await first.next()).done).toBe(false); // reading: one row handed over, the rest still to come
      expect(pool.sheetBytesInUse).toBe(size);
      await expect(pool.readSheet("members", file, 1).next()).rejects.toMatchObject({ code: "BUSY" });
      for (let n = await first.next(); !n.done; n = await first.next());
      expect(pool.sheetBytesInUse).toBe(0);
      let rows = 0;
      for (const second = pool.readSheet("members", file); ; ) {
        const n = await second.next();
        if (n.done) break;
        rows += n.value.inputs.length;
      }
      expect(rows).toBe(5);
      // one file alone always runs, even over the budget (its own size is the zip guard's business)
      const tiny = new WorkerPool({ threads: 1, queue: 0, sheetBudgetBytes: 1 });
      try {
        expect((await tiny.readSheet("members", file).next()).done).toBe(false);
      } finally {
        await tiny.close();
      }
    } finally {
      await pool.close();
    }
  });
});

describe("people export", () => {
  it("exports the search list with the same scope filter as GET /api/people", async () => {
    const own = await readCells((await bithu.get("/api/people/export.xlsx")).raw);
    expect(own.rows[0]!.slice(0, 6)).toEqual(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Phân loại", "Đơn vị, chức vụ hiện nay"]);
    const list = await bithu.get("/api/people?pageSize=500");
    expect(own.rows.length - 1).toBe(list.body.total);
    const other = await signIn(ctx.app, "thanhhoa.bithu");
    const res = await other.get("/api/people/export.xlsx?q=nguyen%20van%20an");
    expect(res.status).toBe(200);
    const names = (await readCells(res.raw)).rows.slice(1).map((r) => r[1]);
    const visible = (await other.get("/api/people?q=nguyen%20van%20an")).body.items.map((p: { fullName: string }) => p.fullName);
    expect(names).toEqual(visible);
  });
});

describe("registration sheet", () => {
  let campaignId: string;
  let regUrl: string;
  const person = async (name: string) => (await ctx.db.query<{ id: string }>("SELECT id FROM persons WHERE full_name = $1", [name]))[0]!.id;

  beforeAll(async () => {
    const xa = ctx.units["xa-thanh-an"]!;
    const [set] = await ctx.db.query<{ id: string }>("INSERT INTO criteria_sets (issuing_unit_id, name, year, status) VALUES ($1, 'Bộ tiêu chí thử', 2020, 'published') RETURNING id", [xa]);
    const crit: Record<string, string> = {};
    for (const [i, code] of ["I", "IV"].entries()) {
      const [c] = await ctx.db.query<{ id: string }>("INSERT INTO criteria (set_id, code, title, sort) VALUES ($1, $2, $3, $4) RETURNING id", [set!.id, code, `Tiêu chí ${code}`, i]);
      crit[code] = c!.id;
    }
    for (const [i, [c, code]] of [["I", "I.1"], ["IV", "IV.2"]].entries()) {
      await ctx.db.query("INSERT INTO criterion_items (criterion_id, code, title, sort) VALUES ($1, $2, $3, $4)", [crit[c!], code, `Nội dung ${code}`, i]);
    }
    const [camp] = await ctx.db.query<{ id: string }>(
      "INSERT INTO campaigns (unit_id, name, year, period_start, period_end, criteria_set_id) VALUES ($1, 'Phong trào thử 2020', 2020, '2020-03-01', '2020-12-31', $2) RETURNING id",
      [xa, set!.id],
    );
    campaignId = camp!.id;
    regUrl = `/api/campaigns/${campaignId}/units/${school}/registrations`;
  });

  async function regCounts() {
    const [r] = await ctx.db.query<{ n: number }>("SELECT count(*) AS n FROM registrations");
    const [c] = await ctx.db.query<{ n: number }>("SELECT count(*) AS n FROM commitments");
    const [a] = await ctx.db.query<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'registrations.import'");
    return { registrations: r!.n, commitments: c!.n, audits: a!.n };
  }

  it("imports new rows as draft registrations, is idempotent, and export → import → export is identical", async () => {
    const members = (await bithu.get(`/api/units/${school}`)).body.members as { fullName: string }[];
    const [a, b] = [members[0]!.fullName, members[1]!.fullName];
    const H: string[] = [...REGISTRATION_SHEET_HEADERS];
    const file = await workbook([
      H,
      [1, a, null, "IV", "IV.2", "Chấp hành luật giao thông, đội mũ bảo hiểm", "100%", "Xã Thạnh An", d("2020-03-15"), "31/12/2020", null, null],
      [2, b, null, "I", "I.1", "Hướng dẫn người dân làm thủ tục trực tuyến", "20 hồ sơ", null, null, d("2020-12-31"), null, null],
    ]);
    const before = await regCounts();
    const dry = await upload(bithu, `${regUrl}/import?dryRun=1`, file);
    expect(dry.body).toMatchObject({ ok: true, counts: { create: 2 } });
    expect(await regCounts()).toEqual(before);
    const res = await upload(bithu, `${regUrl}/import`, file);
    expect(res.body).toMatchObject({ ok: true, applied: true, counts: { create: 2, update: 0 } });
    const after = await regCounts();
    expect(after).toEqual({ registrations: before.registrations + 2, commitments: before.commitments + 2, audits: before.audits + 1 });
    const statuses = await ctx.db.query<{ status: string }>("SELECT status FROM registrations WHERE campaign_id = $1", [campaignId]);
    expect(statuses.map((s) => s.status)).toEqual(["draft", "draft"]);
    // the same file again: nothing changes (rows without "Mã dòng" are keyed by person + sub-item + action)
    const again = await upload(bithu, `${regUrl}/import`, file);
    expect(again.body).toMatchObject({ ok: true, applied: false, counts: { create: 0, update: 0, unchanged: 2 } });
    expect(await regCounts()).toEqual(after);

    const exp1 = await bithu.get(`${regUrl}/export.xlsx`);
    expect(exp1.status).toBe(200);
    const cells1 = (await readCells(exp1.raw, 12)).rows;
    expect(cells1[0]).toEqual(H);
    const back = await upload(bithu, `${regUrl}/import`, exp1.raw);
    expect(back.body).toMatchObject({ ok: true, counts: { create: 0, update: 0, unchanged: 2 } });
    const exp2 = await bithu.get(`${regUrl}/export.xlsx`);
    expect((await readCells(exp2.raw, 12)).rows).toEqual(cells1);
  });

  it("gives the same row the same answer through the form and through the import (one rule, src/domain/commitment-dates.ts)", async () => {
    const fullName = "Đỗ Thị Cùng Luật";
    const { personId } = await buildPerson(ctx.db, { fullName, unitId: school, role: "member", startDate: "2019-01-01" });
    const { username } = await buildAccount(ctx.db, { personId });
    const member = await signIn(ctx.app, username, TEST_PASSWORD);
    const item = (await ctx.db.query<{ id: string }>("SELECT ci.id FROM criterion_items ci JOIN criteria c ON c.id = ci.criterion_id JOIN campaigns k ON k.criteria_set_id = c.set_id WHERE k.id = $1 AND ci.code = 'IV.2'", [campaignId]))[0]!.id;
    const H: string[] = [...REGISTRATION_SHEET_HEADERS];
    // the campaign runs 01/03/2020 – 31/12/2020
    const cases: { startDate: string | null; deadline: string | null; target: string | null }[] = [
      { startDate: null, deadline: "2021-01-15", target: "100%" },
      { startDate: "2020-02-01", deadline: "2020-06-30", target: "100%" },
      { startDate: "2020-07-01", deadline: "2020-06-30", target: "100%" },
      { startDate: null, deadline: null, target: "100%" },
      { startDate: null, deadline: "2020-06-30", target: null },
      { startDate: "2020-03-15", deadline: "2020-12-31", target: "0 lỗi vi phạm" },
    ];
    for (const c of cases) {
      const where = JSON.stringify(c);
      const action = "Chấp hành luật giao thông";
      const file = await workbook([H, [1, fullName, null, "IV", "IV.2", action, c.target, null, c.startDate ? d(c.startDate) : null, c.deadline ? d(c.deadline) : null, null, null]]);
      const imported = await upload(bithu, `${regUrl}/import?dryRun=1`, file);
      const form = await member.post("/api/registrations", {
        campaignId,
        unitId: school,
        commitments: [{ criterionItemId: item, action, target: c.target ?? "", startDate: c.startDate, ...(c.deadline ? { deadline: c.deadline } : {}) }],
        models: [],
      });
      expect(imported.body.ok, where).toBe(form.status === 201);
      if (form.status === 400) {
        const formMessages = (form.body.error.details as { path: string; message: string }[]).filter((x) => /Date|deadline/.test(x.path) && !/bắt buộc|Required|nhập/.test(x.message)).map((x) => x.message);
        const importMessages = (imported.body.issues as { column: string; message: string }[]).filter((x) => x.column === "Thời hạn" || x.column === "Ngày bắt đầu").map((x) => x.message);
        if (c.deadline !== null) expect(importMessages, where).toEqual(formMessages);
      }
    }
    // the valid row was written once, by the form; the dry runs wrote nothing
    expect((await ctx.db.query("SELECT 1 FROM registrations WHERE campaign_id = $1 AND person_id = $2", [campaignId, personId])).length).toBe(1);
  });

  it("refuses unknown persons, unknown sub-items and changes to an approved registration, writing nothing", async () => {
    const H: string[] = [...REGISTRATION_SHEET_HEADERS];
    const before = await regCounts();
    const bad = await workbook([
      H,
      [1, "Người Không Có Thật", null, "IV", "IV.2", "Việc làm", "100%", null, null, d("2020-12-31"), null, null],
      [2, "Trần Văn Dũng", null, "IV", "IV.9", "Việc làm", "100%", null, null, d("2020-12-31"), null, null],
    ]);
    const res = await upload(bithu, `${regUrl}/import`, bad);
    expect(res.status).toBe(400);
    const msgs = res.body.report.issues.map((i: { row: number; message: string }) => `${i.row}: ${i.message}`).join("\n");
    expect(msgs).toMatch(/2: "Người Không Có Thật" không phải đảng viên đang sinh hoạt/);
    expect(msgs).toMatch(/3: .*(không phải đảng viên|IV\.9)/);

    const exp = await readCells((await bithu.get(`${regUrl}/export.xlsx`)).raw, 12);
    const first = exp.rows[1]!;
    await ctx.db.query("UPDATE registrations SET status = 'approved' WHERE id = (SELECT registration_id FROM commitments WHERE id = $1)", [first[11]]);
    const changed = exp.rows.map((r) => r.map((v) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}T/.test(v) ? new Date(v) : v)));
    changed[1]![6] = "Chỉ tiêu mới";
    const res2 = await upload(bithu, `${regUrl}/import`, await workbook(changed));
    expect(res2.status).toBe(400);
    expect(res2.body.report.issues[0].message).toMatch(/đã được duyệt/);
    expect(await regCounts()).toEqual(before);
    void person;
  });

  it("refuses a NUL or control character in any cell with the row's cell named, writing nothing (never a 500)", async () => {
    const H: string[] = [...REGISTRATION_SHEET_HEADERS];
    const before = await regCounts();
    const file = await workbook([
      H,
      [1, "Trần Văn Dũng", null, "IV", "IV.2", "Đội mũ_x0000_ bảo hiểm", "100%", null, null, d("2020-12-31"), null, null],
      [2, "Trần Văn Dũng", null, "IV", "IV.2", "Chấp hành luật", "100%", "Ấp_x001F_", null, d("2020-12-31"), null, null],
    ]);
    const res = await upload(bithu, `${regUrl}/import`, file);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION_FAILED");
    expect(res.body.report.issues).toEqual(
      expect.arrayContaining([
        { row: 2, column: "F", message: "Ô F2 chứa ký tự điều khiển không hợp lệ (U+0000); hãy xóa ký tự đó rồi nhập lại" },
        { row: 3, column: "H", message: "Ô H3 chứa ký tự điều khiển không hợp lệ (U+001F); hãy xóa ký tự đó rồi nhập lại" },
      ]),
    );
    expect(await regCounts()).toEqual(before);
  });

  it("is refused outside the actor's reach", async () => {
    const other = await signIn(ctx.app, "thanhhoa.bithu");
    expect((await other.get(`${regUrl}/export.xlsx`)).status).toBe(404);
    const khoivan = await signIn(ctx.app, "khoivan.xa");
    expect((await upload(khoivan, `${regUrl}/import`, await workbook([["x"]]))).status).toBe(403);
  });

  it("follows the sheet page's rules: a member may not export the whole sheet, the deputy exports but may not import (403)", async () => {
    const before = await regCounts();
    const member = await signIn(ctx.app, "th.gv01");
    expect((await member.get(`${regUrl}/export.xlsx`)).status).toBe(403);
    expect((await upload(member, `${regUrl}/import`, await workbook([["x"]]))).status).toBe(403);
    const deputy = await signIn(ctx.app, "th.phobithu");
    expect((await deputy.get(`${regUrl}/export.xlsx`)).status).toBe(200);
    const res = await upload(deputy, `${regUrl}/import`, await workbook([["x"]]));
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/Bí thư/);
    expect(await regCounts()).toEqual(before);
  });

  it("lets the cell's secretary import without a manage scope, as she approves the sheets", async () => {
    const cell = await buildUnit(ctx.db, { parentId: ctx.units["xa-thanh-an"]! });
    const secretary = await buildPerson(ctx.db, { unitId: cell, role: "secretary", startDate: "2019-01-01" });
    const { username } = await buildAccount(ctx.db, { personId: secretary.personId });
    await buildPerson(ctx.db, { fullName: "Châu Thị Nhập Tệp", unitId: cell, role: "member", startDate: "2019-01-01" });
    const client = await signIn(ctx.app, username, TEST_PASSWORD);
    const url = `/api/campaigns/${campaignId}/units/${cell}/registrations`;
    const file = await workbook([[...REGISTRATION_SHEET_HEADERS], [1, "Châu Thị Nhập Tệp", null, "I", "I.1", "Hướng dẫn thủ tục trực tuyến", "10 hồ sơ", null, null, d("2020-12-31"), null, null]]);
    const res = await upload(client, `${url}/import`, file);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, applied: true, counts: { create: 1 } });
    expect((await client.get(`${url}/export.xlsx`)).status).toBe(200);
  });

  it("refuses a unit that does not take part (404), a draft campaign (404) and a closed one (409), writing nothing", async () => {
    const before = await regCounts();
    const file = await workbook([[...REGISTRATION_SHEET_HEADERS], [1, "Nguyễn Văn An", null, "I", "I.1", "Việc làm", "100%", null, null, d("2020-12-31"), null, null]]);
    // a cell created after the campaign ended is not in its tree
    const late = await buildUnit(ctx.db, { parentId: ctx.units["xa-thanh-an"]!, validFrom: "2021-01-01" });
    const admin = await signIn(ctx.app, "xa.bithu");
    expect((await upload(admin, `/api/campaigns/${campaignId}/units/${late}/registrations/import`, file)).status).toBe(404);
    expect((await admin.get(`/api/campaigns/${campaignId}/units/${late}/registrations/export.xlsx`)).status).toBe(404);
    try {
      await ctx.db.query("UPDATE campaigns SET status = 'draft' WHERE id = $1", [campaignId]);
      expect((await upload(bithu, `${regUrl}/import`, file)).status).toBe(404);
      await ctx.db.query("UPDATE campaigns SET status = 'closed' WHERE id = $1", [campaignId]);
      const closed = await upload(bithu, `${regUrl}/import?dryRun=1`, file);
      expect(closed.status).toBe(409);
      expect(closed.body.error).toMatchObject({ code: "INVALID_STATE", message: "Phong trào đã kết thúc, không thể nhập bảng đăng ký" });
      expect((await bithu.get(`${regUrl}/export.xlsx`)).status).toBe(200);
    } finally {
      await ctx.db.query("UPDATE campaigns SET status = 'active' WHERE id = $1", [campaignId]);
    }
    expect(await regCounts()).toEqual(before);
  });
});
