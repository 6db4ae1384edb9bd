import { createHash } from "node:crypto";
import { FIVE_NOT_CRITERIA_2019 } from "@domain/criteria.js";
import type { Queryable } from "../../db/client.js";
import { writePast } from "./commitments.js";

/**
 * Test factories for campaigns and registrations, written straight to the tables so the tests of
 * registrations and progress (and the route-table authorization cases) do not depend on the
 * campaign feature's routes or demo data.
 */

export interface BuiltCampaign {
  campaignId: string;
  setId: string;
  /** Criterion item ids by code ('IV.2' → uuid). */
  items: Record<string, string>;
}

/** A criteria set copied from the 2019 "5 không" guidance (IV.2 mandatory). */
export async function buildCriteriaSet(db: Queryable, issuingUnitId: string, year = 2020): Promise<{ setId: string; items: Record<string, string> }> {
  const s = await db.query<{ id: string }>(
    "INSERT INTO criteria_sets (issuing_unit_id, name, year, status) VALUES ($1, $2, $3, 'published') RETURNING id",
    [issuingUnitId, `${FIVE_NOT_CRITERIA_2019.name} (thử ${Math.random().toString(36).slice(2, 8)})`, year],
  );
  const setId = s[0]!.id;
  const items: Record<string, string> = {};
  for (const [ci, c] of FIVE_NOT_CRITERIA_2019.criteria.entries()) {
    const cr = await db.query<{ id: string }>("INSERT INTO criteria (set_id, code, title, sort) VALUES ($1, $2, $3, $4) RETURNING id", [setId, c.code, c.title, ci]);
    for (const [ii, it] of c.subItems.entries()) {
      const r = await db.query<{ id: string }>(
        "INSERT INTO criterion_items (criterion_id, code, title, guidance, mandatory, sort) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        [cr[0]!.id, it.code, it.title, it.text, it.mandatory, ii],
      );
      items[it.code] = r[0]!.id;
    }
  }
  return { setId, items };
}

