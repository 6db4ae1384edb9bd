import { describe, expect, it } from "vitest";
import { countsInFigures, registrationFigures } from "./registration-figures.js";

describe("what the figures count", () => {
  it("approved sheets only: a sheet awaiting approval is listed apart, drafts and returned sheets count nowhere", () => {
    expect(["approved", "submitted", "draft", "returned"].map(countsInFigures)).toEqual([true, false, false, false]);
    const f = registrationFigures(
      [
        { status: "approved", personId: "a", commitments: 3, models: 1 },
        { status: "approved", personId: "left", commitments: 2, models: 0 },
        { status: "approved", personId: null, commitments: 2, models: 1 },
        { status: "submitted", personId: "b", commitments: 3, models: 0 },
        { status: "returned", personId: "c", commitments: 2, models: 0 },
      ],
      new Set(["a", "b", "c"]),
    );
    expect(f).toMatchObject({ members: 1, commitments: 7, models: 2 });
    expect(f.awaiting.map((r) => r.personId)).toEqual(["b"]);
  });
});
