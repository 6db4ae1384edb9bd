import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestApp, signIn, type Client, type TestContext } from "../../test/support.js";
import { TEST_PASSWORD, buildAccount, buildUnit } from "../../test/factories.js";
import { buildCellFixture, buildModelFixture, buildRegistrationFixture, type CellFixture } from "../supervision/supervision.fixtures.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});
afterAll(() => ctx.close());

const as = (username: string) => signIn(ctx.app, username, TEST_PASSWORD);
const demo = (username: string) => signIn(ctx.app, username);

async function audit(action: string, subjectId: string) {
  return ctx.db.query<{ after: any; before: any }>("SELECT after, before FROM audit_log WHERE action = $1 AND subject_id = $2", [action, subjectId]);
}

interface World {
  f: CellFixture;
  sec: Client;
  commune: Client;
  modelId: string;
}

/** A cell whose evaluation rates member A excellent and member B incomplete; member C has a registered model. */
async function world(): Promise<World> {
  const f = await buildCellFixture(ctx.db, { memberCount: 3 });
  const reg = await buildRegistrationFixture(ctx.db, {
    campaignId: f.campaign.campaignId,
    unitId: f.cellId,
    personId: f.members[2]!.personId,
    commitments: [{ itemId: f.campaign.items["III.2"]! }],
  });
  const modelId = await buildModelFixture(ctx.db, reg.registrationId, "Mô hình “Thư viện xanh” thử");
  const e = await ctx.db.query<{ id: string }>("INSERT INTO evaluations (campaign_id, unit_id) VALUES ($1, $2) RETURNING id", [f.campaign.campaignId, f.cellId]);
  await ctx.db.query("INSERT INTO evaluation_items (evaluation_id, person_id, score, rating) VALUES ($1, $2, 95, 'excellent'), ($1, $3, 40, 'incomplete')", [
    e[0]!.id,
    f.members[0]!.personId,
    f.members[1]!.personId,
  ]);
  return { f, sec: await as(f.cellSecretary), commune: await as(f.communeSecretary), modelId };
}

const propose = (c: Client, w: World, body: Record<string, unknown>) =>
  c.post("/api/commendations", { campaignId: w.f.campaign.campaignId, unitId: w.f.cellId, achievements: "Thành tích tiêu biểu trong phong trào", ...body });