export async function buildCampaign(
  db: Queryable,
  o: { unitId: string; name?: string; year?: number; periodStart?: string; periodEnd?: string; registrationDeadline?: string | null; status?: "draft" | "active" | "closed" },
): Promise<BuiltCampaign> {
  const { setId, items } = await buildCriteriaSet(db, o.unitId, o.year ?? 2026);
  const r = await db.query<{ id: string }>(
    `INSERT INTO campaigns (unit_id, name, year, period_start, period_end, criteria_set_id, registration_deadline, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      o.unitId,
      o.name ?? `Phong trào thử ${Math.random().toString(36).slice(2, 8)}`,
      o.year ?? 2026,
      o.periodStart ?? "2026-01-01",
      o.periodEnd ?? "2026-12-31",
      setId,
      o.registrationDeadline === undefined ? "2099-12-31" : o.registrationDeadline,
      o.status ?? "active",
    ],
  );
  return { campaignId: r[0]!.id, setId, items };
}

/** A registration in any state with one commitment per given item. */
export async function buildRegistration(
  db: Queryable,
  o: { campaignId: string; unitId: string; personId?: string | null; collectiveName?: string | null; status?: "draft" | "submitted" | "approved" | "returned"; itemIds: string[]; deadline?: string },
): Promise<{ registrationId: string; commitmentIds: string[] }> {
  return writePast(db, (tx) => insertRegistration(tx, o));
}

async function insertRegistration(db: Queryable, o: Parameters<typeof buildRegistration>[1]) {
  const status = o.status ?? "draft";
  const r = await db.query<{ id: string }>(
    `INSERT INTO registrations (campaign_id, unit_id, person_id, collective_name, status, submitted_at, first_submitted_at, reviewed_at, return_reason)
     VALUES ($1, $2, $3, $4, $5, CASE WHEN $5 <> 'draft' THEN now() END, CASE WHEN $5 <> 'draft' THEN now() END,
             CASE WHEN $5 IN ('approved', 'returned') THEN now() END, CASE WHEN $5 = 'returned' THEN 'Bổ sung chỉ tiêu cụ thể' END)
     RETURNING id`,
    [o.campaignId, o.unitId, o.personId ?? null, o.collectiveName ?? null, status],
  );
  const registrationId = r[0]!.id;
  const commitmentIds: string[] = [];
  for (const [i, itemId] of o.itemIds.entries()) {
    const c = await db.query<{ id: string }>(
      "INSERT INTO commitments (registration_id, criterion_item_id, action, target, deadline, sort) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      [registrationId, itemId, `Việc làm thử ${i + 1}`, "Đạt 100%", o.deadline ?? "2026-12-31", i],
    );
    commitmentIds.push(c[0]!.id);
  }
  return { registrationId, commitmentIds };
}

/** A tiny valid PNG (1×1 pixel). */
export const TINY_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

/** A progress update with one stored evidence file. */
export async function buildEvidence(db: Queryable, o: { unitId: string; commitmentId: string }) {
  const pu = await db.query<{ id: string }>("INSERT INTO progress_updates (commitment_id, status, note) VALUES ($1, 'in_progress', 'Ảnh minh chứng') RETURNING id", [o.commitmentId]);
  const f = await db.query<{ id: string }>(
    `INSERT INTO evidence_files (unit_id, progress_update_id, file_name, mime_type, size_bytes, sha256, data)
     VALUES ($1, $2, 'anh.png', 'image/png', $3, $4, $5) RETURNING id`,
    [o.unitId, pu[0]!.id, TINY_PNG.length, createHash("sha256").update(TINY_PNG).digest("hex"), TINY_PNG],
  );
  return { progressUpdateId: pu[0]!.id, fileId: f[0]!.id };
}

export interface AuthzScenario {
  /** A campaign of the demo commune (its own criteria set), active. */
  campaign: BuiltCampaign;
  /** A campaign of a unit outside the demo commune: no demo account sees it. */
  foreignCampaignId: string;
  /** th.gv01's approved sheet in the school cell, with one commitment and one evidence file. */
  teacherRegistrationId: string;
  teacherCommitmentId: string;
  evidenceFileId: string;
  /** th.gv02's submitted sheet in the school cell. */
  submittedRegistrationId: string;
  /** Trần Văn Dũng's sheet in Chi bộ ấp Thạnh Hòa. */
  hamletRegistrationId: string;
}

const scenarios = new WeakMap<object, Promise<AuthzScenario>>();

/** One shared set of registrations for the route-table authorization cases (built once per database). */
export function registrationAuthzScenario(db: Queryable, units: Record<string, string>): Promise<AuthzScenario> {
  let s = scenarios.get(db);
  if (!s) {
    s = (async () => {
      const person = async (name: string) => (await db.query<{ id: string }>("SELECT id FROM persons WHERE full_name = $1", [name]))[0]!.id;
      const campaign = await buildCampaign(db, { unitId: units["xa-thanh-an"]! });
      const outside = (await db.query<{ id: string }>("INSERT INTO units (kind, code) VALUES ('commune_party_committee', $1) RETURNING id", [`xa-ngoai-${Date.now()}`]))[0]!.id;
      await db.query("INSERT INTO unit_versions (unit_id, name, symbol_code, valid_from, search_key) VALUES ($1, 'Đảng ủy xã Ngoài Phạm Vi', 'ĐU', '2000-01-01', 'dang uy xa ngoai pham vi')", [outside]);
      const foreign = await buildCampaign(db, { unitId: outside });
      const school = units["cb-tieu-hoc-thanh-an"]!;
      const teacher = await buildRegistration(db, { campaignId: campaign.campaignId, unitId: school, personId: await person("Nguyễn Văn An"), status: "approved", itemIds: [campaign.items["IV.2"]!] });
      const evidence = await buildEvidence(db, { unitId: school, commitmentId: teacher.commitmentIds[0]! });
      const submitted = await buildRegistration(db, { campaignId: campaign.campaignId, unitId: school, personId: await person("Phạm Thị Hoa"), status: "submitted", itemIds: [campaign.items["IV.2"]!] });
      const hamlet = await buildRegistration(db, {
        campaignId: campaign.campaignId,
        unitId: units["cb-ap-thanh-hoa"]!,
        personId: await person("Trần Văn Dũng"),
        status: "approved",
        itemIds: [campaign.items["I.4"]!],
      });
      return {
        campaign,
        foreignCampaignId: foreign.campaignId,
        teacherRegistrationId: teacher.registrationId,
        teacherCommitmentId: teacher.commitmentIds[0]!,
        evidenceFileId: evidence.fileId,
        submittedRegistrationId: submitted.registrationId,
        hamletRegistrationId: hamlet.registrationId,
      };
    })();
    scenarios.set(db, s);
  }
  return s;
}
