import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInVietnam } from "@domain/dates.js";
import { buildAccount, buildPerson, buildUnit, TEST_PASSWORD } from "../../test/factories.js";
import { setupTestApp, signIn, type Client, type TestContext } from "../../test/support.js";
import {
  buildCampaign,
  buildCommitment,
  buildModel,
  buildProgressUpdate,
  buildProposal,
  buildRegistration,
  buildReport,
  buildViolation,
  type CampaignFixture,
} from "./reports.fixtures.js";
import { defaultTermBounds } from "./reports.compute.js";
import { setCommitmentJudgement, writePast } from "../registrations/commitments.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});
afterAll(() => ctx.close());

interface Commune {
  commune: string;
  ttkv: string;
  cellA: string;
  cellB: string;
  front: string;
  org: string;
  people: Record<"p1" | "p2" | "p3" | "p4", string>;
  communeMgr: Client;
  ttkvViewer: Client;
  cellAMgr: Client;
  cellBMgr: Client;
  member: Client;
}

/** A commune of its own: TTKV, two cells, the Front with a mass organisation, and accounts for each role. */
async function buildCommune(): Promise<Commune> {
  const db = ctx.db;
  const commune = await buildUnit(db, { kind: "commune_party_committee", name: "Đảng ủy xã Thử", symbolCode: "ĐU" });
  const ttkv = await buildUnit(db, { kind: "mass_mobilization_office", parentId: commune, name: "Thường trực Khối vận xã Thử", symbolCode: "KV" });
  const cellA = await buildUnit(db, { parentId: commune, name: "Chi bộ ấp A" });
  const cellB = await buildUnit(db, { parentId: commune, name: "Chi bộ ấp B" });
  const front = await buildUnit(db, { kind: "fatherland_front", parentId: commune, name: "Ủy ban MTTQ xã Thử", symbolCode: "MTTQ" });
  const org = await buildUnit(db, { kind: "mass_organization", parentId: front, name: "Hội Phụ nữ xã Thử", symbolCode: "HPN" });
  const people = {
    p1: (await buildPerson(db, { unitId: cellA, fullName: "Nguyễn Thị Một" })).personId,
    p2: (await buildPerson(db, { unitId: cellA, fullName: "Trần Văn Hai" })).personId,
    p3: (await buildPerson(db, { unitId: cellA, fullName: "Lê Văn Ba" })).personId,
    p4: (await buildPerson(db, { unitId: cellB, fullName: "Phạm Thị Bốn" })).personId,
  };
  const acc = async (scopes: { unitId: string; scope: "manage" | "view" }[], personId?: string) =>
    signIn(ctx.app, (await buildAccount(db, { scopes, personId: personId ?? null })).username, TEST_PASSWORD);
  return {
    commune,
    ttkv,
    cellA,
    cellB,
    front,
    org,
    people,
    communeMgr: await acc([{ unitId: commune, scope: "manage" }]),
    ttkvViewer: await acc([{ unitId: commune, scope: "view" }]),
    cellAMgr: await acc([{ unitId: cellA, scope: "manage" }]),
    cellBMgr: await acc([{ unitId: cellB, scope: "manage" }]),
    member: await acc([], people.p1),
  };
}

const url = (c: CampaignFixture, unitId: string, suffix = "") => `/api/reports/${c.campaignId}/units/${unitId}${suffix}`;
const FULL = { strengths: "Đa số đảng viên thực hiện tốt.", limitations: "Một số việc chậm.", causes: "Thời gian hạn chế.", nextSteps: "Tiếp tục duy trì." };

async function audits(subjectId: string) {
  return ctx.db.query<{ action: string; after: Record<string, unknown> }>("SELECT action, after FROM audit_log WHERE subject_id = $1 ORDER BY id", [subjectId]);
}

/**
 * Cell A: p1 (IV.2 achieved but a traffic violation in the period; I.1 achieved but judged not
 * achieved; II.1 in progress but judged achieved; III.1 achieved), p2 (IV.2 achieved, traffic
 * violation before the period; V.1 achieved, broken by a violation recorded against it), p3
 * submitted but not approved, and an approved collective (III.2 achieved). Cell B: p4 IV.2
 * achieved. The Front's women's union: a collective I.1 not started.
 */
