import { FIVE_NOT_CRITERIA_2019 } from "@domain/criteria.js";
import type { Queryable } from "../../db/client.js";
import { buildAccount, buildPerson, buildUnit } from "../../test/factories.js";
import { refreshCommitmentOutcomes, writePast } from "../registrations/commitments.js";

/**
 * Test factories for supervision, evaluation and commendation: campaigns, criteria,
 * registrations and commitments written straight to the tables, so these tests do not depend on
 * the campaign and registration features' routes or demo data.
 */

export interface CampaignFixture {
  campaignId: string;
  /** Criterion item ids by code ('IV.2' → uuid). */
  items: Record<string, string>;
}

let seq = 0;
const tag = () => `${process.pid}-${++seq}-${Math.random().toString(36).slice(2, 6)}`;

/** A published "5 không" set (copied from the 2019 guidance) and an active campaign of `unitId`. */
export async function buildCampaignFixture(
  db: Queryable,
  o: { unitId: string; name?: string; year?: number; periodStart?: string; periodEnd?: string },
): Promise<CampaignFixture> {
  const year = o.year ?? 2020;
  const s = await db.query<{ id: string }>("INSERT INTO criteria_sets (issuing_unit_id, name, year, status) VALUES ($1, $2, $3, 'published') RETURNING id", [
    o.unitId,
    `Bộ tiêu chí thử ${tag()}`,
    year,
  ]);
  const setId = s[0]!.id;
  const items: Record<string, string> = {};
  for (const [ci, c] of FIVE_NOT_CRITERIA_2019.criteria.entries()) {
    const cr = await db.query<{ id: string }>("INSERT INTO criteria (set_id, code, title, sort) VALUES ($1, $2, $3, $4) RETURNING id", [setId, c.code, c.title, ci]);
    for (const [ii, it] of c.subItems.entries()) {
      const r = await db.query<{ id: string }>(
        "INSERT INTO criterion_items (criterion_id, code, title, mandatory, sort) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        [cr[0]!.id, it.code, it.title, it.mandatory, ii],
      );
      items[it.code] = r[0]!.id;
    }
  }
  const r = await db.query<{ id: string }>(
    `INSERT INTO campaigns (unit_id, name, year, period_start, period_end, criteria_set_id, status)
     VALUES ($1, $2, $3, $4, $5, $6, 'active') RETURNING id`,
    [o.unitId, o.name ?? `Phong trào thử ${tag()}`, year, o.periodStart ?? `${year}-03-01`, o.periodEnd ?? `${year}-11-30`, setId],
  );
  return { campaignId: r[0]!.id, items };
}

export type CommitmentStatus = "not_started" | "in_progress" | "achieved" | "not_achieved";

/** A registration (approved by default) with one commitment per item, each with its own status. */
export async function buildRegistrationFixture(
  db: Queryable,
  o: {
    campaignId: string;
    unitId: string;
    personId?: string | null;
    collectiveName?: string | null;
    status?: "draft" | "submitted" | "approved" | "returned";
    commitments: { itemId: string; status?: CommitmentStatus; action?: string }[];
  },
): Promise<{ registrationId: string; commitmentIds: string[] }> {
  return writePast(db, (tx) => insertRegistrationFixture(tx, o));
}

async function insertRegistrationFixture(db: Queryable, o: Parameters<typeof buildRegistrationFixture>[1]) {
  const r = await db.query<{ id: string }>(
    `INSERT INTO registrations (campaign_id, unit_id, person_id, collective_name, status, submitted_at)
     VALUES ($1, $2, $3, $4, $5, CASE WHEN $5 <> 'draft' THEN now() END) RETURNING id`,
    [o.campaignId, o.unitId, o.personId ?? null, o.collectiveName ?? null, o.status ?? "approved"],
  );
  const registrationId = r[0]!.id;
  const commitmentIds: string[] = [];
  for (const [i, c] of o.commitments.entries()) {
    const x = await db.query<{ id: string }>(
      "INSERT INTO commitments (registration_id, criterion_item_id, action, target, status, sort) VALUES ($1, $2, $3, 'Đạt 100%', $4, $5) RETURNING id",
      [registrationId, c.itemId, c.action ?? `Việc làm thử ${i + 1}`, c.status ?? "achieved", i],
    );
    commitmentIds.push(x[0]!.id);
  }
  await refreshCommitmentOutcomes(db, { commitmentIds });
  return { registrationId, commitmentIds };
}

export async function buildModelFixture(db: Queryable, registrationId: string, name = `Mô hình thử ${tag()}`) {
  const r = await db.query<{ id: string }>(
    "INSERT INTO models (registration_id, name, field, content) VALUES ($1, $2, 'culture_society', 'Nội dung mô hình') RETURNING id",
    [registrationId, name],
  );
  return r[0]!.id;
}

export interface CellFixture {
  communeId: string;
  cellId: string;
  /** Accounts: the commune's secretary (manage commune), the cell's secretary (manage cell), deputy (position only), a viewer (TTKV-like), members. */
  communeSecretary: string;
  cellSecretary: string;
  deputy: string;
  viewer: string;
  members: { personId: string; username: string; name: string }[];
  secretaryPersonId: string;
  deputyPersonId: string;
  campaign: CampaignFixture;
}

/**
 * A fresh commune with one cell: a secretary, a deputy secretary and `memberCount` members with
 * accounts, and a campaign of the commune. Each test builds its own so nothing needs cleaning.
 */
