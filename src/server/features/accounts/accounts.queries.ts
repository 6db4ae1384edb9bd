import type { Queryable } from "../../db/client.js";
import { inScopeSql } from "../units/units.queries.js";

export interface AccountListRow {
  id: string;
  username: string;
  display_name: string;
  person_id: string | null;
  person_name: string | null;
  is_admin: boolean;
  disabled_at: Date | null;
  must_change_password: boolean;
  is_demo: boolean;
  created_at: Date;
}

export interface ScopeRow {
  account_id: string;
  unit_id: string;
  unit_name: string;
  scope: "manage" | "view";
}

/**
 * Accounts related to the actor's scope (units.queries inScopeSql; both null = all): a scope
 * there, or a person holding a current position there; by username, a page after `after`.
 */
export function listAccounts(db: Queryable, f: { scope: { units: string[] | null; roots: string[] | null }; key: string | null; today: string; after: string | null; limit: number }) {
  return db.query<AccountListRow>(
    `SELECT a.id, a.username, a.display_name, a.person_id, pe.full_name AS person_name, a.is_admin, a.disabled_at,
            a.must_change_password, a.is_demo, a.created_at
       FROM accounts a LEFT JOIN persons pe ON pe.id = a.person_id
      WHERE ($1::uuid[] IS NULL AND $5::uuid[] IS NULL
             OR EXISTS (SELECT 1 FROM account_scopes s WHERE s.account_id = a.id AND ${inScopeSql("s.unit_id", "$1", "$5", "$3")})
             OR EXISTS (SELECT 1 FROM positions p WHERE p.person_id = a.person_id AND ${inScopeSql("p.unit_id", "$1", "$5", "$3")}
                        AND p.start_date <= $3::date AND (p.end_date IS NULL OR p.end_date >= $3::date)))
        AND ($2::text IS NULL OR a.username LIKE '%' || $2 || '%' OR COALESCE(pe.search_key, '') LIKE '%' || $2 || '%')
        AND ($4::text IS NULL OR a.username > $4)
      ORDER BY a.username LIMIT $6`,
    [f.scope.units, f.key, f.today, f.after, f.scope.roots, f.limit],
  );
}

export function getAccount(db: Queryable, id: string) {
  return db
    .query<AccountListRow>(
      `SELECT a.id, a.username, a.display_name, a.person_id, pe.full_name AS person_name, a.is_admin, a.disabled_at,
              a.must_change_password, a.is_demo, a.created_at
         FROM accounts a LEFT JOIN persons pe ON pe.id = a.person_id WHERE a.id = $1`,
      [id],
    )
    .then((r) => r[0] ?? null);
}

export function listScopes(db: Queryable, accountIds: string[], today: string) {
  return db.query<ScopeRow>(
    `SELECT s.account_id, s.unit_id, COALESCE(l.name, '') AS unit_name, s.scope
       FROM account_scopes s LEFT JOIN units_latest($2::date) l ON l.unit_id = s.unit_id
      WHERE s.account_id = ANY($1::uuid[]) ORDER BY s.scope, l.name`,
    [accountIds, today],
  );
}

export function currentPositionUnits(db: Queryable, personId: string, today: string) {
  return db
    .query<{ unit_id: string }>(
      "SELECT unit_id FROM positions WHERE person_id = $1 AND start_date <= $2::date AND (end_date IS NULL OR end_date >= $2::date)",
      [personId, today],
    )
    .then((r) => r.map((x) => x.unit_id));
}

/** The units where each of these people holds a position today (a page of accounts in one round trip). */
export function listCurrentPositionUnits(db: Queryable, personIds: string[], today: string) {
  return db.query<{ person_id: string; unit_id: string }>(
    "SELECT person_id, unit_id FROM positions WHERE person_id = ANY($1::uuid[]) AND start_date <= $2::date AND (end_date IS NULL OR end_date >= $2::date)",
    [personIds, today],
  );
}

export function usernameTaken(db: Queryable, username: string) {
  return db.query("SELECT 1 FROM accounts WHERE username = $1", [username]).then((r) => r.length > 0);
}

export async function insertAccount(
  db: Queryable,
  a: { username: string; displayName: string; personId: string | null; passwordHash: string; isAdmin: boolean; mustChangePassword: boolean; createdBy: string | null; isDemo?: boolean },
) {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO accounts (username, display_name, person_id, password_hash, is_admin, must_change_password, created_by, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [a.username, a.displayName, a.personId, a.passwordHash, a.isAdmin, a.mustChangePassword, a.createdBy, a.isDemo ?? false],
  );
  return rows[0]!.id;
}

export async function replaceScopes(db: Queryable, accountId: string, scopes: { unitId: string; scope: string }[]) {
  await db.query("DELETE FROM account_scopes WHERE account_id = $1", [accountId]);
  for (const s of scopes) {
    await db.query("INSERT INTO account_scopes (account_id, unit_id, scope) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", [accountId, s.unitId, s.scope]);
  }
}

export async function setDisabled(db: Queryable, id: string, disabled: boolean) {
  await db.query("UPDATE accounts SET disabled_at = CASE WHEN $2 THEN now() ELSE NULL END WHERE id = $1", [id, disabled]);
}

export async function deleteSessions(db: Queryable, accountId: string) {
  await db.query("DELETE FROM sessions WHERE account_id = $1", [accountId]);
}
