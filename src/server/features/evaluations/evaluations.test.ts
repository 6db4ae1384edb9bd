import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestApp, signIn, type Client, type TestContext } from "../../test/support.js";
import { TEST_PASSWORD, buildAccount } from "../../test/factories.js";
import { buildCampaignFixture, buildCellFixture, buildRegistrationFixture, type CellFixture } from "../supervision/supervision.fixtures.js";
import { setCommitmentStatus } from "../registrations/commitments.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});
afterAll(() => ctx.close());

const as = (username: string) => signIn(ctx.app, username, TEST_PASSWORD);
const demo = (username: string) => signIn(ctx.app, username);

async function audit(action: string, subjectId: string) {
  return ctx.db.query<{ before: any; after: any; actor_username: string }>(
    "SELECT before, after, actor_username FROM audit_log WHERE action = $1 AND subject_id = $2 ORDER BY id",
    [action, subjectId],
  );
}

interface World {
  f: CellFixture;
  sec: Client;
  commune: Client;
  evaluationId: string;
  /** Member 0's IV.2 commitment (reported achieved) and III.1 (achieved). */
  iv2: string;
  iii: string;
  sheet(): Promise<any>;
}

/**
 * A cell with `n` members, each with two achieved commitments (IV.2 and III.1), and an open
 * evaluation. The secretary and the deputy register the same unless `leadersRegister` is false;
 * the members listed in `unregistered` (by index) register nothing.
 */
async function world(n = 6, o: { year?: number; leadersRegister?: boolean; unregistered?: number[] } = {}): Promise<World> {
  const f = await buildCellFixture(ctx.db, { memberCount: n, ...(o.year ? { year: o.year } : {}) });
  let iv2 = "";
  let iii = "";
  const register = (personId: string) =>
    buildRegistrationFixture(ctx.db, {
      campaignId: f.campaign.campaignId,
      unitId: f.cellId,
      personId,
      commitments: [
        { itemId: f.campaign.items["IV.2"]!, status: "achieved" },
        { itemId: f.campaign.items["III.1"]!, status: "achieved" },
      ],
    });
  if (o.leadersRegister !== false) for (const p of [f.secretaryPersonId, f.deputyPersonId]) await register(p);
  for (const [i, m] of f.members.entries()) {
    if (o.unregistered?.includes(i)) continue;
    const r = await register(m.personId);
    if (i === 0) [iv2, iii] = r.commitmentIds as [string, string];
  }
  const sec = await as(f.cellSecretary);
  const started = await sec.post("/api/evaluations", { campaignId: f.campaign.campaignId, unitId: f.cellId });
  expect(started.status).toBe(201);
  const evaluationId = started.body.id as string;
  return { f, sec, commune: await as(f.communeSecretary), evaluationId, iv2, iii, sheet: async () => (await sec.get(`/api/evaluations/${evaluationId}`)).body };
}

/** Rates every member of the sheet: ratings[i] for member i (score in the band), the rest `good`. */
async function rateAll(w: World, ratings: Record<number, "excellent" | "good" | "complete" | "incomplete">, others: "good" | null = "good") {
  const scores = { excellent: 95, good: 80, complete: 60, incomplete: 40 } as const;
  const people = [w.f.secretaryPersonId, w.f.deputyPersonId, ...w.f.members.map((m) => m.personId)];
  for (const [i, personId] of people.entries()) {
    const rating = ratings[i] ?? others;
    if (!rating) continue;
    const r = await w.sec.put(`/api/evaluations/${w.evaluationId}/members/${personId}`, { score: scores[rating], rating });
    expect(r.status).toBe(204);
  }
}

const signOff = (w: World, ack?: boolean) => w.sec.post(`/api/evaluations/${w.evaluationId}/cell-approve`, ack === undefined ? {} : { acknowledgeWarnings: ack });

