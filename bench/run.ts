/**
 * `npm run bench`: the XLSX export/import of a 100,000-commitment registration sheet and the
 * render of a 50-member registration sheet, on embedded PGlite. Each step runs in a fresh process
 * (bench/steps.ts) so its peak RSS is its own; the imports must finish within the limits below.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { StepResult } from "./steps.js";

/** Issue 7: "the 100k-row import within 10 s and 500 MB peak RSS". */
const IMPORT_LIMITS = { seconds: 10, peakRssMb: 500 };
const IMPORT_STEPS = ["import-dry-run", "import-apply", "import-again"];
const STEPS: [string, string][] = [
  ["generate", "generate the synthetic cell (PGlite initdb, 100k commitments)"],
  ["export", "export.xlsx (registrations)"],
  ["import-dry-run", "import dry run (all unchanged)"],
  ["import-apply", "import apply (all new, one transaction)"],
  ["import-again", "re-import same file (all unchanged)"],
  ["render", "registration sheet, 50 members (DOCX, PDF)"],
];

const rows = Number(process.env.BENCH_ROWS ?? 100_000);
const dir = mkdtempSync(path.join(tmpdir(), "dvk-bench-"));
const stepsFile = path.join(import.meta.dirname, "steps.ts");
const results: StepResult[] = [];
try {
  for (const [step, label] of STEPS) {
    // the same node with tsx's loader (process.execArgv) in a new process per step
    const out = execFileSync(process.execPath, [...process.execArgv, stepsFile, step, dir], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    const result = JSON.parse(out.trim().split("\n").at(-1)!) as StepResult;
    results.push(result);
    console.error(`${label}: ${result.seconds.toFixed(1)} s, peak RSS ${result.peakRssMb} MB`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const failures: string[] = [];
console.log(`\nXLSX benchmark — ${rows.toLocaleString("en")} commitments on PGlite; each step in its own process (peak RSS includes PGlite and the worker threads)\n`);
console.table(
  results.filter((r) => r.step !== "render").map((r) => {
    const limited = IMPORT_STEPS.includes(r.step);
    if (limited && r.seconds > IMPORT_LIMITS.seconds) failures.push(`${r.step}: ${r.seconds.toFixed(1)} s > ${IMPORT_LIMITS.seconds} s`);
    if (limited && r.peakRssMb > IMPORT_LIMITS.peakRssMb) failures.push(`${r.step}: peak RSS ${r.peakRssMb} MB > ${IMPORT_LIMITS.peakRssMb} MB`);
    return {
      step: r.step,
      seconds: r.seconds.toFixed(1),
      "cpu s (all threads)": r.cpuSeconds.toFixed(1),
      "peak rss MB": r.peakRssMb,
      limits: limited ? `≤ ${IMPORT_LIMITS.seconds} s, ≤ ${IMPORT_LIMITS.peakRssMb} MB` : "",
    };
  }),
);
const render = results.find((r) => r.step === "render");
if (render) {
  console.log("\nRegistration sheet, 50 members (250 rows), rendered on the worker pool — 20 renders each after a warm-up\n");
  console.table(
    (["docx", "pdf"] as const).map((f) => ({
      format: f,
      "p50 ms": render[`${f}P50Ms`],
      "p95 ms": render[`${f}P95Ms`],
      "max event-loop delay of the request thread, ms": render[`${f}MaxLoopDelayMs`],
    })),
  );
  console.log(`peak RSS of the render process: ${render.peakRssMb} MB`);
}
if (failures.length) {
  console.error(`\nLimits exceeded:\n  ${failures.join("\n  ")}`);
  process.exitCode = 1;
} else console.log(`\nImports within the limits (${IMPORT_LIMITS.seconds} s, ${IMPORT_LIMITS.peakRssMb} MB peak RSS).`);
