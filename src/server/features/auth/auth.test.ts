import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.js";
import { loadConfig } from "../../config.js";
import { DEMO_PASSWORD } from "../../db/seed/demo.js";
import type { App } from "../../http/app-types.js";
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

  it("five wrong passwords lock the account only from that address; its owner signs in from another (admin included)", async () => {
    const attacker = "198.51.100.40";
    for (let i = 0; i < 5; i++) expect((await loginFrom(ctx.app, attacker, "admin", "sai-mat-khau")).statusCode).toBe(401);
    const blocked = await loginFrom(ctx.app, attacker, "admin", DEMO_PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe("RATE_LIMITED");
    const owner = await loginFrom(ctx.app, "198.51.100.41", "admin", DEMO_PASSWORD);
    expect(owner.statusCode).toBe(200);
    expect(owner.json().account.username).toBe("admin");
  });

  it("each further failure after the lock doubles it (growing delays), up to 15 minutes", async () => {
    const { username } = await buildAccount(ctx.db, {});
    const from = "198.51.100.42";
    const lockSeconds = async () => {
      const r = await ctx.db.query<{ s: number }>("SELECT EXTRACT(EPOCH FROM locked_until - now())::float8 AS s FROM login_throttle WHERE key = $1", [`account-ip:${username}|${from}`]);
      return r[0]!.s;
    };
    const expireLock = () => ctx.db.query("UPDATE login_throttle SET locked_until = now() - interval '1 second' WHERE key = $1", [`account-ip:${username}|${from}`]);
    for (let i = 0; i < 5; i++) await loginFrom(ctx.app, from, username, "sai-mat-khau");
    const seen = [await lockSeconds()];
    for (let i = 0; i < 5; i++) {
      await expireLock();
      expect((await loginFrom(ctx.app, from, username, "sai-mat-khau")).statusCode).toBe(401);
      seen.push(await lockSeconds());
    }
    expect(seen.map((s) => Math.round(s / 10) * 10)).toEqual([60, 120, 240, 480, 900, 900]);
  });

  it("throttles an account after 5 failures from one address (429), even with the right password", async () => {
    const { username } = await buildAccount(ctx.db, {});
    const anon = anonymous(ctx.app);
    for (let i = 0; i < 5; i++) expect((await anon.post("/api/auth/login", { username, password: "sai-mat-khau" })).status).toBe(401);
    const r = await anon.post("/api/auth/login", { username, password: TEST_PASSWORD });
    expect(r.status).toBe(429);
    expect(r.body.error.code).toBe("RATE_LIMITED");
  });

  it("throttles an address after 20 failures across accounts", async () => {
    const remoteAddress = "198.51.100.20";
    for (let i = 0; i < 20; i++) await loginFrom(ctx.app, remoteAddress, `khong-co-${i}`, "x");
    const { username } = await buildAccount(ctx.db, {});
    expect((await loginFrom(ctx.app, remoteAddress, username, TEST_PASSWORD)).statusCode).toBe(429);
  });

  it("refuses a disabled account", async () => {
    const { username, accountId } = await buildAccount(ctx.db, {});
    await ctx.db.query("UPDATE accounts SET disabled_at = now() WHERE id = $1", [accountId]);
    const r = await anonymous(ctx.app).post("/api/auth/login", { username, password: TEST_PASSWORD });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe("ACCOUNT_DISABLED");
  });
});

