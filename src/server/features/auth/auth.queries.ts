import { prepared, type Queryable } from "../../db/client.js";
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
  is_demo: boolean;
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

/** A unit's name in its latest version started by a day (the permissions' tree, units_latest), by index. */
const LATEST_NAME = (unit: string, day: string) =>
  `COALESCE((SELECT v.name FROM unit_versions v WHERE v.unit_id = ${unit} AND v.valid_from <= ${day} ORDER BY v.valid_from DESC LIMIT 1), '')`;

export interface ScopeRootRow {
  root_id: string;
  root_name: string;
  scope: "manage" | "view";
}

export interface CurrentPositionRow {
  id: string;
  unit_id: string;
  unit_name: string;
  unit_kind: string;
  role: ActorPosition["role"];
  title: string | null;
}

const FIND_LIVE_SESSION = prepared(
  "auth.findLiveSession",
  `SELECT s.id, s.account_id, s.csrf_token, s.expires_at, a.username, a.display_name, a.person_id, a.is_admin,
          a.must_change_password, a.disabled_at, a.is_demo, (SELECT version FROM unit_tree_version) AS tree_version,
          COALESCE((SELECT json_agg(json_build_object('root_id', sc.unit_id, 'root_name', ${LATEST_NAME("sc.unit_id", "$2::date")}, 'scope', sc.scope))
                      FROM account_scopes sc WHERE sc.account_id = a.id), '[]'::json) AS roots,
          COALESCE((SELECT json_agg(json_build_object('id', p.id, 'unit_id', p.unit_id, 'unit_name', ${LATEST_NAME("p.unit_id", "$2::date")},
                                                      'unit_kind', u.kind, 'role', p.role, 'title', p.title) ORDER BY p.start_date)
                      FROM positions p JOIN units u ON u.id = p.unit_id
                     WHERE p.person_id = a.person_id AND p.start_date <= $2::date AND (p.end_date IS NULL OR p.end_date >= $2::date)), '[]'::json) AS positions
     FROM sessions s JOIN accounts a ON a.id = s.account_id
    WHERE s.id = $1 AND s.expires_at > now()`,
);

/**
 * Everything a request needs to know who acts, in one round trip: the live session, its account,
 * the tree's version (migration 0042), the account's scope roots and the person's positions held
 * on `today` (their subtrees come from the cache, scope-subtrees.ts).
 */
export function findLiveSession(db: Queryable, id: string, today: string) {
  return db
    .query<SessionRow & Omit<AccountRow, "id" | "password_hash"> & { tree_version: number; roots: ScopeRootRow[]; positions: CurrentPositionRow[] }>(FIND_LIVE_SESSION, [id, today])
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
