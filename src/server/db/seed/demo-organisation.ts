import { searchKey } from "@domain/vietnamese-text.js";
import * as accountsQ from "../../features/accounts/accounts.queries.js";
import * as peopleQ from "../../features/people/people.queries.js";
import { personValues } from "../../features/people/people.service.js";
import * as unitsQ from "../../features/units/units.queries.js";
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
  /** An earlier position, ended by a transfer to `unit` (the history shows both). */
  before?: { unit: string; title: string; from: string; to: string; reason: string };
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
  { name: "Dương Văn Phúc", gender: "male", birth: "1991-03-03", categories: T, unit: "cb-tieu-hoc-thanh-an", role: "member", title: "Giáo viên", since: "2019-09-01", username: "th.gv09",
    before: { unit: "cb-ap-thieng-lieng", title: "Đoàn viên, dân quân", from: "2014-06-01", to: "2019-08-31", reason: "Chuyển sinh hoạt về Chi bộ Trường Tiểu học" } },
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

/**
 * Inserts the demo organisation, people and accounts (all with the same password hash, flagged
 * `is_demo`) through the owners' write functions: units, people, accounts.
 */
export async function seedDemoOrganisation(tx: Tx, passwordHash: string): Promise<DemoIds> {
  const units: Record<string, string> = {};
  for (const u of DEMO_UNITS) units[u.code] = await unitsQ.insertUnit(tx, { kind: u.kind, code: u.code });
  for (const u of DEMO_UNITS) {
    for (const v of u.versions) {
      await unitsQ.insertVersion(tx, {
        unitId: units[u.code]!,
        name: v.name,
        shortName: v.shortName ?? null,
        symbolCode: v.symbolCode,
        parentId: v.parent ? units[v.parent]! : null,
        validFrom: v.from,
        validTo: v.to ?? null,
        searchKey: searchKey(v.name),
      });
    }
  }
  const people: Record<string, string> = {};
  const accounts: Record<string, string> = {};
  const account = (username: string, displayName: string, personId: string | null, isAdmin: boolean) =>
    accountsQ.insertAccount(tx, { username, displayName, personId, passwordHash, isAdmin, mustChangePassword: false, createdBy: null, isDemo: true });
  accounts.admin = await account("admin", "Quản trị hệ thống", null, true);
  for (const p of DEMO_PEOPLE) {
    const personId = await peopleQ.insertPerson(tx, personValues({ fullName: p.name, gender: p.gender, birthDate: p.birth, categories: p.categories }));
    people[p.name] = personId;
    if (p.before) {
      const earlier = await peopleQ.insertPosition(tx, { personId, unitId: units[p.before.unit]!, role: "member", title: p.before.title, startDate: p.before.from });
      await peopleQ.endPosition(tx, earlier, p.before.to, p.before.reason);
    }
    await peopleQ.insertPosition(tx, { personId, unitId: units[p.unit]!, role: p.role, title: p.title, startDate: p.since });
    if (p.username) {
      accounts[p.username] = await account(p.username, p.name, personId, false);
      if (p.scope) await accountsQ.replaceScopes(tx, accounts[p.username]!, [{ unitId: units[p.scope.unit]!, scope: p.scope.scope }]);
    }
  }
  return { units, people, accounts };
}
