import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openPglite, openPostgres } from "../db/client.js";
import { migrate } from "../db/migrate.js";
import { seedDemo } from "../db/seed/demo.js";
import "../features/demo-seeders.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** PGlite: path of a gzip dump of a migrated, demo-seeded data dir. */
    pgliteTemplate: string;
    /** PostgreSQL: name of the migrated, demo-seeded template database (when TEST_DATABASE_URL is set). */
    pgTemplate: string;
  }
}

export const PG_TEMPLATE = "dvk_test_template";

/**
 * Migrates and seeds once, then every test file starts from a copy: a PGlite data-dir dump, or a
 * PostgreSQL `CREATE DATABASE … TEMPLATE`. Tests still build their own units with factories.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = openPostgres(url, 1);
    await admin.exec(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${PG_TEMPLATE}' AND pid <> pg_backend_pid()`);
    await admin.exec(`DROP DATABASE IF EXISTS ${PG_TEMPLATE}`);
    await admin.exec(`CREATE DATABASE ${PG_TEMPLATE}`);
    const tpl = openPostgres(withDatabase(url, PG_TEMPLATE), 2);
    await migrate(tpl);
    await seedDemo(tpl);
    await tpl.close();
    await admin.close();
    project.provide("pgTemplate", PG_TEMPLATE);
    project.provide("pgliteTemplate", "");
    return async () => {
      const cleanup = openPostgres(url, 1);
      const dbs = await cleanup.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'dvk_test_%'");
      for (const d of dbs) await cleanup.exec(`DROP DATABASE IF EXISTS ${d.datname} WITH (FORCE)`);
      await cleanup.close();
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "dvk-test-template-"));
  const db = await openPglite("memory://");
  await migrate(db);
  await seedDemo(db);
  const raw = (db as unknown as { raw: { dumpDataDir(c: "gzip"): Promise<Blob> } }).raw;
  const dump = await raw.dumpDataDir("gzip");
  const file = path.join(dir, "template.tar.gz");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await db.close();
  project.provide("pgliteTemplate", file);
  project.provide("pgTemplate", "");
  return () => rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