async function seedFigures(t: Commune, c: CampaignFixture, year = 2020) {
  const db = ctx.db;
  const i = c.items;
  const r1 = await buildRegistration(db, { campaignId: c.campaignId, unitId: t.cellA, personId: t.people.p1 });
  const c1 = await buildCommitment(db, { registrationId: r1, itemId: i["IV.2"]!, status: "achieved" });
  const c2 = await buildCommitment(db, { registrationId: r1, itemId: i["I.1"]!, status: "achieved", judgedStatus: "not_achieved" });
  await buildCommitment(db, { registrationId: r1, itemId: i["II.1"]!, status: "in_progress", judgedStatus: "achieved" });
  await buildCommitment(db, { registrationId: r1, itemId: i["III.1"]!, status: "achieved" });
  await buildViolation(db, { campaignId: c.campaignId, unitId: t.cellA, personId: t.people.p1, kind: "traffic", occurredOn: `${year}-05-01` });
  await buildModel(db, { registrationId: r1, name: "Mô hình “Tuyến đường sáng - xanh”", field: "culture_society" });
  const r2 = await buildRegistration(db, { campaignId: c.campaignId, unitId: t.cellA, personId: t.people.p2 });
  await buildCommitment(db, { registrationId: r2, itemId: i["IV.2"]!, status: "achieved" });
  await buildViolation(db, { campaignId: c.campaignId, unitId: t.cellA, personId: t.people.p2, kind: "traffic", occurredOn: `${year - 1}-12-15` });
  const c6 = await buildCommitment(db, { registrationId: r2, itemId: i["V.1"]!, status: "achieved" });
  await buildViolation(db, { campaignId: c.campaignId, unitId: t.cellA, personId: t.people.p2, commitmentId: c6, kind: "other", occurredOn: `${year}-06-01` });
  const r3 = await buildRegistration(db, { campaignId: c.campaignId, unitId: t.cellA, personId: t.people.p3, status: "submitted" });
  await buildCommitment(db, { registrationId: r3, itemId: i["I.1"]!, status: "achieved" });
  await buildModel(db, { registrationId: r3, name: "Mô hình chưa duyệt" });
  const rc = await buildRegistration(db, { campaignId: c.campaignId, unitId: t.cellA, collectiveName: "Chi bộ ấp A" });
  await buildCommitment(db, { registrationId: rc, itemId: i["III.2"]!, status: "achieved" });
  const r4 = await buildRegistration(db, { campaignId: c.campaignId, unitId: t.cellB, personId: t.people.p4 });
  await buildCommitment(db, { registrationId: r4, itemId: i["IV.2"]!, status: "achieved" });
  const ro = await buildRegistration(db, { campaignId: c.campaignId, unitId: t.org, collectiveName: "Hội Phụ nữ xã Thử" });
  const co = await buildCommitment(db, { registrationId: ro, itemId: i["I.1"]!, status: "not_started" });
  await buildProposal(db, { campaignId: c.campaignId, unitId: t.cellA, personId: t.people.p1, status: "approved" });
  await buildProposal(db, { campaignId: c.campaignId, unitId: t.cellA, personId: t.people.p2, status: "proposed" });
  await buildProposal(db, { campaignId: c.campaignId, unitId: t.cellA, collectiveName: "Tổ tự quản", status: "declined" });
  return { c1, c2, co };
}

const byCode = (list: { code: string; registered: number; achieved: number }[]) =>
  Object.fromEntries(list.map((x) => [x.code, [x.registered, x.achieved]]));

