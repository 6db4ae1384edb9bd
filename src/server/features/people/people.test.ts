import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPerson, buildUnit } from "../../test/factories.js";
import { setupTestApp, signIn, type Client, type TestContext } from "../../test/support.js";
import { resolveActor } from "../auth/auth.service.js";
import { findAllPeople } from "./people.service.js";

let ctx: TestContext;
let admin: Client;
beforeAll(async () => {
  ctx = await setupTestApp();
  admin = await signIn(ctx.app, "admin");
});
afterAll(() => ctx.close());

describe("people search", () => {
  it("ignores diacritics and case", async () => {
    const c = await signIn(ctx.app, "th.bithu");
    const r = await c.get("/api/people?q=nguyen%20van%20an");
    expect(r.body.items.map((p: { fullName: string }) => p.fullName)).toEqual(["Nguyễn Văn An"]);
    const r2 = await c.get(`/api/people?q=${encodeURIComponent("NGUYỄN VĂN AN")}`);
    expect(r2.body.items[0].fullName).toBe("Nguyễn Văn An");
  });

  it("sorts by given name the Vietnamese way", async () => {
    const unit = await buildUnit(ctx.db, {});
    for (const n of ["Trần Văn Bình", "Lê Thị Ăn", "Nguyễn Văn An", "Phạm Minh Châu", "Đỗ Văn An"]) await buildPerson(ctx.db, { fullName: n, unitId: unit });
    const r = await admin.get(`/api/people?unitId=${unit}`);
    expect(r.body.items.map((p: { fullName: string }) => p.fullName)).toEqual(["Đỗ Văn An", "Nguyễn Văn An", "Lê Thị Ăn", "Trần Văn Bình", "Phạm Minh Châu"]);
  });

  it("pages by name order with a cursor: every person once, in order, ties (same name) broken by id", async () => {
    const unit = await buildUnit(ctx.db, {});
    // three people share one name: a page boundary falls among them
    const names = ["Trần Văn Bình", "Lê Thị Ăn", "Nguyễn Văn An", "Nguyễn Văn An", "Nguyễn Văn An", "Phạm Minh Châu", "Đỗ Văn An"];
    for (const n of names) await buildPerson(ctx.db, { fullName: n, unitId: unit });
    const expected = await ctx.db.query<{ id: string }>(
      `SELECT pe.id FROM persons pe JOIN positions p ON p.person_id = pe.id WHERE p.unit_id = $1 ORDER BY pe.sort_key COLLATE "C", pe.id`,
      [unit],
    );
    const seen: string[] = [];
    const totals: unknown[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const r: { status: number; body: { items: { id: string }[]; nextCursor: string | null; total: number | null; totalCapped: boolean } } = await admin.get(
        `/api/people?unitId=${unit}&limit=2${after ? `&after=${encodeURIComponent(after)}` : ""}`,
      );
      expect(r.status).toBe(200);
      seen.push(...r.body.items.map((p) => p.id));
      totals.push(r.body.total);
      after = r.body.nextCursor;
      if (!after) break;
    }
    expect(seen).toEqual(expected.map((e) => e.id));
    expect(seen).toHaveLength(names.length);
    // the first page counts the matches, the pages after it do not count again
    expect(totals).toEqual([7, null, null, null]);
  });

  it("the export's reading walks every page: the whole list in scope, each person once", async () => {
    const c = await signIn(ctx.app, "th.bithu");
    const actor = (await resolveActor(ctx.db, decodeURIComponent(c.cookie.split("=")[1]!), null, true))!;
    const all = await findAllPeople({ db: ctx.db, actor, pageSize: 3 });
    const first = await c.get("/api/people?limit=200");
    expect(first.body.nextCursor).toBeNull();
    expect(all.rows.map((r) => r.id)).toEqual(first.body.items.map((p: { id: string }) => p.id));
    expect(all.rows.length).toBeGreaterThan(3);
    const positions = first.body.items.reduce((n: number, p: { currentPositions: unknown[] }) => n + p.currentPositions.length, 0);
    expect(all.current).toHaveLength(positions);
  });

  it("refuses a broken cursor with 400 and a Vietnamese message", async () => {
    const broken = [
      "khong-hop-le",
      Buffer.from(JSON.stringify(["nguyen van an"])).toString("base64url"),
      Buffer.from(JSON.stringify(["an", "khong-phai-uuid"])).toString("base64url"),
      Buffer.from(JSON.stringify([1, "00000000-0000-4000-8000-000000000000"])).toString("base64url"),
    ];
    for (const after of broken) {
      const r = await admin.get(`/api/people?after=${encodeURIComponent(after)}`);
      expect(r.status, after).toBe(400);
      expect(r.body.error).toMatchObject({ code: "VALIDATION_FAILED", message: "Con trỏ trang không hợp lệ" });
    }
  });

  it("is limited to the actor's subtree", async () => {
    const c = await signIn(ctx.app, "thanhhoa.bithu");
    const r = await c.get("/api/people?q=nguyen%20van%20an");
    expect(r.body.items).toEqual([]);
    const member = await signIn(ctx.app, "th.gv01");
    expect((await member.get("/api/people")).body.items).toEqual([]);
  });
});

