import { nameSortKey, searchKey } from "@domain/vietnamese-text.js";
import type { Tx } from "../client.js";

/** The demo units: the real structure of xã Thạnh An, with the district level ending 2025-06-30. */
interface DemoUnit {
  code: string;
  kind: string;
  versions: { name: string; shortName?: string; symbolCode: string; parent: string | null; from: string; to?: string }[];
}

export const DEMO_UNITS: DemoUnit[] = [
  { code: "tp-hcm", kind: "provincial_party_committee", versions: [{ name: "Đảng bộ Thành phố Hồ Chí Minh", shortName: "Thành ủy Thành phố Hồ Chí Minh", symbolCode: "TU", parent: null, from: "1976-07-02" }] },
  { code: "huyen-can-gio", kind: "district_party_committee", versions: [{ name: "Đảng bộ huyện Cần Giờ", shortName: "Huyện ủy Cần Giờ", symbolCode: "HU", parent: "tp-hcm", from: "1978-01-01", to: "2025-06-30" }] },
  {
    code: "xa-thanh-an",
    kind: "commune_party_committee",
    versions: [
      { name: "Đảng ủy xã Thạnh An", symbolCode: "ĐU", parent: "huyen-can-gio", from: "1978-01-01", to: "2025-06-30" },
      { name: "Đảng ủy xã Thạnh An", symbolCode: "ĐU", parent: "tp-hcm", from: "2025-07-01" },
    ],
  },
  { code: "cb-tieu-hoc-thanh-an", kind: "party_cell", versions: [{ name: "Chi bộ Trường Tiểu học Thạnh An", shortName: "Chi bộ Trường Tiểu học", symbolCode: "CB", parent: "xa-thanh-an", from: "2005-09-01" }] },
  { code: "cb-ap-thanh-hoa", kind: "party_cell", versions: [{ name: "Chi bộ ấp Thạnh Hòa", symbolCode: "CB", parent: "xa-thanh-an", from: "1990-01-01" }] },
  { code: "cb-ap-thieng-lieng", kind: "party_cell", versions: [{ name: "Chi bộ ấp Thiềng Liềng", symbolCode: "CB", parent: "xa-thanh-an", from: "1990-01-01" }] },
  { code: "ttkv-thanh-an", kind: "mass_mobilization_office", versions: [{ name: "Thường trực Khối vận xã Thạnh An", shortName: "TTKV xã", symbolCode: "KV", parent: "xa-thanh-an", from: "2010-01-01" }] },
  {
    code: "ubnd-thanh-an",
    kind: "peoples_committee",
    versions: [{ name: "Ủy ban nhân dân xã Thạnh An", shortName: "UBND xã Thạnh An", symbolCode: "UBND", parent: "xa-thanh-an", from: "1978-01-01" }],
  },
  { code: "ap-thanh-hoa", kind: "hamlet", versions: [{ name: "Ấp Thạnh Hòa", symbolCode: "ATH", parent: "ubnd-thanh-an", from: "1990-01-01" }] },
  { code: "ap-thieng-lieng", kind: "hamlet", versions: [{ name: "Ấp Thiềng Liềng", symbolCode: "ATL", parent: "ubnd-thanh-an", from: "1990-01-01" }] },
  { code: "mttq-thanh-an", kind: "fatherland_front", versions: [{ name: "Ủy ban MTTQ Việt Nam xã Thạnh An", shortName: "Ủy ban MTTQ xã", symbolCode: "MTTQ", parent: "xa-thanh-an", from: "1978-01-01" }] },
  { code: "hpn-thanh-an", kind: "mass_organization", versions: [{ name: "Hội Liên hiệp Phụ nữ xã Thạnh An", symbolCode: "HPN", parent: "mttq-thanh-an", from: "1978-01-01" }] },
  { code: "dtn-thanh-an", kind: "mass_organization", versions: [{ name: "Đoàn TNCS Hồ Chí Minh xã Thạnh An", symbolCode: "ĐTN", parent: "mttq-thanh-an", from: "1978-01-01" }] },
  { code: "hnd-thanh-an", kind: "mass_organization", versions: [{ name: "Hội Nông dân xã Thạnh An", symbolCode: "HND", parent: "mttq-thanh-an", from: "1978-01-01" }] },
  { code: "hccb-thanh-an", kind: "mass_organization", versions: [{ name: "Hội Cựu chiến binh xã Thạnh An", symbolCode: "HCCB", parent: "mttq-thanh-an", from: "1990-01-01" }] },
];

