import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestApp, signIn, type TestContext } from "../../test/support.js";
import { AUDIT_COUNT_CAP } from "./audit.queries.js";

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

  it("counts matches up to 10,000 and then says 'more than', so a page never counts the whole log", async () => {
    const admin = await signIn(ctx.app, "admin");
    const exact = await admin.get("/api/audit?action=bench.filler&pageSize=20");
    expect(exact.body).toMatchObject({ total: 0, totalCapped: false, items: [] });
    await ctx.db.query(
      "INSERT INTO audit_log (actor_username, action, subject_type) SELECT 'admin', 'bench.filler', 'system' FROM generate_series(1, $1::int)",
      [AUDIT_COUNT_CAP + 5],
    );
    const r = await admin.get("/api/audit?action=bench.filler&pageSize=20&page=3");
    expect(r.body).toMatchObject({ total: AUDIT_COUNT_CAP, totalCapped: true });
    expect(r.body.items).toHaveLength(20);
    const few = await admin.get("/api/audit?action=seed.demo");
    expect(few.body).toMatchObject({ total: 1, totalCapped: false });
  });
});
