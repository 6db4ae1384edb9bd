import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaignDateProblems, campaignPhase } from "@contracts/campaigns.js";
import { addDays, todayInVietnam } from "@domain/dates.js";
import { FIVE_NOT_CRITERIA_2019 } from "@domain/criteria.js";
import { buildAccount, buildUnit, TEST_PASSWORD } from "../../test/factories.js";
import { setupTestApp, signIn, type Client, type TestContext } from "../../test/support.js";
import { buildCampaignRow, buildCriteriaSet } from "./campaigns.fixtures.js";
import { DEMO_CAMPAIGN_2020, DEMO_CAMPAIGN_2026 } from "./campaigns.demo-data.js";

let ctx: TestContext;
const clients: Record<string, Client> = {};
const as = async (username: string) => (clients[username] ??= await signIn(ctx.app, username));
let set2019: string;

beforeAll(async () => {
  ctx = await setupTestApp();
  set2019 = (await ctx.db.query<{ id: string }>("SELECT id FROM criteria_sets WHERE code = '5K-2019'"))[0]!.id;
});
afterAll(() => ctx.close());

const auditCount = (action: string) => ctx.db.query<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = $1", [action]).then((r) => r[0]!.n);

/** The update body of a stored set (what the editor sends back). */
async function bodyOf(c: Client, id: string) {
  const d = (await c.get(`/api/criteria-sets/${id}`)).body;
  return {
    name: d.name,
    code: d.code,
    legalBasis: d.legalBasis,
    source: d.source,
    criteria: d.criteria.map((x: { code: string; title: string; description: string | null; points: number | null; items: Record<string, unknown>[] }) => ({
      code: x.code,
      title: x.title,
      description: x.description,
      points: x.points,
      items: x.items.map((i) => ({ code: i.code, title: i.title, guidance: i.guidance, mandatory: i.mandatory, mandatoryForUnits: i.mandatoryForUnits, points: i.points })),
    })),
  };
}

