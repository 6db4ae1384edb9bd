/**
 * Test data for campaigns and plans written straight to the tables (tests and the route-table
 * authorization cases), so each test builds what it needs without other features' routes.
 */
import type { Queryable } from "../../db/client.js";
import { unique } from "../../test/support.js";
import { DEMO_CAMPAIGN_2020, DEMO_CAMPAIGN_2026 } from "./campaigns.demo-data.js";

/** A criteria set with one criterion ("IV") and two sub-items (IV.1, IV.2 mandatory). */
export async function buildCriteriaSet(db: Queryable, o: { issuingUnitId: string; status?: "draft" | "published"; year?: number; name?: string }) {
  const r = await db.query<{ id: string }>(
    `INSERT INTO criteria_sets (issuing_unit_id, code, name, year, status, published_at)
     VALUES ($1, $2, $3, $4, $5, CASE WHEN $5 = 'published' THEN now() END) RETURNING id`,
    [o.issuingUnitId, `T-${o.year ?? 2026}`, o.name ?? `Bộ tiêu chí thử ${unique("s")}`, o.year ?? 2026, o.status ?? "published"],
  );
  const setId = r[0]!.id;
  const c = await db.query<{ id: string }>("INSERT INTO criteria (set_id, code, title, sort) VALUES ($1, 'IV', 'Không vi phạm luật giao thông', 1) RETURNING id", [setId]);
  await db.query(
    `INSERT INTO criterion_items (criterion_id, code, title, mandatory, sort) VALUES
       ($1, 'IV.1', 'Tuyên truyền chấp hành luật giao thông', false, 1), ($1, 'IV.2', '100% không vi phạm luật giao thông', true, 2)`,
    [c[0]!.id],
  );
  return setId;
}

/** A campaign of a unit (a fresh published set unless one is given). */
export async function buildCampaignRow(
  db: Queryable,
  o: { unitId: string; criteriaSetId?: string; name?: string; periodStart?: string; periodEnd?: string; planDeadline?: string | null; status?: string },
) {
  const setId = o.criteriaSetId ?? (await buildCriteriaSet(db, { issuingUnitId: o.unitId }));
  const r = await db.query<{ id: string }>(
    `INSERT INTO campaigns (unit_id, name, year, period_start, period_end, criteria_set_id, plan_deadline, registration_deadline, report_deadline, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, NULL, $8) RETURNING id`,
    [
      o.unitId,
      o.name ?? `Phong trào thử ${unique("c")}`,
      Number((o.periodStart ?? "2026-01-01").slice(0, 4)),
      o.periodStart ?? "2026-01-01",
      o.periodEnd ?? "2026-12-31",
      setId,
      o.planDeadline === undefined ? "2026-03-31" : o.planDeadline,
      o.status ?? "active",
    ],
  );
  return { campaignId: r[0]!.id, criteriaSetId: setId };
}

/** A commune outside the demo commune, with a cell, a published and a draft set and a campaign. */
export interface CampaignAuthzScenario {
  foreignCommuneId: string;
  foreignSetId: string;
  foreignCampaignId: string;
  communeDraftSetId: string;
}

const scenarios = new WeakMap<Queryable, Promise<CampaignAuthzScenario>>();

export function campaignAuthzScenario(db: Queryable, units: Record<string, string>): Promise<CampaignAuthzScenario> {
  let s = scenarios.get(db);
  if (!s) {
    s = (async () => {
      const code = unique("xa-khac");
      const unit = await db.query<{ id: string }>("INSERT INTO units (kind, code) VALUES ('commune_party_committee', $1) RETURNING id", [code]);
      const foreignCommuneId = unit[0]!.id;
      await db.query(
        "INSERT INTO unit_versions (unit_id, name, symbol_code, valid_from, search_key) VALUES ($1, 'Đảng ủy xã Khác Xa', 'ĐU', '2000-01-01', 'dang uy xa khac xa')",
        [foreignCommuneId],
      );
      const foreignSetId = await buildCriteriaSet(db, { issuingUnitId: foreignCommuneId, name: "Bộ tiêu chí xã khác" });
      const { campaignId } = await buildCampaignRow(db, { unitId: foreignCommuneId, criteriaSetId: foreignSetId, name: "Phong trào của xã khác" });
      const communeDraftSetId = await buildCriteriaSet(db, { issuingUnitId: units["xa-thanh-an"]!, status: "draft", year: 2027, name: "Dự thảo bộ tiêu chí 2027" });
      return { foreignCommuneId, foreignSetId, foreignCampaignId: campaignId, communeDraftSetId };
    })();
    scenarios.set(db, s);
  }
  return s;
}

/** The id of a demo plan by its unit code and campaign year ("cb-tieu-hoc-thanh-an", 2020 or 2026). */
export async function demoPlanId(db: Queryable, units: Record<string, string>, unitCode: string, year: number): Promise<string> {
  const r = await db.query<{ id: string }>(
    `SELECT p.id FROM plans p JOIN campaigns c ON c.id = p.campaign_id
      WHERE p.unit_id = $1 AND c.name = $2 ORDER BY p.version DESC LIMIT 1`,
    [units[unitCode], year === 2020 ? DEMO_CAMPAIGN_2020 : DEMO_CAMPAIGN_2026],
  );
  return r[0]?.id ?? "00000000-0000-4000-8000-000000000000";
}

/** The id of a demo notification sent to a person (by full name). */
export async function demoNotificationId(db: Queryable, fullName: string): Promise<string> {
  const r = await db.query<{ id: string }>(
    "SELECT n.id FROM notifications n JOIN persons p ON p.id = n.person_id WHERE p.full_name = $1 ORDER BY n.created_at LIMIT 1",
    [fullName],
  );
  return r[0]?.id ?? "00000000-0000-4000-8000-000000000000";
}
