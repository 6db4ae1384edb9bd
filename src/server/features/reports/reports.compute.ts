/**
 * Pure date arithmetic of result reports (no SQL, no permissions): the day figures are read on and
 * the committee term a report's number belongs to.
 */

/**
 * The date a campaign's figures are read on: today while it runs, clamped to its period (a 2020
 * report shows the 2020 tree and the 2020 members).
 */
export function campaignAsOf(c: { period_start: string; period_end: string }, today: string): string {
  if (today < c.period_start) return c.period_start;
  if (today > c.period_end) return c.period_end;
  return today;
}

/**
 * The committee term a Party document date falls in when the unit has none recorded (RULES.md §5:
 * numbers run per type within a term): five-year terms from 1 October 2015, 2020, 2025… — the
 * same default the plans use, so a unit's KH and BC series agree.
 */
export function defaultTermBounds(date: string): { start: string; end: string } {
  const year = Number(date.slice(0, 4));
  let start = 2015 + Math.floor((year - 2015) / 5) * 5;
  if (`${start}-10-01` > date) start -= 5;
  return { start: `${start}-10-01`, end: `${start + 5}-09-30` };
}
