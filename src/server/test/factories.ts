import { nameSortKey, searchKey } from "@domain/vietnamese-text.js";
import { hashPassword } from "../features/auth/passwords.js";
import type { Queryable } from "../db/client.js";
import { unique } from "./support.js";

/**
 * Factories write straight to the database so each test builds the subtree it needs without
 * going through (and depending on) other features' routes.
 */
export async function buildUnit(
  db: Queryable,
  o: { parentId?: string | null; kind?: string; name?: string; symbolCode?: string; validFrom?: string; validTo?: string | null; shortName?: string | null } = {},
): Promise<string> {
  const code = unique("u");
  const r = await db.query<{ id: string }>("INSERT INTO units (kind, code) VALUES ($1, $2) RETURNING id", [o.kind ?? "party_cell", code]);
  const id = r[0]!.id;
  const name = o.name ?? `Chi bộ thử ${code}`;
  await db.query(
    `INSERT INTO unit_versions (unit_id, name, short_name, symbol_code, parent_id, valid_from, valid_to, search_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, name, o.shortName ?? null, o.symbolCode ?? "CB", o.parentId ?? null, o.validFrom ?? "2000-01-01", o.validTo ?? null, searchKey(name)],
  );
  return id;
}

export async function buildPerson(
  db: Queryable,
  o: { fullName?: string; unitId?: string; role?: string; title?: string | null; startDate?: string; categories?: string[] } = {},
): Promise<{ personId: string; positionId: string | null }> {
  const fullName = o.fullName ?? `Người Thử ${unique("p")}`;
  const r = await db.query<{ id: string }>(
    "INSERT INTO persons (full_name, search_key, sort_key, categories) VALUES ($1, $2, $3, $4::text[]) RETURNING id",
    [fullName, searchKey(fullName), nameSortKey(fullName), o.categories ?? ["party_member"]],
  );
  const personId = r[0]!.id;
  let positionId: string | null = null;
  if (o.unitId) {
    const p = await db.query<{ id: string }>(
      "INSERT INTO positions (person_id, unit_id, role, title, start_date) VALUES ($1, $2, $3, $4, $5) RETURNING id",
      [personId, o.unitId, o.role ?? "member", o.title ?? null, o.startDate ?? "2015-01-01"],
    );
    positionId = p[0]!.id;
  }
  return { personId, positionId };
}

let cachedHash: Promise<string> | null = null;
export const TEST_PASSWORD = "matkhau123";

export async function buildAccount(
  db: Queryable,
  o: { username?: string; personId?: string | null; scopes?: { unitId: string; scope: "manage" | "view" }[]; isAdmin?: boolean } = {},
): Promise<{ accountId: string; username: string }> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const username = o.username ?? unique("acc").toLowerCase();
  const r = await db.query<{ id: string }>(
    "INSERT INTO accounts (username, display_name, person_id, password_hash, is_admin) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    [username, username, o.personId ?? null, await cachedHash, o.isAdmin ?? false],
  );
  const accountId = r[0]!.id;
  for (const s of o.scopes ?? []) {
    await db.query("INSERT INTO account_scopes (account_id, unit_id, scope) VALUES ($1, $2, $3)", [accountId, s.unitId, s.scope]);
  }
  return { accountId, username };
}
