import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { nameSortKey, searchKey } from "@domain/vietnamese-text.js";
import { openPglite, type Db } from "../src/server/db/client.js";
import { migrate } from "../src/server/db/migrate.js";

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi"];
const MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc"];
const GIVEN = ["An", "Bình", "Cường", "Dũng", "Hoa", "Lan", "Mai", "Nam", "Phúc", "Quang", "Sơn", "Tâm"];

export interface Synthetic {
  db: Db;
  dir: string;
  unitId: string;
  campaignId: string;
  emptyCampaignId: string;
  people: { id: string; fullName: string }[];
  items: { code: string; criterionCode: string }[];
}

/**
 * A fresh migrated PGlite in `dir` (a new temp dir by default) with one synthetic cell of `members` people and
 * `commitments` commitments spread over their registrations in one campaign (plus an empty
 * second campaign on the same criteria for the import benchmark).
 */
export async function generate(opts: { members: number; commitments: number; dir?: string }): Promise<Synthetic> {
  const dir = opts.dir ?? mkdtempSync(path.join(tmpdir(), "dvk-bench-"));
  const db = await openPglite(dir);
  await migrate(db);
  const [unit] = await db.query<{ id: string }>("INSERT INTO units (kind, code) VALUES ('party_cell', 'cb-bench') RETURNING id");
  const unitId = unit!.id;
  await db.query(
    "INSERT INTO unit_versions (unit_id, name, symbol_code, valid_from, search_key) VALUES ($1, 'Chi bộ thử tải', 'CB', '2000-01-01', 'chi bo thu tai')",
    [unitId],
  );
  const people: { id: string; fullName: string }[] = [];
  for (let i = 0; i < opts.members; i++) {
    const fullName = `${FAMILY[i % 8]} ${MIDDLE[Math.floor(i / 8) % 6]} ${GIVEN[Math.floor(i / 48) % 12]} ${i + 1}`;
    people.push({ id: "", fullName });
  }
  const ids = await db.query<{ id: string }>(
    `INSERT INTO persons (full_name, search_key, sort_key, categories)
     SELECT n, s, k, '{party_member}' FROM unnest($1::text[], $2::text[], $3::text[]) AS t(n, s, k) RETURNING id`,
    [people.map((p) => p.fullName), people.map((p) => searchKey(p.fullName)), people.map((p) => nameSortKey(p.fullName))],
  );
  ids.forEach((r, i) => (people[i]!.id = r.id));
  await db.query("INSERT INTO positions (person_id, unit_id, role, start_date) SELECT unnest($1::uuid[]), $2, 'member', '2015-01-01'", [people.map((p) => p.id), unitId]);
  const [set] = await db.query<{ id: string }>("INSERT INTO criteria_sets (issuing_unit_id, name, year) VALUES ($1, 'Bộ tiêu chí thử tải', 2020) RETURNING id", [unitId]);
  const items: { code: string; criterionCode: string }[] = [];
  for (const [ci, code] of ["I", "II", "III", "IV", "V"].entries()) {
    const [c] = await db.query<{ id: string }>("INSERT INTO criteria (set_id, code, title, sort) VALUES ($1, $2, $3, $4) RETURNING id", [set!.id, code, `Tiêu chí ${code}`, ci]);
    for (let k = 1; k <= 4; k++) {
      await db.query("INSERT INTO criterion_items (criterion_id, code, title, sort) VALUES ($1, $2, $3, $4)", [c!.id, `${code}.${k}`, `Nội dung ${code}.${k}`, k]);
      items.push({ code: `${code}.${k}`, criterionCode: code });
    }
  }
  const campaign = async (name: string) =>
    (await db.query<{ id: string }>(
      "INSERT INTO campaigns (unit_id, name, year, period_start, period_end, criteria_set_id) VALUES ($1, $2, 2020, '2020-01-01', '2020-12-31', $3) RETURNING id",
      [unitId, name, set!.id],
    ))[0]!.id;
  const campaignId = await campaign("Phong trào thử tải");
  const emptyCampaignId = await campaign("Phong trào thử tải (trống)");
  await db.query(
    "INSERT INTO registrations (campaign_id, unit_id, person_id, status) SELECT $1, $2, unnest($3::uuid[]), 'draft'",
    [campaignId, unitId, people.map((p) => p.id)],
  );
  // commitments: i-th goes to person i % members, item i % 20, all in SQL
  await db.query(
    `WITH regs AS (SELECT array_agg(id ORDER BY id) AS a FROM registrations WHERE campaign_id = $2),
          its AS (SELECT array_agg(ci.id ORDER BY c.sort, ci.sort) AS a FROM criterion_items ci JOIN criteria c ON c.id = ci.criterion_id WHERE c.set_id = $3)
     INSERT INTO commitments (registration_id, criterion_item_id, action, target, place, start_date, deadline, sort)
     SELECT regs.a[g % cardinality(regs.a) + 1], its.a[g % 20 + 1], 'Việc làm thiết thực số ' || g, 'Chỉ tiêu ' || (g % 7 + 1),
            'Ấp ' || (g % 5 + 1), DATE '2020-03-01' + (g % 60), DATE '2020-12-31', g
       FROM generate_series(0, $1::int - 1) g, regs, its`,
    [opts.commitments, campaignId, set!.id],
  );
  return { db, dir, unitId, campaignId, emptyCampaignId, people, items };
}
