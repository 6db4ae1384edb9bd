// Sums the JSON reports of every suite (vitest: unit, server on PGlite and PostgreSQL; Playwright)
// into one closing line "N passed, N failed" that CI reads, with the names of the failed tests
// printed just above it, so a red run says what failed without opening the log.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { relative } from "node:path";

let passed = 0;
let failed = 0;
let skipped = 0;
const dir = "test-results";
const lines = [];
const failures = [];

/** Vitest: every assertion result whose status is "failed", as "suite: file › test". */
function vitestFailures(report, suite) {
  for (const file of report.testResults ?? []) {
    const name = relative(process.cwd(), file.name ?? "");
    const failedTests = (file.assertionResults ?? []).filter((a) => a.status === "failed");
    for (const a of failedTests) failures.push(`${suite}: ${name} › ${a.fullName ?? a.title}`);
    // A file that failed to load has no assertion results but a message.
    if (file.status === "failed" && failedTests.length === 0) failures.push(`${suite}: ${name} (${(file.message ?? "").split("\n")[0]})`);
  }
}

/** Playwright: every test whose outcome is unexpected or flaky, as "e2e: [project] file:line › title". */
function playwrightFailures(report) {
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === "unexpected" || t.status === "flaky") {
          failures.push(`e2e: [${t.projectName}] ${spec.file}:${spec.line} › ${[...titles, spec.title].join(" › ")}${t.status === "flaky" ? " (flaky)" : ""}`);
        }
      }
    }
    for (const s of suite.suites ?? []) walk(s, s.title && !s.title.endsWith(".ts") ? [...titles, s.title] : titles);
  };
  for (const s of report.suites ?? []) walk(s, []);
}

for (const f of existsSync(dir) ? readdirSync(dir).filter((x) => x.endsWith(".json")).sort() : []) {
  const r = JSON.parse(readFileSync(`${dir}/${f}`, "utf8"));
  if (typeof r.numPassedTests === "number") {
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    lines.push(`${f}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
    vitestFailures(r, f.replace(/\.json$/, ""));
  } else if (r.stats) {
    passed += r.stats.expected ?? 0;
    failed += (r.stats.unexpected ?? 0) + (r.stats.flaky ?? 0);
    skipped += r.stats.skipped ?? 0;
    // A run that could not start (its server, a syntax error) has errors and no tests: a failure.
    const errors = r.errors ?? [];
    failed += errors.length;
    lines.push(`${f}: ${r.stats.expected} passed, ${(r.stats.unexpected ?? 0) + (r.stats.flaky ?? 0) + errors.length} failed`);
    playwrightFailures(r);
    for (const e of errors) failures.push(`e2e: ${String(e.message ?? e).split("\n")[0]}`);
  }
}
for (const l of lines) console.log(l);
if (failures.length) {
  console.log("Failed:");
  for (const l of failures) console.log(`  ✗ ${l}`);
}
if (skipped && (process.env.CI === "true" || process.env.CI === "1")) {
  console.log(`${skipped} skipped: a skipped test is a failure in CI`);
  failed += skipped;
}
console.log(`${passed} passed, ${failed} failed`);