describe("the seeded criteria set", () => {
  it("is the 2019 guidance as data: five criteria, their sub-items, IV.2 mandatory, III.2 for every unit", async () => {
    const r = await (await as("th.gv01")).get(`/api/criteria-sets/${set2019}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ year: 2019, status: "published", issuingUnitName: "Đảng ủy xã Thạnh An", code: "5K-2019" });
    expect(r.body.criteria.map((c: { code: string }) => c.code)).toEqual(["I", "II", "III", "IV", "V"]);
    const items = r.body.criteria.flatMap((c: { items: { code: string }[] }) => c.items);
    expect(items.length).toBe(FIVE_NOT_CRITERIA_2019.criteria.reduce((n, c) => n + c.subItems.length, 0));
    expect(items.find((i: { code: string }) => i.code === "IV.2")).toMatchObject({ mandatory: true });
    expect(items.find((i: { code: string }) => i.code === "III.2")).toMatchObject({ mandatory: false, mandatoryForUnits: true });
    expect(items.find((i: { code: string }) => i.code === "I.4").guidance).toContain("lập danh sách cụ thể các hộ nghèo");
    expect(r.body.criteria[4].description).toContain("nơi cư trú và trên đường phố");
    expect(r.body.campaigns.map((c: { name: string }) => c.name)).toContain(DEMO_CAMPAIGN_2020);
    expect(r.body.abilities).toEqual({ canEdit: false, canPublish: false, canCreateVersion: false });
  });

  it("everyone in the commune lists it; the committee may make a new version of it", async () => {
    const list = await (await as("thanhhoa.bithu")).get("/api/criteria-sets");
    expect(list.body.items.map((s: { code: string }) => s.code)).toEqual(expect.arrayContaining(["5K-2019", "5K-2026"]));
    const d = await (await as("xa.bithu")).get(`/api/criteria-sets/${set2019}`);
    expect(d.body.abilities).toEqual({ canEdit: false, canPublish: false, canCreateVersion: true });
  });

  it("a set of another commune is invisible (404)", async () => {
    const other = await buildUnit(ctx.db, { kind: "commune_party_committee", name: "Đảng ủy xã Khác" });
    const set = await buildCriteriaSet(ctx.db, { issuingUnitId: other });
    expect((await (await as("th.gv01")).get(`/api/criteria-sets/${set}`)).status).toBe(404);
    expect((await (await as("xa.bithu")).get("/api/criteria-sets")).body.items.some((s: { id: string }) => s.id === set)).toBe(false);
  });
});

describe("a new version of the criteria set", () => {
  let draft: string;

  it("the committee copies the 2019 set for a year: a draft with the same criteria", async () => {
    const xa = await as("xa.bithu");
    const r = await xa.post("/api/criteria-sets", { basedOnSetId: set2019, year: 2027, name: "Nội dung “5 không” năm 2027" });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    draft = r.body.id;
    const d = (await xa.get(`/api/criteria-sets/${draft}`)).body;
    expect(d).toMatchObject({ status: "draft", year: 2027, code: "5K-2027", basedOnSetName: FIVE_NOT_CRITERIA_2019.name });
    expect(d.criteria.flatMap((c: { items: unknown[] }) => c.items).length).toBe(23);
    expect(d.abilities).toEqual({ canEdit: true, canPublish: true, canCreateVersion: true });
    const audit = await ctx.db.query<{ after: { basedOnSetId: string } }>("SELECT after FROM audit_log WHERE action = 'criteria_set.create' AND subject_id = $1", [draft]);
    expect(audit[0]!.after.basedOnSetId).toBe(set2019);
  });

  it("a second draft for the same year is a conflict", async () => {
    const r = await (await as("xa.bithu")).post("/api/criteria-sets", { basedOnSetId: set2019, year: 2027, name: "Lần hai" });
    expect(r.status).toBe(409);
  });

  it("members do not see the draft; cells and the office cannot change it", async () => {
    expect((await (await as("th.gv01")).get(`/api/criteria-sets/${draft}`)).status).toBe(404);
    const body = await bodyOf(await as("xa.bithu"), draft);
    expect((await (await as("khoivan.xa")).put(`/api/criteria-sets/${draft}`, body)).status).toBe(403);
    expect((await (await as("th.bithu")).put(`/api/criteria-sets/${draft}`, body)).status).toBe(404);
    expect((await (await as("th.bithu")).post("/api/criteria-sets", { basedOnSetId: set2019, year: 2028, name: "X" })).status).toBe(404);
  });

  it("the committee edits titles, guidance, the mandatory flag and points; the validator refuses bad data", async () => {
    const xa = await as("xa.bithu");
    const body = await bodyOf(xa, draft);
    body.criteria[3].points = 20;
    body.criteria[3].items[0].points = 5;
    body.criteria[3].items[1].points = 15;
    body.criteria[3].items[0].mandatory = true;
    body.criteria[3].items[2].title = "Không lấn chiếm lòng lề đường, vỉa hè";
    body.criteria[0].items[3].guidance = "Khảo sát, lập danh sách hộ nghèo và nhu cầu cụ thể.";
    const ok = await xa.put(`/api/criteria-sets/${draft}`, body);
    expect(ok.status, JSON.stringify(ok.body)).toBe(204);
    const d = (await xa.get(`/api/criteria-sets/${draft}`)).body;
    expect(d.criteria[3]).toMatchObject({ points: 20 });
    expect(d.criteria[3].items.map((i: { code: string; mandatory: boolean; points: number | null }) => [i.code, i.mandatory, i.points])).toEqual([
      ["IV.1", true, 5],
      ["IV.2", true, 15],
      ["IV.3", false, null],
    ]);
    expect(d.criteria[3].items[2].title).toBe("Không lấn chiếm lòng lề đường, vỉa hè");
    expect(d.criteria[0].items[3].guidance).toBe("Khảo sát, lập danh sách hộ nghèo và nhu cầu cụ thể.");

    const over = structuredClone(body);
    over.criteria[3].items[1].points = 30;
    const r1 = await xa.put(`/api/criteria-sets/${draft}`, over);
    expect(r1.status).toBe(400);
    expect(r1.body.error.details[0]).toMatchObject({ path: "criteria.3.points" });
    expect(r1.body.error.details[0].message).toContain("vượt điểm");
    const dup = structuredClone(body);
    dup.criteria[1].items[0].code = "II.2";
    const r2 = await xa.put(`/api/criteria-sets/${draft}`, dup);
    expect(r2.status).toBe(400);
    expect(r2.body.error.details[0].path).toBe("criteria.1.items.1.code");
    const wrong = structuredClone(body);
    wrong.criteria[1].items[0].code = "I.9";
    expect((await xa.put(`/api/criteria-sets/${draft}`, wrong)).status).toBe(400);
    // nothing of the refused edits was saved
    expect((await xa.get(`/api/criteria-sets/${draft}`)).body.criteria[3].items[1].points).toBe(15);
    expect(await auditCount("criteria_set.update")).toBe(1);
  });

  it("publishing makes it read-only (409 on edit and on a second publish) and usable by campaigns", async () => {
    const xa = await as("xa.bithu");
    const body = await bodyOf(xa, draft);
    expect((await xa.post(`/api/criteria-sets/${draft}/publish`)).status).toBe(204);
    const d = (await xa.get(`/api/criteria-sets/${draft}`)).body;
    expect(d).toMatchObject({ status: "published", statusLabel: "Đã ban hành" });
    expect(d.publishedAt).not.toBeNull();
    const edit = await xa.put(`/api/criteria-sets/${draft}`, body);
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe("INVALID_STATE");
    expect((await xa.post(`/api/criteria-sets/${draft}/publish`)).status).toBe(409);
    expect(await auditCount("criteria_set.publish")).toBe(1);
    expect((await (await as("th.gv01")).get(`/api/criteria-sets/${draft}`)).status).toBe(200);
  });
});

describe("campaigns", () => {
  const valid = () => ({
    unitId: ctx.units["xa-thanh-an"],
    name: "Phong trào thi đua thử nghiệm năm 2027",
    year: 2027,
    periodStart: "2027-03-01",
    periodEnd: "2027-11-30",
    criteriaSetId: set2019,
    planDeadline: "2027-03-15",
    registrationDeadline: "2027-03-31",
    reportDeadline: "2027-11-30",
  });

  it("a cell member sees the commune's campaigns; another commune's are hidden", async () => {
    const other = await buildUnit(ctx.db, { kind: "commune_party_committee", name: "Đảng ủy xã Ngoài" });
    await buildCampaignRow(ctx.db, { unitId: other, name: "Phong trào của xã ngoài" });
    for (const username of ["th.gv01", "thanhhoa.bithu", "khoivan.xa"]) {
      const names = (await (await as(username)).get("/api/campaigns")).body.items.map((c: { name: string }) => c.name);
      expect(names).toEqual(expect.arrayContaining([DEMO_CAMPAIGN_2020, DEMO_CAMPAIGN_2026]));
      expect(names).not.toContain("Phong trào của xã ngoài");
    }
    const only2020 = await (await as("th.gv01")).get("/api/campaigns?year=2020");
    expect(only2020.body.items.map((c: { name: string }) => c.name)).toEqual([DEMO_CAMPAIGN_2020]);
    expect(only2020.body.items[0]).toMatchObject({ periodStart: "2020-03-02", periodEnd: "2020-11-30", planDeadline: "2020-03-15", registrationDeadline: "2020-03-31", reportDeadline: "2020-11-30", canManage: false });
  });

  it("the status says where a campaign stands today: not started, running, summing up after its period, closed", async () => {
    const today = todayInVietnam();
    const commune = ctx.units["xa-thanh-an"]!;
    const label = async (id: string) => (await (await as("xa.bithu")).get(`/api/campaigns/${id}`)).body.campaign.statusLabel;
    const upcoming = await buildCampaignRow(ctx.db, { unitId: commune, periodStart: addDays(today, 10), periodEnd: addDays(today, 200), planDeadline: null });
    const running = await buildCampaignRow(ctx.db, { unitId: commune, periodStart: addDays(today, -10), periodEnd: addDays(today, 200), planDeadline: null });
    const ended = await buildCampaignRow(ctx.db, { unitId: commune, periodStart: addDays(today, -200), periodEnd: addDays(today, -1), planDeadline: null });
    const closed = await buildCampaignRow(ctx.db, { unitId: commune, periodStart: addDays(today, -200), periodEnd: addDays(today, -1), planDeadline: null, status: "closed" });
    expect(await label(upcoming.campaignId)).toBe("Sắp triển khai");
    expect(await label(running.campaignId)).toBe("Đang triển khai");
    expect(await label(ended.campaignId)).toBe("Đang tổng kết");
    expect(await label(closed.campaignId)).toBe("Đã kết thúc");
    // the 2020 campaign is over but not closed yet (evaluation and reports are still open)
    const list = (await (await as("th.gv01")).get("/api/campaigns?year=2020")).body.items;
    expect(list[0]).toMatchObject({ status: "active", statusLabel: "Đang tổng kết" });
    expect(campaignPhase({ status: "active", periodStart: "2026-03-01", periodEnd: "2026-12-15" }, "2026-12-15")).toBe("running");
    expect(campaignPhase({ status: "draft", periodStart: "2026-03-01", periodEnd: "2026-12-15" }, "2026-12-16")).toBe("draft");
  });

  it("the commune secretary launches a campaign (audited)", async () => {
    const r = await (await as("xa.bithu")).post("/api/campaigns", valid());
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const d = (await (await as("xa.bithu")).get(`/api/campaigns/${r.body.id}`)).body;
    expect(d.campaign).toMatchObject({ name: "Phong trào thi đua thử nghiệm năm 2027", status: "active", canManage: true, criteriaSetName: FIVE_NOT_CRITERIA_2019.name });
    expect(d.unitPlan).toBeNull();
    expect(d.abilities).toEqual({ canEdit: true, canCreateUnitPlan: true, canViewCascade: true, canRemove: true });
    expect(d.cascade.every((c: { status: string }) => c.status === "not_created")).toBe(true);
    const audit = await ctx.db.query<{ actor_username: string; after: { name: string } }>("SELECT actor_username, after FROM audit_log WHERE action = 'campaign.create' AND subject_id = $1", [r.body.id]);
    expect(audit[0]).toMatchObject({ actor_username: "xa.bithu", after: { name: "Phong trào thi đua thử nghiệm năm 2027" } });
    // a teacher of a cell sees it at once
    expect((await (await as("th.gv05")).get(`/api/campaigns/${r.body.id}`)).status).toBe(200);
  });

  it("refuses wrong dates, a cell as launcher, a draft or foreign criteria set — and writes nothing", async () => {
    const xa = await as("xa.bithu");
    const before = await auditCount("campaign.create");
    const dates = await xa.post("/api/campaigns", { ...valid(), periodEnd: "2027-01-01" });
    expect(dates.status).toBe(400);
    expect(dates.body.error.details.map((d: { path: string }) => d.path)).toContain("periodEnd");
    const deadline = await xa.post("/api/campaigns", { ...valid(), planDeadline: "2027-02-01" });
    expect(deadline.body.error.details[0].path).toBe("planDeadline");
    const cell = await xa.post("/api/campaigns", { ...valid(), unitId: ctx.units["cb-tieu-hoc-thanh-an"] });
    expect(cell.status).toBe(400);
    expect(cell.body.error.details[0].path).toBe("unitId");
    const draft = await buildCriteriaSet(ctx.db, { issuingUnitId: ctx.units["xa-thanh-an"]!, status: "draft", year: 2029 });
    const d = await xa.post("/api/campaigns", { ...valid(), criteriaSetId: draft });
    expect(d.status).toBe(400);
    expect(d.body.error.details[0]).toMatchObject({ path: "criteriaSetId", message: "Bộ tiêu chí chưa được ban hành" });
    const other = await buildUnit(ctx.db, { kind: "commune_party_committee" });
    const foreign = await buildCriteriaSet(ctx.db, { issuingUnitId: other });
    expect((await xa.post("/api/campaigns", { ...valid(), criteriaSetId: foreign })).status).toBe(400);
    expect(await auditCount("campaign.create")).toBe(before);
  });

  it("only the commune's managers launch: the office 403, a cell secretary 404, a teacher 404", async () => {
    expect((await (await as("khoivan.xa")).post("/api/campaigns", valid())).status).toBe(403);
    expect((await (await as("th.bithu")).post("/api/campaigns", valid())).status).toBe(404);
    expect((await (await as("th.gv01")).post("/api/campaigns", valid())).status).toBe(404);
  });

  it("another commune's committee launches with its own set, but not for Thạnh An", async () => {
    const commune = await buildUnit(ctx.db, { kind: "commune_party_committee", name: "Đảng ủy xã Mới" });
    const { username } = await buildAccount(ctx.db, { scopes: [{ unitId: commune, scope: "manage" }] });
    const c = await signIn(ctx.app, username, TEST_PASSWORD);
    const own = await buildCriteriaSet(ctx.db, { issuingUnitId: commune });
    const ok = await c.post("/api/campaigns", { ...valid(), unitId: commune, criteriaSetId: own });
    expect(ok.status).toBe(201);
    expect((await c.post("/api/campaigns", { ...valid(), unitId: ctx.units["xa-thanh-an"] })).status).toBe(404);
  });

  it("the committee changes deadlines; the office cannot; bad dates are refused", async () => {
    const id = (await (await as("xa.bithu")).post("/api/campaigns", { ...valid(), name: "Phong trào để sửa hạn" })).body.id as string;
    const r = await (await as("xa.bithu")).patch(`/api/campaigns/${id}`, { planDeadline: "2027-03-20" });
    expect(r.status).toBe(204);
    expect((await (await as("xa.bithu")).get(`/api/campaigns/${id}`)).body.campaign.planDeadline).toBe("2027-03-20");
    expect((await (await as("xa.bithu")).patch(`/api/campaigns/${id}`, { planDeadline: "2028-01-01" })).status).toBe(400);
    expect((await (await as("khoivan.xa")).patch(`/api/campaigns/${id}`, { planDeadline: "2027-03-25" })).status).toBe(403);
    expect((await (await as("th.bithu")).patch(`/api/campaigns/${id}`, { planDeadline: "2027-03-25" })).status).toBe(403);
    const audit = await ctx.db.query<{ before: { planDeadline: string }; after: { planDeadline: string } }>("SELECT before, after FROM audit_log WHERE action = 'campaign.update' AND subject_id = $1", [id]);
    expect(audit.length).toBe(1);
    expect(audit[0]).toMatchObject({ before: { planDeadline: "2027-03-15" }, after: { planDeadline: "2027-03-20" } });
  });

  it("the committee deletes a draft or cancels an active campaign nothing depends on (audited); a plan under it → 409 naming it; others cannot", async () => {
    const xa = await as("xa.bithu");
    const launch = async (name: string) => (await xa.post("/api/campaigns", { ...valid(), name })).body.id as string;
    const removals = (id: string) => ctx.db.query<{ action: string; actor_username: string; before: { name: string; status: string } }>("SELECT action, actor_username, before FROM audit_log WHERE subject_id = $1 AND action IN ('campaign.delete', 'campaign.cancel')", [id]);
    const exists = async (id: string) => (await ctx.db.query("SELECT 1 FROM campaigns WHERE id = $1", [id])).length === 1;

    const active = await launch("Phong trào phát động nhầm");
    expect((await (await as("khoivan.xa")).delete(`/api/campaigns/${active}`)).status).toBe(403);
    expect((await (await as("th.bithu")).delete(`/api/campaigns/${active}`)).status).toBe(403);
    expect((await (await as("thanhhoa.bithu")).delete(`/api/campaigns/${active}`)).status).toBe(403);
    expect(await exists(active)).toBe(true);
    expect((await xa.delete(`/api/campaigns/${active}`)).status).toBe(204);
    expect(await exists(active)).toBe(false);
    expect((await xa.get(`/api/campaigns/${active}`)).status).toBe(404);
    expect((await removals(active)).map((r) => [r.action, r.actor_username, r.before.name, r.before.status])).toEqual([["campaign.cancel", "xa.bithu", "Phong trào phát động nhầm", "active"]]);

    const draft = await launch("Phong trào nháp bỏ đi");
    expect((await xa.patch(`/api/campaigns/${draft}`, { status: "draft" })).status).toBe(204);
    expect((await xa.delete(`/api/campaigns/${draft}`)).status).toBe(204);
    expect((await removals(draft)).map((r) => [r.action, r.before.status])).toEqual([["campaign.delete", "draft"]]);

    const planned = await launch("Phong trào đã có kế hoạch");
    expect((await xa.get(`/api/campaigns/${planned}`)).body.abilities.canRemove).toBe(true);
    expect((await xa.post("/api/plans", { campaignId: planned, unitId: ctx.units["xa-thanh-an"] })).status).toBe(201);
    // the page no longer offers to cancel it
    expect((await xa.get(`/api/campaigns/${planned}`)).body.abilities.canRemove).toBe(false);
    const refused = await xa.delete(`/api/campaigns/${planned}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe("Không hủy được phong trào “Phong trào đã có kế hoạch”: đã có 1 kế hoạch thuộc phong trào này");
    expect(await exists(planned)).toBe(true);
    expect(await removals(planned)).toHaveLength(0);

    const closed = await launch("Phong trào đã kết thúc");
    expect((await xa.patch(`/api/campaigns/${closed}`, { status: "closed" })).status).toBe(204);
    expect((await xa.get(`/api/campaigns/${closed}`)).body.abilities.canRemove).toBe(false);
    expect((await xa.delete(`/api/campaigns/${closed}`)).status).toBe(409);
    expect(await exists(closed)).toBe(true);
  });

  it("date rules (pure)", () => {
    const base = { year: 2020, periodStart: "2020-03-02", periodEnd: "2020-11-30", planDeadline: "2020-03-15", registrationDeadline: "2020-03-31", reportDeadline: "2020-11-30" };
    expect(campaignDateProblems(base)).toEqual([]);
    expect(campaignDateProblems({ ...base, year: 2021 }).map((p) => p.path)).toEqual(["year"]);
    expect(campaignDateProblems({ ...base, registrationDeadline: "2020-03-10" }).map((p) => p.path)).toEqual(["registrationDeadline"]);
    expect(campaignDateProblems({ ...base, reportDeadline: "2020-12-10" })).toEqual([]);
    expect(campaignDateProblems({ ...base, reportDeadline: "2020-01-01" }).map((p) => p.path)).toEqual(["reportDeadline"]);
    expect(campaignDateProblems({ ...base, planDeadline: null, registrationDeadline: null, reportDeadline: null })).toEqual([]);
  });
});
