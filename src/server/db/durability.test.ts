import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openPglite, openPostgres, type Db } from "./client.js";
import { withDatabase } from "../test/global-setup.js";

/**
 * Runs the real server process (tsx src/server/main.ts) and kills it with SIGKILL in the middle
 * of a stream of writes: every write that was answered 201 must be there after a restart, and no
 * write may be half there (a person without their position or audit record).
 */
const ROOT = path.resolve(__dirname, "../../..");
const children: ChildProcess[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of children) c.kill("SIGKILL");
  for (const c of cleanups) await c();
});

/** Gives up on a step that should take seconds, saying what the server printed (a hang must fail, not stall CI). */
async function within<T>(ms: number, what: string, out: () => string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: quá ${ms / 1000} s. Máy chủ in ra:\n${out().slice(-4000)}`)), ms);
  });
  try {
    return await Promise.race([p, limit]);
  } finally {
    clearTimeout(timer);
  }
}

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; base: string; out: () => string }> {
  const started = Date.now();
  // PORT=0: the system gives a free port and the server prints it (no collision with anything else on the machine)
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "error", WEB_DIR: "/nonexistent", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  const stamp = (d: Buffer) => (out += `[+${((Date.now() - started) / 1000).toFixed(1)} s] ${String(d)}`);
  child.stdout?.on("data", stamp);
  child.stderr?.on("data", stamp);
  let last = "not listening yet";
  // A fresh start (migrations, demo seed) takes seconds; a minute means it is stuck, and the
  // message says where: what the server printed, with times, the last answer to /api/health and
  // what the database's sessions were waiting on.
  while (Date.now() - started < 60_000) {
    if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
    const port = /đang chạy tại http:\/\/[^:]+:(\d+)/.exec(out)?.[1];
    if (port) {
      const base = `http://127.0.0.1:${port}`;
      try {
        const r = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(10_000) });
        if (r.ok) return { child, base, out: () => out };
        last = `${r.status} ${await r.text()}`;
      } catch (err) {
        last = String((err as Error).cause ?? err);
      }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not start in 60 s.\nIt printed:\n${out}\nLast /api/health: ${last}\n${await databaseSessions(env)}`);
}

/** What the database's other sessions are doing (PostgreSQL only): the clue when a start hangs. */
async function databaseSessions(env: Record<string, string>): Promise<string> {
  if (!env.DATABASE_URL) return "";
  const db = openPostgres(env.DATABASE_URL, 1);
  try {
    const rows = await db.query<Record<string, unknown>>(
      `SELECT pid, state, wait_event_type, wait_event, now() - xact_start AS in_transaction, left(query, 200) AS query
         FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    return `Database sessions:\n${rows.map((r) => JSON.stringify(r)).join("\n")}`;
  } catch (err) {
    return `Database sessions: ${String(err)}`;
  } finally {
    await db.close();
  }
}

