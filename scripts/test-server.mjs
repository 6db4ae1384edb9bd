// Runs the server suite and then the durability suite (real server processes killed mid-write)
// on one engine: `pglite` (embedded, always) or `postgres` (the server in TEST_DATABASE_URL).
// The engine is chosen by TEST_DATABASE_URL alone, so the PGlite pass removes it: CI exports it
// for the whole run. Without a URL the PostgreSQL pass is skipped locally; with CI=true a skipped
// suite is a failure.
import { spawnSync } from "node:child_process";

const engine = process.argv[2];
if (engine !== "pglite" && engine !== "postgres") {
  console.error("Dùng: node scripts/test-server.mjs pglite|postgres");
  process.exit(2);
}
const env = { ...process.env };
if (engine === "pglite") {
  delete env.TEST_DATABASE_URL;
} else if (!env.TEST_DATABASE_URL) {
  if (env.CI === "true" || env.CI === "1") {
    console.error("TEST_DATABASE_URL chưa được đặt: bộ kiểm thử máy chủ trên PostgreSQL không chạy được (CI coi là thất bại).");
    process.exit(1);
  }
  console.warn("Bỏ qua bộ kiểm thử trên PostgreSQL: đặt TEST_DATABASE_URL=postgres://… để chạy (bash .ci/run tự khởi động một máy chủ tạm).");
  process.exit(0);
}
for (const project of ["server", "durability"]) {
  const report = `test-results/${project}-${engine}.json`;
  const r = spawnSync("npx", ["vitest", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