describe("proposing", () => {
  it("candidates: the member rated excellent is recommended; one rated incomplete carries a warning; models and the cell itself are listed", async () => {
    const w = await world();
    const res = await w.sec.get(`/api/commendations/candidates?campaignId=${w.f.campaign.campaignId}&unitId=${w.f.cellId}`);
    expect(res.status).toBe(200);
    expect(res.body.canPropose).toBe(true);
    expect(res.body.people[0]).toMatchObject({ personId: w.f.members[0]!.personId, recommended: true, ratingLabel: "Hoàn thành xuất sắc" });
    const b = res.body.people.find((x: any) => x.personId === w.f.members[1]!.personId);
    expect(b.warning).toContain("Không hoàn thành nhiệm vụ");
    expect(res.body.models).toEqual([expect.objectContaining({ id: w.modelId, fieldLabel: "Văn hóa - xã hội" })]);
    expect(res.body.collectives.map((c: any) => c.name)).toContain((await ctx.db.query<{ name: string }>("SELECT name FROM unit_versions WHERE unit_id = $1", [w.f.cellId]))[0]!.name);
  });

  it("the cell proposes a member, a collective and a model; audited; the commune secretary is notified", async () => {
    const w = await world();
    const person = await propose(w.sec, w, { subjectKind: "person", personId: w.f.members[0]!.personId });
    expect(person.status).toBe(201);
    expect(person.body.warnings).toEqual([]);
    expect((await audit("commendation.propose", person.body.id))[0]!.after).toMatchObject({ subjectKind: "person", personId: w.f.members[0]!.personId });
    expect((await propose(w.sec, w, { subjectKind: "collective", collectiveName: "Tổ chuyên môn khối 5" })).status).toBe(201);
    expect((await propose(w.sec, w, { subjectKind: "model", modelId: w.modelId })).status).toBe(201);
    const list = await w.sec.get(`/api/commendations?campaignId=${w.f.campaign.campaignId}&unitId=${w.f.cellId}`);
    expect(list.body.items.map((x: any) => [x.subjectKindLabel, x.status])).toEqual([
      ["Cá nhân", "proposed"],
      ["Tập thể", "proposed"],
      ["Mô hình “Dân vận khéo”", "proposed"],
    ]);
    expect(list.body.items[0]).toMatchObject({ ratingLabel: "Hoàn thành xuất sắc", canDecide: false, canWithdraw: true });
    const told = await ctx.db.query("SELECT 1 FROM notifications WHERE kind = 'commendation.proposed' AND subject_id = $1", [person.body.id]);
    expect(told).toHaveLength(1);
  });

  it("proposing someone rated incomplete is a warning, not a block", async () => {
    const w = await world();
    const res = await propose(w.sec, w, { subjectKind: "person", personId: w.f.members[1]!.personId });
    expect(res.status).toBe(201);
    expect(res.body.warnings[0]).toContain("Không hoàn thành nhiệm vụ");
    const list = await w.sec.get(`/api/commendations?campaignId=${w.f.campaign.campaignId}`);
    expect(list.body.items.find((x: any) => x.id === res.body.id).warnings[0]).toContain("Không hoàn thành nhiệm vụ");
  });

  it("validates the subject: required fields, a member of the cell, a model of the cell, no duplicate", async () => {
    const w = await world();
    const noPerson = await propose(w.sec, w, { subjectKind: "person" });
    expect(noPerson.status).toBe(400);
    expect(noPerson.body.error.details[0].path).toBe("personId");
    expect((await propose(w.sec, w, { subjectKind: "person", personId: w.f.members[0]!.personId, achievements: " " })).status).toBe(400);
    const stranger = (await ctx.db.query<{ id: string }>("SELECT id FROM persons WHERE full_name = 'Trần Văn Dũng'"))[0]!.id;
    expect((await propose(w.sec, w, { subjectKind: "person", personId: stranger })).status).toBe(400);
    const other = await world();
    expect((await propose(w.sec, w, { subjectKind: "model", modelId: other.modelId })).status).toBe(400);
    expect((await propose(w.sec, w, { subjectKind: "person", personId: w.f.members[0]!.personId })).status).toBe(201);
    const dup = await propose(w.sec, w, { subjectKind: "person", personId: w.f.members[0]!.personId });
    expect(dup.status).toBe(409);
  });

  it("only the cell's managers propose: the deputy and the viewer get 403, an outside secretary 404", async () => {
    const w = await world();
    const body = { subjectKind: "person", personId: w.f.members[0]!.personId };
    expect((await propose(await as(w.f.deputy), w, body)).status).toBe(403);
    expect((await propose(await as(w.f.viewer), w, body)).status).toBe(403);
    expect((await propose(await demo("thanhhoa.bithu"), w, body)).status).toBe(404);
    expect(await ctx.db.query("SELECT 1 FROM commendation_proposals WHERE unit_id = $1", [w.f.cellId])).toHaveLength(0);
  });

  it("the commune, which decides, cannot propose on the cell's behalf (it would approve its own proposal)", async () => {
    const w = await world();
    const candidates = await w.commune.get(`/api/commendations/candidates?campaignId=${w.f.campaign.campaignId}&unitId=${w.f.cellId}`);
    expect(candidates.status).toBe(200);
    expect(candidates.body.canPropose).toBe(false);
    const units = await w.commune.get("/api/commendations/units");
    expect(units.body.units.find((u: { unitId: string }) => u.unitId === w.f.cellId)).toMatchObject({ canPropose: false, canDecide: true });
    const refused = await propose(w.commune, w, { subjectKind: "person", personId: w.f.members[0]!.personId });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe("Đề xuất tuyên dương do chi bộ lập; cấp ủy cấp trên là cấp quyết định nên không đề xuất thay");
    expect(await ctx.db.query("SELECT 1 FROM commendation_proposals WHERE unit_id = $1", [w.f.cellId])).toHaveLength(0);
    expect(await ctx.db.query("SELECT 1 FROM audit_log WHERE action = 'commendation.propose' AND unit_id = $1", [w.f.cellId])).toHaveLength(0);
  });

  it("a proposal not decided yet can be withdrawn by the cell (audited), not by the commune", async () => {
    const w = await world();
    const id = (await propose(w.sec, w, { subjectKind: "collective", collectiveName: "Tổ văn phòng" })).body.id;
    expect((await (await as(w.f.deputy)).delete(`/api/commendations/${id}`)).status).toBe(403);
    // The commune manages the cell's subtree but decides: it declines with a reason, it does not withdraw.
    const list = await w.commune.get(`/api/commendations?campaignId=${w.f.campaign.campaignId}`);
    expect(list.body.items.find((p: { id: string }) => p.id === id)).toMatchObject({ canDecide: true, canWithdraw: false });
    const refused = await w.commune.delete(`/api/commendations/${id}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain("Không duyệt");
    expect(await audit("commendation.withdraw", id)).toHaveLength(0);
    const own = await w.sec.get(`/api/commendations?campaignId=${w.f.campaign.campaignId}`);
    expect(own.body.items.find((p: { id: string }) => p.id === id)).toMatchObject({ canDecide: false, canWithdraw: true });
    expect((await w.sec.delete(`/api/commendations/${id}`)).status).toBe(204);
    expect((await audit("commendation.withdraw", id))[0]!.before).toMatchObject({ subject: "Tổ văn phòng" });
    expect(await ctx.db.query("SELECT 1 FROM commendation_proposals WHERE id = $1", [id])).toHaveLength(0);
  });
});

describe("deciding", () => {
  it("the commune approves; a decided proposal cannot be decided again; the proposer is notified", async () => {
    const w = await world();
    const id = (await propose(w.sec, w, { subjectKind: "person", personId: w.f.members[0]!.personId })).body.id;
    expect((await w.sec.post(`/api/commendations/${id}/approve`)).status).toBe(403);
    expect((await (await as(w.f.viewer)).post(`/api/commendations/${id}/approve`)).status).toBe(403);
    expect((await w.commune.post(`/api/commendations/${id}/approve`)).status).toBe(204);
    const again = await w.commune.post(`/api/commendations/${id}/decline`, { reason: "Đổi ý" });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("INVALID_STATE");
    expect((await w.sec.delete(`/api/commendations/${id}`)).status).toBe(409);
    const row = await ctx.db.query<{ status: string; decided_by: string }>("SELECT status, decided_by FROM commendation_proposals WHERE id = $1", [id]);
    expect(row[0]!.status).toBe("approved");
    expect(await audit("commendation.approve", id)).toHaveLength(1);
    const told = await ctx.db.query("SELECT 1 FROM notifications WHERE kind = 'commendation.approved' AND person_id = $1", [w.f.secretaryPersonId]);
    expect(told).toHaveLength(1);
  });

  it("declining requires a reason (400, nothing changes); with one it is stored and audited", async () => {
    const w = await world();
    const id = (await propose(w.sec, w, { subjectKind: "model", modelId: w.modelId })).body.id;
    const none = await w.commune.post(`/api/commendations/${id}/decline`, {});
    expect(none.status).toBe(400);
    expect(none.body.error.details[0].path).toBe("reason");
    expect((await w.commune.post(`/api/commendations/${id}/decline`, { reason: "   " })).status).toBe(400);
    expect((await ctx.db.query<{ status: string }>("SELECT status FROM commendation_proposals WHERE id = $1", [id]))[0]!.status).toBe("proposed");
    expect((await w.commune.post(`/api/commendations/${id}/decline`, { reason: "Mô hình mới triển khai, chưa có kết quả đo được" })).status).toBe(204);
    const list = await w.sec.get(`/api/commendations?campaignId=${w.f.campaign.campaignId}&unitId=${w.f.cellId}`);
    expect(list.body.items[0]).toMatchObject({ status: "declined", statusLabel: "Không được duyệt", declineReason: "Mô hình mới triển khai, chưa có kết quả đo được" });
    expect((await audit("commendation.decline", id))[0]!.after).toMatchObject({ status: "declined", reason: "Mô hình mới triển khai, chưa có kết quả đo được" });
    // A declined subject may be proposed again.
    expect((await propose(w.sec, w, { subjectKind: "model", modelId: w.modelId })).status).toBe(201);
  });

  it("the list of the commended per campaign: per cell, and rolled up for the commune", async () => {
    const w = await world();
    const cell2 = await buildUnit(ctx.db, { parentId: w.f.communeId, name: "Chi bộ thử thứ hai" });
    await buildRegistrationFixture(ctx.db, { campaignId: w.f.campaign.campaignId, unitId: cell2, collectiveName: "Chi bộ thử thứ hai", commitments: [] });
    const a = (await propose(w.sec, w, { subjectKind: "person", personId: w.f.members[0]!.personId })).body.id;
    const b = (await propose(w.sec, w, { subjectKind: "model", modelId: w.modelId })).body.id;
    const cell2Secretary = await as((await buildAccount(ctx.db, { scopes: [{ unitId: cell2, scope: "manage" }] })).username);
    const c = (await cell2Secretary.post("/api/commendations", { campaignId: w.f.campaign.campaignId, unitId: cell2, subjectKind: "collective", collectiveName: "Chi bộ thử thứ hai", achievements: "Tốt" })).body.id;
    await w.commune.post(`/api/commendations/${a}/approve`);
    await w.commune.post(`/api/commendations/${b}/decline`, { reason: "Chưa đủ điều kiện" });
    await w.commune.post(`/api/commendations/${c}/approve`);
    const commune = await (await as(w.f.viewer)).get(`/api/commendations/commended?campaignId=${w.f.campaign.campaignId}&unitId=${w.f.communeId}`);
    expect(commune.status).toBe(200);
    expect(commune.body).toMatchObject({ total: 2, byKind: { person: 1, collective: 1, model: 0 } });
    expect(commune.body.groups).toHaveLength(2);
    const cell = await w.sec.get(`/api/commendations/commended?campaignId=${w.f.campaign.campaignId}&unitId=${w.f.cellId}`);
    expect(cell.body.total).toBe(1);
    expect(cell.body.groups[0].items[0].subjectName).toBe(w.f.members[0]!.name);
  });
});

describe("demo data", () => {
  it("the school cell's proposal awaits the commune; Thạnh Hòa's is approved; xa.bithu decides, khoivan.xa only reads", async () => {
    const c = (await ctx.db.query<{ id: string }>("SELECT id FROM campaigns WHERE year = 2020 ORDER BY created_at LIMIT 1"))[0]!;
    const xa = await demo("xa.bithu");
    const all = await xa.get(`/api/commendations?campaignId=${c.id}&unitId=${ctx.units["xa-thanh-an"]}`);
    expect(all.body.items.map((x: any) => [x.unitName, x.status])).toEqual(
      expect.arrayContaining([
        ["Chi bộ Trường Tiểu học Thạnh An", "proposed"],
        ["Chi bộ ấp Thạnh Hòa", "approved"],
      ]),
    );
    const pending = all.body.items.find((x: any) => x.status === "proposed");
    expect(pending.canDecide).toBe(true);
    const khoivan = await demo("khoivan.xa");
    const seen = await khoivan.get(`/api/commendations?campaignId=${c.id}`);
    expect(seen.body.items.every((x: any) => !x.canDecide)).toBe(true);
    expect((await khoivan.post(`/api/commendations/${pending.id}/approve`)).status).toBe(403);
    expect((await (await demo("thanhhoa.bithu")).get(`/api/commendations/candidates?campaignId=${c.id}&unitId=${ctx.units["cb-tieu-hoc-thanh-an"]}`)).status).toBe(404);
    const commended = await khoivan.get(`/api/commendations/commended?campaignId=${c.id}&unitId=${ctx.units["xa-thanh-an"]}`);
    expect(commended.body.groups.map((g: any) => g.unitName)).toEqual(["Chi bộ ấp Thạnh Hòa"]);
  });
});
