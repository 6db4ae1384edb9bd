import { mkdirSync } from "node:fs";
import { PGlite, types as pgliteTypes } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import pg from "pg";

/**
 * One small interface over the two PostgreSQL engines we run on: embedded PGlite (default) and a
 * PostgreSQL server through `pg`. Everything above this file writes plain PostgreSQL.
 *
 * Why not an ORM: the features lean on recursive CTEs (unit subtrees as of a date) and roll-ups
 * that read best as SQL; each feature owns its SQL in `<feature>.queries.ts` with typed rows.
 */
export interface Queryable {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

export type Tx = Queryable;

export interface Db extends Queryable {
  readonly kind: "pglite" | "postgres";
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

// Same JS shapes from both engines: counts as numbers, `date` as 'YYYY-MM-DD' (never a Date
// shifted by the server's time zone), timestamptz as Date.
pg.types.setTypeParser(INT8, (v: string) => Number(v));
pg.types.setTypeParser(NUMERIC, (v: string) => Number(v));
pg.types.setTypeParser(DATE, (v: string) => v);

/**
 * PGlite's shared buffers. Its default, PostgreSQL's 128 MB, is allocated in the WebAssembly heap
 * of the app's own process; a commune's database is a few MB and the 100,000-row import's sheet
 * about 40 MB, and pages beyond the buffers are still read from the operating system's file
 * cache. 32 MB keeps the app's resident memory about 100 MB lower (issue 7, item 5).
 */
export const PGLITE_SHARED_BUFFERS = "32MB";

/** Opens PGlite in `dataDir` (or in memory when dataDir is 'memory://'). */
export async function openPglite(dataDir: string, opts: { loadDataDir?: Blob } = {}): Promise<Db> {
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, {
    // people search uses a trigram index (migration 0041); PostgreSQL ships the same extension
    extensions: { pg_trgm },
    startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
    parsers: {
      [pgliteTypes.INT8]: (v: string) => Number(v),
      [pgliteTypes.NUMERIC]: (v: string) => Number(v),
      [pgliteTypes.DATE]: (v: string) => v,
    },
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
  });
  const wrap = (q: { query: PGlite["query"]; exec: PGlite["exec"] }): Queryable => ({
    async query<T>(text: string, params: unknown[] = []) {
      const r = await q.query<T>(text, params);
      return r.rows;
    },
    async exec(text: string) {
      await q.exec(text);
    },
  });
  return {
    kind: "pglite",
    ...wrap(client),
    transaction: (fn) => client.transaction((t) => fn(wrap(t))),
    close: () => client.close(),
    // exposed for tests that clone a migrated template
    ...({ raw: client } as object),
  };
}

/**
 * Statements that every request runs (the session, the roll-up's reads) are prepared once per
 * connection on a PostgreSQL server, so they are not planned again each time (planning those
 * joins cost 1–4 ms a request at province scale). Only module-level constant texts are
 * registered, so the number of prepared statements per connection stays bounded; PGlite plans
 * in-process and ignores this.
 */
const preparedNames = new Map<string, string>();

export function prepared(name: string, text: string): string {
  const known = preparedNames.get(text);
  if (known && known !== name) throw new Error(`Câu lệnh đã được đăng ký với tên ${known}`);
  preparedNames.set(text, name);
  return text;
}

/** Opens a pool on a PostgreSQL server. */
export function openPostgres(url: string, max = 10): Db {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection that the server ends (a restart, a dropped test database) makes the pool
  // emit 'error'; unhandled, that would crash the process. The pool discards the connection and
  // opens a new one when needed, so it is only worth a log line.
  pool.on("error", (err) => {
    if ((err as { code?: string }).code !== "57P01") console.error("PostgreSQL: kết nối rỗi bị đóng:", err.message);
  });
  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => {
    // One connection runs one statement at a time: services read with Promise.all, and inside a
    // transaction those reads share its connection, so they are chained here (pg 9 will refuse
    // overlapping calls on a client; a pool hands each call its own connection).
    let tail: Promise<unknown> = Promise.resolve();
    const run = <R>(f: () => Promise<R>): Promise<R> => {
      if (c instanceof pg.Pool) return f();
      const next = tail.then(f, f);
      tail = next.catch(() => undefined);
      return next;
    };
    return {
      async query<T>(text: string, params: unknown[] = []) {
        const name = preparedNames.get(text);
        const r = await run(() => (name ? c.query({ name, text, values: params }) : c.query(text, params)));
        return r.rows as T[];
      },
      async exec(text: string) {
        await run(() => c.query(text));
      },
    };
  };
  return {
    kind: "postgres",
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(wrap(client));
        await client.query("COMMIT");
        return result;
      } catch (err) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** PGlite by default, a server when a URL is given. */
export async function openDb(opts: { databaseUrl?: string; dataDir: string }): Promise<Db> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}