describe("a unit's report statistics", () => {
  let t: Commune;
  let c: CampaignFixture;
  beforeAll(async () => {
    t = await buildCommune();
    c = await buildCampaign(ctx.db, { unitId: t.commune, reportDeadline: "2020-12-31" });
    await seedFigures(t, c);
  });

  it("count approved registrations only, use the cell's judgement, and let a matching violation break a commitment", async () => {
    const r = await t.cellAMgr.get(url(c, t.cellA));
    expect(r.status).toBe(200);
    const s = r.body.statistics;
    expect(byCode(s.criteria)).toEqual({ I: [1, 0], II: [1, 1], III: [2, 2], IV: [2, 1], V: [1, 0] });
    expect(s.criteria[0]).toMatchObject({ code: "I", title: "Tiêu chí I", percent: 0 });
    expect(s.total).toEqual({ registered: 7, achieved: 4, percent: 57.1 });
    expect(s.members).toEqual({ registered: 2, total: 3 });
    expect(s.models).toEqual({ count: 1, items: [expect.objectContaining({ name: "Mô hình “Tuyến đường sáng - xanh”", fieldLabel: "Văn hóa - xã hội", ownerName: "Nguyễn Thị Một", unitName: "Chi bộ ấp A" })] });
    expect(s.violations).toEqual({ count: 3, byKind: [{ kind: "traffic", label: "Vi phạm luật giao thông", count: 2 }, { kind: "other", label: "Vi phạm khác", count: 1 }] });
    expect(s.commendations).toMatchObject({ proposed: 1, approved: 1, declined: 1, approvedItems: [{ subjectName: "Nguyễn Thị Một", subjectKindLabel: "Cá nhân", unitName: "Chi bộ ấp A" }] });
    expect(r.body.statisticsFrozen).toBe(false);
    expect(r.body.report).toMatchObject({ id: null, status: "draft", statusLabel: "Chưa lập báo cáo", suggestedNumber: 1, suggestedSymbol: "01-BC/CB" });
    expect(r.body.receiver).toEqual({ unitId: t.ttkv, name: "Thường trực Khối vận xã Thử" });
    expect(r.body.can).toEqual({ edit: true, submit: true });
  });

  it("a commune's report covers its whole subtree", async () => {
    const r = await t.communeMgr.get(url(c, t.commune));
    expect(byCode(r.body.statistics.criteria)).toEqual({ I: [2, 0], II: [1, 1], III: [2, 2], IV: [3, 2], V: [1, 0] });
    expect(r.body.statistics.members).toEqual({ registered: 3, total: 4 });
    expect(r.body.unit.hasChildren).toBe(true);
    expect(r.body.report.suggestedSymbol).toBe("01-BC/ĐU");
  });

  it("the TTKV (view scope on the commune) reads every report but may not write", async () => {
    const r = await t.ttkvViewer.get(url(c, t.cellA));
    expect(r.status).toBe(200);
    expect(r.body.can).toEqual({ edit: false, submit: false });
    expect((await t.ttkvViewer.put(url(c, t.cellA), FULL)).status).toBe(403);
    expect((await t.ttkvViewer.post(url(c, t.cellA, "/submit"), FULL)).status).toBe(403);
    const rows = await ctx.db.query("SELECT 1 FROM result_reports WHERE campaign_id = $1 AND unit_id = $2", [c.campaignId, t.cellA]);
    expect(rows).toHaveLength(0);
  });

  it("a member of the cell may read the report, not write it", async () => {
    const r = await t.member.get(url(c, t.cellA));
    expect(r.status).toBe(200);
    expect(r.body.can.edit).toBe(false);
    expect((await t.member.put(url(c, t.cellA), FULL)).status).toBe(403);
  });

  it("another cell's secretary cannot see it (404) nor write it (404)", async () => {
    expect((await t.cellBMgr.get(url(c, t.cellA))).status).toBe(404);
    expect((await t.cellBMgr.put(url(c, t.cellA), FULL)).status).toBe(404);
    expect((await t.cellBMgr.get(url(c, t.commune, "/rollup"))).status).toBe(404);
    expect((await t.cellBMgr.get(url(c, t.commune, "/submissions"))).status).toBe(404);
  });

  it("a unit outside the campaign's tree, an unknown or a draft campaign answer 404", async () => {
    const other = await buildUnit(ctx.db, { name: "Chi bộ ngoài xã" });
    const admin = await signIn(ctx.app, "admin");
    expect((await admin.get(url(c, other))).status).toBe(404);
    expect((await admin.get(`/api/reports/00000000-0000-4000-8000-000000000000/units/${t.cellA}`)).status).toBe(404);
    const draft = await buildCampaign(ctx.db, { unitId: t.commune, status: "draft" });
    expect((await admin.get(url(draft, t.cellA))).status).toBe(404);
    expect((await admin.get(`/api/reports/${c.campaignId}/units/not-a-uuid`)).status).toBe(400);
  });
});

