import { describe, expect, it } from "vitest";
import { daysLeftPhrase, parseDaysBefore, reminderStage } from "./reminders.js";

describe("reminderStage", () => {
  const deadline = "2026-04-10";
  it("is nothing before the longest lead time, then the shortest lead time that has begun", () => {
    expect(reminderStage(deadline, "2026-04-06")).toBeNull();
    expect(reminderStage(deadline, "2026-04-07")).toEqual({ stage: "before_3", daysLeft: 3 });
    expect(reminderStage(deadline, "2026-04-08")).toEqual({ stage: "before_3", daysLeft: 2 });
    expect(reminderStage(deadline, "2026-04-09")).toEqual({ stage: "before_1", daysLeft: 1 });
    expect(reminderStage(deadline, "2026-04-10")).toEqual({ stage: "before_1", daysLeft: 0 });
  });
  it("is 'after' from the day after the deadline for the window, then nothing", () => {
    expect(reminderStage(deadline, "2026-04-11")).toEqual({ stage: "after", daysLeft: -1 });
    expect(reminderStage(deadline, "2026-04-17")).toEqual({ stage: "after", daysLeft: -7 });
    expect(reminderStage(deadline, "2026-04-18")).toBeNull();
    expect(reminderStage(null, "2026-04-11")).toBeNull();
  });
  it("follows the configured lead times, across months", () => {
    expect(reminderStage("2026-03-02", "2026-02-23", { daysBefore: [7, 2], afterWindowDays: 1 })).toEqual({ stage: "before_7", daysLeft: 7 });
    expect(reminderStage("2026-03-02", "2026-02-28", { daysBefore: [7, 2], afterWindowDays: 1 })).toEqual({ stage: "before_2", daysLeft: 2 });
    expect(reminderStage("2026-03-02", "2026-03-04", { daysBefore: [7, 2], afterWindowDays: 1 })).toBeNull();
  });
});

describe("phrases and configuration", () => {
  it("says where the deadline stands in Vietnamese", () => {
    expect(daysLeftPhrase(3)).toBe("còn 3 ngày");
    expect(daysLeftPhrase(0)).toBe("hôm nay là hạn cuối");
    expect(daysLeftPhrase(-2)).toBe("đã quá hạn 2 ngày");
  });
  it("parses REMINDER_DAYS_BEFORE", () => {
    expect(parseDaysBefore(undefined)).toEqual([3, 1]);
    expect(parseDaysBefore("1, 7,3,3")).toEqual([7, 3, 1]);
    expect(() => parseDaysBefore("3,x")).toThrow("REMINDER_DAYS_BEFORE");
  });
});