describe("starting and reading an evaluation", () => {
  it("the cell secretary opens it once (idempotent); the deputy, the viewer and outsiders cannot; the viewer reads", async () => {
    const w = await world(2);
    const again = await w.sec.post("/api/evaluations", { campaignId: w.f.campaign.campaignId, unitId: w.f.cellId });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(w.evaluationId);
    expect((await audit("evaluation.start", w.evaluationId)).length).toBe(1);
    const f2 = await buildCellFixture(ctx.db, { memberCount: 1 });
    const body = { campaignId: f2.campaign.campaignId, unitId: f2.cellId };
    expect((await (await as(f2.deputy)).post("/api/evaluations", body)).status).toBe(403);
    expect((await (await as(f2.viewer)).post("/api/evaluations", body)).status).toBe(403);
    expect((await w.sec.post("/api/evaluations", body)).status).toBe(404);
    const viewer = await as(w.f.viewer);
    expect((await viewer.get(`/api/evaluations/${w.evaluationId}`)).status).toBe(200);
    expect((await (await as(w.f.members[0]!.username)).get(`/api/evaluations/${w.evaluationId}`)).status).toBe(403);
    expect((await (await demo("thanhhoa.bithu")).get(`/api/evaluations/${w.evaluationId}`)).status).toBe(404);
    const list = await viewer.get(`/api/evaluations?campaignId=${w.f.campaign.campaignId}`);
    expect(list.body.items).toEqual([expect.objectContaining({ unitId: w.f.cellId, evaluationId: w.evaluationId, status: "draft", memberCount: 4, canStart: false })]);
  });

  it("suggests judgements, scores and ratings from the rules; parameters chosen by the campaign's period end", async () => {
    const w = await world(2);
    const s = await w.sheet();
    expect(s.parameters.regulation).toContain("132-QĐ/TW");
    expect(s.parameters).toMatchObject({ quotaPercent: 20, bands: { excellent: 90, good: 70, complete: 50 } });
    const m = s.members.find((x: any) => x.personId === w.f.members[0]!.personId);
    expect(m.suggestedScore).toMatchObject({ score: 100, explanation: "Điểm gợi ý = 2/2 cam kết đạt × 100 = 100" });
    // No commitment exceeded → "Hoàn thành xuất sắc" needs ≥ 30% exceeded → suggested "good" with the reason.
    expect(m.suggestedRating.rating).toBe("good");
    expect(m.suggestedRating.reasons.join(" ")).toContain("30% nhiệm vụ vượt mức");
    // Someone who registered nothing has no score to suggest, and meets no level from "Hoàn thành" up.
    const bare = (await (await world(1, { leadersRegister: false })).sheet()).members.find((x: any) => x.roleLabel === "Bí thư");
    expect(bare.suggestedScore.score).toBeNull();
    expect(bare.suggestedRating).toMatchObject({ rating: "incomplete", reasons: [expect.stringContaining("chưa đăng ký việc làm nào")] });

    const f2026 = await world(1, { year: 2026 });
    expect((await f2026.sheet()).parameters.regulation).toContain("366-QĐ/TW");
  });
});

describe("judging commitments", () => {
  it("a traffic violation makes IV.2 not achieved by default; judging it achieved anyway warns (VIOLATION_IGNORED)", async () => {
    const w = await world(2);
    const deputy = await as(w.f.deputy);
    expect(
      (
        await deputy.post("/api/supervision/violations", {
          campaignId: w.f.campaign.campaignId,
          unitId: w.f.cellId,
          personId: w.f.members[0]!.personId,
          kind: "traffic",
          occurredOn: "2020-06-15",
          description: "Không đội mũ bảo hiểm",
        })
      ).status,
    ).toBe(201);
    let m = (await w.sheet()).members.find((x: any) => x.personId === w.f.members[0]!.personId);
    const c = m.commitments.find((x: any) => x.id === w.iv2);
    expect(c).toMatchObject({ status: "achieved", judgedStatus: null, achieved: false, suggested: { achieved: false } });
    expect(c.suggested.reason).toContain("Vi phạm luật giao thông ngày 15/06/2020");
    expect(m.suggestedScore.score).toBe(50);
    expect(m.violations).toHaveLength(1);

    expect((await w.sec.put(`/api/evaluations/${w.evaluationId}/commitments/${w.iv2}`, { judgedStatus: "achieved" })).status).toBe(204);
    const s = await w.sheet();
    m = s.members.find((x: any) => x.personId === w.f.members[0]!.personId);
    // the judgement is recorded, but the violation still breaks the pledge (one rule, RULES.md §1)
    expect(m.commitments.find((x: any) => x.id === w.iv2)).toMatchObject({ judgedStatus: "achieved", achieved: false });
    const warn = s.warnings.find((x: any) => x.code === "VIOLATION_IGNORED");
    expect(warn.message).toContain("IV.2");
    expect(warn.message).toContain("vẫn tính là không đạt");
    expect(warn.excess).toBe(1);
    const log = await audit("evaluation.judge_commitment", w.iv2);
    expect(log[0]!.after).toMatchObject({ judgedStatus: "achieved" });
  });

  it("not achieved needs a reason; exceeded only when achieved; null returns to the suggestion", async () => {
    const w = await world(1);
    const url = `/api/evaluations/${w.evaluationId}/commitments/${w.iii}`;
    const noReason = await w.sec.put(url, { judgedStatus: "not_achieved" });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details[0].path).toBe("note");
    expect((await w.sec.put(url, { judgedStatus: "not_achieved", exceeded: true, note: "X" })).status).toBe(400);
    expect((await w.sec.put(url, { judgedStatus: "not_achieved", note: "Chưa phân loại rác" })).status).toBe(204);
    expect((await w.sec.put(url, { judgedStatus: "achieved", exceeded: true })).status).toBe(204);
    let m = (await w.sheet()).members.find((x: any) => x.personId === w.f.members[0]!.personId);
    expect(m.commitments.find((x: any) => x.id === w.iii)).toMatchObject({ judgedStatus: "achieved", judgedExceeded: true });
    // 1 of 2 exceeded (50% ≥ 30%) and score 100 → the suggestion is now excellent.
    expect(m.suggestedRating.rating).toBe("excellent");
    expect((await w.sec.put(url, { judgedStatus: null })).status).toBe(204);
    m = (await w.sheet()).members.find((x: any) => x.personId === w.f.members[0]!.personId);
    expect(m.commitments.find((x: any) => x.id === w.iii)).toMatchObject({ judgedStatus: null, judgedExceeded: false });
    // A commitment of another cell is not in this sheet.
    const other = await world(1);
    expect((await w.sec.put(`/api/evaluations/${w.evaluationId}/commitments/${other.iii}`, { judgedStatus: "achieved" })).status).toBe(404);
  });
});

