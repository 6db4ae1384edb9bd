/**
 * The counts a roll-up reads are maintained on write (migration 0040). A seeded random sequence of
 * every operation that moves a count — register, approve, return, progress, judge, violation added
 * and removed, member transferred, unit moved or ended — is applied through the owners' write
 * functions (the ones the services call), and after each step the stored outcomes, the counts, the
 * tree's paths and the members are compared with a brute-force recount from the rows themselves;
 * so are the branch counts of the open-ended tree (migration 0043), folded or not.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideCommitmentOutcome, type CommitmentStatus, type ViolationKind } from "@domain/ratings.js";
import { searchKey } from "@domain/vietnamese-text.js";
import { todayInVietnam } from "@domain/dates.js";
import type { Queryable } from "../../db/client.js";
import { buildPerson, buildUnit } from "../../test/factories.js";
import { setupTestApp, signIn, type TestContext } from "../../test/support.js";
import { seededRandom } from "../../test/random.js";
import * as people from "../people/people.queries.js";
import { setCommitmentJudgement, setCommitmentStatus } from "../registrations/commitments.js";
import * as regs from "../registrations/registrations.queries.js";
import { recordViolation, removeViolation } from "../supervision/violations.js";
import * as units from "../units/units.queries.js";
import { buildCampaign, buildCommitment, buildRegistration, CRITERION_CODES } from "./reports.fixtures.js";
import { loadSubtreeFigures } from "./reports.figures.js";
import { foldBranchCounts } from "../../jobs/branch-fold.js";
import { REPORTING_UNIT_KINDS } from "./reports.policy.js";
import { COUNT_COLUMNS, getCampaign, getLiveBranches, listBranchCountsLive, listBranchMembersLive } from "./reports.queries.js";
import * as reportsQ from "./reports.queries.js";
import * as campaignsQ from "../campaigns/campaigns.queries.js";
import { submissionState } from "./reports.service.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});
afterAll(() => ctx.close());

const TODAY = todayInVietnam();
const KINDS: ViolationKind[] = ["traffic", "littering", "disorder", "harassment", "other"];
const STATUSES: CommitmentStatus[] = ["not_started", "in_progress", "achieved", "not_achieved"];
/** The counts recounted from the rows with plain GROUP BYs (no trigger, no maintained table). */
async function recount(db: Queryable, campaignId: string) {
  const rows = await db.query<Record<string, number | string>>(
    `SELECT unit_id, criterion_code, sum(registered)::int AS registered, sum(achieved)::int AS achieved, sum(registrants)::int AS registrants,
            sum(models)::int AS models, sum(vt)::int AS violations_traffic, sum(vl)::int AS violations_littering, sum(vd)::int AS violations_disorder,
            sum(vh)::int AS violations_harassment, sum(vo)::int AS violations_other, sum(pp)::int AS proposals_proposed,
            sum(pa)::int AS proposals_approved, sum(pd)::int AS proposals_declined
       FROM (
         SELECT r.unit_id, cr.code AS criterion_code, 1 AS registered, (c.achieved IS TRUE)::int AS achieved, 0 AS registrants, 0 AS models,
                0 AS vt, 0 AS vl, 0 AS vd, 0 AS vh, 0 AS vo, 0 AS pp, 0 AS pa, 0 AS pd
           FROM commitments c JOIN registrations r ON r.id = c.registration_id JOIN criterion_items ci ON ci.id = c.criterion_item_id
           JOIN criteria cr ON cr.id = ci.criterion_id WHERE r.campaign_id = $1 AND r.status = 'approved'
         UNION ALL
         SELECT r.unit_id, '', 0, 0, (r.person_id IS NOT NULL)::int, (SELECT count(*) FROM models m WHERE m.registration_id = r.id)::int,
                0, 0, 0, 0, 0, 0, 0, 0 FROM registrations r WHERE r.campaign_id = $1 AND r.status = 'approved'
         UNION ALL
         SELECT v.unit_id, '', 0, 0, 0, 0, (v.kind = 'traffic')::int, (v.kind = 'littering')::int, (v.kind = 'disorder')::int,
                (v.kind = 'harassment')::int, (v.kind = 'other')::int, 0, 0, 0 FROM violations v WHERE v.campaign_id = $1
       ) x GROUP BY 1, 2`,
    [campaignId],
  );
  // where each result report stands, by the service's own rule (submissionState, REPORTING_UNIT_KINDS)
  const c = (await getCampaign(db, campaignId))!;
  const reports = await db.query<{ unit_id: string; status: "draft" | "submitted"; submitted_at: Date | null; kind: string }>(
    "SELECT r.unit_id, r.status, r.submitted_at, u.kind FROM result_reports r JOIN units u ON u.id = r.unit_id WHERE r.campaign_id = $1",
    [campaignId],
  );
  for (const r of reports) {
    let row = rows.find((x) => x.unit_id === r.unit_id && x.criterion_code === "");
    if (!row) rows.push((row = { unit_id: r.unit_id, criterion_code: "", ...Object.fromEntries(COUNT_COLUMNS.map((k) => [k, 0])) }));
    const state = submissionState(r, c.report_deadline);
    row.reports_on_time = Number(row.reports_on_time ?? 0) + Number(state === "submitted_on_time");
    row.reports_late = Number(row.reports_late ?? 0) + Number(state === "submitted_late");
    row.reports_draft = Number(row.reports_draft ?? 0) + Number(state === "draft");
    row.reports_other_kind = Number(row.reports_other_kind ?? 0) + Number(!REPORTING_UNIT_KINDS.has(r.kind));
  }
  for (const r of rows) for (const k of COUNT_COLUMNS) r[k] ??= 0;
  const nonZero = (r: Record<string, number | string>) => COUNT_COLUMNS.some((c) => r[c] !== 0);
  const key = (r: Record<string, number | string>) => `${r.unit_id}|${r.criterion_code}`;
  const stored = await db.query<Record<string, number | string>>(`SELECT unit_id, criterion_code, ${COUNT_COLUMNS.join(", ")} FROM campaign_counts WHERE campaign_id = $1`, [campaignId]);
  return {
    expected: Object.fromEntries(rows.filter(nonZero).map((r) => [key(r), r])),
    stored: Object.fromEntries(stored.filter(nonZero).map((r) => [key(r), r])),
  };
}

