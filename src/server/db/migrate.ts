import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Db, Queryable } from "./client.js";

const MIGRATIONS_DIR = fileURLToPath(new URL("./migrations/", import.meta.url));
// Any constant works; it only has to be the same for every instance of this app.
export const MIGRATION_LOCK = 7_361_002;

/**
 * Takes the migrations' advisory lock for the rest of the transaction: whatever runs under it
 * (migrating, seeding the demo into an empty database) runs on one instance at a time.
 */
export async function lockSchemaChanges(tx: Queryable): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
}

/** The forward-only SQL migrations, in file-name order (`0001_foundation.sql`, …). */
export function listMigrations(): { name: string; sql: string }[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((name) => ({ name, sql: readFileSync(MIGRATIONS_DIR + name, "utf8") }));
}

/**
 * Applies the migrations not applied yet, each in its own transaction with its bookkeeping row,
 * under an advisory lock so several app instances starting at once apply each exactly once.
 * Hand-numbered SQL files (rather than generated ones) let each feature own its migration.
 */
export async function migrate(db: Db): Promise<string[]> {
  // Under the lock too: two instances running CREATE TABLE IF NOT EXISTS at the same moment can
  // both try to create it (PostgreSQL answers a duplicate key on pg_type), so one instance failed to start.
  await db.transaction(async (tx) => {
    await lockSchemaChanges(tx);
    await tx.exec("CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
  });
  const applied: string[] = [];
  for (const m of listMigrations()) {
    const done = await db.transaction(async (tx) => {
      await lockSchemaChanges(tx);
      const rows = await tx.query("SELECT 1 FROM schema_migrations WHERE name = $1", [m.name]);
      if (rows.length > 0) return false;
      await tx.exec(m.sql);
      await tx.query("INSERT INTO schema_migrations (name) VALUES ($1)", [m.name]);
      return true;
    });
    if (done) applied.push(m.name);
  }
  return applied;
}
