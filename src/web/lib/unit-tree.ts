import { compareText, searchKey } from "@domain/vietnamese-text.js";
import type { Unit } from "@web/api/units";

export interface UnitTreeNode {
  unit: Unit;
  children: UnitTreeNode[];
}

/**
 * Nests the flat unit list the server returns (in its order). A unit whose parent is not in the
 * list (outside my scope, or filtered out) becomes a root.
 */
export function buildUnitTree(units: readonly Unit[]): UnitTreeNode[] {
  const byId = new Map<string, UnitTreeNode>();
  for (const u of units) byId.set(u.id, { unit: u, children: [] });
  const roots: UnitTreeNode[] = [];
  for (const u of units) {
    const node = byId.get(u.id)!;
    const parent = u.parentId ? byId.get(u.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Keeps the nodes whose name (or short name, code, symbol) matches, plus their ancestors. */
export function filterUnitTree(nodes: readonly UnitTreeNode[], query: string): UnitTreeNode[] {
  const q = searchKey(query);
  if (!q) return [...nodes];
  const out: UnitTreeNode[] = [];
  for (const n of nodes) {
    const children = filterUnitTree(n.children, query);
    const hay = searchKey(`${n.unit.name} ${n.unit.shortName ?? ""} ${n.unit.code} ${n.unit.symbolCode} ${n.unit.kindLabel}`);
    if (hay.includes(q) || children.length) out.push({ unit: n.unit, children });
  }
  return out;
}

/** Ids of every node in the tree (to expand everything). */
export function allIds(nodes: readonly UnitTreeNode[]): string[] {
  return nodes.flatMap((n) => [n.unit.id, ...allIds(n.children)]);
}

/** Ids of a unit and everything under it (a unit cannot move under itself). */
export function subtreeIds(units: readonly Unit[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parentId && ids.has(u.parentId) && !ids.has(u.id)) {
        ids.add(u.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** Units sorted by Vietnamese name (for flat pickers). */
export function sortUnitsByName(units: readonly Unit[]): Unit[] {
  return [...units].sort((a, b) => compareText(a.name, b.name));
}
