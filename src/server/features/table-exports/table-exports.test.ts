import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "../../spreadsheets/exceljs.js";
import { setupTestApp, signIn, type TestContext } from "../../test/support.js";

let ctx: TestContext;
let campaign2020: string;
beforeAll(async () => {
  ctx = await setupTestApp();
  campaign2020 = (await ctx.db.query<{ id: string }>("SELECT id FROM campaigns WHERE unit_id = $1 AND year = 2020", [ctx.units["xa-thanh-an"]]))[0]!.id;
});
afterAll(() => ctx.close());

/** The first worksheet as rows of cell values (row 1 = headers). */
async function readSheet(raw: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(raw as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

function expectXlsx(res: { status: number; headers: Record<string, unknown> }, fileName: string) {
  expect(res.status).toBe(200);
  expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  expect(String(res.headers["content-disposition"])).toContain(`filename*=UTF-8''${encodeURIComponent(fileName)}`);
}

describe("coverage per criterion", () => {
  it("exports every sub-item with its counts, the mandatory mark and who has not registered it", async () => {
    const c = await signIn(ctx.app, "th.bithu");
    const q = `campaignId=${campaign2020}&unitId=${ctx.units["cb-tieu-hoc-thanh-an"]}`;
    const view = (await c.get(`/api/registrations/coverage?${q}`)).body;
    const res = await c.get(`/api/registrations/coverage/export.xlsx?${q}`);
    expectXlsx(res, "Mức độ đăng ký theo tiêu chí - Chi bộ Trường Tiểu học Thạnh An.xlsx");
    const rows = await readSheet(res.raw);
    expect(rows[0]).toEqual(["Tiêu chí", "Nội dung", "Tên nội dung", "Bắt buộc", "Số đảng viên đã đăng ký", "Số đã được duyệt", "Tổng số đảng viên", "Tỷ lệ đăng ký", "Chưa đăng ký (nội dung bắt buộc)"]);
    const items = view.criteria.flatMap((cr: { items: unknown[] }) => cr.items);
    expect(rows.length - 1).toBe(items.length);
    const iv2 = rows.find((r) => r[1] === "IV.2")!;
    const iv2View = items.find((i: { code: string }) => i.code === "IV.2");
    expect(iv2[3]).toBe("Có");
    expect(iv2[4]).toBe(iv2View.registeredMembers);
    expect(iv2[6]).toBe(view.memberCount);
    expect(iv2[7]).toBeCloseTo(iv2View.registeredMembers / view.memberCount);
    const missing = view.missingMandatory.find((m: { code: string }) => m.code === "IV.2");
    expect(missing.people.length).toBeGreaterThan(0); // the demo cell has members without IV.2
    for (const p of missing.people) expect(String(iv2[8])).toContain(p.fullName);
  });

  it("another cell's secretary gets 404 and no file", async () => {
    const other = await signIn(ctx.app, "thanhhoa.bithu");
    const res = await other.get(`/api/registrations/coverage/export.xlsx?campaignId=${campaign2020}&unitId=${ctx.units["cb-tieu-hoc-thanh-an"]}`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("NOT_FOUND");
  });
});

describe("evaluation sheet", () => {
  it("exports one row per member with score, suggested and chosen rating, as on screen", async () => {
    const e = (await ctx.db.query<{ id: string }>("SELECT e.id FROM evaluations e JOIN units u ON u.id = e.unit_id WHERE u.code = 'cb-tieu-hoc-thanh-an' LIMIT 1"))[0]!;
    const c = await signIn(ctx.app, "th.bithu");
    const view = (await c.get(`/api/evaluations/${e.id}`)).body;
    const res = await c.get(`/api/evaluations/${e.id}/export.xlsx`);
    expectXlsx(res, `Đánh giá, xếp loại - Chi bộ Trường Tiểu học Thạnh An - ${view.campaign.name}.xlsx`);
    const rows = await readSheet(res.raw);
    expect(rows[0]!.slice(0, 4)).toEqual(["STT", "Họ và tên", "Chức vụ", "Số việc đăng ký"]);
    expect(rows.length - 1).toBe(view.members.length);
    view.members.forEach((m: { fullName: string; commitments: unknown[]; score: number | null; ratingLabel: string | null }, i: number) => {
      const r = rows[i + 1]!;
      expect(r[0]).toBe(i + 1);
      expect(r[1]).toBe(m.fullName);
      expect(r[3]).toBe(m.commitments.length);
      expect(r[7] ?? null).toBe(m.score);
      expect(r[9] ?? null).toBe(m.ratingLabel || null);
    });
    expect((await (await signIn(ctx.app, "thanhhoa.bithu")).get(`/api/evaluations/${e.id}/export.xlsx`)).status).toBe(404);
  });
});

describe("live roll-up", () => {
  it("exports a row per child unit and the commune total, equal to the roll-up on screen", async () => {
    const c = await signIn(ctx.app, "khoivan.xa");
    const base = `/api/reports/${campaign2020}/units/${ctx.units["xa-thanh-an"]}/rollup`;
    const view = (await c.get(base)).body;
    const res = await c.get(`${base}/export.xlsx`);
    expectXlsx(res, `Tổng hợp kết quả - Đảng ủy xã Thạnh An - ${view.campaign.name}.xlsx`);
    const rows = await readSheet(res.raw);
    expect(rows[0]!.slice(0, 7)).toEqual(["Đơn vị", "Loại", "Đảng viên đã đăng ký", "Tổng số đảng viên", "Số việc đăng ký", "Số việc đạt", "Tỷ lệ đạt"]);
    expect(rows[0]).toContain("Tiêu chí IV: đăng ký");
    // the commune's own bodies, each unit below it, the total
    expect(view.own).not.toBeNull();
    expect(rows.length - 1).toBe(1 + view.children.length + 1);
    expect(rows[1]!.slice(0, 6)).toEqual(["Trực tiếp tại Đảng ủy xã Thạnh An", "Đảng ủy xã", view.own.members.registered, view.own.members.total, view.own.registered, view.own.achieved]);
    const school = rows.find((r) => r[0] === "Chi bộ Trường Tiểu học Thạnh An")!;
    const schoolView = view.children.find((ch: { name: string }) => ch.name === "Chi bộ Trường Tiểu học Thạnh An");
    expect(school.slice(2, 6)).toEqual([schoolView.members.registered, schoolView.members.total, schoolView.registered, schoolView.achieved]);
    expect(school[6]).toBeCloseTo(schoolView.percent / 100);
    const total = rows[rows.length - 1]!;
    expect(total[0]).toBe("Toàn Đảng ủy xã Thạnh An");
    expect(total.slice(4, 6)).toEqual([view.total.registered, view.total.achieved]);
    expect((await (await signIn(ctx.app, "th.bithu")).get(`${base}/export.xlsx`)).status).toBe(404);
  });
});

describe("bad input", () => {
  it("a malformed id or a missing query answers 400 in Vietnamese with the field named", async () => {
    const c = await signIn(ctx.app, "xa.bithu");
    const badId = await c.get("/api/evaluations/khong-phai-ma/export.xlsx");
    expect(badId.status).toBe(400);
    expect(badId.body.error).toMatchObject({ code: "VALIDATION_FAILED", details: [{ path: "id" }] });
    const noUnit = await c.get(`/api/registrations/coverage/export.xlsx?campaignId=${campaign2020}`);
    expect(noUnit.status).toBe(400);
    expect(noUnit.body.error.details.map((d: { path: string }) => d.path)).toContain("unitId");
    expect(noUnit.body.error.message).toMatch(/[ạảãáàâăđêôơư]/i);
  });
});
