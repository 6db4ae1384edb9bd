import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { buildApp } from "../app.js";
import { loadConfig, type Config } from "../config.js";
import { openPglite, openPostgres, type Db } from "../db/client.js";
import { DEMO_PASSWORD } from "../db/seed/demo.js";
import type { App } from "../http/app-types.js";
import { withDatabase } from "./global-setup.js";

export interface TestContext {
  app: App;
  db: Db;
  config: Config;
  /** Demo unit ids by code ("cb-tieu-hoc-thanh-an", …). */
  units: Record<string, string>;
  close(): Promise<void>;
}

/** A fresh database for this test file (a copy of the migrated, demo-seeded template) and the app on it. */
export async function setupTestApp(overrides: Partial<Config> = {}): Promise<TestContext> {
  let db: Db;
  let drop: (() => Promise<void>) | null = null;
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `dvk_test_${randomBytes(6).toString("hex")}`;
    const admin = openPostgres(url, 1);
    await admin.exec(`CREATE DATABASE ${name} TEMPLATE ${inject("pgTemplate")}`);
    await admin.close();
    db = openPostgres(withDatabase(url, name), 5);
    drop = async () => {
      const a = openPostgres(url, 1);
      await a.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.close();
    };
  } else {
    const dump = readFileSync(inject("pgliteTemplate"));
    db = await openPglite("memory://", { loadDataDir: new Blob([dump]) });
  }
  const config = { ...loadConfig({ DATA_DIR: "/nonexistent", WEB_DIR: "/nonexistent" }), ...overrides };
  const app = await buildApp({ db, config });
  await app.ready();
  const rows = await db.query<{ id: string; code: string }>("SELECT id, code FROM units");
  const units = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  return {
    app,
    db,
    config,
    units,
    async close() {
      await app.close();
      await db.close();
      if (drop) await drop();
    },
  };
}

export interface Response<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
  raw: Buffer;
}

/** A signed-in HTTP client through app.inject, sending the session cookie and CSRF header. */
export interface Client {
  username: string;
  csrfToken: string;
  cookie: string;
  get<T = any>(url: string): Promise<Response<T>>;
  post<T = any>(url: string, body?: unknown): Promise<Response<T>>;
  patch<T = any>(url: string, body?: unknown): Promise<Response<T>>;
  put<T = any>(url: string, body?: unknown): Promise<Response<T>>;
  delete<T = any>(url: string): Promise<Response<T>>;
  request<T = any>(opts: { method: string; url: string; payload?: unknown; headers?: Record<string, string> }): Promise<Response<T>>;
}

function toResponse(r: { statusCode: number; body: string; rawPayload: Buffer; headers: Response["headers"] }): Response {
  let body: unknown = r.body;
  const type = String(r.headers["content-type"] ?? "");
  if (type.includes("application/json") && r.body) body = JSON.parse(r.body);
  return { status: r.statusCode, body, headers: r.headers, raw: r.rawPayload };
}

/** An anonymous client (no session). */
export function anonymous(app: App): Client {
  return makeClient(app, "", "", "");
}

function makeClient(app: App, username: string, cookie: string, csrfToken: string): Client {
  const request = async (opts: { method: string; url: string; payload?: unknown; headers?: Record<string, string> }) => {
    const headers: Record<string, string> = { ...(cookie ? { cookie } : {}), ...(csrfToken ? { "x-csrf-token": csrfToken } : {}), ...opts.headers };
    const r = await app.inject({
      method: opts.method as "GET",
      url: opts.url,
      headers,
      ...(opts.payload !== undefined ? { payload: opts.payload as string } : {}),
    });
    return toResponse(r);
  };
  return {
    username,
    csrfToken,
    cookie,
    request,
    get: (url) => request({ method: "GET", url }),
    post: (url, body) => request({ method: "POST", url, payload: body ?? {} }),
    patch: (url, body) => request({ method: "PATCH", url, payload: body ?? {} }),
    put: (url, body) => request({ method: "PUT", url, payload: body ?? {} }),
    delete: (url) => request({ method: "DELETE", url }),
  };
}

/** Signs in through the API and returns a client carrying that session. */
export async function signIn(app: App, username: string, password = DEMO_PASSWORD): Promise<Client> {
  const r = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
  if (r.statusCode !== 200) throw new Error(`signIn(${username}) failed: ${r.statusCode} ${r.body}`);
  const setCookie = r.headers["set-cookie"];
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  const cookie = String(first).split(";")[0]!;
  return makeClient(app, username, cookie, (r.json() as { csrfToken: string }).csrfToken);
}

let seq = 0;
/** A unique suffix for codes and names created by factories. */
export function unique(prefix = "t"): string {
  seq += 1;
  return `${prefix}-${process.pid}-${seq}-${randomBytes(2).toString("hex")}`;
}
