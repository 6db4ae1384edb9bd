import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPerson, buildUnit } from "../../test/factories.js";
import { setupTestApp, signIn, type Client, type TestContext } from "../../test/support.js";
import { notify } from "./notifications.service.js";

let ctx: TestContext;
const clients: Record<string, Client> = {};
const as = async (username: string) => (clients[username] ??= await signIn(ctx.app, username));

beforeAll(async () => {
  ctx = await setupTestApp();
});
afterAll(() => ctx.close());

const personId = async (name: string) => (await ctx.db.query<{ id: string }>("SELECT id FROM persons WHERE full_name = $1", [name]))[0]!.id;

describe("notify (the helper other features call)", () => {
  it("writes one row per person (duplicates removed) in the caller's transaction", async () => {
    const unit = await buildUnit(ctx.db);
    const a = (await buildPerson(ctx.db, { unitId: unit })).personId;
    const b = (await buildPerson(ctx.db, { unitId: unit })).personId;
    const n = await ctx.db.transaction((tx) => notify(tx, [a, b, a], { kind: "registration.returned", title: "Bảng đăng ký bị trả lại", link: "/dang-ky/x" }));
    expect(n).toBe(2);
    const rows = await ctx.db.query<{ person_id: string; read_at: Date | null }>("SELECT person_id, read_at FROM notifications WHERE person_id = ANY($1::uuid[])", [[a, b]]);
    expect(rows.length).toBe(2);
    expect(rows.every((r) => r.read_at === null)).toBe(true);
    await expect(
      ctx.db.transaction(async (tx) => {
        await notify(tx, [a], { kind: "x", title: "Không lưu" });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect((await ctx.db.query("SELECT 1 FROM notifications WHERE person_id = $1", [a])).length).toBe(1);
  });
});

describe("my notifications", () => {
  it("a teacher who has not acknowledged the 2020 plan sees its notification, unread", async () => {
    const r = await (await as("th.gv09")).get("/api/notifications");
    expect(r.status).toBe(200);
    expect(r.body.unreadCount).toBeGreaterThanOrEqual(1);
    const n = r.body.items.find((i: { title: string }) => i.title.includes("01-KH/CB"));
    expect(n).toMatchObject({ kind: "plan.issued", kindLabel: "Kế hoạch mới", readAt: null, title: "Chi bộ Trường Tiểu học Thạnh An ban hành Kế hoạch số 01-KH/CB ngày 05/03/2020" });
    expect(n.link).toMatch(/^\/ke-hoach\//);
    expect(n.createdAt.slice(0, 10)).toBe("2020-03-05");
  });

  it("a teacher who acknowledged has it read; the unread filter leaves it out", async () => {
    const r = await (await as("th.gv01")).get("/api/notifications?unread=true");
    expect(r.body.items.some((i: { title: string }) => i.title.includes("01-KH/CB"))).toBe(false);
    const all = await (await as("th.gv01")).get("/api/notifications");
    expect(all.body.items.find((i: { title: string }) => i.title.includes("01-KH/CB")).readAt).not.toBeNull();
  });

  it("marks one read (audited); someone else's is 404 and stays unread", async () => {
    const gv10 = await as("th.gv10");
    const n = (await gv10.get("/api/notifications?unread=true")).body.items[0];
    expect((await (await as("th.gv09")).post(`/api/notifications/${n.id}/read`)).status).toBe(404);
    expect((await gv10.get("/api/notifications?unread=true")).body.items.map((i: { id: string }) => i.id)).toContain(n.id);
    expect((await gv10.post(`/api/notifications/${n.id}/read`)).status).toBe(204);
    expect((await gv10.post(`/api/notifications/${n.id}/read`)).status).toBe(204);
    const after = await gv10.get("/api/notifications");
    expect(after.body.items.find((i: { id: string }) => i.id === n.id).readAt).not.toBeNull();
    const audit = await ctx.db.query("SELECT 1 FROM audit_log WHERE action = 'notification.read' AND subject_id = $1", [n.id]);
    expect(audit.length).toBe(1);
  });

  it("marks all mine read, nobody else's", async () => {
    const gv07 = await as("th.gv07");
    const before = await ctx.db.query<{ n: number }>("SELECT count(*) AS n FROM notifications WHERE person_id = $1 AND read_at IS NULL", [await personId("Bùi Thị Ngọc")]);
    const r = await gv07.post("/api/notifications/read-all");
    expect(r.status).toBe(200);
    expect(r.body.updated).toBeGreaterThanOrEqual(1);
    expect((await gv07.get("/api/notifications")).body.unreadCount).toBe(0);
    const after = await ctx.db.query<{ n: number }>("SELECT count(*) AS n FROM notifications WHERE person_id = $1 AND read_at IS NULL", [await personId("Bùi Thị Ngọc")]);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it("an account without a person has none", async () => {
    const r = await (await as("admin")).get("/api/notifications");
    expect(r.body).toEqual({ unreadCount: 0, items: [] });
  });
});
