/**
 * A set of units the actor may act on: the union of a few cached subtrees (and the units of the
 * actor's positions), answered without copying them into one set on every request.
 */
export interface UnitSet extends Iterable<string> {
  has(unitId: string): boolean;
}

export function unionOfUnits(parts: readonly ReadonlySet<string>[]): UnitSet {
  if (parts.length === 1) return parts[0]!;
  return {
    has: (unitId) => parts.some((p) => p.has(unitId)),
    *[Symbol.iterator]() {
      const seen = new Set<string>();
      for (const p of parts) {
        for (const id of p) {
          if (seen.has(id)) continue;
          seen.add(id);
          yield id;
        }
      }
    },
  };
}
