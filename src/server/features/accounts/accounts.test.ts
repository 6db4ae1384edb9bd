import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPerson } from "../../test/factories.js";
import { anonymous, setupTestApp, signIn, unique, type TestContext } from "../../test/support.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});
afterAll(() => ctx.close());

const newUsername = () => unique("tk").toLowerCase().replace(/[^a-z0-9.-]/g, "");

describe("accounts inside the manage scope", () => {
  it("the commune secretary creates an account for a cell member; it must change its password", async () => {
    const c = await signIn(ctx.app, "xa.bithu");
    const { personId } = await buildPerson(ctx.db, { unitId: ctx.units["cb-ap-thieng-lieng"], fullName: "Tô Thị Hạnh" });
    const username = newUsername();
    const r = await c.post("/api/accounts", { username, displayName: "Tô Thị Hạnh", password: "Tam-thoi-Xa-2026", personId, scopes: [{ unitId: ctx.units["cb-ap-thieng-lieng"], scope: "view" }] });
    expect(r.status).toBe(201);
    const login = await anonymous(ctx.app).post("/api/auth/login", { username, password: "Tam-thoi-Xa-2026" });
    expect(login.body.account.mustChangePassword).toBe(true);
    const audit = await ctx.db.query<{ actor_username: string }>("SELECT actor_username FROM audit_log WHERE action = 'account.create' AND subject_id = $1", [r.body.id]);
    expect(audit[0]?.actor_username).toBe("xa.bithu");
    const list = await c.get("/api/accounts");
    expect(list.body.items.find((a: { username: string }) => a.username === username)).toMatchObject({ canManage: true, scopes: [{ scope: "view" }] });
  });

  it("a cell secretary is refused a scope outside her cell, and nothing is written", async () => {
    const c = await signIn(ctx.app, "thanhhoa.bithu");
    const username = newUsername();
    const r = await c.post("/api/accounts", { username, displayName: "X", password: "Tam-thoi-Xa-2026", scopes: [{ unitId: ctx.units["cb-tieu-hoc-thanh-an"], scope: "view" }] });
    expect(r.status).toBe(403);
    expect(r.body.error.message).toMatch(/phạm vi/);
    expect((await ctx.db.query("SELECT 1 FROM accounts WHERE username = $1", [username])).length).toBe(0);
  });

  it("only an administrator creates an administrator", async () => {
    const c = await signIn(ctx.app, "xa.bithu");
    const r = await c.post("/api/accounts", { username: newUsername(), displayName: "X", password: "Tam-thoi-Xa-2026", isAdmin: true, scopes: [{ unitId: ctx.units["xa-thanh-an"], scope: "manage" }] });
    expect(r.status).toBe(403);
  });

  it("duplicate usernames and weak passwords are refused", async () => {
    const c = await signIn(ctx.app, "xa.bithu");
    const dup = await c.post("/api/accounts", { username: "th.gv01", displayName: "X", password: "Tam-thoi-Xa-2026", scopes: [{ unitId: ctx.units["xa-thanh-an"], scope: "view" }] });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: "CONFLICT", details: [{ path: "username" }] });
    const weak = await c.post("/api/accounts", { username: newUsername(), displayName: "X", password: "123", scopes: [{ unitId: ctx.units["xa-thanh-an"], scope: "view" }] });
    expect(weak.status).toBe(400);
  });

  it("reset password ends the sessions; disable locks the account out; the cell secretary cannot touch the commune's accounts", async () => {
    const admin = await signIn(ctx.app, "admin");
    const member = await signIn(ctx.app, "th.gv05");
    const list = await admin.get("/api/accounts?q=th.gv05");
    const id = list.body.items[0].id;
    expect((await admin.post(`/api/accounts/${id}/reset-password`, { newPassword: "Moi-dat-lai-2026" })).status).toBe(204);
    expect((await member.get("/api/auth/me")).status).toBe(401);
    expect((await admin.post(`/api/accounts/${id}/disable`)).status).toBe(204);
    expect((await anonymous(ctx.app).post("/api/auth/login", { username: "th.gv05", password: "Moi-dat-lai-2026" })).status).toBe(403);
    expect((await admin.post(`/api/accounts/${id}/enable`)).status).toBe(204);

    const cell = await signIn(ctx.app, "th.bithu");
    const commune = await admin.get("/api/accounts?q=xa.bithu");
    const r = await cell.post(`/api/accounts/${commune.body.items[0].id}/reset-password`, { newPassword: "Hack-dat-lai-2026" });
    expect([403, 404]).toContain(r.status);
    await signIn(ctx.app, "xa.bithu");
  });

  it("scopes can be changed only within the manage scope", async () => {
    const c = await signIn(ctx.app, "th.bithu");
    const list = await c.get("/api/accounts?q=th.gv06");
    const id = list.body.items[0].id;
    expect((await c.put(`/api/accounts/${id}/scopes`, { scopes: [{ unitId: ctx.units["cb-tieu-hoc-thanh-an"], scope: "view" }] })).status).toBe(204);
    expect((await c.put(`/api/accounts/${id}/scopes`, { scopes: [{ unitId: ctx.units["xa-thanh-an"], scope: "view" }] })).status).toBe(403);
    const scopes = await ctx.db.query<{ unit_id: string }>("SELECT unit_id FROM account_scopes WHERE account_id = $1", [id]);
    expect(scopes.map((s) => s.unit_id)).toEqual([ctx.units["cb-tieu-hoc-thanh-an"]]);
  });
});

describe("the accounts list", () => {
  it("pages by username: every account once, in order, each page with its positions and scopes", async () => {
    const c = await signIn(ctx.app, "xa.bithu");
    const all = (await c.get("/api/accounts?limit=200")).body;
    expect(all.nextCursor).toBeNull();
    const names: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 100; i++) {
      const r: { status: number; body: { items: { username: string; canManage: boolean }[]; nextCursor: string | null } } = await c.get(
        `/api/accounts?limit=3${after ? `&after=${encodeURIComponent(after)}` : ""}`,
      );
      expect(r.status).toBe(200);
      expect(r.body.items.length).toBeLessThanOrEqual(3);
      names.push(...r.body.items.map((x) => x.username));
      after = r.body.nextCursor;
      if (!after) break;
    }
    expect(names).toEqual(all.items.map((x: { username: string }) => x.username));
    expect(names).toEqual([...names].sort());
    expect(all.items.find((x: { username: string }) => x.username === "th.gv01")).toMatchObject({ canManage: true });
    expect((await c.get("/api/accounts?limit=0")).status).toBe(400);
  });
});
