// Starts the app for the end-to-end stories: a fresh embedded database with the demo commune,
// never a PostgreSQL server from the environment. Playwright stops it when the run ends.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const port = process.env.E2E_PORT ?? "3210";
const dataDir = path.join(os.tmpdir(), `dvk-e2e-${port}`);
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });

// the reminder job turns every 2 s, so a story sees the reminders of a deadline it has just set
const env = { ...process.env, PORT: port, HOST: "127.0.0.1", DATA_DIR: dataDir, SEED_DEMO: "1", REMINDER_INTERVAL_SECONDS: "2" };
delete env.DATABASE_URL;

const child = spawn("npx", ["tsx", "src/server/main.ts"], { env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
