import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAccount, buildPerson, buildUnit, TEST_PASSWORD } from "../../test/factories.js";
import { setupTestApp, signIn, type Client, type TestContext } from "../../test/support.js";
import { buildCampaign, buildRegistration, type BuiltCampaign } from "./registrations.fixtures.js";

let ctx: TestContext;
const clients: Record<string, Client> = {};
const as = async (username: string, password?: string) => (clients[username] ??= await signIn(ctx.app, username, password));
let school: string;
let hamlet: string;
let commune: string;

beforeAll(async () => {
  ctx = await setupTestApp();
  school = ctx.units["cb-tieu-hoc-thanh-an"]!;
  hamlet = ctx.units["cb-ap-thanh-hoa"]!;
  commune = ctx.units["xa-thanh-an"]!;
});
afterAll(() => ctx.close());

const personId = async (name: string) => (await ctx.db.query<{ id: string }>("SELECT id FROM persons WHERE full_name = $1", [name]))[0]!.id;
const audit = (action: string, subjectId: string) =>
  ctx.db.query<{ after: Record<string, unknown>; actor_username: string }>("SELECT after, actor_username FROM audit_log WHERE action = $1 AND subject_id = $2", [action, subjectId]);

function commitment(c: BuiltCampaign, code: string, extra: Record<string, unknown> = {}) {
  return { criterionItemId: c.items[code], action: `Việc làm theo ${code}`, target: "Đạt 100%", place: "Trường Tiểu học Thạnh An", startDate: "2026-03-01", deadline: "2026-11-30", ...extra };
}
const newCampaign = (o: Parameters<typeof buildCampaign>[1] = { unitId: "" }) => buildCampaign(ctx.db, { ...o, unitId: o.unitId || commune });

