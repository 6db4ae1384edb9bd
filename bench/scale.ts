/**
 * `npm run bench:scale -- --scale commune|province|large`: builds a synthetic province on a
 * PostgreSQL server (DATABASE_URL; a fresh database `dvk_bench_<scale>` is created and dropped) —
 * or on PGlite when DATABASE_URL is unset — in SQL, not row by row, then times the request paths
 * that grow with the tree through the real app (app.inject, a province-scoped account) and prints
 * one JSON line. Every figure is measured in the same run as its baseline: `groupByP50Ms` is one
 * plain GROUP BY over the same approved commitments of the top unit's subtree, `rawInsertRps64`
 * single-row INSERTs from 64 concurrent clients of the same driver.
 *
 * Synthetic data: province → communes → cells → members, five commitments per member, every
 * sheet approved, about a third of the commitments achieved, no violations (so a commitment's
 * stored outcome is its status by the one rule).
 */
import { parseArgs } from "node:util";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildApp } from "../src/server/app.js";
import { loadConfig } from "../src/server/config.js";
import { openPglite, openPostgres, type Db } from "../src/server/db/client.js";
import { migrate } from "../src/server/db/migrate.js";
import { hashPassword } from "../src/server/features/auth/passwords.js";
import type { App } from "../src/server/http/app-types.js";

const SCALES = {
  commune: { communes: 1, cells: 12, members: 50, perMember: 5 }, // 3,000
  province: { communes: 100, cells: 30, members: 21, perMember: 5 }, // 315,000
  large: { communes: 400, cells: 30, members: 21, perMember: 5 }, // 1,260,000
} as const;
type Scale = keyof typeof SCALES;

const { values } = parseArgs({ options: { scale: { type: "string", default: "commune" }, runs: { type: "string", default: "20" } } });
const scale = values.scale as Scale;
if (!(scale in SCALES)) {
  console.error(`--scale phải là một trong: ${Object.keys(SCALES).join(", ")}`);
  process.exit(2);
}
const RUNS = Number(values.runs);
const shape = SCALES[scale];
const PASSWORD = "Bench-Scale-2026";

function pct(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! * 10) / 10;
}

