import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAccount, buildPerson, buildUnit, TEST_PASSWORD } from "../test/factories.js";
import { setupTestApp, signIn, type TestContext } from "../test/support.js";
import { loadConfig } from "../config.js";
import { createSmtpMailer, type Mailer } from "../features/notifications/digest.js";
import { acknowledgePlan, buildCampaign, buildCommitment, buildPlan, buildRegistration, buildReport } from "../features/reports/reports.fixtures.js";
import { runReminderTurn } from "./reminders.js";

/**
 * The reminder job (issue 9, point 2): who is reminded before and after each deadline, once per
 * stage however often it runs (also two turns at once), and the e-mail digest through a local
 * SMTP sink (smtp-server on a random port).
 */
let ctx: TestContext;

interface Received {
  to: string[];
  raw: string;
}
const inbox: Received[] = [];
let sink: SMTPServer;
let mailer: Mailer;

beforeAll(async () => {
  ctx = await setupTestApp();
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", resolve));
  const { port } = sink.server.address() as AddressInfo;
  mailer = createSmtpMailer({ url: null, host: "127.0.0.1", port, secure: false, user: null, pass: null, from: "Dân vận khéo <nhac-han@thanhan.test>" });
});
afterAll(async () => {
  mailer?.close();
  await new Promise<void>((resolve) => sink.close(() => resolve()));
  await ctx.close();
});

/** A commune with TTKV and two cells; a campaign whose deadlines are given; people by role. */
async function scenario(d: { plan?: string; registration?: string; report?: string }) {
  const db = ctx.db;
  const commune = await buildUnit(db, { kind: "commune_party_committee", name: "Đảng ủy xã Nhắc Hạn", symbolCode: "ĐU" });
  await buildUnit(db, { kind: "mass_mobilization_office", parentId: commune, name: "Khối vận xã Nhắc Hạn", symbolCode: "KV" });
  const cellA = await buildUnit(db, { parentId: commune, name: "Chi bộ ấp Nhắc A" });
  const cellB = await buildUnit(db, { parentId: commune, name: "Chi bộ ấp Nhắc B" });
  const p = async (unitId: string, role: string, fullName: string) => (await buildPerson(db, { unitId, role, fullName })).personId;
  const people = {
    communeSecretary: await p(commune, "secretary", "Bí Thư Xã Nhắc"),
    secA: await p(cellA, "secretary", "Bí Thư Chi Bộ A"),
    registered: await p(cellA, "member", "Đã Đăng Ký"),
    late: await p(cellA, "member", "Chưa Đăng Ký"),
    secB: await p(cellB, "secretary", "Bí Thư Chi Bộ B"),
    memberB: await p(cellB, "member", "Đảng Viên B"),
  };
  const c = await buildCampaign(db, {
    unitId: commune,
    name: `Phong trào nhắc hạn ${Math.random().toString(36).slice(2, 7)}`,
    periodStart: "2026-01-01",
    periodEnd: "2026-12-31",
    planDeadline: d.plan ?? null,
    registrationDeadline: d.registration ?? null,
    reportDeadline: d.report ?? null,
  });
  // cell A issued its plan and has a report sent; cell B has neither
  const planA = await buildPlan(db, { campaignId: c.campaignId, unitId: cellA, issuedDate: "2026-02-01" });
  await db.query("UPDATE plans SET number = 3, symbol = '03-KH/CB' WHERE id = $1", [planA]);
  await acknowledgePlan(db, planA, people.secA);
  await acknowledgePlan(db, planA, people.registered);
  await buildRegistration(db, { campaignId: c.campaignId, unitId: cellA, personId: people.registered, status: "submitted" });
  await buildRegistration(db, { campaignId: c.campaignId, unitId: cellA, personId: people.secA, status: "draft" });
  await buildReport(db, { campaignId: c.campaignId, unitId: cellA, status: "submitted" });
  return { commune, cellA, cellB, people, campaignId: c.campaignId, planA, itemId: c.items["IV.2"]! };
}

async function remindersOf(personId: string) {
  return ctx.db.query<{ kind: string; title: string; body: string; link: string; subject_id: string | null }>(
    "SELECT kind, title, body, link, subject_id FROM notifications WHERE person_id = $1 AND kind LIKE 'reminder.%' ORDER BY kind, title",
    [personId],
  );
}
const kindsOf = async (personId: string) => (await remindersOf(personId)).map((r) => r.kind);

