import { describe, expect, it } from "vitest";
import { commitmentDateProblems } from "./commitment-dates.js";

const period = { start: "2026-01-01", end: "2026-12-31" };

describe("commitmentDateProblems", () => {
  it("accepts a deadline within the period, with or without a start before it", () => {
    expect(commitmentDateProblems({ startDate: null, deadline: "2026-12-31" }, period)).toEqual([]);
    expect(commitmentDateProblems({ startDate: "2026-01-01", deadline: "2026-01-01" }, period)).toEqual([]);
  });

  it("refuses a missing deadline or one outside the period, naming the period", () => {
    expect(commitmentDateProblems({ startDate: null, deadline: null }, period)).toEqual([{ field: "deadline", message: "Chưa có thời hạn hoàn thành" }]);
    expect(commitmentDateProblems({ startDate: null, deadline: "2027-01-01" }, period)).toEqual([
      { field: "deadline", message: "Thời hạn phải trong thời gian phong trào (01/01/2026 – 31/12/2026)" },
    ]);
  });

  it("refuses a start outside the period, or after the deadline", () => {
    expect(commitmentDateProblems({ startDate: "2025-12-31", deadline: "2026-06-30" }, period)).toEqual([
      { field: "startDate", message: "Ngày bắt đầu phải trong thời gian phong trào (01/01/2026 – 31/12/2026)" },
    ]);
    expect(commitmentDateProblems({ startDate: "2026-07-01", deadline: "2026-06-30" }, period)).toEqual([{ field: "startDate", message: "Ngày bắt đầu phải trước hoặc bằng thời hạn" }]);
  });
});