async function createOwn(username: string, c: BuiltCampaign, codes = ["IV.2", "III.2"]) {
  const client = await as(username);
  const r = await client.post("/api/registrations", { campaignId: c.campaignId, unitId: school, commitments: codes.map((code) => commitment(c, code)) });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

describe("creating a registration sheet", () => {
  it("a teacher registers commitments and a model on their own sheet, as a draft", async () => {
    const c = await newCampaign();
    const gv = await as("th.gv01");
    const r = await gv.post("/api/registrations", {
      campaignId: c.campaignId,
      unitId: school,
      commitments: [commitment(c, "IV.2", { action: "Chấp hành nghiêm luật giao thông", target: "0 lỗi vi phạm" }), commitment(c, "III.2")],
      models: [{ name: "Mô hình “Thư viện xanh” vận động học sinh không xả rác", field: "culture_society", address: "Trường Tiểu học Thạnh An", content: "Thu gom giấy vụn", expectedResult: "Sân trường sạch", participants: "Học sinh khối 4, 5" }],
    });
    expect(r.status).toBe(201);
    const d = await gv.get(`/api/registrations/${r.body.id}`);
    expect(d.status).toBe(200);
    expect(d.body).toMatchObject({ status: "draft", statusLabel: "Nháp", person: { fullName: "Nguyễn Văn An" }, collectiveName: null, late: false, missingMandatory: [] });
    expect(d.body.commitments.map((x: { itemCode: string }) => x.itemCode)).toEqual(["III.2", "IV.2"]);
    expect(d.body.commitments[1]).toMatchObject({ action: "Chấp hành nghiêm luật giao thông", target: "0 lỗi vi phạm", deadline: "2026-11-30", status: "not_started" });
    expect(d.body.models[0]).toMatchObject({ field: "culture_society", fieldLabel: "Văn hóa - xã hội" });
    expect(d.body.can).toEqual({ edit: true, submit: true, withdraw: false, review: false, postProgress: false });
    const rows = await audit("registration.create", r.body.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actor_username).toBe("th.gv01");
  });

  it("lists a missing mandatory item (IV.2) on the sheet", async () => {
    const c = await newCampaign();
    const id = await createOwn("th.gv04", c, ["I.4"]);
    const d = await (await as("th.gv04")).get(`/api/registrations/${id}`);
    expect(d.body.missingMandatory.map((m: { code: string }) => m.code)).toEqual(["IV.2"]);
  });

  it("refuses invalid content with Vietnamese messages and field paths, writing nothing", async () => {
    const c = await newCampaign();
    const other = await newCampaign();
    const gv = await as("th.gv05");
    const empty = await gv.post("/api/registrations", { campaignId: c.campaignId, unitId: school, commitments: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details).toContainEqual({ path: "commitments", message: "Cần đăng ký ít nhất một việc làm thiết thực" });

    const bad = await gv.post("/api/registrations", {
      campaignId: c.campaignId,
      unitId: school,
      commitments: [commitment(other, "IV.2"), commitment(c, "I.1", { deadline: "2027-01-15" }), commitment(c, "I.2", { startDate: "2026-12-01", deadline: "2026-06-01" })],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("VALIDATION_FAILED");
    const paths = bad.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(["commitments.0.criterionItemId", "commitments.1.deadline", "commitments.2.startDate"]);
    expect(bad.body.error.details[0].message).toBe("Nội dung không thuộc bộ tiêu chí của phong trào");
    expect(bad.body.error.details[1].message).toContain("01/01/2026 – 31/12/2026");

    const fields = await gv.post("/api/registrations", {
      campaignId: c.campaignId,
      unitId: school,
      commitments: [{ criterionItemId: c.items["IV.2"], action: " ", target: "", deadline: "2026-13-01" }],
      models: [{ name: "Mô hình", field: "sports" }],
    });
    expect(fields.status).toBe(400);
    const fp = fields.body.error.details.map((d: { path: string }) => d.path).sort();
    expect(fp).toEqual(["commitments.0.action", "commitments.0.deadline", "commitments.0.target", "models.0.field"]);
    expect(fields.body.error.details.find((d: { path: string }) => d.path === "commitments.0.action").message).toBe("Hãy nhập việc làm đăng ký");

    const n = await ctx.db.query<{ n: number }>("SELECT count(*) AS n FROM registrations WHERE campaign_id = $1", [c.campaignId]);
    expect(n[0]!.n).toBe(0);
  });

  it("one sheet per member per campaign (409)", async () => {
    const c = await newCampaign();
    await createOwn("th.gv06", c);
    const again = await (await as("th.gv06")).post("/api/registrations", { campaignId: c.campaignId, unitId: school, commitments: [commitment(c, "IV.2")] });
    expect(again.status).toBe(409);
  });

  it("a member registers only in a unit where they hold a position", async () => {
    const c = await newCampaign();
    const gv = await as("th.gv07");
    const r = await gv.post("/api/registrations", { campaignId: c.campaignId, unitId: hamlet, commitments: [commitment(c, "IV.2")] });
    expect(r.status).toBe(404);
    // an account without a person (admin) cannot register a personal sheet
    const admin = await as("admin");
    const a = await admin.post("/api/registrations", { campaignId: c.campaignId, unitId: school, commitments: [commitment(c, "IV.2")] });
    expect(a.status).toBe(403);
  });

  it("a unit outside the campaign is refused; a campaign outside my reach is 404", async () => {
    const elsewhere = await buildUnit(ctx.db, { kind: "commune_party_committee" });
    const c = await buildCampaign(ctx.db, { unitId: elsewhere });
    const gv = await as("th.gv07");
    expect((await gv.post("/api/registrations", { campaignId: c.campaignId, unitId: school, commitments: [commitment(c, "IV.2")] })).status).toBe(404);
    expect((await gv.get(`/api/registrations/criteria?campaignId=${c.campaignId}`)).status).toBe(404);
    const admin = await as("admin");
    const r = await admin.post("/api/registrations", { campaignId: c.campaignId, unitId: school, collectiveName: "Chi bộ", commitments: [commitment(c, "IV.2")] });
    expect(r.status).toBe(400);
    expect(r.body.error.details[0].path).toBe("unitId");
  });

  it("no registration in a closed or draft campaign (409)", async () => {
    const closed = await newCampaign({ unitId: commune, status: "closed" });
    const r = await (await as("th.gv08")).post("/api/registrations", { campaignId: closed.campaignId, unitId: school, commitments: [commitment(closed, "IV.2")] });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("INVALID_STATE");
    const draft = await newCampaign({ unitId: commune, status: "draft" });
    expect((await (await as("th.gv08")).post("/api/registrations", { campaignId: draft.campaignId, unitId: school, commitments: [commitment(draft, "IV.2")] })).status).toBe(404);
  });

  it("collectives are registered by the unit's manager only", async () => {
    const c = await newCampaign();
    const bithu = await as("th.bithu");
    const r = await bithu.post("/api/registrations", { campaignId: c.campaignId, unitId: school, collectiveName: "Chi bộ Trường Tiểu học Thạnh An", commitments: [commitment(c, "III.2")] });
    expect(r.status).toBe(201);
    const d = await bithu.get(`/api/registrations/${r.body.id}`);
    expect(d.body).toMatchObject({ person: null, collectiveName: "Chi bộ Trường Tiểu học Thạnh An", displayName: "Chi bộ Trường Tiểu học Thạnh An", missingMandatory: [] });
    expect(d.body.can.edit).toBe(true);
    const dup = await bithu.post("/api/registrations", { campaignId: c.campaignId, unitId: school, collectiveName: "chi bộ trường tiểu học thạnh an", commitments: [commitment(c, "III.2")] });
    expect(dup.status).toBe(409);
    const gv = await as("th.gv09");
    expect((await gv.post("/api/registrations", { campaignId: c.campaignId, unitId: school, collectiveName: "Tổ khối 5", commitments: [commitment(c, "III.2")] })).status).toBe(403);
    // the commune (manage scope over the subtree) registers a mass organisation
    const xa = await as("xa.bithu");
    const hpn = await xa.post("/api/registrations", { campaignId: c.campaignId, unitId: ctx.units["hpn-thanh-an"], collectiveName: "Hội Liên hiệp Phụ nữ xã Thạnh An", commitments: [commitment(c, "I.4")] });
    expect(hpn.status).toBe(201);
  });
});

describe("editing", () => {
  it("the owner revises a draft: kept ids are updated, new ones added, missing ones removed", async () => {
    const c = await newCampaign();
    const id = await createOwn("th.gv02", c, ["IV.2", "III.2", "I.4"]);
    const gv = await as("th.gv02");
    const before = (await gv.get(`/api/registrations/${id}`)).body;
    const iv2 = before.commitments.find((x: { itemCode: string }) => x.itemCode === "IV.2");
    const r = await gv.put(`/api/registrations/${id}`, {
      commitments: [{ ...commitment(c, "IV.2"), id: iv2.id, target: "Không vi phạm lần nào" }, commitment(c, "V.5")],
      models: [{ name: "Tổ hòa giải", field: "defence_security" }],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(204);
    const after = (await gv.get(`/api/registrations/${id}`)).body;
    expect(after.commitments.map((x: { itemCode: string }) => x.itemCode)).toEqual(["IV.2", "V.5"]);
    expect(after.commitments[0]).toMatchObject({ id: iv2.id, target: "Không vi phạm lần nào" });
    expect(after.models).toHaveLength(1);
    const rows = await audit("registration.update", id);
    expect(rows).toHaveLength(1);
  });

  it("ids of another registration's commitments are refused", async () => {
    const c = await newCampaign();
    const a = await createOwn("th.gv03", c);
    const b = await createOwn("th.gv10", c);
    const foreign = (await (await as("th.gv10")).get(`/api/registrations/${b}`)).body.commitments[0].id;
    const r = await (await as("th.gv03")).put(`/api/registrations/${a}`, { commitments: [{ ...commitment(c, "IV.2"), id: foreign }] });
    expect(r.status).toBe(400);
    expect(r.body.error.details[0].path).toBe("commitments.0.id");
  });

  it("someone else's sheet: a colleague and a member of another cell get 404 (not even a read), and nothing changes", async () => {
    const c = await newCampaign();
    const id = await createOwn("th.gv01", c);
    const colleague = await as("th.gv02");
    expect((await colleague.get(`/api/registrations/${id}`)).status).toBe(404);
    expect((await colleague.put(`/api/registrations/${id}`, { commitments: [commitment(c, "I.1")] })).status).toBe(404);
    expect((await colleague.post(`/api/registrations/${id}/submit`)).status).toBe(404);
    // the secretary may read but not write a member's own sheet
    expect((await (await as("th.bithu")).put(`/api/registrations/${id}`, { commitments: [commitment(c, "I.1")] })).status).toBe(403);

    const { personId: outsider } = await buildPerson(ctx.db, { unitId: hamlet, fullName: "Lê Văn Ấp" });
    const acc = await buildAccount(ctx.db, { personId: outsider });
    const stranger = await as(acc.username, TEST_PASSWORD);
    expect((await stranger.get(`/api/registrations/${id}`)).status).toBe(404);
    expect((await stranger.put(`/api/registrations/${id}`, { commitments: [commitment(c, "I.1")] })).status).toBe(404);
    expect((await stranger.post(`/api/registrations/${id}/submit`)).status).toBe(404);
    const d = await (await as("th.gv01")).get(`/api/registrations/${id}`);
    expect(d.body.commitments.map((x: { itemCode: string }) => x.itemCode)).toEqual(["III.2", "IV.2"]);
    expect(await audit("registration.update", id)).toHaveLength(0);
  });
});

describe("nobody approves what they wrote or what is about themselves", () => {
  it("the secretary writes and submits the cell's collective sheet; he may not approve or return it, the deputy secretary does", async () => {
    const c = await newCampaign();
    const bithu = await as("th.bithu");
    const created = await bithu.post("/api/registrations", { campaignId: c.campaignId, unitId: school, collectiveName: "Chi bộ Trường Tiểu học Thạnh An", commitments: [commitment(c, "III.2")] });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await bithu.post(`/api/registrations/${id}/submit`)).status).toBe(200);
    // the deputy is told, since the secretary cannot review it
    const deputy = await personId("Trần Thị Mai");
    expect(await ctx.db.query("SELECT kind FROM notifications WHERE person_id = $1 AND subject_id = $2", [deputy, id])).toEqual([{ kind: "registration.submitted" }]);

    expect((await bithu.get(`/api/registrations/${id}`)).body.can.review).toBe(false);
    const self = await bithu.post(`/api/registrations/${id}/approve`);
    expect(self.status).toBe(403);
    expect(self.body.error.message).toContain("Không tự duyệt");
    expect((await bithu.post(`/api/registrations/${id}/return`, { reason: "Tự trả lại" })).status).toBe(403);
    expect(await audit("registration.approve", id)).toHaveLength(0);

    const phobithu = await as("th.phobithu");
    expect((await phobithu.get(`/api/registrations/${id}`)).body.can.review).toBe(true);
    expect((await phobithu.post(`/api/registrations/${id}/approve`)).status).toBe(204);
    expect((await audit("registration.approve", id)).map((a) => a.actor_username)).toEqual(["th.phobithu"]);
  });

  it("the secretary's own sheet is approved by the level above, never by himself", async () => {
    const c = await newCampaign();
    const id = await createOwn("th.bithu", c);
    const bithu = await as("th.bithu");
    expect((await bithu.post(`/api/registrations/${id}/submit`)).status).toBe(200);
    expect((await bithu.post(`/api/registrations/${id}/approve`)).status).toBe(403);
    expect((await ctx.db.query<{ status: string }>("SELECT status FROM registrations WHERE id = $1", [id]))[0]!.status).toBe("submitted");
    const xa = await as("xa.bithu");
    expect((await xa.get(`/api/registrations/${id}`)).body.can.review).toBe(true);
    expect((await xa.post(`/api/registrations/${id}/approve`)).status).toBe(204);
    expect((await audit("registration.approve", id)).map((a) => a.actor_username)).toEqual(["xa.bithu"]);
  });
});

describe("approving several sheets at once", () => {
  const statusOf = async (ids: string[]) =>
    (await ctx.db.query<{ id: string; status: string }>("SELECT id, status FROM registrations WHERE id = ANY($1::uuid[])", [ids])).map((r) => [r.id, r.status]).sort();
  async function submitted(usernames: string[], c: BuiltCampaign) {
    const ids: string[] = [];
    for (const u of usernames) {
      const id = await createOwn(u, c);
      expect((await (await as(u)).post(`/api/registrations/${id}/submit`)).status).toBe(200);
      ids.push(id);
    }
    return ids;
  }

  it("approves every selected sheet in one go, each audited and its member notified", async () => {
    const c = await newCampaign();
    const ids = await submitted(["th.gv06", "th.gv07", "th.gv08"], c);
    const r = await (await as("th.bithu")).post("/api/registrations/approve", { ids });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.approved.map((a: { id: string }) => a.id)).toEqual(ids);
    expect(r.body.approved[0].name).toBe((await ctx.db.query<{ full_name: string }>("SELECT p.full_name FROM registrations r JOIN persons p ON p.id = r.person_id WHERE r.id = $1", [ids[0]]))[0]!.full_name);
    expect((await statusOf(ids)).map(([, s]) => s)).toEqual(["approved", "approved", "approved"]);
    for (const id of ids) {
      const rows = await audit("registration.approve", id);
      expect(rows.map((a) => [a.actor_username, a.after])).toEqual([["th.bithu", { status: "approved", bulk: true }]]);
      expect(await ctx.db.query("SELECT 1 FROM notifications WHERE kind = 'registration.approved' AND subject_id = $1", [id])).toHaveLength(1);
    }
  });

  it("all or nothing: his own sheet among them is refused with a reason per sheet, and nothing is approved", async () => {
    const c = await newCampaign();
    const ids = await submitted(["th.gv09", "th.bithu", "th.gv10"], c);
    const bithu = await as("th.bithu");
    const r = await bithu.post("/api/registrations/approve", { ids });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe("FORBIDDEN");
    expect(r.body.error.message).toMatch(/^Không thực hiện được cho 1\/3 bảng đăng ký; chưa thay đổi gì: /);
    expect(r.body.error.details).toEqual([{ path: "ids.1", message: expect.stringContaining("Không tự duyệt bảng đăng ký của mình") }]);
    expect(r.body.error.details[0].message).toMatch(/^Nguyễn|^[^:]+: Không tự duyệt/);
    expect((await statusOf(ids)).map(([, s]) => s)).toEqual(["submitted", "submitted", "submitted"]);
    for (const id of ids) expect(await audit("registration.approve", id)).toHaveLength(0);

    // An already approved sheet and an unknown id: 404 first, each named by its place or name.
    await bithu.post(`/api/registrations/${ids[0]}/approve`);
    const unknown = "00000000-0000-4000-8000-000000000000";
    const mixed = await bithu.post("/api/registrations/approve", { ids: [ids[2], ids[0], unknown] });
    expect(mixed.status).toBe(404);
    expect(mixed.body.error.code).toBe("NOT_FOUND");
    expect(mixed.body.error.details).toEqual([
      { path: "ids.1", message: expect.stringContaining("Bảng đăng ký đã được duyệt") },
      { path: "ids.2", message: "Bảng thứ 3: Không tìm thấy bảng đăng ký" },
    ]);
    expect((await statusOf([ids[2]!])).map(([, s]) => s)).toEqual(["submitted"]);
  });

  it("outside the actor's subtree, or another member's sheet, is unknown (404) as for one sheet; nothing changes", async () => {
    const c = await newCampaign();
    const ids = await submitted(["th.gv01"], c);
    const other = await as("thanhhoa.bithu");
    const r = await other.post("/api/registrations/approve", { ids });
    expect(r.status).toBe(404);
    expect(r.body.error.details).toEqual([{ path: "ids.0", message: "Bảng thứ 1: Không tìm thấy bảng đăng ký" }]);
    // A colleague does not even see another member's sheet, as with the single approval.
    expect((await (await as("th.gv02")).post("/api/registrations/approve", { ids })).status).toBe(404);
    expect((await (await as("th.gv02")).post(`/api/registrations/${ids[0]}/approve`)).status).toBe(404);
    expect((await statusOf(ids)).map(([, s]) => s)).toEqual(["submitted"]);
  });

  it("bad lists are refused with a Vietnamese message and VALIDATION_FAILED: empty, malformed, repeated, too long", async () => {
    const bithu = await as("th.bithu");
    const id = "00000000-0000-4000-8000-000000000001";
    const cases: [unknown, string][] = [
      [{ ids: [] }, "Chưa chọn bảng đăng ký nào"],
      [{ ids: ["khong-phai-ma"] }, "Mã định danh không hợp lệ"],
      [{ ids: [id, id] }, "Danh sách có bảng đăng ký bị chọn lặp lại"],
      [{ ids: Array.from({ length: 101 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`) }, "Mỗi lần chỉ xử lý tối đa 100 bảng đăng ký"],
      [{}, ""],
    ];
    for (const [body, message] of cases) {
      const r = await bithu.post("/api/registrations/approve", body);
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(r.body.error.code).toBe("VALIDATION_FAILED");
      if (message) expect(r.body.error.details.map((d: { message: string }) => d.message)).toContain(message);
    }
  });
});

describe("withdrawing a submitted sheet", () => {
  it("the member takes his sheet back to draft while it waits for review, audited; then edits and sends it again; not once it is reviewed (409)", async () => {
    const c = await newCampaign();
    const id = await createOwn("th.gv06", c);
    const gv = await as("th.gv06");
    const bithu = await as("th.bithu");

    const draft = await gv.post(`/api/registrations/${id}/withdraw`);
    expect(draft.status).toBe(409);
    expect(draft.body.error.message).toBe("Bảng đăng ký chưa gửi, không có gì để rút lại");

    expect((await gv.post(`/api/registrations/${id}/submit`)).status).toBe(200);
    expect((await gv.get(`/api/registrations/${id}`)).body.can).toMatchObject({ edit: false, submit: false, withdraw: true });
    // nobody else withdraws it: the secretary (not its author) 403, a colleague and another cell 404
    expect((await bithu.post(`/api/registrations/${id}/withdraw`)).status).toBe(403);
    expect((await (await as("th.gv07")).post(`/api/registrations/${id}/withdraw`)).status).toBe(404);
    expect((await (await as("thanhhoa.bithu")).post(`/api/registrations/${id}/withdraw`)).status).toBe(404);

    expect((await gv.post(`/api/registrations/${id}/withdraw`)).status).toBe(204);
    const back = (await gv.get(`/api/registrations/${id}`)).body;
    expect(back).toMatchObject({ status: "draft", submittedAt: null });
    expect(back.can).toMatchObject({ edit: true, submit: true, withdraw: false });
    const rows = await audit("registration.withdraw", id);
    expect(rows.map((r) => [r.actor_username, r.after])).toEqual([["th.gv06", { status: "draft" }]]);
    // the secretary has nothing to review any more
    expect((await bithu.post(`/api/registrations/${id}/approve`)).status).toBe(409);

    expect((await gv.put(`/api/registrations/${id}`, { commitments: [commitment(c, "IV.2"), commitment(c, "I.1")] })).status).toBe(204);
    expect((await gv.post(`/api/registrations/${id}/submit`)).status).toBe(200);
    expect((await bithu.post(`/api/registrations/${id}/approve`)).status).toBe(204);
    const late = await gv.post(`/api/registrations/${id}/withdraw`);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe("Bảng đăng ký đã được duyệt, không rút lại được");
    expect((await gv.get(`/api/registrations/${id}`)).body.status).toBe("approved");
    expect(await audit("registration.withdraw", id)).toHaveLength(1);
  });
});

describe("submit → approve / return → revise → resubmit", () => {
  it("runs the whole workflow with notifications, audit rows and forbidden transitions", async () => {
    const c = await newCampaign();
    const id = await createOwn("th.gv05", c);
    const gv = await as("th.gv05");
    const bithu = await as("th.bithu");

    // the secretary cannot review a draft
    expect((await bithu.post(`/api/registrations/${id}/approve`)).status).toBe(409);

    const s = await gv.post(`/api/registrations/${id}/submit`);
    expect(s.status).toBe(200);
    expect(s.body).toEqual({ late: false });
    const secretary = await personId("Lê Hữu Bình");
    const toSecretary = await ctx.db.query<{ kind: string; link: string }>("SELECT kind, link FROM notifications WHERE person_id = $1 AND subject_id = $2", [secretary, id]);
    expect(toSecretary).toEqual([{ kind: "registration.submitted", link: `/dang-ky/${id}` }]);

    // submitted: not editable, not submittable again
    const edit = await gv.put(`/api/registrations/${id}`, { commitments: [commitment(c, "I.1")] });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe("INVALID_STATE");
    expect((await gv.post(`/api/registrations/${id}/submit`)).status).toBe(409);
    // the member cannot review their own sheet; the deputy (view scope) cannot either
    expect((await gv.post(`/api/registrations/${id}/approve`)).status).toBe(403);
    expect((await (await as("th.phobithu")).post(`/api/registrations/${id}/approve`)).status).toBe(403);
    // a secretary of another cell does not even see it
    expect((await (await as("thanhhoa.bithu")).post(`/api/registrations/${id}/approve`)).status).toBe(404);
    expect((await (await as("thanhhoa.bithu")).post(`/api/registrations/${id}/return`, { reason: "Không rõ ràng" })).status).toBe(404);

    // returning needs a reason
    const noReason = await bithu.post(`/api/registrations/${id}/return`, { reason: "  " });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details[0].path).toBe("reason");
    const ret = await bithu.post(`/api/registrations/${id}/return`, { reason: "Bổ sung chỉ tiêu đo được cho tiêu chí III" });
    expect(ret.status).toBe(204);
    const d1 = (await gv.get(`/api/registrations/${id}`)).body;
    expect(d1).toMatchObject({ status: "returned", statusLabel: "Trả lại", returnReason: "Bổ sung chỉ tiêu đo được cho tiêu chí III", reviewedBy: "Lê Hữu Bình" });
    expect(d1.can).toMatchObject({ edit: true, submit: true });
    const member = await personId("Đặng Văn Hùng");
    const toMember = await ctx.db.query<{ kind: string; body: string }>("SELECT kind, body FROM notifications WHERE person_id = $1 AND subject_id = $2", [member, id]);
    expect(toMember).toHaveLength(1);
    expect(toMember[0]!.kind).toBe("registration.returned");
    expect(toMember[0]!.body).toContain("Bổ sung chỉ tiêu đo được cho tiêu chí III");
    expect((await bithu.post(`/api/registrations/${id}/return`, { reason: "Lần nữa" })).status).toBe(409);

    // revise and resubmit
    const rev = await gv.put(`/api/registrations/${id}`, { commitments: [commitment(c, "IV.2"), commitment(c, "III.2", { target: "Mỗi tháng 2 buổi tổng vệ sinh" })] });
    expect(rev.status).toBe(204);
    expect((await gv.post(`/api/registrations/${id}/submit`)).status).toBe(200);
    const resub = await audit("registration.submit", id);
    expect(resub.map((r) => r.after.resubmission).sort()).toEqual([false, true]);

    // approve: read-only from then on
    expect((await bithu.post(`/api/registrations/${id}/approve`)).status).toBe(204);
    const d2 = (await gv.get(`/api/registrations/${id}`)).body;
    expect(d2).toMatchObject({ status: "approved", statusLabel: "Đã duyệt" });
    expect(d2.can).toEqual({ edit: false, submit: false, withdraw: false, review: false, postProgress: true });
    const locked = await gv.put(`/api/registrations/${id}`, { commitments: [commitment(c, "IV.2")] });
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe("LOCKED");
    expect((await gv.post(`/api/registrations/${id}/submit`)).status).toBe(409);
    expect((await bithu.post(`/api/registrations/${id}/approve`)).status).toBe(409);
    expect((await bithu.post(`/api/registrations/${id}/return`, { reason: "Đổi ý sau khi duyệt" })).status).toBe(409);

    for (const action of ["registration.create", "registration.return", "registration.approve", "registration.update"]) {
      expect(await audit(action, id), action).toHaveLength(1);
    }
    expect(await audit("registration.submit", id)).toHaveLength(2);
    const approved = await ctx.db.query<{ n: number }>("SELECT count(*) AS n FROM notifications WHERE person_id = $1 AND kind = 'registration.approved' AND subject_id = $2", [member, id]);
    expect(approved[0]!.n).toBe(1);
  });

  it("after the registration deadline submitting still works but is flagged late; a resubmission keeps the first flag", async () => {
    const c = await newCampaign({ unitId: commune, registrationDeadline: "2026-01-15" });
    const id = await createOwn("th.gv09", c);
    const gv = await as("th.gv09");
    const s = await gv.post(`/api/registrations/${id}/submit`);
    expect(s.status).toBe(200);
    expect(s.body.late).toBe(true);
    expect((await gv.get(`/api/registrations/${id}`)).body.late).toBe(true);
    const sheet = await (await as("th.bithu")).get(`/api/registrations?campaignId=${c.campaignId}&unitId=${school}&late=true`);
    expect(sheet.body.lateCount).toBe(1);
    expect(sheet.body.items.map((r: { displayName: string }) => r.displayName)).toEqual(["Dương Văn Phúc"]);

    const onTime = await newCampaign({ unitId: commune, registrationDeadline: "2099-01-01" });
    const id2 = await createOwn("th.gv09", onTime);
    expect((await gv.post(`/api/registrations/${id2}/submit`)).body.late).toBe(false);
    await ctx.db.query("UPDATE campaigns SET registration_deadline = '2026-01-01' WHERE id = $1", [onTime.campaignId]);
    await (await as("th.bithu")).post(`/api/registrations/${id2}/return`, { reason: "Bổ sung nơi thực hiện" });
    expect((await gv.post(`/api/registrations/${id2}/submit`)).body.late).toBe(false);
  });

  it("a closed campaign freezes editing and submitting", async () => {
    const c = await newCampaign();
    const id = await createOwn("th.gv10", c, ["IV.2"]);
    await ctx.db.query("UPDATE campaigns SET status = 'closed' WHERE id = $1", [c.campaignId]);
    const gv = await as("th.gv10");
    expect((await gv.put(`/api/registrations/${id}`, { commitments: [commitment(c, "IV.2")] })).status).toBe(409);
    expect((await gv.post(`/api/registrations/${id}/submit`)).status).toBe(409);
    expect((await gv.get(`/api/registrations/${id}`)).body.can.edit).toBe(false);
  });
});

describe("the unit's sheet", () => {
  it("lists every member, registered or not, with counts and filters", async () => {
    const c = await newCampaign();
    const school2 = school;
    const a = await personId("Nguyễn Văn An");
    const b = await personId("Phạm Thị Hoa");
    await buildRegistration(ctx.db, { campaignId: c.campaignId, unitId: school2, personId: a, status: "approved", itemIds: [c.items["IV.2"]!, c.items["I.4"]!] });
    await buildRegistration(ctx.db, { campaignId: c.campaignId, unitId: school2, personId: b, status: "returned", itemIds: [c.items["I.4"]!] });
    await buildRegistration(ctx.db, { campaignId: c.campaignId, unitId: school2, collectiveName: "Chi bộ Trường Tiểu học Thạnh An", status: "submitted", itemIds: [c.items["III.2"]!] });
    const bithu = await as("th.bithu");
    const all = await bithu.get(`/api/registrations?campaignId=${c.campaignId}&unitId=${school2}`);
    expect(all.status).toBe(200);
    expect(all.body.counts).toEqual({ not_registered: 10, draft: 0, submitted: 0, approved: 1, returned: 1 });
    expect(all.body.items).toHaveLength(13);
    expect(all.body.can).toEqual({ review: true, registerCollective: true });
    const hoa = all.body.items.find((r: { displayName: string }) => r.displayName === "Phạm Thị Hoa");
    expect(hoa).toMatchObject({ status: "returned", itemCodes: ["I.4"], missingMandatory: ["IV.2"], returnReason: "Bổ sung chỉ tiêu cụ thể" });
    const collective = all.body.items.find((r: { collectiveName: string | null }) => r.collectiveName);
    expect(collective).toMatchObject({ personId: null, status: "submitted", missingMandatory: [] });

    const notReg = await bithu.get(`/api/registrations?campaignId=${c.campaignId}&unitId=${school2}&status=not_registered`);
    expect(notReg.body.items).toHaveLength(10);
    const search = await bithu.get(`/api/registrations?campaignId=${c.campaignId}&unitId=${school2}&q=${encodeURIComponent("pham thi hoa")}`);
    expect(search.body.items.map((r: { displayName: string }) => r.displayName)).toEqual(["Phạm Thị Hoa"]);

    // the deputy and the commune's mass-mobilisation office read it; a teacher does not
    expect((await (await as("th.phobithu")).get(`/api/registrations?campaignId=${c.campaignId}&unitId=${school2}`)).body.can).toEqual({ review: false, registerCollective: false });
    expect((await (await as("khoivan.xa")).get(`/api/registrations?campaignId=${c.campaignId}&unitId=${school2}`)).status).toBe(200);
    expect((await (await as("th.gv01")).get(`/api/registrations?campaignId=${c.campaignId}&unitId=${school2}`)).status).toBe(403);
    expect((await (await as("thanhhoa.bithu")).get(`/api/registrations?campaignId=${c.campaignId}&unitId=${school2}`)).status).toBe(404);
  });

  it("my campaigns: my own slot per unit and the sheets I oversee", async () => {
    const c = await newCampaign({ unitId: commune, name: "Phong trào kiểm tra danh sách" });
    const gv = await as("th.gv01");
    const mine = (await gv.get("/api/registrations/campaigns")).body.items.find((x: { id: string }) => x.id === c.campaignId);
    expect(mine.mine).toEqual([{ unit: { id: school, name: "Chi bộ Trường Tiểu học Thạnh An" }, registration: null }]);
    expect(mine.sheetUnits).toEqual([]);
    const bithu = (await (await as("th.bithu")).get("/api/registrations/campaigns")).body.items.find((x: { id: string }) => x.id === c.campaignId);
    expect(bithu.sheetUnits).toEqual([{ id: school, name: "Chi bộ Trường Tiểu học Thạnh An", canReview: true }]);
    const xa = (await (await as("xa.bithu")).get("/api/registrations/campaigns")).body.items.find((x: { id: string }) => x.id === c.campaignId);
    expect(xa.sheetUnits.map((u: { name: string }) => u.name)).toContain("Chi bộ ấp Thạnh Hòa");
    const crit = await gv.get(`/api/registrations/criteria?campaignId=${c.campaignId}`);
    expect(crit.body.criteria.map((x: { code: string }) => x.code)).toEqual(["I", "II", "III", "IV", "V"]);
    expect(crit.body.criteria[3].items.find((i: { code: string }) => i.code === "IV.2").mandatory).toBe(true);
    expect(crit.body.modelFields.map((f: { code: string }) => f.code)).toEqual(["economy", "culture_society", "defence_security", "political_system"]);
  });
});

describe("coverage per criterion", () => {
  it("matches a brute-force count over random registrations", async () => {
    const unit = await buildUnit(ctx.db, { parentId: commune });
    const members: string[] = [];
    for (let i = 0; i < 9; i++) members.push((await buildPerson(ctx.db, { unitId: unit, fullName: `Thành Viên Số ${i + 1}` })).personId);
    // someone who left before the campaign does not count
    const { personId: leftEarly } = await buildPerson(ctx.db, { unitId: unit, fullName: "Người Đã Chuyển Đi", startDate: "2010-01-01" });
    await ctx.db.query("UPDATE positions SET end_date = '2025-06-30' WHERE person_id = $1", [leftEarly]);
    const mgr = await buildAccount(ctx.db, { scopes: [{ unitId: unit, scope: "manage" }] });
    const c = await buildCampaign(ctx.db, { unitId: commune });
    const codes = Object.keys(c.items);
    let seed = 20260301;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const statuses = ["draft", "submitted", "approved", "returned"] as const;
    for (const m of members.slice(0, 7)) {
      const picked = codes.filter(() => rand() < 0.35);
      if (rand() < 0.7 && !picked.includes("IV.2")) picked.push("IV.2");
      await buildRegistration(ctx.db, { campaignId: c.campaignId, unitId: unit, personId: m, status: statuses[Math.floor(rand() * 4)]!, itemIds: picked.map((x) => c.items[x]!) });
    }
    await buildRegistration(ctx.db, { campaignId: c.campaignId, unitId: unit, collectiveName: "Tập thể chi bộ", status: "approved", itemIds: [c.items["III.2"]!, c.items["IV.2"]!] });

    const client = await as(mgr.username, TEST_PASSWORD);
    const r = await client.get(`/api/registrations/coverage?campaignId=${c.campaignId}&unitId=${unit}`);
    expect(r.status).toBe(200);
    expect(r.body.memberCount).toBe(9);
    expect(r.body.collectiveCount).toBe(1);

    // brute force, one SQL question per member and item
    const exists = async (m: string, itemId: string, approvedOnly: boolean) =>
      (
        await ctx.db.query(
          `SELECT 1 FROM registrations rg JOIN commitments cm ON cm.registration_id = rg.id
            WHERE rg.campaign_id = $1 AND rg.unit_id = $2 AND rg.person_id = $3 AND cm.criterion_item_id = $4 AND ($5::boolean = false OR rg.status = 'approved')`,
          [c.campaignId, unit, m, itemId, approvedOnly],
        )
      ).length > 0;
    for (const cr of r.body.criteria) {
      for (const item of cr.items) {
        let reg = 0;
        let appr = 0;
        for (const m of members) {
          if (await exists(m, item.id, false)) reg += 1;
          if (await exists(m, item.id, true)) appr += 1;
        }
        const cms = await ctx.db.query<{ n: number }>(
          "SELECT count(*) AS n FROM commitments cm JOIN registrations rg ON rg.id = cm.registration_id WHERE rg.campaign_id = $1 AND rg.unit_id = $2 AND cm.criterion_item_id = $3",
          [c.campaignId, unit, item.id],
        );
        expect({ code: item.code, reg: item.registeredMembers, appr: item.approvedMembers, cms: item.commitments, pct: item.percent }).toEqual({
          code: item.code,
          reg,
          appr,
          cms: cms[0]!.n,
          pct: Math.round((reg / 9) * 1000) / 10,
        });
      }
    }
    const counts = { not_registered: 0, draft: 0, submitted: 0, approved: 0, returned: 0 } as Record<string, number>;
    for (const m of members) {
      const s = await ctx.db.query<{ status: string }>("SELECT status FROM registrations WHERE campaign_id = $1 AND person_id = $2", [c.campaignId, m]);
      counts[s[0]?.status ?? "not_registered"]! += 1;
    }
    expect(r.body.counts).toEqual(counts);
    const iv2 = r.body.missingMandatory.find((x: { code: string }) => x.code === "IV.2");
    const expectedMissing = [];
    for (const m of members) if (!(await exists(m, c.items["IV.2"]!, false))) expectedMissing.push(m);
    expect(iv2.people.map((p: { personId: string }) => p.personId).sort()).toEqual(expectedMissing.sort());
    expect(iv2.people.some((p: { status: string }) => p.status === "not_registered")).toBe(true);
  });

  it("is refused to plain members and to other cells", async () => {
    const c = await newCampaign();
    expect((await (await as("th.gv02")).get(`/api/registrations/coverage?campaignId=${c.campaignId}&unitId=${school}`)).status).toBe(403);
    expect((await (await as("thanhhoa.bithu")).get(`/api/registrations/coverage?campaignId=${c.campaignId}&unitId=${school}`)).status).toBe(404);
    expect((await (await as("thanhhoa.bithu")).get(`/api/registrations/coverage?campaignId=${c.campaignId}&unitId=${hamlet}`)).status).toBe(200);
  });
});

describe("demo data", () => {
  const campaignOf = async (year: number) => (await ctx.db.query<{ id: string }>("SELECT id FROM campaigns WHERE unit_id = $1 AND year = $2", [commune, year]))[0]?.id;

  it("the 2020 school cell sheet has every state and one member without IV.2", async () => {
    const c2020 = await campaignOf(2020);
    expect(c2020).toBeTruthy();
    const bithu = await as("th.bithu");
    const cov = await bithu.get(`/api/registrations/coverage?campaignId=${c2020}&unitId=${school}`);
    expect(cov.status).toBe(200);
    expect(cov.body.counts).toEqual({ not_registered: 1, draft: 1, submitted: 1, approved: 8, returned: 1 });
    expect(cov.body.collectiveCount).toBe(1);
    expect(cov.body.modelCount).toBeGreaterThanOrEqual(3);
    const iv2 = cov.body.missingMandatory.find((m: { code: string }) => m.code === "IV.2");
    expect(iv2.people.map((p: { fullName: string; statusLabel: string }) => `${p.fullName}: ${p.statusLabel}`)).toEqual(["Lý Thị Kim Anh: Chưa đăng ký", "Đặng Văn Hùng: Đã duyệt"]);
    const sheet = await bithu.get(`/api/registrations?campaignId=${c2020}&unitId=${school}&status=returned`);
    expect(sheet.body.items[0].returnReason).toContain("chỉ tiêu đo được");
    expect((await bithu.get(`/api/registrations?campaignId=${c2020}&unitId=${school}&late=true`)).body.items.map((r: { displayName: string }) => r.displayName)).toEqual(["Bùi Thị Ngọc"]);
    const hamletCov = await (await as("thanhhoa.bithu")).get(`/api/registrations/coverage?campaignId=${c2020}&unitId=${hamlet}`);
    expect(hamletCov.body.counts.approved).toBe(3);
  });

  it("a demo teacher's approved 2020 sheet has progress with evidence; th.gv01 has no 2026 sheet yet", async () => {
    const gv = await as("th.gv07");
    const list = (await gv.get("/api/registrations/campaigns")).body.items;
    const y2020 = list.find((c: { year: number }) => c.year === 2020);
    const slot = y2020.mine[0];
    expect(slot.registration.statusLabel).toBe("Đã duyệt");
    const t = await gv.get(`/api/registrations/${slot.registration.id}/timeline`);
    const withFiles = t.body.events.filter((e: { files: unknown[] }) => e.files.length > 0);
    expect(withFiles.length).toBe(2);
    const png = await gv.get(withFiles.find((e: { files: { isImage: boolean }[] }) => e.files[0]!.isImage).files[0].url);
    expect(png.status).toBe(200);
    expect(png.raw.subarray(0, 4).toString("hex")).toBe("89504e47");
    const kinds = t.body.events.map((e: { kind: string }) => e.kind);
    expect(kinds.at(-1)).toBe("created");
    expect(kinds).toContain("approved");

    const gv01 = (await (await as("th.gv01")).get("/api/registrations/campaigns")).body.items.find((c: { year: number }) => c.year === 2026);
    expect(gv01.mine[0].registration).toBeNull();
  });
});