async function time(fn: () => Promise<unknown>, runs = RUNS): Promise<number[]> {
  // warm-up, as on a server that has been running: plans cached, pages in memory, the code
  // optimized by V8 (its first ten calls took two to four times as long as the rest)
  for (let i = 0; i < 10; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

async function openDatabase(): Promise<{ db: Db; drop: () => Promise<void>; url: string | null }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = mkdtempSync(path.join(tmpdir(), "dvk-bench-scale-"));
    const db = await openPglite(dir);
    return { db, url: null, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `dvk_bench_${scale}`;
  const admin = openPostgres(url, 1);
  await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.exec(`CREATE DATABASE ${name}`);
  await admin.close();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = openPostgres(u.toString(), 70);
  return {
    db,
    url: u.toString(),
    drop: async () => {
      const a = openPostgres(url, 1);
      await a.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.close();
    },
  };
}

/** The synthetic province, in a handful of set-based statements. */
async function generate(db: Db) {
  const hash = await hashPassword(PASSWORD);
  await db.transaction(async (tx) => {
    // A bulk load: row triggers off (paths, counts and members are built once at the end, from
    // scratch, exactly as the triggers would have kept them; the province key, which they would
    // fill, is written here: the whole tree is one province).
    await tx.query("SET LOCAL session_replication_role = replica");
    await tx.query(`INSERT INTO units (id, kind, code) VALUES ('00000000-0000-4000-8000-000000000001', 'provincial_party_committee', 'tinh-bench')`);
    await tx.query(`INSERT INTO unit_versions (unit_id, name, symbol_code, valid_from, search_key)
                    VALUES ('00000000-0000-4000-8000-000000000001', 'Đảng bộ tỉnh Thử Tải', 'TU', '2000-01-01', 'dang bo tinh thu tai')`);
    await tx.query(
      `INSERT INTO units (id, kind, code) SELECT bench_uuid('commune' || g), 'commune_party_committee', 'xa-bench-' || g FROM generate_series(1, $1::int) g`,
      [shape.communes],
    );
    await tx.query(
      `INSERT INTO unit_versions (unit_id, name, symbol_code, parent_id, valid_from, search_key)
       SELECT bench_uuid('commune' || g), 'Đảng ủy xã Thử ' || g, 'ĐU', '00000000-0000-4000-8000-000000000001', '2000-01-01', 'dang uy xa thu ' || g
         FROM generate_series(1, $1::int) g`,
      [shape.communes],
    );
    await tx.query(
      `INSERT INTO units (id, kind, code)
       SELECT bench_uuid('cell' || c || '-' || k), 'party_cell', 'cb-bench-' || c || '-' || k FROM generate_series(1, $1::int) c, generate_series(1, $2::int) k`,
      [shape.communes, shape.cells],
    );
    await tx.query(
      `INSERT INTO unit_versions (unit_id, name, symbol_code, parent_id, valid_from, search_key)
       SELECT bench_uuid('cell' || c || '-' || k), 'Chi bộ ' || k || ' xã Thử ' || c, 'CB', bench_uuid('commune' || c), '2000-01-01', 'chi bo ' || k || ' xa thu ' || c
         FROM generate_series(1, $1::int) c, generate_series(1, $2::int) k`,
      [shape.communes, shape.cells],
    );
    // members: persons and their positions (the members' trigger keeps their counts)
    await tx.query(
      `INSERT INTO persons (id, full_name, search_key, sort_key, categories)
       SELECT bench_uuid('p' || c || '-' || k || '-' || m),
              (ARRAY['Nguyễn','Trần','Lê','Phạm','Huỳnh','Võ'])[f] || ' Văn ' || (ARRAY['An','Bình','Cường','Dũng','Hùng','Lan'])[g] || ' ' || c || '-' || k || '-' || m,
              (ARRAY['nguyen','tran','le','pham','huynh','vo'])[f] || ' van ' || (ARRAY['an','binh','cuong','dung','hung','lan'])[g] || ' ' || c || '-' || k || '-' || m,
              (ARRAY['an','binh','cuong','dung','hung','lan'])[g] || ' ' || c || '-' || k || '-' || m, '{party_member}'
         FROM generate_series(1, $1::int) c, generate_series(1, $2::int) k, generate_series(1, $3::int) m,
              LATERAL (SELECT 1 + (c + k + m) % 6 AS f, 1 + (c * k + m) % 6 AS g) x`,
      [shape.communes, shape.cells, shape.members],
    );
    await tx.query(
      `INSERT INTO positions (person_id, unit_id, role, start_date, province_id)
       SELECT bench_uuid('p' || c || '-' || k || '-' || m), bench_uuid('cell' || c || '-' || k), CASE WHEN m = 1 THEN 'secretary' ELSE 'member' END, '2015-01-01',
              '00000000-0000-4000-8000-000000000001'
         FROM generate_series(1, $1::int) c, generate_series(1, $2::int) k, generate_series(1, $3::int) m`,
      [shape.communes, shape.cells, shape.members],
    );
    const [set] = await tx.query<{ id: string }>(
      "INSERT INTO criteria_sets (issuing_unit_id, name, year) VALUES ('00000000-0000-4000-8000-000000000001', 'Bộ tiêu chí thử tải', 2026) RETURNING id",
    );
    for (const [ci, code] of ["I", "II", "III", "IV", "V"].entries()) {
      const [c] = await tx.query<{ id: string }>("INSERT INTO criteria (set_id, code, title, sort) VALUES ($1, $2, $3, $4) RETURNING id", [set!.id, code, `Tiêu chí ${code}`, ci]);
      await tx.query("INSERT INTO criterion_items (criterion_id, code, title, sort) SELECT $1, $2 || '.' || k, 'Nội dung ' || k, k FROM generate_series(1, 4) k", [c!.id, code]);
    }
    await tx.query(
      `INSERT INTO campaigns (id, unit_id, name, year, period_start, period_end, criteria_set_id, status, report_deadline)
       VALUES ('00000000-0000-4000-8000-00000000c000', '00000000-0000-4000-8000-000000000001', 'Phong trào thử tải', 2026, '2026-01-01', '2026-12-31', $1, 'active', '2026-12-20')`,
      [set!.id],
    );
    await tx.query(
      `INSERT INTO registrations (id, campaign_id, unit_id, person_id, status, submitted_at, reviewed_at, province_id)
       SELECT bench_uuid('r' || c || '-' || k || '-' || m), '00000000-0000-4000-8000-00000000c000', bench_uuid('cell' || c || '-' || k),
              bench_uuid('p' || c || '-' || k || '-' || m), 'approved', now(), now(), '00000000-0000-4000-8000-000000000001'
         FROM generate_series(1, $1::int) c, generate_series(1, $2::int) k, generate_series(1, $3::int) m`,
      [shape.communes, shape.cells, shape.members],
    );
    // commitments: n-th of a member on item n of criterion n (I..V); every third achieved
    await tx.query(
      `WITH its AS (SELECT cr.sort AS s, array_agg(ci.id ORDER BY ci.sort) AS a FROM criterion_items ci JOIN criteria cr ON cr.id = ci.criterion_id WHERE cr.set_id = $4 GROUP BY cr.sort)
       INSERT INTO commitments (registration_id, criterion_item_id, action, deadline, status, achieved, sort, province_id)
       SELECT bench_uuid('r' || c || '-' || k || '-' || m), its.a[1 + (m % 4)], 'Việc làm thiết thực ' || n, '2026-12-01',
              CASE WHEN (c + k + m + n) % 3 = 0 THEN 'achieved' ELSE 'in_progress' END, (c + k + m + n) % 3 = 0, n, '00000000-0000-4000-8000-000000000001'
         FROM generate_series(1, $1::int) c, generate_series(1, $2::int) k, generate_series(1, $3::int) m, generate_series(0, 4) n
         JOIN its ON its.s = n`,
      [shape.communes, shape.cells, shape.members, set!.id],
    );
    // result reports: half the cells have one, a third of those still a draft
    await tx.query(
      `INSERT INTO result_reports (campaign_id, unit_id, status, submitted_at, strengths)
       SELECT '00000000-0000-4000-8000-00000000c000', bench_uuid('cell' || c || '-' || k), CASE WHEN k % 3 = 0 THEN 'draft' ELSE 'submitted' END,
              CASE WHEN k % 3 = 0 THEN NULL ELSE now() END, 'Báo cáo thử tải'
         FROM generate_series(1, $1::int) c, generate_series(1, $2::int) k WHERE k % 2 = 0`,
      [shape.communes, shape.cells],
    );
    // accounts: one for the province's mass-mobilisation board (view scope), one per member of the first cells
    await tx.query("INSERT INTO accounts (username, display_name, password_hash) VALUES ('tinh.bdv', 'Ban Dân vận tỉnh', $1)", [hash]);
    await tx.query(
      "INSERT INTO account_scopes (account_id, unit_id, scope) SELECT id, '00000000-0000-4000-8000-000000000001', 'view' FROM accounts WHERE username = 'tinh.bdv'",
    );
    await tx.query(
      `INSERT INTO accounts (username, display_name, password_hash, person_id)
       SELECT 'dv' || k || '-' || m, 'Đảng viên ' || k || '-' || m, $1, bench_uuid('p1-' || k || '-' || m)
         FROM generate_series(1, $2::int) k, generate_series(1, $3::int) m`,
      [hash, Math.min(shape.cells, 4), Math.min(shape.members, 16)],
    );
  });
  await db.exec(`
    SELECT unit_paths_rebuild();
    INSERT INTO unit_member_changes (unit_id, day, delta) SELECT unit_id, start_date, count(*) FROM positions GROUP BY 1, 2;
    INSERT INTO campaign_counts (campaign_id, unit_id, criterion_code, registered, achieved)
      SELECT r.campaign_id, r.unit_id, criterion_code_of_item(c.criterion_item_id), count(*), count(*) FILTER (WHERE c.achieved)
        FROM commitments c JOIN registrations r ON r.id = c.registration_id WHERE r.status = 'approved' GROUP BY 1, 2, 3
    ON CONFLICT DO NOTHING;
    INSERT INTO campaign_counts (campaign_id, unit_id, criterion_code, registrants)
      SELECT r.campaign_id, r.unit_id, '', count(*) FROM registrations r WHERE r.status = 'approved' GROUP BY 1, 2
    ON CONFLICT DO NOTHING;
    SELECT report_counts_bump(r.campaign_id, r.unit_id, r.status, r.submitted_at, c.report_deadline, unit_kind_reports(u.kind), 1)
      FROM result_reports r JOIN campaigns c ON c.id = r.campaign_id JOIN units u ON u.id = r.unit_id;
    SELECT branch_counts_rebuild();`);
  // vacuumed as well as analyzed, as a server's tables are in their steady state: otherwise the
  // autovacuum of the freshly loaded tables runs during the measurements and takes a core
  await db.exec("VACUUM ANALYZE");
}

async function signIn(app: App, username: string) {
  const r = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password: PASSWORD } });
  if (r.statusCode !== 200) throw new Error(`đăng nhập ${username}: ${r.statusCode} ${r.body}`);
  const cookie = String([r.headers["set-cookie"]].flat()[0]).split(";")[0]!;
  return { cookie, csrf: (r.json() as { csrfToken: string }).csrfToken };
}