describe("reminders before a deadline", () => {
  it("3 days and 1 day before registration: each member who has not sent a sheet or studied the plan, once per stage", async () => {
    const t = await scenario({ registration: "2026-06-12" });
    expect((await runReminderTurn(ctx.db, { today: "2026-06-08" })).ran).toBe(true); // 4 days before: nothing yet
    expect(await kindsOf(t.people.late)).toEqual([]);

    await runReminderTurn(ctx.db, { today: "2026-06-09" });
    const late = await remindersOf(t.people.late);
    expect(late.map((r) => r.kind)).toEqual(["reminder.acknowledge", "reminder.register"]);
    expect(late[1]).toMatchObject({
      title: "Nhắc hạn đăng ký: đồng chí chưa gửi bảng đăng ký",
      body: expect.stringContaining("Chi bộ ấp Nhắc A — Phong trào nhắc hạn") as unknown,
      link: "/dang-ky",
    });
    expect(late[1]!.body).toContain("Hạn đăng ký 12/06/2026 (còn 3 ngày).");
    expect(late[0]).toMatchObject({ title: "Nhắc hạn: đồng chí chưa xác nhận đã quán triệt Kế hoạch số 03-KH/CB", link: `/ke-hoach/${t.planA}`, subject_id: t.planA });
    // a draft is not a sheet sent; cell B issued no plan, so nothing to study there
    expect(await kindsOf(t.people.secA)).toEqual(["reminder.register"]);
    expect(await kindsOf(t.people.memberB)).toEqual(["reminder.register"]);
    expect(await kindsOf(t.people.secB)).toEqual(["reminder.register"]);
    expect(await kindsOf(t.people.registered)).toEqual([]);
    expect(await kindsOf(t.people.communeSecretary)).toEqual([]);

    // again the same day, and the next day (still the 3-day stage): nothing new
    await runReminderTurn(ctx.db, { today: "2026-06-09" });
    await runReminderTurn(ctx.db, { today: "2026-06-10" });
    expect(await remindersOf(t.people.late)).toHaveLength(2);

    expect(late[1]!.subject_id).toBe(t.campaignId);
    // the member sends the sheet (the reminder to register is then read); the day before the
    // deadline only the others are reminded again
    const sheet = (await ctx.db.query<{ id: string }>("SELECT id FROM registrations WHERE person_id = $1 AND campaign_id = $2", [t.people.secA, t.campaignId]))[0]!.id;
    await buildCommitment(ctx.db, { registrationId: sheet, itemId: t.itemId });
    const { username } = await buildAccount(ctx.db, { personId: t.people.secA, scopes: [{ unitId: t.cellA, scope: "manage" }] });
    expect((await (await signIn(ctx.app, username, TEST_PASSWORD)).post(`/api/registrations/${sheet}/submit`)).status).toBe(200);
    expect(await ctx.db.query("SELECT 1 FROM notifications WHERE person_id = $1 AND kind = 'reminder.register' AND read_at IS NULL", [t.people.secA])).toEqual([]);
    await runReminderTurn(ctx.db, { today: "2026-06-11" });
    expect(await kindsOf(t.people.secA)).toEqual(["reminder.register"]);
    expect(await kindsOf(t.people.memberB)).toEqual(["reminder.register", "reminder.register"]);
    expect((await remindersOf(t.people.memberB)).some((r) => r.body.includes("(còn 1 ngày)"))).toBe(true);
    const rows = await ctx.db.query<{ stage: string; n: number }>(
      "SELECT stage, count(*)::int AS n FROM reminders_sent WHERE campaign_id = $1 AND kind = 'register' GROUP BY stage ORDER BY stage",
      [t.campaignId],
    );
    expect(rows).toEqual([
      { stage: "before_1", n: 3 },
      { stage: "before_3", n: 4 },
    ]);
  });

  it("before the plan and report deadlines: the secretary of each unit that has not acted", async () => {
    const t = await scenario({ plan: "2026-03-20", report: "2026-11-30" });
    await runReminderTurn(ctx.db, { today: "2026-03-19" });
    expect(await remindersOf(t.people.secB)).toEqual([
      expect.objectContaining({ kind: "reminder.plan", title: "Nhắc hạn: Chi bộ ấp Nhắc B chưa ban hành kế hoạch thực hiện", link: `/phong-trao/${t.campaignId}` }),
    ]);
    expect(await kindsOf(t.people.secA)).toEqual([]);
    expect(await kindsOf(t.people.memberB)).toEqual([]);
    await runReminderTurn(ctx.db, { today: "2026-11-30" });
    const b = await remindersOf(t.people.secB);
    expect(b.map((r) => r.kind)).toEqual(["reminder.plan", "reminder.report"]);
    expect(b[1]).toMatchObject({ title: "Nhắc hạn: Chi bộ ấp Nhắc B chưa gửi báo cáo kết quả", link: `/bao-cao/${t.campaignId}/${t.cellB}` });
    expect(b[1]!.body).toContain("Hạn báo cáo 30/11/2026 (hôm nay là hạn cuối).");
    expect(await kindsOf(t.people.secA)).toEqual([]);
  });
});

