import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openPglite, openPostgres, type Db } from "../client.js";
import { migrate } from "../migrate.js";
import { withDatabase } from "../../test/global-setup.js";
import "../../features/demo-seeders.js";
import { seedDemoIfEmpty } from "./demo.js";

/** An empty, migrated database: two connections to one PostgreSQL database, or one PGlite. */
async function emptyDatabase(): Promise<{ dbs: [Db, Db]; close: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const db = await openPglite("memory://");
    await migrate(db);
    return { dbs: [db, db], close: () => db.close() };
  }
  const name = `dvk_test_seed_${randomBytes(4).toString("hex")}`;
  const admin = openPostgres(url, 1);
  await admin.exec(`CREATE DATABASE ${name}`);
  const a = openPostgres(withDatabase(url, name), 2);
  const b = openPostgres(withDatabase(url, name), 2);
  await migrate(a);
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
  it("two instances seeding one empty database at once: one seeds, the other skips, nothing fails", { timeout: 120_000 }, async () => {
    const { dbs, close } = await emptyDatabase();
    try {
      const results = await Promise.all([seedDemoIfEmpty(dbs[0]), seedDemoIfEmpty(dbs[1])]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const units = await dbs[0].query<{ code: string; n: number }>("SELECT code, count(*) AS n FROM units GROUP BY code HAVING count(*) > 1");
      expect(units).toEqual([]);
      expect((await dbs[0].query<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'seed.demo'"))[0]!.n).toBe(1);
      // and again later: idempotent
      expect(await seedDemoIfEmpty(dbs[1])).toBe(false);
    } finally {
      await close();
    }
  });
});
