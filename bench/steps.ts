/**
 * One step of `npm run bench`, run by bench/run.ts in a process of its own so that the peak RSS
 * it reports (getrusage's maxRSS: every thread, the workers and embedded PGlite included) belongs
 * to that step alone. Usage: tsx bench/steps.ts <step> <dir> — prints one JSON line.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { OfficialDocument, TableBlock } from "../src/server/documents/document-model.js";
import { sampleRegistrationSheet } from "../src/server/documents/samples.js";
import { openPglite } from "../src/server/db/client.js";
import type { Actor } from "../src/server/http/actor.js";
import { REGISTRATION_COLUMNS } from "../src/server/features/spreadsheets/registrations-sheet.js";
import { exportRegistrations, importRegistrations } from "../src/server/features/spreadsheets/spreadsheets.service.js";
import { WorkerPool } from "../src/server/workers/worker-pool.js";
import { generate } from "./generate.js";

export interface BenchState {
  rows: number;
  members: number;
  unitId: string;
  campaignId: string;
  emptyCampaignId: string;
}

export interface StepResult {
  step: string;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  [extra: string]: unknown;
}

const admin: Actor = {
  accountId: "00000000-0000-4000-8000-000000000000",
  username: "bench",
  displayName: "bench",
  personId: null,
  isAdmin: true,
  isDemo: false,
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

/** A registration sheet of `members` members, each with four actions and a model: the table the issue measured. */
export function registrationSheetOf(members: number): OfficialDocument {
  const sample = sampleRegistrationSheet.body[0] as TableBlock;
  const rows: string[][] = [];
  for (let m = 0; m < members; m++) {
    for (let k = 0; k < 5; k++) {
      const base = [...(sample.rows[k % sample.rows.length] as string[])];
      base[0] = String(rows.length + 1);
      base[1] = `${base[1]} ${m + 1}`;
      base[5] = `${base[5]} — lần ${k + 1}, phối hợp với chi hội phụ huynh và ban nhân dân ấp, báo cáo kết quả hằng tháng`;
      rows.push(base);
    }
  }
  return { ...sampleRegistrationSheet, body: [{ ...sample, rows }] };
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

async function run(step: string, dir: string): Promise<Record<string, unknown>> {
  const state = () => JSON.parse(readFileSync(path.join(dir, "state.json"), "utf8")) as BenchState;
  const rows = Number(process.env.BENCH_ROWS ?? 100_000);
  const members = Number(process.env.BENCH_MEMBERS ?? 1_000);
  const workers = new WorkerPool({ threads: 1, queue: 0 });
  try {
    if (step === "generate") {
      const s = await generate({ members, commitments: rows, dir: path.join(dir, "db") });
      // the audit record references the account
      await s.db.query("INSERT INTO accounts (id, username, display_name, password_hash, is_admin) VALUES ($1, 'bench', 'bench', 'x', true)", [admin.accountId]);
      await s.db.close();
      // a file of new rows for the second campaign, without "Mã dòng"
      const fresh = await workers.renderXlsx({
        title: "x",
        sheetName: "Bảng đăng ký",
        columns: REGISTRATION_COLUMNS,
        rows: (function* () {
          for (let i = 0; i < rows; i++) {
            const it = s.items[i % s.items.length]!;
            yield { stt: i + 1, fullName: s.people[i % s.people.length]!.fullName, criterion: it.criterionCode, item: it.code, action: `Việc làm mới số ${i}`, target: "100%", startDate: "2020-03-01", deadline: "2020-12-31" };
          }
        })(),
      });
      writeFileSync(path.join(dir, "fresh.xlsx"), fresh);
      writeFileSync(path.join(dir, "state.json"), JSON.stringify({ rows, members, unitId: s.unitId, campaignId: s.campaignId, emptyCampaignId: s.emptyCampaignId } satisfies BenchState));
      return {};
    }
    if (step === "render") {
      // the request thread only waits: its event loop delay shows whether it stayed free
      const doc = registrationSheetOf(50);
      const out: Record<string, unknown> = {};
      for (const format of ["docx", "pdf"] as const) {
        const render = (d: OfficialDocument) => (format === "docx" ? workers.renderDocx(d) : workers.renderPdf(d));
        await render(doc); // the thread's first start and module loads are not the steady state
        const ms: number[] = [];
        const delay = monitorEventLoopDelay({ resolution: 10 });
        delay.enable();
        for (let i = 0; i < 20; i++) {
          const t0 = performance.now();
          await render(doc);
          ms.push(performance.now() - t0);
        }
        delay.disable();
        out[`${format}P50Ms`] = Math.round(percentile(ms, 50));
        out[`${format}P95Ms`] = Math.round(percentile(ms, 95));
        out[`${format}MaxLoopDelayMs`] = Math.round(delay.max / 1e6);
      }
      return out;
    }
    const s = state();
    const db = await openPglite(path.join(dir, "db"));
    try {
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      let extra: Record<string, unknown> = {};
      if (step === "export") {
        const exported = await exportRegistrations({ db, workers, actor: admin, campaignId: s.campaignId, unitId: s.unitId });
        writeFileSync(path.join(dir, "export.xlsx"), exported.body);
        extra = { fileMb: +(exported.body.length / 2 ** 20).toFixed(1) };
      } else {
        const plan = {
          "import-dry-run": { file: "export.xlsx", campaignId: s.campaignId, dryRun: true, expect: { unchanged: s.rows }, applied: false },
          "import-apply": { file: "fresh.xlsx", campaignId: s.emptyCampaignId, dryRun: false, expect: { create: s.rows }, applied: true },
          "import-again": { file: "fresh.xlsx", campaignId: s.emptyCampaignId, dryRun: false, expect: { unchanged: s.rows }, applied: false },
        }[step];
        if (!plan) throw new Error(`unknown step ${step}`);
        const file = readFileSync(path.join(dir, plan.file));
        const r = await importRegistrations({ db, workers, actor: admin, campaignId: plan.campaignId, unitId: s.unitId, file, fileName: plan.file, dryRun: plan.dryRun });
        const [key, want] = Object.entries(plan.expect)[0]!;
        if (!r.ok || r.applied !== plan.applied || r.counts[key as keyof typeof r.counts] !== want) throw new Error(`unexpected report ${JSON.stringify(r).slice(0, 500)}`);
      }
      const seconds = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, ...extra };
    } finally {
      await db.close();
    }
  } finally {
    await workers.close();
  }
}

const [step, dir] = process.argv.slice(2);
const t0 = performance.now();
const result = await run(step!, dir!);
const out: StepResult = {
  step: step!,
  seconds: (performance.now() - t0) / 1000,
  cpuSeconds: process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
  ...result,
  peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
};
console.log(JSON.stringify(out));
