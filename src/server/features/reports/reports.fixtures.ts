/**
 * Test factories for the campaign tables the reports and home features read. They write rows
 * straight to the database so these tests never depend on the other slices' routes.
 */
import type { Queryable } from "../../db/client.js";
import { unique } from "../../test/support.js";
import { refreshCommitmentOutcomes, setCommitmentStatus, writePast } from "../registrations/commitments.js";

export const CRITERION_CODES = ["I", "II", "III", "IV", "V"] as const;

export interface CriteriaFixture {
  setId: string;
  /** Sub-item ids by code: 'I.1', 'I.2', … 'V.2'. */
  items: Record<string, string>;
}

/** A small "5 không" set: criteria I–V with two sub-items each (IV.2 mandatory). */
export async function buildCriteriaSet(db: Queryable, issuingUnitId: string): Promise<CriteriaFixture> {
  const set = await db.query<{ id: string }>(
    "INSERT INTO criteria_sets (issuing_unit_id, name, year, status) VALUES ($1, $2, 2020, 'published') RETURNING id",
    [issuingUnitId, `Bộ tiêu chí thử ${unique("set")}`],
  );
  const setId = set[0]!.id;
  const items: Record<string, string> = {};
  let sort = 0;
  for (const code of CRITERION_CODES) {
    sort += 1;
    const c = await db.query<{ id: string }>("INSERT INTO criteria (set_id, code, title, sort) VALUES ($1, $2, $3, $4) RETURNING id", [
      setId,
      code,
      `Tiêu chí ${code}`,
      sort,
    ]);
    for (const n of [1, 2]) {
      const itemCode = `${code}.${n}`;
      const i = await db.query<{ id: string }>(
        "INSERT INTO criterion_items (criterion_id, code, title, mandatory, sort) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        [c[0]!.id, itemCode, `Nội dung ${itemCode}`, itemCode === "IV.2", n],
      );
      items[itemCode] = i[0]!.id;
    }
  }
  return { setId, items };
}

export interface CampaignFixture extends CriteriaFixture {
  campaignId: string;
}

export async function buildCampaign(
  db: Queryable,
  o: {
    unitId: string;
    name?: string;
    year?: number;
    periodStart?: string;
    periodEnd?: string;
    planDeadline?: string | null;
    registrationDeadline?: string | null;
    reportDeadline?: string | null;
    status?: "draft" | "active" | "closed";
    criteria?: CriteriaFixture;
  },
): Promise<CampaignFixture> {
  const criteria = o.criteria ?? (await buildCriteriaSet(db, o.unitId));
  const r = await db.query<{ id: string }>(
    `INSERT INTO campaigns (unit_id, name, year, period_start, period_end, criteria_set_id, plan_deadline, registration_deadline, report_deadline, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      o.unitId,
      o.name ?? `Đợt thi đua thử ${unique("c")}`,
      o.year ?? 2020,
      o.periodStart ?? "2020-03-01",
      o.periodEnd ?? "2020-12-31",
      criteria.setId,
      o.planDeadline ?? null,
      o.registrationDeadline ?? null,
      o.reportDeadline ?? null,
      o.status ?? "active",
    ],
  );
  return { ...criteria, campaignId: r[0]!.id };
}

export async function buildRegistration(
  db: Queryable,
  o: { campaignId: string; unitId: string; personId?: string | null; collectiveName?: string | null; status?: "draft" | "submitted" | "approved" | "returned"; returnReason?: string | null },
): Promise<string> {
  const r = await writePast(db, (tx) => tx.query<{ id: string }>(
    `INSERT INTO registrations (campaign_id, unit_id, person_id, collective_name, status, return_reason, submitted_at)
     VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $5 = 'draft' THEN NULL ELSE now() END) RETURNING id`,
    [o.campaignId, o.unitId, o.personId ?? null, o.personId ? null : (o.collectiveName ?? `Tập thể ${unique("tt")}`), o.status ?? "approved", o.returnReason ?? null],
  ));
  return r[0]!.id;
}

export async function buildCommitment(
  db: Queryable,
  o: {
    registrationId: string;
    itemId: string;
    status?: "not_started" | "in_progress" | "achieved" | "not_achieved";
    judgedStatus?: "achieved" | "not_achieved" | null;
    deadline?: string | null;
    action?: string;
  },
): Promise<string> {
  return writePast(db, async (tx) => {
    const r = await tx.query<{ id: string }>(
      `INSERT INTO commitments (registration_id, criterion_item_id, action, status, judged_status, deadline)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [o.registrationId, o.itemId, o.action ?? "Việc làm thử", o.status ?? "not_started", o.judgedStatus ?? null, o.deadline ?? null],
    );
    await refreshCommitmentOutcomes(tx, { commitmentIds: [r[0]!.id] });
    return r[0]!.id;
  });
}

export async function buildViolation(
  db: Queryable,
  o: { campaignId: string; unitId: string; personId?: string | null; commitmentId?: string | null; kind: "traffic" | "littering" | "disorder" | "harassment" | "other"; occurredOn: string },
): Promise<string> {
  return writePast(db, async (tx) => {
    const r = await tx.query<{ id: string }>(
      `INSERT INTO violations (campaign_id, unit_id, person_id, commitment_id, kind, occurred_on, description)
       VALUES ($1, $2, $3, $4, $5, $6, 'Vi phạm thử') RETURNING id`,
      [o.campaignId, o.unitId, o.personId ?? null, o.commitmentId ?? null, o.kind, o.occurredOn],
    );
    await refreshCommitmentOutcomes(tx, { campaignId: o.campaignId, personIds: o.personId ? [o.personId] : [], commitmentIds: o.commitmentId ? [o.commitmentId] : [] });
    return r[0]!.id;
  });
}

