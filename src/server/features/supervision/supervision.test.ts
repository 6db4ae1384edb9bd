import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestApp, signIn, type Client, type TestContext } from "../../test/support.js";
import { TEST_PASSWORD } from "../../test/factories.js";
import { buildCampaignFixture, buildCellFixture, buildRegistrationFixture, type CellFixture } from "./supervision.fixtures.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});
afterAll(() => ctx.close());

const as = (username: string) => signIn(ctx.app, username, TEST_PASSWORD);
const demo = (username: string) => signIn(ctx.app, username);

async function auditCount(action: string, subjectId?: string) {
  const r = await ctx.db.query<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = $1 AND ($2::text IS NULL OR subject_id = $2::text)", [action, subjectId ?? null]);
  return r[0]!.n;
}

/** A multipart/form-data body with one file field named "file". */
function multipart(fileName: string, data: Buffer, type = "application/octet-stream") {
  const boundary = `----dvk${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

interface World {
  f: CellFixture;
  deputy: Client;
  /** Member A: IV.2 "no traffic violation" (achieved) and III.1 (in progress). */
  a: { personId: string; iv2: string; iii: string };
  b: { personId: string; iv2: string };
}

async function world(): Promise<World> {
  const f = await buildCellFixture(ctx.db, { memberCount: 3 });
  const [m0, m1] = f.members;
  const ra = await buildRegistrationFixture(ctx.db, {
    campaignId: f.campaign.campaignId,
    unitId: f.cellId,
    personId: m0!.personId,
    commitments: [
      { itemId: f.campaign.items["IV.2"]!, status: "achieved", action: "Chấp hành luật giao thông, không vi phạm" },
      { itemId: f.campaign.items["III.1"]!, status: "in_progress", action: "Không xả rác, phân loại rác tại nguồn" },
    ],
  });
  const rb = await buildRegistrationFixture(ctx.db, {
    campaignId: f.campaign.campaignId,
    unitId: f.cellId,
    personId: m1!.personId,
    commitments: [{ itemId: f.campaign.items["IV.2"]!, status: "achieved" }],
  });
  return {
    f,
    deputy: await as(f.deputy),
    a: { personId: m0!.personId, iv2: ra.commitmentIds[0]!, iii: ra.commitmentIds[1]! },
    b: { personId: m1!.personId, iv2: rb.commitmentIds[0]! },
  };
}

const ws = (c: Client, w: World) => c.get(`/api/supervision/workspace?campaignId=${w.f.campaign.campaignId}&unitId=${w.f.cellId}`);

describe("supervision notes", () => {
  it("the deputy secretary notes an observation on a member's commitment; audited", async () => {
    const w = await world();
    const res = await w.deputy.post("/api/supervision/notes", {
      campaignId: w.f.campaign.campaignId,
      unitId: w.f.cellId,
      commitmentId: w.a.iii,
      notedOn: "2020-05-10",
      note: "Đã phân loại rác tại nhà, cần duy trì",
    });
    expect(res.status).toBe(201);
    const row = await ctx.db.query<{ person_id: string; commitment_id: string }>("SELECT person_id, commitment_id FROM supervision_notes WHERE id = $1", [res.body.id]);
    expect(row[0]).toEqual({ person_id: w.a.personId, commitment_id: w.a.iii });
    expect(await auditCount("supervision.note_create", res.body.id)).toBe(1);
    const view = await ws(w.deputy, w);
    expect(view.status).toBe(200);
    expect(view.body.notes[0]).toMatchObject({ personId: w.a.personId, note: "Đã phân loại rác tại nhà, cần duy trì", commitmentLabel: expect.stringContaining("III.1") });
  });

  it("refuses a commitment of another person, a non-member and a future date (400), writing nothing", async () => {
    const w = await world();
    const base = { campaignId: w.f.campaign.campaignId, unitId: w.f.cellId, notedOn: "2020-05-10", note: "X" };
    const wrong = await w.deputy.post("/api/supervision/notes", { ...base, personId: w.b.personId, commitmentId: w.a.iv2 });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0].path).toBe("commitmentId");
    const outsider = await w.deputy.post("/api/supervision/notes", { ...base, personId: (await ctx.db.query<{ id: string }>("SELECT id FROM persons WHERE full_name = 'Trần Văn Dũng'"))[0]!.id });
    expect(outsider.status).toBe(400);
    const future = await w.deputy.post("/api/supervision/notes", { ...base, notedOn: "2999-01-01" });
    expect(future.status).toBe(400);
    const n = await ctx.db.query<{ n: number }>("SELECT count(*) AS n FROM supervision_notes WHERE unit_id = $1", [w.f.cellId]);
    expect(n[0]!.n).toBe(0);
  });

  it("a member, the viewer (TTKV-like) and an outside secretary cannot write; the viewer reads", async () => {
    const w = await world();
    const body = { campaignId: w.f.campaign.campaignId, unitId: w.f.cellId, notedOn: "2020-05-10", note: "X" };
    expect((await (await as(w.f.members[2]!.username)).post("/api/supervision/notes", body)).status).toBe(403);
    const viewer = await as(w.f.viewer);
    expect((await viewer.post("/api/supervision/notes", body)).status).toBe(403);
    expect((await ws(viewer, w)).status).toBe(200);
    expect((await ws(await as(w.f.members[2]!.username), w)).status).toBe(403);
    expect((await (await demo("thanhhoa.bithu")).post("/api/supervision/notes", body)).status).toBe(404);
    expect((await ws(await demo("thanhhoa.bithu"), w)).status).toBe(404);
    expect(await ctx.db.query("SELECT 1 FROM supervision_notes WHERE unit_id = $1", [w.f.cellId])).toHaveLength(0);
  });

  it("deletes a note recorded by mistake (audited); the viewer may not", async () => {
    const w = await world();
    const id = (await w.deputy.post("/api/supervision/notes", { campaignId: w.f.campaign.campaignId, unitId: w.f.cellId, notedOn: "2020-05-10", note: "Nhầm" })).body.id;
    expect((await (await as(w.f.viewer)).delete(`/api/supervision/notes/${id}`)).status).toBe(403);
    expect((await w.deputy.delete(`/api/supervision/notes/${id}`)).status).toBe(204);
    expect(await auditCount("supervision.note_delete", id)).toBe(1);
  });
});

describe("violations", () => {
  it("a traffic violation makes the member's IV.2 commitment NOT achieved, even though it was reported achieved", async () => {
    const w = await world();
    const res = await w.deputy.post("/api/supervision/violations", {
      campaignId: w.f.campaign.campaignId,
      unitId: w.f.cellId,
      personId: w.a.personId,
      commitmentId: w.a.iv2,
      kind: "traffic",
      occurredOn: "2020-06-15",
      description: "Không đội mũ bảo hiểm, bị CSGT lập biên bản",
    });
    expect(res.status).toBe(201);
    expect(await auditCount("violation.create", res.body.id)).toBe(1);
    const view = (await ws(w.deputy, w)).body;
    const a = view.members.find((m: { personId: string }) => m.personId === w.a.personId);
    const iv2 = a.commitments.find((c: { id: string }) => c.id === w.a.iv2);
    expect(iv2.status).toBe("achieved");
    expect(iv2.outcome.achieved).toBe(false);
    expect(iv2.outcome.reason).toContain("Vi phạm luật giao thông ngày 15/06/2020");
    // The other member's IV.2 is untouched.
    const b = view.members.find((m: { personId: string }) => m.personId === w.b.personId);
    expect(b.commitments[0].outcome.achieved).toBe(true);
    expect(view.violations[0]).toMatchObject({ kind: "traffic", kindLabel: "Vi phạm luật giao thông", personId: w.a.personId, commitmentLabel: expect.stringContaining("IV.2") });
    // The member is notified.
    const n = await ctx.db.query("SELECT 1 FROM notifications WHERE person_id = $1 AND kind = 'violation.recorded'", [w.a.personId]);
    expect(n).toHaveLength(1);
  });

  it("a traffic violation not linked to a commitment still breaks IV; littering breaks III, not IV", async () => {
    const w = await world();
    const base = { campaignId: w.f.campaign.campaignId, unitId: w.f.cellId, personId: w.a.personId, occurredOn: "2020-06-15" };
    expect((await w.deputy.post("/api/supervision/violations", { ...base, kind: "littering", description: "Xả rác ra kênh" })).status).toBe(201);
    let a = (await ws(w.deputy, w)).body.members.find((m: { personId: string }) => m.personId === w.a.personId);
    expect(a.commitments.find((c: { id: string }) => c.id === w.a.iv2).outcome.achieved).toBe(true);
    expect(a.commitments.find((c: { id: string }) => c.id === w.a.iii).outcome.reason).toContain("Xả rác bừa bãi");
    expect((await w.deputy.post("/api/supervision/violations", { ...base, kind: "traffic", description: "Vượt đèn đỏ" })).status).toBe(201);
    a = (await ws(w.deputy, w)).body.members.find((m: { personId: string }) => m.personId === w.a.personId);
    expect(a.commitments.find((c: { id: string }) => c.id === w.a.iv2).outcome.achieved).toBe(false);
  });

  it("validates the kind, the date inside the campaign and that the commitment is the member's", async () => {
    const w = await world();
    const base = { campaignId: w.f.campaign.campaignId, unitId: w.f.cellId, personId: w.a.personId, kind: "traffic", occurredOn: "2020-06-15", description: "X" };
    expect((await w.deputy.post("/api/supervision/violations", { ...base, kind: "speeding" })).status).toBe(400);
    const outside = await w.deputy.post("/api/supervision/violations", { ...base, occurredOn: "2019-12-31" });
    expect(outside.status).toBe(400);
    expect(outside.body.error.details[0].path).toBe("occurredOn");
    expect((await w.deputy.post("/api/supervision/violations", { ...base, commitmentId: w.b.iv2 })).status).toBe(400);
    expect((await w.deputy.post("/api/supervision/violations", { ...base, description: "  " })).status).toBe(400);
    expect(await ctx.db.query("SELECT 1 FROM violations WHERE unit_id = $1", [w.f.cellId])).toHaveLength(0);
  });

  it("the member sees the violations recorded against them, read-only; others see none of them", async () => {
    const w = await world();
    await w.deputy.post("/api/supervision/violations", {
      campaignId: w.f.campaign.campaignId,
      unitId: w.f.cellId,
      personId: w.a.personId,
      commitmentId: w.a.iv2,
      kind: "traffic",
      occurredOn: "2020-06-15",
      description: "Không đội mũ bảo hiểm",
    });
    const member = await as(w.f.members[0]!.username);
    const mine = await member.get("/api/supervision/my-violations");
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0]).toMatchObject({ kindLabel: "Vi phạm luật giao thông", description: "Không đội mũ bảo hiểm", commitmentLabel: expect.stringContaining("IV.2") });
    expect((await (await as(w.f.members[1]!.username)).get("/api/supervision/my-violations")).body.items).toHaveLength(0);
    // Read-only: the member cannot record, delete or read the cell's book.
    const id = (await ctx.db.query<{ id: string }>("SELECT id FROM violations WHERE person_id = $1", [w.a.personId]))[0]!.id;
    expect((await member.delete(`/api/supervision/violations/${id}`)).status).toBe(403);
    expect((await ws(member, w)).status).toBe(403);
  });

  it("evidence: JPEG/PNG/WebP/PDF by magic bytes (415 otherwise), at most 10 MB (413); downloads for the member concerned", async () => {
    const w = await world();
    const id = (
      await w.deputy.post("/api/supervision/violations", {
        campaignId: w.f.campaign.campaignId,
        unitId: w.f.cellId,
        personId: w.a.personId,
        kind: "traffic",
        occurredOn: "2020-06-15",
        description: "Biên bản",
      })
    ).body.id;
    const url = `/api/supervision/violations/${id}/evidence`;
    const ok = await w.deputy.request({ method: "POST", url, ...multipart("bien-ban.png", PNG, "image/png") });
    expect(ok.status).toBe(201);
    expect(await auditCount("violation.evidence_add", id)).toBe(1);

    const before = await auditCount("violation.evidence_add", id);
    const html = await w.deputy.request({ method: "POST", url, ...multipart("anh.png", Buffer.from("<html>not an image</html>"), "image/png") });
    expect(html.status).toBe(415);
    expect(html.body.error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    const gif = await w.deputy.request({ method: "POST", url, ...multipart("anh.gif", Buffer.from("GIF89a........"), "image/gif") });
    expect(gif.status).toBe(415);
    const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await w.deputy.request({ method: "POST", url, ...multipart("to.png", big, "image/png") });
    expect(tooBig.status).toBe(413);
    expect(await auditCount("violation.evidence_add", id)).toBe(before);
    expect(await ctx.db.query("SELECT 1 FROM evidence_files WHERE violation_id = $1", [id])).toHaveLength(1);

    const file = await (await as(w.f.members[0]!.username)).get(`${url}/${ok.body.id}`);
    expect(file.status).toBe(200);
    expect(file.headers["content-type"]).toBe("image/png");
    expect(file.raw.equals(PNG)).toBe(true);
    expect((await (await as(w.f.members[1]!.username)).get(`${url}/${ok.body.id}`)).status).toBe(404);
    // The viewer sees the evidence listed, cannot add to it.
    const viewer = await as(w.f.viewer);
    expect((await ws(viewer, w)).body.violations[0].evidence[0]).toMatchObject({ fileName: "bien-ban.png", mimeType: "image/png" });
    expect((await viewer.request({ method: "POST", url, ...multipart("bien-ban.png", PNG, "image/png") })).status).toBe(403);
  });

  it("a violation can be deleted (audited with its content) until the evaluation is signed off", async () => {
    const w = await world();
    const id = (
      await w.deputy.post("/api/supervision/violations", {
        campaignId: w.f.campaign.campaignId,
        unitId: w.f.cellId,
        personId: w.a.personId,
        kind: "other",
        occurredOn: "2020-06-15",
        description: "Ghi nhầm",
      })
    ).body.id;
    expect((await w.deputy.delete(`/api/supervision/violations/${id}`)).status).toBe(204);
    const audit = await ctx.db.query<{ before: { description: string } }>("SELECT before FROM audit_log WHERE action = 'violation.delete' AND subject_id = $1", [id]);
    expect(audit[0]!.before.description).toBe("Ghi nhầm");
  });
});

describe("periodic supervision reports", () => {
  it("assembles findings per member and criterion from the period's notes and violations; draft → submitted → read-only", async () => {
    const w = await world();
    const c = w.f.campaign.campaignId;
    await w.deputy.post("/api/supervision/notes", { campaignId: c, unitId: w.f.cellId, commitmentId: w.a.iii, notedOn: "2020-05-10", note: "Phân loại rác tốt" });
    await w.deputy.post("/api/supervision/notes", { campaignId: c, unitId: w.f.cellId, notedOn: "2020-05-11", note: "Chi bộ sinh hoạt đều" });
    await w.deputy.post("/api/supervision/notes", { campaignId: c, unitId: w.f.cellId, personId: w.b.personId, notedOn: "2020-09-01", note: "Ngoài kỳ" });
    await w.deputy.post("/api/supervision/violations", {
      campaignId: c,
      unitId: w.f.cellId,
      personId: w.a.personId,
      kind: "traffic",
      occurredOn: "2020-06-15",
      description: "Không đội mũ bảo hiểm",
    });
    const created = await w.deputy.post("/api/supervision/reports", { campaignId: c, unitId: w.f.cellId, periodStart: "2020-04-01", periodEnd: "2020-06-30", proposals: "Nhắc nhở đồng chí A" });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const report = (await w.deputy.get(`/api/supervision/reports/${id}`)).body;
    expect(report.status).toBe("draft");
    expect(report.noteCount).toBe(2);
    expect(report.violationCount).toBe(1);
    expect(report.findings.map((f: { personName: string; criterionCode: string | null }) => [f.personName, f.criterionCode])).toEqual([
      ["Chi bộ (chung)", null],
      [w.f.members[0]!.name, "III"],
      [w.f.members[0]!.name, "IV"],
    ]);
    expect(report.findings[2].violations[0]).toMatchObject({ kindLabel: "Vi phạm luật giao thông", date: "2020-06-15" });

    // Period must be inside the campaign and well ordered.
    expect((await w.deputy.patch(`/api/supervision/reports/${id}`, { periodStart: "2020-07-01", periodEnd: "2020-06-30" })).status).toBe(400);
    expect((await w.deputy.patch(`/api/supervision/reports/${id}`, { periodEnd: "2020-09-30" })).status).toBe(204);
    expect((await w.deputy.get(`/api/supervision/reports/${id}`)).body.noteCount).toBe(3);
    // Only the supervisor edits; the viewer reads.
    const viewer = await as(w.f.viewer);
    expect((await viewer.get(`/api/supervision/reports/${id}`)).status).toBe(200);
    expect((await viewer.post(`/api/supervision/reports/${id}/submit`)).status).toBe(403);

    expect((await w.deputy.post(`/api/supervision/reports/${id}/submit`)).status).toBe(204);
    // the author is named as people read him, never by his username
    const deputyName = "Trần Thị Giám Sát";
    await ctx.db.query("UPDATE accounts SET display_name = $2 WHERE username = $1", [w.f.deputy, deputyName]);
    const sent = (await w.deputy.get(`/api/supervision/reports/${id}`)).body;
    expect(sent).toMatchObject({ status: "submitted", canEdit: false, submittedBy: deputyName, createdBy: deputyName });
    expect(await auditCount("supervision_report.submit", id)).toBe(1);
    const notified = await ctx.db.query("SELECT 1 FROM notifications WHERE person_id = $1 AND kind = 'supervision_report.submitted' AND subject_id = $2", [w.f.secretaryPersonId, id]);
    expect(notified).toHaveLength(1);

    // Read-only after submission; findings frozen (a later note does not change it).
    const edit = await w.deputy.patch(`/api/supervision/reports/${id}`, { proposals: "Sửa sau khi gửi" });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe("INVALID_STATE");
    expect((await w.deputy.post(`/api/supervision/reports/${id}/submit`)).status).toBe(409);
    await w.deputy.post("/api/supervision/notes", { campaignId: c, unitId: w.f.cellId, notedOn: "2020-06-01", note: "Sau khi gửi" });
    expect((await w.deputy.get(`/api/supervision/reports/${id}`)).body.noteCount).toBe(3);
  });

  it("a supervision report outside the campaign period is refused", async () => {
    const w = await world();
    const res = await w.deputy.post("/api/supervision/reports", { campaignId: w.f.campaign.campaignId, unitId: w.f.cellId, periodStart: "2021-01-01", periodEnd: "2021-03-31" });
    expect(res.status).toBe(400);
  });
});

describe("the cells and campaigns to pick from", () => {
  it("campaigns under way come first, then the ended ones, each flagged; newest first within each", async () => {
    const f = await buildCellFixture(ctx.db, { year: 2020 });
    const ended = await buildCampaignFixture(ctx.db, { unitId: f.communeId, name: "Phong trào đã kết thúc", year: 2027, periodStart: "2027-01-01", periodEnd: "2027-12-31" });
    await ctx.db.query("UPDATE campaigns SET status = 'closed' WHERE id = $1", [ended.campaignId]);
    const later = await buildCampaignFixture(ctx.db, { unitId: f.communeId, name: "Phong trào năm sau", year: 2021, periodStart: "2021-01-01", periodEnd: "2021-12-31" });
    const res = await (await as(f.deputy)).get("/api/supervision/units");
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { campaignId: string; campaignClosed: boolean }) => [i.campaignId, i.campaignClosed])).toEqual([
      [later.campaignId, false],
      [f.campaign.campaignId, false],
      [ended.campaignId, true],
    ]);
  });
});

describe("demo accounts", () => {
  it("th.phobithu supervises the school cell; khoivan.xa reads it and changes nothing; thanhhoa.bithu does not see it", async () => {
    const campaign = (await ctx.db.query<{ id: string }>("SELECT id FROM campaigns WHERE year = 2020 ORDER BY created_at LIMIT 1"))[0];
    if (!campaign) return; // no 2020 demo campaign in this build
    const school = ctx.units["cb-tieu-hoc-thanh-an"]!;
    const url = `/api/supervision/workspace?campaignId=${campaign.id}&unitId=${school}`;
    const deputy = await demo("th.phobithu");
    const book = await deputy.get(url);
    expect(book.status).toBe(200);
    expect(book.body.canSupervise).toBe(true);
    const khoivan = await demo("khoivan.xa");
    expect((await khoivan.get(url)).body.canSupervise).toBe(false);
    expect((await khoivan.post("/api/supervision/notes", { campaignId: campaign.id, unitId: school, notedOn: "2020-05-10", note: "X" })).status).toBe(403);
    expect((await (await demo("thanhhoa.bithu")).get(url)).status).toBe(404);
    expect((await (await demo("th.gv01")).get(url)).status).toBe(403);
  });
});