/** Every commitment's outcome recomputed by the one rule from the raw rows. */
async function outcomesMismatch(db: Queryable, campaignId: string) {
  const commitments = await db.query<{ id: string; person_id: string | null; status: CommitmentStatus; judged_status: "achieved" | "not_achieved" | null; code: string; achieved: boolean | null }>(
    `SELECT c.id, r.person_id, c.status, c.judged_status, cr.code, c.achieved FROM commitments c JOIN registrations r ON r.id = c.registration_id
       JOIN criterion_items ci ON ci.id = c.criterion_item_id JOIN criteria cr ON cr.id = ci.criterion_id WHERE r.campaign_id = $1`,
    [campaignId],
  );
  const violations = await db.query<{ person_id: string | null; commitment_id: string | null; kind: ViolationKind; occurred_on: string }>(
    "SELECT person_id, commitment_id, kind, occurred_on FROM violations WHERE campaign_id = $1",
    [campaignId],
  );
  const c = (await getCampaign(db, campaignId))!;
  return commitments.filter((x) => {
    const o = decideCommitmentOutcome(
      { id: x.id, personId: x.person_id, status: x.status, judgedStatus: x.judged_status, criterionCode: x.code },
      violations.map((v) => ({ kind: v.kind, date: v.occurred_on, commitmentId: v.commitment_id, personId: v.person_id })),
      { from: c.period_start, to: c.period_end },
    );
    return o.achieved !== x.achieved;
  });
}

