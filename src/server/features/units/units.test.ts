import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildAccount, buildUnit } from "../../test/factories.js";
import { setupTestApp, signIn, unique, type Client, type TestContext } from "../../test/support.js";

let ctx: TestContext;
let admin: Client;
beforeAll(async () => {
  ctx = await setupTestApp();
  admin = await signIn(ctx.app, "admin");
});
afterAll(() => ctx.close());

describe("the tree as of a date", () => {
  it("2020 shows the district above the commune; today the commune sits under the city", async () => {
    const then = await admin.get("/api/units?asOf=2020-03-02");
    const byName = (list: { name: string }[], n: string) => list.find((u) => u.name === n) as { id: string; parentId: string } | undefined;
    const commune2020 = byName(then.body.units, "Đảng ủy xã Thạnh An")!;
    const district = byName(then.body.units, "Đảng bộ huyện Cần Giờ")!;
    expect(commune2020.parentId).toBe(district.id);
    const now = await admin.get("/api/units");
    expect(byName(now.body.units, "Đảng bộ huyện Cần Giờ")).toBeUndefined();
    expect(byName(now.body.units, "Đảng ủy xã Thạnh An")!.parentId).toBe(byName(now.body.units, "Đảng bộ Thành phố Hồ Chí Minh")!.id);
  });

  it("a cell secretary sees only her cell", async () => {
    const c = await signIn(ctx.app, "th.bithu");
    const r = await c.get("/api/units");
    expect(r.body.units.map((u: { name: string }) => u.name)).toEqual(["Chi bộ Trường Tiểu học Thạnh An"]);
  });

  it("the commune secretary sees the whole commune and nothing above it", async () => {
    const c = await signIn(ctx.app, "xa.bithu");
    const names = (await c.get("/api/units")).body.units.map((u: { name: string }) => u.name);
    expect(names).toEqual(expect.arrayContaining(["Đảng ủy xã Thạnh An", "Chi bộ ấp Thạnh Hòa", "Chi bộ Trường Tiểu học Thạnh An", "Hội Nông dân xã Thạnh An"]));
    expect(names).not.toContain("Đảng bộ Thành phố Hồ Chí Minh");
  });

  it("an invalid asOf date is a 400", async () => {
    const r = await admin.get("/api/units?asOf=2020-02-30");
    expect(r.status).toBe(400);
    expect(r.body.error.details[0].path).toBe("asOf");
  });
});

