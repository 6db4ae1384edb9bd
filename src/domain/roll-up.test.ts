import { describe, expect, it } from "vitest";
import { percentAchieved } from "./roll-up.js";

describe("percentAchieved", () => {
  it("has one decimal, rounded half up, and 0 when nothing is registered", () => {
    expect(percentAchieved(19, 20)).toBe(95);
    expect(percentAchieved(2, 3)).toBe(66.7);
    expect(percentAchieved(1, 3)).toBe(33.3);
    expect(percentAchieved(1, 16)).toBe(6.3); // 6.25
    expect(percentAchieved(0, 0)).toBe(0);
    expect(percentAchieved(7, 7)).toBe(100);
  });
});
