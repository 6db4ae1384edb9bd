import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous, setupTestApp, signIn, type TestContext } from "../../test/support.js";
import { buildAccount, TEST_PASSWORD } from "../../test/factories.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});
afterAll(() => ctx.close());

describe("sign-in", () => {
  it("every demo account signs in and gets its positions", async () => {
    for (const u of ["admin", "xa.bithu", "khoivan.xa", "th.bithu", "th.phobithu", "th.gv01", "th.gv02", "thanhhoa.bithu", "motcua.ubnd"]) {
      const c = await signIn(ctx.app, u);
      const me = await c.get("/api/auth/me");
      expect(me.status).toBe(200);
      expect(me.body.account.username).toBe(u);
    }
    const c = await signIn(ctx.app, "th.bithu");
    const me = await c.get("/api/auth/me");
    expect(me.body.account.personName).toBe("Lê Hữu Bình");
    expect(me.body.account.positions[0]).toMatchObject({ role: "secretary", unitName: "Chi bộ Trường Tiểu học Thạnh An" });
    expect(me.body.account.menu).toEqual(expect.arrayContaining(["home", "units", "people", "accounts", "audit"]));
  });

  it("sets an httpOnly SameSite cookie and never returns the password hash", async () => {
    const r = await ctx.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "th.gv01", password: "demo123" } });
    expect(r.statusCode).toBe(200);
    const cookie = String(r.headers["set-cookie"]);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(r.body).not.toMatch(/argon2/);
    const menu = r.json().account.menu as string[];
    expect(menu).toContain("home");
    expect(menu).not.toContain("accounts");
  });

  it("wrong credentials answer 401 in the error shape and are audited", async () => {
    const r = await anonymous(ctx.app).post("/api/auth/login", { username: "th.bithu", password: "sai" });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe("INVALID_CREDENTIALS");
    expect(r.body.error.message).toMatch(/không đúng/);
    const audit = await ctx.db.query<{ after: { username: string } }>("SELECT after FROM audit_log WHERE action = 'auth.login_failed' ORDER BY id DESC LIMIT 1");
    expect(audit[0]?.after.username).toBe("th.bithu");
  });

  it("throttles an account after 5 failures (429), even with the right password", async () => {
    const { username } = await buildAccount(ctx.db, {});
    const anon = anonymous(ctx.app);
    for (let i = 0; i < 5; i++) expect((await anon.post("/api/auth/login", { username, password: "sai-mat-khau" })).status).toBe(401);
    const r = await anon.post("/api/auth/login", { username, password: TEST_PASSWORD });
    expect(r.status).toBe(429);
    expect(r.body.error.code).toBe("RATE_LIMITED");
  });

  it("throttles an address after 20 failures across accounts", async () => {
    const anon = anonymous(ctx.app);
    const headers = { "x-forwarded-for": "203.0.113.9" };
    for (let i = 0; i < 20; i++) {
      await anon.request({ method: "POST", url: "/api/auth/login", payload: { username: `khong-co-${i}`, password: "x" }, headers });
    }
    const { username } = await buildAccount(ctx.db, {});
    const r = await anon.request({ method: "POST", url: "/api/auth/login", payload: { username, password: TEST_PASSWORD }, headers });
    expect(r.status).toBe(429);
  });

  it("refuses a disabled account", async () => {
    const { username, accountId } = await buildAccount(ctx.db, {});
    await ctx.db.query("UPDATE accounts SET disabled_at = now() WHERE id = $1", [accountId]);
    const r = await anonymous(ctx.app).post("/api/auth/login", { username, password: TEST_PASSWORD });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe("ACCOUNT_DISABLED");
  });
});

describe("sessions", () => {
  it("me without a session is 401; logout ends the session", async () => {
    expect((await anonymous(ctx.app).get("/api/auth/me")).status).toBe(401);
    const c = await signIn(ctx.app, "th.gv02");
    expect((await c.post("/api/auth/logout")).status).toBe(204);
    expect((await c.get("/api/auth/me")).status).toBe(401);
  });

  it("an expired session is refused", async () => {
    const c = await signIn(ctx.app, "th.gv03");
    await ctx.db.query("UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE account_id = (SELECT id FROM accounts WHERE username = 'th.gv03')");
    expect((await c.get("/api/auth/me")).status).toBe(401);
  });

  it("a cookie-authenticated write without the CSRF header is refused and changes nothing", async () => {
    const c = await signIn(ctx.app, "th.gv04");
    const r = await c.request({ method: "POST", url: "/api/auth/change-password", payload: { currentPassword: "demo123", newPassword: "matkhaumoi1" }, headers: { "x-csrf-token": "wrong" } });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe("CSRF_FAILED");
    await signIn(ctx.app, "th.gv04"); // old password still works
  });

  it("signing in while an old session cookie is still sent needs no CSRF token and ends the old session", async () => {
    const old = await signIn(ctx.app, "th.gv05");
    const r = await ctx.app.inject({ method: "POST", url: "/api/auth/login", headers: { cookie: old.cookie }, payload: { username: "th.gv06", password: "demo123" } });
    expect(r.statusCode).toBe(200);
    expect(r.json().account.username).toBe("th.gv06");
    expect((await old.get("/api/auth/me")).status).toBe(401);
  });
});

describe("change my password", () => {
  it("checks the current password and the policy, then ends other sessions", async () => {
    const { username } = await buildAccount(ctx.db, {});
    const a = await signIn(ctx.app, username, TEST_PASSWORD);
    const b = await signIn(ctx.app, username, TEST_PASSWORD);
    const wrong = await a.post("/api/auth/change-password", { currentPassword: "sai", newPassword: "matkhaumoi1" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0].path).toBe("currentPassword");
    const weak = await a.post("/api/auth/change-password", { currentPassword: TEST_PASSWORD, newPassword: "ngan" });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details[0].path).toBe("newPassword");
    expect((await a.post("/api/auth/change-password", { currentPassword: TEST_PASSWORD, newPassword: "matkhaumoi1" })).status).toBe(204);
    expect((await a.get("/api/auth/me")).status).toBe(200);
    expect((await b.get("/api/auth/me")).status).toBe(401);
    await signIn(ctx.app, username, "matkhaumoi1");
  });
});

describe("errors", () => {
  it("malformed JSON is a 400 in the error shape", async () => {
    const r = await ctx.app.inject({ method: "POST", url: "/api/auth/login", headers: { "content-type": "application/json" }, payload: "{bad" });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toEqual({ error: { code: "MALFORMED_JSON", message: expect.any(String) } });
  });
  it("wrong types name the field in Vietnamese", async () => {
    const r = await anonymous(ctx.app).post("/api/auth/login", { username: 5, password: "" });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("VALIDATION_FAILED");
    expect(r.body.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(["username"]));
  });
  it("an unknown API path is a 404 in the error shape", async () => {
    const r = await anonymous(ctx.app).get("/api/khong-co");
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe("NOT_FOUND");
  });
  it("health and OpenAPI are public", async () => {
    const h = await anonymous(ctx.app).get("/api/health");
    expect(h.body).toMatchObject({ status: "ok", db: ctx.db.kind });
    const o = await anonymous(ctx.app).get("/api/openapi.json");
    expect(o.status).toBe(200);
    expect(o.body.openapi).toMatch(/^3\./);
    expect(Object.keys(o.body.paths)).toEqual(expect.arrayContaining(["/api/auth/login", "/api/units", "/api/people"]));
  });
});
