import { buildApp } from "./app.js";
import { loadConfig } from "./config.js";
import { openDb } from "./db/client.js";
import { migrate, MIGRATION_LOCK } from "./db/migrate.js";
import { countDemoAccounts, DEMO_PASSWORD, demoAccountLines, seedDemoIfEmpty } from "./db/seed/demo.js";
import "./features/demo-seeders.js";
import { backfillCommitmentOutcomes } from "./features/registrations/commitments.js";
import { createSmtpMailer } from "./features/notifications/digest.js";
import { startBranchFold } from "./jobs/branch-fold.js";
import { startReminders } from "./jobs/reminders.js";

/** Process entry: config, database, migrations, demo data when asked, HTTP server, clean shutdown. */
async function main() {
  const config = loadConfig();
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrate(db);
  if (applied.length) console.log(`Đã áp dụng ${applied.length} migration: ${applied.join(", ")}`);
  const filled = await backfillCommitmentOutcomes(db, MIGRATION_LOCK);
  if (filled) console.log(`Đã tính kết quả của ${filled} việc làm đăng ký trước đây`);
  const seeded = config.seedDemo && (await seedDemoIfEmpty(db));
  const app = await buildApp({ db, config, logger: { level: process.env.LOG_LEVEL ?? "warn" } });
  const fold = startBranchFold(db);
  const reminders = startReminders(db, {
    everyMs: config.reminderIntervalSeconds * 1000,
    timing: config.reminderTiming,
    mailer: config.smtp ? createSmtpMailer(config.smtp) : null,
    digestEveryHours: config.digestEveryHours,
    publicUrl: config.publicUrl,
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`\nNhận ${signal}, đang dừng máy chủ…`);
    try {
      await fold.stop();
      await reminders.stop();
      await app.close();
    } finally {
      await db.close();
      process.exit(0);
    }
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  await app.listen({ port: config.port, host: config.host });
  const shownHost = config.host === "0.0.0.0" ? "localhost" : config.host;
  // the port actually bound: PORT=0 lets the system choose a free one (the durability test does)
  const bound = app.server.address();
  console.log(`Dân vận khéo đang chạy tại http://${shownHost}:${typeof bound === "object" && bound ? bound.port : config.port}`);
  console.log(`Cơ sở dữ liệu: ${db.kind === "pglite" ? `PGlite (${config.dataDir})` : "PostgreSQL"}`);
  const demo = await countDemoAccounts(db);
  if (demo > 0 && config.demoAccounts && (seeded || config.seedDemo)) {
    console.log(`Tài khoản dùng thử (mật khẩu: ${DEMO_PASSWORD}):`);
    for (const line of demoAccountLines()) console.log(line);
  } else if (demo > 0 && !config.demoAccounts) {
    console.log(`Cơ sở dữ liệu có ${demo} tài khoản trình diễn (mật khẩu mặc định); máy chủ không chạy chế độ trình diễn nên từ chối đăng nhập bằng các tài khoản này.`);
  }
}

main().catch((err: unknown) => {
  console.error("Không khởi động được:", err);
  process.exit(1);
});