export async function buildModel(db: Queryable, o: { registrationId: string; name: string; field?: string }): Promise<string> {
  const r = await writePast(db, (tx) =>
    tx.query<{ id: string }>("INSERT INTO models (registration_id, name, field) VALUES ($1, $2, $3) RETURNING id", [o.registrationId, o.name, o.field ?? "culture_society"]),
  );
  return r[0]!.id;
}

export async function buildProposal(
  db: Queryable,
  o: { campaignId: string; unitId: string; personId?: string | null; collectiveName?: string | null; status?: "proposed" | "approved" | "declined" },
): Promise<string> {
  const r = await writePast(db, (tx) =>
    tx.query<{ id: string }>(
      `INSERT INTO commendation_proposals (campaign_id, unit_id, subject_kind, person_id, collective_name, achievements, status, decline_reason)
       VALUES ($1, $2, $3, $4, $5, 'Thành tích thử', $6, CASE WHEN $6 = 'declined' THEN 'Chưa đủ thành tích' END) RETURNING id`,
      [o.campaignId, o.unitId, o.personId ? "person" : "collective", o.personId ?? null, o.personId ? null : (o.collectiveName ?? "Tập thể thử"), o.status ?? "proposed"],
    ),
  );
  return r[0]!.id;
}

export async function buildPlan(
  db: Queryable,
  o: { campaignId: string; unitId: string; status?: "draft" | "issued" | "superseded"; subject?: string; issuedDate?: string | null },
): Promise<string> {
  const r = await db.query<{ id: string }>(
    `INSERT INTO plans (campaign_id, unit_id, status, place, subject, issued_date, issued_at)
     VALUES ($1, $2, $3, 'Thạnh An', $4, $5, CASE WHEN $3 = 'issued' THEN now() END) RETURNING id`,
    [o.campaignId, o.unitId, o.status ?? "issued", o.subject ?? "Kế hoạch thử", o.issuedDate ?? (o.status === "draft" ? null : "2020-03-10")],
  );
  return r[0]!.id;
}

export async function acknowledgePlan(db: Queryable, planId: string, personId: string): Promise<void> {
  await db.query("INSERT INTO plan_acknowledgements (plan_id, person_id) VALUES ($1, $2)", [planId, personId]);
}

export async function buildEvaluation(db: Queryable, o: { campaignId: string; unitId: string; status?: "draft" | "cell_approved" | "commune_approved" }): Promise<string> {
  const r = await db.query<{ id: string }>("INSERT INTO evaluations (campaign_id, unit_id, status) VALUES ($1, $2, $3) RETURNING id", [
    o.campaignId,
    o.unitId,
    o.status ?? "draft",
  ]);
  return r[0]!.id;
}

export async function buildSupervisionReport(
  db: Queryable,
  o: { campaignId: string; unitId: string; periodStart: string; periodEnd: string; status?: "draft" | "submitted" },
): Promise<string> {
  const r = await db.query<{ id: string }>(
    `INSERT INTO supervision_reports (campaign_id, unit_id, period_start, period_end, status, submitted_at)
     VALUES ($1, $2, $3, $4, $5, CASE WHEN $5 = 'submitted' THEN now() END) RETURNING id`,
    [o.campaignId, o.unitId, o.periodStart, o.periodEnd, o.status ?? "submitted"],
  );
  return r[0]!.id;
}

export async function buildProgressUpdate(db: Queryable, o: { commitmentId: string; status: "not_started" | "in_progress" | "achieved" | "not_achieved" }): Promise<void> {
  await writePast(db, async (tx) => {
    await tx.query("INSERT INTO progress_updates (commitment_id, status, note) VALUES ($1, $2, 'Cập nhật thử')", [o.commitmentId, o.status]);
    await setCommitmentStatus(tx, o.commitmentId, o.status);
  });
}

/** A report row written directly (e.g. one submitted on a given day). */
export async function buildReport(
  db: Queryable,
  o: { campaignId: string; unitId: string; status?: "draft" | "submitted"; submittedAt?: string | null; number?: number | null; reportDate?: string | null },
): Promise<string> {
  const r = await db.query<{ id: string }>(
    `INSERT INTO result_reports (campaign_id, unit_id, status, number, report_date, strengths, limitations, causes, next_steps, statistics, submitted_at)
     VALUES ($1, $2, $3, $4, $5, 'Ưu điểm', 'Hạn chế', 'Nguyên nhân', 'Phương hướng', NULL, $6::timestamptz) RETURNING id`,
    [
      o.campaignId,
      o.unitId,
      o.status ?? "submitted",
      o.number ?? null,
      o.reportDate ?? null,
      o.status === "draft" ? null : (o.submittedAt ?? new Date().toISOString()),
    ],
  );
  return r[0]!.id;
}

const authzScenarios = new WeakMap<object, Promise<{ campaignId: string }>>();

/**
 * A campaign of the demo commune for the route-table authorization cases (created once per
 * database, straight in SQL: no audit row).
 */
export function reportsAuthzScenario(db: Queryable, units: Record<string, string>): Promise<{ campaignId: string }> {
  let s = authzScenarios.get(db);
  if (!s) {
    s = buildCampaign(db, { unitId: units["xa-thanh-an"]!, name: "Đợt thi đua kiểm tra quyền báo cáo", periodStart: "2026-01-01", periodEnd: "2026-12-31", year: 2026 }).then((c) => ({
      campaignId: c.campaignId,
    }));
    authzScenarios.set(db, s);
  }
  return s;
}
