import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openPglite, openPostgres, type Db } from "../client.js";
import { listMigrations, migrate } from "../migrate.js";
import { recordAction } from "../../audit/record-action.js";
import { withDatabase } from "../../test/global-setup.js";
import "../../features/demo-seeders.js";
import { seedDemoIfEmpty } from "./demo.js";

/** An empty, migrated database: two connections to one PostgreSQL database, or one PGlite. */
async function emptyDatabase(prepare: (db: Db) => Promise<unknown> = migrate): Promise<{ dbs: [Db, Db]; close: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const db = await openPglite("memory://");
    await prepare(db);
    return { dbs: [db, db], close: () => db.close() };
  }
  const name = `dvk_test_seed_${randomBytes(4).toString("hex")}`;
  const admin = openPostgres(url, 1);
  await admin.exec(`CREATE DATABASE ${name}`);
  const a = openPostgres(withDatabase(url, name), 2);
  const b = openPostgres(withDatabase(url, name), 2);
  await prepare(a);
  return {
    dbs: [a, b],
    close: async () => {
      await a.close();
      await b.close();
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}

describe("demo seeding", () => {
  it("two instances seeding one empty database at once: one seeds, the other skips, nothing fails; its accounts are flagged as demo accounts", { timeout: 120_000 }, async () => {
    const { dbs, close } = await emptyDatabase();
    try {
      const results = await Promise.all([seedDemoIfEmpty(dbs[0]), seedDemoIfEmpty(dbs[1])]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const units = await dbs[0].query<{ code: string; n: number }>("SELECT code, count(*) AS n FROM units GROUP BY code HAVING count(*) > 1");
      expect(units).toEqual([]);
      expect((await dbs[0].query<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'seed.demo'"))[0]!.n).toBe(1);
      // every account the seed made is flagged as a demo account (published password)
      const accounts = await dbs[0].query<{ username: string; is_demo: boolean }>("SELECT username, is_demo FROM accounts");
      expect(accounts.length).toBeGreaterThan(10);
      expect(accounts.filter((a) => !a.is_demo)).toEqual([]);
      // and again later: idempotent
      expect(await seedDemoIfEmpty(dbs[1])).toBe(false);
    } finally {
      await close();
    }
  });

  it("migration 0044 flags the accounts a demo seed made before it, and no account made later", async () => {
    const before0044 = async (db: Db) => {
      await db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
      for (const m of listMigrations().filter((m) => m.name < "0044")) {
        await db.exec(m.sql);
        await db.query("INSERT INTO schema_migrations (name) VALUES ($1)", [m.name]);
      }
    };
    const { dbs, close } = await emptyDatabase(before0044);
    const db = dbs[0];
    const account = (tx: Parameters<Parameters<Db["transaction"]>[0]>[0], username: string, createdBy: string | null = null) =>
      tx.query<{ id: string }>("INSERT INTO accounts (username, display_name, password_hash, created_by) VALUES ($1, $1, 'x', $2) RETURNING id", [username, createdBy]).then((r) => r[0]!.id);
    try {
      // as the seed did it: its accounts and its audit record in one transaction
      const adminId = await db.transaction(async (tx) => {
        const id = await account(tx, "admin");
        await account(tx, "th.bithu");
        await recordAction(tx, null, { action: "seed.demo", subjectType: "system", subjectId: null, unitId: null });
        return id;
      });
      // later: the CLI's administrator and an account an administrator created
      await db.transaction(async (tx) => {
        await account(tx, "quantri");
        await account(tx, "nguoi.that", adminId);
      });
      expect(await migrate(db)).toContain("0044_demo_accounts.sql");
      const rows = await db.query<{ username: string; is_demo: boolean }>("SELECT username, is_demo FROM accounts ORDER BY username");
      expect(Object.fromEntries(rows.map((r) => [r.username, r.is_demo]))).toEqual({ admin: true, "th.bithu": true, quantri: false, "nguoi.that": false });
    } finally {
      await close();
    }
  });
});
