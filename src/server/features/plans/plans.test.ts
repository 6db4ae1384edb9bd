import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, formatViDate, todayInVietnam } from "@domain/dates.js";
import { sampleCellPlan } from "../../documents/samples.js";
import { buildAccount, buildPerson, buildUnit, TEST_PASSWORD } from "../../test/factories.js";
import { setupTestApp, signIn, type Client, type TestContext } from "../../test/support.js";
import { buildCampaignRow, demoPlanId } from "../campaigns/campaigns.fixtures.js";
import { getUnitAsOf } from "../campaigns/campaigns.queries.js";
import { planToDocumentModel } from "./plans.document.js";
import { defaultCommitteeTerm, firstIssuedDate, planLateness } from "./plans.policy.js";
import { getPlan } from "./plans.queries.js";

let ctx: TestContext;
const clients: Record<string, Client> = {};
const as = async (username: string) => (clients[username] ??= await signIn(ctx.app, username));
const today = todayInVietnam();

beforeAll(async () => {
  ctx = await setupTestApp();
});
afterAll(() => ctx.close());

const audits = (action: string, subjectId: string) =>
  ctx.db.query<{ actor_username: string; before: unknown; after: Record<string, unknown> }>(
    "SELECT actor_username, before, after FROM audit_log WHERE action = $1 AND subject_id = $2 ORDER BY id",
    [action, subjectId],
  );
const planRow = (id: string) => ctx.db.query<{ status: string; version: number; symbol: string | null; number: number | null; previous_version_id: string | null; place: string }>("SELECT * FROM plans WHERE id = $1", [id]).then((r) => r[0]!);
const campaignOf = async (planId: string) => (await ctx.db.query<{ campaign_id: string }>("SELECT campaign_id FROM plans WHERE id = $1", [planId]))[0]!.campaign_id;
const personId = async (name: string) => (await ctx.db.query<{ id: string }>("SELECT id FROM persons WHERE full_name = $1", [name]))[0]!.id;

