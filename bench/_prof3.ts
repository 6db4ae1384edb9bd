import { buildApp } from "../src/server/app.js";
import { loadConfig } from "../src/server/config.js";
import { openPostgres } from "../src/server/db/client.js";
const db = openPostgres(process.env.U!, 70);
const app = await buildApp({ db, config: loadConfig({ DATA_DIR: "/nonexistent", WEB_DIR: "/nonexistent" }), logger: false });
await app.ready();
console.log(await db.query("SHOW plan_cache_mode"));
const r = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "tinh.bdv", password: "Bench-Scale-2026" } });
const cookie = String([r.headers["set-cookie"]].flat()[0]).split(";")[0]!;
for (const url of ["/api/reports/00000000-0000-4000-8000-00000000c000/units/00000000-0000-4000-8000-000000000001/rollup"]) {
  for (const n of [20, 60]) {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) { const t = performance.now(); await app.inject({ method: "GET", url, headers: { cookie } }); xs.push(performance.now() - t); }
  xs.sort((a, b) => a - b);
  const q = (p: number) => xs[Math.ceil(p * n) - 1]!.toFixed(1);
  console.log(n, "p50", q(0.5), "p90", q(0.9), "p95", q(0.95), "max", xs[n - 1]!.toFixed(1));
  }
}
await app.close(); await db.close();
