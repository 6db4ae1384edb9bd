/**
 * Roll-up (tổng hợp) arithmetic for live reports. The sums themselves are kept by the database
 * per unit on every write (migration 0040) and added over a subtree's units when read; what is
 * left here is the arithmetic shown to people.
 */

export type RollUpFigures = { registered: number; achieved: number; percent: number };

/**
 * achieved / registered as a percentage with one decimal (half up), 0 when nothing is registered.
 *
 * Why a function: reports print the same percentage in tables, charts and DOCX.
 */
export function percentAchieved(achieved: number, registered: number): number {
  if (registered === 0) return 0;
  return Math.round((achieved * 1000) / registered) / 10;
}