type Role = "secretary" | "deputy_secretary" | "committee_member" | "member";
interface DemoPerson {
  name: string;
  gender: "male" | "female";
  birth: string;
  categories: string[];
  unit: string;
  role: Role;
  title: string;
  since: string;
  username?: string;
  scope?: { unit: string; scope: "manage" | "view" };
}

const T = ["party_member", "public_employee", "teacher"];
const P = ["party_member"];
const C = ["party_member", "cadre", "civil_servant"];

/** Fictional people in the real structure; the school cell's secretary signs the seed's plan. */
export const DEMO_PEOPLE: DemoPerson[] = [
  { name: "Phan Văn Quang", gender: "male", birth: "1970-05-12", categories: ["party_member", "cadre"], unit: "xa-thanh-an", role: "secretary", title: "Bí thư Đảng ủy xã", since: "2015-10-01", username: "xa.bithu", scope: { unit: "xa-thanh-an", scope: "manage" } },
  { name: "Trương Thị Hạnh", gender: "female", birth: "1978-03-08", categories: ["party_member", "cadre"], unit: "ttkv-thanh-an", role: "member", title: "Trưởng Khối vận xã", since: "2016-01-01", username: "khoivan.xa", scope: { unit: "xa-thanh-an", scope: "view" } },
  { name: "Lâm Thị Diệu", gender: "female", birth: "1990-11-20", categories: C, unit: "ubnd-thanh-an", role: "member", title: "Công chức Văn phòng - Thống kê (bộ phận một cửa)", since: "2018-06-01", username: "motcua.ubnd", scope: { unit: "ubnd-thanh-an", scope: "manage" } },
  // Chi bộ Trường Tiểu học Thạnh An
  { name: "Lê Hữu Bình", gender: "male", birth: "1972-02-14", categories: ["party_member", "public_employee"], unit: "cb-tieu-hoc-thanh-an", role: "secretary", title: "Hiệu trưởng", since: "2015-08-15", username: "th.bithu", scope: { unit: "cb-tieu-hoc-thanh-an", scope: "manage" } },
  { name: "Trần Thị Mai", gender: "female", birth: "1980-07-01", categories: ["party_member", "public_employee", "teacher"], unit: "cb-tieu-hoc-thanh-an", role: "deputy_secretary", title: "Phó Hiệu trưởng", since: "2015-08-15", username: "th.phobithu", scope: { unit: "cb-tieu-hoc-thanh-an", scope: "view" } },
  { name: "Nguyễn Văn An", gender: "male", birth: "1985-09-10", categories: T, unit: "cb-tieu-hoc-thanh-an", role: "member", title: "Giáo viên", since: "2012-09-01", username: "th.gv01" },
  { name: "Phạm Thị Hoa", gender: "female", birth: "1988-04-22", categories: T, unit: "cb-tieu-hoc-thanh-an", role: "member", title: "Giáo viên", since: "2013-09-01", username: "th.gv02" },
  { name: "Võ Minh Tuấn", gender: "male", birth: "1983-12-05", categories: T, unit: "cb-tieu-hoc-thanh-an", role: "committee_member", title: "Giáo viên, Chủ tịch Công đoàn", since: "2010-09-01", username: "th.gv03" },
  { name: "Huỳnh Thị Lan", gender: "female", birth: "1990-06-18", categories: T, unit: "cb-tieu-hoc-thanh-an", role: "member", title: "Giáo viên", since: "2016-09-01", username: "th.gv04" },
  { name: "Đặng Văn Hùng", gender: "male", birth: "1979-01-30", categories: T, unit: "cb-tieu-hoc-thanh-an", role: "member", title: "Giáo viên", since: "2008-09-01", username: "th.gv05" },
  { name: "Bùi Thị Ngọc", gender: "female", birth: "1992-10-11", categories: T, unit: "cb-tieu-hoc-thanh-an", role: "member", title: "Giáo viên", since: "2017-09-01", username: "th.gv06" },
  { name: "Đỗ Thanh Tâm", gender: "male", birth: "1987-08-08", categories: T, unit: "cb-tieu-hoc-thanh-an", role: "member", title: "Giáo viên, Tổng phụ trách Đội", since: "2014-09-01", username: "th.gv07" },
  { name: "Ngô Thị Thu", gender: "female", birth: "1986-11-25", categories: ["party_member", "public_employee", "staff"], unit: "cb-tieu-hoc-thanh-an", role: "member", title: "Nhân viên kế toán", since: "2011-09-01", username: "th.gv08" },
  { name: "Dương Văn Phúc", gender: "male", birth: "1991-03-03", categories: T, unit: "cb-tieu-hoc-thanh-an", role: "member", title: "Giáo viên", since: "2018-09-01", username: "th.gv09" },
  { name: "Lý Thị Kim Anh", gender: "female", birth: "1993-05-19", categories: T, unit: "cb-tieu-hoc-thanh-an", role: "member", title: "Giáo viên", since: "2019-09-01", username: "th.gv10" },
  // Chi bộ ấp Thạnh Hòa
  { name: "Nguyễn Văn Sơn", gender: "male", birth: "1968-04-04", categories: P, unit: "cb-ap-thanh-hoa", role: "secretary", title: "Bí thư Chi bộ, Trưởng ấp", since: "2017-03-01", username: "thanhhoa.bithu", scope: { unit: "cb-ap-thanh-hoa", scope: "manage" } },
  { name: "Lê Thị Bích", gender: "female", birth: "1975-09-09", categories: P, unit: "cb-ap-thanh-hoa", role: "deputy_secretary", title: "Phó Bí thư Chi bộ", since: "2017-03-01" },
  { name: "Trần Văn Dũng", gender: "male", birth: "1965-02-02", categories: P, unit: "cb-ap-thanh-hoa", role: "member", title: "Chi hội trưởng Hội Nông dân", since: "2000-01-01" },
  { name: "Phạm Văn Đức", gender: "male", birth: "1960-12-12", categories: P, unit: "cb-ap-thanh-hoa", role: "member", title: "Chi hội trưởng Cựu chiến binh", since: "1995-05-01" },
  { name: "Hồ Thị Nga", gender: "female", birth: "1982-07-07", categories: P, unit: "cb-ap-thanh-hoa", role: "member", title: "Chi hội trưởng Phụ nữ", since: "2012-01-01" },
  { name: "Châu Văn Lộc", gender: "male", birth: "1995-01-15", categories: P, unit: "cb-ap-thanh-hoa", role: "member", title: "Bí thư Chi đoàn", since: "2019-06-01" },
  // Chi bộ ấp Thiềng Liềng
  { name: "Tô Văn Hải", gender: "male", birth: "1970-10-10", categories: P, unit: "cb-ap-thieng-lieng", role: "secretary", title: "Bí thư Chi bộ", since: "2016-01-01" },
  { name: "Mai Thị Xuân", gender: "female", birth: "1977-03-21", categories: P, unit: "cb-ap-thieng-lieng", role: "deputy_secretary", title: "Phó Bí thư, Trưởng ấp", since: "2016-01-01" },
  { name: "Đinh Văn Thắng", gender: "male", birth: "1966-06-06", categories: P, unit: "cb-ap-thieng-lieng", role: "member", title: "Tổ trưởng tổ nhân dân tự quản", since: "1998-01-01" },
  { name: "Cao Thị Liên", gender: "female", birth: "1984-08-16", categories: P, unit: "cb-ap-thieng-lieng", role: "member", title: "Chi hội trưởng Phụ nữ", since: "2010-01-01" },
  { name: "Vũ Văn Khánh", gender: "male", birth: "1989-09-29", categories: P, unit: "cb-ap-thieng-lieng", role: "member", title: "Công an viên", since: "2015-01-01" },
  { name: "Thái Thị Yến", gender: "female", birth: "1994-12-01", categories: P, unit: "cb-ap-thieng-lieng", role: "member", title: "Y tế ấp", since: "2020-01-01" },
];

