/** Calendar dates as 'YYYY-MM-DD' strings in Vietnam's time zone (UTC+7, no daylight saving). */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Today's date in Vietnam for a given instant (defaults to now). */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** True for a real calendar date written 'YYYY-MM-DD'. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** 'YYYY-MM-DD' → 'dd/mm/yyyy', the way Vietnamese offices write dates. */
export function formatViDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const [y, m, d] = iso.slice(0, 10).split("-");
  return `${d}/${m}/${y}`;
}

/** Adds (or subtracts) calendar days. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
