import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestApp, signIn, type TestContext } from "../../test/support.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});
afterAll(() => ctx.close());

describe("audit log", () => {
  it("records actor, action, subject, before and after, and shows it only inside the subtree", async () => {
    const secretary = await signIn(ctx.app, "th.bithu");
    const people = await secretary.get("/api/people?q=pham%20thi%20hoa");
    const id = people.body.items[0].id;
    expect((await secretary.patch(`/api/people/${id}`, { phone: "0912000111" })).status).toBe(204);

    const own = await secretary.get("/api/audit?action=person.update");
    const entry = own.body.items.find((e: { subjectId: string }) => e.subjectId === id);
    expect(entry).toMatchObject({ actorUsername: "th.bithu", action: "person.update", actionLabel: "Sửa thông tin người", unitName: "Chi bộ Trường Tiểu học Thạnh An" });
    expect(entry.before.phone).toBeNull();
    expect(entry.after.phone).toBe("0912000111");
    // before and after name the same fields, so the log can show what changed
    expect(Object.keys(entry.before).sort()).toEqual(Object.keys(entry.after).sort());
    expect(entry.before.fullName).toBe("Phạm Thị Hoa");

    const commune = await signIn(ctx.app, "khoivan.xa");
    expect((await commune.get("/api/audit?action=person.update")).body.items.some((e: { subjectId: string }) => e.subjectId === id)).toBe(true);

    const other = await signIn(ctx.app, "thanhhoa.bithu");
    expect((await other.get("/api/audit?action=person.update")).body.items.some((e: { subjectId: string }) => e.subjectId === id)).toBe(false);
    expect((await other.get(`/api/audit?unitId=${ctx.units["cb-tieu-hoc-thanh-an"]}`)).status).toBe(404);
  });

  it("a member without a scope may not read the audit log", async () => {
    const member = await signIn(ctx.app, "th.gv01");
    expect((await member.get("/api/audit")).status).toBe(403);
  });

  it("a failed mutation leaves no audit record", async () => {
    const before = await ctx.db.query<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'unit.create'");
    const admin = await signIn(ctx.app, "admin");
    const r = await admin.post("/api/units", { kind: "party_cell", code: "cb-tieu-hoc-thanh-an", name: "Trùng mã", symbolCode: "CB", parentId: ctx.units["xa-thanh-an"], validFrom: "2020-01-01" });
    expect(r.status).toBe(409);
    const after = await ctx.db.query<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'unit.create'");
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it("pages newest first with a cursor, never counting: every entry once, in order, ties (same instant) broken by id", async () => {
    const admin = await signIn(ctx.app, "admin");
    // one statement: five entries share one instant (now() is the transaction's); two more are older and one is newer
    await ctx.db.query("INSERT INTO audit_log (actor_username, action, subject_type) SELECT 'admin', 'bench.page', 'system' FROM generate_series(1, 5)");
    await ctx.db.query(
      `INSERT INTO audit_log (at, actor_username, action, subject_type) VALUES
         (now() - interval '1 day', 'admin', 'bench.page', 'system'), (now() - interval '1 microsecond', 'admin', 'bench.page', 'system'),
         (now() + interval '1 microsecond', 'admin', 'bench.page', 'system')`,
    );
    const expected = await ctx.db.query<{ id: number }>("SELECT id FROM audit_log WHERE action = 'bench.page' ORDER BY at DESC, id DESC");
    expect(expected).toHaveLength(8);
    const seen: number[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const r: { status: number; body: { items: { id: number }[]; nextCursor: string | null } } = await admin.get(
        `/api/audit?action=bench.page&limit=3${after ? `&after=${encodeURIComponent(after)}` : ""}`,
      );
      expect(r.status).toBe(200);
      expect(r.body).not.toHaveProperty("total");
      seen.push(...r.body.items.map((e) => e.id));
      after = r.body.nextCursor;
      if (!after) break;
    }
    expect(seen).toEqual(expected.map((e) => Number(e.id)));
    // the bench's first-page URL still answers (unknown page parameters are ignored)
    expect((await admin.get("/api/audit?page=1&pageSize=50")).status).toBe(200);
  });

  it("refuses a broken cursor with 400 and a Vietnamese message", async () => {
    const admin = await signIn(ctx.app, "admin");
    const cursor = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
    for (const after of ["khong-hop-le", cursor(["2026-01-01T00:00:00.000000Z"]), cursor(["hom qua", 5]), cursor(["2026-13-45T00:00:00.000000Z", 5]), cursor(["2026-01-01T00:00:00.000000Z", "5"])]) {
      const r = await admin.get(`/api/audit?after=${encodeURIComponent(after)}`);
      expect(r.status, after).toBe(400);
      expect(r.body.error).toMatchObject({ code: "VALIDATION_FAILED", message: "Con trỏ trang không hợp lệ" });
    }
  });
});
