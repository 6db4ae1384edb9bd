import { describe, expect, it } from "vitest";
import { formatViDate, todayInVietnam, vietnamDayOf } from "./dates.js";

describe("Vietnamese calendar days", () => {
  it("shows an instant late in the UTC evening as the next day, Vietnam's (02/12, not 01/12)", () => {
    expect(formatViDate("2026-12-01T23:50:00Z")).toBe("02/12/2026");
    expect(formatViDate("2026-12-01T23:50:00.000Z")).toBe("02/12/2026");
    expect(vietnamDayOf("2026-12-01T23:50:00Z")).toBe("2026-12-02");
    expect(todayInVietnam(new Date("2026-12-01T23:50:00Z"))).toBe("2026-12-02");
  });

  it("keeps an instant whose UTC and Vietnamese days agree, and a plain date as written", () => {
    expect(formatViDate("2026-12-01T16:59:59Z")).toBe("01/12/2026");
    expect(formatViDate("2026-12-01T17:00:00Z")).toBe("02/12/2026");
    expect(formatViDate("2026-12-31")).toBe("31/12/2026");
    expect(formatViDate("2026-12-31T20:00:00+07:00")).toBe("31/12/2026");
    expect(formatViDate(null)).toBe("");
  });
});
