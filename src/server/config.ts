import { availableParallelism } from "node:os";
import path from "node:path";
import { DEFAULT_REMINDER_TIMING, parseDaysBefore, type ReminderTiming } from "@domain/reminders.js";

/** Runtime configuration, parsed once from the environment so every module sees the same values. */
export interface Config {
  port: number;
  host: string;
  /** postgres://… when a PostgreSQL server is used; undefined means embedded PGlite. */
  databaseUrl: string | undefined;
  /**
   * postgres://… of a streaming replica of that server (DATABASE_REPLICA_URL): roll-ups, "who has
   * not reported" and the Excel exports read from it; undefined: they read the primary.
   */
  databaseReplicaUrl: string | undefined;
  dataDir: string;
  /** Seed the demo commune on an empty database. Default: yes for PGlite, no for a server or under NODE_ENV=production. */
  seedDemo: boolean;
  /**
   * May accounts flagged as demo accounts (`accounts.is_demo`, published password) sign in?
   * Default: exactly when this server runs as a demo (seedDemo); DEMO_ACCOUNTS=0/1 overrides.
   */
  demoAccounts: boolean;
  sessionTtlHours: number;
  secureCookies: boolean;
  /**
   * Which reverse proxies may set X-Forwarded-For/-Proto: false (the default: nobody, the socket's
   * address is the client) or a list of addresses/CIDR ranges. Trusting every
   * sender would let anyone forge the address the sign-in throttle counts by.
   */
  trustProxy: false | string;
  version: string;
  webDir: string;
  maxUploadBytes: number;
  /** Worker threads rendering DOCX/PDF/XLSX and reading uploaded spreadsheets (RENDER_WORKERS). */
  renderWorkers: number;
  /** Tasks allowed to wait for a worker; one more is answered 503 BUSY (RENDER_QUEUE). */
  renderQueue: number;
  /** Declared uncompressed bytes of the uploaded spreadsheets read at once, all together (IMPORT_BUDGET_BYTES); over it, 503 BUSY. */
  importBudgetBytes: number;
  /** Seconds between two turns of the reminder job (REMINDER_INTERVAL_SECONDS). */
  reminderIntervalSeconds: number;
  /** Lead times before each deadline (REMINDER_DAYS_BEFORE) and the window after it (REMINDER_AFTER_DAYS). */
  reminderTiming: ReminderTiming;
  /** SMTP server of the e-mail digest; null: no e-mail, the reminders stay in the app. */
  smtp: SmtpConfig | null;
  /** Hours between two digests to one person (DIGEST_EVERY_HOURS). */
  digestEveryHours: number;
  /** The address users open the app at, for the links of the e-mail (PUBLIC_URL), e.g. https://dvk.example.vn. */
  publicUrl: string | null;
}

/** SMTP_URL (smtp://user:pass@host:587, smtps://… for TLS) or SMTP_HOST/SMTP_PORT/SMTP_USER/SMTP_PASS/SMTP_SECURE; SMTP_FROM. */
export interface SmtpConfig {
  url: string | null;
  host: string | null;
  port: number;
  secure: boolean;
  user: string | null;
  pass: string | null;
  from: string;
}

function parseSmtp(env: NodeJS.ProcessEnv): SmtpConfig | null {
  const url = env.SMTP_URL?.trim() || null;
  const host = env.SMTP_HOST?.trim() || null;
  if (!url && !host) return null;
  const secure = parseBool(env.SMTP_SECURE) ?? false;
  return {
    url,
    host,
    port: Number(env.SMTP_PORT ?? (secure ? 465 : 587)),
    secure,
    user: env.SMTP_USER || null,
    pass: env.SMTP_PASS || null,
    from: env.SMTP_FROM?.trim() || "Dân vận khéo <no-reply@localhost>",
  };
}

function parseBool(v: string | undefined): boolean | undefined {
  if (v === undefined || v === "") return undefined;
  return ["1", "true", "yes", "on"].includes(v.toLowerCase());
}

/**
 * TRUST_PROXY: "10.0.0.5,10.0.0.0/8" or proxy-addr names ("loopback", "uniquelocal"). "true"/"*"
 * is refused: it trusts any client's own X-Forwarded-For.
 */
function parseTrustProxy(v: string | undefined): false | string {
  const value = v?.trim();
  if (!value || ["0", "false", "no", "off"].includes(value.toLowerCase())) return false;
  if (["1", "true", "yes", "on", "*", "all"].includes(value.toLowerCase())) {
    throw new Error("TRUST_PROXY phải là địa chỉ hoặc dải địa chỉ của reverse proxy (ví dụ 127.0.0.1 hoặc 10.0.0.0/8), không được tin mọi nguồn");
  }
  return value
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean)
    .join(",");
}

/** Reads the environment (or an override map in tests) into a typed Config. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  // a production server never becomes a demo by default, embedded database or not
  const seedDemo = parseBool(env.SEED_DEMO) ?? (databaseUrl === undefined && env.NODE_ENV !== "production");
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? "0.0.0.0",
    databaseUrl,
    // a replica only makes sense beside a server
    databaseReplicaUrl: (databaseUrl && env.DATABASE_REPLICA_URL) || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? "./data"),
    seedDemo,
    demoAccounts: parseBool(env.DEMO_ACCOUNTS) ?? seedDemo,
    sessionTtlHours: Number(env.SESSION_TTL_HOURS ?? 12),
    secureCookies: parseBool(env.SECURE_COOKIES) ?? false,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    version: env.npm_package_version ?? "0.1.0",
    webDir: path.resolve(env.WEB_DIR ?? "./dist/web"),
    maxUploadBytes: Number(env.MAX_UPLOAD_BYTES ?? 10 * 1024 * 1024),
    // one core stays with the request thread (and PGlite, which runs on it)
    renderWorkers: Math.max(1, Number(env.RENDER_WORKERS ?? availableParallelism() - 1)),
    renderQueue: Math.max(0, Number(env.RENDER_QUEUE ?? 16)),
    // two of the largest files the zip guard lets through (100 MB each) at once
    importBudgetBytes: Math.max(1, Number(env.IMPORT_BUDGET_BYTES ?? 200 * 1024 * 1024)),
    reminderIntervalSeconds: Math.max(1, Number(env.REMINDER_INTERVAL_SECONDS ?? 900)),
    reminderTiming: {
      daysBefore: parseDaysBefore(env.REMINDER_DAYS_BEFORE),
      afterWindowDays: Math.max(0, Number(env.REMINDER_AFTER_DAYS ?? DEFAULT_REMINDER_TIMING.afterWindowDays)),
    },
    smtp: parseSmtp(env),
    digestEveryHours: Math.max(0, Number(env.DIGEST_EVERY_HOURS ?? 24)),
    publicUrl: env.PUBLIC_URL?.trim().replace(/\/+$/, "") || null,
  };
}
