import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAccount, buildPerson, TEST_PASSWORD } from "../../test/factories.js";
import { setupTestApp, signIn, type Client, type TestContext } from "../../test/support.js";
import { buildCampaign, buildRegistration, TINY_PNG } from "../registrations/registrations.fixtures.js";
import type { Actor } from "../../http/actor.js";
import { recordViolation } from "../supervision/violations.js";
import { checkEvidenceFile, cleanFileName, detectEvidenceType } from "./evidence-type.js";
import { getCommitmentContext } from "./progress.queries.js";
import { postProgress } from "./progress.service.js";

let ctx: TestContext;
const clients: Record<string, Client> = {};
const as = async (username: string, password?: string) => (clients[username] ??= await signIn(ctx.app, username, password));
let school: string;
let an: string;

beforeAll(async () => {
  ctx = await setupTestApp();
  school = ctx.units["cb-tieu-hoc-thanh-an"]!;
  an = (await ctx.db.query<{ id: string }>("SELECT id FROM persons WHERE full_name = 'Nguyễn Văn An'"))[0]!.id;
});
afterAll(() => ctx.close());

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("JFIF-thu")]);
const WEBP = Buffer.concat([Buffer.from("RIFF"), Buffer.from([0x10, 0, 0, 0]), Buffer.from("WEBPVP8 thu")]);
const PDF = Buffer.from("%PDF-1.4\n% bien ban\n%%EOF\n");

interface FilePart {
  filename: string;
  data: Buffer;
  type?: string;
}

/** A multipart/form-data body as a browser sends it (UTF-8 file names). */
function multipart(fields: Record<string, string>, files: FilePart[] = []) {
  const boundary = `----dvk${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.filename}"\r\nContent-Type: ${f.type ?? "application/octet-stream"}\r\n\r\n`), f.data, Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

async function post(client: Client, commitmentId: string, fields: Record<string, string>, files: FilePart[] = []) {
  const m = multipart(fields, files);
  return client.request({ method: "POST", url: `/api/commitments/${commitmentId}/progress`, payload: m.payload, headers: m.headers });
}

async function approvedCommitment(status: "approved" | "draft" | "submitted" | "returned" = "approved", personId = an) {
  const c = await buildCampaign(ctx.db, { unitId: ctx.units["xa-thanh-an"]! });
  const r = await buildRegistration(ctx.db, { campaignId: c.campaignId, unitId: school, personId, status, itemIds: [c.items["IV.2"]!, c.items["III.2"]!] });
  return { ...r, commitmentId: r.commitmentIds[0]!, campaignId: c.campaignId };
}