describe("draft → submitted", () => {
  let t: Commune;
  let c: CampaignFixture;
  let fig: Awaited<ReturnType<typeof seedFigures>>;
  beforeAll(async () => {
    t = await buildCommune();
    c = await buildCampaign(ctx.db, { unitId: t.commune, reportDeadline: "2020-12-31" });
    fig = await seedFigures(t, c);
  });

  it("the first save creates the draft, later saves update it; both are audited", async () => {
    const r = await t.cellAMgr.put(url(c, t.cellA), { strengths: "  Ưu điểm nổi bật.  ", number: 5, reportDate: "2020-12-20" });
    expect(r.status).toBe(200);
    expect(r.body.report).toMatchObject({ status: "draft", strengths: "Ưu điểm nổi bật.", number: 5, symbol: "05-BC/CB", reportDate: "2020-12-20" });
    const id = r.body.report.id as string;
    const r2 = await t.cellAMgr.put(url(c, t.cellA), { limitations: "Còn hạn chế.", strengths: null });
    expect(r2.body.report).toMatchObject({ id, strengths: null, limitations: "Còn hạn chế.", number: 5 });
    expect((await audits(id)).map((a) => a.action)).toEqual(["result_report.create", "result_report.update"]);
  });

  it("submitting without the narrative is refused with the missing sections named, and changes nothing", async () => {
    const r = await t.cellAMgr.post(url(c, t.cellA, "/submit"), {});
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("VALIDATION_FAILED");
    expect(r.body.error.details.map((d: { path: string }) => d.path)).toEqual(["strengths", "causes", "nextSteps"]);
    const row = await ctx.db.query<{ status: string }>("SELECT status FROM result_reports WHERE campaign_id = $1 AND unit_id = $2", [c.campaignId, t.cellA]);
    expect(row[0]!.status).toBe("draft");
  });

  it("a report date before the campaign is refused", async () => {
    const r = await t.cellAMgr.put(url(c, t.cellA), { reportDate: "2019-12-31" });
    expect(r.status).toBe(400);
    expect(r.body.error.details[0].path).toBe("reportDate");
  });

  it("submits to the TTKV under the parent commune, freezing the statistics", async () => {
    const r = await t.cellAMgr.post(url(c, t.cellA, "/submit"), FULL);
    expect(r.status).toBe(200);
    expect(r.body.report).toMatchObject({ status: "submitted", statusLabel: "Đã gửi", symbol: "05-BC/CB", receivedByUnitName: "Thường trực Khối vận xã Thử", late: true });
    expect(r.body.statisticsFrozen).toBe(true);
    const row = await ctx.db.query<{ received_by_unit_id: string; statistics: { total: { registered: number } }; submitted_at: Date }>(
      "SELECT received_by_unit_id, statistics, submitted_at FROM result_reports WHERE campaign_id = $1 AND unit_id = $2",
      [c.campaignId, t.cellA],
    );
    expect(row[0]!.received_by_unit_id).toBe(t.ttkv);
    expect(row[0]!.statistics.total.registered).toBe(7);
    const log = await audits(r.body.report.id);
    expect(log.at(-1)).toMatchObject({ action: "result_report.submit", after: { status: "submitted", symbol: "05-BC/CB", receivedBy: "Thường trực Khối vận xã Thử" } });
  });

  it("frozen statistics stay as submitted while the live roll-up moves on", async () => {
    // the cell's judgement, written as of the campaign's days (the 2020 roll-up reads as of its end)
    await writePast(ctx.db, (tx) => setCommitmentJudgement(tx, fig.c2, { status: "achieved", exceeded: false, note: null, by: null }));
    const report = await t.cellAMgr.get(url(c, t.cellA));
    expect(byCode(report.body.statistics.criteria).I).toEqual([1, 0]);
    expect(report.body.statistics.total).toEqual({ registered: 7, achieved: 4, percent: 57.1 });
    const live = await t.communeMgr.get(url(c, t.cellA, "/rollup"));
    expect(byCode(live.body.criteria).I).toEqual([1, 1]);
  });

  it("a submitted report is read-only: editing is 409 LOCKED, submitting again 409 INVALID_STATE, nothing changes", async () => {
    const put = await t.cellAMgr.put(url(c, t.cellA), { strengths: "Sửa sau khi gửi" });
    expect(put.status).toBe(409);
    expect(put.body.error.code).toBe("LOCKED");
    const again = await t.cellAMgr.post(url(c, t.cellA, "/submit"), FULL);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("INVALID_STATE");
    const row = await ctx.db.query<{ strengths: string }>("SELECT strengths FROM result_reports WHERE campaign_id = $1 AND unit_id = $2", [c.campaignId, t.cellA]);
    expect(row[0]!.strengths).toBe(FULL.strengths);
    const report = await t.cellAMgr.get(url(c, t.cellA));
    expect(report.body.can).toEqual({ edit: false, submit: false });
  });

  it("a report can be written and submitted in one step; the number is suggested and the date is today", async () => {
    const r = await t.cellBMgr.post(url(c, t.cellB, "/submit"), FULL);
    expect(r.status).toBe(200);
    expect(r.body.report).toMatchObject({ status: "submitted", number: 1, symbol: "01-BC/CB", reportDate: todayInVietnam() });
    expect((await audits(r.body.report.id)).map((a) => a.action)).toEqual(["result_report.submit"]);
  });

  it("a number already used by the unit in the same committee term is a conflict", async () => {
    const c2 = await buildCampaign(ctx.db, { unitId: t.commune, criteria: c, periodStart: "2020-07-01", periodEnd: "2020-12-31" });
    const r = await t.cellAMgr.put(url(c2, t.cellA), { number: 5, reportDate: "2020-12-25" });
    expect(r.status).toBe(409);
    expect(r.body.error.message).toContain("05-BC/CB");
    const ok = await t.cellAMgr.put(url(c2, t.cellA), { number: 6, reportDate: "2020-12-25" });
    expect(ok.status).toBe(200);
    const suggested = await t.cellAMgr.get(url(c2, t.cellA));
    expect(suggested.body.report.symbol).toBe("06-BC/CB");
  });

  it("without a recorded committee term, numbering follows five-year terms from 1 October 2015, 2020, 2025", () => {
    expect(defaultTermBounds("2020-03-02")).toEqual({ start: "2015-10-01", end: "2020-09-30" });
    expect(defaultTermBounds("2020-10-01")).toEqual({ start: "2020-10-01", end: "2025-09-30" });
    expect(defaultTermBounds("2026-11-24")).toEqual({ start: "2025-10-01", end: "2030-09-30" });
  });

  it("numbering restarts in a new term, or from a term recorded for the unit", async () => {
    const c3 = await buildCampaign(ctx.db, { unitId: t.commune, criteria: c, periodStart: "2025-01-01", periodEnd: "2025-12-31", year: 2025 });
    expect((await t.cellAMgr.put(url(c3, t.cellA), { reportDate: "2025-12-20" })).body.report.suggestedSymbol).toBe("01-BC/CB");
    await ctx.db.query("INSERT INTO committee_terms (unit_id, name, start_date) VALUES ($1, 'Nhiệm kỳ thử', '2020-01-01')", [t.cellA]);
    expect((await t.cellAMgr.get(url(c3, t.cellA))).body.report.suggestedSymbol).toBe("07-BC/CB");
  });
});