/** The subtree of `root` on a day by walking unit_versions (the pre-0040 way). */
async function walkSubtree(db: Queryable, root: string, day: string): Promise<Set<string>> {
  const versions = await db.query<{ unit_id: string; parent_id: string | null }>(
    "SELECT unit_id, parent_id FROM unit_versions WHERE valid_from <= $1 AND (valid_to IS NULL OR valid_to >= $1)",
    [day],
  );
  const set = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const v of versions) {
      if (v.parent_id && set.has(v.parent_id) && !set.has(v.unit_id)) {
        set.add(v.unit_id);
        grew = true;
      }
    }
  }
  return set;
}


/** The open-ended tree (each unit's version with no end date) as child → parent. */
async function openTree(db: Queryable): Promise<Map<string, string | null>> {
  const rows = await db.query<{ unit_id: string; parent_id: string | null }>("SELECT unit_id, parent_id FROM unit_versions WHERE valid_to IS NULL");
  return new Map(rows.map((r) => [r.unit_id, r.parent_id]));
}

function openSubtree(tree: Map<string, string | null>, root: string): Set<string> {
  const set = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [u, parent] of tree) {
      if (parent && set.has(parent) && !set.has(u)) {
        set.add(u);
        grew = true;
      }
    }
  }
  return set;
}

/**
 * The live reading (branch counts, migration 0043) against a brute-force sum over the open-ended
 * tree: the root's own counts and each child's whole branch, per criterion; members held on each
 * day and the units that report.
 */
async function expectLiveBranches(db: Queryable, campaignId: string, root: string, expected: Record<string, Record<string, number | string>>, days: string[], where: string) {
  const tree = await openTree(db);
  const children = [...tree].filter(([, parent]) => parent === root).map(([u]) => u);
  const live = await getLiveBranches(db, root, TODAY);
  expect(new Set(live.children), `${where}: children on the open-ended tree`).toEqual(new Set(children));
  // the root's row is its whole subtree, each child's its own
  const branches = new Map<string, Set<string>>([[root, openSubtree(tree, root)], ...children.map((c) => [c, openSubtree(tree, c)] as const)]);
  const want: Record<string, Record<string, number>> = {};
  for (const [branch, unitsOf] of branches) {
    for (const r of Object.values(expected)) {
      if (!unitsOf.has(String(r.unit_id))) continue;
      const k = `${branch}|${r.criterion_code}`;
      want[k] ??= Object.fromEntries(COUNT_COLUMNS.map((c) => [c, 0]));
      for (const c of COUNT_COLUMNS) want[k][c]! += Number(r[c]);
    }
  }
  const nonZero = (r: Record<string, number>) => COUNT_COLUMNS.some((c) => r[c] !== 0);
  const got = Object.fromEntries(
    (await listBranchCountsLive(db, campaignId, [root, ...children]))
      .map((r) => [`${r.branch_id}|${r.criterion_code}`, Object.fromEntries(COUNT_COLUMNS.map((c) => [c, r[c]]))] as const)
      .filter(([, r]) => nonZero(r)),
  );
  expect(got, `${where}: branch counts`).toEqual(Object.fromEntries(Object.entries(want).filter(([, r]) => nonZero(r))));
  const kinds = [...REPORTING_UNIT_KINDS];
  const unitKinds = new Map((await db.query<{ id: string; kind: string }>("SELECT id, kind FROM units")).map((u) => [u.id, u.kind]));
  for (const day of days) {
    const held = await db.query<{ unit_id: string }>("SELECT unit_id FROM positions WHERE start_date <= $1 AND (end_date IS NULL OR end_date >= $1)", [day]);
    const live = new Map((await listBranchMembersLive(db, root, children, day, kinds)).map((r) => [r.branch_id, r]));
    for (const [branch, unitsOf] of branches) {
      const members = held.filter((p) => unitsOf.has(p.unit_id)).length;
      const reporting = [...unitsOf].filter((u) => u !== root && kinds.includes(unitKinds.get(u)!)).length;
      expect({ members: live.get(branch)?.members, reporting: live.get(branch)?.reporting_units }, `${where}: branch ${branch} on ${day}`).toEqual({ members, reporting });
    }
  }
}

