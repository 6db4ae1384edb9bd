import type { Queryable } from "../../db/client.js";

export interface UnitVersionRow {
  id: string;
  kind: string;
  code: string;
  version_id: string;
  name: string;
  short_name: string | null;
  symbol_code: string;
  parent_id: string | null;
  valid_from: string;
  valid_to: string | null;
  member_count: number;
}

/** Every unit with the version valid on `asOf`, and its member count on that date. */
export function listUnitsAsOf(db: Queryable, asOf: string) {
  return db.query<UnitVersionRow>(
    `SELECT u.id, u.kind, u.code, v.id AS version_id, v.name, v.short_name, v.symbol_code, v.parent_id, v.valid_from, v.valid_to,
            (SELECT count(DISTINCT p.person_id) FROM positions p WHERE p.unit_id = u.id AND p.start_date <= $1::date
               AND (p.end_date IS NULL OR p.end_date >= $1::date)) AS member_count
       FROM units u JOIN unit_versions v ON v.unit_id = u.id
      WHERE v.valid_from <= $1::date AND (v.valid_to IS NULL OR v.valid_to >= $1::date)`,
    [asOf],
  );
}

export function getUnitAsOf(db: Queryable, id: string, asOf: string) {
  return listUnitVersionsQuery(db, "u.id = $2", [asOf, id]).then((r) => r[0] ?? null);
}

function listUnitVersionsQuery(db: Queryable, where: string, params: unknown[]) {
  return db.query<UnitVersionRow>(
    `SELECT u.id, u.kind, u.code, v.id AS version_id, v.name, v.short_name, v.symbol_code, v.parent_id, v.valid_from, v.valid_to,
            (SELECT count(DISTINCT p.person_id) FROM positions p WHERE p.unit_id = u.id AND p.start_date <= $1::date
               AND (p.end_date IS NULL OR p.end_date >= $1::date)) AS member_count
       FROM units u JOIN unit_versions v ON v.unit_id = u.id
      WHERE v.valid_from <= $1::date AND (v.valid_to IS NULL OR v.valid_to >= $1::date) AND ${where}`,
    params,
  );
}

export function listChildrenAsOf(db: Queryable, parentId: string, asOf: string) {
  return listUnitVersionsQuery(db, "v.parent_id = $2", [asOf, parentId]);
}

export function getUnitBase(db: Queryable, id: string) {
  return db.query<{ id: string; kind: string; code: string }>("SELECT id, kind, code FROM units WHERE id = $1", [id]).then((r) => r[0] ?? null);
}

export function unitCodeExists(db: Queryable, code: string) {
  return db.query("SELECT 1 FROM units WHERE code = $1", [code]).then((r) => r.length > 0);
}

export interface VersionRow {
  id: string;
  unit_id: string;
  name: string;
  short_name: string | null;
  symbol_code: string;
  parent_id: string | null;
  parent_name: string | null;
  valid_from: string;
  valid_to: string | null;
}

/** All versions of a unit, oldest first, with the parent's name as it was at each version's start. */
export function listVersions(db: Queryable, unitId: string) {
  return db.query<VersionRow>(
    `SELECT v.id, v.unit_id, v.name, v.short_name, v.symbol_code, v.parent_id, v.valid_from, v.valid_to,
            (SELECT pv.name FROM unit_versions pv WHERE pv.unit_id = v.parent_id AND pv.valid_from <= v.valid_from
               ORDER BY pv.valid_from DESC LIMIT 1) AS parent_name
       FROM unit_versions v WHERE v.unit_id = $1 ORDER BY v.valid_from`,
    [unitId],
  );
}

export async function insertUnit(db: Queryable, u: { kind: string; code: string }) {
  const rows = await db.query<{ id: string }>("INSERT INTO units (kind, code) VALUES ($1, $2) RETURNING id", [u.kind, u.code]);
  return rows[0]!.id;
}

export async function insertVersion(
  db: Queryable,
  v: { unitId: string; name: string; shortName: string | null; symbolCode: string; parentId: string | null; validFrom: string; validTo?: string | null; searchKey: string },
) {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO unit_versions (unit_id, name, short_name, symbol_code, parent_id, valid_from, valid_to, search_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [v.unitId, v.name, v.shortName, v.symbolCode, v.parentId, v.validFrom, v.validTo ?? null, v.searchKey],
  );
  return rows[0]!.id;
}

export async function closeVersion(db: Queryable, versionId: string, lastDay: string) {
  await db.query("UPDATE unit_versions SET valid_to = $2 WHERE id = $1", [versionId, lastDay]);
}