describe("demo accounts (published password demo123)", () => {
  const sessionsOf = async (username: string) =>
    (await ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM sessions WHERE account_id = (SELECT id FROM accounts WHERE username = $1)", [username]))[0]!.n;

  it("are flagged in the database and in the account the API answers; accounts made by an administrator are not", async () => {
    const flags = await ctx.db.query<{ username: string; is_demo: boolean }>("SELECT username, is_demo FROM accounts WHERE username IN ('admin', 'th.bithu', 'th.gv01')");
    expect(flags.every((f) => f.is_demo)).toBe(true);
    const login = await anonymous(ctx.app).post("/api/auth/login", { username: "th.gv01", password: DEMO_PASSWORD });
    expect(login.body.account.isDemo).toBe(true);
    expect((await (await signIn(ctx.app, "th.bithu")).get("/api/auth/me")).body.account.isDemo).toBe(true);
    const real = await buildAccount(ctx.db, {});
    expect((await (await signIn(ctx.app, real.username, TEST_PASSWORD)).get("/api/auth/me")).body.account.isDemo).toBe(false);
    const list = await (await signIn(ctx.app, "admin")).get(`/api/accounts?q=${real.username}`);
    expect(list.body.items).toEqual([expect.objectContaining({ username: real.username, isDemo: false })]);
    const demoList = await (await signIn(ctx.app, "admin")).get("/api/accounts?q=th.gv01");
    expect(demoList.body.items[0]).toMatchObject({ username: "th.gv01", isDemo: true });
  });

  it("are refused (403 DEMO_ACCOUNT_REFUSED, no session) on a server that does not run as a demo, and their old sessions end; real accounts sign in", async () => {
    const demoSession = await signIn(ctx.app, "th.gv07");
    const real = await buildAccount(ctx.db, {});
    const before = await sessionsOf("th.gv07");
    // the same database served as a real server (DATABASE_URL without SEED_DEMO, or NODE_ENV=production)
    for (const env of [{ DATABASE_URL: "postgres://x@y/z" }, { NODE_ENV: "production" }, { SEED_DEMO: "1", DEMO_ACCOUNTS: "0" }]) {
      const config = { ...loadConfig({ DATA_DIR: "/nonexistent", WEB_DIR: "/nonexistent", ...env }), databaseUrl: undefined };
      expect(config.demoAccounts, JSON.stringify(env)).toBe(false);
      const server = await buildApp({ db: ctx.db, config });
      try {
        const r = await server.inject({ method: "POST", url: "/api/auth/login", payload: { username: "th.gv07", password: DEMO_PASSWORD } });
        expect(r.statusCode).toBe(403);
        expect(r.json().error).toMatchObject({ code: "DEMO_ACCOUNT_REFUSED", message: expect.stringMatching(/tài khoản trình diễn/) });
        expect(String(r.headers["set-cookie"] ?? "")).not.toMatch(/dvk_session=/);
        expect(await sessionsOf("th.gv07")).toBe(before);
        // a wrong password still answers as any wrong password (nothing revealed before the password is right)
        const wrong = await server.inject({ method: "POST", url: "/api/auth/login", payload: { username: "th.gv08", password: "sai-mat-khau" } });
        expect(wrong.statusCode).toBe(401);
        const left = await server.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: demoSession.cookie } });
        expect(left.statusCode).toBe(401);
        const ok = await server.inject({ method: "POST", url: "/api/auth/login", payload: { username: real.username, password: TEST_PASSWORD } });
        expect(ok.statusCode).toBe(200);
        expect(ok.json().account.isDemo).toBe(false);
      } finally {
        await server.close();
      }
    }
    // the demo server itself still takes them
    expect((await demoSession.get("/api/auth/me")).status).toBe(200);
  });

  it("sign in only when the server runs as a demo: embedded default or SEED_DEMO=1; never by default on a server or in production", () => {
    expect(loadConfig({}).demoAccounts).toBe(true);
    expect(loadConfig({ DATABASE_URL: "postgres://x@y/z" })).toMatchObject({ seedDemo: false, demoAccounts: false });
    expect(loadConfig({ DATABASE_URL: "postgres://x@y/z", SEED_DEMO: "1" })).toMatchObject({ seedDemo: true, demoAccounts: true });
    expect(loadConfig({ NODE_ENV: "production" })).toMatchObject({ seedDemo: false, demoAccounts: false });
    expect(loadConfig({ NODE_ENV: "production", SEED_DEMO: "1" })).toMatchObject({ seedDemo: true, demoAccounts: true });
    expect(loadConfig({ NODE_ENV: "production", DEMO_ACCOUNTS: "1" }).demoAccounts).toBe(true);
  });

  it("a demo user choosing a password gets the password policy like anyone", async () => {
    const c = await signIn(ctx.app, "th.gv09");
    for (const pw of ["demo1234", "password1234", DEMO_PASSWORD]) {
      const r = await c.post("/api/auth/change-password", { currentPassword: DEMO_PASSWORD, newPassword: pw });
      expect(r.status, pw).toBe(400);
    }
    await signIn(ctx.app, "th.gv09"); // unchanged
  });
});

