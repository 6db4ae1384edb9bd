import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, todayInVietnam } from "@domain/dates.js";
import { buildAccount, buildPerson, buildUnit, TEST_PASSWORD } from "../../test/factories.js";
import { setupTestApp, signIn, type Client, type TestContext } from "../../test/support.js";
import {
  acknowledgePlan,
  buildCampaign,
  buildCommitment,
  buildEvaluation,
  buildPlan,
  buildProgressUpdate,
  buildProposal,
  buildRegistration,
  buildReport,
  buildSupervisionReport,
  type CampaignFixture,
} from "../reports/reports.fixtures.js";
import { severityOf } from "./home.service.js";

let ctx: TestContext;
const today = todayInVietnam();
const day = (n: number) => addDays(today, n);
beforeAll(async () => {
  ctx = await setupTestApp();
});
afterAll(() => ctx.close());

interface TodoItem {
  id: string;
  kind: string;
  title: string;
  detail: string;
  dueDate: string | null;
  link: string;
  severity: string;
  severityLabel: string;
  campaignName: string;
  unitName: string;
}

async function todo(c: Client, campaign?: CampaignFixture): Promise<TodoItem[]> {
  const r = await c.get("/api/home/todo");
  expect(r.status).toBe(200);
  expect(r.body.today).toBe(today);
  const items = r.body.items as TodoItem[];
  return campaign ? items.filter((i) => i.id.includes(campaign.campaignId)) : items;
}
const kinds = (items: TodoItem[]) => items.map((i) => i.kind).sort();

/** A commune with a TTKV and two cells; accounts for a member, the secretary, the deputy, the commune and the TTKV. */
async function buildCommune() {
  const db = ctx.db;
  const commune = await buildUnit(db, { kind: "commune_party_committee", name: "Đảng ủy xã Việc Cần Làm", symbolCode: "ĐU" });
  const ttkv = await buildUnit(db, { kind: "mass_mobilization_office", parentId: commune, name: "TTKV xã Việc Cần Làm", symbolCode: "KV" });
  const cellA = await buildUnit(db, { parentId: commune, name: "Chi bộ Trường Thử" });
  const cellB = await buildUnit(db, { parentId: commune, name: "Chi bộ ấp Thử" });
  const person = async (unitId: string, role: string, fullName: string) => (await buildPerson(db, { unitId, role, fullName })).personId;
  const secretary = await person(cellA, "secretary", "Bí Thư Thử");
  const deputy = await person(cellA, "deputy_secretary", "Phó Bí Thư Thử");
  const member = await person(cellA, "member", "Giáo Viên Một");
  const member2 = await person(cellA, "member", "Giáo Viên Hai");
  const other = await person(cellB, "member", "Người Ấp Khác");
  const kv = await person(ttkv, "member", "Cán Bộ Khối Vận");
  const login = async (personId: string | null, scopes: { unitId: string; scope: "manage" | "view" }[]) =>
    signIn(ctx.app, (await buildAccount(db, { personId, scopes })).username, TEST_PASSWORD);
  return {
    commune,
    ttkv,
    cellA,
    cellB,
    people: { secretary, deputy, member, member2, other },
    member: await login(member, []),
    other: await login(other, []),
    secretary: await login(secretary, [{ unitId: cellA, scope: "manage" }]),
    deputy: await login(deputy, [{ unitId: cellA, scope: "view" }]),
    communeMgr: await login(null, [{ unitId: commune, scope: "manage" }]),
    ttkvOfficer: await login(kv, [{ unitId: commune, scope: "view" }]),
  };
}

describe("severity", () => {
  it("is overdue before today, soon within a week, else normal", () => {
    expect(severityOf(day(-1), today)).toBe("overdue");
    expect(severityOf(today, today)).toBe("soon");
    expect(severityOf(day(7), today)).toBe("soon");
    expect(severityOf(day(8), today)).toBe("normal");
    expect(severityOf(null, today)).toBe("normal");
  });
});

