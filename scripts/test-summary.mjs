// Sums the JSON reports of every suite (vitest: unit, server on PGlite and PostgreSQL; Playwright)
// into one closing line "N passed, N failed" that CI reads.
import { existsSync, readdirSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
const dir = "test-results";
const lines = [];
for (const f of existsSync(dir) ? readdirSync(dir).filter((x) => x.endsWith(".json")).sort() : []) {
  const r = JSON.parse(readFileSync(`${dir}/${f}`, "utf8"));
  if (typeof r.numPassedTests === "number") {
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    lines.push(`${f}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
  } else if (r.stats) {
    passed += r.stats.expected ?? 0;
    failed += (r.stats.unexpected ?? 0) + (r.stats.flaky ?? 0);
    skipped += r.stats.skipped ?? 0;
    lines.push(`${f}: ${r.stats.expected} passed, ${(r.stats.unexpected ?? 0) + (r.stats.flaky ?? 0)} failed`);
  }
}
for (const l of lines) console.log(l);
if (skipped && (process.env.CI === "true" || process.env.CI === "1")) {
  console.log(`${skipped} skipped: a skipped test is a failure in CI`);
  failed += skipped;
}
console.log(`${passed} passed, ${failed} failed`);
