import { formatViDate, todayInVietnam } from "@domain/dates.js";

export { formatViDate, todayInVietnam };

/** An instant shown the Vietnamese way in Vietnam's time zone: "dd/mm/yyyy HH:mm". */
export function formatViDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return "";
  const local = new Date(t + 7 * 3600_000).toISOString();
  return `${formatViDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

/** "01/09/2005 – nay" style validity range. */
export function formatRange(from: string | null | undefined, to: string | null | undefined): string {
  const a = from ? formatViDate(from) : "…";
  const b = to ? formatViDate(to) : "nay";
  return `${a} – ${b}`;
}

/** Trims strings and turns empty ones into null so optional fields can be cleared. */
export function emptyToNull<T extends Record<string, unknown>>(values: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (typeof v === "string") {
      const t = v.trim();
      out[k] = t === "" ? null : t;
    } else {
      out[k] = v === undefined ? null : v;
    }
  }
  return out as T;
}