describe("rating and warnings", () => {
  it("the quota warning names 20% and the excess; 25% when the higher level allows it", async () => {
    const w = await world(4); // 6 people: secretary, deputy, 4 members
    await rateAll(w, { 0: "excellent", 1: "excellent" }); // 2 excellent, 4 good → 20% × 4 = 0.8 → at most 0
    let s = await w.sheet();
    let quota = s.warnings.find((x: any) => x.code === "QUOTA_EXCEEDED");
    expect(quota.message).toBe("Số đảng viên Hoàn thành xuất sắc (2) vượt 20% số Hoàn thành tốt (4 → tối đa 0): vượt 2 người");
    expect(quota.excess).toBe(2);
    expect(quota.rule).toContain("20%");
    expect(s.parameters).toMatchObject({ excellentCount: 2, goodCount: 4, excellentLimit: 0 });

    // Only the level above may allow 25%.
    const patch = await w.sec.patch(`/api/evaluations/${w.evaluationId}`, { allowHigherQuota: true });
    expect(patch.status).toBe(403);
    expect((await w.commune.patch(`/api/evaluations/${w.evaluationId}`, { allowHigherQuota: true })).status).toBe(204);
    s = await w.sheet();
    quota = s.warnings.find((x: any) => x.code === "QUOTA_EXCEEDED");
    expect(quota.message).toContain("vượt 25% số Hoàn thành tốt (4 → tối đa 1): vượt 1 người");
    expect(quota.excess).toBe(1);
    expect(quota.rule).toContain("cấp trên cho phép");
    // One excellent fewer → within the 25% quota.
    await w.sec.put(`/api/evaluations/${w.evaluationId}/members/${w.f.secretaryPersonId}`, { score: 80, rating: "good" });
    expect((await w.sheet()).warnings.filter((x: any) => x.code === "QUOTA_EXCEEDED")).toEqual([]);
  });

  it("the secretary may override the suggested rating (flagged, audited with the suggestion); scores are checked against the band", async () => {
    const w = await world(1);
    const personId = w.f.members[0]!.personId;
    expect((await w.sec.put(`/api/evaluations/${w.evaluationId}/members/${personId}`, { score: 101, rating: "good" })).status).toBe(400);
    expect((await w.sec.put(`/api/evaluations/${w.evaluationId}/members/${personId}`, { score: 85, rating: "excellent", notes: "Gương mẫu" })).status).toBe(204);
    const s = await w.sheet();
    const m = s.members.find((x: any) => x.personId === personId);
    expect(m).toMatchObject({ score: 85, rating: "excellent", ratingLabel: "Hoàn thành xuất sắc", overridden: true, notes: "Gương mẫu" });
    const band = s.warnings.find((x: any) => x.code === "SCORE_BAND_MISMATCH");
    expect(band.message).toContain("thiếu 5 điểm");
    const log = await audit("evaluation.rate_member", w.evaluationId);
    expect(log.at(-1)!.after).toMatchObject({ personId, score: 85, rating: "excellent", suggestedRating: "good", overridden: true });
    // Someone who is not a member of the cell cannot be rated here.
    const stranger = (await ctx.db.query<{ id: string }>("SELECT id FROM persons WHERE full_name = 'Trần Văn Dũng'"))[0]!.id;
    expect((await w.sec.put(`/api/evaluations/${w.evaluationId}/members/${stranger}`, { score: 80, rating: "good" })).status).toBe(404);
  });

  it("proposing the cell excellent warns when fewer than 80% are rated good or better", async () => {
    const w = await world(3); // 5 people
    await rateAll(w, { 0: "complete", 1: "complete" });
    expect((await w.sec.patch(`/api/evaluations/${w.evaluationId}`, { unitRating: "excellent" })).status).toBe(204);
    const cond = (await w.sheet()).warnings.find((x: any) => x.code === "CELL_EXCELLENT_CONDITION");
    expect(cond.message).toContain("chỉ 3/5 đảng viên (60%) đạt Hoàn thành tốt trở lên, cần ≥ 80% (4 người): thiếu 1 người");
  });

  it("apply-suggestions fills unjudged commitments and unrated members with the suggestions", async () => {
    const w = await world(2);
    await setCommitmentStatus(ctx.db, w.iii, "in_progress");
    expect((await w.sec.post(`/api/evaluations/${w.evaluationId}/apply-suggestions`)).status).toBe(204);
    const s = await w.sheet();
    const m = s.members.find((x: any) => x.personId === w.f.members[0]!.personId);
    expect(m.commitments.find((x: any) => x.id === w.iii)).toMatchObject({ judgedStatus: "not_achieved", judgedNote: expect.stringContaining("đang thực hiện") });
    expect(m).toMatchObject({ score: 50, rating: "incomplete" });
    expect(s.warnings.filter((x: any) => x.code === "UNRATED_MEMBER")).toEqual([]);
    expect((await audit("evaluation.apply_suggestions", w.evaluationId)).length).toBe(1);
  });
});