const countRows = async (table: string) => (await ctx.db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n;

describe("evidence file types (pure)", () => {
  it("detects JPEG, PNG, WebP and PDF by their bytes", () => {
    expect(detectEvidenceType(JPEG)).toBe("image/jpeg");
    expect(detectEvidenceType(TINY_PNG)).toBe("image/png");
    expect(detectEvidenceType(WEBP)).toBe("image/webp");
    expect(detectEvidenceType(PDF)).toBe("application/pdf");
    expect(detectEvidenceType(Buffer.from("MZ\x90\x00 executable"))).toBeNull();
    expect(detectEvidenceType(Buffer.from("<html><script>"))).toBeNull();
    expect(detectEvidenceType(Buffer.from("RIFF\x00\x00\x00\x00WAVEfmt "))).toBeNull();
  });

  it("requires the extension to match the bytes", () => {
    expect(checkEvidenceFile("anh.JPG", JPEG)).toEqual({ ok: true, mimeType: "image/jpeg" });
    expect(checkEvidenceFile("anh.jpeg", JPEG).ok).toBe(true);
    expect(checkEvidenceFile("anh.pdf", TINY_PNG).ok).toBe(false);
    expect(checkEvidenceFile("anh", TINY_PNG).ok).toBe(false);
    expect(checkEvidenceFile("virus.png", Buffer.from("MZ")).ok).toBe(false);
  });

  it("cleans file names", () => {
    expect(cleanFileName("C:\\Users\\gv\\Ảnh hoạt động.png")).toBe("Ảnh hoạt động.png");
    expect(cleanFileName('../../etc/"pass"wd.pdf')).toBe("passwd.pdf");
    expect(cleanFileName(`${"a".repeat(300)}.pdf`)).toHaveLength(194);
  });
});

describe("posting progress", () => {
  it("the owner posts an update with an image; bytes round-trip, sha256 stored, audit written", async () => {
    const { commitmentId, registrationId } = await approvedCommitment();
    const gv = await as("th.gv01");
    const r = await post(gv, commitmentId, { status: "in_progress", note: "Đã tham gia tuyên truyền an toàn giao thông cho học sinh" }, [
      { filename: "Ảnh buổi tuyên truyền.png", data: TINY_PNG, type: "image/png" },
    ]);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.files).toHaveLength(1);
    const file = r.body.files[0];
    expect(file).toMatchObject({ fileName: "Ảnh buổi tuyên truyền.png", mimeType: "image/png", sizeBytes: TINY_PNG.length, isImage: true });
    expect(file.sha256).toBe(createHash("sha256").update(TINY_PNG).digest("hex"));

    const dl = await gv.get(file.url);
    expect(dl.status).toBe(200);
    expect(dl.headers["content-type"]).toBe("image/png");
    expect(String(dl.headers["content-disposition"])).toContain("attachment;");
    expect(String(dl.headers["content-disposition"])).toContain(encodeURIComponent("Ảnh buổi tuyên truyền.png"));
    expect(dl.headers["x-content-type-options"]).toBe("nosniff");
    expect(Buffer.compare(dl.raw, TINY_PNG)).toBe(0);
    const inline = await gv.get(`${file.url}?inline=1`);
    expect(String(inline.headers["content-disposition"])).toMatch(/^inline;/);

    const stored = await ctx.db.query<{ sha256: string; size_bytes: number; unit_id: string }>("SELECT sha256, size_bytes, unit_id FROM evidence_files WHERE id = $1", [file.id]);
    expect(stored[0]).toEqual({ sha256: file.sha256, size_bytes: TINY_PNG.length, unit_id: school });

    const timeline = await gv.get(`/api/commitments/${commitmentId}/progress`);
    expect(timeline.body.commitment).toMatchObject({ status: "in_progress", statusLabel: "Đang thực hiện", itemCode: "IV.2" });
    expect(timeline.body.canPost).toBe(true);
    expect(timeline.body.updates).toHaveLength(1);
    expect(timeline.body.updates[0]).toMatchObject({ status: "in_progress", note: "Đã tham gia tuyên truyền an toàn giao thông cho học sinh", createdBy: "Nguyễn Văn An" });

    const auditRows = await ctx.db.query<{ after: { files: { sha256: string }[]; registrationId: string; status: string } }>(
      "SELECT after FROM audit_log WHERE action = 'progress.create' AND subject_id = $1",
      [commitmentId],
    );
    expect(auditRows).toHaveLength(1);
    expect(auditRows[0]!.after).toMatchObject({ registrationId, status: "in_progress" });
    expect(auditRows[0]!.after.files[0]!.sha256).toBe(file.sha256);
  });

  it("accepts JPEG, WebP and PDF together; several files in one update", async () => {
    const { commitmentId } = await approvedCommitment();
    const r = await post(await as("th.gv01"), commitmentId, { status: "in_progress" }, [
      { filename: "a.jpg", data: JPEG },
      { filename: "b.webp", data: WEBP },
      { filename: "bien-ban.pdf", data: PDF },
    ]);
    expect(r.status).toBe(201);
    expect(r.body.files.map((f: { mimeType: string }) => f.mimeType)).toEqual(["image/jpeg", "image/webp", "application/pdf"]);
  });

  it("closing is not achieving: a commitment is achieved only when an update says so", async () => {
    const { commitmentId } = await approvedCommitment();
    const gv = await as("th.gv01");
    expect((await post(gv, commitmentId, { status: "in_progress", note: "Bắt đầu" })).status).toBe(201);
    expect((await post(gv, commitmentId, { status: "not_achieved", note: "Chưa đạt chỉ tiêu" })).status).toBe(201);
    let st = await ctx.db.query<{ status: string }>("SELECT status FROM commitments WHERE id = $1", [commitmentId]);
    expect(st[0]!.status).toBe("not_achieved");
    expect((await post(gv, commitmentId, { status: "achieved", note: "Đạt" })).status).toBe(201);
    st = await ctx.db.query<{ status: string }>("SELECT status FROM commitments WHERE id = $1", [commitmentId]);
    expect(st[0]!.status).toBe("achieved");
    const bad = await post(gv, commitmentId, { status: "closed" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe("status");
    const none = await post(gv, commitmentId, { note: "không có trạng thái" });
    expect(none.status).toBe(400);
  });

  it("refuses files that are not what they claim (415) and writes nothing", async () => {
    const { commitmentId } = await approvedCommitment();
    const gv = await as("th.gv01");
    const before = [await countRows("progress_updates"), await countRows("evidence_files")];
    const exe = await post(gv, commitmentId, { status: "in_progress" }, [{ filename: "anh.png", data: Buffer.from("MZ\x90\x00\x03 fake executable"), type: "image/png" }]);
    expect(exe.status).toBe(415);
    expect(exe.body.error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(exe.body.error.message).toContain("anh.png");
    const renamed = await post(gv, commitmentId, { status: "in_progress" }, [{ filename: "bao-cao.pdf", data: TINY_PNG, type: "application/pdf" }]);
    expect(renamed.status).toBe(415);
    const docx = await post(gv, commitmentId, { status: "in_progress" }, [
      { filename: "ok.png", data: TINY_PNG },
      { filename: "bao-cao.docx", data: Buffer.from("PK\x03\x04 word") },
    ]);
    expect(docx.status).toBe(415);
    expect(docx.body.error.details[0].path).toBe("files.1");
    expect([await countRows("progress_updates"), await countRows("evidence_files")]).toEqual(before);
  });

  it("refuses a file over the size limit (413) and writes nothing", async () => {
    const { commitmentId } = await approvedCommitment();
    const gv = await as("th.gv01");
    const before = await countRows("progress_updates");
    const big = Buffer.alloc(ctx.config.maxUploadBytes + 1, 0);
    TINY_PNG.copy(big);
    const r = await post(gv, commitmentId, { status: "in_progress" }, [{ filename: "lon.png", data: big }]);
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(await countRows("progress_updates")).toBe(before);
    // just under the limit is fine
    const ok = Buffer.alloc(ctx.config.maxUploadBytes, 0);
    TINY_PNG.copy(ok);
    const r2 = await post(gv, commitmentId, { status: "in_progress" }, [{ filename: "vua.png", data: ok }]);
    expect(r2.status).toBe(201);
    const dl = await gv.get(r2.body.files[0].url);
    expect(createHash("sha256").update(dl.raw).digest("hex")).toBe(r2.body.files[0].sha256);
  });

  it("refuses a non-multipart request (415) and too many files (400)", async () => {
    const { commitmentId } = await approvedCommitment();
    const gv = await as("th.gv01");
    const json = await gv.post(`/api/commitments/${commitmentId}/progress`, { status: "in_progress" });
    expect(json.status).toBe(415);
    const six = await post(gv, commitmentId, { status: "in_progress" }, Array.from({ length: 6 }, (_, i) => ({ filename: `a${i}.png`, data: TINY_PNG })));
    expect(six.status).toBe(400);
  });

  it("only on approved registrations (409)", async () => {
    for (const status of ["draft", "submitted", "returned"] as const) {
      const { commitmentId } = await approvedCommitment(status);
      const r = await post(await as("th.gv01"), commitmentId, { status: "in_progress" });
      expect(r.status, status).toBe(409);
      expect(r.body.error.code).toBe("INVALID_STATE");
      const view = await (await as("th.gv01")).get(`/api/commitments/${commitmentId}/progress`);
      expect(view.body.canPost).toBe(false);
      expect(view.body.cannotPostReason).toContain("đã được duyệt");
    }
  });

  it("only the owner or the unit's managers post: colleague 404 (not even a read), deputy 403, other cell 404, secretary 201", async () => {
    const { commitmentId } = await approvedCommitment();
    expect((await post(await as("th.gv02"), commitmentId, { status: "achieved" })).status).toBe(404);
    expect((await post(await as("th.phobithu"), commitmentId, { status: "achieved" })).status).toBe(403);
    expect((await post(await as("thanhhoa.bithu"), commitmentId, { status: "achieved" })).status).toBe(404);
    const { personId } = await buildPerson(ctx.db, { unitId: ctx.units["cb-ap-thieng-lieng"]! });
    const stranger = await buildAccount(ctx.db, { personId });
    expect((await post(await as(stranger.username, TEST_PASSWORD), commitmentId, { status: "achieved" })).status).toBe(404);
    expect((await post(await as("th.bithu"), commitmentId, { status: "in_progress", note: "Bí thư cập nhật thay" })).status).toBe(201);
    const audits = await ctx.db.query<{ actor_username: string }>("SELECT actor_username FROM audit_log WHERE action = 'progress.create' AND subject_id = $1", [commitmentId]);
    expect(audits.map((a) => a.actor_username)).toEqual(["th.bithu"]);
  });

  it("is locked once the unit's evaluation is approved (409 LOCKED)", async () => {
    const { commitmentId, campaignId } = await approvedCommitment();
    await ctx.db.query("INSERT INTO evaluations (campaign_id, unit_id, status) VALUES ($1, $2, 'cell_approved')", [campaignId, school]);
    const r = await post(await as("th.gv01"), commitmentId, { status: "achieved" });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("LOCKED");
  });
});

describe("timelines and downloads", () => {
  it("a member reads only his own sheet, progress and timeline; the cell's leaders read all of them", async () => {
    const { registrationId, commitmentId } = await approvedCommitment();
    for (const url of [`/api/registrations/${registrationId}`, `/api/registrations/${registrationId}/timeline`, `/api/commitments/${commitmentId}/progress`]) {
      const colleague = await (await as("th.gv02")).get(url);
      expect(colleague.status, url).toBe(404);
      expect(colleague.body.error.code).toBe("NOT_FOUND");
      for (const u of ["th.gv01", "th.bithu", "th.phobithu"]) expect((await (await as(u)).get(url)).status, `${u} ${url}`).toBe(200);
    }
  });

  it("a registration's timeline shows its workflow steps and every progress update, newest first", async () => {
    const c = await buildCampaign(ctx.db, { unitId: ctx.units["xa-thanh-an"]! });
    const gv = await as("th.gv01");
    const created = await gv.post("/api/registrations", {
      campaignId: c.campaignId,
      unitId: school,
      commitments: [{ criterionItemId: c.items["IV.2"], action: "Không vi phạm luật giao thông", target: "0 lỗi", deadline: "2026-12-31" }],
    });
    const id = created.body.id;
    await gv.post(`/api/registrations/${id}/submit`);
    const bithu = await as("th.bithu");
    await bithu.post(`/api/registrations/${id}/return`, { reason: "Ghi rõ nơi thực hiện" });
    await gv.put(`/api/registrations/${id}`, {
      commitments: [{ criterionItemId: c.items["IV.2"], action: "Không vi phạm luật giao thông", target: "0 lỗi", place: "Xã Thạnh An", deadline: "2026-12-31" }],
    });
    await gv.post(`/api/registrations/${id}/submit`);
    await bithu.post(`/api/registrations/${id}/approve`);
    const detail = await gv.get(`/api/registrations/${id}`);
    await post(gv, detail.body.commitments[0].id, { status: "in_progress", note: "Tháng 3: không vi phạm" }, [{ filename: "xac-nhan.pdf", data: PDF }]);
    const t = await gv.get(`/api/registrations/${id}/timeline`);
    expect(t.status).toBe(200);
    expect(t.body.events.map((e: { kind: string }) => e.kind)).toEqual(["progress", "approved", "submitted", "updated", "returned", "submitted", "created"]);
    expect(t.body.events[0]).toMatchObject({ commitment: { itemCode: "IV.2" }, text: "Tháng 3: không vi phạm", statusLabel: "Đang thực hiện" });
    expect(t.body.events[0].files[0]).toMatchObject({ fileName: "xac-nhan.pdf", mimeType: "application/pdf", isImage: false });
    expect(t.body.events[2].label).toBe("Gửi duyệt lại sau khi sửa");
    expect(t.body.events[4]).toMatchObject({ text: "Ghi rõ nơi thực hiện", actor: "Lê Hữu Bình" });
    // the secretary sees the same; another cell does not
    expect((await bithu.get(`/api/registrations/${id}/timeline`)).body.events).toHaveLength(7);
    expect((await (await as("thanhhoa.bithu")).get(`/api/registrations/${id}/timeline`)).status).toBe(404);
  });

  it("evidence is downloadable by its owner, the cell's leaders and the scopes above, and by nobody else", async () => {
    const { commitmentId } = await approvedCommitment();
    const r = await post(await as("th.gv01"), commitmentId, { status: "in_progress" }, [{ filename: "bien-ban.pdf", data: PDF }]);
    const url = r.body.files[0].url;
    // a colleague in the same cell does not read another member's evidence
    expect((await (await as("th.gv05")).get(url)).status).toBe(404);
    for (const u of ["th.gv01", "th.bithu", "th.phobithu", "xa.bithu", "khoivan.xa", "admin"]) {
      const dl = await (await as(u)).get(url);
      expect(dl.status, u).toBe(200);
      expect(dl.headers["content-type"]).toBe("application/pdf");
      expect(Buffer.compare(dl.raw, PDF)).toBe(0);
    }
    expect((await (await as("thanhhoa.bithu")).get(url)).status).toBe(404);
    expect((await (await as("thanhhoa.bithu")).get("/api/evidence-files/00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  it("evidence never runs as a page of the app: a PDF always downloads, an image shows inline only in a sandbox", async () => {
    const { commitmentId } = await approvedCommitment();
    const gv = await as("th.gv01");
    const pdfWithScript = Buffer.from("%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF\n");
    const r = await post(gv, commitmentId, { status: "in_progress" }, [
      { filename: "co-script.pdf", data: pdfWithScript },
      { filename: "anh.png", data: TINY_PNG },
    ]);
    expect(r.status).toBe(201);
    const [pdf, png] = r.body.files as { url: string }[];
    const pdfInline = await gv.get(`${pdf!.url}?inline=1`);
    expect(pdfInline.headers["content-disposition"]).toMatch(/^attachment;/);
    expect(pdfInline.headers["content-security-policy"]).toBe("sandbox; default-src 'none'");
    expect(pdfInline.headers["x-content-type-options"]).toBe("nosniff");
    const pngInline = await gv.get(`${png!.url}?inline=1`);
    expect(pngInline.headers["content-disposition"]).toMatch(/^inline;/);
    expect(pngInline.headers["content-type"]).toBe("image/png");
    expect(pngInline.headers["content-security-policy"]).toBe("sandbox; default-src 'none'");
  });
});

describe("a progress update in one statement", () => {
  const actorOf = async (username: string) => {
    const [a] = await ctx.db.query<{ id: string }>("SELECT id FROM accounts WHERE username = $1", [username]);
    return { accountId: a!.id, username, ip: "127.0.0.1" } as unknown as Actor;
  };
  const stored = async (commitmentId: string) =>
    (await ctx.db.query<{ status: string; achieved: boolean }>("SELECT status, achieved FROM commitments WHERE id = $1", [commitmentId]))[0]!;

  it("writes the update, the status, the outcome and the audit row together", async () => {
    const { commitmentId } = await approvedCommitment();
    const target = (await getCommitmentContext(ctx.db, commitmentId))!;
    const r = await postProgress({ db: ctx.db, actor: await actorOf("th.gv01"), target, status: "achieved", note: "Xong", files: [] });
    expect(await stored(commitmentId)).toEqual({ status: "achieved", achieved: true });
    const audit = await ctx.db.query<{ after: { progressUpdateId: string; status: string } }>(
      "SELECT after FROM audit_log WHERE action = 'progress.create' AND subject_id = $1",
      [commitmentId],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ progressUpdateId: r.id, status: "achieved", note: "Xong", files: [] });
  });

  it("decides the outcome again when a violation lands between reading the commitment and writing the update", async () => {
    const { commitmentId, campaignId } = await approvedCommitment();
    const target = (await getCommitmentContext(ctx.db, commitmentId))!;
    // the deputy secretary records a traffic violation of the member meanwhile: IV.2 cannot be achieved
    const deputy = (await actorOf("th.phobithu")).accountId;
    await ctx.db.transaction((tx) =>
      recordViolation(tx, { campaignId, unitId: school, personId: an, commitmentId: null, kind: "traffic", occurredOn: "2026-06-01", description: "Vượt đèn đỏ", createdBy: deputy }),
    );
    await postProgress({ db: ctx.db, actor: await actorOf("th.gv01"), target, status: "achieved", note: null, files: [] });
    expect(await stored(commitmentId)).toEqual({ status: "achieved", achieved: false });
    expect(await ctx.db.query("SELECT 1 FROM progress_updates WHERE commitment_id = $1", [commitmentId])).toHaveLength(1);
    expect(await ctx.db.query("SELECT 1 FROM audit_log WHERE action = 'progress.create' AND subject_id = $1", [commitmentId])).toHaveLength(1);
  });

  it("writes nothing when the sheet stopped being approved after it was read", async () => {
    const { commitmentId, registrationId } = await approvedCommitment();
    const target = (await getCommitmentContext(ctx.db, commitmentId))!;
    await ctx.db.query("UPDATE registrations SET status = 'returned' WHERE id = $1", [registrationId]);
    await expect(postProgress({ db: ctx.db, actor: await actorOf("th.gv01"), target, status: "achieved", note: null, files: [] })).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await stored(commitmentId)).toMatchObject({ status: "not_started" });
    expect(await ctx.db.query("SELECT 1 FROM progress_updates WHERE commitment_id = $1", [commitmentId])).toHaveLength(0);
  });
});
