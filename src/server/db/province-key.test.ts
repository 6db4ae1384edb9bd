/**
 * The province key (migration 0046): every row of the big tables carries its unit's province, filled
 * whoever writes it, so the tables can be partitioned or distributed by province.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUnit } from "../test/factories.js";
import { setupTestApp, type TestContext } from "../test/support.js";
import { buildCampaign, buildCommitment, buildProgressUpdate, buildRegistration, buildViolation } from "../features/reports/reports.fixtures.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});
afterAll(() => ctx.close());

/** Rows whose key is not the one of their unit (or of their registration, commitment), per table. */
async function wrongKeys() {
  const r = await ctx.db.query<Record<string, number>>(
    `SELECT
       (SELECT count(*) FROM registrations WHERE province_id IS DISTINCT FROM unit_province(unit_id))::int AS registrations,
       (SELECT count(*) FROM commitments c JOIN registrations r ON r.id = c.registration_id WHERE c.province_id IS DISTINCT FROM r.province_id)::int AS commitments,
       (SELECT count(*) FROM progress_updates pu JOIN commitments c ON c.id = pu.commitment_id WHERE pu.province_id IS DISTINCT FROM c.province_id)::int AS progress_updates,
       (SELECT count(*) FROM violations WHERE province_id IS DISTINCT FROM unit_province(unit_id))::int AS violations,
       (SELECT count(*) FROM evidence_files WHERE province_id IS DISTINCT FROM unit_province(unit_id))::int AS evidence_files,
       (SELECT count(*) FROM positions WHERE province_id IS DISTINCT FROM unit_province(unit_id))::int AS positions,
       (SELECT count(*) FROM audit_log WHERE province_id IS DISTINCT FROM CASE WHEN unit_id IS NULL THEN NULL ELSE unit_province(unit_id) END)::int AS audit_log`,
  );
  return r[0]!;
}

describe("the province key", () => {
  it("the demo data: every row of the big tables is keyed by Thành phố Hồ Chí Minh", async () => {
    const hcm = ctx.units["tp-hcm"]!;
    const counts = await ctx.db.query<{ t: string; rows: number; other: number }>(
      `SELECT t, rows, other FROM (
         SELECT 'registrations' AS t, count(*)::int AS rows, count(*) FILTER (WHERE province_id <> $1)::int AS other FROM registrations
         UNION ALL SELECT 'commitments', count(*)::int, count(*) FILTER (WHERE province_id <> $1)::int FROM commitments
         UNION ALL SELECT 'progress_updates', count(*)::int, count(*) FILTER (WHERE province_id <> $1)::int FROM progress_updates
         UNION ALL SELECT 'violations', count(*)::int, count(*) FILTER (WHERE province_id <> $1)::int FROM violations
         UNION ALL SELECT 'evidence_files', count(*)::int, count(*) FILTER (WHERE province_id <> $1)::int FROM evidence_files
         UNION ALL SELECT 'positions', count(*)::int, count(*) FILTER (WHERE province_id <> $1)::int FROM positions) x`,
      [hcm],
    );
    for (const c of counts) {
      expect(c.rows, `${c.t}: demo rows`).toBeGreaterThan(0);
      expect(c.other, `${c.t}: rows keyed by another province`).toBe(0);
    }
    expect(await wrongKeys()).toEqual({ registrations: 0, commitments: 0, progress_updates: 0, violations: 0, evidence_files: 0, positions: 0, audit_log: 0 });
  });

  it("rows written by any writer take the key; a tree without a province is keyed by its top; a registration moved to another province takes its rows along", async () => {
    const db = ctx.db;
    // a tree of its own, no provincial committee above it: keyed by its top unit
    const top = await buildUnit(db, { kind: "district_party_committee", name: "Đảng bộ huyện Riêng", symbolCode: "HU" });
    const commune = await buildUnit(db, { parentId: top, kind: "commune_party_committee", name: "Đảng ủy xã Riêng", symbolCode: "ĐU" });
    const cell = await buildUnit(db, { parentId: commune, kind: "party_cell", name: "Chi bộ ấp Riêng" });
    const campaign = await buildCampaign(db, { unitId: commune });
    const reg = await buildRegistration(db, { campaignId: campaign.campaignId, unitId: cell, collectiveName: "Chi bộ ấp Riêng", status: "approved" });
    const item = Object.values(campaign.items)[0]!;
    const commitment = await buildCommitment(db, { registrationId: reg, itemId: item });
    await buildProgressUpdate(db, { commitmentId: commitment, status: "in_progress" });
    await buildViolation(db, { campaignId: campaign.campaignId, unitId: cell, commitmentId: commitment, kind: "other", occurredOn: "2026-03-01" });
    const keys = await db.query<{ t: string; province_id: string }>(
      `SELECT 'registration' AS t, province_id FROM registrations WHERE id = $1
       UNION ALL SELECT 'commitment', province_id FROM commitments WHERE id = $2
       UNION ALL SELECT 'progress', province_id FROM progress_updates WHERE commitment_id = $2
       UNION ALL SELECT 'violation', province_id FROM violations WHERE commitment_id = $2`,
      [reg, commitment],
    );
    expect(keys.map((k) => [k.t, k.province_id])).toEqual([
      ["registration", top],
      ["commitment", top],
      ["progress", top],
      ["violation", top],
    ]);

    // the registration moves to a cell of Thành phố Hồ Chí Minh: its commitments and updates follow
    const hcm = ctx.units["tp-hcm"]!;
    const hcmCell = await buildUnit(db, { parentId: ctx.units["xa-thanh-an"]!, kind: "party_cell", name: "Chi bộ ấp Chuyển Đến" });
    await db.query("UPDATE registrations SET unit_id = $2 WHERE id = $1", [reg, hcmCell]);
    const moved = await db.query<{ province_id: string }>(
      `SELECT province_id FROM registrations WHERE id = $1
       UNION ALL SELECT province_id FROM commitments WHERE id = $2
       UNION ALL SELECT province_id FROM progress_updates WHERE commitment_id = $2`,
      [reg, commitment],
    );
    expect(moved.map((m) => m.province_id)).toEqual([hcm, hcm, hcm]);
    expect(await wrongKeys()).toMatchObject({ registrations: 0, commitments: 0, progress_updates: 0 });
  });
});
