import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIGURES_RULE } from "@domain/registration-figures.js";
import { setupTestApp, signIn, type TestContext } from "../../test/support.js";

/**
 * Issue 9, point 11: the registration sheet and the result report count by one rule (approved
 * sheets only, src/domain/registration-figures.ts), print it, and give the same figures — on the
 * demo's 2020 school cell, where Bùi Thị Ngọc's sheet was sent in and still awaits approval.
 */
let ctx: TestContext;
let campaign2020: string;
let school: string;

beforeAll(async () => {
  ctx = await setupTestApp();
  school = ctx.units["cb-tieu-hoc-thanh-an"]!;
  campaign2020 = (await ctx.db.query<{ id: string }>("SELECT id FROM campaigns WHERE unit_id = $1 AND year = 2020 ORDER BY created_at LIMIT 1", [ctx.units["xa-thanh-an"]!]))[0]!.id;
});
afterAll(() => ctx.close());

/** The DOCX's paragraphs as text. */
async function docxText(buffer: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(buffer)).file("word/document.xml")!.async("string");
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""))
    .join("\n")
    .replace(/\u00a0/g, " ")
    .replace(/\u2060/g, "");
}

describe("one rule for what the figures count (issue 9, point 11)", () => {
  it("the registration sheet and the result report give the same members, actions and models, count no sheet awaiting approval, and print the rule", async () => {
    const [awaiting] = await ctx.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM registrations WHERE campaign_id = $1 AND unit_id = $2 AND status = 'submitted' AND person_id IS NOT NULL",
      [campaign2020, school],
    );
    expect(awaiting!.n).toBe(1);
    const bithu = await signIn(ctx.app, "th.bithu");
    const sheetRes = await bithu.get(`/api/campaigns/${campaign2020}/units/${school}/registrations/export.docx`);
    const reportRes = await bithu.get(`/api/reports/${campaign2020}/units/${school}/export.docx`);
    expect(sheetRes.status).toBe(200);
    expect(reportRes.status).toBe(200);
    const sheet = await docxText(sheetRes.raw);
    const report = await docxText(reportRes.raw);

    const s = /Tổng số: (\d+)\/(\d+) đảng viên đăng ký; (\d+) việc làm thiết thực, (\d+) mô hình/.exec(sheet);
    const r = /Số đảng viên đăng ký việc làm thiết thực: (\d+)\/(\d+) .*tổng số việc làm thiết thực đăng ký: (\d+),/.exec(report);
    expect(s, sheet).not.toBeNull();
    expect(r, report).not.toBeNull();
    const rModels = /Có (\d+) mô hình “Dân vận khéo”/.exec(report)?.[1] ?? (report.includes("Chưa có mô hình") ? "0" : null);
    const sheetFigures = { members: s![1], total: s![2], actions: s![3], models: s![4] };
    const reportFigures = { members: r![1], total: r![2], actions: r![3], models: rModels };
    expect(sheetFigures).toEqual(reportFigures);

    // the approved sheets, counted directly
    const [approved] = await ctx.db.query<{ members: number; actions: number; models: number }>(
      `SELECT count(DISTINCT r.person_id)::int AS members,
              (SELECT count(*)::int FROM commitments c JOIN registrations x ON x.id = c.registration_id WHERE x.campaign_id = $1 AND x.unit_id = $2 AND x.status = 'approved') AS actions,
              (SELECT count(*)::int FROM models m JOIN registrations x ON x.id = m.registration_id WHERE x.campaign_id = $1 AND x.unit_id = $2 AND x.status = 'approved') AS models
         FROM registrations r WHERE r.campaign_id = $1 AND r.unit_id = $2 AND r.status = 'approved'`,
      [campaign2020, school],
    );
    expect(sheetFigures).toMatchObject({ members: String(approved!.members), actions: String(approved!.actions), models: String(approved!.models) });

    // the rule is stated on both; the sheet names the one left out
    expect(sheet).toContain(FIGURES_RULE);
    expect(report).toContain(FIGURES_RULE);
    expect(sheet).toMatch(/Chưa tính vào số liệu, bản đăng ký chưa được duyệt: Bùi Thị Ngọc \(3 việc làm thiết thực\)\./);
  });
});