describe("live roll-up and who has not reported", () => {
  let t: Commune;
  let c: CampaignFixture;
  let fig: Awaited<ReturnType<typeof seedFigures>>;
  beforeAll(async () => {
    t = await buildCommune();
    c = await buildCampaign(ctx.db, { unitId: t.commune, periodStart: "2026-01-01", periodEnd: "2026-12-31", reportDeadline: "2026-12-15", year: 2026 });
    fig = await seedFigures(t, c, 2026);
  });

  it("totals per criterion over the subtree and one row per child (its own subtree)", async () => {
    const r = await t.ttkvViewer.get(url(c, t.commune, "/rollup"));
    expect(r.status).toBe(200);
    expect(byCode(r.body.criteria)).toEqual({ I: [2, 0], II: [1, 1], III: [2, 2], IV: [3, 2], V: [1, 0] });
    expect(r.body.total).toEqual({ registered: 9, achieved: 5, percent: 55.6 });
    const rows = Object.fromEntries(r.body.children.map((ch: { name: string; registered: number; achieved: number; submission: string | null }) => [ch.name, [ch.registered, ch.achieved, ch.submission]]));
    // the TTKV has no data and does not report: not a row
    expect(rows).toEqual({ "Chi bộ ấp A": [7, 4, "not_started"], "Chi bộ ấp B": [1, 1, "not_started"], "Ủy ban MTTQ xã Thử": [1, 0, "not_started"] });
  });

  it("pages the child rows by name; every page carries the whole subtree's totals; a broken cursor is refused", async () => {
    const all = await t.ttkvViewer.get(url(c, t.commune, "/rollup"));
    expect(all.body.nextCursor).toBeNull();
    const rows: { name: string }[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const r: { status: number; body: { total: unknown; criteria: unknown; members: unknown; children: { name: string }[]; nextCursor: string | null } } =
        await t.ttkvViewer.get(url(c, t.commune, `/rollup?limit=1${after ? `&after=${after}` : ""}`));
      expect(r.status).toBe(200);
      expect(r.body.children.length).toBeLessThanOrEqual(1);
      expect({ total: r.body.total, criteria: r.body.criteria, members: r.body.members }).toEqual({ total: all.body.total, criteria: all.body.criteria, members: all.body.members });
      rows.push(...r.body.children);
      after = r.body.nextCursor;
      pages++;
    } while (after && pages < 10);
    expect(after).toBeNull();
    // four children, one page each (the TTKV's page is empty: it has nothing to show)
    expect(pages).toBe(4);
    expect(rows).toEqual(all.body.children);
    expect(rows.map((r) => r.name)).toEqual(["Chi bộ ấp A", "Chi bộ ấp B", "Ủy ban MTTQ xã Thử"]);
    const bad = await t.ttkvViewer.get(url(c, t.commune, "/rollup?limit=1&after=khong-hop-le"));
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("VALIDATION_FAILED");
    expect((await t.ttkvViewer.get(url(c, t.commune, "/rollup?limit=0"))).status).toBe(400);
  });

  it("is live: a member's progress update shows at the commune at once", async () => {
    await buildProgressUpdate(ctx.db, { commitmentId: fig.co, status: "achieved" });
    const r = await t.communeMgr.get(url(c, t.commune, "/rollup"));
    expect(byCode(r.body.criteria).I).toEqual([2, 1]);
    expect(r.body.total.achieved).toBe(6);
    const front = r.body.children.find((ch: { id: string }) => ch.id === t.front);
    expect(front).toMatchObject({ registered: 1, achieved: 1, percent: 100 });
  });

  it("lists units that have not reported; before the deadline none is overdue", async () => {
    await t.cellAMgr.put(url(c, t.cellA), { strengths: "Nháp" });
    const r = await t.ttkvViewer.get(url(c, t.commune, "/submissions"));
    expect(r.status).toBe(200);
    expect(r.body.deadline).toBe("2026-12-15");
    const states = Object.fromEntries(r.body.items.map((i: { unitName: string; state: string; overdue: boolean }) => [i.unitName, [i.state, i.overdue]]));
    // the units directly under the commune; the Front's association reports under the Front
    expect(states).toEqual({
      "Chi bộ ấp A": ["draft", false],
      "Chi bộ ấp B": ["not_started", false],
      "Ủy ban MTTQ xã Thử": ["not_started", false],
    });
    const front = r.body.items.find((i: { unitName: string }) => i.unitName === "Ủy ban MTTQ xã Thử");
    expect(front.below).toEqual({ expected: 1, submitted: 0, onTime: 0, late: 0, missing: 1 });
    expect(r.body.items.find((i: { unitName: string }) => i.unitName === "Chi bộ ấp A").below).toBeNull();
    const underFront = await t.ttkvViewer.get(url(c, t.front, "/submissions"));
    expect(underFront.body.items.map((i: { unitName: string; state: string }) => [i.unitName, i.state])).toEqual([["Hội Phụ nữ xã Thử", "not_started"]]);
    expect(r.body.counts).toEqual({ expected: 4, submitted: 0, onTime: 0, late: 0, missing: 4 });
    expect(r.body.nextCursor).toBeNull();
  });

  it("after the deadline: on time, late and missing (overdue)", async () => {
    const past = await buildCampaign(ctx.db, { unitId: t.commune, reportDeadline: "2020-12-31", criteria: c });
    await buildReport(ctx.db, { campaignId: past.campaignId, unitId: t.cellA, submittedAt: "2020-12-30T10:00:00+07:00" });
    await buildReport(ctx.db, { campaignId: past.campaignId, unitId: t.cellB, submittedAt: "2021-01-01T00:30:00+07:00" });
    await buildReport(ctx.db, { campaignId: past.campaignId, unitId: t.org, status: "draft" });
    const r = await t.communeMgr.get(url(past, t.commune, "/submissions"));
    expect(r.body.deadlinePassed).toBe(true);
    const states = Object.fromEntries(r.body.items.map((i: { unitName: string; state: string; overdue: boolean }) => [i.unitName, [i.state, i.overdue]]));
    expect(states).toEqual({
      "Chi bộ ấp A": ["submitted_on_time", false],
      "Chi bộ ấp B": ["submitted_late", false],
      "Ủy ban MTTQ xã Thử": ["not_started", true],
    });
    expect(r.body.items.find((i: { unitName: string }) => i.unitName === "Ủy ban MTTQ xã Thử").below).toEqual({ expected: 1, submitted: 0, onTime: 0, late: 0, missing: 1 });
    const missing = await t.communeMgr.get(url(past, t.commune, "/submissions?filter=missing"));
    expect(missing.body.items.map((i: { unitName: string }) => i.unitName)).toEqual(["Ủy ban MTTQ xã Thử"]);
    const late = await t.communeMgr.get(url(past, t.commune, "/submissions?filter=late"));
    expect(late.body.items.map((i: { unitName: string }) => i.unitName)).toEqual(["Chi bộ ấp B"]);
    expect(r.body.counts).toEqual({ expected: 4, submitted: 2, onTime: 1, late: 1, missing: 2 });
    const underFront = await t.communeMgr.get(url(past, t.front, "/submissions"));
    expect(underFront.body.items.map((i: { unitName: string; state: string; overdue: boolean }) => [i.unitName, i.state, i.overdue])).toEqual([["Hội Phụ nữ xã Thử", "draft", true]]);
    const rollup = await t.communeMgr.get(url(past, t.commune, "/rollup"));
    const cellB = rollup.body.children.find((ch: { id: string }) => ch.id === t.cellB);
    expect(cellB).toMatchObject({ submission: "submitted_late", submissionLabel: "Gửi trễ hạn" });
  });

  it("pages through the units by name with a cursor; a broken cursor is refused", async () => {
    await buildReport(ctx.db, { campaignId: c.campaignId, unitId: t.cellB, submittedAt: "2026-12-01T10:00:00+07:00" });
    const names: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 6 && (i === 0 || after); i++) {
      const r: { status: number; body: { items: { unitName: string }[]; counts: unknown; nextCursor: string | null } } = await t.ttkvViewer.get(url(c, t.commune, `/submissions?limit=1${after ? `&after=${after}` : ""}`));
      expect(r.status).toBe(200);
      // a page of one unit below; the TTKV's is empty (nothing reports there)
      expect(r.body.items.length).toBeLessThanOrEqual(1);
      expect(r.body.counts).toEqual({ expected: 4, submitted: 1, onTime: 1, late: 0, missing: 3 });
      names.push(...r.body.items.map((it) => it.unitName));
      after = r.body.nextCursor;
    }
    expect(names).toEqual(["Chi bộ ấp A", "Chi bộ ấp B", "Ủy ban MTTQ xã Thử"]);
    expect(after).toBeNull();
    const bad = await t.ttkvViewer.get(url(c, t.commune, "/submissions?after=khong-hop-le"));
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("VALIDATION_FAILED");
    expect((await t.ttkvViewer.get(url(c, t.commune, "/submissions?filter=tat-ca"))).status).toBe(400);
  });

  it("a cell's own submissions list is empty (nothing reports to a cell)", async () => {
    const r = await t.cellAMgr.get(url(c, t.cellA, "/submissions"));
    expect(r.body.items).toEqual([]);
    expect(r.body.counts).toEqual({ expected: 0, submitted: 0, onTime: 0, late: 0, missing: 0 });
  });

  it("the unit's own report is not among those of the units below it, on any filter", async () => {
    const own = await buildCampaign(ctx.db, { unitId: t.commune, periodStart: "2026-01-01", periodEnd: "2026-12-31", reportDeadline: "2026-12-15", year: 2026, criteria: c });
    await buildReport(ctx.db, { campaignId: own.campaignId, unitId: t.commune, submittedAt: "2026-12-01T10:00:00+07:00" });
    await buildReport(ctx.db, { campaignId: own.campaignId, unitId: t.cellA, submittedAt: "2026-12-01T10:00:00+07:00" });
    const all = await t.ttkvViewer.get(url(own, t.commune, "/submissions"));
    const missing = await t.ttkvViewer.get(url(own, t.commune, "/submissions?filter=missing"));
    expect(all.body.counts).toEqual({ expected: 4, submitted: 1, onTime: 1, late: 0, missing: 3 });
    expect(missing.body.counts).toEqual(all.body.counts);
  });
});