describe("counts maintained on write", () => {
  for (const seed of [11, 29]) {
    it(`random operations (seed ${seed}) keep outcomes, counts, paths and members equal to a recount`, async () => {
      const db = ctx.db;
      const rand = seededRandom(seed);
      const pick = <T,>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
      const root = await buildUnit(db, { kind: "commune_party_committee", name: `Đảng ủy xã Đếm ${seed}`, symbolCode: "ĐU" });
      const cells: string[] = [];
      let parent = root;
      for (let i = 0; i < 6; i++) {
        const u = await buildUnit(db, { parentId: i % 3 === 2 ? parent : root, kind: "party_cell", name: `Chi bộ đếm ${seed}-${i}` });
        cells.push(u);
        if (i % 3 === 0) parent = u;
      }
      // A campaign running today, so every step is a live change.
      const year = Number(TODAY.slice(0, 4));
      const campaign = await buildCampaign(db, { unitId: root, name: `Đợt đếm ${seed}`, year, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` });
      const items = Object.values(campaign.items);
      const members: { personId: string; positionId: string; unitId: string }[] = [];
      for (let i = 0; i < 10; i++) {
        const unitId = pick(cells);
        const p = await buildPerson(db, { unitId, fullName: `Đảng viên đếm ${seed}-${i}`, startDate: `${year - 1}-01-01` });
        members.push({ personId: p.personId, positionId: p.positionId!, unitId });
      }
      const sheets: { id: string; personId: string; status: string; commitments: string[] }[] = [];
      const violations: { id: string; campaign_id: string; person_id: string | null; commitment_id: string | null }[] = [];
      const account = (await db.query<{ id: string }>("SELECT id FROM accounts WHERE username = 'admin'"))[0]!.id;
      const admin = await signIn(ctx.app, "admin");

      const ops: Record<string, () => Promise<void>> = {
        register: async () => {
          const m = pick(members);
          const exists = await db.query("SELECT 1 FROM registrations WHERE campaign_id = $1 AND unit_id = $2 AND person_id = $3", [campaign.campaignId, m.unitId, m.personId]);
          if (exists.length) return;
          await db.transaction(async (tx) => {
            const id = await regs.insertRegistration(tx, { campaignId: campaign.campaignId, unitId: m.unitId, personId: m.personId, collectiveName: null });
            const commitments: string[] = [];
            for (let i = 0; i < 1 + Math.floor(rand() * 3); i++) {
              commitments.push(await regs.insertCommitment(tx, id, { criterionItemId: pick(items), action: `Việc ${i}`, target: null, place: null, startDate: null, deadline: `${year}-12-01`, sort: i }));
            }
            await regs.markSubmitted(tx, id, ["draft"], false);
            sheets.push({ id, personId: m.personId, status: "submitted", commitments });
          });
        },
        approve: async () => {
          const s = sheets.find((x) => x.status === "submitted");
          if (!s) return;
          await db.transaction((tx) => regs.markReviewed(tx, s.id, "approved", account, null));
          s.status = "approved";
        },
        return: async () => {
          const s = sheets.find((x) => x.status === "submitted");
          if (!s) return;
          await db.transaction((tx) => regs.markReviewed(tx, s.id, "returned", account, "Bổ sung"));
          s.status = "returned";
        },
        progress: async () => {
          const s = sheets.filter((x) => x.status === "approved");
          if (!s.length) return;
          await db.transaction((tx) => setCommitmentStatus(tx, pick(pick(s).commitments), rand() < 0.5 ? "achieved" : pick(STATUSES)));
        },
        judge: async () => {
          const s = sheets.filter((x) => x.status === "approved");
          if (!s.length) return;
          const status = pick(["achieved", "not_achieved", null] as const);
          await db.transaction((tx) => setCommitmentJudgement(tx, pick(pick(s).commitments), { status, exceeded: false, note: status === "not_achieved" ? "Chưa đạt" : null, by: account }));
        },
        violationAdded: async () => {
          // mostly about a member with an approved sheet, sometimes against one of its commitments
          const approved = sheets.filter((x) => x.status === "approved");
          const sheet = approved.length && rand() < 0.8 ? pick(approved) : null;
          const m = sheet ? members.find((x) => x.personId === sheet.personId)! : pick(members);
          const commitmentId = sheet && rand() < 0.4 ? pick(sheet.commitments) : null;
          await db.transaction(async (tx) => {
            const values = { campaignId: campaign.campaignId, unitId: m.unitId, personId: m.personId, commitmentId, kind: pick(KINDS), occurredOn: `${year}-0${1 + Math.floor(rand() * 9)}-15`, description: "Vi phạm", createdBy: account };
            const id = await recordViolation(tx, values);
            violations.push({ id, campaign_id: campaign.campaignId, person_id: m.personId, commitment_id: commitmentId });
          });
        },
        violationRemoved: async () => {
          const v = violations.pop();
          if (v) await db.transaction((tx) => removeViolation(tx, v));
        },
        memberTransferred: async () => {
          const m = pick(members);
          const to = pick(cells.filter((c) => c !== m.unitId));
          await db.transaction(async (tx) => {
            await people.endPosition(tx, m.positionId, TODAY, "Chuyển sinh hoạt");
            m.positionId = await people.insertPosition(tx, { personId: m.personId, unitId: to, role: "member", title: null, startDate: TODAY });
            m.unitId = to;
          });
        },
        reportWritten: async () => {
          const unitId = pick([...cells, root]);
          await db.transaction((tx) => reportsQ.insertReport(tx, campaign.campaignId, unitId, { number: null, symbol: null, reportDate: null, strengths: "Nháp", limitations: null, causes: null, nextSteps: null }));
        },
        reportSubmitted: async () => {
          const drafts = await db.query<{ id: string }>("SELECT id FROM result_reports WHERE campaign_id = $1 AND status = 'draft'", [campaign.campaignId]);
          if (!drafts.length) return;
          await db.transaction((tx) => reportsQ.markSubmitted(tx, pick(drafts).id, { statistics: {}, submittedBy: account, receivedByUnitId: null }));
        },
        deadlineMoved: async () => {
          // before today (the reports sent so far become late), or after it or none (on time): always the other side
          const c = (await getCampaign(db, campaign.campaignId))!;
          const deadline = c.report_deadline === `${year}-01-15` ? pick([`${year}-12-31`, null]) : `${year}-01-15`;
          await db.transaction((tx) =>
            campaignsQ.updateCampaign(tx, c.id, { name: c.name, periodStart: c.period_start, periodEnd: c.period_end, planDeadline: null, registrationDeadline: null, reportDeadline: deadline, status: c.status }),
          );
        },
        unitMoved: async () => {
          const u = pick(cells);
          const to = pick([root, ...cells.filter((c) => c !== u)]);
          if ((await walkSubtree(db, u, TODAY)).has(to)) return; // never under its own subtree
          await db.transaction(async (tx) => {
            const v = (await units.listVersions(tx, u)).find((x) => x.valid_to === null);
            if (!v || v.valid_from >= TODAY) return;
            await units.closeVersion(tx, v.id, TODAY);
            const next = new Date(`${TODAY}T00:00:00Z`);
            next.setUTCDate(next.getUTCDate() + 1);
            await units.insertVersion(tx, { unitId: u, name: v.name, shortName: null, symbolCode: "CB", parentId: to, validFrom: next.toISOString().slice(0, 10), searchKey: searchKey(v.name) });
          });
        },
        unitEnded: async () => {
          if (cells.length <= 3) return;
          const u = cells.pop()!;
          await db.transaction(async (tx) => {
            const v = (await units.listVersions(tx, u)).find((x) => x.valid_to === null);
            // a unit moved today has its open version from tomorrow: it cannot end before it starts
            if (v && v.valid_from <= TODAY) await units.closeVersion(tx, v.id, TODAY);
          });
        },
      };
      const names = Object.keys(ops);
      const tomorrow = new Date(`${TODAY}T00:00:00Z`);
      tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
      const days = [TODAY, tomorrow.toISOString().slice(0, 10)];
      for (let step = 0; step < 80; step++) {
        const op = step < 8 ? "register" : pick(names);
        await ops[op]!();
        const where = `seed ${seed}, step ${step} (${op})`;
        expect(await outcomesMismatch(db, campaign.campaignId), where).toEqual([]);
        const { expected, stored } = await recount(db, campaign.campaignId);
        expect(stored, where).toEqual(expected);
        // the background fold runs at any moment: folded or not, the branches read the same
        if (rand() < 0.5) await foldBranchCounts(db);
        await expectLiveBranches(db, campaign.campaignId, root, expected, days, where);
        for (const day of days) {
          const walked = await walkSubtree(db, root, day);
          const paths = await db.query<{ unit_id: string }>("SELECT unit_id FROM unit_subtree($1, $2)", [root, day]);
          expect(new Set(paths.map((p) => p.unit_id)), `${where}: paths on ${day}`).toEqual(walked);
          const held = await db.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM positions WHERE unit_id = ANY($1::uuid[]) AND start_date <= $2 AND (end_date IS NULL OR end_date >= $2)",
            [[...walked], day],
          );
          const counted = await db.query<{ n: number }>("SELECT COALESCE(sum(delta), 0)::int AS n FROM unit_member_changes WHERE unit_id = ANY($1::uuid[]) AND day <= $2", [[...walked], day]);
          expect(counted[0]!.n, `${where}: members on ${day}`).toBe(held[0]!.n);
        }
        // the roll-up's own reading agrees with the recount over the subtree of today
        const f = await loadSubtreeFigures(db, (await getCampaign(db, campaign.campaignId))!, root, TODAY);
        const subtree = await walkSubtree(db, root, TODAY);
        const inTree = Object.values(expected).filter((r) => subtree.has(String(r.unit_id)));
        const sum = (col: string, crit?: string) => inTree.filter((r) => (crit === undefined ? r.criterion_code !== "" : r.criterion_code === crit)).reduce((a, r) => a + Number(r[col]), 0);
        expect(f.totalOf(f.total), where).toMatchObject({ registered: sum("registered"), achieved: sum("achieved") });
        expect(f.total.registrants, where).toBe(sum("registrants", ""));
        for (const code of CRITERION_CODES) expect(f.total.byCriterion.get(code)?.achieved ?? 0, `${where}: ${code}`).toBe(sum("achieved", code));
        // "who has not reported": the units below the root that report (their kind, or a report they started)
        const below = [...subtree].filter((u) => u !== root);
        const kindOf = new Map((await db.query<{ id: string; kind: string }>("SELECT id, kind FROM units WHERE id = ANY($1::uuid[])", [below])).map((u) => [u.id, u.kind]));
        const below_ = inTree.filter((r) => r.unit_id !== root && r.criterion_code === "");
        const onTime = below_.reduce((a, r) => a + Number(r.reports_on_time), 0);
        const late = below_.reduce((a, r) => a + Number(r.reports_late), 0);
        const expectedUnits = below.filter((u) => REPORTING_UNIT_KINDS.has(kindOf.get(u)!)).length + below_.reduce((a, r) => a + Number(r.reports_other_kind), 0);
        const subs = await admin.get(`/api/reports/${campaign.campaignId}/units/${root}/submissions`);
        expect(subs.body.counts, `${where}: submissions`).toEqual({ expected: expectedUnits, submitted: onTime + late, onTime, late, missing: expectedUnits - onTime - late });
      }
    });
  }
});

describe("figures as of a day", () => {
  it("a campaign that has ended reports as of its last day: a change written today moves the counts but not its figures; ?asOf reads any day of it", async () => {
    const db = ctx.db;
    const admin = await signIn(ctx.app, "admin");
    const root = await buildUnit(db, { kind: "commune_party_committee", name: "Đảng ủy xã Ngày Cũ", symbolCode: "ĐU" });
    const cell = await buildUnit(db, { parentId: root, kind: "party_cell", name: "Chi bộ Ngày Cũ" });
    const campaign = await buildCampaign(db, { unitId: root, periodStart: "2020-03-01", periodEnd: "2020-12-31" });
    const { personId } = await buildPerson(db, { unitId: cell });
    // The sheet as it stood in 2020 (written as past data): two commitments, one achieved.
    const reg = await buildRegistration(db, { campaignId: campaign.campaignId, unitId: cell, personId, status: "approved" });
    await buildCommitment(db, { registrationId: reg, itemId: campaign.items["I.1"]!, status: "achieved" });
    const open = await buildCommitment(db, { registrationId: reg, itemId: campaign.items["IV.2"]!, status: "in_progress" });
    const url = `/api/reports/${campaign.campaignId}/units/${root}/rollup`;
    const before = (await admin.get(url)).body;
    expect(before).toMatchObject({ asOf: "2020-12-31", total: { registered: 2, achieved: 1 } });

    // Progress posted today (a live write) on the 2020 commitment: today's counts move…
    await db.transaction((tx) => setCommitmentStatus(tx, open, "achieved"));
    const counts = await db.query<{ achieved: number }>("SELECT sum(achieved)::int AS achieved FROM campaign_counts WHERE campaign_id = $1", [campaign.campaignId]);
    expect(counts[0]!.achieved).toBe(2);
    // …but the 2020 figures stay what they were at the end of 2020, in the roll-up and the report.
    expect((await admin.get(url)).body).toMatchObject({ asOf: "2020-12-31", total: { registered: 2, achieved: 1 } });
    const report = (await admin.get(`/api/reports/${campaign.campaignId}/units/${root}`)).body;
    expect(report.statistics).toMatchObject({ asOf: "2020-12-31", total: { registered: 2, achieved: 1, percent: 50 } });

    // A day of the campaign can be asked for; a day outside it is refused, and nothing changes.
    expect((await admin.get(`${url}?asOf=2020-06-30`)).body).toMatchObject({ asOf: "2020-06-30", total: { registered: 2, achieved: 1 } });
    const outside = await admin.get(`${url}?asOf=2021-01-05`);
    expect(outside.status).toBe(400);
    expect(outside.body.error).toMatchObject({ code: "VALIDATION_FAILED", details: [{ path: "asOf" }] });
    expect((await admin.get(`${url}?asOf=2020-13-01`)).status).toBe(400);
  });
});

describe("commitments written many per statement (migration 0051)", () => {
  it("a batch insert and a batch delete across approved and draft sheets move the counts and their dated changes as a recount says", async () => {
    const db = ctx.db;
    const year = Number(TODAY.slice(0, 4));
    const root = await buildUnit(db, { kind: "commune_party_committee", name: "Đảng ủy xã Lô", symbolCode: "ĐU" });
    const cellA = await buildUnit(db, { parentId: root, kind: "party_cell", name: "Chi bộ Lô A" });
    const cellB = await buildUnit(db, { parentId: root, kind: "party_cell", name: "Chi bộ Lô B" });
    const campaign = await buildCampaign(db, { unitId: root, name: "Đợt lô", year, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` });
    const sheet = async (unitId: string, status: "approved" | "draft") => {
      const { personId } = await buildPerson(db, { unitId, startDate: `${year - 1}-01-01` });
      return buildRegistration(db, { campaignId: campaign.campaignId, unitId, personId, status });
    };
    const approvedA = await sheet(cellA, "approved");
    const draftA = await sheet(cellA, "draft");
    const approvedB = await sheet(cellB, "approved");
    const codes = ["I.1", "I.2", "II.1", "IV.2", "V.1"];
    const check = async (where: string) => {
      const { expected, stored } = await recount(db, campaign.campaignId);
      expect(stored, where).toEqual(expected);
      // every live change is dated today: today's changes per criterion are the counts themselves
      const changes = await db.query<{ unit_id: string; criterion_code: string; registered: number; achieved: number }>(
        `SELECT unit_id, criterion_code, sum(registered)::int AS registered, sum(achieved)::int AS achieved FROM campaign_count_changes
          WHERE campaign_id = $1 AND criterion_code <> '' GROUP BY 1, 2 HAVING sum(registered) <> 0 OR sum(achieved) <> 0`,
        [campaign.campaignId],
      );
      const want = Object.values(expected).filter((r) => r.criterion_code !== "" && (Number(r.registered) !== 0 || Number(r.achieved) !== 0));
      expect(Object.fromEntries(changes.map((c) => [`${c.unit_id}|${c.criterion_code}`, [c.registered, c.achieved]])), `${where}: dated changes`).toEqual(
        Object.fromEntries(want.map((r) => [`${r.unit_id}|${r.criterion_code}`, [Number(r.registered), Number(r.achieved)]])),
      );
      await expectLiveBranches(db, campaign.campaignId, root, expected, [TODAY], where);
    };

    // one statement: 15 commitments over three sheets (one a draft) and five criteria
    const rows = [approvedA, draftA, approvedB].flatMap((registrationId, s) =>
      codes.map((code, i) => ({ registrationId, criterionItemId: campaign.items[code]!, action: `Việc lô ${s}-${i}`, target: null, place: null, startDate: null, deadline: `${year}-12-01`, sort: i })),
    );
    await db.transaction((tx) => regs.insertCommitmentsBatch(tx, rows));
    await check("after the batch insert");
    const written = await db.query<{ id: string; registration_id: string; mismatched: boolean }>(
      `SELECT c.id, c.registration_id, c.province_id IS DISTINCT FROM r.province_id AS mismatched
         FROM commitments c JOIN registrations r ON r.id = c.registration_id WHERE r.campaign_id = $1 ORDER BY c.sort, c.registration_id`,
      [campaign.campaignId],
    );
    expect(written).toHaveLength(15);
    expect(written.filter((w) => w.mismatched), "each row carries its sheet's province key").toEqual([]);

    // some achieved (row by row, as progress does), then one statement deletes achieved and open ones of every sheet
    const inA = written.filter((w) => w.registration_id === approvedA).map((w) => w.id);
    const inB = written.filter((w) => w.registration_id === approvedB).map((w) => w.id);
    const inDraft = written.filter((w) => w.registration_id === draftA).map((w) => w.id);
    for (const id of [inA[0]!, inA[1]!, inB[2]!]) await db.transaction((tx) => setCommitmentStatus(tx, id, "achieved"));
    await check("after progress");
    await db.transaction((tx) => regs.deleteCommitments(tx, [inA[0]!, inA[3]!, inB[2]!, inB[4]!, inDraft[0]!]));
    await check("after the batch delete");

    // a row naming no sheet is still refused (the key's trigger runs and the foreign key fails)
    await expect(db.transaction((tx) => regs.insertCommitmentsBatch(tx, [{ ...rows[0]!, registrationId: "00000000-0000-4000-8000-00000000dead" }]))).rejects.toThrow();
    await check("after a refused batch");
  });
});
