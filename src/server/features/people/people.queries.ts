import type { Queryable } from "../../db/client.js";
import { inScopeSql } from "../units/units.queries.js";

export interface PersonRow {
  id: string;
  full_name: string;
  gender: string | null;
  birth_date: string | null;
  categories: string[];
  phone: string | null;
  email: string | null;
  external_code: string | null;
}

export interface PositionRow {
  id: string;
  person_id: string;
  unit_id: string;
  unit_name: string;
  role: string;
  title: string | null;
  start_date: string;
  end_date: string | null;
  end_reason: string | null;
}

export function getPersonName(db: Queryable, id: string) {
  return db.query<{ full_name: string }>("SELECT full_name FROM persons WHERE id = $1", [id]).then((r) => r[0]?.full_name ?? null);
}

export function getPerson(db: Queryable, id: string) {
  return db
    .query<PersonRow>("SELECT id, full_name, gender, birth_date, categories, phone, email, external_code FROM persons WHERE id = $1", [id])
    .then((r) => r[0] ?? null);
}

/** Where a page of the people list reads on from: the last person's sort key and id. */
export interface PersonKey {
  sortKey: string;
  id: string;
}

function peopleWhere() {
  return `
    ($4::uuid[] IS NULL AND $5::uuid[] IS NULL OR EXISTS (SELECT 1 FROM positions p WHERE p.person_id = pe.id AND ${inScopeSql("p.unit_id", "$4", "$5", "$3")}))
    AND ($1::text IS NULL OR pe.search_key LIKE '%' || $1 || '%')
    AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM positions p WHERE p.person_id = pe.id AND p.unit_id = $2
         AND p.start_date <= $3::date AND (p.end_date IS NULL OR p.end_date >= $3::date)))`;
}

type PeopleFilter = { scope: { units: string[] | null; roots: string[] | null }; key: string | null; unitId: string | null; today: string };

/**
 * People whose positions (any time) are in the given units (null = all), matching a search key,
 * sorted the Vietnamese way (sort key, then id): `limit` of them after `after`, read along the
 * index in that order (persons_sort_keyset, migration 0047). `unitId` narrows to people with a
 * current position in that unit.
 */
export function findPeople(db: Queryable, f: PeopleFilter & { after: PersonKey | null; limit: number }) {
  const params: unknown[] = [f.key, f.unitId, f.today, f.scope.units, f.scope.roots, f.limit];
  // left out of the first page rather than written `$x IS NULL OR …`, which a generic plan cannot use as an index bound
  const keyset = f.after ? `AND (pe.sort_key COLLATE "C", pe.id) > ($7::text COLLATE "C", $8::uuid)` : "";
  if (f.after) params.push(f.after.sortKey, f.after.id);
  return db.query<PersonRow & { sort_key: string }>(
    `SELECT pe.id, pe.full_name, pe.sort_key, pe.gender, pe.birth_date, pe.categories, pe.phone, pe.email, pe.external_code
       FROM persons pe WHERE ${peopleWhere()} ${keyset}
      ORDER BY pe.sort_key COLLATE "C", pe.id LIMIT $6`,
    params,
  );
}

/**
 * How many people match, counted up to PEOPLE_COUNT_CAP: counting every match would cost more
 * with every person of a province, so beyond the cap the list says "more than".
 */
export async function countPeople(db: Queryable, f: PeopleFilter) {
  const rows = await db.query<{ n: number }>(`SELECT count(*) AS n FROM (SELECT 1 FROM persons pe WHERE ${peopleWhere()} LIMIT ${PEOPLE_COUNT_CAP + 1}) x`, [
    f.key,
    f.unitId,
    f.today,
    f.scope.units,
    f.scope.roots,
  ]);
  const n = rows[0]?.n ?? 0;
  return { total: Math.min(n, PEOPLE_COUNT_CAP), totalCapped: n > PEOPLE_COUNT_CAP };
}

/** The people list counts its matches up to this many. */
export const PEOPLE_COUNT_CAP = 10_000;

