import { REGISTRATION_SHEET_HEADERS } from "@contracts/spreadsheets.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS, { type CellValue } from "../../spreadsheets/exceljs.js";
import { buildAccount, buildPerson, buildUnit, TEST_PASSWORD } from "../../test/factories.js";
import { setupTestApp, signIn, type Client, type TestContext } from "../../test/support.js";

/**
 * A registration sheet longer than one batch of the worker reading it: the first batches are
 * written inside the transaction while the file is still being read, so a wrong row near the end
 * must roll them back — all or nothing, with the same report as a short file.
 */
describe("registration import over several batches", () => {
  let ctx: TestContext;
  let client: Client;
  let url: string;
  let cell: string;
  const ROWS = 4500; // more than two batches of 2000

  beforeAll(async () => {
    ctx = await setupTestApp();
    const xa = ctx.units["xa-thanh-an"]!;
    cell = await buildUnit(ctx.db, { parentId: xa });
    const secretary = await buildPerson(ctx.db, { unitId: cell, role: "secretary", startDate: "2019-01-01" });
    const { username } = await buildAccount(ctx.db, { personId: secretary.personId });
    await buildPerson(ctx.db, { fullName: "Võ Thị Nhiều Dòng", unitId: cell, role: "member", startDate: "2019-01-01" });
    const [set] = await ctx.db.query<{ id: string }>("INSERT INTO criteria_sets (issuing_unit_id, name, year, status) VALUES ($1, 'Bộ tiêu chí nhiều dòng', 2020, 'published') RETURNING id", [xa]);
    const [c] = await ctx.db.query<{ id: string }>("INSERT INTO criteria (set_id, code, title, sort) VALUES ($1, 'I', 'Tiêu chí I', 0) RETURNING id", [set!.id]);
    await ctx.db.query("INSERT INTO criterion_items (criterion_id, code, title, sort) VALUES ($1, 'I.1', 'Nội dung I.1', 0)", [c!.id]);
    const [camp] = await ctx.db.query<{ id: string }>(
      "INSERT INTO campaigns (unit_id, name, year, period_start, period_end, criteria_set_id) VALUES ($1, 'Phong trào nhiều dòng', 2020, '2020-03-01', '2020-12-31', $2) RETURNING id",
      [xa, set!.id],
    );
    url = `/api/campaigns/${camp!.id}/units/${cell}/registrations/import`;
    client = await signIn(ctx.app, username, TEST_PASSWORD);
  });
  afterAll(() => ctx.close());

  async function upload(rows: unknown[][]) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Bảng đăng ký");
    ws.addRow([...REGISTRATION_SHEET_HEADERS]);
    for (const r of rows) ws.addRow(r as CellValue[]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const boundary = "----import-batches";
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bang-dang-ky.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return client.request({ method: "POST", url, payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } });
  }

  async function written() {
    const [r] = await ctx.db.query<{ regs: number; commitments: number; audits: number }>(
      `SELECT (SELECT count(*) FROM registrations WHERE unit_id = $1) AS regs,
              (SELECT count(*) FROM commitments c JOIN registrations r ON r.id = c.registration_id WHERE r.unit_id = $1) AS commitments,
              (SELECT count(*) FROM audit_log WHERE action = 'registrations.import' AND unit_id = $1) AS audits`,
      [cell],
    );
    return r!;
  }

  const good = Array.from({ length: ROWS }, (_, i) => [i + 1, "Võ Thị Nhiều Dòng", null, "I", "I.1", `Việc làm thiết thực số ${i + 1}`, "100%", null, null, "31/12/2020", null, null]);

  it("refuses a wrong last row after the first batches were written, and leaves nothing behind", async () => {
    const res = await upload([...good, [ROWS + 1, "Người Không Có Thật", null, "I", "I.1", "Việc làm cuối", "100%", null, null, "31/12/2020", null, null]]);
    expect(res.status).toBe(400);
    expect(res.body.report).toMatchObject({ ok: false, applied: false, counts: { rows: ROWS + 1, create: ROWS, update: 0, unchanged: 0 }, issueCount: 1 });
    expect(res.body.report.issues).toEqual([{ row: ROWS + 2, column: "Họ và tên", message: expect.stringContaining('"Người Không Có Thật" không phải đảng viên') }]);
    expect(await written()).toEqual({ regs: 0, commitments: 0, audits: 0 });
  });

  it("writes every row of the same file without it in one transaction with one audit record, and the re-import changes nothing", async () => {
    const res = await upload(good);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, applied: true, counts: { rows: ROWS, create: ROWS, update: 0, unchanged: 0 }, issueCount: 0 });
    expect(await written()).toEqual({ regs: 1, commitments: ROWS, audits: 1 });
    const [audit] = await ctx.db.query<{ after: Record<string, unknown> }>("SELECT after FROM audit_log WHERE action = 'registrations.import' AND unit_id = $1", [cell]);
    expect(audit!.after).toMatchObject({ rows: ROWS, created: ROWS, updated: 0, unchanged: 0, newRegistrations: 1 });
    const sorts = await ctx.db.query<{ sort: number }>("SELECT c.sort FROM commitments c JOIN registrations r ON r.id = c.registration_id WHERE r.unit_id = $1 ORDER BY c.sort", [cell]);
    expect(sorts.map((s) => s.sort)).toEqual(good.map((_, i) => i + 2));

    const again = await upload(good);
    expect(again.body).toMatchObject({ ok: true, applied: false, counts: { create: 0, update: 0, unchanged: ROWS } });
    expect(await written()).toEqual({ regs: 1, commitments: ROWS, audits: 1 });
  });

  it("finds a row without 'Mã dòng' by the sheet as it was before the import, even after earlier batches were written", async () => {
    // batch 1: every row by its id, the first one changed (written before batch 2 is read);
    // batch 2: the first row's old content without an id is the same commitment, so a duplicate
    const ids = await ctx.db.query<{ id: string }>("SELECT c.id FROM commitments c JOIN registrations r ON r.id = c.registration_id WHERE r.unit_id = $1 ORDER BY c.sort", [cell]);
    const byId = good.slice(0, 2000).map((row, i) => [...row.slice(0, 11), ids[i]!.id]);
    byId[0]![5] = "Việc làm thiết thực đã đổi";
    const res = await upload([...byId, good[0]!]);
    expect(res.status).toBe(400);
    expect(res.body.report.issues).toEqual([{ row: 2002, column: "Việc làm thiết thực", message: "Dòng này trùng với dòng 2" }]);
    expect(await written()).toEqual({ regs: 1, commitments: ROWS, audits: 1 });
  });
});
