import { describe, expect, it } from "vitest";
import { RollUpError, percentAchieved, rollUp, rollUpUnit, type CriterionCount, type RollUpUnit } from "./roll-up.js";

const CODES = ["I", "II", "III", "IV", "V"];

// District ← commune ← (school cell, hamlet cell ← sub-group), TTKV; a separate root elsewhere.
const units: RollUpUnit[] = [
  { id: "district", parentId: null },
  { id: "commune", parentId: "district" },
  { id: "school", parentId: "commune" },
  { id: "hamlet", parentId: "commune" },
  { id: "group", parentId: "hamlet" },
  { id: "ttkv", parentId: "commune" },
  { id: "other", parentId: null },
];

const counts: CriterionCount[] = [
  { unitId: "school", criterionCode: "IV", registered: 20, achieved: 19 },
  { unitId: "school", criterionCode: "III", registered: 3, achieved: 3 },
  { unitId: "hamlet", criterionCode: "IV", registered: 10, achieved: 8 },
  { unitId: "group", criterionCode: "IV", registered: 5, achieved: 5 },
  { unitId: "group", criterionCode: "I", registered: 2, achieved: 0 },
  { unitId: "commune", criterionCode: "II", registered: 4, achieved: 1 },
  { unitId: "other", criterionCode: "IV", registered: 100, achieved: 100 },
];

describe("percentAchieved", () => {
  it("has one decimal, rounded half up, and 0 when nothing is registered", () => {
    expect(percentAchieved(19, 20)).toBe(95);
    expect(percentAchieved(2, 3)).toBe(66.7);
    expect(percentAchieved(1, 3)).toBe(33.3);
    expect(percentAchieved(1, 16)).toBe(6.3); // 6.25
    expect(percentAchieved(0, 0)).toBe(0);
    expect(percentAchieved(7, 7)).toBe(100);
  });
});

describe("rollUp", () => {
  it("sums a unit's whole subtree at any depth", () => {
    const totals = rollUp(units, counts, CODES);
    const commune = totals.get("commune");
    expect(commune?.byCriterion.IV).toEqual({ registered: 35, achieved: 32, percent: 91.4 });
    expect(commune?.byCriterion.I).toEqual({ registered: 2, achieved: 0, percent: 0 });
    expect(commune?.byCriterion.II).toEqual({ registered: 4, achieved: 1, percent: 25 });
    expect(commune?.byCriterion.V).toEqual({ registered: 0, achieved: 0, percent: 0 });
    expect(commune?.total).toEqual({ registered: 44, achieved: 36, percent: 81.8 });
    expect(totals.get("district")?.total).toEqual(commune?.total);
    expect(totals.get("hamlet")?.byCriterion.IV).toEqual({ registered: 15, achieved: 13, percent: 86.7 });
    expect(totals.get("ttkv")?.total).toEqual({ registered: 0, achieved: 0, percent: 0 });
    expect(totals.get("other")?.total.registered).toBe(100);
  });

  it("adds several rows of the same unit and criterion", () => {
    const t = rollUpUnit(
      [{ id: "a", parentId: null }],
      [
        { unitId: "a", criterionCode: "IV", registered: 2, achieved: 1 },
        { unitId: "a", criterionCode: "IV", registered: 3, achieved: 3 },
      ],
      "a",
    );
    expect(t.byCriterion).toEqual({ IV: { registered: 5, achieved: 4, percent: 80 } });
  });

  it("treats a unit whose parent is not in the list as a root", () => {
    const t = rollUpUnit(
      [
        { id: "commune", parentId: "district-not-loaded" },
        { id: "cell", parentId: "commune" },
      ],
      [{ unitId: "cell", criterionCode: "IV", registered: 1, achieved: 1 }],
      "commune",
    );
    expect(t.total.registered).toBe(1);
  });

  it("reports inconsistent data", () => {
    expect(() => rollUp([{ id: "a", parentId: null }, { id: "a", parentId: null }], [])).toThrow(RollUpError);
    expect(() => rollUp([{ id: "a", parentId: null }], [{ unitId: "b", criterionCode: "I", registered: 1, achieved: 0 }])).toThrow(
      RollUpError,
    );
    expect(() => rollUp([{ id: "a", parentId: null }], [{ unitId: "a", criterionCode: "I", registered: 1, achieved: 2 }])).toThrow(
      /lớn hơn số đăng ký/,
    );
    expect(() => rollUp([{ id: "a", parentId: null }], [{ unitId: "a", criterionCode: "I", registered: -1, achieved: 0 }])).toThrow(
      RollUpError,
    );
    expect(() => rollUpUnit(units, counts, "nowhere")).toThrow(RollUpError);
  });

  it("detects cycles", () => {
    const cyclic: RollUpUnit[] = [
      { id: "root", parentId: null },
      { id: "a", parentId: "b" },
      { id: "b", parentId: "a" },
      { id: "self", parentId: "self" },
    ];
    expect(() => rollUp(cyclic, [])).toThrow(/vòng lặp.*a, b, self/);
  });

  it("handles a very deep chain without overflowing the stack", () => {
    const depth = 50_000;
    const chain: RollUpUnit[] = Array.from({ length: depth }, (_, i) => ({ id: `u${i}`, parentId: i === 0 ? null : `u${i - 1}` }));
    const t = rollUpUnit(chain, [{ unitId: `u${depth - 1}`, criterionCode: "IV", registered: 4, achieved: 3 }], "u0");
    expect(t.total).toEqual({ registered: 4, achieved: 3, percent: 75 });
  });
});