/** Positions of several people, with unit names as of each position's start (or `asOf`). */
export function listPositions(db: Queryable, personIds: string[], opts: { currentOn?: string } = {}) {
  return db.query<PositionRow>(
    `SELECT p.id, p.person_id, p.unit_id,
            COALESCE((SELECT v.name FROM unit_versions v WHERE v.unit_id = p.unit_id
                       AND v.valid_from <= COALESCE($2::date, p.end_date, CURRENT_DATE) ORDER BY v.valid_from DESC LIMIT 1),
                     (SELECT v.name FROM unit_versions v WHERE v.unit_id = p.unit_id ORDER BY v.valid_from LIMIT 1)) AS unit_name,
            p.role, p.title, p.start_date, p.end_date, p.end_reason
       FROM positions p
      WHERE p.person_id = ANY($1::uuid[])
        AND ($2::date IS NULL OR (p.start_date <= $2::date AND (p.end_date IS NULL OR p.end_date >= $2::date)))
      ORDER BY p.start_date DESC, p.id`,
    [personIds, opts.currentOn ?? null],
  );
}

export function getPosition(db: Queryable, id: string) {
  return db
    .query<PositionRow>(
      `SELECT p.id, p.person_id, p.unit_id, '' AS unit_name, p.role, p.title, p.start_date, p.end_date, p.end_reason
         FROM positions p WHERE p.id = $1`,
      [id],
    )
    .then((r) => r[0] ?? null);
}