async function get(app: App, who: { cookie: string }, url: string) {
  const r = await app.inject({ method: "GET", url, headers: { cookie: who.cookie } });
  if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 300)}`);
  return r;
}

function multipart(fields: Record<string, string>) {
  const boundary = "----dvkbench";
  const body = Object.entries(fields)
    .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join("");
  return { payload: `${body}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * Requests per second of `fn` run by 64 concurrent workers for a fixed number of calls, after a
 * warm-up round of the same size: as on a server that has been running, each of the 64 pooled
 * connections has its statements prepared and its triggers compiled (a fresh backend's first
 * calls cost several times the steady ones, and 640 calls are only ten per connection).
 */
async function rps64(total: number, fn: (i: number) => Promise<unknown>) {
  const round = async () => {
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: 64 }, async () => {
        for (let i = next++; i < total; i = next++) await fn(i);
      }),
    );
    return performance.now() - t0;
  };
  await round();
  return Math.round((total / (await round())) * 1000);
}

const { db, drop, url } = await openDatabase();
try {
  await migrate(db);
  // deterministic ids that are valid version-4 UUIDs (the API checks them)
  await db.exec(`CREATE FUNCTION bench_uuid(t text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
    SELECT (substr(md5(t), 1, 12) || '4' || substr(md5(t), 14, 3) || '8' || substr(md5(t), 18, 15))::uuid $$`);
  await generate(db);
  const top = "00000000-0000-4000-8000-000000000001";
  const campaign = "00000000-0000-4000-8000-00000000c000";
  const commitments = (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM commitments"))[0]!.n;
  const commune = (await db.query<{ id: string }>("SELECT bench_uuid('commune1') AS id"))[0]!.id;

  const config = { ...loadConfig({ DATA_DIR: "/nonexistent", WEB_DIR: "/nonexistent" }) };
  const app = await buildApp({ db, config, logger: false });
  await app.ready();
  const board = await signIn(app, "tinh.bdv");

  const rollupTop = await time(() => get(app, board, `/api/reports/${campaign}/units/${top}/rollup?limit=50`));
  const rollupCommune = await time(() => get(app, board, `/api/reports/${campaign}/units/${commune}/rollup?limit=50`));
  const groupBy = await time(() =>
    db.query(
      `SELECT cr.code, count(*), count(*) FILTER (WHERE c.status = 'achieved')
         FROM unit_subtree($1::uuid, '2026-12-02') s JOIN registrations r ON r.unit_id = s.unit_id AND r.campaign_id = $2 AND r.status = 'approved'
         JOIN commitments c ON c.registration_id = r.id JOIN criterion_items ci ON ci.id = c.criterion_item_id JOIN criteria cr ON cr.id = ci.criterion_id
        GROUP BY cr.code`,
      [top, campaign],
    ),
  );
  const notReported = await time(() => get(app, board, `/api/reports/${campaign}/units/${top}/submissions`));
  const peopleSearch = await time(() => get(app, board, `/api/people?q=${encodeURIComponent("nguyen van an 3")}`));
  const auditPage = await time(() => get(app, board, `/api/audit?limit=50`));

  // progress updates by members of the first cells, 64 at once, through the route
  const members = await db.query<{ username: string; commitment_id: string }>(
    `SELECT a.username, (SELECT c.id FROM registrations r JOIN commitments c ON c.registration_id = r.id WHERE r.person_id = a.person_id ORDER BY c.sort LIMIT 1) AS commitment_id
       FROM accounts a WHERE a.person_id IS NOT NULL ORDER BY a.username`,
  );
  const sessions: { cookie: string; csrf: string; commitment: string }[] = [];
  for (const m of members) sessions.push({ ...(await signIn(app, m.username)), commitment: m.commitment_id });
  const form = multipart({ status: "in_progress", note: "Cập nhật tiến độ" });
  const progressRps64 = await rps64(Math.max(640, sessions.length * 10), async (i) => {
    const s = sessions[i % sessions.length]!;
    const r = await app.inject({
      method: "POST",
      url: `/api/commitments/${s.commitment}/progress`,
      headers: { cookie: s.cookie, "x-csrf-token": s.csrf, "content-type": form.contentType },
      payload: form.payload,
    });
    if (r.statusCode !== 201) throw new Error(`tiến độ: ${r.statusCode} ${r.body.slice(0, 300)}`);
  });
  await app.close();

  // the same driver, 64 clients, single-row INSERTs into a scratch table
  await db.exec("CREATE TABLE bench_scratch (id bigserial PRIMARY KEY, commitment_id uuid, status text, note text, created_at timestamptz DEFAULT now())");
  const raw = url ? openPostgres(url, 64) : db;
  const rawInsertRps64 = await rps64(Math.max(640, sessions.length * 10), (i) =>
    raw.query("INSERT INTO bench_scratch (commitment_id, status, note) VALUES ($1, 'in_progress', 'x')", [sessions[i % sessions.length]!.commitment]),
  );
  if (raw !== db) await raw.close();

  console.log(
    JSON.stringify({
      scale,
      commitments,
      rollupTopP95Ms: pct(rollupTop, 95),
      rollupCommuneP95Ms: pct(rollupCommune, 95),
      groupByP50Ms: pct(groupBy, 50),
      progressRps64,
      rawInsertRps64,
      notReportedP95Ms: pct(notReported, 95),
      peopleSearchP95Ms: pct(peopleSearch, 95),
      auditPageP95Ms: pct(auditPage, 95),
    }),
  );
} finally {
  await db.close();
  if (!process.env.BENCH_KEEP) await drop();
}