describe("the report campaign picker", () => {
  it("lists the actor's units in each campaign, never other cells", async () => {
    const t = await buildCommune();
    const c = await buildCampaign(ctx.db, { unitId: t.commune, name: "Đợt thử bộ chọn" });
    const mine = await t.cellAMgr.get("/api/reports/campaigns");
    const entry = mine.body.items.find((i: { id: string }) => i.id === c.campaignId);
    expect(entry.units).toEqual([expect.objectContaining({ id: t.cellA, name: "Chi bộ ấp A", hasChildren: false, canManage: true })]);
    const commune = await t.ttkvViewer.get("/api/reports/campaigns");
    const ce = commune.body.items.find((i: { id: string }) => i.id === c.campaignId);
    expect(ce.units).toEqual([expect.objectContaining({ id: t.commune, hasChildren: true, canManage: false })]);
    const other = await t.cellBMgr.get("/api/reports/campaigns");
    const oe = other.body.items.find((i: { id: string }) => i.id === c.campaignId);
    expect(oe.units.map((u: { id: string }) => u.id)).toEqual([t.cellB]);
  });
});

describe("the demo commune", () => {
  it("khoivan.xa sees all reports of the commune and their status but changes nothing in a cell", async () => {
    const c = await buildCampaign(ctx.db, { unitId: ctx.units["xa-thanh-an"]!, periodStart: "2026-01-01", periodEnd: "2026-12-31", year: 2026 });
    const th = await signIn(ctx.app, "th.bithu");
    const school = ctx.units["cb-tieu-hoc-thanh-an"]!;
    expect((await th.post(url(c, school, "/submit"), FULL)).status).toBe(200);
    const kv = await signIn(ctx.app, "khoivan.xa");
    const subs = await kv.get(url(c, ctx.units["xa-thanh-an"]!, "/submissions"));
    const states = Object.fromEntries(subs.body.items.map((i: { unitName: string; state: string }) => [i.unitName, i.state]));
    expect(states).toMatchObject({ "Chi bộ Trường Tiểu học Thạnh An": "submitted_on_time", "Chi bộ ấp Thạnh Hòa": "not_started", "Chi bộ ấp Thiềng Liềng": "not_started" });
    expect(subs.body.items.find((i: { unitName: string }) => i.unitName === "Chi bộ Trường Tiểu học Thạnh An").receivedByUnitName).toBe("Thường trực Khối vận xã Thạnh An");
    expect((await kv.get(url(c, school))).status).toBe(200);
    const before = await ctx.db.query<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'result_report.%'");
    expect((await kv.put(url(c, ctx.units["cb-ap-thanh-hoa"]!), FULL)).status).toBe(403);
    const after = await ctx.db.query<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'result_report.%'");
    expect(after[0]!.n).toBe(before[0]!.n);
    const thanhhoa = await signIn(ctx.app, "thanhhoa.bithu");
    expect((await thanhhoa.get(url(c, school))).status).toBe(404);
  });
});