describe("rating conditions per member (RULES.md §1)", () => {
  it("warns when a rating breaks its conditions — tasks, a mandatory item failed on a violation, nothing registered — with the rule, the amount and the suggestion; the sign-off lists them and records them", async () => {
    const w = await world(3, { unregistered: [2] });
    const [a, b, c] = w.f.members as [(typeof w.f.members)[0], (typeof w.f.members)[0], (typeof w.f.members)[0]];
    // A: neither commitment achieved, rated "Hoàn thành tốt".
    const aCommitments = await ctx.db.query<{ id: string }>("SELECT cm.id FROM commitments cm JOIN registrations r ON r.id = cm.registration_id WHERE r.person_id = $1", [a.personId]);
    for (const x of aCommitments) await setCommitmentStatus(ctx.db, x.id, "not_started");
    // B: a recorded traffic violation breaks IV.2, rated "Hoàn thành".
    const deputy = await as(w.f.deputy);
    const v = await deputy.post("/api/supervision/violations", {
      campaignId: w.f.campaign.campaignId,
      unitId: w.f.cellId,
      personId: b.personId,
      kind: "traffic",
      occurredOn: "2020-06-15",
      description: "Vượt đèn đỏ",
    });
    expect(v.status).toBe(201);
    await rateAll(w, { 2: "good", 3: "complete", 4: "good" }); // leaders good; A good, B complete, C good
    const s = await w.sheet();
    const member = (id: string) => s.members.find((x: any) => x.personId === id);

    expect(member(a.personId).problems.map((p: any) => p.code)).toEqual(["TASKS_NOT_ON_TIME", "MANDATORY_NOT_ACHIEVED", "TASKS_NOT_DONE", "TASKS_BEHIND"]);
    expect(member(a.personId).problems[0]).toMatchObject({
      message: "Mức Hoàn thành tốt cần 100% nhiệm vụ hoàn thành đúng tiến độ, thực tế 0/2 (0%): thiếu 2 nhiệm vụ",
      rule: "Quy định 132-QĐ/TW, Hướng dẫn 21-HD/BTCTW: mức Hoàn thành tốt cần 100% nhiệm vụ hoàn thành đúng tiến độ",
      excess: 2,
    });
    expect(member(a.personId).suggestedRating.rating).toBe("incomplete");
    const bProblems = member(b.personId).problems;
    expect(bProblems.map((p: any) => p.code)).toEqual(["TASKS_NOT_DONE", "TASKS_BEHIND", "MANDATORY_NOT_ACHIEVED"]);
    expect(bProblems[2].message).toContain("Mức Hoàn thành cần đạt nội dung bắt buộc IV.2");
    expect(bProblems[2].message).toContain("Vi phạm luật giao thông ngày 15/06/2020");
    expect(member(b.personId).suggestedRating.label).toBe("Không hoàn thành");
    expect(member(c.personId).problems).toEqual([expect.objectContaining({ code: "NOTHING_REGISTERED", message: expect.stringContaining("chưa đăng ký việc làm nào") })]);
    expect(member(w.f.secretaryPersonId).problems).toEqual([]);

    const conditions = s.warnings.filter((x: any) => x.code === "RATING_CONDITION");
    expect(conditions.map((x: any) => x.personIds[0])).toEqual([a.personId, b.personId, c.personId]);
    expect(conditions[0].message).toBe(
      `${a.name}: xếp loại Hoàn thành tốt chưa đủ điều kiện — ${member(a.personId).problems.map((p: any) => p.message).join("; ")}. Gợi ý: Không hoàn thành.`,
    );
    expect(conditions[2].rule).toBe("Kế hoạch phong trào: mọi cán bộ, đảng viên đăng ký việc làm thiết thực");
    expect(conditions.every((x: any) => x.blocking === false)).toBe(true);

    // Warnings do not block, but signing needs them acknowledged: each is listed.
    const refused = await signOff(w);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.filter((d: any) => d.path === "warnings.RATING_CONDITION").map((d: any) => d.message.split(":")[0])).toEqual([a.name, b.name, c.name]);
    expect(await audit("evaluation.cell_approve", w.evaluationId)).toHaveLength(0);
    expect((await signOff(w, true)).status).toBe(204);
    const log = await audit("evaluation.cell_approve", w.evaluationId);
    expect(log[0]!.after.signedDespiteWarnings).toBe(true);
    expect(log[0]!.after.acknowledgedWarnings.filter((x: any) => x.code === "RATING_CONDITION").map((x: any) => x.personIds)).toEqual([[a.personId], [b.personId], [c.personId]]);
  });

  it("a rating that meets its conditions gives no warning, and the sign-off records none", async () => {
    const w = await world(2);
    await rateAll(w, {});
    expect((await w.sheet()).warnings).toEqual([]);
    expect((await signOff(w)).status).toBe(204);
    expect((await audit("evaluation.cell_approve", w.evaluationId))[0]!.after).toMatchObject({ signedDespiteWarnings: false, acknowledgedWarnings: [] });
  });
});