describe("a member's home", () => {
  let t: Awaited<ReturnType<typeof buildCommune>>;
  let c: CampaignFixture;
  let plan: string;
  beforeAll(async () => {
    t = await buildCommune();
    c = await buildCampaign(ctx.db, { unitId: t.commune, name: "Đợt thi đua của thành viên", periodStart: day(-30), periodEnd: day(200), registrationDeadline: day(3), year: Number(today.slice(0, 4)) });
    plan = await buildPlan(ctx.db, { campaignId: c.campaignId, unitId: t.cellA, subject: "Kế hoạch thực hiện phong trào" });
  });

  it("shows the plan to acknowledge and the registration to make, with the deadline", async () => {
    const items = await todo(t.member, c);
    expect(kinds(items)).toEqual(["plan_acknowledgement", "registration_missing"]);
    const reg = items.find((i) => i.kind === "registration_missing")!;
    expect(reg).toMatchObject({ title: "Đăng ký việc làm thiết thực", dueDate: day(3), severity: "soon", severityLabel: "Sắp đến hạn", link: `/dang-ky/moi?phongtrao=${c.campaignId}&donvi=${t.cellA}`, unitName: "Chi bộ Trường Thử", campaignName: "Đợt thi đua của thành viên" });
    expect(items.find((i) => i.kind === "plan_acknowledgement")).toMatchObject({ link: `/ke-hoach/${plan}`, severity: "normal" });
    // soon comes before normal
    expect(items[0]!.kind).toBe("registration_missing");
  });

  it("once acknowledged, the plan is no longer listed", async () => {
    await acknowledgePlan(ctx.db, plan, t.people.member);
    expect(kinds(await todo(t.member, c))).toEqual(["registration_missing"]);
  });

  it("a draft asks to be sent; a returned registration shows the reason", async () => {
    const reg = await buildRegistration(ctx.db, { campaignId: c.campaignId, unitId: t.cellA, personId: t.people.member, status: "draft" });
    expect(await todo(t.member, c)).toMatchObject([{ kind: "registration_draft", link: `/dang-ky/${reg}` }]);
    await ctx.db.query("UPDATE registrations SET status = 'returned', return_reason = 'Việc làm chưa đo lường được' WHERE id = $1", [reg]);
    const [item] = await todo(t.member, c);
    expect(item).toMatchObject({ kind: "registration_returned", detail: "Lý do: Việc làm chưa đo lường được", link: `/dang-ky/${reg}` });
  });

  it("lists commitments due soon or overdue that show no progress", async () => {
    await ctx.db.query("UPDATE registrations SET status = 'approved' WHERE person_id = $1 AND campaign_id = $2", [t.people.member, c.campaignId]);
    const reg = (await ctx.db.query<{ id: string }>("SELECT id FROM registrations WHERE person_id = $1 AND campaign_id = $2", [t.people.member, c.campaignId]))[0]!.id;
    await buildCommitment(ctx.db, { registrationId: reg, itemId: c.items["IV.2"]!, deadline: day(-2), action: "Không vi phạm luật giao thông" });
    await buildCommitment(ctx.db, { registrationId: reg, itemId: c.items["III.1"]!, deadline: day(5), action: "Dọn vệ sinh trường", status: "in_progress" });
    const progressing = await buildCommitment(ctx.db, { registrationId: reg, itemId: c.items["I.1"]!, deadline: day(4), action: "Thăm hộ nghèo" });
    await buildProgressUpdate(ctx.db, { commitmentId: progressing, status: "in_progress" });
    await buildCommitment(ctx.db, { registrationId: reg, itemId: c.items["V.1"]!, deadline: day(60), action: "Hòa giải" });
    await buildCommitment(ctx.db, { registrationId: reg, itemId: c.items["II.1"]!, deadline: day(1), action: "Đã xong", status: "achieved" });
    const items = await todo(t.member, c);
    expect(items.map((i) => [i.kind, i.title, i.severity])).toEqual([
      ["commitment_due", "Việc làm đã quá hạn: Không vi phạm luật giao thông", "overdue"],
      ["commitment_due", "Việc làm sắp đến hạn: Dọn vệ sinh trường", "soon"],
    ]);
    expect(items[0]!.detail).toContain("Mục IV.2");
    expect(items[0]!.detail).toContain("chưa cập nhật tiến độ");
    expect(items.map((i) => i.link)).toEqual([`/dang-ky/${reg}`, `/dang-ky/${reg}`]);
  });

  it("another cell's member sees nothing of this cell; closed and draft campaigns ask nothing", async () => {
    const items = await todo(t.other);
    expect(items.every((i) => i.unitName === "Chi bộ ấp Thử")).toBe(true);
    const closed = await buildCampaign(ctx.db, { unitId: t.commune, status: "closed", periodStart: day(-30), periodEnd: day(30) });
    const draft = await buildCampaign(ctx.db, { unitId: t.commune, status: "draft", periodStart: day(-30), periodEnd: day(30) });
    expect(await todo(t.member, closed)).toEqual([]);
    expect(await todo(t.member, draft)).toEqual([]);
  });
});

