/**
 * When a deadline reminder is due (issue 9, point 2). Pure: the job passes today's Vietnamese day.
 *
 * Before the deadline, one reminder per configured lead time (default 3 and 1 days): the stage of
 * a day is the shortest lead time that has begun, so a server that was down on the day of the
 * 3-day reminder sends the 1-day one only, never both. After the deadline, one reminder ("after")
 * to the secretary above, from the day after the deadline for `afterWindowDays` days (a server
 * down that day still sends it; an old campaign is never reminded of).
 */
export type ReminderStage = `before_${number}` | "after";

export interface ReminderTiming {
  /** Lead times in days before the deadline, e.g. [3, 1]. */
  daysBefore: readonly number[];
  /** Days after the deadline during which the "after" reminder may still go out. */
  afterWindowDays: number;
}

export const DEFAULT_REMINDER_TIMING: ReminderTiming = { daysBefore: [3, 1], afterWindowDays: 7 };

/** Whole days from `from` to `to` ('YYYY-MM-DD'), negative when `to` is earlier. */
export function daysFromTo(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The reminder stage due on `today` for a deadline, or null when none is. */
export function reminderStage(deadline: string | null, today: string, timing: ReminderTiming = DEFAULT_REMINDER_TIMING): { stage: ReminderStage; daysLeft: number } | null {
  if (!deadline) return null;
  const daysLeft = daysFromTo(today, deadline);
  if (daysLeft < 0) return -daysLeft <= timing.afterWindowDays ? { stage: "after", daysLeft } : null;
  const begun = timing.daysBefore.filter((d) => d >= daysLeft);
  if (begun.length === 0) return null;
  return { stage: `before_${Math.min(...begun)}`, daysLeft };
}

/** "còn 3 ngày", "hôm nay là hạn cuối", "đã quá hạn 2 ngày": how a reminder says where the deadline stands. */
export function daysLeftPhrase(daysLeft: number): string {
  if (daysLeft > 0) return `còn ${daysLeft} ngày`;
  if (daysLeft === 0) return "hôm nay là hạn cuối";
  return `đã quá hạn ${-daysLeft} ngày`;
}

/** REMINDER_DAYS_BEFORE="3,1" → [3, 1]; anything not a whole number of days ≥ 0 is refused. */
export function parseDaysBefore(v: string | undefined): number[] {
  if (v === undefined || v.trim() === "") return [...DEFAULT_REMINDER_TIMING.daysBefore];
  const days = v.split(",").map((x) => x.trim()).filter(Boolean).map(Number);
  if (days.some((d) => !Number.isInteger(d) || d < 0)) throw new Error(`REMINDER_DAYS_BEFORE phải là các số ngày nguyên, cách nhau bởi dấu phẩy (ví dụ 3,1), không phải "${v}"`);
  return [...new Set(days)].sort((a, b) => b - a);
}