describe("unit detail and name history", () => {
  it("shows members with positions and the full history", async () => {
    const c = await signIn(ctx.app, "th.bithu");
    const r = await c.get(`/api/units/${ctx.units["cb-tieu-hoc-thanh-an"]}`);
    expect(r.status).toBe(200);
    expect(r.body.members[0]).toMatchObject({ fullName: "Lê Hữu Bình", role: "secretary", roleLabel: "Bí thư" });
    expect(r.body.members.length).toBe(12);
    expect(r.body.unit).toMatchObject({ canManage: true, canViewStaff: true });
    // a teacher sees her cell but may not export its staff list, so the page offers no export
    const teacher = await (await signIn(ctx.app, "th.gv01")).get(`/api/units/${ctx.units["cb-tieu-hoc-thanh-an"]}`);
    expect(teacher.body.unit).toMatchObject({ canManage: false, canViewStaff: false });
    const commune = await admin.get(`/api/units/${ctx.units["xa-thanh-an"]}`);
    expect(commune.body.history.map((h: { parentName: string }) => h.parentName)).toEqual(["Đảng bộ huyện Cần Giờ", "Đảng bộ Thành phố Hồ Chí Minh"]);
  });

  it("renaming from a date keeps the old name for old dates, and is audited in the same change", async () => {
    const parent = await buildUnit(ctx.db, { kind: "commune_party_committee", name: "Đảng ủy xã Thử" });
    const cell = await buildUnit(ctx.db, { parentId: parent, name: "Chi bộ ấp Cũ" });
    const r = await admin.patch(`/api/units/${cell}`, { name: "Chi bộ ấp Mới", effectiveDate: "2024-01-01" });
    expect(r.status).toBe(204);
    expect((await admin.get(`/api/units/${cell}?asOf=2023-12-31`)).body.unit.name).toBe("Chi bộ ấp Cũ");
    expect((await admin.get(`/api/units/${cell}?asOf=2024-01-01`)).body.unit.name).toBe("Chi bộ ấp Mới");
    const audit = await ctx.db.query<{ before: { name: string }; after: { name: string } }>("SELECT before, after FROM audit_log WHERE action = 'unit.update' AND subject_id = $1", [cell]);
    expect(audit[0]).toMatchObject({ before: { name: "Chi bộ ấp Cũ" }, after: { name: "Chi bộ ấp Mới" } });
  });

  it("moving a unit under its own child is refused and changes nothing", async () => {
    const a = await buildUnit(ctx.db, { kind: "commune_party_committee" });
    const b = await buildUnit(ctx.db, { parentId: a });
    const r = await admin.patch(`/api/units/${a}`, { parentId: b, effectiveDate: "2024-01-01" });
    expect(r.status).toBe(400);
    const versions = await ctx.db.query("SELECT * FROM unit_versions WHERE unit_id = $1", [a]);
    expect(versions.length).toBe(1);
  });

  it("ending a level requires its children to be moved first (the 2025 district abolition)", async () => {
    const district = await buildUnit(ctx.db, { kind: "district_party_committee" });
    const commune = await buildUnit(ctx.db, { kind: "commune_party_committee", parentId: district });
    const city = await buildUnit(ctx.db, { kind: "provincial_party_committee" });
    expect((await admin.post(`/api/units/${district}/end`, { lastDay: "2025-06-30" })).status).toBe(409);
    expect((await admin.patch(`/api/units/${commune}`, { parentId: city, effectiveDate: "2025-07-01" })).status).toBe(204);
    expect((await admin.post(`/api/units/${district}/end`, { lastDay: "2025-06-30" })).status).toBe(204);
    expect((await admin.get(`/api/units/${commune}?asOf=2020-01-01`)).body.parentName).not.toBeNull();
    expect((await admin.get(`/api/units/${district}?asOf=2025-07-01`)).status).toBe(404);
  });
});

describe("renaming, moving and ending a unit is the level above's act", () => {
  const versionsOf = (id: string) => ctx.db.query<{ name: string; valid_to: string | null }>("SELECT name, valid_to FROM unit_versions WHERE unit_id = $1", [id]);

  it("a cell's own secretary may not end, rename or move his cell: 403 and nothing written", async () => {
    const c = await signIn(ctx.app, "thanhhoa.bithu");
    const cell = ctx.units["cb-ap-thanh-hoa"]!;
    const before = await versionsOf(cell);
    const end = await c.post(`/api/units/${cell}/end`, { lastDay: "2026-06-30" });
    expect(end.status).toBe(403);
    expect(end.body.error.code).toBe("FORBIDDEN");
    expect((await c.patch(`/api/units/${cell}`, { name: "Chi bộ đổi tên", effectiveDate: "2026-06-01" })).status).toBe(403);
    expect((await c.patch(`/api/units/${cell}`, { parentId: ctx.units["xa-thanh-an"], effectiveDate: "2026-06-01" })).status).toBe(403);
    expect(await versionsOf(cell)).toEqual(before);
    const audit = await ctx.db.query("SELECT 1 FROM audit_log WHERE action IN ('unit.end', 'unit.update') AND subject_id = $1", [cell]);
    expect(audit.length).toBe(0);
    // the page does not offer what the server refuses
    const detail = await c.get(`/api/units/${cell}`);
    expect(detail.body.unit).toMatchObject({ canManage: true, canRestructure: false });
  });

  it("the commune above renames and ends its cell; it may not rename itself", async () => {
    const commune = await buildUnit(ctx.db, { kind: "commune_party_committee" });
    const cell = await buildUnit(ctx.db, { parentId: commune, name: "Chi bộ ấp Trên" });
    const { username } = await buildAccount(ctx.db, { scopes: [{ unitId: commune, scope: "manage" }] });
    const c = await signIn(ctx.app, username, "matkhau123");
    expect((await c.get(`/api/units/${cell}`)).body.unit.canRestructure).toBe(true);
    expect((await c.patch(`/api/units/${cell}`, { name: "Chi bộ ấp Dưới", effectiveDate: "2026-01-01" })).status).toBe(204);
    expect((await c.post(`/api/units/${cell}/end`, { lastDay: "2026-06-30" })).status).toBe(204);
    expect((await versionsOf(cell)).map((v) => v.valid_to)).toContain("2026-06-30");
    expect((await c.patch(`/api/units/${commune}`, { name: "Đảng ủy tự đổi tên", effectiveDate: "2026-01-01" })).status).toBe(403);
  });
});

