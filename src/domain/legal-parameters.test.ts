import { describe, expect, it } from "vitest";
import {
  DEFAULT_RATING_PARAMETERS,
  LegalParameterError,
  RATING_PARAMETER_KEY,
  pickParameter,
  pickRatingParameters,
  validateParameterPeriods,
  type LegalParameter,
} from "./legal-parameters.js";

const lines: LegalParameter<number>[] = [
  { key: "line", validFrom: "2022-01-01", validTo: "2026-12-31", legalBasis: "NĐ 07/2021", value: 1_500_000 },
  { key: "line", validFrom: "2027-01-01", validTo: null, legalBasis: "NĐ 351/2025", value: 2_200_000 },
  { key: "other", validFrom: "2000-01-01", validTo: null, legalBasis: "x", value: 1 },
];

function errorOf(fn: () => unknown): LegalParameterError {
  try {
    fn();
  } catch (e) {
    if (e instanceof LegalParameterError) return e;
    throw e;
  }
  throw new Error("expected a LegalParameterError");
}

describe("pickParameter", () => {
  it("chooses the period in force, bounds inclusive", () => {
    expect(pickParameter(lines, "line", "2022-01-01").value).toBe(1_500_000);
    expect(pickParameter(lines, "line", "2026-12-31").value).toBe(1_500_000);
    expect(pickParameter(lines, "line", "2027-01-01").value).toBe(2_200_000);
    expect(pickParameter(lines, "line", "2099-06-30").value).toBe(2_200_000);
  });

  it("only looks at the requested key", () => {
    expect(pickParameter(lines, "other", "2010-01-01").value).toBe(1);
    expect(errorOf(() => pickParameter(lines, "line", "2010-01-01")).reason).toBe("not_found");
  });

  it("throws a typed error with a Vietnamese message when nothing is in force", () => {
    const e = errorOf(() => pickParameter(lines, "line", "2021-12-31"));
    expect(e.reason).toBe("not_found");
    expect(e.code).toBe("LEGAL_PARAMETER_ERROR");
    expect(e.key).toBe("line");
    expect(e.onDate).toBe("2021-12-31");
    expect(e.message).toContain("31/12/2021");
  });

  it("rejects invalid dates", () => {
    expect(errorOf(() => pickParameter(lines, "line", "2023-02-29")).reason).toBe("invalid_date");
    expect(errorOf(() => pickParameter(lines, "line", "20230101")).reason).toBe("invalid_date");
  });

  it("refuses to choose between overlapping periods", () => {
    const overlapping = [
      ...lines,
      { key: "line", validFrom: "2026-12-31", validTo: "2027-01-31", legalBasis: "sai", value: 0 },
    ];
    expect(errorOf(() => pickParameter(overlapping, "line", "2027-01-15")).reason).toBe("ambiguous");
    expect(errorOf(() => pickParameter(overlapping, "line", "2026-12-31")).reason).toBe("ambiguous");
    expect(pickParameter(overlapping, "line", "2027-02-01").value).toBe(2_200_000);
  });
});

describe("validateParameterPeriods", () => {
  it("accepts the shipped rating periods and the sample lines", () => {
    expect(validateParameterPeriods(DEFAULT_RATING_PARAMETERS)).toEqual([]);
    expect(validateParameterPeriods(lines)).toEqual([]);
  });

  it("reports overlaps, reversed periods, bad dates and a missing basis", () => {
    const problems = validateParameterPeriods<number>([
      { key: "a", validFrom: "2020-01-01", validTo: "2020-12-31", legalBasis: "x", value: 1 },
      { key: "a", validFrom: "2020-12-31", validTo: null, legalBasis: "x", value: 2 },
      { key: "b", validFrom: "2020-05-01", validTo: "2020-04-30", legalBasis: "", value: 3 },
      { key: "c", validFrom: "2020-13-01", validTo: null, legalBasis: "x", value: 4 },
    ]);
    const messages = problems.map((p) => p.message);
    expect(messages.some((m) => m.includes("chồng lấn"))).toBe(true);
    expect(messages.some((m) => m.includes("trước ngày bắt đầu"))).toBe(true);
    expect(messages).toContain("Thiếu căn cứ pháp lý");
    expect(messages.some((m) => m.includes("2020-13-01"))).toBe(true);
    expect(problems).toHaveLength(4);
  });

  it("allows a gap between periods", () => {
    expect(
      validateParameterPeriods<number>([
        { key: "a", validFrom: "2020-01-01", validTo: "2020-06-30", legalBasis: "x", value: 1 },
        { key: "a", validFrom: "2021-01-01", validTo: null, legalBasis: "x", value: 2 },
      ]),
    ).toEqual([]);
  });
});

describe("DEFAULT_RATING_PARAMETERS", () => {
  it("uses Quy định 366-QĐ/TW from 30/8/2025 with no end", () => {
    const p = pickRatingParameters("2025-08-30");
    expect(p.value.regulation).toBe("Quy định 366-QĐ/TW");
    expect(p.validTo).toBeNull();
    expect(pickRatingParameters("2030-12-31").value.regulation).toBe("Quy định 366-QĐ/TW");
  });

  it("uses Quy định 124-QĐ/TW from 10/10/2023 to 29/8/2025", () => {
    expect(pickRatingParameters("2023-10-10").value.regulation).toBe("Quy định 124-QĐ/TW");
    expect(pickRatingParameters("2025-08-29").value.regulation).toBe("Quy định 124-QĐ/TW");
  });

  it("has parameters for a 2020 evaluation, from the earlier regulation, marked as configurable defaults", () => {
    const p = pickRatingParameters("2020-12-31");
    expect(p.value.regulation).toContain("132-QĐ/TW");
    expect(p.legalBasis).toContain("21-HD/BTCTW");
    expect(p.legalBasis).toContain("mặc định có thể cấu hình");
    expect(pickRatingParameters("2023-10-09").value.regulation).toContain("132-QĐ/TW");
  });

  it("fails for a date before any shipped period", () => {
    expect(() => pickRatingParameters("2010-01-01")).toThrow(LegalParameterError);
  });

  it("ships the same default numbers in every period", () => {
    for (const p of DEFAULT_RATING_PARAMETERS) {
      expect(p.key).toBe(RATING_PARAMETER_KEY);
      expect(p.value.bands).toEqual({ excellent: 90, good: 70, complete: 50 });
      expect(p.value.quota).toEqual({ percentOfGood: 20, higherPercentOfGood: 25, rounding: "floor" });
      expect(p.value.excellent).toEqual({ minOnTimePercent: 100, minExceededPercent: 30 });
      expect(p.value.good).toEqual({ minOnTimePercent: 100 });
      expect(p.value.complete).toEqual({ requireAllDone: true, maxBehindPercent: 20 });
      expect(p.value.cellExcellent.minPercentAtLeastComplete).toBe(100);
      expect(p.value.cellExcellent.minPercentAtLeastGood).toBe(80);
    }
  });

  it("keeps periods independent: no shared nested objects", () => {
    const [a, b] = DEFAULT_RATING_PARAMETERS;
    expect(a?.value.bands).not.toBe(b?.value.bands);
    expect(a?.value.quota).not.toBe(b?.value.quota);
  });

  it("is chosen from the caller's list when given", () => {
    const current = pickRatingParameters("2026-01-01");
    const custom = [{ ...current, value: { ...current.value, regulation: "X" } }];
    expect(pickRatingParameters("2026-01-01", custom).value.regulation).toBe("X");
  });
});
