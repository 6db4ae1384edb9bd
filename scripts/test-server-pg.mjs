// Runs the server suite against a PostgreSQL server (TEST_DATABASE_URL). Without one it is
// skipped locally, but with CI=true a skipped suite is a failure.
import { spawnSync } from "node:child_process";

const url = process.env.TEST_DATABASE_URL;
if (!url) {
  if (process.env.CI === "true" || process.env.CI === "1") {
    console.error("TEST_DATABASE_URL chưa được đặt: bộ kiểm thử máy chủ trên PostgreSQL không chạy được (CI coi là thất bại).");
    process.exit(1);
  }
  console.warn("Bỏ qua bộ kiểm thử trên PostgreSQL: đặt TEST_DATABASE_URL=postgres://… để chạy (bash .ci/run tự khởi động một máy chủ tạm).");
  process.exit(0);
}
for (const [project, report] of [
  ["server", "server-postgres"],
  ["durability", "durability-postgres"],
]) {
  const r = spawnSync("npx", ["vitest", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=test-results/${report}.json`], {
    stdio: "inherit",
    env: process.env,
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