export async function buildCellFixture(db: Queryable, o: { memberCount?: number; year?: number } = {}): Promise<CellFixture> {
  const t = tag();
  const communeId = await buildUnit(db, { kind: "commune_party_committee", name: `Đảng ủy xã thử ${t}`, symbolCode: "ĐU" });
  const cellId = await buildUnit(db, { parentId: communeId, name: `Chi bộ thử ${t}` });
  const sec = await buildPerson(db, { unitId: communeId, role: "secretary", fullName: `Bí Thư Xã ${t}` });
  const communeSecretary = (await buildAccount(db, { personId: sec.personId, scopes: [{ unitId: communeId, scope: "manage" }] })).username;
  const cellSec = await buildPerson(db, { unitId: cellId, role: "secretary", fullName: `Bí Thư Chi Bộ ${t}` });
  const cellSecretary = (await buildAccount(db, { personId: cellSec.personId, scopes: [{ unitId: cellId, scope: "manage" }] })).username;
  const dep = await buildPerson(db, { unitId: cellId, role: "deputy_secretary", fullName: `Phó Bí Thư ${t}` });
  const deputy = (await buildAccount(db, { personId: dep.personId })).username;
  const viewer = (await buildAccount(db, { scopes: [{ unitId: communeId, scope: "view" }] })).username;
  const members: CellFixture["members"] = [];
  for (let i = 0; i < (o.memberCount ?? 4); i++) {
    const name = `Đảng Viên ${String.fromCharCode(65 + i)} ${t}`;
    const p = await buildPerson(db, { unitId: cellId, fullName: name });
    members.push({ personId: p.personId, username: (await buildAccount(db, { personId: p.personId })).username, name });
  }
  const campaign = await buildCampaignFixture(db, { unitId: communeId, year: o.year ?? 2020 });
  return { communeId, cellId, communeSecretary, cellSecretary, deputy, viewer, members, secretaryPersonId: cellSec.personId, deputyPersonId: dep.personId, campaign };
}

export interface SliceCAuthzScenario {
  campaignId: string;
  hungCommitmentId: string;
  violationId: string;
  evidenceFileId: string;
  noteId: string;
  reportId: string;
  evaluationId: string;
  proposalId: string;
  hungId: string;
}

const scenarios = new WeakMap<object, Promise<SliceCAuthzScenario>>();

/**
 * One shared set of supervision/evaluation/commendation rows in the demo school cell, for the
 * route-table authorization cases (built once per database).
 */
export function sliceCAuthzScenario(db: Queryable, units: Record<string, string>): Promise<SliceCAuthzScenario> {
  let s = scenarios.get(db);
  if (!s) {
    s = (async () => {
      const school = units["cb-tieu-hoc-thanh-an"]!;
      const campaign = await buildCampaignFixture(db, { unitId: units["xa-thanh-an"]!, year: 2026, periodStart: "2026-01-01", periodEnd: "2026-12-31" });
      const hungId = (await db.query<{ id: string }>("SELECT id FROM persons WHERE full_name = 'Đặng Văn Hùng'"))[0]!.id;
      const reg = await buildRegistrationFixture(db, { campaignId: campaign.campaignId, unitId: school, personId: hungId, commitments: [{ itemId: campaign.items["IV.2"]! }] });
      const v = await db.query<{ id: string }>(
        "INSERT INTO violations (campaign_id, unit_id, person_id, commitment_id, kind, occurred_on, description) VALUES ($1, $2, $3, $4, 'traffic', '2026-02-01', 'Vượt đèn đỏ') RETURNING id",
        [campaign.campaignId, school, hungId, reg.commitmentIds[0]],
      );
      await refreshCommitmentOutcomes(db, { campaignId: campaign.campaignId, personIds: [hungId] });
      const f = await db.query<{ id: string }>(
        "INSERT INTO evidence_files (unit_id, violation_id, file_name, mime_type, size_bytes, sha256, data) VALUES ($1, $2, 'bien-ban.pdf', 'application/pdf', 8, 'x', $3) RETURNING id",
        [school, v[0]!.id, Buffer.from("%PDF-1.4")],
      );
      const n = await db.query<{ id: string }>(
        "INSERT INTO supervision_notes (campaign_id, unit_id, person_id, noted_on, note) VALUES ($1, $2, $3, '2026-02-02', 'Nhắc nhở') RETURNING id",
        [campaign.campaignId, school, hungId],
      );
      const r = await db.query<{ id: string }>(
        "INSERT INTO supervision_reports (campaign_id, unit_id, period_start, period_end) VALUES ($1, $2, '2026-01-01', '2026-03-31') RETURNING id",
        [campaign.campaignId, school],
      );
      const e = await db.query<{ id: string }>("INSERT INTO evaluations (campaign_id, unit_id) VALUES ($1, $2) RETURNING id", [campaign.campaignId, school]);
      const p = await db.query<{ id: string }>(
        "INSERT INTO commendation_proposals (campaign_id, unit_id, subject_kind, person_id, achievements) VALUES ($1, $2, 'person', $3, 'Thành tích') RETURNING id",
        [campaign.campaignId, school, hungId],
      );
      return {
        campaignId: campaign.campaignId,
        hungCommitmentId: reg.commitmentIds[0]!,
        violationId: v[0]!.id,
        evidenceFileId: f[0]!.id,
        noteId: n[0]!.id,
        reportId: r[0]!.id,
        evaluationId: e[0]!.id,
        proposalId: p[0]!.id,
        hungId,
      };
    })();
    scenarios.set(db, s);
  }
  return s;
}
