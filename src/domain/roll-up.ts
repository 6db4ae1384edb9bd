/**
 * Roll-up (tổng hợp) arithmetic for live reports: a unit's figures are the sum over its whole
 * subtree, any depth (commune ← cells, mass organisations ← …).
 */

/** A node of the organisation tree; a parent not in the list makes the unit a root. */
export type RollUpUnit = { id: string; parentId: string | null };

/** Registered and achieved commitments of one unit under one criterion. */
export type CriterionCount = { unitId: string; criterionCode: string; registered: number; achieved: number };

export type RollUpFigures = { registered: number; achieved: number; percent: number };

export type RollUpTotals = {
  unitId: string;
  /** Per criterion code, including the requested codes with zeros. */
  byCriterion: Record<string, RollUpFigures>;
  /** All criteria together. */
  total: RollUpFigures;
};

/** Inconsistent roll-up input (a data error, reported instead of silently miscounting). */
export class RollUpError extends Error {
  readonly code = "ROLL_UP_INVALID" as const;
  constructor(message: string) {
    super(message);
    this.name = "RollUpError";
  }
}

/**
 * achieved / registered as a percentage with one decimal (half up), 0 when nothing is registered.
 *
 * Why a function: reports print the same percentage in tables, charts and DOCX.
 */
export function percentAchieved(achieved: number, registered: number): number {
  if (registered === 0) return 0;
  return Math.round((achieved * 1000) / registered) / 10;
}

function figures(registered: number, achieved: number): RollUpFigures {
  return { registered, achieved, percent: percentAchieved(achieved, registered) };
}

/**
 * Totals over the subtree of every unit in `units` (the unit itself included).
 *
 * Why all units at once: a report table shows every child of a unit and the unit itself; one
 * post-order pass is O(units + counts) instead of one walk per unit. The walk is iterative so a
 * deep tree cannot overflow the stack. Several count rows for the same unit and criterion add up.
 * `criterionCodes` (e.g. ['I','II','III','IV','V']) gives every unit the same columns.
 */
export function rollUp(
  units: readonly RollUpUnit[],
  counts: readonly CriterionCount[],
  criterionCodes: readonly string[] = [],
): Map<string, RollUpTotals> {
  const ids = new Set<string>();
  for (const u of units) {
    if (ids.has(u.id)) throw new RollUpError(`Đơn vị “${u.id}” xuất hiện hai lần`);
    ids.add(u.id);
  }

  // Own counts per unit and criterion.
  const own = new Map<string, Map<string, { registered: number; achieved: number }>>();
  for (const c of counts) {
    if (!ids.has(c.unitId)) throw new RollUpError(`Số liệu của đơn vị “${c.unitId}” không có trong cây đơn vị`);
    if (!Number.isInteger(c.registered) || !Number.isInteger(c.achieved) || c.registered < 0 || c.achieved < 0) {
      throw new RollUpError(`Số liệu của đơn vị “${c.unitId}”, tiêu chí ${c.criterionCode} phải là số nguyên không âm`);
    }
    if (c.achieved > c.registered) {
      throw new RollUpError(
        `Đơn vị “${c.unitId}”, tiêu chí ${c.criterionCode}: số đạt (${c.achieved}) lớn hơn số đăng ký (${c.registered})`,
      );
    }
    let m = own.get(c.unitId);
    if (!m) own.set(c.unitId, (m = new Map()));
    const cur = m.get(c.criterionCode) ?? { registered: 0, achieved: 0 };
    m.set(c.criterionCode, { registered: cur.registered + c.registered, achieved: cur.achieved + c.achieved });
  }

  // Children lists; roots are units whose parent is absent or not in the list.
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const u of units) {
    if (u.parentId !== null && ids.has(u.parentId)) {
      let list = children.get(u.parentId);
      if (!list) children.set(u.parentId, (list = []));
      list.push(u.id);
    } else {
      roots.push(u.id);
    }
  }

  // Post-order: accumulate children into parents.
  const sums = new Map<string, Map<string, { registered: number; achieved: number }>>();
  const visited = new Set<string>();
  for (const root of roots) {
    const stack: { id: string; expanded: boolean }[] = [{ id: root, expanded: false }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { id: string; expanded: boolean };
      if (!top.expanded) {
        top.expanded = true;
        visited.add(top.id);
        for (const child of children.get(top.id) ?? []) stack.push({ id: child, expanded: false });
        continue;
      }
      stack.pop();
      const acc = new Map<string, { registered: number; achieved: number }>();
      for (const [code, v] of own.get(top.id) ?? []) acc.set(code, { ...v });
      for (const child of children.get(top.id) ?? []) {
        for (const [code, v] of sums.get(child) ?? []) {
          const cur = acc.get(code) ?? { registered: 0, achieved: 0 };
          acc.set(code, { registered: cur.registered + v.registered, achieved: cur.achieved + v.achieved });
        }
      }
      sums.set(top.id, acc);
    }
  }
  if (visited.size !== ids.size) {
    const cyclic = units.filter((u) => !visited.has(u.id)).map((u) => u.id);
    throw new RollUpError(`Cây đơn vị có vòng lặp (đơn vị là cấp trên của chính nó): ${cyclic.join(", ")}`);
  }

  const result = new Map<string, RollUpTotals>();
  for (const u of units) {
    const acc = sums.get(u.id) ?? new Map<string, { registered: number; achieved: number }>();
    const byCriterion: Record<string, RollUpFigures> = {};
    for (const code of criterionCodes) byCriterion[code] = figures(0, 0);
    let registered = 0;
    let achieved = 0;
    for (const [code, v] of acc) {
      byCriterion[code] = figures(v.registered, v.achieved);
      registered += v.registered;
      achieved += v.achieved;
    }
    result.set(u.id, { unitId: u.id, byCriterion, total: figures(registered, achieved) });
  }
  return result;
}

/**
 * Totals over the subtree of one unit.
 *
 * Why: a unit's report needs only its own line; this throws a clear error for an unknown unit
 * instead of returning an empty row.
 */
export function rollUpUnit(
  units: readonly RollUpUnit[],
  counts: readonly CriterionCount[],
  unitId: string,
  criterionCodes: readonly string[] = [],
): RollUpTotals {
  const totals = rollUp(units, counts, criterionCodes).get(unitId);
  if (!totals) throw new RollUpError(`Đơn vị “${unitId}” không có trong cây đơn vị`);
  return totals;
}