describe("reminders after a deadline", () => {
  it("go to the secretary: of the cell for its members, of the commune for a cell; never to the members; once", async () => {
    const t = await scenario({ registration: "2026-06-12", report: "2026-11-30" });
    await runReminderTurn(ctx.db, { today: "2026-06-13" });
    expect(await kindsOf(t.people.late)).toEqual([]);
    const a = await remindersOf(t.people.secA);
    expect(a.map((r) => r.title)).toEqual([
      "Quá hạn: 1 người của Chi bộ ấp Nhắc A chưa quán triệt Kế hoạch số 03-KH/CB",
      "Quá hạn đăng ký: 2 người của Chi bộ ấp Nhắc A chưa gửi bảng đăng ký",
    ]);
    expect(a[1]).toMatchObject({ link: `/bang-dang-ky/${t.campaignId}/${t.cellA}` });
    expect(a[1]!.body).toContain("Hạn đăng ký 12/06/2026 (đã quá hạn 1 ngày).");
    expect((await remindersOf(t.people.secB)).map((r) => r.title)).toEqual(["Quá hạn đăng ký: 2 người của Chi bộ ấp Nhắc B chưa gửi bảng đăng ký"]);
    await runReminderTurn(ctx.db, { today: "2026-06-14" });
    expect(await remindersOf(t.people.secA)).toHaveLength(2);
    // past the window (7 days) nothing more is sent
    await runReminderTurn(ctx.db, { today: "2026-06-20" });
    expect(await remindersOf(t.people.secA)).toHaveLength(2);

    await runReminderTurn(ctx.db, { today: "2026-12-01" });
    expect((await remindersOf(t.people.communeSecretary)).map((r) => r.title)).toEqual(["Quá hạn: Chi bộ ấp Nhắc B chưa gửi báo cáo kết quả"]);
    expect((await remindersOf(t.people.secB)).filter((r) => r.kind === "reminder.report")).toEqual([]);
  });
});

describe("a campaign cancelled while nothing depends on it", () => {
  it("takes its reminders' records along", async () => {
    const commune = await buildUnit(ctx.db, { kind: "commune_party_committee", name: "Đảng ủy xã Hủy", symbolCode: "ĐU" });
    const cell = await buildUnit(ctx.db, { parentId: commune, name: "Chi bộ ấp Hủy" });
    const { personId } = await buildPerson(ctx.db, { unitId: cell, role: "secretary" });
    const c = await buildCampaign(ctx.db, { unitId: commune, periodStart: "2026-01-01", periodEnd: "2026-12-31", planDeadline: "2026-05-02", registrationDeadline: "2026-05-02" });
    await runReminderTurn(ctx.db, { today: "2026-05-01" });
    expect(await kindsOf(personId)).toEqual(["reminder.plan", "reminder.register"]);
    await ctx.db.query("DELETE FROM campaigns WHERE id = $1", [c.campaignId]);
    expect(await ctx.db.query("SELECT 1 FROM reminders_sent WHERE campaign_id = $1", [c.campaignId])).toEqual([]);
  });
});

describe("several instances", () => {
  it("two turns at once write each reminder once and send each digest once", async () => {
    const t = await scenario({ registration: "2026-06-12" });
    await ctx.db.query("UPDATE persons SET email = $2 WHERE id = $1", [t.people.memberB, "dang.vien.b@thanhan.test"]);
    const turns = await Promise.all([
      runReminderTurn(ctx.db, { today: "2026-06-10", mailer, digestEveryHours: 24 }),
      runReminderTurn(ctx.db, { today: "2026-06-10", mailer, digestEveryHours: 24 }),
    ]);
    expect(turns.reduce((n, r) => n + r.emails, 0)).toBe(1);
    expect(await remindersOf(t.people.memberB)).toHaveLength(1);
    expect(await remindersOf(t.people.late)).toHaveLength(2);
    expect(inbox.filter((m) => m.to.includes("dang.vien.b@thanhan.test"))).toHaveLength(1);
  });
});