describe("a cell secretary's home", () => {
  let t: Awaited<ReturnType<typeof buildCommune>>;
  let c: CampaignFixture;
  beforeAll(async () => {
    t = await buildCommune();
    c = await buildCampaign(ctx.db, { unitId: t.commune, periodStart: day(-200), periodEnd: day(10), planDeadline: day(-150), registrationDeadline: day(-100), reportDeadline: day(20), year: 2026 });
  });

  it("pending approvals, members not registered, the plan, the evaluation and the report", async () => {
    await buildRegistration(ctx.db, { campaignId: c.campaignId, unitId: t.cellA, personId: t.people.member, status: "submitted" });
    await buildRegistration(ctx.db, { campaignId: c.campaignId, unitId: t.cellA, personId: t.people.deputy, status: "approved" });
    const draftPlan = await buildPlan(ctx.db, { campaignId: c.campaignId, unitId: t.cellA, status: "draft" });
    const items = (await todo(t.secretary, c)).filter((i) => !["registration_missing", "plan_acknowledgement"].includes(i.kind));
    const by = Object.fromEntries(items.map((i) => [i.kind, i]));
    expect(Object.keys(by).sort()).toEqual(["evaluation_pending", "members_unregistered", "plan_not_issued", "registrations_pending", "report_pending"]);
    expect(by.registrations_pending).toMatchObject({ title: "1 bảng đăng ký chờ duyệt", link: `/bang-dang-ky/${c.campaignId}/${t.cellA}` });
    // the secretary and Giáo Viên Hai have nothing; the member's sheet is submitted, the deputy's approved
    expect(by.members_unregistered).toMatchObject({ title: "2 đảng viên chưa đăng ký việc làm thiết thực", severity: "overdue", dueDate: day(-100) });
    expect(by.members_unregistered!.detail).toContain("Giáo Viên Hai");
    expect(by.members_unregistered!.detail).not.toContain("Giáo Viên Một");
    expect(by.plan_not_issued).toMatchObject({ detail: "Kế hoạch đang soạn, chưa ban hành", link: `/ke-hoach/${draftPlan}`, severity: "overdue" });
    expect(by.evaluation_pending).toMatchObject({ link: "/danh-gia", dueDate: day(10), severity: "normal" });
    expect(by.report_pending).toMatchObject({ link: `/bao-cao/${c.campaignId}/${t.cellA}`, dueDate: day(20) });
    // overdue first
    expect(items[0]!.severity).toBe("overdue");
  });

  it("done duties disappear", async () => {
    await ctx.db.query("UPDATE plans SET status = 'issued', issued_date = $2 WHERE campaign_id = $1", [c.campaignId, today]);
    await buildEvaluation(ctx.db, { campaignId: c.campaignId, unitId: t.cellA, status: "cell_approved" });
    await buildReport(ctx.db, { campaignId: c.campaignId, unitId: t.cellA });
    const items = await todo(t.secretary, c);
    expect(kinds(items).filter((k) => ["plan_not_issued", "evaluation_pending", "report_pending"].includes(k))).toEqual([]);
  });

  it("the evaluation and the report are not asked for long before the end", async () => {
    const early = await buildCampaign(ctx.db, { unitId: t.commune, periodStart: day(-10), periodEnd: day(200), reportDeadline: day(215) });
    const items = await todo(t.secretary, early);
    expect(kinds(items)).not.toContain("evaluation_pending");
    expect(kinds(items)).not.toContain("report_pending");
    expect(kinds(items)).toContain("plan_not_issued");
    expect(items.find((i) => i.kind === "plan_not_issued")!.link).toBe(`/phong-trao/${early.campaignId}`);
  });

  it("a member of the cell is not given the secretary's duties", async () => {
    const items = await todo(t.member, c);
    expect(kinds(items).some((k) => ["registrations_pending", "members_unregistered", "plan_not_issued", "report_pending"].includes(k))).toBe(false);
  });
});