type FigureRow = { registered: number; achieved: number; members: { registered: number; total: number }; byCriterion: { code: string; registered: number; achieved: number }[] };

/** The roll-up's rows (the unit's own bodies, then each child) added up, per figure. */
function sumRows(rows: FigureRow[]) {
  const byCriterion: Record<string, [number, number]> = {};
  for (const r of rows) for (const c of r.byCriterion) byCriterion[c.code] = [(byCriterion[c.code]?.[0] ?? 0) + c.registered, (byCriterion[c.code]?.[1] ?? 0) + c.achieved];
  return {
    registered: rows.reduce((a, r) => a + r.registered, 0),
    achieved: rows.reduce((a, r) => a + r.achieved, 0),
    members: { registered: rows.reduce((a, r) => a + r.members.registered, 0), total: rows.reduce((a, r) => a + r.members.total, 0) },
    byCriterion,
  };
}

describe("the roll-up's rows add up to its total", () => {
  it("the demo commune (live): its own bodies' row plus each unit below it make the total, members included", async () => {
    const commune = ctx.units["xa-thanh-an"]!;
    const [campaign] = await ctx.db.query<{ id: string }>("SELECT id FROM campaigns WHERE unit_id = $1 AND year = 2026 AND status = 'active'", [commune]);
    const r = await (await signIn(ctx.app, "xa.bithu")).get(url({ campaignId: campaign!.id } as CampaignFixture, commune, "/rollup?limit=50"));
    expect(r.status).toBe(200);
    // members of the commune's committee itself belong to no unit below it
    expect(r.body.own).not.toBeNull();
    expect(r.body.own.members.total).toBeGreaterThan(0);
    const sum = sumRows([r.body.own, ...r.body.children]);
    expect(sum.registered).toBe(r.body.total.registered);
    expect(sum.achieved).toBe(r.body.total.achieved);
    expect(sum.members).toEqual(r.body.members);
    expect(sum.byCriterion).toEqual(byCode(r.body.criteria));
    // later pages do not repeat it
    const next = await (await signIn(ctx.app, "xa.bithu")).get(url({ campaignId: campaign!.id } as CampaignFixture, commune, "/rollup?limit=1"));
    const second = await (await signIn(ctx.app, "xa.bithu")).get(url({ campaignId: campaign!.id } as CampaignFixture, commune, `/rollup?limit=1&after=${next.body.nextCursor}`));
    expect(second.status).toBe(200);
    expect(second.body.own).toBeNull();
  });

  it("the demo 2020 campaign (as of its end): the same", async () => {
    const commune = ctx.units["xa-thanh-an"]!;
    const [campaign] = await ctx.db.query<{ id: string }>("SELECT id FROM campaigns WHERE unit_id = $1 AND year = 2020", [commune]);
    const r = await (await signIn(ctx.app, "xa.bithu")).get(url({ campaignId: campaign!.id } as CampaignFixture, commune, "/rollup"));
    expect(r.status).toBe(200);
    const rows = [...(r.body.own ? [r.body.own] : []), ...r.body.children];
    const sum = sumRows(rows);
    expect([sum.registered, sum.achieved]).toEqual([r.body.total.registered, r.body.total.achieved]);
    expect(sum.members).toEqual(r.body.members);
  });
});

