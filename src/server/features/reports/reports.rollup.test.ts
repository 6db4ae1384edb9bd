/**
 * The live roll-up checked against a brute-force count: a random tree of depth ≥ 3 (one unit moved
 * during the campaign, one created after it), random members, registrations, commitments, statuses,
 * judgements and violations written with SQL; the API's totals must equal a plain loop over the rows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchKey } from "@domain/vietnamese-text.js";
import { buildPerson, buildUnit } from "../../test/factories.js";
import { setupTestApp, signIn, type Client, type TestContext } from "../../test/support.js";
import { seededRandom } from "../../test/random.js";
import { buildCampaign, buildCommitment, buildRegistration, buildViolation, CRITERION_CODES, type CampaignFixture } from "./reports.fixtures.js";

let ctx: TestContext;
let admin: Client;
beforeAll(async () => {
  ctx = await setupTestApp();
  admin = await signIn(ctx.app, "admin");
});
afterAll(() => ctx.close());

const PERIOD = { from: "2020-03-01", to: "2020-12-31" };
const AS_OF = "2020-12-31";
const BREAKS: Record<string, string[]> = { I: [], II: ["harassment"], III: ["littering"], IV: ["traffic"], V: ["disorder"] };
const STATUSES = ["not_started", "in_progress", "achieved", "not_achieved"] as const;
const REG_STATUSES = ["draft", "submitted", "approved", "approved", "approved", "returned"] as const;
const KINDS = ["traffic", "littering", "disorder", "harassment", "other"] as const;
const VIOLATION_DATES = ["2019-12-20", "2020-02-29", "2020-03-01", "2020-06-15", "2020-12-31", "2021-01-01"];

interface World {
  root: string;
  parentAt: Map<string, string | null>;
  positions: { unitId: string; personId: string; active: boolean }[];
  regs: { id: string; unitId: string; personId: string | null; status: string }[];
  commitments: { id: string; regId: string; criterion: string; status: string; judged: string | null }[];
  violations: { personId: string | null; commitmentId: string | null; kind: string; date: string }[];
  campaign: CampaignFixture;
  mid: string;
}

async function buildWorld(rand: () => number): Promise<World> {
  const db = ctx.db;
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const root = await buildUnit(db, { kind: "commune_party_committee", name: "Đảng ủy xã Ngẫu nhiên", symbolCode: "ĐU" });
  const parentAt = new Map<string, string | null>([[root, null]]);
  const units = [root];
  // a chain guarantees depth ≥ 3
  let parent = root;
  for (let d = 1; d <= 3; d++) {
    const u = await buildUnit(db, { parentId: parent, kind: d === 1 ? "fatherland_front" : "mass_organization", name: `Cấp ${d}` });
    parentAt.set(u, parent);
    units.push(u);
    parent = u;
  }
  const mid = units[1]!;
  for (let i = 0; i < 14; i++) {
    const p = pick(units);
    const u = await buildUnit(db, { parentId: p, kind: rand() < 0.6 ? "party_cell" : "mass_organization", name: `Đơn vị ${i}` });
    parentAt.set(u, p);
    units.push(u);
  }
  // a unit moved on 2020-07-01: as of the campaign's date it counts under its new parent
  const from = pick(units.slice(1));
  const to = pick(units.filter((u) => u !== from));
  const moved = await buildUnit(db, { parentId: from, name: "Chi bộ chuyển", validTo: "2020-06-30" });
  await db.query(
    "INSERT INTO unit_versions (unit_id, name, symbol_code, parent_id, valid_from, search_key) VALUES ($1, 'Chi bộ chuyển', 'CB', $2, '2020-07-01', $3)",
    [moved, to, searchKey("Chi bộ chuyển")],
  );
  parentAt.set(moved, to);
  units.push(moved);
  // a unit created after the campaign: not in the 2020 tree, its rows must not count
  const later = await buildUnit(db, { parentId: root, name: "Chi bộ mới lập", validFrom: "2022-01-01" });

  const campaign = await buildCampaign(db, { unitId: root, periodStart: PERIOD.from, periodEnd: PERIOD.to });
  const positions: World["positions"] = [];
  const regs: World["regs"] = [];
  const commitments: World["commitments"] = [];
  const violations: World["violations"] = [];
  const items = Object.entries(campaign.items);

  const addRegistration = async (unitId: string, personId: string | null) => {
    const status = pick(REG_STATUSES);
    const id = await buildRegistration(db, { campaignId: campaign.campaignId, unitId, personId, status });
    regs.push({ id, unitId, personId, status });
    const n = Math.floor(rand() * 5);
    for (let k = 0; k < n; k++) {
      const [code, itemId] = pick(items);
      const st = pick(STATUSES);
      const judged = rand() < 0.3 ? pick(["achieved", "not_achieved"] as const) : null;
      const cid = await buildCommitment(db, { registrationId: id, itemId, status: st, judgedStatus: judged });
      commitments.push({ id: cid, regId: id, criterion: code.split(".")[0]!, status: st, judged });
    }
  };

  for (const unitId of [...units.slice(1), later]) {
    const people = Math.floor(rand() * 4);
    for (let k = 0; k < people; k++) {
      const r = rand();
      const startDate = r < 0.1 ? "2021-01-01" : "2015-01-01";
      const { personId, positionId } = await buildPerson(db, { unitId, startDate });
      const ended = r >= 0.1 && r < 0.2;
      if (ended) await db.query("UPDATE positions SET end_date = '2019-12-31' WHERE id = $1", [positionId]);
      positions.push({ unitId, personId, active: startDate <= AS_OF && !ended });
      if (rand() < 0.85) await addRegistration(unitId, personId);
    }
    if (rand() < 0.3) await addRegistration(unitId, null);
  }
  // violations: of a person (by kind), some recorded against a commitment, some outside the period
  const withPerson = regs.filter((r) => r.personId);
  for (let k = 0; k < 25 && withPerson.length; k++) {
    const reg = pick(withPerson);
    const own = commitments.filter((c) => c.regId === reg.id);
    const link = rand() < 0.3 ? (own.length ? pick(own).id : commitments.length ? pick(commitments).id : null) : null;
    const v = { personId: reg.personId, commitmentId: link, kind: pick(KINDS), date: pick(VIOLATION_DATES) };
    await buildViolation(db, { campaignId: campaign.campaignId, unitId: reg.unitId, personId: v.personId, commitmentId: v.commitmentId, kind: v.kind, occurredOn: v.date });
    violations.push(v);
  }
  // a violation recorded against a collective's commitment (no person)
  const collective = commitments.find((c) => regs.find((r) => r.id === c.regId)?.personId === null);
  if (collective) {
    const reg = regs.find((r) => r.id === collective.regId)!;
    await buildViolation(db, { campaignId: campaign.campaignId, unitId: reg.unitId, commitmentId: collective.id, kind: "other", occurredOn: "2020-05-05" });
    violations.push({ personId: null, commitmentId: collective.id, kind: "other", date: "2020-05-05" });
  }
  return { root, parentAt, positions, regs, commitments, violations, campaign, mid };
}

/** The plain count: loops over the rows, no shared code with the feature. */
function bruteForce(w: World, unitId: string) {
  const inSubtree = (u: string): boolean => {
    for (let cur: string | null | undefined = u; cur; cur = w.parentAt.get(cur)) if (cur === unitId) return true;
    return false;
  };
  const tree = (u: string) => w.parentAt.has(u) && inSubtree(u);
  const byCriterion: Record<string, [number, number]> = Object.fromEntries(CRITERION_CODES.map((c) => [c, [0, 0]]));
  for (const c of w.commitments) {
    const reg = w.regs.find((r) => r.id === c.regId)!;
    if (reg.status !== "approved" || !tree(reg.unitId)) continue;
    const cell = byCriterion[c.criterion]!;
    cell[0] += 1;
    const effective = c.judged ?? c.status;
    const broken = w.violations.some(
      (v) =>
        v.date >= PERIOD.from &&
        v.date <= PERIOD.to &&
        (v.commitmentId === c.id || (reg.personId !== null && v.personId === reg.personId && BREAKS[c.criterion]!.includes(v.kind))),
    );
    if (effective === "achieved" && !broken) cell[1] += 1;
  }
  const members = new Set(w.positions.filter((p) => p.active && tree(p.unitId)).map((p) => p.personId));
  const registered = new Set(w.regs.filter((r) => r.status === "approved" && r.personId && tree(r.unitId)).map((r) => r.personId));
  return { byCriterion, members: { registered: registered.size, total: members.size } };
}