describe("creating units", () => {
  it("a manager creates a child inside her subtree; outside it is refused", async () => {
    const c = await signIn(ctx.app, "xa.bithu");
    const code = unique("cb").toLowerCase();
    const ok = await c.post("/api/units", { kind: "party_cell", code, name: "Chi bộ ấp Mới Lập", symbolCode: "CB", parentId: ctx.units["xa-thanh-an"], validFrom: "2026-01-01" });
    expect(ok.status).toBe(201);
    const outside = await c.post("/api/units", { kind: "party_cell", code: `${code}-x`, name: "Chi bộ ngoài", symbolCode: "CB", parentId: ctx.units["tp-hcm"], validFrom: "2026-01-01" });
    expect([403, 404]).toContain(outside.status);
    expect((await ctx.db.query("SELECT 1 FROM units WHERE code = $1", [`${code}-x`])).length).toBe(0);
  });

  it("a view scope cannot create", async () => {
    const c = await signIn(ctx.app, "khoivan.xa");
    const r = await c.post("/api/units", { kind: "party_cell", code: unique("cb").toLowerCase(), name: "Chi bộ X", symbolCode: "CB", parentId: ctx.units["xa-thanh-an"], validFrom: "2026-01-01" });
    expect(r.status).toBe(403);
  });

  it("validates input with Vietnamese messages", async () => {
    const r = await admin.post("/api/units", { kind: "khong-co", code: "A B", name: "", symbolCode: "", parentId: "x", validFrom: "hôm qua" });
    expect(r.status).toBe(400);
    const paths = r.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["kind", "code", "name", "parentId", "validFrom"]));
  });

  it("a freshly scoped account sees a unit created under its scope", async () => {
    const root = await buildUnit(ctx.db, { kind: "commune_party_committee" });
    const { username } = await buildAccount(ctx.db, { scopes: [{ unitId: root, scope: "manage" }] });
    const c = await signIn(ctx.app, username, "matkhau123");
    const r = await c.post("/api/units", { kind: "party_cell", code: unique("c").toLowerCase(), name: "Chi bộ con", symbolCode: "CB", parentId: root, validFrom: "2020-01-01" });
    expect(r.status).toBe(201);
    const again = await signIn(ctx.app, username, "matkhau123");
    expect((await again.get(`/api/units/${r.body.id}`)).status).toBe(200);
  });
});

describe("scopes from cached subtrees (migration 0042)", () => {
  it("a session's scope is read from the closure once per tree version; a tree changed by anyone is seen on the next request", async () => {
    const root = await buildUnit(ctx.db, { kind: "commune_party_committee" });
    const { username } = await buildAccount(ctx.db, { scopes: [{ unitId: root, scope: "manage" }] });
    const spy = vi.spyOn(ctx.db, "query");
    const subtreeReads = () => spy.mock.calls.filter(([sql]) => String(sql).includes("unit_scope_subtree")).length;
    try {
      const c = await signIn(ctx.app, username, "matkhau123");
      expect((await c.get(`/api/units/${root}`)).status).toBe(200);
      const first = subtreeReads();
      expect(first).toBe(1);
      expect((await c.get(`/api/units/${root}`)).status).toBe(200);
      expect(subtreeReads()).toBe(first);
      // written straight into the database, as another instance of the app would
      const child = await buildUnit(ctx.db, { kind: "party_cell", parentId: root });
      expect((await c.get(`/api/units/${child}`)).status).toBe(200);
      expect(subtreeReads()).toBe(first + 1);
      const outside = await buildUnit(ctx.db, { kind: "party_cell" });
      expect((await c.get(`/api/units/${outside}`)).status).toBe(404);
    } finally {
      spy.mockRestore();
    }
  });
});