/** A sign-in as it arrives from `remoteAddress` (the socket's address), with optional headers. */
function loginFrom(app: App, remoteAddress: string, username: string, password: string, headers: Record<string, string> = {}) {
  return app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password }, remoteAddress, headers });
}
const lastFailedIp = async (username: string) =>
  (await ctx.db.query<{ after: { ip: string } }>("SELECT after FROM audit_log WHERE action = 'auth.login_failed' AND after->>'username' = $1 ORDER BY id DESC LIMIT 1", [username]))[0]?.after.ip;

describe("client addresses behind a reverse proxy (TRUST_PROXY)", () => {
  it("by default a forged X-Forwarded-For is ignored: 20 failures from one socket address are throttled whatever the header says", async () => {
    const remoteAddress = "198.51.100.7";
    for (let i = 0; i < 20; i++) {
      const r = await loginFrom(ctx.app, remoteAddress, `gia-mao-${i}`, "x", { "x-forwarded-for": `203.0.113.${i}` });
      expect(r.statusCode).toBe(401);
    }
    expect(await lastFailedIp("gia-mao-19")).toBe(remoteAddress);
    const r = await loginFrom(ctx.app, remoteAddress, "gia-mao-20", "x", { "x-forwarded-for": "203.0.113.250" });
    expect(r.statusCode).toBe(429);
    expect(r.json().error.code).toBe("RATE_LIMITED");
  });

  it("with TRUST_PROXY naming the proxy, only that proxy's X-Forwarded-For gives the client's address", async () => {
    const behindProxy = await buildApp({ db: ctx.db, config: { ...loadConfig({ DATA_DIR: "/nonexistent", WEB_DIR: "/nonexistent" }), trustProxy: "10.0.0.0/8" } });
    try {
      await loginFrom(behindProxy, "10.1.2.3", "qua-proxy", "x", { "x-forwarded-for": "203.0.113.77" });
      expect(await lastFailedIp("qua-proxy")).toBe("203.0.113.77");
      await loginFrom(behindProxy, "198.51.100.9", "khong-qua-proxy", "x", { "x-forwarded-for": "203.0.113.78" });
      expect(await lastFailedIp("khong-qua-proxy")).toBe("198.51.100.9");
      // the session cookie is Secure when the trusted proxy says the browser used HTTPS, and only then
      const viaHttps = await behindProxy.inject({ method: "POST", url: "/api/auth/login", payload: { username: "th.gv01", password: DEMO_PASSWORD }, remoteAddress: "10.1.2.3", headers: { "x-forwarded-proto": "https" } });
      expect(String(viaHttps.headers["set-cookie"])).toMatch(/; Secure/i);
      const forged = await behindProxy.inject({ method: "POST", url: "/api/auth/login", payload: { username: "th.gv01", password: DEMO_PASSWORD }, remoteAddress: "198.51.100.9", headers: { "x-forwarded-proto": "https" } });
      expect(forged.statusCode).toBe(200);
      expect(String(forged.headers["set-cookie"])).not.toMatch(/; Secure/i);
    } finally {
      await behindProxy.close();
    }
  });

  it("TRUST_PROXY is off unless set, and trusting everyone is refused", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "127.0.0.1, 10.0.0.0/8" }).trustProxy).toBe("127.0.0.1,10.0.0.0/8");
    expect(() => loadConfig({ TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY/);
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
    const r = await c.request({ method: "POST", url: "/api/auth/change-password", payload: { currentPassword: "demo123", newPassword: "Mua-lua-chin-2026" }, headers: { "x-csrf-token": "wrong" } });
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
    const wrong = await a.post("/api/auth/change-password", { currentPassword: "sai", newPassword: "Mua-lua-chin-2026" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0].path).toBe("currentPassword");
    const weak = await a.post("/api/auth/change-password", { currentPassword: TEST_PASSWORD, newPassword: "ngan" });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details[0].path).toBe("newPassword");
    // ASVS level 2: 12 characters at least ("password1" and the old 8-character rule's passwords
    // are refused), and not a common password even with digits or symbols added
    for (const [pw, why] of [["password1", /ít nhất 12/], ["matkhau12", /ít nhất 12/], ["password1234", /phổ biến/], ["matkhau2026!!", /phổ biến/], ["qwertyuiop123", /phổ biến/]] as const) {
      const r = await a.post("/api/auth/change-password", { currentPassword: TEST_PASSWORD, newPassword: pw });
      expect(r.status, pw).toBe(400);
      expect(r.body.error.message).toMatch(why);
    }
    expect((await a.post("/api/auth/change-password", { currentPassword: TEST_PASSWORD, newPassword: "Mua-lua-chin-2026" })).status).toBe(204);
    expect((await a.get("/api/auth/me")).status).toBe(200);
    expect((await b.get("/api/auth/me")).status).toBe(401);
    await signIn(ctx.app, username, "Mua-lua-chin-2026");
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
  it("a NUL byte or a lone surrogate in any text is a 400 VALIDATION_FAILED naming the field, never a 500 or SQL", async () => {
    const cases: { method: "POST" | "GET" | "PATCH"; url: string; payload?: unknown; path: string; signedIn?: boolean }[] = [
      { method: "POST", url: "/api/auth/login", payload: { username: "th.gv01\u0000", password: "x" }, path: "username" },
      { method: "POST", url: "/api/auth/login", payload: { username: "th.gv01", password: "\ud800" }, path: "password" },
      { method: "GET", url: "/api/people?q=%00", path: "q", signedIn: true },
      { method: "PATCH", url: `/api/units/${ctx.units["cb-ap-thanh-hoa"]}`, payload: { name: "Chi bộ \udc00", effectiveDate: "2026-01-01" }, path: "name", signedIn: true },
    ];
    const admin = await signIn(ctx.app, "admin");
    for (const c of cases) {
      const client = c.signedIn ? admin : anonymous(ctx.app);
      // the raw JSON keeps the escapes, so the server's JSON.parse makes the bad characters
      const r = await client.request({ method: c.method, url: c.url, ...(c.payload ? { payload: JSON.stringify(c.payload).replace(/\\\\u/g, "\\u"), headers: { "content-type": "application/json" } } : {}) });
      expect(r.status, c.url).toBe(400);
      expect(r.body.error.code).toBe("VALIDATION_FAILED");
      expect(r.body.error.details[0].path).toBe(c.path);
      expect(JSON.stringify(r.body)).not.toMatch(/SELECT|INSERT|UPDATE |at .*\.ts:/);
    }
  });

  it("headers too large are a 431 in the error shape", async () => {
    const { request } = await import("node:http");
    const app = await buildApp({ db: ctx.db, config: loadConfig({ DATA_DIR: "/nonexistent", WEB_DIR: "/nonexistent" }) });
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    try {
      const url = new URL("/api/health", address);
      const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(url, { headers: { "x-qua-lon": "a".repeat(20_000) } }, (r) => {
          let body = "";
          r.on("data", (d: Buffer) => (body += d.toString()));
          r.on("end", () => resolve({ status: r.statusCode ?? 0, body }));
        });
        req.on("error", reject);
        req.end();
      });
      expect(res.status).toBe(431);
      expect(JSON.parse(res.body)).toEqual({ error: { code: "HEADERS_TOO_LARGE", message: expect.any(String) } });
    } finally {
      await app.close();
    }
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