export async function deleteVersion(db: Queryable, versionId: string) {
  await db.query("DELETE FROM unit_versions WHERE id = $1", [versionId]);
}

/** One lookup in the closure: `root` itself, or a path of depth > 0 that holds on `day` until `end` (valid_to or latest_to). */
function pathHolds(db: Queryable, end: "valid_to" | "latest_to", root: string, candidate: string, day: string) {
  return db
    .query<{ inside: boolean }>(
      `SELECT $1::uuid = $2::uuid OR EXISTS (SELECT 1 FROM unit_paths p WHERE p.ancestor_id = $1 AND p.descendant_id = $2 AND p.depth > 0
                                              AND p.valid_from <= $3::date AND (p.${end} IS NULL OR p.${end} >= $3::date)) AS inside`,
      [root, candidate, day],
    )
    .then((r) => r[0]?.inside === true);
}

/** Is `candidate` inside the subtree of `root` (root included) on the tree as of a date (the tree of unit_subtree)? */
export function isInSubtree(db: Queryable, root: string, candidate: string, asOf: string) {
  return pathHolds(db, "valid_to", root, candidate, asOf);
}

/**
 * The same on the permissions' tree (unit_scope_subtree: a unit's latest version stays in force,
 * so a unit that has ended is still under its last parent): who takes part in a campaign.
 */
export function isInScopeSubtree(db: Queryable, root: string, candidate: string, day: string) {
  return pathHolds(db, "latest_to", root, candidate, day);
}

/**
 * Does the subtree of `root` on the permissions' tree hold one of `candidates` (root included)?
 * One probe of the closure per candidate, however large the subtree (who takes part in a campaign
 * launched by a province).
 */
export function anyInScopeSubtree(db: Queryable, root: string, candidates: string[], day: string) {
  if (candidates.length === 0) return Promise.resolve(false);
  return db
    .query<{ inside: boolean }>(
      `SELECT $1::uuid = ANY($2::uuid[]) OR EXISTS (SELECT 1 FROM unit_paths p WHERE p.ancestor_id = $1 AND p.descendant_id = ANY($2::uuid[]) AND p.depth > 0
                                                     AND p.valid_from <= $3::date AND (p.latest_to IS NULL OR p.latest_to >= $3::date)) AS inside`,
      [root, candidates, day],
    )
    .then((r) => r[0]?.inside === true);
}

export function listMembersAsOf(db: Queryable, unitId: string, asOf: string) {
  return db.query<{ position_id: string; person_id: string; full_name: string; role: string; title: string | null; start_date: string; end_date: string | null }>(
    `SELECT p.id AS position_id, p.person_id, pe.full_name, p.role, p.title, p.start_date, p.end_date
       FROM positions p JOIN persons pe ON pe.id = p.person_id
      WHERE p.unit_id = $1 AND p.start_date <= $2::date AND (p.end_date IS NULL OR p.end_date >= $2::date)
      ORDER BY CASE p.role WHEN 'secretary' THEN 0 WHEN 'deputy_secretary' THEN 1 WHEN 'committee_member' THEN 2 ELSE 3 END,
               pe.sort_key COLLATE "C"`,
    [unitId, asOf],
  );
}

/** The units of a scope root's subtree on a day, the root included (the closure, migration 0040). */
/**
 * SQL condition: the unit `unitExpr` lies in the actor's scope, given as parameters `$units`
 * (the scope's units, when it is small) and `$roots` (the roots of its subtrees on the permissions'
 * tree as of `$day`, when it is large); both NULL = everything (see http/actor.ts scopeFilter).
 * A small scope looks its few units up by index; a large one (a province) checks each row's
 * ancestors in the closure instead of sending thousands of ids with every query.
 */
export function inScopeSql(unitExpr: string, units: string, roots: string, day: string): string {
  return `((${units}::uuid[] IS NULL AND ${roots}::uuid[] IS NULL)
           OR ${unitExpr} = ANY(${units}::uuid[])
           OR ${unitExpr} = ANY(${roots}::uuid[])
           OR (${roots}::uuid[] IS NOT NULL AND EXISTS (SELECT 1 FROM unit_paths sp WHERE sp.descendant_id = ${unitExpr} AND sp.ancestor_id = ANY(${roots}::uuid[])
                   AND sp.depth > 0 AND sp.valid_from <= ${day}::date AND (sp.latest_to IS NULL OR sp.latest_to >= ${day}::date))))`;
}

export function listScopeSubtree(db: Queryable, root: string, day: string) {
  return db.query<{ unit_id: string }>("SELECT unit_id FROM unit_scope_subtree($1, $2::date)", [root, day]).then((r) => r.map((x) => x.unit_id));
}