/** Deterministic PRNG (mulberry32) so a failing case can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("rollUp brute force on random trees", () => {
  it("matches summing over descendants found by walking up from every unit", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const rnd = prng(seed);
      const int = (n: number) => Math.floor(rnd() * n);
      const n = 1 + int(60);
      // Parents always come earlier, so the result is a forest; shuffle the order given to rollUp.
      const tree: RollUpUnit[] = Array.from({ length: n }, (_, i) => ({
        id: `u${i}`,
        parentId: i === 0 || rnd() < 0.1 ? null : `u${int(i)}`,
      }));
      const shuffled = [...tree].sort(() => rnd() - 0.5);
      const rows: CriterionCount[] = [];
      for (let k = int(3 * n); k > 0; k--) {
        const registered = int(20);
        rows.push({ unitId: `u${int(n)}`, criterionCode: CODES[int(CODES.length)] as string, registered, achieved: int(registered + 1) });
      }
      const parentOf = new Map(tree.map((u) => [u.id, u.parentId]));
      const isInSubtree = (id: string, root: string): boolean => {
        for (let cur: string | null = id; cur !== null; cur = parentOf.get(cur) ?? null) if (cur === root) return true;
        return false;
      };

      const totals = rollUp(shuffled, rows, CODES);
      expect(totals.size).toBe(n);
      for (const u of tree) {
        const mine = rows.filter((r) => isInSubtree(r.unitId, u.id));
        const got = totals.get(u.id);
        for (const code of CODES) {
          const reg = mine.filter((r) => r.criterionCode === code).reduce((s, r) => s + r.registered, 0);
          const ach = mine.filter((r) => r.criterionCode === code).reduce((s, r) => s + r.achieved, 0);
          expect(got?.byCriterion[code], `seed ${seed}, unit ${u.id}, criterion ${code}`).toEqual({
            registered: reg,
            achieved: ach,
            percent: reg === 0 ? 0 : Math.round((ach / reg) * 1000) / 10,
          });
        }
        const reg = mine.reduce((s, r) => s + r.registered, 0);
        const ach = mine.reduce((s, r) => s + r.achieved, 0);
        expect(got?.total, `seed ${seed}, unit ${u.id}`).toEqual({ registered: reg, achieved: ach, percent: percentAchieved(ach, reg) });
      }
    }
  });
});
