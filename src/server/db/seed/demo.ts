import { hashPassword } from "../../features/auth/passwords.js";
import { recordAction } from "../../audit/record-action.js";
import type { Db } from "../client.js";
import { lockSchemaChanges } from "../migrate.js";
import { DEMO_PEOPLE, seedDemoOrganisation, type DemoIds } from "./demo-organisation.js";

export const DEMO_PASSWORD = "demo123";

/** Feature seeds that build on the demo organisation (campaign, …), run in the same transaction. */
export type DemoSeeder = (tx: Parameters<Parameters<Db["transaction"]>[0]>[0], ids: DemoIds) => Promise<void>;
const seeders: DemoSeeder[] = [];

/** Lets a feature add its demo data. */
export function addDemoSeeder(s: DemoSeeder): void {
  seeders.push(s);
}

/**
 * Seeds the demo commune when the database is still empty, under the migrations' advisory lock:
 * several instances starting together on one empty database seed it exactly once (the others
 * find it seeded and skip). True when this call seeded.
 */
export async function seedDemoIfEmpty(db: Db): Promise<boolean> {
  const hash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    await lockSchemaChanges(tx);
    const r = await tx.query<{ n: number }>("SELECT count(*) AS n FROM units");
    if ((r[0]?.n ?? 0) > 0) return false;
    await seedInto(tx, hash);
    return true;
  });
}

/** Seeds the demo commune in one transaction; nothing is written if any part fails. */
export async function seedDemo(db: Db): Promise<DemoIds> {
  const hash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => seedInto(tx, hash));
}

async function seedInto(tx: Parameters<DemoSeeder>[0], hash: string): Promise<DemoIds> {
  // The demo is the starting state: its counts carry no dated changes (migration 0040), so a
  // 2020 campaign seeded today still reports its 2020 figures.
  await tx.query("SELECT set_config('dvk.no_history', 'on', true)");
  const ids = await seedDemoOrganisation(tx, hash);
  for (const s of seeders) await s(tx, ids);
  await recordAction(tx, null, { action: "seed.demo", subjectType: "system", subjectId: null, unitId: null, after: { units: Object.keys(ids.units).length, people: Object.keys(ids.people).length } });
  return ids;
}

/** How many accounts of the database are demo accounts (accounts.is_demo). */
export async function countDemoAccounts(db: Db): Promise<number> {
  const r = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM accounts WHERE is_demo");
  return r[0]?.n ?? 0;
}

/** The demo accounts printed at start-up. */
export function demoAccountLines(): string[] {
  const lines = ["  admin            Quản trị hệ thống"];
  for (const p of DEMO_PEOPLE) if (p.username) lines.push(`  ${p.username.padEnd(16)} ${p.name} — ${p.title}`);
  return lines;
}