describe("applying the suggested ratings to selected members", () => {
  const url = (w: World) => `/api/evaluations/${w.evaluationId}/members/apply-suggested`;

  it("rates each selected member with the suggestion, audited one by one; the others are untouched", async () => {
    const w = await world(3, { unregistered: [2] });
    const [a, b, c] = w.f.members as [(typeof w.f.members)[0], (typeof w.f.members)[0], (typeof w.f.members)[0]];
    await setCommitmentStatus(ctx.db, w.iii, "in_progress"); // A: 1 of 2 → 50 points, "Không hoàn thành"
    const before = (await audit("evaluation.rate_member", w.evaluationId)).length;
    const r = await w.sec.post(url(w), { personIds: [a.personId, b.personId, c.personId] });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.rated).toEqual([
      { id: a.personId, name: a.name, score: 50, rating: "incomplete", ratingLabel: "Không hoàn thành" },
      { id: b.personId, name: b.name, score: 100, rating: "good", ratingLabel: "Hoàn thành tốt" },
      { id: c.personId, name: c.name, score: null, rating: "incomplete", ratingLabel: "Không hoàn thành" },
    ]);
    const s = await w.sheet();
    expect(s.members.find((x: any) => x.personId === b.personId)).toMatchObject({ score: 100, rating: "good", overridden: false, problems: [] });
    expect(s.members.find((x: any) => x.personId === w.f.secretaryPersonId).rating).toBeNull();
    const log = (await audit("evaluation.rate_member", w.evaluationId)).slice(before);
    expect(log.map((x) => [x.after.personId, x.after.rating, x.after.bulk, x.actor_username])).toEqual([
      [a.personId, "incomplete", true, w.f.cellSecretary],
      [b.personId, "good", true, w.f.cellSecretary],
      [c.personId, "incomplete", true, w.f.cellSecretary],
    ]);
  });

  it("all or nothing: someone not on the sheet refuses the list with the reason per item; bad lists, other actors and a locked sheet change nothing", async () => {
    const w = await world(2);
    const [a] = w.f.members as [(typeof w.f.members)[0]];
    const stranger = (await world(1)).f.members[0]!.personId;
    const count = async () => (await audit("evaluation.rate_member", w.evaluationId)).length;
    const rated = async () => (await ctx.db.query("SELECT 1 FROM evaluation_items WHERE evaluation_id = $1 AND rating IS NOT NULL", [w.evaluationId])).length;

    const foreign = await w.sec.post(url(w), { personIds: [a.personId, stranger] });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe("NOT_FOUND");
    expect(foreign.body.error.message).toContain("Không thực hiện được cho 1/2 đảng viên; chưa thay đổi gì");
    expect(foreign.body.error.details).toEqual([{ path: "personIds.1", message: `Mã ${stranger} không thuộc danh sách đánh giá của chi bộ` }]);

    for (const [body, message] of [
      [{ personIds: [] }, "Chưa chọn đảng viên nào"],
      [{ personIds: ["abc"] }, "Mã định danh không hợp lệ"],
      [{ personIds: [a.personId, a.personId] }, "Danh sách có đảng viên bị chọn lặp lại"],
      [{ personIds: Array.from({ length: 101 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`) }, "Mỗi lần chỉ xử lý tối đa 100 đảng viên"],
    ] as const) {
      const r = await w.sec.post(url(w), body);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe("VALIDATION_FAILED");
      expect(r.body.error.details.map((d: any) => d.message)).toContain(message);
    }
    expect((await (await as(w.f.deputy)).post(url(w), { personIds: [a.personId] })).status).toBe(403);
    expect((await (await as(w.f.viewer)).post(url(w), { personIds: [a.personId] })).status).toBe(403);
    expect((await (await demo("thanhhoa.bithu")).post(url(w), { personIds: [a.personId] })).status).toBe(404);
    expect(await count()).toBe(0);
    expect(await rated()).toBe(0);

    await rateAll(w, {});
    await signOff(w);
    const locked = await w.sec.post(url(w), { personIds: [a.personId] });
    expect(locked.body.error.code).toBe("LOCKED");
  });
});

describe("sign-off, lock and unlock", () => {
  it("refuses while a member is unrated (INVALID_STATE), without acknowledgement when there are warnings (409 with the warnings), and accepts with it (audited)", async () => {
    const w = await world(4);
    await rateAll(w, { 0: "excellent", 1: "excellent" }, null);
    const unrated = await signOff(w, true);
    expect(unrated.status).toBe(409);
    expect(unrated.body.error.code).toBe("INVALID_STATE");
    expect(unrated.body.error.message).toContain("chưa được xếp loại");

    await rateAll(w, { 0: "excellent", 1: "excellent" });
    const refused = await signOff(w);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("CONFLICT");
    expect(refused.body.error.message).toContain("vượt 20% số Hoàn thành tốt");
    expect(refused.body.error.details).toContainEqual({ path: "warnings.QUOTA_EXCEEDED", message: expect.stringContaining("vượt 2 người") });
    // …and the two rated excellent without any commitment exceeded break that level's condition.
    expect(refused.body.error.details.filter((d: any) => d.path === "warnings.RATING_CONDITION")).toHaveLength(2);
    expect((await w.sheet()).status).toBe("draft");
    expect(await audit("evaluation.cell_approve", w.evaluationId)).toHaveLength(0);
    expect((await signOff(w, false)).status).toBe(409);

    const ok = await signOff(w, true);
    expect(ok.status).toBe(204);
    const s = await w.sheet();
    // The sheet names who signed (the person, not the username).
    const signer = await ctx.db.query<{ full_name: string }>("SELECT full_name FROM persons WHERE id = $1", [w.f.secretaryPersonId]);
    expect(s).toMatchObject({ status: "cell_approved", locked: true, cellApprovedBy: signer[0]!.full_name });
    const log = await audit("evaluation.cell_approve", w.evaluationId);
    expect(log).toHaveLength(1);
    expect(log[0]!.after.acknowledgedWarnings).toContainEqual(expect.objectContaining({ code: "QUOTA_EXCEEDED", excess: 2 }));
    expect(log[0]!.after.signedDespiteWarnings).toBe(true);
    // The suggested judgements were written down at sign-off.
    const judged = await ctx.db.query<{ judged_status: string }>("SELECT judged_status FROM commitments WHERE id = $1", [w.iv2]);
    expect(judged[0]!.judged_status).toBe("achieved");
    // The commune secretary was told.
    const told = await ctx.db.query("SELECT 1 FROM notifications WHERE kind = 'evaluation.cell_approved' AND subject_id = $1", [w.evaluationId]);
    expect(told).toHaveLength(1);
    // Signing twice is a state error.
    expect((await signOff(w, true)).body.error.code).toBe("INVALID_STATE");
  });

  it("a signed-off evaluation is locked: every change answers 409 LOCKED and changes nothing", async () => {
    const w = await world(1);
    await rateAll(w, {});
    expect((await signOff(w)).status).toBe(204);
    const personId = w.f.members[0]!.personId;
    const tries = [
      await w.sec.put(`/api/evaluations/${w.evaluationId}/members/${personId}`, { score: 95, rating: "excellent" }),
      await w.sec.put(`/api/evaluations/${w.evaluationId}/commitments/${w.iv2}`, { judgedStatus: "not_achieved", note: "Sửa sau khi khóa" }),
      await w.sec.patch(`/api/evaluations/${w.evaluationId}`, { unitRating: "good" }),
      await w.sec.post(`/api/evaluations/${w.evaluationId}/apply-suggestions`),
      await w.commune.patch(`/api/evaluations/${w.evaluationId}`, { allowHigherQuota: true }),
      await (await as(w.f.members[0]!.username)).put("/api/evaluations/self-assessment", { campaignId: w.f.campaign.campaignId, unitId: w.f.cellId, content: "Muộn" }),
      await (await as(w.f.deputy)).post("/api/supervision/violations", {
        campaignId: w.f.campaign.campaignId,
        unitId: w.f.cellId,
        personId,
        kind: "traffic",
        occurredOn: "2020-06-15",
        description: "Sau khi khóa",
      }),
    ];
    for (const r of tries) {
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe("LOCKED");
    }
    const m = (await w.sheet()).members.find((x: any) => x.personId === personId);
    expect(m).toMatchObject({ score: 80, rating: "good" });
    expect(await ctx.db.query("SELECT 1 FROM violations WHERE unit_id = $1", [w.f.cellId])).toHaveLength(0);
  });

  it("only the level above unlocks, with a reason, audited: the commune reopens a cell-approved evaluation", async () => {
    const w = await world(1);
    await rateAll(w, {});
    await signOff(w);
    const url = `/api/evaluations/${w.evaluationId}/unlock`;
    expect((await w.sec.post(url, { reason: "Tự mở" })).status).toBe(403);
    expect((await (await as(w.f.viewer)).post(url, { reason: "Xem" })).status).toBe(403);
    expect((await w.commune.post(url, { reason: "  " })).status).toBe(400);
    expect((await w.commune.post(url, { reason: "Chi bộ xin chấm lại điểm đồng chí A" })).status).toBe(204);
    expect((await w.sheet()).status).toBe("draft");
    const log = await audit("evaluation.unlock", w.evaluationId);
    expect(log[0]!.after).toEqual({ status: "draft", reason: "Chi bộ xin chấm lại điểm đồng chí A" });
    expect(log[0]!.before).toEqual({ status: "cell_approved" });
    expect((await w.commune.post(url, { reason: "Lại" })).body.error.code).toBe("INVALID_STATE");
    // Editable again.
    expect((await w.sec.put(`/api/evaluations/${w.evaluationId}/members/${w.f.members[0]!.personId}`, { score: 60, rating: "complete" })).status).toBe(204);
  });

  it("the commune approves bottom-up; the commune cannot unlock its own approval, the level above it (admin) can", async () => {
    const w = await world(1);
    await rateAll(w, {});
    const url = `/api/evaluations/${w.evaluationId}/commune-approve`;
    expect((await w.commune.post(url, {})).body.error.code).toBe("INVALID_STATE");
    await signOff(w);
    expect((await w.sec.post(url, {})).status).toBe(403);
    expect((await (await as(w.f.viewer)).post(url, {})).status).toBe(403);
    expect((await w.commune.post(url, {})).status).toBe(204);
    expect((await w.sheet()).status).toBe("commune_approved");
    expect(await audit("evaluation.commune_approve", w.evaluationId)).toHaveLength(1);

    const unlock = `/api/evaluations/${w.evaluationId}/unlock`;
    expect((await w.commune.post(unlock, { reason: "Tự mở" })).status).toBe(403);
    const admin = await demo("admin");
    expect((await admin.post(unlock, { reason: "Đảng ủy xã đề nghị xem lại" })).status).toBe(204);
    expect((await w.sheet()).status).toBe("cell_approved");
    expect((await audit("evaluation.unlock", w.evaluationId))[0]!.after).toEqual({ status: "cell_approved", reason: "Đảng ủy xã đề nghị xem lại" });
  });

  it("the commune approval also requires acknowledging outstanding warnings", async () => {
    const w = await world(4);
    await rateAll(w, { 0: "excellent", 1: "excellent" });
    expect((await signOff(w, true)).status).toBe(204);
    const res = await w.commune.post(`/api/evaluations/${w.evaluationId}/commune-approve`, {});
    expect(res.status).toBe(409);
    expect(res.body.error.details.map((d: any) => d.path)).toContain("warnings.QUOTA_EXCEEDED");
    expect((await w.commune.post(`/api/evaluations/${w.evaluationId}/commune-approve`, { acknowledgeWarnings: true })).status).toBe(204);
  });
});

describe("self-assessment", () => {
  it("a member writes their self-assessment; the cell sees it in the sheet; a non-member cannot", async () => {
    const w = await world(2);
    const member = await as(w.f.members[0]!.username);
    const body = { campaignId: w.f.campaign.campaignId, unitId: w.f.cellId, content: "Tôi đã thực hiện đầy đủ các cam kết", proposedRating: "good", selfScore: 85 };
    expect((await member.put("/api/evaluations/self-assessment", { ...body, selfScore: 120 })).status).toBe(400);
    expect((await member.put("/api/evaluations/self-assessment", body)).status).toBe(204);
    expect((await member.put("/api/evaluations/self-assessment", { ...body, selfScore: 88 })).status).toBe(204);
    const mine = (await member.get("/api/evaluations/mine")).body.items.find((x: any) => x.campaignId === w.f.campaign.campaignId);
    expect(mine).toMatchObject({ unitId: w.f.cellId, locked: false, result: null, selfAssessment: { selfScore: 88, proposedRating: "good", proposedRatingLabel: "Hoàn thành tốt" } });
    const m = (await w.sheet()).members.find((x: any) => x.personId === w.f.members[0]!.personId);
    expect(m.selfAssessment).toMatchObject({ content: "Tôi đã thực hiện đầy đủ các cam kết", selfScore: 88 });
    expect((await audit("self_assessment.save", w.f.members[0]!.personId)).length).toBe(2);
    // A member of another cell cannot write here; an account without a person cannot self-assess.
    expect((await (await demo("th.gv01")).put("/api/evaluations/self-assessment", body)).status).toBe(404);
    const nobody = await buildAccount(ctx.db, {});
    expect((await (await as(nobody.username)).put("/api/evaluations/self-assessment", body)).status).toBe(403);
  });

  it("lists the member's own approved commitments with their outcome, deadline, the cell's judgement and the violations that break them", async () => {
    const w = await world(3, { year: 2026, unregistered: [2] });
    // still under way (the fixture's period ends on 30/11)
    await ctx.db.query("UPDATE campaigns SET period_end = '2099-12-31' WHERE id = $1", [w.f.campaign.campaignId]);
    const [m0, m1, m2] = w.f.members as [(typeof w.f.members)[number], (typeof w.f.members)[number], (typeof w.f.members)[number]];
    const deputy = await as(w.f.deputy);
    const violation = { campaignId: w.f.campaign.campaignId, unitId: w.f.cellId, personId: m0.personId, kind: "traffic", occurredOn: "2026-06-15", description: "Không đội mũ bảo hiểm" };
    expect((await deputy.post("/api/supervision/violations", violation)).status).toBe(201);
    await setCommitmentStatus(ctx.db, w.iii, "in_progress");
    await ctx.db.query("UPDATE commitments SET deadline = '2026-09-30' WHERE id = $1", [w.iii]);
    // member 1: III.1 judged achieved and exceeded by the cell
    const m1Rows = (await w.sheet()).members.find((x: any) => x.personId === m1.personId).commitments;
    const m1iii = m1Rows.find((c: any) => c.itemCode === "III.1").id;
    expect((await w.sec.put(`/api/evaluations/${w.evaluationId}/commitments/${m1iii}`, { judgedStatus: "achieved", exceeded: true })).status).toBe(204);
    // member 2: a sheet sent but not approved yet lists nothing
    await buildRegistrationFixture(ctx.db, { campaignId: w.f.campaign.campaignId, unitId: w.f.cellId, personId: m2.personId, status: "submitted", commitments: [{ itemId: w.f.campaign.items["III.1"]!, status: "achieved" }] });

    const mine = async (username: string) => (await (await as(username)).get("/api/evaluations/mine")).body.items.find((x: any) => x.campaignId === w.f.campaign.campaignId);
    const first = await mine(m0.username);
    expect(first.commitments.map((c: any) => c.id).sort()).toEqual([w.iv2, w.iii].sort());
    const iv2 = first.commitments.find((c: any) => c.id === w.iv2);
    expect(iv2).toMatchObject({ itemCode: "IV.2", status: "achieved", outcome: "not_achieved", outcomeLabel: "Không đạt", judgementLabel: "Chi bộ chưa đánh giá" });
    expect(iv2.reason).toContain("Vi phạm luật giao thông ngày 15/06/2026");
    expect(iv2.violations).toEqual([expect.objectContaining({ kindLabel: "Vi phạm luật giao thông", occurredOn: "2026-06-15", description: "Không đội mũ bảo hiểm" })]);
    expect(first.commitments.find((c: any) => c.id === w.iii)).toMatchObject({
      itemCode: "III.1",
      deadline: "2026-09-30",
      status: "in_progress",
      outcome: "open",
      outcomeLabel: "Chưa xong (đang thực hiện)",
      violations: [],
    });
    const second = await mine(m1.username);
    expect(second.commitments).toHaveLength(2);
    expect(second.commitments.find((c: any) => c.id === m1iii)).toMatchObject({ outcome: "achieved", outcomeLabel: "Đạt", judgedStatus: "achieved", judgementLabel: "Chi bộ đánh giá: Đạt (vượt mức)", violations: [] });
    expect((await mine(m2.username)).commitments).toEqual([]);
    // once the campaign has ended, what was left in progress is not achieved
    const ended = await world(1);
    await setCommitmentStatus(ctx.db, ended.iii, "in_progress");
    const endedItem = (await (await as(ended.f.members[0]!.username)).get("/api/evaluations/mine")).body.items.find((x: any) => x.campaignId === ended.f.campaign.campaignId);
    expect(endedItem.commitments.find((c: any) => c.id === ended.iii)).toMatchObject({ status: "in_progress", outcome: "not_achieved", outcomeLabel: "Không đạt" });
  });

  it("the member sees their result once the cell has signed off", async () => {
    const w = await world(1);
    await rateAll(w, {});
    const member = await as(w.f.members[0]!.username);
    const before = (await member.get("/api/evaluations/mine")).body.items.find((x: any) => x.campaignId === w.f.campaign.campaignId);
    expect(before.result).toBeNull();
    await signOff(w);
    const after = (await member.get("/api/evaluations/mine")).body.items.find((x: any) => x.campaignId === w.f.campaign.campaignId);
    expect(after).toMatchObject({ locked: true, result: { rating: "good", score: 80, ratingLabel: "Hoàn thành tốt" } });
  });
});

describe("demo accounts on the demo school cell", () => {
  it("khoivan.xa views everything and changes nothing (403); thanhhoa.bithu gets 404; th.bithu edits", async () => {
    const e = (await ctx.db.query<{ id: string }>("SELECT e.id FROM evaluations e JOIN units u ON u.id = e.unit_id WHERE u.code = 'cb-tieu-hoc-thanh-an' AND e.status = 'draft' LIMIT 1"))[0];
    let id = e?.id;
    if (!id) {
      const c = await buildCampaignFixture(ctx.db, { unitId: ctx.units["xa-thanh-an"]! });
      id = (await (await demo("th.bithu")).post("/api/evaluations", { campaignId: c.campaignId, unitId: ctx.units["cb-tieu-hoc-thanh-an"] })).body.id as string;
    }
    const khoivan = await demo("khoivan.xa");
    const sheet = await khoivan.get(`/api/evaluations/${id}`);
    expect(sheet.status).toBe(200);
    expect(sheet.body.abilities).toEqual({ canEdit: false, canSignOff: false, canCommuneApprove: false, canUnlock: false, canSetHigherQuota: false });
    const someone = sheet.body.members[0].personId;
    for (const r of [
      await khoivan.put(`/api/evaluations/${id}/members/${someone}`, { score: 90, rating: "excellent" }),
      await khoivan.patch(`/api/evaluations/${id}`, { allowHigherQuota: true }),
      await khoivan.post(`/api/evaluations/${id}/cell-approve`, { acknowledgeWarnings: true }),
      await khoivan.post(`/api/evaluations/${id}/unlock`, { reason: "X" }),
    ]) {
      expect(r.status).toBe(403);
    }
    expect((await (await demo("thanhhoa.bithu")).get(`/api/evaluations/${id}`)).status).toBe(404);
    const th = (await (await demo("th.bithu")).get(`/api/evaluations/${id}`)).body;
    expect(th.abilities).toMatchObject({ canEdit: true, canSignOff: true, canSetHigherQuota: false });
    const xa = (await (await demo("xa.bithu")).get(`/api/evaluations/${id}`)).body;
    expect(xa.abilities).toMatchObject({ canSetHigherQuota: true });
  });
});