describe("positions and transfers", () => {
  it("a transfer ends the old position the day before and keeps the history", async () => {
    const commune = await buildUnit(ctx.db, { kind: "commune_party_committee" });
    const a = await buildUnit(ctx.db, { parentId: commune });
    const b = await buildUnit(ctx.db, { parentId: commune });
    const { personId, positionId } = await buildPerson(ctx.db, { unitId: a, startDate: "2018-01-01" });
    const r = await admin.post(`/api/people/${personId}/transfer`, { fromPositionId: positionId, toUnitId: b, role: "member", date: "2021-03-01" });
    expect(r.status).toBe(201);
    const d = await admin.get(`/api/people/${personId}`);
    const byUnit = Object.fromEntries(d.body.positions.map((p: { unitId: string }) => [p.unitId, p]));
    expect(byUnit[a]).toMatchObject({ endDate: "2021-02-28", endReason: "Chuyển sinh hoạt" });
    expect(byUnit[b]).toMatchObject({ startDate: "2021-03-01", endDate: null });
    const audit = await ctx.db.query("SELECT 1 FROM audit_log WHERE action = 'person.transfer' AND subject_id = $1", [personId]);
    expect(audit.length).toBe(1);
  });

  it("a cell secretary cannot transfer someone into another cell", async () => {
    const c = await signIn(ctx.app, "th.bithu");
    const me = await c.get("/api/people?q=nguyen%20van%20an");
    const person = await c.get(`/api/people/${me.body.items[0].id}`);
    const r = await c.post(`/api/people/${person.body.id}/transfer`, {
      fromPositionId: person.body.positions[0].id,
      toUnitId: ctx.units["cb-ap-thanh-hoa"],
      role: "member",
      date: "2026-01-01",
    });
    expect([403, 404]).toContain(r.status);
    const after = await c.get(`/api/people/${person.body.id}`);
    expect(after.body.positions[0].endDate).toBeNull();
  });

  it("a unit has one secretary at a time", async () => {
    const unit = await buildUnit(ctx.db, {});
    await buildPerson(ctx.db, { unitId: unit, role: "secretary" });
    const r = await admin.post("/api/people", { fullName: "Bí Thư Thứ Hai", categories: ["party_member"], position: { unitId: unit, role: "secretary", startDate: "2024-01-01" } });
    expect(r.status).toBe(409);
  });

  it("creates a person with a position, then edits and ends it", async () => {
    const c = await signIn(ctx.app, "th.bithu");
    const cell = ctx.units["cb-tieu-hoc-thanh-an"]!;
    const created = await c.post("/api/people", { fullName: "Trịnh Thị Thảo", gender: "female", birthDate: "1995-02-03", categories: ["teacher", "public_employee"], position: { unitId: cell, role: "member", title: "Giáo viên", startDate: "2026-09-01" } });
    expect(created.status).toBe(201);
    expect((await c.patch(`/api/people/${created.body.id}`, { phone: "0909 123 456" })).status).toBe(204);
    const d = await c.get(`/api/people/${created.body.id}`);
    expect(d.body).toMatchObject({ fullName: "Trịnh Thị Thảo", phone: "0909 123 456", canManage: true });
    const end = await c.post(`/api/people/${created.body.id}/positions/${d.body.positions[0].id}/end`, { endDate: "2026-10-01", reason: "Nghỉ việc" });
    expect(end.status).toBe(204);
    const bad = await c.post("/api/people", { fullName: "", categories: ["khong-co"], position: { unitId: cell, role: "boss", startDate: "x" } });
    expect(bad.status).toBe(400);
  });

  it("someone outside the subtree reads 404, a view scope reads but cannot change", async () => {
    const out = await signIn(ctx.app, "thanhhoa.bithu");
    // the demo teacher (another "Nguyễn Văn An" is made by the sorting test above, outside the commune)
    const people = await (await signIn(ctx.app, "th.bithu")).get("/api/people?q=nguyen%20van%20an");
    expect(people.body.items.length).toBe(1);
    const id = people.body.items[0].id;
    expect((await out.get(`/api/people/${id}`)).status).toBe(404);
    expect([403, 404]).toContain((await out.patch(`/api/people/${id}`, { phone: "1" })).status);
    const viewer = await signIn(ctx.app, "khoivan.xa");
    expect((await viewer.get(`/api/people/${id}`)).status).toBe(200);
    expect((await viewer.patch(`/api/people/${id}`, { phone: "1" })).status).toBe(403);
  });
});