describe("after the campaign's period", () => {
  it("members are asked nothing; the secretary still owes the evaluation and the report; the commune chases reports, not plans", async () => {
    const t = await buildCommune();
    const c = await buildCampaign(ctx.db, { unitId: t.commune, periodStart: "2020-03-02", periodEnd: "2020-11-30", registrationDeadline: "2020-03-31", planDeadline: "2020-03-15", reportDeadline: "2020-11-30" });
    await buildPlan(ctx.db, { campaignId: c.campaignId, unitId: t.cellA });
    await buildRegistration(ctx.db, { campaignId: c.campaignId, unitId: t.cellA, personId: t.people.member2, status: "submitted" });
    expect(await todo(t.member, c)).toEqual([]);
    const sec = await todo(t.secretary, c);
    expect(kinds(sec)).toEqual(["evaluation_pending", "report_pending"]);
    const draft = await buildEvaluation(ctx.db, { campaignId: c.campaignId, unitId: t.cellA });
    expect((await todo(t.secretary, c)).find((i) => i.kind === "evaluation_pending")).toMatchObject({ link: `/danh-gia/${draft}`, detail: "Bản đánh giá đang soạn, chi bộ chưa thông qua" });
    expect(sec.every((i) => i.severity === "overdue")).toBe(true);
    expect(await todo(t.deputy, c)).toEqual([]);
    expect(kinds(await todo(t.communeMgr, c))).toEqual(["reports_missing"]);
  });
});

describe("a deputy secretary's home", () => {
  it("the periodic supervision report is due 90 days after the last period", async () => {
    const t = await buildCommune();
    const c = await buildCampaign(ctx.db, { unitId: t.commune, periodStart: day(-100), periodEnd: day(200) });
    const [item] = (await todo(t.deputy, c)).filter((i) => i.kind === "supervision_report_due");
    expect(item).toMatchObject({ title: "Báo cáo giám sát định kỳ gửi Bí thư chi bộ", dueDate: day(-11), severity: "overdue", link: "/giam-sat" });
    await buildSupervisionReport(ctx.db, { campaignId: c.campaignId, unitId: t.cellA, periodStart: day(-100), periodEnd: day(-5), status: "draft" });
    expect((await todo(t.deputy, c)).find((i) => i.kind === "supervision_report_due")!.detail).toContain("đang soạn");
    await ctx.db.query("UPDATE supervision_reports SET status = 'submitted' WHERE campaign_id = $1", [c.campaignId]);
    expect(kinds(await todo(t.deputy, c))).not.toContain("supervision_report_due");
    // the secretary is not asked for the deputy's report
    expect(kinds(await todo(t.secretary, c))).not.toContain("supervision_report_due");
  });
});