describe("the demo 2020 campaign", () => {
  it("Thạnh Hòa reported on time through the TTKV, Thiềng Liềng has not, the school's report is a draft with its narrative", async () => {
    const rows = await ctx.db.query<{ id: string }>("SELECT id FROM campaigns WHERE unit_id = $1 AND year = 2020", [ctx.units["xa-thanh-an"]]);
    expect(rows).toHaveLength(1);
    const c = { campaignId: rows[0]!.id } as CampaignFixture;
    const kv = await signIn(ctx.app, "khoivan.xa");
    const subs = await kv.get(url(c, ctx.units["xa-thanh-an"]!, "/submissions"));
    const byName = Object.fromEntries(subs.body.items.map((i: { unitName: string }) => [i.unitName, i]));
    expect(byName["Chi bộ ấp Thạnh Hòa"]).toMatchObject({ state: "submitted_on_time", symbol: "09-BC/CB", receivedByUnitName: "Thường trực Khối vận xã Thạnh An", overdue: false });
    expect(byName["Chi bộ ấp Thiềng Liềng"]).toMatchObject({ state: "not_started", overdue: true });
    expect(byName["Chi bộ Trường Tiểu học Thạnh An"]).toMatchObject({ state: "draft", overdue: true });
    const missing = await kv.get(url(c, ctx.units["xa-thanh-an"]!, "/submissions?filter=missing"));
    expect(missing.body.items.map((i: { unitName: string }) => i.unitName)).toContain("Chi bộ ấp Thiềng Liềng");

    const th = await kv.get(url(c, ctx.units["cb-ap-thanh-hoa"]!));
    expect(th.body.statisticsFrozen).toBe(true);
    expect(th.body.report).toMatchObject({ status: "submitted", late: false, reportDate: "2020-11-25" });
    expect(th.body.report.strengths).toContain("236-KH/ĐU");
    const school = await (await signIn(ctx.app, "th.bithu")).get(url(c, ctx.units["cb-tieu-hoc-thanh-an"]!));
    expect(school.body.report).toMatchObject({ status: "draft", suggestedSymbol: expect.stringMatching(/-BC\/CB$/) });
    expect(school.body.report.nextSteps).toBeTruthy();
    expect(school.body.can.submit).toBe(true);
  });
});