export async function insertPerson(
  db: Queryable,
  p: { fullName: string; searchKey: string; sortKey: string; gender: string | null; birthDate: string | null; categories: string[]; phone: string | null; email: string | null; externalCode: string | null },
) {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO persons (full_name, search_key, sort_key, gender, birth_date, categories, phone, email, external_code)
     VALUES ($1, $2, $3, $4, $5, $6::text[], $7, $8, $9) RETURNING id`,
    [p.fullName, p.searchKey, p.sortKey, p.gender, p.birthDate, p.categories, p.phone, p.email, p.externalCode],
  );
  return rows[0]!.id;
}

export async function updatePerson(
  db: Queryable,
  id: string,
  p: { fullName: string; searchKey: string; sortKey: string; gender: string | null; birthDate: string | null; categories: string[]; phone: string | null; email: string | null; externalCode: string | null },
) {
  await db.query(
    `UPDATE persons SET full_name = $2, search_key = $3, sort_key = $4, gender = $5, birth_date = $6, categories = $7::text[],
            phone = $8, email = $9, external_code = $10, updated_at = now() WHERE id = $1`,
    [id, p.fullName, p.searchKey, p.sortKey, p.gender, p.birthDate, p.categories, p.phone, p.email, p.externalCode],
  );
}

export function externalCodeOwner(db: Queryable, code: string) {
  return db.query<{ id: string }>("SELECT id FROM persons WHERE external_code = $1", [code]).then((r) => r[0]?.id ?? null);
}

export async function insertPosition(db: Queryable, p: { personId: string; unitId: string; role: string; title: string | null; startDate: string }) {
  const rows = await db.query<{ id: string }>(
    "INSERT INTO positions (person_id, unit_id, role, title, start_date) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    [p.personId, p.unitId, p.role, p.title, p.startDate],
  );
  return rows[0]!.id;
}

export async function endPosition(db: Queryable, id: string, endDate: string, reason: string | null) {
  await db.query("UPDATE positions SET end_date = $2, end_reason = $3 WHERE id = $1", [id, endDate, reason]);
}

/** Does someone else hold this single-holder role (secretary) in the unit on any day of the period? */
export function overlappingHolder(db: Queryable, unitId: string, role: string, from: string, exceptPersonId: string) {
  return db
    .query<{ full_name: string }>(
      `SELECT pe.full_name FROM positions p JOIN persons pe ON pe.id = p.person_id
        WHERE p.unit_id = $1 AND p.role = $2 AND p.person_id <> $4 AND (p.end_date IS NULL OR p.end_date >= $3::date) LIMIT 1`,
      [unitId, role, from, exceptPersonId],
    )
    .then((r) => r[0]?.full_name ?? null);
}

// Batch writes of the members import: one statement per batch of rows, array parameters.

/** Owners of external codes (anywhere), to refuse a code that belongs to someone outside the unit. */
export function findCodeOwners(db: Queryable, codes: string[]) {
  if (!codes.length) return Promise.resolve([] as { id: string; external_code: string; full_name: string }[]);
  return db.query<{ id: string; external_code: string; full_name: string }>(
    "SELECT id, external_code, full_name FROM persons WHERE external_code = ANY($1::text[])",
    [codes],
  );
}

export interface NewPerson {
  fullName: string;
  searchKey: string;
  sortKey: string;
  gender: string | null;
  birthDate: string | null;
  categories: string[];
  phone: string | null;
  email: string | null;
  externalCode: string | null;
}

/** Inserts people in one statement (array parameters) with ids chosen by the caller (the members import). */
export async function insertPeople(db: Queryable, people: (NewPerson & { id: string })[]): Promise<void> {
  if (!people.length) return;
  await db.query(
    `INSERT INTO persons (id, full_name, search_key, sort_key, gender, birth_date, categories, phone, email, external_code)
     SELECT id, full_name, search_key, sort_key, gender, birth_date, categories::text[], phone, email, external_code
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::text[], $8::text[], $9::text[], $10::text[])
         AS t(id, full_name, search_key, sort_key, gender, birth_date, categories, phone, email, external_code)`,
    [
      people.map((p) => p.id),
      people.map((p) => p.fullName),
      people.map((p) => p.searchKey),
      people.map((p) => p.sortKey),
      people.map((p) => p.gender),
      people.map((p) => p.birthDate),
      people.map((p) => `{${p.categories.join(",")}}`),
      people.map((p) => p.phone),
      people.map((p) => p.email),
      people.map((p) => p.externalCode),
    ],
  );
}

export async function insertPositions(db: Queryable, unitId: string, ps: { personId: string; role: string; title: string | null; startDate: string }[]) {
  if (!ps.length) return;
  await db.query(
    `INSERT INTO positions (person_id, unit_id, role, title, start_date)
     SELECT person_id, $1, role, title, start_date FROM unnest($2::uuid[], $3::text[], $4::text[], $5::date[]) AS t(person_id, role, title, start_date)`,
    [unitId, ps.map((p) => p.personId), ps.map((p) => p.role), ps.map((p) => p.title), ps.map((p) => p.startDate)],
  );
}

/** Updates many people at once from arrays. */
export async function updatePeople(db: Queryable, ps: (NewPerson & { id: string })[]) {
  if (!ps.length) return;
  await db.query(
    `UPDATE persons pe SET full_name = t.full_name, search_key = t.search_key, sort_key = t.sort_key, gender = t.gender,
            birth_date = t.birth_date, categories = t.categories::text[], phone = t.phone, email = t.email,
            external_code = t.external_code, updated_at = now()
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::text[], $8::text[], $9::text[], $10::text[])
         AS t(id, full_name, search_key, sort_key, gender, birth_date, categories, phone, email, external_code)
      WHERE pe.id = t.id`,
    [
      ps.map((p) => p.id),
      ps.map((p) => p.fullName),
      ps.map((p) => p.searchKey),
      ps.map((p) => p.sortKey),
      ps.map((p) => p.gender),
      ps.map((p) => p.birthDate),
      ps.map((p) => `{${p.categories.join(",")}}`),
      ps.map((p) => p.phone),
      ps.map((p) => p.email),
      ps.map((p) => p.externalCode),
    ],
  );
}

export async function updatePositions(db: Queryable, ps: { id: string; role: string; title: string | null; startDate: string }[]) {
  if (!ps.length) return;
  await db.query(
    `UPDATE positions p SET role = t.role, title = t.title, start_date = t.start_date
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[]) AS t(id, role, title, start_date) WHERE p.id = t.id`,
    [ps.map((p) => p.id), ps.map((p) => p.role), ps.map((p) => p.title), ps.map((p) => p.startDate)],
  );
}