describe("the seed's plans", () => {
  it("the school cell's plan comes out as the seed reads, word for word (the renderer's sample)", async () => {
    const id = await demoPlanId(ctx.db, ctx.units, "cb-tieu-hoc-thanh-an", 2020);
    const plan = (await getPlan(ctx.db, id))!;
    const unit = (await getUnitAsOf(ctx.db, plan.unit_id, plan.issued_date!))!;
    const model = planToDocumentModel(plan, { name: unit.name, shortName: unit.short_name, symbolCode: unit.symbol_code, parentName: unit.parent_name });
    expect(model).toEqual(sampleCellPlan);
  });

  it("plan 236-KH/ĐU prints 2020's superior body (the district, abolished in 2025)", async () => {
    const r = await (await as("xa.bithu")).get(`/api/plans/${await demoPlanId(ctx.db, ctx.units, "xa-thanh-an", 2020)}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ symbol: "236-KH/ĐU", date: "2020-03-02", status: "issued", superiorBody: "ĐẢNG BỘ HUYỆN CẦN GIỜ", issuingBody: "ĐẢNG ỦY XÃ THẠNH AN", numberLine: "Số 236-KH/ĐU" });
    expect(r.body.signatureTitles).toEqual(["T/M BAN THƯỜNG VỤ", "BÍ THƯ"]);
    expect(r.body.sections.map((s: { heading: string }) => s.heading)).toEqual(["I. Mục đích, yêu cầu", "II. Nội dung thực hiện", "III. Tổ chức thực hiện"]);
    const cur = await (await as("xa.bithu")).get(`/api/plans/${await demoPlanId(ctx.db, ctx.units, "xa-thanh-an", 2026)}`);
    expect(cur.body).toMatchObject({ symbol: "45-KH/ĐU", superiorBody: "ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH" });
  });

  it("a teacher reads her cell's plan and the commune plan it cites, and sees whether she acknowledged", async () => {
    const gv = await as("th.gv01");
    const r = await gv.get(`/api/plans/${await demoPlanId(ctx.db, ctx.units, "cb-tieu-hoc-thanh-an", 2020)}`);
    expect(r.status).toBe(200);
    expect(r.body.parentPlan).toMatchObject({ symbol: "236-KH/ĐU", unitName: "Đảng ủy xã Thạnh An" });
    expect(r.body.basis[0].planId).toBe(r.body.parentPlan.id);
    expect(r.body.myAcknowledgement.acknowledgedAt).not.toBeNull();
    expect(r.body.abilities).toMatchObject({ canEdit: false, canAcknowledge: false, canViewAcknowledgements: false });
    expect((await gv.get(`/api/plans/${r.body.parentPlan.id}`)).status).toBe(200);
  });

  it("a cell does not read another cell's plan (404)", async () => {
    const r = await (await as("th.bithu")).get(`/api/plans/${await demoPlanId(ctx.db, ctx.units, "cb-ap-thanh-hoa", 2020)}`);
    expect(r.status).toBe(404);
  });
});

describe("the 2020 cascade", () => {
  it("the commune sees each unit's plan: on time, late, missing", async () => {
    const campaignId = await campaignOf(await demoPlanId(ctx.db, ctx.units, "xa-thanh-an", 2020));
    for (const username of ["xa.bithu", "khoivan.xa"]) {
      const r = await (await as(username)).get(`/api/campaigns/${campaignId}`);
      expect(r.status).toBe(200);
      const row = (name: string) => r.body.cascade.find((c: { unitName: string }) => c.unitName === name);
      expect(row("Chi bộ Trường Tiểu học Thạnh An")).toMatchObject({ status: "issued", late: false, firstIssuedDate: "2020-03-05", members: 12, acknowledged: 8 });
      expect(row("Chi bộ Trường Tiểu học Thạnh An").plan.symbol).toBe("01-KH/CB");
      expect(row("Chi bộ ấp Thạnh Hòa")).toMatchObject({ status: "issued", late: true, daysLate: 5, firstIssuedDate: "2020-03-20" });
      expect(row("Chi bộ ấp Thiềng Liềng")).toMatchObject({ status: "not_created", late: true, plan: null });
      expect(row("Hội Liên hiệp Phụ nữ xã Thạnh An")).toMatchObject({ status: "issued", late: false });
      expect(r.body.cascade.some((c: { unitKind: string }) => c.unitKind === "mass_mobilization_office" || c.unitKind === "peoples_committee")).toBe(false);
      expect(r.body.cascadeSummary).toMatchObject({ late: 2, notIssued: 1 });
      expect(r.body.unitPlan.symbol).toBe("236-KH/ĐU");
    }
  });

  it("a cell secretary sees the campaign and her own unit, not the cascade", async () => {
    const campaignId = await campaignOf(await demoPlanId(ctx.db, ctx.units, "xa-thanh-an", 2020));
    const r = await (await as("th.bithu")).get(`/api/campaigns/${campaignId}`);
    expect(r.status).toBe(200);
    expect(r.body.cascade).toBeNull();
    expect(r.body.myUnits).toEqual([expect.objectContaining({ unitName: "Chi bộ Trường Tiểu học Thạnh An", canManage: true, late: false })]);
    expect(r.body.abilities).toEqual({ canEdit: false, canCreateUnitPlan: false, canViewCascade: false, canRemove: false });
  });
});

describe("lateness and terms (pure rules)", () => {
  it("late = issued after the deadline, or not issued once it has passed; a correction does not count", () => {
    expect(planLateness("2020-03-15", "2020-03-15", "2026-01-01")).toEqual({ late: false, daysLate: 0 });
    expect(planLateness("2020-03-15", "2020-03-20", "2026-01-01")).toEqual({ late: true, daysLate: 5 });
    expect(planLateness("2020-03-15", null, "2020-03-15")).toEqual({ late: false, daysLate: 0 });
    expect(planLateness("2020-03-15", null, "2020-03-17")).toEqual({ late: true, daysLate: 2 });
    expect(planLateness(null, null, "2030-01-01")).toEqual({ late: false, daysLate: 0 });
    expect(
      firstIssuedDate([
        { status: "superseded", issued_date: "2020-03-10" },
        { status: "issued", issued_date: "2020-04-01" },
        { status: "draft", issued_date: "2020-03-01" },
      ]),
    ).toBe("2020-03-10");
  });

  it("the default committee term follows the five-year congress cycle from 1 October 2015", () => {
    expect(defaultCommitteeTerm("2020-03-05")).toEqual({ name: "Nhiệm kỳ 2015 – 2020", startDate: "2015-10-01" });
    expect(defaultCommitteeTerm("2020-10-01").startDate).toBe("2020-10-01");
    expect(defaultCommitteeTerm("2026-11-24").startDate).toBe("2025-10-01");
    expect(defaultCommitteeTerm("2013-05-01").startDate).toBe("2010-10-01");
  });
});

describe("a cell's plan from the commune plan (2026)", () => {
  let campaignId: string;
  let communePlanId: string;
  let planId: string;

  beforeAll(async () => {
    communePlanId = await demoPlanId(ctx.db, ctx.units, "xa-thanh-an", 2026);
    campaignId = await campaignOf(communePlanId);
  });

  it("is prefilled: basis citing the commune plan, sections, recipients, the secretary as signer, the next number", async () => {
    const bithu = await as("th.bithu");
    const r = await bithu.post("/api/plans", { campaignId, unitId: ctx.units["cb-tieu-hoc-thanh-an"], parentPlanId: communePlanId });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    planId = r.body.id;
    const d = (await bithu.get(`/api/plans/${planId}`)).body;
    expect(d).toMatchObject({ status: "draft", version: 1, number: 1, symbol: "01-KH/CB", date: today, place: "Thạnh An", signerName: "Lê Hữu Bình" });
    expect(d.basis).toEqual([
      {
        text: "Căn cứ Kế hoạch số 45-KH/ĐU ngày 02 tháng 3 năm 2026 của Đảng ủy xã Thạnh An về phát động phong trào thi đua “Dân vận khéo” gắn với thực hiện nội dung “5 không” năm 2026;",
        planId: communePlanId,
      },
    ]);
    expect(d.subject).toBe("Triển khai kế hoạch phát động phong trào thi đua “Dân vận khéo” gắn với thực hiện nội dung “5 không” năm 2026");
    expect(d.recipients).toEqual(["Đảng ủy xã Thạnh An;", "TTKV xã;", "Đảng viên Chi bộ;", "Lưu HSCB."]);
    expect(d.signatureTitles).toEqual(["T/M CHI BỘ", "BÍ THƯ"]);
    expect(d.sections.map((s: { heading: string }) => s.heading)).toEqual(["I. Mục đích, yêu cầu", "II. Nội dung thực hiện", "III. Tổ chức thực hiện"]);
    expect(d.sections[2].responsibilities.map((x: { role: string }) => x.role)).toEqual(["secretary", "deputy_secretary", "members"]);
    expect(d.parentPlan.symbol).toBe("45-KH/ĐU");
    expect(d.abilities).toMatchObject({ canEdit: true, canIssue: true, canDelete: true, canCreateVersion: false });
    const audit = await audits("plan.create", planId);
    expect(audit[0]).toMatchObject({ actor_username: "th.bithu", after: { parentPlanId: communePlanId, number: 1 } });
  });

  it("a second plan for the same unit and campaign is a conflict", async () => {
    const r = await (await as("th.bithu")).post("/api/plans", { campaignId, unitId: ctx.units["cb-tieu-hoc-thanh-an"], parentPlanId: communePlanId });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("CONFLICT");
  });

  it("a draft is not shown to members; the commune's staff see it", async () => {
    expect((await (await as("th.gv01")).get(`/api/plans/${planId}`)).status).toBe(404);
    expect((await (await as("khoivan.xa")).get(`/api/plans/${planId}`)).status).toBe(200);
    const campaign = await (await as("xa.bithu")).get(`/api/campaigns/${campaignId}`);
    const row = campaign.body.cascade.find((c: { unitName: string }) => c.unitName === "Chi bộ Trường Tiểu học Thạnh An");
    expect(row).toMatchObject({ status: "draft", statusLabel: "Đang soạn thảo", late: true });
  });

  it("only the unit's managers edit it: members 403, the mass-mobilisation office 403, another cell 404", async () => {
    expect((await (await as("th.gv01")).patch(`/api/plans/${planId}`, { place: "X" })).status).toBe(404);
    expect((await (await as("th.phobithu")).patch(`/api/plans/${planId}`, { place: "X" })).status).toBe(403);
    expect((await (await as("khoivan.xa")).patch(`/api/plans/${planId}`, { place: "X" })).status).toBe(403);
    expect((await (await as("thanhhoa.bithu")).patch(`/api/plans/${planId}`, { place: "X" })).status).toBe(404);
    expect((await planRow(planId)).place).toBe("Thạnh An");
    expect(await audits("plan.update", planId)).toEqual([]);
  });

  it("the secretary edits the draft (fields left out stay), validated", async () => {
    const bithu = await as("th.bithu");
    const bad = await bithu.patch(`/api/plans/${planId}`, { sections: [{ heading: "", paragraphs: [] }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe("sections.0.heading");
    const d0 = (await bithu.get(`/api/plans/${planId}`)).body;
    const sections = d0.sections.map((s: { heading: string; paragraphs: unknown[]; responsibilities: { role: string; text: string }[] }) => ({
      heading: s.heading,
      paragraphs: s.paragraphs,
      responsibilities: s.responsibilities.map((x) => ({ role: x.role, text: x.text })),
    }));
    sections[1].paragraphs.push({ kind: "bullet", text: "Mỗi giáo viên nhận giúp đỡ ít nhất một học sinh có hoàn cảnh khó khăn." });
    const r = await bithu.patch(`/api/plans/${planId}`, { sections, closing: "Trên đây là kế hoạch của chi bộ." });
    expect(r.status).toBe(204);
    const d = (await bithu.get(`/api/plans/${planId}`)).body;
    expect(d.sections[1].paragraphs.at(-1).text).toContain("học sinh có hoàn cảnh khó khăn");
    expect(d.closing).toBe("Trên đây là kế hoạch của chi bộ.");
    expect(d.recipients).toEqual(["Đảng ủy xã Thạnh An;", "TTKV xã;", "Đảng viên Chi bộ;", "Lưu HSCB."]);
    expect((await audits("plan.update", planId)).length).toBe(1);
  });

  it("cannot be issued with a date in the future or without a number", async () => {
    const bithu = await as("th.bithu");
    const future = await bithu.post(`/api/plans/${planId}/issue`, { date: "2099-01-01" });
    expect(future.status).toBe(400);
    expect(future.body.error.details.map((d: { path: string }) => d.path)).toContain("date");
    await bithu.patch(`/api/plans/${planId}`, { number: null });
    const noNumber = await bithu.post(`/api/plans/${planId}/issue`, {});
    expect(noNumber.status).toBe(400);
    expect(noNumber.body.error.details.map((d: { path: string }) => d.path)).toContain("number");
    await bithu.patch(`/api/plans/${planId}`, { number: 1 });
    expect((await planRow(planId)).status).toBe("draft");
  });

  it("issuing freezes the symbol, notifies every current member, and the commune sees it issued", async () => {
    const before = await ctx.db.query<{ n: number }>("SELECT count(*) AS n FROM notifications WHERE subject_id = $1", [planId]);
    expect(before[0]!.n).toBe(0);
    const r = await (await as("th.bithu")).post(`/api/plans/${planId}/issue`, {});
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.symbol).toBe("01-KH/CB");
    expect(await planRow(planId)).toMatchObject({ status: "issued", symbol: "01-KH/CB", number: 1 });
    const notes = await ctx.db.query<{ full_name: string; title: string; link: string; read_at: Date | null }>(
      "SELECT p.full_name, n.title, n.link, n.read_at FROM notifications n JOIN persons p ON p.id = n.person_id WHERE n.subject_id = $1",
      [planId],
    );
    // every member but the issuing secretary, whose acknowledgement is recorded instead
    expect(notes.length).toBe(11);
    expect(notes.map((n) => n.full_name)).toEqual(expect.arrayContaining(["Nguyễn Văn An", "Lý Thị Kim Anh", "Trần Thị Mai"]));
    expect(notes.map((n) => n.full_name)).not.toContain("Lê Hữu Bình");
    expect(notes[0]).toMatchObject({ title: `Chi bộ Trường Tiểu học Thạnh An ban hành Kế hoạch số 01-KH/CB ngày ${formatViDate(today)}`, link: `/ke-hoach/${planId}`, read_at: null });
    expect((await audits("plan.issue", planId))[0]).toMatchObject({ actor_username: "th.bithu", after: { status: "issued", symbol: "01-KH/CB", notified: 11 } });
    const campaign = await (await as("xa.bithu")).get(`/api/campaigns/${campaignId}`);
    const row = campaign.body.cascade.find((c: { unitName: string }) => c.unitName === "Chi bộ Trường Tiểu học Thạnh An");
    expect(row).toMatchObject({ status: "issued", statusLabel: "Đã ban hành", firstIssuedDate: today, late: today > "2026-03-20", acknowledged: 1 });
  });

  it("an issued plan is read-only: edit, issue again and delete answer 409 and change nothing", async () => {
    const bithu = await as("th.bithu");
    const edit = await bithu.patch(`/api/plans/${planId}`, { place: "Cần Giờ" });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe("INVALID_STATE");
    expect((await bithu.post(`/api/plans/${planId}/issue`, {})).status).toBe(409);
    expect((await bithu.delete(`/api/plans/${planId}`)).status).toBe(409);
    expect((await planRow(planId)).place).toBe("Thạnh An");
  });

  it("members acknowledge; the secretary sees who has not", async () => {
    const gv = await as("th.gv03");
    const detail = (await gv.get(`/api/plans/${planId}`)).body;
    expect(detail.abilities.canAcknowledge).toBe(true);
    expect(detail.myAcknowledgement).toEqual({ acknowledgedAt: null });
    const r = await gv.post(`/api/plans/${planId}/acknowledge`);
    expect(r.status).toBe(204);
    const again = await gv.post(`/api/plans/${planId}/acknowledge`);
    expect(again.status).toBe(409);
    const read = await ctx.db.query<{ read_at: Date | null }>("SELECT read_at FROM notifications WHERE subject_id = $1 AND person_id = $2", [planId, await personId("Võ Minh Tuấn")]);
    expect(read[0]!.read_at).not.toBeNull();
    expect((await audits("plan.acknowledge", planId)).length).toBe(1);
    const list = await (await as("th.bithu")).get(`/api/plans/${planId}/acknowledgements`);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ members: 12, acknowledged: 2 });
    expect(list.body.items.find((i: { fullName: string }) => i.fullName === "Lê Hữu Bình").acknowledgedAt).not.toBeNull();
    expect(list.body.items.find((i: { fullName: string }) => i.fullName === "Võ Minh Tuấn").acknowledgedAt).not.toBeNull();
    expect(list.body.items.find((i: { fullName: string }) => i.fullName === "Nguyễn Văn An").acknowledgedAt).toBeNull();
    expect((await (await as("th.phobithu")).get(`/api/plans/${planId}/acknowledgements`)).status).toBe(200);
    expect((await (await as("th.gv01")).get(`/api/plans/${planId}/acknowledgements`)).status).toBe(403);
    expect((await (await as("xa.bithu")).post(`/api/plans/${planId}/acknowledge`)).status).toBe(403);
  });

  it("a correction is a new draft version; issuing it supersedes the old one and notifies again", async () => {
    const bithu = await as("th.bithu");
    const r = await bithu.post(`/api/plans/${planId}/versions`);
    expect(r.status).toBe(201);
    const v2 = r.body.id as string;
    expect(await planRow(v2)).toMatchObject({ status: "draft", version: 2, previous_version_id: planId, number: 1, symbol: null });
    expect((await bithu.post(`/api/plans/${planId}/versions`)).status).toBe(409);
    expect((await bithu.patch(`/api/plans/${v2}`, { closing: "Trên đây là kế hoạch (điều chỉnh) của chi bộ." })).status).toBe(204);
    expect((await planRow(planId)).status).toBe("issued");
    const issued = await bithu.post(`/api/plans/${v2}/issue`, {});
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    expect(issued.body.symbol).toBe("01-KH/CB");
    expect((await planRow(planId)).status).toBe("superseded");
    expect((await planRow(v2)).status).toBe("issued");
    const notes = await ctx.db.query<{ title: string }>("SELECT title FROM notifications WHERE subject_id = $1", [v2]);
    expect(notes.length).toBe(11);
    expect(notes[0]!.title).toContain("điều chỉnh lần 1");
    // the old version cannot be edited, corrected again, or acknowledged
    expect((await bithu.patch(`/api/plans/${planId}`, { place: "X" })).status).toBe(409);
    expect((await bithu.post(`/api/plans/${planId}/versions`)).status).toBe(409);
    expect((await (await as("th.gv04")).post(`/api/plans/${planId}/acknowledge`)).status).toBe(409);
    const d = (await bithu.get(`/api/plans/${v2}`)).body;
    expect(d.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [1, "superseded"],
      [2, "issued"],
    ]);
    // lateness counts the first issue
    const campaign = await (await as("xa.bithu")).get(`/api/campaigns/${campaignId}`);
    const row = campaign.body.cascade.find((c: { unitName: string }) => c.unitName === "Chi bộ Trường Tiểu học Thạnh An");
    expect(row.plan.id).toBe(v2);
    expect(row.firstIssuedDate).toBe(today);
  });

  it("another cell, the office and members cannot create a plan for the school cell", async () => {
    const body = { campaignId, unitId: ctx.units["cb-tieu-hoc-thanh-an"], parentPlanId: communePlanId };
    expect((await (await as("thanhhoa.bithu")).post("/api/plans", body)).status).toBe(404);
    expect((await (await as("khoivan.xa")).post("/api/plans", body)).status).toBe(403);
    expect((await (await as("th.gv02")).post("/api/plans", body)).status).toBe(403);
  });
});

describe("rules of creation", () => {
  it("a plan cannot be created from a draft superior plan, nor from another campaign's plan, nor for a unit outside the campaign", async () => {
    const commune = await buildUnit(ctx.db, { kind: "commune_party_committee", name: "Đảng ủy xã Thử Nghiệm", symbolCode: "ĐU" });
    const cell = await buildUnit(ctx.db, { parentId: commune, name: "Chi bộ ấp Một", symbolCode: "CB" });
    const office = await buildUnit(ctx.db, { parentId: commune, kind: "mass_mobilization_office", name: "Khối vận xã Thử", symbolCode: "KV" });
    const { username } = await buildAccount(ctx.db, { scopes: [{ unitId: commune, scope: "manage" }] });
    const c = await signIn(ctx.app, username, TEST_PASSWORD);
    const { campaignId } = await buildCampaignRow(ctx.db, { unitId: commune });
    const { campaignId: other } = await buildCampaignRow(ctx.db, { unitId: commune });
    const own = await c.post("/api/plans", { campaignId, unitId: commune });
    expect(own.status).toBe(201);
    const draftParent = await c.post("/api/plans", { campaignId, unitId: cell, parentPlanId: own.body.id });
    expect(draftParent.status).toBe(409);
    expect(draftParent.body.error.code).toBe("INVALID_STATE");
    const otherCampaign = await c.post("/api/plans", { campaignId: other, unitId: cell, parentPlanId: own.body.id });
    expect(otherCampaign.status).toBe(400);
    const notACell = await c.post("/api/plans", { campaignId, unitId: office });
    expect(notACell.status).toBe(400);
    expect(notACell.body.error.details[0].path).toBe("unitId");
    // the launching plan has the usual sections and the committee's signature
    const d = (await c.get(`/api/plans/${own.body.id}`)).body;
    expect(d.place).toBe("Thử Nghiệm");
    expect(d.signatureTitles).toEqual(["T/M ĐẢNG ỦY", "BÍ THƯ"]);
    expect(d.sections[2].responsibilities[0].text).toContain("trước ngày 31/03/2026");
    // a draft can be discarded
    expect((await c.delete(`/api/plans/${own.body.id}`)).status).toBe(204);
    expect(await ctx.db.query("SELECT 1 FROM plans WHERE id = $1", [own.body.id])).toEqual([]);
    expect((await audits("plan.delete", own.body.id)).length).toBe(1);
  });
});

describe("numbering per type within the committee term", () => {
  async function setup() {
    const commune = await buildUnit(ctx.db, { kind: "commune_party_committee", name: "Đảng ủy xã Số Hiệu", symbolCode: "ĐU" });
    const { personId: secretary } = await buildPerson(ctx.db, { unitId: commune, role: "secretary", fullName: "Bí Thư Số Hiệu" });
    const { username } = await buildAccount(ctx.db, { personId: secretary, scopes: [{ unitId: commune, scope: "manage" }] });
    const c = await signIn(ctx.app, username, TEST_PASSWORD);
    return { commune, c };
  }
  async function issued(commune: string, number: number, date: string, typeCode = "KH") {
    const { campaignId } = await buildCampaignRow(ctx.db, { unitId: commune });
    await ctx.db.query(
      `INSERT INTO plans (campaign_id, unit_id, status, type_code, number, symbol, issued_date, place, subject)
       VALUES ($1, $2, 'issued', $3, $4, $5, $6, 'Nơi', 'Kế hoạch cũ')`,
      [campaignId, commune, typeCode, number, `${number}-${typeCode}/ĐU`, date],
    );
  }

  it("suggests one more than the highest number of the same type in the term; earlier terms and other types do not count", async () => {
    const { commune, c } = await setup();
    await issued(commune, 230, "2020-01-10"); // term 2015–2020
    await issued(commune, 7, "2025-11-03");
    await issued(commune, 12, "2026-02-01");
    await issued(commune, 40, "2026-02-02", "BC");
    const r = await c.get(`/api/plans/number-suggestion?unitId=${commune}&date=2026-11-01`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ number: 13, symbol: "13-KH/ĐU", numberLine: "Số 13-KH/ĐU", termStart: "2025-10-01", termName: "Nhiệm kỳ 2025 – 2030" });
    expect((await c.get(`/api/plans/number-suggestion?unitId=${commune}&date=2020-03-01`)).body.number).toBe(231);
    // the term start as a parameter
    expect((await c.get(`/api/plans/number-suggestion?unitId=${commune}&date=2026-11-01&termStart=2026-01-01`)).body.number).toBe(13);
    expect((await c.get(`/api/plans/number-suggestion?unitId=${commune}&date=2026-11-01&termStart=2026-03-01`)).body.number).toBe(1);
    // a recorded term of the unit wins over the national cycle
    await ctx.db.query("INSERT INTO committee_terms (unit_id, name, start_date) VALUES ($1, 'Nhiệm kỳ 2026 – 2031', '2026-01-15')", [commune]);
    expect((await c.get(`/api/plans/number-suggestion?unitId=${commune}&date=2026-11-01`)).body).toMatchObject({ number: 13, termName: "Nhiệm kỳ 2026 – 2031" });
    await ctx.db.query("UPDATE committee_terms SET start_date = '2026-02-15' WHERE unit_id = $1", [commune]);
    expect((await c.get(`/api/plans/number-suggestion?unitId=${commune}&date=2026-11-01`)).body.number).toBe(1);
  });

  it("issuing with a number already used in the term is a conflict (409) and changes nothing", async () => {
    const { commune, c } = await setup();
    await issued(commune, 5, "2026-01-05");
    const { campaignId } = await buildCampaignRow(ctx.db, { unitId: commune });
    const created = await c.post("/api/plans", { campaignId, unitId: commune });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await planRow(id)).number).toBe(6);
    const fill = { sections: [{ heading: "I. Mục đích, yêu cầu", paragraphs: [{ kind: "bullet", text: "Nội dung." }] }] };
    expect((await c.patch(`/api/plans/${id}`, { ...fill, number: 5 })).status).toBe(204);
    const r = await c.post(`/api/plans/${id}/issue`, {});
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("CONFLICT");
    expect(r.body.error.message).toContain("06");
    expect((await planRow(id)).status).toBe("draft");
    expect(await ctx.db.query("SELECT 1 FROM notifications WHERE subject_id = $1", [id])).toEqual([]);
    expect((await c.patch(`/api/plans/${id}`, { number: 6 })).status).toBe(204);
    const ok = await c.post(`/api/plans/${id}/issue`, {});
    expect(ok.status).toBe(200);
    expect(ok.body.symbol).toBe("06-KH/ĐU");
    // the only member is the issuing secretary: acknowledged, nobody to notify
    expect(await ctx.db.query("SELECT 1 FROM notifications WHERE subject_id = $1", [id])).toEqual([]);
    expect((await ctx.db.query("SELECT 1 FROM plan_acknowledgements WHERE plan_id = $1", [id])).length).toBe(1);
  });
});

describe("numbering per calendar year outside the Party (NĐ 30/2020)", () => {
  it("the Front, an association, the Youth Union and the People's Committee start again from 01 on 1 January; the committee term does not count", async () => {
    const commune = await buildUnit(ctx.db, { kind: "commune_party_committee", name: "Đảng ủy xã Năm Số" });
    const cases = [
      { kind: "fatherland_front", name: "Ủy ban MTTQ Việt Nam xã Năm Số", symbolCode: "MTTQ", numberLine: "Số: 01/KH-MTTQ" },
      { kind: "mass_organization", name: "Hội Nông dân xã Năm Số", symbolCode: "HND", numberLine: "Số: 01/KH-HND" },
      { kind: "mass_organization", name: "Đoàn TNCS Hồ Chí Minh xã Năm Số", symbolCode: "ĐTN", numberLine: "Số: 01-KH/ĐTN" },
      { kind: "peoples_committee", name: "Ủy ban nhân dân xã Năm Số", symbolCode: "UBND", numberLine: "Số: 01/KH-UBND" },
    ];
    for (const k of cases) {
      const unit = await buildUnit(ctx.db, { kind: k.kind, name: k.name, symbolCode: k.symbolCode, parentId: commune });
      const { personId: head } = await buildPerson(ctx.db, { unitId: unit, role: "secretary", fullName: `Trưởng ${k.name}` });
      const { username } = await buildAccount(ctx.db, { personId: head, scopes: [{ unitId: unit, scope: "manage" }] });
      const c = await signIn(ctx.app, username, TEST_PASSWORD);
      const issue = async (number: number, date: string) => {
        const { campaignId } = await buildCampaignRow(ctx.db, { unitId: unit });
        await ctx.db.query(
          `INSERT INTO plans (campaign_id, unit_id, status, type_code, number, symbol, issued_date, place, subject)
           VALUES ($1, $2, 'issued', 'KH', $3, $4, $5, 'Nơi', 'Kế hoạch cũ')`,
          [campaignId, unit, number, `${number}-KH/${k.symbolCode}`, date],
        );
      };
      // both in the Party's term 2025 – 2030, in two calendar years
      await issue(7, "2025-11-03");
      await issue(3, "2026-02-01");
      const next2026 = await c.get(`/api/plans/number-suggestion?unitId=${unit}&date=2026-11-01`);
      expect(next2026.status, k.name).toBe(200);
      expect(next2026.body, k.name).toMatchObject({ number: 4, termStart: "2026-01-01", termName: "Năm 2026" });
      const next2027 = await c.get(`/api/plans/number-suggestion?unitId=${unit}&date=2027-01-02`);
      expect(next2027.body, k.name).toMatchObject({ number: 1, numberLine: k.numberLine, termName: "Năm 2027" });
      expect((await c.get(`/api/plans/number-suggestion?unitId=${unit}&date=2025-12-31`)).body.number, k.name).toBe(8);
    }
  });
});

describe("home cards", () => {
  it("a member lists the plans she has not acknowledged, in campaigns still running", async () => {
    const school = ctx.units["cb-tieu-hoc-thanh-an"]!;
    const issuedPlan = async (o: { periodStart: string; periodEnd: string; status?: string }) => {
      const { campaignId } = await buildCampaignRow(ctx.db, { unitId: ctx.units["xa-thanh-an"]!, ...o });
      const r = await ctx.db.query<{ id: string }>(
        `INSERT INTO plans (campaign_id, unit_id, status, type_code, number, symbol, issued_date, place, subject)
         VALUES ($1, $2, 'issued', 'KH', 90, '90-KH/CB', $3, 'Thạnh An', 'Kế hoạch thử') RETURNING id`,
        [campaignId, school, o.periodStart],
      );
      return r[0]!.id;
    };
    const running = await issuedPlan({ periodStart: addDays(today, -30), periodEnd: addDays(today, 30) });
    const ended = await issuedPlan({ periodStart: addDays(today, -90), periodEnd: addDays(today, -1) });
    const closed = await issuedPlan({ periodStart: addDays(today, -30), periodEnd: addDays(today, 30), status: "closed" });
    const r = await (await as("th.gv06")).get("/api/plans/to-acknowledge");
    expect(r.status).toBe(200);
    const ids = r.body.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(running);
    expect(ids).not.toContain(ended);
    expect(ids).not.toContain(closed);
    // the 2020 campaign is long over: its plan is no longer asked for (the plan page still takes it)
    expect(r.body.items.some((i: { date: string }) => i.date === "2020-03-05")).toBe(false);
    const gv06 = await as("th.gv06");
    expect((await gv06.post(`/api/plans/${running}/acknowledge`, {})).status).toBe(204);
    expect((await gv06.get("/api/plans/to-acknowledge")).body.items.map((i: { id: string }) => i.id)).not.toContain(running);
  });

  it("the commune lists units that have not issued their plan in current campaigns; a cell secretary gets nothing", async () => {
    const r = await (await as("khoivan.xa")).get("/api/campaigns/unissued-plans");
    expect(r.status).toBe(200);
    const group = r.body.items.find((g: { campaignName: string }) => g.campaignName.includes("năm 2026"));
    const names = group.units.map((u: { unitName: string }) => u.unitName);
    expect(names).toEqual(expect.arrayContaining(["Chi bộ ấp Thạnh Hòa", "Chi bộ ấp Thiềng Liềng"]));
    expect(names).not.toContain("Hội Liên hiệp Phụ nữ xã Thạnh An");
    expect(r.body.items.some((g: { campaignName: string }) => g.campaignName.includes("năm 2020"))).toBe(false);
    expect((await (await as("th.bithu")).get("/api/campaigns/unissued-plans")).body.items).toEqual([]);
  });
});
