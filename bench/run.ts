import { rmSync } from "node:fs";
import type { Actor } from "../src/server/http/actor.js";
import { exportRegistrations, importRegistrations } from "../src/server/features/spreadsheets/spreadsheets.service.js";
import { renderXlsxTable } from "../src/server/spreadsheets/xlsx-table.js";
import { REGISTRATION_COLUMNS } from "../src/server/features/spreadsheets/registrations-sheet.js";
import { WorkerPool } from "../src/server/workers/worker-pool.js";
import { generate } from "./generate.js";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 1_000);

/** Samples rss every 100 ms and heapUsed; returns the peaks of a step. */
async function measure<T>(name: string, fn: () => Promise<T>) {
  const base = process.memoryUsage();
  let rss = base.rss;
  let heap = base.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 100);
  const t0 = performance.now();
  const result = await fn();
  const ms = performance.now() - t0;
  clearInterval(timer);
  const m = process.memoryUsage();
  rss = Math.max(rss, m.rss);
  heap = Math.max(heap, m.heapUsed);
  results.push({ step: name, seconds: (ms / 1000).toFixed(1), "peak rss MB": (rss / 2 ** 20).toFixed(0), "peak heap MB": (heap / 2 ** 20).toFixed(0) });
  return result;
}
const results: Record<string, string>[] = [];

const admin: Actor = {
  accountId: "00000000-0000-4000-8000-000000000000",
  username: "bench",
  displayName: "bench",
  personId: null,
  isAdmin: true,
  mustChangePassword: false,
  sessionId: "bench",
  csrfToken: "",
  ip: null,
  manageUnits: new Set(),
  scopeUnits: new Set(),
  viewUnits: new Set(),
  scopes: [],
  positions: [],
};

const workers = new WorkerPool({ threads: 1, queue: 0 });
const s = await measure(`generate ${ROWS.toLocaleString("en")} commitments`, () => generate({ members: MEMBERS, commitments: ROWS }));
// the audit record references the account: create it
await s.db.query("INSERT INTO accounts (id, username, display_name, password_hash, is_admin) VALUES ($1, 'bench', 'bench', 'x', true)", [admin.accountId]);
try {
  const exported = await measure("export.xlsx (registrations)", () => exportRegistrations({ db: s.db, workers, actor: admin, campaignId: s.campaignId, unitId: s.unitId }));
  const fileMb = (exported.body.length / 2 ** 20).toFixed(1);
  await measure("import dry run (all unchanged)", async () => {
    const r = await importRegistrations({ db: s.db, workers, actor: admin, campaignId: s.campaignId, unitId: s.unitId, file: exported.body, fileName: "x.xlsx", dryRun: true });
    if (!r.ok || r.counts.unchanged !== ROWS) throw new Error(`unexpected report ${JSON.stringify(r).slice(0, 500)}`);
  });
  const fresh = await renderXlsxTable({
    title: "x",
    sheetName: "Bảng đăng ký",
    columns: REGISTRATION_COLUMNS,
    rows: (function* () {
      for (let i = 0; i < ROWS; i++) {
        const it = s.items[i % s.items.length]!;
        yield { stt: i + 1, fullName: s.people[i % s.people.length]!.fullName, criterion: it.criterionCode, item: it.code, action: `Việc làm mới số ${i}`, target: "100%", startDate: "2020-03-01", deadline: "2020-12-31" };
      }
    })(),
  });
  await measure("import apply (all new, one transaction)", async () => {
    const r = await importRegistrations({ db: s.db, workers, actor: admin, campaignId: s.emptyCampaignId, unitId: s.unitId, file: fresh, fileName: "moi.xlsx", dryRun: false });
    if (!r.applied || r.counts.create !== ROWS) throw new Error(`unexpected report ${JSON.stringify(r).slice(0, 500)}`);
  });
  await measure("re-import same file (all unchanged)", async () => {
    const r = await importRegistrations({ db: s.db, workers, actor: admin, campaignId: s.emptyCampaignId, unitId: s.unitId, file: fresh, fileName: "moi.xlsx", dryRun: false });
    if (r.applied || r.counts.unchanged !== ROWS) throw new Error("re-import changed something");
  });
  console.log(`\nXLSX benchmark — ${ROWS.toLocaleString("en")} commitments, ${MEMBERS} members; exported file ${fileMb} MB\n`);
  console.table(results);
} finally {
  await workers.close();
  await s.db.close();
  rmSync(s.dir, { recursive: true, force: true });
}
