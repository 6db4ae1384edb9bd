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

/**
 * The Vietnamese calendar day ('YYYY-MM-DD') of a date or an instant: a plain date is kept as it is,
 * an ISO instant ("2026-12-01T23:50:00Z") is read in Asia/Ho_Chi_Minh (here 2026-12-02), never by
 * cutting its first ten characters (the UTC day).
 */
export function vietnamDayOf(isoDateOrInstant: string): string {
  if (isoDateOrInstant.length <= 10) return isoDateOrInstant;
  const t = new Date(isoDateOrInstant).getTime();
  return Number.isNaN(t) ? isoDateOrInstant.slice(0, 10) : todayInVietnam(new Date(t));
}

/** 'YYYY-MM-DD' (or an ISO instant, shown as its day in Vietnam) → 'dd/mm/yyyy', the way Vietnamese offices write dates. */
export function formatViDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const [y, m, d] = vietnamDayOf(iso).split("-");
  return `${d}/${m}/${y}`;
}

/** Adds (or subtracts) calendar days. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