async function login(base: string, username: string) {
  const r = await fetch(`${base}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password: "demo123" }) });
  const body = (await r.json()) as { csrfToken: string };
  return { cookie: String(r.headers.get("set-cookie")).split(";")[0]!, csrf: body.csrfToken };
}

async function unitId(base: string, s: { cookie: string }, name: string) {
  const r = (await (await fetch(`${base}/api/units`, { headers: { cookie: s.cookie } })).json()) as { units: { id: string; name: string }[] };
  return r.units.find((u) => u.name === name)!.id;
}

function waitExit(child: ChildProcess) {
  // A process killed by a signal has no exit code, only a signal code: either means it is gone
  // (checking the exit code alone waited forever when SIGKILL's 'exit' had already fired).
  return new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));
}

async function freshDatabase(): Promise<{ env: Record<string, string>; open: () => Promise<Db> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `dvk_test_kill_${randomBytes(4).toString("hex")}`;
    const admin = openPostgres(url, 1);
    await admin.exec(`CREATE DATABASE ${name}`);
    await admin.close();
    const dbUrl = withDatabase(url, name);
    return { env: { DATABASE_URL: dbUrl, SEED_DEMO: "1" }, open: async () => openPostgres(dbUrl, 2) };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "dvk-kill-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return { env: { DATA_DIR: dir }, open: () => openPglite(dir) };
}

describe("a kill -9 during writes", () => {
  // Two real server processes start on a fresh database (migrations, demo seed): slow on a busy 2-core machine.
  it("loses no answered write and leaves none half-written", { timeout: 300_000 }, async () => {
    const db = await freshDatabase();
    const first = await startServer(db.env);
    const s = await login(first.base, "th.bithu");
    const cell = await unitId(first.base, s, "Chi bộ Trường Tiểu học Thạnh An");
    const acknowledged: string[] = [];
    let refused = "";
    let i = 0;
    const writer = (async () => {
      for (;;) {
        const name = `Người Ghi Thử ${String(i++).padStart(4, "0")}`;
        try {
          const r = await fetch(`${first.base}/api/people`, {
            method: "POST",
            headers: { "content-type": "application/json", cookie: s.cookie, "x-csrf-token": s.csrf },
            body: JSON.stringify({ fullName: name, categories: ["party_member"], position: { unitId: cell, role: "member", startDate: "2026-01-01" } }),
            signal: AbortSignal.timeout(30_000),
          });
          if (r.status === 201) acknowledged.push(name);
          else refused = `${r.status} ${await r.text()}`;
        } catch {
          return; // the server is gone
        }
      }
    })();
    await within(120_000, `chờ 15 lần ghi thành công (đã có ${acknowledged.length}; bị từ chối: ${refused})`, first.out, (async () => {
      while (acknowledged.length < 15) await new Promise((r) => setTimeout(r, 20));
    })());
    first.child.kill("SIGKILL");
    await within(60_000, "dừng luồng ghi sau SIGKILL", first.out, writer);
    await within(60_000, "máy chủ thứ nhất thoát sau SIGKILL", first.out, waitExit(first.child));

    // Restart on the same data: it must open cleanly and hold every acknowledged write, whole.
    const second = await startServer(db.env);
    second.child.kill("SIGTERM");
    await within(60_000, "máy chủ thứ hai thoát sau SIGTERM", second.out, waitExit(second.child));
    expect(second.child.exitCode).toBe(0);

    const check = await db.open();
    try {
      const people = await check.query<{ full_name: string; positions: number; audits: number }>(
        `SELECT pe.full_name,
                (SELECT count(*) FROM positions p WHERE p.person_id = pe.id) AS positions,
                (SELECT count(*) FROM audit_log a WHERE a.subject_id = pe.id::text AND a.action = 'person.create') AS audits
           FROM persons pe WHERE pe.full_name LIKE 'Người Ghi Thử %'`,
      );
      const names = new Set(people.map((p) => p.full_name));
      for (const n of acknowledged) expect(names.has(n), `answered write ${n} is missing`).toBe(true);
      for (const p of people) expect([p.positions, p.audits], `${p.full_name} is half-written`).toEqual([1, 1]);
    } finally {
      await check.close();
    }
  });
});

if (process.env.TEST_DATABASE_URL) {
  describe("several instances against one PostgreSQL", () => {
    it("migrate once, share sessions and see each other's writes", { timeout: 300_000 }, async () => {
      const db = await freshDatabase();
      // both asked to seed the demo into the empty database: one does, the other finds it seeded
      const [a, b] = await Promise.all([startServer(db.env), startServer(db.env)]);
      const s = await login(a.base, "th.bithu");
      const cell = await unitId(b.base, s, "Chi bộ Trường Tiểu học Thạnh An");
      const created = await fetch(`${b.base}/api/people`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: s.cookie, "x-csrf-token": s.csrf },
        body: JSON.stringify({ fullName: "Người Hai Máy Chủ", categories: [], position: { unitId: cell, role: "member", startDate: "2026-01-01" } }),
      });
      expect(created.status).toBe(201);
      const found = (await (await fetch(`${a.base}/api/people?q=nguoi%20hai%20may%20chu`, { headers: { cookie: s.cookie } })).json()) as { total: number };
      expect(found.total).toBe(1);
      const check = await db.open();
      const migrations = await check.query<{ name: string; n: number }>("SELECT name, count(*) AS n FROM schema_migrations GROUP BY name HAVING count(*) > 1");
      const units = await check.query<{ n: number }>("SELECT count(*) AS n FROM units WHERE code = 'xa-thanh-an'");
      await check.close();
      expect(migrations).toEqual([]);
      expect(units[0]!.n).toBe(1);
      a.child.kill("SIGTERM");
      b.child.kill("SIGTERM");
      await Promise.all([waitExit(a.child), waitExit(b.child)]);
    });
  });
}