export interface DemoIds {
  units: Record<string, string>;
  people: Record<string, string>;
  accounts: Record<string, string>;
}

/** Inserts the demo organisation, people and accounts (all with the same password hash, flagged `is_demo`). */
export async function seedDemoOrganisation(tx: Tx, passwordHash: string): Promise<DemoIds> {
  const units: Record<string, string> = {};
  for (const u of DEMO_UNITS) {
    const r = await tx.query<{ id: string }>("INSERT INTO units (kind, code) VALUES ($1, $2) RETURNING id", [u.kind, u.code]);
    units[u.code] = r[0]!.id;
  }
  for (const u of DEMO_UNITS) {
    for (const v of u.versions) {
      await tx.query(
        `INSERT INTO unit_versions (unit_id, name, short_name, symbol_code, parent_id, valid_from, valid_to, search_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [units[u.code], v.name, v.shortName ?? null, v.symbolCode, v.parent ? units[v.parent] : null, v.from, v.to ?? null, searchKey(v.name)],
      );
    }
  }
  const people: Record<string, string> = {};
  const accounts: Record<string, string> = {};
  const admin = await tx.query<{ id: string }>(
    "INSERT INTO accounts (username, display_name, password_hash, is_admin, is_demo) VALUES ('admin', 'Quản trị hệ thống', $1, true, true) RETURNING id",
    [passwordHash],
  );
  accounts.admin = admin[0]!.id;
  for (const p of DEMO_PEOPLE) {
    const r = await tx.query<{ id: string }>(
      `INSERT INTO persons (full_name, search_key, sort_key, gender, birth_date, categories) VALUES ($1, $2, $3, $4, $5, $6::text[]) RETURNING id`,
      [p.name, searchKey(p.name), nameSortKey(p.name), p.gender, p.birth, p.categories],
    );
    const personId = r[0]!.id;
    people[p.name] = personId;
    await tx.query("INSERT INTO positions (person_id, unit_id, role, title, start_date) VALUES ($1, $2, $3, $4, $5)", [personId, units[p.unit], p.role, p.title, p.since]);
    if (p.username) {
      const a = await tx.query<{ id: string }>(
        "INSERT INTO accounts (username, display_name, person_id, password_hash, is_demo) VALUES ($1, $2, $3, $4, true) RETURNING id",
        [p.username, p.name, personId, passwordHash],
      );
      accounts[p.username] = a[0]!.id;
      if (p.scope) await tx.query("INSERT INTO account_scopes (account_id, unit_id, scope) VALUES ($1, $2, $3)", [a[0]!.id, units[p.scope.unit], p.scope.scope]);
    }
  }
  // A transfer in the history: a teacher who moved from the hamlet cell to the school cell.
  const transferred = await tx.query<{ id: string }>(
    "SELECT id FROM positions WHERE person_id = $1",
    [people["Dương Văn Phúc"]],
  );
  await tx.query("UPDATE positions SET start_date = '2019-09-01' WHERE id = $1", [transferred[0]!.id]);
  await tx.query(
    "INSERT INTO positions (person_id, unit_id, role, title, start_date, end_date, end_reason) VALUES ($1, $2, 'member', 'Đoàn viên, dân quân', '2014-06-01', '2019-08-31', 'Chuyển sinh hoạt về Chi bộ Trường Tiểu học')",
    [people["Dương Văn Phúc"], units["cb-ap-thieng-lieng"]],
  );
  return { units, people, accounts };
}
