/**
 * Roll-ups, "who has not reported" and the Excel exports read from the replica's pool when one is
 * configured (DATABASE_REPLICA_URL), everything else from the primary. The replica here is the same
 * database behind a handle that records what it is asked.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import type { App } from "../http/app-types.js";
import { loadConfig } from "../config.js";
import { setupTestApp, signIn, type TestContext } from "../test/support.js";
import type { Db } from "./client.js";

let ctx: TestContext;
let app: App;
const seen: string[] = [];

/** `db` answering as it would, each statement's text noted. */
function recording(db: Db): Db {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === "query" || prop === "exec") {
        return (sql: unknown, ...rest: unknown[]) => {
          seen.push(typeof sql === "string" ? sql : JSON.stringify(sql));
          return (target[prop] as (...a: unknown[]) => unknown).call(target, sql, ...rest);
        };
      }
      const v: unknown = Reflect.get(target, prop, receiver);
      return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

beforeAll(async () => {
  ctx = await setupTestApp();
  app = await buildApp({ db: ctx.db, readDb: recording(ctx.db), config: ctx.config });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

describe("reads from a replica", () => {
  it("DATABASE_REPLICA_URL is read only beside DATABASE_URL", () => {
    const env = { DATA_DIR: "/nonexistent", WEB_DIR: "/nonexistent", DATABASE_REPLICA_URL: "postgres://replica/db" };
    expect(loadConfig(env).databaseReplicaUrl).toBeUndefined();
    expect(loadConfig({ ...env, DATABASE_URL: "postgres://primary/db" }).databaseReplicaUrl).toBe("postgres://replica/db");
  });

  it("the roll-up, who has not reported and the roll-up's Excel export read the replica; pages that write do not", async () => {
    const commune = ctx.units["xa-thanh-an"]!;
    const [campaign] = await ctx.db.query<{ id: string }>("SELECT id FROM campaigns WHERE unit_id = $1 AND status <> 'draft' ORDER BY period_start DESC LIMIT 1", [commune]);
    const board = await signIn(app, "xa.bithu");
    const base = `/api/reports/${campaign!.id}/units/${commune}`;

    seen.length = 0;
    const rollup = await board.get(`${base}/rollup?limit=50`);
    expect(rollup.status).toBe(200);
    expect(rollup.body.children.length).toBeGreaterThan(0);
    expect(seen.length, "the roll-up's statements on the replica").toBeGreaterThan(0);

    seen.length = 0;
    expect((await board.get(`${base}/submissions`)).status).toBe(200);
    expect(seen.length, "who has not reported, on the replica").toBeGreaterThan(0);

    seen.length = 0;
    const xlsx = await app.inject({ method: "GET", url: `${base}/rollup/export.xlsx`, headers: { cookie: board.cookie } });
    expect(xlsx.statusCode).toBe(200);
    expect(seen.length, "the export, on the replica").toBeGreaterThan(0);

    // the unit's own report, and saving it, stay on the primary
    seen.length = 0;
    expect((await board.get(base)).status).toBe(200);
    expect((await board.get("/api/auth/me")).status).toBe(200);
    expect(seen, "nothing else reads the replica").toEqual([]);
  });
});