/** The text of a message as a reader sees it: headers' encoded words and the text part decoded. */
function readMail(raw: string): { subject: string; text: string } {
  const decodeWords = (s: string) =>
    s.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
      enc.toLowerCase() === "b"
        ? Buffer.from(data, "base64").toString("utf8")
        : Buffer.from(data.replace(/_/g, " ").replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8"),
    );
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const subject = decodeWords(/^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(head!)![1]!.replace(/\r?\n[ \t]/g, " "));
  const body = rest.join("\n\n");
  const part = /Content-Type: text\/plain[^]*?Content-Transfer-Encoding: ([\w-]+)\r?\n\r?\n([^]*?)\r?\n--/i.exec(body)!;
  const text =
    part[1]!.toLowerCase() === "base64"
      ? Buffer.from(part[2]!.replace(/\s+/g, ""), "base64").toString("utf8")
      : Buffer.from(part[2]!.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8");
  return { subject, text };
}

describe("the e-mail digest", () => {
  it("one e-mail per person listing their unread reminders in Vietnamese; nothing twice, nothing without an address", async () => {
    const t = await scenario({ registration: "2026-06-12" });
    await ctx.db.query("UPDATE persons SET email = $2 WHERE id = $1", [t.people.late, "chua.dang.ky@thanhan.test"]);
    await ctx.db.query("UPDATE persons SET email = $2 WHERE id = $1", [t.people.registered, "da.dang.ky@thanhan.test"]);
    const r = await runReminderTurn(ctx.db, { today: "2026-06-10", mailer, publicUrl: "https://dvk.thanhan.test" });
    expect(r.emails).toBeGreaterThanOrEqual(1);
    const mine = inbox.filter((m) => m.to.includes("chua.dang.ky@thanhan.test"));
    expect(mine).toHaveLength(1);
    const mail = readMail(mine[0]!.raw);
    expect(mail.subject).toBe("Dân vận khéo: 2 thông báo mới");
    expect(mail.text).toContain("Kính gửi đồng chí Chưa Đăng Ký,");
    expect(mail.text).toContain("Đồng chí có 2 thông báo chưa đọc trên phần mềm Dân vận khéo:");
    expect(mail.text).toContain("[Nhắc hạn đăng ký] Nhắc hạn đăng ký: đồng chí chưa gửi bảng đăng ký");
    expect(mail.text).toContain("Hạn đăng ký 12/06/2026 (còn 2 ngày).");
    expect(mail.text).toContain("xem tại https://dvk.thanhan.test/dang-ky");
    expect(mail.text).toContain(`[Nhắc quán triệt kế hoạch] Nhắc hạn: đồng chí chưa xác nhận đã quán triệt Kế hoạch số 03-KH/CB`);
    expect(mail.text).toContain("Xem tất cả thông báo: https://dvk.thanhan.test/thong-bao");
    // the one who acted has nothing unread, so no e-mail; the next turn sends nothing again
    expect(inbox.filter((m) => m.to.includes("da.dang.ky@thanhan.test"))).toEqual([]);
    const again = await runReminderTurn(ctx.db, { today: "2026-06-10", mailer, digestEveryHours: 0 });
    expect(again.emails).toBe(0);
    expect(inbox.filter((m) => m.to.includes("chua.dang.ky@thanhan.test"))).toHaveLength(1);
    // without a mailer (no SMTP configured) nothing is claimed: the reminders stay in the app
    await ctx.db.query("UPDATE persons SET email = $2 WHERE id = $1", [t.people.secB, "bi.thu.b@thanhan.test"]);
    await runReminderTurn(ctx.db, { today: "2026-06-10" });
    const left = await ctx.db.query<{ emailed_at: Date | null }>("SELECT emailed_at FROM notifications WHERE person_id = $1 AND kind LIKE 'reminder.%'", [t.people.secB]);
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((n) => n.emailed_at === null)).toBe(true);
  });
});

describe("configuration", () => {
  it("no SMTP server: no e-mail; SMTP_URL or SMTP_HOST and the rest; the reminders' timing", () => {
    expect(loadConfig({}).smtp).toBeNull();
    expect(loadConfig({}).reminderTiming).toEqual({ daysBefore: [3, 1], afterWindowDays: 7 });
    expect(loadConfig({ SMTP_URL: "smtp://u:p@mail.thanhan.test:2525" }).smtp).toMatchObject({ url: "smtp://u:p@mail.thanhan.test:2525", from: "Dân vận khéo <no-reply@localhost>" });
    expect(loadConfig({ SMTP_HOST: "mail.thanhan.test", SMTP_USER: "u", SMTP_PASS: "p", SMTP_FROM: "Đảng ủy xã <dangu@thanhan.test>" }).smtp).toEqual({
      url: null,
      host: "mail.thanhan.test",
      port: 587,
      secure: false,
      user: "u",
      pass: "p",
      from: "Đảng ủy xã <dangu@thanhan.test>",
    });
    expect(loadConfig({ SMTP_HOST: "mail.thanhan.test", SMTP_SECURE: "1" }).smtp).toMatchObject({ port: 465, secure: true });
    expect(loadConfig({ REMINDER_DAYS_BEFORE: "7,2", REMINDER_AFTER_DAYS: "3", PUBLIC_URL: "https://dvk.thanhan.test/" })).toMatchObject({
      reminderTiming: { daysBefore: [7, 2], afterWindowDays: 3 },
      publicUrl: "https://dvk.thanhan.test",
    });
  });
});
