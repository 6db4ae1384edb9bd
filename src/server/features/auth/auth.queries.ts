import type { Queryable } from "../../db/client.js";
import type { ActorPosition } from "../../http/actor.js";

export interface AccountRow {
  id: string;
  username: string;
  display_name: string;
  person_id: string | null;
  password_hash: string;
  is_admin: boolean;
  must_change_password: boolean;
  disabled_at: Date | null;
}

export interface SessionRow {
  id: string;
  account_id: string;
  csrf_token: string;
  expires_at: Date;
}

export function findAccountByUsername(db: Queryable, username: string) {
  return db
    .query<AccountRow>("SELECT * FROM accounts WHERE username = $1", [username])
    .then((r) => r[0] ?? null);
}

export function getAccountById(db: Queryable, id: string) {
  return db.query<AccountRow>("SELECT * FROM accounts WHERE id = $1", [id]).then((r) => r[0] ?? null);
}

export async function insertSession(
  db: Queryable,
  s: { id: string; accountId: string; csrfToken: string; expiresAt: Date; ip: string | null; userAgent: string | null },
) {
  await db.query(
    "INSERT INTO sessions (id, account_id, csrf_token, expires_at, ip, user_agent) VALUES ($1, $2, $3, $4, $5, $6)",
    [s.id, s.accountId, s.csrfToken, s.expiresAt, s.ip, s.userAgent],
  );
}

/** A live session with its account and the tree's version (migration 0042), in one round trip. */
export function findLiveSession(db: Queryable, id: string) {
  return db
    .query<SessionRow & Omit<AccountRow, "id" | "password_hash"> & { tree_version: number }>(
      `SELECT s.id, s.account_id, s.csrf_token, s.expires_at, a.username, a.display_name, a.person_id, a.is_admin,
              a.must_change_password, a.disabled_at, (SELECT version FROM unit_tree_version) AS tree_version
         FROM sessions s JOIN accounts a ON a.id = s.account_id
        WHERE s.id = $1 AND s.expires_at > now()`,
      [id],
    )
    .then((r) => r[0] ?? null);
}

export async function deleteSession(db: Queryable, id: string) {
  await db.query("DELETE FROM sessions WHERE id = $1", [id]);
}

export async function deleteSessionsOfAccount(db: Queryable, accountId: string, exceptId?: string) {
  await db.query("DELETE FROM sessions WHERE account_id = $1 AND id <> $2", [accountId, exceptId ?? ""]);
}

export async function deleteExpiredSessions(db: Queryable) {
  await db.query("DELETE FROM sessions WHERE expires_at <= now()");
}

/** The account's scope roots with their names today (their subtrees come from the cache, scope-subtrees.ts). */
export function listScopeRoots(db: Queryable, accountId: string, today: string) {
  return db.query<{ root_id: string; root_name: string; scope: "manage" | "view" }>(
    `SELECT s.unit_id AS root_id, COALESCE(l.name, '') AS root_name, s.scope
       FROM account_scopes s
       LEFT JOIN units_latest($2::date) l ON l.unit_id = s.unit_id
      WHERE s.account_id = $1`,
    [accountId, today],
  );
}

export function listCurrentPositions(db: Queryable, personId: string, today: string) {
  return db.query<{ id: string; unit_id: string; unit_name: string; unit_kind: string; role: ActorPosition["role"]; title: string | null }>(
    `SELECT p.id, p.unit_id, COALESCE(l.name, '') AS unit_name, u.kind AS unit_kind, p.role, p.title
       FROM positions p JOIN units u ON u.id = p.unit_id
       LEFT JOIN units_latest($2::date) l ON l.unit_id = p.unit_id
      WHERE p.person_id = $1 AND p.start_date <= $2::date AND (p.end_date IS NULL OR p.end_date >= $2::date)
      ORDER BY p.start_date`,
    [personId, today],
  );
}

export interface ThrottleRow {
  key: string;
  failures: number;
  window_start: Date;
  locked_until: Date | null;
}

export function getThrottle(db: Queryable, keys: string[]) {
  return db.query<ThrottleRow>("SELECT * FROM login_throttle WHERE key = ANY($1::text[])", [keys]);
}

/**
 * Counts one failure (restarting the window when it is older than `windowSeconds`); from `limit`
 * failures on, locks the key for firstLockSeconds × 2^(failures − limit), at most maxLockSeconds.
 */
export async function addThrottleFailure(db: Queryable, key: string, limit: number, t: { windowSeconds: number; firstLockSeconds: number; maxLockSeconds: number }) {
  await db.query(
    `INSERT INTO login_throttle (key, failures, window_start) VALUES ($1, 1, now())
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN login_throttle.window_start < now() - make_interval(secs => $2) THEN 1 ELSE login_throttle.failures + 1 END,
       window_start = CASE WHEN login_throttle.window_start < now() - make_interval(secs => $2) THEN now() ELSE login_throttle.window_start END`,
    [key, t.windowSeconds],
  );
  await db.query(
    `UPDATE login_throttle SET locked_until = now() + make_interval(secs => LEAST($4::float8, $3::float8 * power(2, failures - $2)))
      WHERE key = $1 AND failures >= $2`,
    [key, limit, t.firstLockSeconds, t.maxLockSeconds],
  );
}

export async function clearThrottle(db: Queryable, key: string) {
  await db.query("DELETE FROM login_throttle WHERE key = $1", [key]);
}

export async function updatePasswordHash(db: Queryable, accountId: string, passwordHash: string, mustChange: boolean) {
  await db.query(
    "UPDATE accounts SET password_hash = $2, must_change_password = $3, password_changed_at = now() WHERE id = $1",
    [accountId, passwordHash, mustChange],
  );
}