describe("the commune's and the TTKV's home", () => {
  it("units without a plan, reports missing and late, proposals and evaluations awaiting the commune", async () => {
    const t = await buildCommune();
    const c = await buildCampaign(ctx.db, { unitId: t.commune, periodStart: day(-300), periodEnd: day(-20), planDeadline: day(-280), reportDeadline: day(-5) });
    await buildPlan(ctx.db, { campaignId: c.campaignId, unitId: t.cellA });
    await buildReport(ctx.db, { campaignId: c.campaignId, unitId: t.cellA, submittedAt: new Date().toISOString() });
    await buildProposal(ctx.db, { campaignId: c.campaignId, unitId: t.cellA, personId: t.people.member });
    await buildProposal(ctx.db, { campaignId: c.campaignId, unitId: t.cellA, personId: t.people.member2, status: "approved" });
    const evaluation = await buildEvaluation(ctx.db, { campaignId: c.campaignId, unitId: t.cellA, status: "cell_approved" });
    await buildEvaluation(ctx.db, { campaignId: c.campaignId, unitId: t.cellB, status: "draft" });
    for (const client of [t.communeMgr, t.ttkvOfficer]) {
      const items = await todo(client, c);
      const by = Object.fromEntries(items.map((i) => [i.kind, i]));
      // the period is over: plans are no longer chased
      expect(Object.keys(by).sort()).toEqual(["commendations_pending", "evaluation_awaiting_approval", "reports_late", "reports_missing"]);
      expect(by.reports_missing).toMatchObject({ title: "1 đơn vị chưa gửi báo cáo kết quả", detail: "Chi bộ ấp Thử", link: `/bao-cao/${c.campaignId}/${t.commune}`, severity: "overdue" });
      expect(by.reports_late).toMatchObject({ title: "1 đơn vị gửi báo cáo trễ hạn", detail: "Chi bộ Trường Thử" });
      expect(by.commendations_pending).toMatchObject({ title: "1 đề xuất tuyên dương chờ quyết định", link: `/khen-thuong?phongtrao=${c.campaignId}` });
      expect(by.evaluation_awaiting_approval).toMatchObject({ title: "Duyệt kết quả đánh giá, xếp loại của Chi bộ Trường Thử", link: `/danh-gia/${evaluation}` });
      expect(items.every((i) => i.unitName === "Đảng ủy xã Việc Cần Làm")).toBe(true);
    }
    // another commune's secretary sees nothing of it
    const elsewhere = await buildUnit(ctx.db, { kind: "commune_party_committee", name: "Đảng ủy xã Khác" });
    const outsider = await signIn(ctx.app, (await buildAccount(ctx.db, { scopes: [{ unitId: elsewhere, scope: "manage" }] })).username, TEST_PASSWORD);
    expect(await todo(outsider, c)).toEqual([]);
  });

  it("while the campaign runs: units without an issued plan; reports are not chased long before the deadline", async () => {
    const t = await buildCommune();
    const c = await buildCampaign(ctx.db, { unitId: t.commune, periodStart: day(-40), periodEnd: day(200), planDeadline: day(-20), reportDeadline: day(210) });
    await buildPlan(ctx.db, { campaignId: c.campaignId, unitId: t.cellA });
    await buildPlan(ctx.db, { campaignId: c.campaignId, unitId: t.cellB, status: "draft" });
    const items = await todo(t.ttkvOfficer, c);
    expect(kinds(items)).toEqual(["units_without_plan"]);
    expect(items[0]).toMatchObject({ title: "1 đơn vị chưa ban hành kế hoạch", detail: "Chi bộ ấp Thử", link: `/phong-trao/${c.campaignId}`, severity: "overdue", unitName: "Đảng ủy xã Việc Cần Làm" });
  });
});

describe("the demo accounts", () => {
  it("a teacher without a scope and the admin get a list (possibly empty) without errors", async () => {
    for (const u of ["th.gv01", "th.bithu", "th.phobithu", "xa.bithu", "khoivan.xa", "admin"]) {
      const r = await (await signIn(ctx.app, u)).get("/api/home/todo");
      expect(r.status, u).toBe(200);
    }
  });
});