const fromApi = (list: { code: string; registered: number; achieved: number }[]) => Object.fromEntries(list.map((x) => [x.code, [x.registered, x.achieved]]));

describe("roll-up against a brute-force count over random data", () => {
  for (const seed of [20200302, Date.now() % 1_000_000_007]) {
    it(`seed ${seed}`, async () => {
      const w = await buildWorld(seededRandom(seed));
      const base = `/api/reports/${w.campaign.campaignId}/units`;
      const r = await admin.get(`${base}/${w.root}/rollup`);
      expect(r.status).toBe(200);
      const expected = bruteForce(w, w.root);
      expect(fromApi(r.body.criteria), `seed ${seed}`).toEqual(expected.byCriterion);
      expect(r.body.members, `seed ${seed}`).toEqual(expected.members);
      const sum = Object.values(expected.byCriterion).reduce((a, [reg, ach]) => [a[0] + reg, a[1] + ach], [0, 0]);
      expect([r.body.total.registered, r.body.total.achieved]).toEqual(sum);

      // every child row is that child's own subtree
      const children = [...w.parentAt].filter(([, p]) => p === w.root).map(([u]) => u);
      expect(r.body.children.map((c: { id: string }) => c.id).sort()).toEqual(children.sort());
      for (const child of r.body.children as { id: string; byCriterion: { code: string; registered: number; achieved: number }[]; members: unknown }[]) {
        const e = bruteForce(w, child.id);
        expect(fromApi(child.byCriterion), `seed ${seed}, child ${child.id}`).toEqual(e.byCriterion);
        expect(child.members).toEqual(e.members);
      }

      // any depth: a unit in the middle of the tree, and a report's statistics of every unit
      const mid = await admin.get(`${base}/${w.mid}/rollup`);
      expect(fromApi(mid.body.criteria)).toEqual(bruteForce(w, w.mid).byCriterion);
      for (const unitId of w.parentAt.keys()) {
        const rep = await admin.get(`${base}/${unitId}`);
        const e = bruteForce(w, unitId);
        expect(fromApi(rep.body.statistics.criteria), `seed ${seed}, unit ${unitId}`).toEqual(e.byCriterion);
        expect(rep.body.statistics.members).toEqual(e.members);
      }
    });
  }
});
