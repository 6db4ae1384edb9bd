import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { loadConfig } from "../config.js";
import { setupTestApp, signIn, anonymous, type Client, type TestContext } from "../test/support.js";
import { AUTHORIZATION_CASES, MEMBER_TO_MEMBER_CASES, SELF_APPROVAL_CASES, type AuthzCase, type AuthzFixture } from "./authorization-cases.js";

/**
 * Walks the route table: every route must be public or have an out-of-scope case in
 * authorization-cases.ts (an actor outside the subtree is refused and nothing changes), and
 * every non-public route must refuse an anonymous request with 401.
 */
let ctx: TestContext;
let routes: { method: string; url: string; public: boolean }[] = [];
let fixture: AuthzFixture;

beforeAll(async () => {
  ctx = await setupTestApp();
  const collected: typeof routes = [];
  const probe = await buildApp({ db: ctx.db, config: loadConfig({ DATA_DIR: "/nonexistent", WEB_DIR: "/nonexistent" }), onRoute: (r) => collected.push(r) });
  await probe.ready();
  await probe.close();
  routes = collected.filter((r) => r.url.startsWith("/api/") && !r.url.startsWith("/api/docs"));
  const clients: Record<string, Client> = {};
  fixture = {
    ctx,
    as: async (username: string) => (clients[username] ??= await signIn(ctx.app, username)),
  };
});
afterAll(() => ctx.close());

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

describe("route table", () => {
  it("every route is public or has an out-of-scope authorization case", () => {
    const missing = routes.filter((r) => !r.public && !AUTHORIZATION_CASES[key(r)]).map(key);
    expect(missing, `routes without an authorization case: ${missing.join(", ")}`).toEqual([]);
  });

  it("no stale cases for routes that no longer exist", () => {
    const known = new Set(routes.map(key));
    expect(Object.keys(AUTHORIZATION_CASES).filter((k) => !known.has(k))).toEqual([]);
  });

  it("every non-public route answers 401 without a session", async () => {
    const anon = anonymous(ctx.app);
    for (const r of routes.filter((x) => !x.public)) {
      const url = r.url.replace(/:(\w+)/g, "00000000-0000-4000-8000-000000000000");
      const res = await anon.request({ method: r.method, url, ...(r.method === "GET" ? {} : { payload: {} }) });
      expect(res.status, key(r)).toBe(401);
    }
  });
});

/** Runs one case: the answer is one of the expected statuses and no audited change was written. */
async function expectRefused(name: string, c: AuthzCase) {
  const before = await ctx.db.query<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action NOT LIKE 'auth.%'");
  const client = await fixture.as(c.as);
  const res = await client.request({ method: c.method, url: c.url, ...(c.body !== undefined ? { payload: c.body } : {}) });
  expect(c.expect, `${name} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 200)}`).toContain(res.status);
  if (c.check) await c.check(res);
  const after = await ctx.db.query<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action NOT LIKE 'auth.%'");
  expect(after[0]!.n, "a refused request must not write").toBe(before[0]!.n);
}

describe("out-of-scope actors are refused and change nothing", () => {
  for (const [name, make] of Object.entries(AUTHORIZATION_CASES)) {
    it(name, async () => expectRefused(name, await make(fixture)));
  }
});

describe("a member does not read or change a colleague's own things", () => {
  it("every case names a real route", () => {
    const known = new Set(routes.map(key));
    expect(Object.keys(MEMBER_TO_MEMBER_CASES).filter((k) => !known.has(k))).toEqual([]);
  });
  for (const [name, make] of Object.entries(MEMBER_TO_MEMBER_CASES)) {
    it(name, async () => expectRefused(name, await make(fixture)));
  }
});

describe("nobody approves what they wrote or what is about themselves", () => {
  it("every case names a real route", () => {
    const known = new Set(routes.map(key));
    expect(Object.keys(SELF_APPROVAL_CASES).filter((k) => !known.has(k.split(" — ")[0]!))).toEqual([]);
  });
  for (const [name, make] of Object.entries(SELF_APPROVAL_CASES)) {
    it(name, async () => expectRefused(name, await make(fixture)));
  }
});
