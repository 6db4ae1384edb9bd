import { parseArgs } from "node:util";
import { todayInVietnam } from "@domain/dates.js";
import { recordAction } from "./audit/record-action.js";
import { loadConfig } from "./config.js";
import { openDb, type Db } from "./db/client.js";
import { migrate, MIGRATION_LOCK } from "./db/migrate.js";
import { seedDemoIfEmpty } from "./db/seed/demo.js";
import { backfillCommitmentOutcomes } from "./features/registrations/commitments.js";
import { hashPassword, passwordProblem } from "./features/auth/passwords.js";
import "./features/demo-seeders.js";

const HELP = `Công cụ quản trị (npm run cli -- <lệnh>)

  create-admin <tên đăng nhập> --password <mật khẩu> [--name "Tên hiển thị"]
  reset-password <tên đăng nhập> --password <mật khẩu>
  list-units [--as-of YYYY-MM-DD]
  seed-demo                 nạp dữ liệu mẫu vào cơ sở dữ liệu trống
  migrate                   áp dụng migration

Dùng DATABASE_URL=postgres://… để làm việc với máy chủ PostgreSQL; mặc định là PGlite trong DATA_DIR (./data).`;

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(db);
    await backfillCommitmentOutcomes(db, MIGRATION_LOCK);
    return await fn(db);
  } finally {
    await db.close();
  }
}

function fail(msg: string): never {
  console.error(msg);
  process.exit(2);
}

async function run(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { password: { type: "string" }, name: { type: "string" }, "as-of": { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  const [command, arg] = positionals;
  if (!command || values.help) return console.log(HELP);
  switch (command) {
    case "create-admin": {
      if (!arg || !values.password) fail("Cần tên đăng nhập và --password");
      const username = arg.toLowerCase();
      const password = values.password;
      const problem = passwordProblem(password);
      if (problem) fail(problem);
      const hash = await hashPassword(password);
      await withDb(async (db) => {
        const exists = await db.query("SELECT 1 FROM accounts WHERE username = $1", [username]);
        if (exists.length) fail(`Tài khoản "${username}" đã tồn tại`);
        await db.transaction(async (tx) => {
          const r = await tx.query<{ id: string }>(
            "INSERT INTO accounts (username, display_name, password_hash, is_admin) VALUES ($1, $2, $3, true) RETURNING id",
            [username, values.name ?? "Quản trị hệ thống", hash],
          );
          await recordAction(tx, null, { action: "account.create", subjectType: "account", subjectId: r[0]!.id, unitId: null, after: { username, isAdmin: true, via: "cli" } });
        });
      });
      return console.log(`Đã tạo tài khoản quản trị "${username}".`);
    }
    case "reset-password": {
      if (!arg || !values.password) fail("Cần tên đăng nhập và --password");
      const problem = passwordProblem(values.password);
      if (problem) fail(problem);
      const hash = await hashPassword(values.password);
      const found = await withDb((db) =>
        db.transaction(async (tx) => {
          const r = await tx.query<{ id: string }>("UPDATE accounts SET password_hash = $2, must_change_password = true WHERE username = $1 RETURNING id", [arg.toLowerCase(), hash]);
          if (!r[0]) return false;
          await tx.query("DELETE FROM sessions WHERE account_id = $1", [r[0].id]);
          await recordAction(tx, null, { action: "account.reset_password", subjectType: "account", subjectId: r[0].id, unitId: null, after: { via: "cli" } });
          return true;
        }),
      );
      if (!found) fail(`Không tìm thấy tài khoản "${arg}"`);
      return console.log(`Đã đặt lại mật khẩu cho "${arg}".`);
    }
    case "list-units": {
      const asOf = values["as-of"] ?? todayInVietnam();
      const rows = await withDb((db) =>
        db.query<{ code: string; kind: string; name: string; depth: number }>(
          `WITH RECURSIVE t AS (
             SELECT a.unit_id, a.name, 0 AS depth, a.name::text AS path FROM units_as_of($1::date) a WHERE a.parent_id IS NULL
             UNION ALL
             SELECT a.unit_id, a.name, t.depth + 1, t.path || ' / ' || a.name FROM units_as_of($1::date) a JOIN t ON a.parent_id = t.unit_id)
           SELECT u.code, u.kind, t.name, t.depth FROM t JOIN units u ON u.id = t.unit_id ORDER BY t.path`,
          [asOf],
        ),
      );
      console.log(`Cây tổ chức ngày ${asOf}:`);
      for (const r of rows) console.log(`${"  ".repeat(r.depth)}${r.name}  [${r.code}]`);
      return;
    }
    case "seed-demo":
      await withDb(async (db) => {
        if (!(await seedDemoIfEmpty(db))) fail("Cơ sở dữ liệu đã có dữ liệu; chỉ nạp dữ liệu mẫu vào cơ sở dữ liệu trống");
      });
      return console.log("Đã nạp dữ liệu mẫu.");
    case "migrate": {
      await withDb(async () => undefined);
      return console.log("Đã áp dụng migration.");
    }
    default:
      fail(`Lệnh không hợp lệ: ${command}\n\n${HELP}`);
  }
}

run(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
