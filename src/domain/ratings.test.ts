import { describe, expect, it } from "vitest";
import { pickRatingParameters, type RatingParameters } from "./legal-parameters.js";
import {
  RATING_LABELS,
  RatingInputError,
  VIOLATION_KIND_LABELS,
  applyRounding,
  bandForScore,
  checkEvaluation,
  commitmentOutcome,
  excellentQuotaLimit,
  isAtLeast,
  proposeRating,
  ratingConditionProblems,
  scoreFromCommitments,
  suggestRating,
  type EvaluatedMember,
  type Rating,
  type MandatoryItemFacts,
  type RatingInput,
} from "./ratings.js";

const P366 = pickRatingParameters("2025-12-31").value;
const P2020 = pickRatingParameters("2020-12-31").value;

function withRounding(params: RatingParameters, rounding: RatingParameters["quota"]["rounding"]): RatingParameters {
  return { ...params, quota: { ...params.quota, rounding } };
}

/** A list of members: `spec` like { excellent: 3, good: 10 }. */
function members(spec: Partial<Record<Rating | "unrated", number>>): EvaluatedMember[] {
  const list: EvaluatedMember[] = [];
  for (const [rating, n] of Object.entries(spec)) {
    for (let i = 0; i < (n ?? 0); i++) {
      list.push({
        personId: `${rating}-${i}`,
        name: `Người ${rating} ${i + 1}`,
        rating: rating === "unrated" ? null : (rating as Rating),
      });
    }
  }
  return list;
}

describe("labels", () => {
  it("names the four levels in Vietnamese", () => {
    expect(RATING_LABELS).toEqual({
      excellent: "Hoàn thành xuất sắc nhiệm vụ",
      good: "Hoàn thành tốt nhiệm vụ",
      complete: "Hoàn thành nhiệm vụ",
      incomplete: "Không hoàn thành nhiệm vụ",
    });
    expect(VIOLATION_KIND_LABELS.traffic).toBe("Vi phạm luật giao thông");
  });

  it("orders levels", () => {
    expect(isAtLeast("excellent", "good")).toBe(true);
    expect(isAtLeast("complete", "good")).toBe(false);
    expect(isAtLeast("complete", "complete")).toBe(true);
  });
});

describe("bandForScore", () => {
  it.each([
    [100, "excellent"],
    [90, "excellent"],
    [89.99, "good"],
    [70, "good"],
    [69.99, "complete"],
    [50, "complete"],
    [49.99, "incomplete"],
    [0, "incomplete"],
  ] as const)("%s → %s", (score, band) => {
    expect(bandForScore(score, P366)).toBe(band);
  });

  it("rejects scores outside the scale", () => {
    expect(() => bandForScore(100.01, P366)).toThrow(RatingInputError);
    expect(() => bandForScore(-1, P366)).toThrow(RatingInputError);
    expect(() => bandForScore(Number.NaN, P366)).toThrow(RatingInputError);
  });
});

describe("proposeRating", () => {
  const perfect: RatingInput = {
    score: 95,
    tasksTotal: 10,
    tasksOnTime: 10,
    tasksExceeded: 3,
    tasksBehind: 0,
    tasksDone: 10,
    disqualified: false,
  };

  it("gives excellent when the score and every condition allow it (30% exceeded is enough)", () => {
    expect(proposeRating(perfect, P366)).toEqual({ rating: "excellent", reasons: [] });
  });

  it("explains a score below the excellent band", () => {
    expect(proposeRating({ ...perfect, score: 88 }, P366)).toEqual({
      rating: "good",
      reasons: ["Điểm 88 < 90 điểm của mức Hoàn thành xuất sắc"],
    });
    expect(proposeRating({ ...perfect, score: 89.99 }, P366).reasons).toEqual([
      "Điểm 89,99 < 90 điểm của mức Hoàn thành xuất sắc",
    ]);
  });

  it("drops excellent to good when fewer than 30% of tasks were exceeded", () => {
    const r = proposeRating({ ...perfect, tasksExceeded: 2 }, P366);
    expect(r.rating).toBe("good");
    expect(r.reasons).toEqual(["Mức Hoàn thành xuất sắc cần ít nhất 30% nhiệm vụ vượt mức, thực tế 2/10 (20%): thiếu 1 nhiệm vụ"]);
  });

  it("drops to complete when not every task was on time", () => {
    const r = proposeRating({ ...perfect, tasksOnTime: 9, tasksBehind: 1 }, P366);
    expect(r.rating).toBe("complete");
    expect(r.reasons).toEqual([
      "Mức Hoàn thành xuất sắc cần 100% nhiệm vụ hoàn thành đúng tiến độ, thực tế 9/10 (90%): thiếu 1 nhiệm vụ",
      "Mức Hoàn thành tốt cần 100% nhiệm vụ hoàn thành đúng tiến độ, thực tế 9/10 (90%): thiếu 1 nhiệm vụ",
    ]);
  });

  it("allows complete with exactly 20% behind schedule, not with more", () => {
    const base = { ...perfect, score: 75, tasksOnTime: 8, tasksExceeded: 0 };
    expect(proposeRating({ ...base, tasksBehind: 2 }, P366).rating).toBe("complete");
    const r = proposeRating({ ...base, tasksOnTime: 7, tasksBehind: 3 }, P366);
    expect(r.rating).toBe("incomplete");
    expect(r.reasons).toContain("Mức Hoàn thành cho phép tối đa 20% nhiệm vụ chậm tiến độ, thực tế 3/10 (30%): vượt 1 nhiệm vụ");
  });

  it("needs every task done for complete", () => {
    const r = proposeRating({ ...perfect, score: 60, tasksDone: 9, tasksOnTime: 9 }, P366);
    expect(r.rating).toBe("incomplete");
    expect(r.reasons).toEqual([
      "Điểm 60 < 70 điểm của mức Hoàn thành tốt",
      "Mức Hoàn thành cần hoàn thành tất cả nhiệm vụ, còn 1/10 nhiệm vụ chưa hoàn thành",
    ]);
  });

  it("gives incomplete below 50 points", () => {
    expect(proposeRating({ ...perfect, score: 49.99 }, P366)).toEqual({
      rating: "incomplete",
      reasons: ["Điểm 49,99 < 50 điểm của mức Hoàn thành"],
    });
    expect(proposeRating({ ...perfect, score: 50 }, P366).rating).toBe("complete");
    expect(proposeRating({ ...perfect, score: 70 }, P366).rating).toBe("good");
    expect(proposeRating({ ...perfect, score: 69.99 }, P366).rating).toBe("complete");
  });

  it("gives incomplete for a disqualifier whatever the score", () => {
    const r = proposeRating({ ...perfect, score: 99, disqualified: true, disqualificationReason: "Bị kỷ luật khiển trách" }, P366);
    expect(r).toEqual({ rating: "incomplete", reasons: ["Có yếu tố xếp loại Không hoàn thành nhiệm vụ: Bị kỷ luật khiển trách"] });
    expect(proposeRating({ ...perfect, disqualified: true }, P366).reasons[0]).toContain("ví dụ bị kỷ luật");
  });

  it("lets the score decide when there are no tasks", () => {
    const none = { ...perfect, tasksTotal: 0, tasksOnTime: 0, tasksExceeded: 0, tasksDone: 0, score: 92 };
    expect(proposeRating(none, P366).rating).toBe("excellent");
  });

  it("rejects impossible counts", () => {
    expect(() => proposeRating({ ...perfect, tasksOnTime: 11 }, P366)).toThrow(RatingInputError);
    expect(() => proposeRating({ ...perfect, tasksDone: -1 }, P366)).toThrow(RatingInputError);
    expect(() => proposeRating({ ...perfect, tasksExceeded: 1.5 }, P366)).toThrow(RatingInputError);
    expect(() => proposeRating({ ...perfect, score: 101 }, P366)).toThrow(RatingInputError);
  });

  it("uses the numbers of the parameters passed in", () => {
    const strict: RatingParameters = { ...P366, bands: { excellent: 95, good: 80, complete: 60 } };
    expect(proposeRating(perfect, strict).rating).toBe("excellent");
    expect(proposeRating({ ...perfect, score: 94 }, strict).reasons).toEqual(["Điểm 94 < 95 điểm của mức Hoàn thành xuất sắc"]);
  });
});

describe("quota arithmetic", () => {
  it("rounds with the configured mode, exactly at whole numbers", () => {
    expect(applyRounding(2.4, "floor")).toBe(2);
    expect(applyRounding(2.5, "round")).toBe(3);
    expect(applyRounding(2.4, "round")).toBe(2);
    expect(applyRounding(2.1, "ceil")).toBe(3);
    expect(applyRounding(0.2 * 15, "floor")).toBe(3);
    expect(applyRounding(3, "ceil")).toBe(3);
  });

  it("limits excellent to 20% of good, 25% where allowed", () => {
    expect(excellentQuotaLimit(10, false, P366)).toBe(2);
    expect(excellentQuotaLimit(12, false, P366)).toBe(2);
    expect(excellentQuotaLimit(15, false, P366)).toBe(3);
    expect(excellentQuotaLimit(4, false, P366)).toBe(0);
    expect(excellentQuotaLimit(0, false, P366)).toBe(0);
    expect(excellentQuotaLimit(10, true, P366)).toBe(2);
    expect(excellentQuotaLimit(12, true, P366)).toBe(3);
  });

  it("floor vs round vs ceil", () => {
    expect(excellentQuotaLimit(13, false, withRounding(P366, "floor"))).toBe(2); // 2.6
    expect(excellentQuotaLimit(13, false, withRounding(P366, "round"))).toBe(3);
    expect(excellentQuotaLimit(11, false, withRounding(P366, "round"))).toBe(2); // 2.2
    expect(excellentQuotaLimit(11, false, withRounding(P366, "ceil"))).toBe(3);
    expect(excellentQuotaLimit(10, true, withRounding(P366, "round"))).toBe(3); // 2.5
    expect(excellentQuotaLimit(10, true, withRounding(P366, "floor"))).toBe(2);
  });
});

describe("checkEvaluation", () => {
  const opts = { allowHigherQuota: false };

  it("warns when excellent exceeds 20% of good, naming the rule and the excess", () => {
    const warnings = checkEvaluation(members({ excellent: 3, good: 10 }), opts, P366);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      code: "QUOTA_EXCEEDED",
      message: "Số đảng viên Hoàn thành xuất sắc (3) vượt 20% số Hoàn thành tốt (10 → tối đa 2): vượt 1 người",
      rule: "Quy định 366-QĐ/TW: tỷ lệ Hoàn thành xuất sắc ≤ 20% số Hoàn thành tốt",
      excess: 1,
    });
    expect(warnings[0]?.personIds).toHaveLength(3);
  });

  it("accepts excellent within the quota", () => {
    expect(checkEvaluation(members({ excellent: 2, good: 10, complete: 3 }), opts, P366)).toEqual([]);
  });

  it("uses 25% where the higher level allows it", () => {
    expect(checkEvaluation(members({ excellent: 3, good: 12 }), { allowHigherQuota: true }, P366)).toEqual([]);
    expect(checkEvaluation(members({ excellent: 3, good: 12 }), opts, P366)[0]?.excess).toBe(1);
    const [w] = checkEvaluation(members({ excellent: 4, good: 12 }), { allowHigherQuota: true }, P366);
    expect(w?.message).toBe("Số đảng viên Hoàn thành xuất sắc (4) vượt 25% số Hoàn thành tốt (12 → tối đa 3): vượt 1 người");
    expect(w?.rule).toBe("Quy định 366-QĐ/TW: tỷ lệ Hoàn thành xuất sắc ≤ 25% số Hoàn thành tốt (cấp trên cho phép)");
  });

  it("follows the configured rounding", () => {
    const list = members({ excellent: 3, good: 13 });
    expect(checkEvaluation(list, opts, withRounding(P366, "floor"))[0]?.excess).toBe(1);
    expect(checkEvaluation(list, opts, withRounding(P366, "round"))).toEqual([]);
  });

  it("counts only the people rated good in the base, and warns with no good at all", () => {
    const [w] = checkEvaluation(members({ excellent: 1, complete: 5 }), opts, P366);
    expect(w?.code).toBe("QUOTA_EXCEEDED");
    expect(w?.excess).toBe(1);
  });

  it("names the regulation in force for a 2020 evaluation", () => {
    const [w] = checkEvaluation(members({ excellent: 3, good: 10 }), opts, P2020);
    expect(w?.rule).toBe("Quy định 132-QĐ/TW, Hướng dẫn 21-HD/BTCTW: tỷ lệ Hoàn thành xuất sắc ≤ 20% số Hoàn thành tốt");
  });

  it("uses the subject label", () => {
    const [w] = checkEvaluation(members({ excellent: 1 }), { ...opts, subjectLabel: "cán bộ, giáo viên" }, P366);
    expect(w?.message.startsWith("Số cán bộ, giáo viên Hoàn thành xuất sắc (1)")).toBe(true);
  });

  describe("cell proposed excellent", () => {
    const cellOpts = { allowHigherQuota: false, cellProposedRating: "excellent" as const };

    it("passes with 100% ≥ complete and exactly 80% ≥ good", () => {
      expect(checkEvaluation(members({ excellent: 1, good: 7, complete: 2 }), cellOpts, P366)).toEqual([]);
    });

    it("fails below 80% ≥ good, saying how many are missing", () => {
      const warnings = checkEvaluation(members({ excellent: 1, good: 6, complete: 3 }), cellOpts, P366);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({
        code: "CELL_EXCELLENT_CONDITION",
        message:
          "Chi bộ đề xuất Hoàn thành xuất sắc nhưng chỉ 7/10 đảng viên (70%) đạt Hoàn thành tốt trở lên, cần ≥ 80% (8 người): thiếu 1 người",
        excess: 1,
      });
      expect(warnings[0]?.rule).toContain("21-HD/BTCTW");
      expect(warnings[0]?.personIds).toHaveLength(3);
    });

    it("rounds the 80% requirement up to whole people (80% of 9 = 7.2 → 8)", () => {
      const w = checkEvaluation(members({ excellent: 1, good: 6, complete: 2 }), cellOpts, P366);
      expect(w.map((x) => x.excess)).toEqual([1]);
      expect(checkEvaluation(members({ excellent: 1, good: 7, complete: 1 }), cellOpts, P366)).toEqual([]);
    });

    it("fails when one member is below complete", () => {
      const warnings = checkEvaluation(members({ excellent: 1, good: 8, incomplete: 1 }), cellOpts, P366);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.message).toBe(
        "Chi bộ đề xuất Hoàn thành xuất sắc nhưng chỉ 9/10 đảng viên (90%) đạt Hoàn thành trở lên, cần 100% (10 người): thiếu 1 người",
      );
    });

    it("counts an unrated member as not reaching the levels, and lists it", () => {
      const warnings = checkEvaluation(members({ excellent: 1, good: 8, unrated: 1 }), cellOpts, P366);
      expect(warnings.map((w) => w.code).sort()).toEqual(["CELL_EXCELLENT_CONDITION", "UNRATED_MEMBER"]);
      expect(warnings.find((w) => w.code === "UNRATED_MEMBER")?.message).toBe(
        "Còn 1 đảng viên chưa được xếp loại: Người unrated 1",
      );
    });

    it("fails with nobody rated", () => {
      expect(checkEvaluation([], cellOpts, P366).map((w) => w.code)).toEqual(["CELL_EXCELLENT_CONDITION"]);
    });

    it("is not checked when the cell is proposed another rating", () => {
      expect(checkEvaluation(members({ good: 5, incomplete: 5 }), { ...cellOpts, cellProposedRating: "good" }, P366)).toEqual([]);
    });
  });

  it("warns when a rating is above the score band, not when below", () => {
    const list: EvaluatedMember[] = [
      { personId: "a", name: "Nguyễn Văn A", rating: "excellent", score: 89.99 },
      { personId: "b", name: "Trần Thị B", rating: "good", score: 95 },
      { personId: "c", name: "Lê Văn C", rating: "good", score: 70 },
      { personId: "d", name: "Phạm Thị D", rating: "complete", score: 45 },
      { personId: "e", name: "Võ Văn E", rating: "good", score: null },
      { personId: "f", name: "Hồ Thị F", rating: "good" },
      { personId: "g", name: "Đỗ Văn G", rating: "good" },
      { personId: "h", name: "Bùi Thị H", rating: "good" },
    ];
    const warnings = checkEvaluation(list, opts, P366).filter((w) => w.code === "SCORE_BAND_MISMATCH");
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatchObject({
      message:
        "Nguyễn Văn A: xếp loại Hoàn thành xuất sắc nhưng điểm 89,99 dưới 90 điểm của mức này (thiếu 0,01 điểm; điểm thuộc mức Hoàn thành tốt)",
      rule: "Quy định 366-QĐ/TW: mức Hoàn thành xuất sắc từ 90 điểm",
      excess: 0.01,
      personIds: ["a"],
    });
    expect(warnings[1]?.personIds).toEqual(["d"]);
  });

  it("warns about a score outside the scale", () => {
    const [w] = checkEvaluation([{ personId: "a", name: "A", rating: "good", score: 120 }], opts, P366);
    expect(w?.code).toBe("SCORE_OUT_OF_RANGE");
  });

  it("counts a person listed twice once", () => {
    const list = [...members({ excellent: 2, good: 10 }), { personId: "excellent-0", name: "Người excellent 1", rating: "excellent" as const }];
    const warnings = checkEvaluation(list, opts, P366);
    expect(warnings.map((w) => w.code)).toEqual(["DUPLICATE_PERSON"]);
  });
});

describe("commitmentOutcome", () => {
  const period = { from: "2020-03-02", to: "2020-11-30" };

  it("a recorded traffic violation makes IV.2 not achieved, even if marked achieved", () => {
    const r = commitmentOutcome({
      status: "achieved",
      criterionCode: "IV",
      subItemCode: "IV.2",
      violations: [{ kind: "traffic", date: "2020-05-12" }],
      period,
    });
    expect(r.achieved).toBe(false);
    expect(r.reason).toBe(
      "Không đạt: có 1 vi phạm trái với cam kết (tiêu chí IV, mục IV.2) — Vi phạm luật giao thông ngày 12/05/2020 (dù cam kết đã được báo cáo là đạt)",
    );
    expect(r.breakingViolations).toHaveLength(1);
  });

  it("IV.2 without violations, marked achieved, is achieved", () => {
    const r = commitmentOutcome({ status: "achieved", criterionCode: "IV", subItemCode: "IV.2", violations: [], period });
    expect(r).toEqual({ achieved: true, reason: "Đạt: cam kết đã được xác nhận hoàn thành, không có vi phạm", breakingViolations: [] });
  });

  it("ignores violations outside the campaign period (bounds inclusive)", () => {
    const base = { status: "achieved" as const, criterionCode: "IV", period };
    expect(commitmentOutcome({ ...base, violations: [{ kind: "traffic", date: "2020-03-01" }] }).achieved).toBe(true);
    expect(commitmentOutcome({ ...base, violations: [{ kind: "traffic", date: "2020-03-02" }] }).achieved).toBe(false);
    expect(commitmentOutcome({ ...base, violations: [{ kind: "traffic", date: "2020-11-30" }] }).achieved).toBe(false);
    expect(commitmentOutcome({ ...base, violations: [{ kind: "traffic", date: "2020-12-01" }] }).achieved).toBe(true);
  });

  it("only violations of the criterion's kind break it, unless recorded against the commitment", () => {
    expect(
      commitmentOutcome({ status: "achieved", criterionCode: "IV", violations: [{ kind: "littering", date: "2020-05-01" }] }).achieved,
    ).toBe(true);
    expect(
      commitmentOutcome({ status: "achieved", criterionCode: "III", violations: [{ kind: "littering", date: "2020-05-01" }] }).achieved,
    ).toBe(false);
    expect(
      commitmentOutcome({ status: "achieved", criterionCode: "I", violations: [{ kind: "other", date: "2020-05-01" }] }).achieved,
    ).toBe(true);
    const linked = commitmentOutcome({
      status: "achieved",
      criterionCode: "I",
      commitmentId: "c1",
      violations: [{ kind: "other", date: "2020-05-01", commitmentId: "c1" }],
    });
    expect(linked.achieved).toBe(false);
    expect(linked.reason).toContain("Vi phạm khác ngày 01/05/2020");
  });

  it("lists several violations in date order", () => {
    const r = commitmentOutcome({
      status: "in_progress",
      criterionCode: "IV",
      violations: [
        { kind: "traffic", date: "2020-09-01" },
        { kind: "traffic", date: "2020-04-15" },
      ],
    });
    expect(r.reason).toBe(
      "Không đạt: có 2 vi phạm trái với cam kết (tiêu chí IV) — Vi phạm luật giao thông ngày 15/04/2020; Vi phạm luật giao thông ngày 01/09/2020",
    );
  });

  it("accepts an override of the breaking kinds", () => {
    const r = commitmentOutcome({
      status: "achieved",
      criterionCode: "IV",
      breakingKinds: ["other"],
      violations: [{ kind: "traffic", date: "2020-05-01" }],
    });
    expect(r.achieved).toBe(true);
  });

  it("only an explicit achieved status counts", () => {
    const base = { criterionCode: "II", violations: [] };
    expect(commitmentOutcome({ ...base, status: "in_progress" })).toMatchObject({ achieved: false, reason: expect.stringContaining("đang thực hiện") });
    expect(commitmentOutcome({ ...base, status: "not_started" })).toMatchObject({ achieved: false, reason: expect.stringContaining("chưa được thực hiện") });
    expect(commitmentOutcome({ ...base, status: "not_achieved" })).toMatchObject({ achieved: false, reason: expect.stringContaining("không hoàn thành") });
  });

  it("rejects bad input", () => {
    expect(() => commitmentOutcome({ status: "closed" as never, criterionCode: "IV", violations: [] })).toThrow(RatingInputError);
    expect(() => commitmentOutcome({ status: "achieved", criterionCode: "IV", violations: [{ kind: "traffic", date: "12/05/2020" }] })).toThrow(
      RatingInputError,
    );
  });
});

describe("scoreFromCommitments", () => {
  const list = (achieved: number, total: number) =>
    Array.from({ length: total }, (_, i) => ({ achieved: i < achieved }));

  it("is achieved / total × 100", () => {
    expect(scoreFromCommitments(list(7, 8))).toEqual({
      score: 87.5,
      achieved: 7,
      total: 8,
      explanation: "Điểm gợi ý = 7/8 cam kết đạt × 100 = 87,5",
    });
    expect(scoreFromCommitments(list(8, 8)).score).toBe(100);
    expect(scoreFromCommitments(list(0, 5)).score).toBe(0);
  });

  it("cuts to one decimal and never lifts a score into a higher band", () => {
    expect(scoreFromCommitments(list(2, 3)).score).toBe(66.6);
    const s = scoreFromCommitments(list(2249, 2500)).score; // 89.96
    expect(s).toBe(89.9);
    expect(bandForScore(s ?? 0, P366)).toBe("good");
  });

  it("gives no suggestion without commitments", () => {
    expect(scoreFromCommitments([]).score).toBeNull();
  });

  it("feeds proposeRating together with the outcomes", () => {
    const outcomes = [
      commitmentOutcome({ status: "achieved", criterionCode: "IV", subItemCode: "IV.2", violations: [{ kind: "traffic", date: "2020-06-01" }] }),
      commitmentOutcome({ status: "achieved", criterionCode: "III", violations: [] }),
    ];
    expect(scoreFromCommitments(outcomes).score).toBe(50);
  });
});

describe("rating conditions of one member (campaign evaluation)", () => {
  const iv2 = (o: Partial<MandatoryItemFacts> = {}): MandatoryItemFacts => ({ code: "IV.2", title: "Không vi phạm luật giao thông", registered: true, achieved: true, ...o });
  const facts = (o: Partial<Omit<RatingInput, "score">> = {}): Omit<RatingInput, "score"> => ({
    tasksTotal: 5,
    tasksOnTime: 5,
    tasksExceeded: 0,
    tasksBehind: 0,
    tasksDone: 5,
    disqualified: false,
    mandatoryItems: [iv2()],
    registrationRequired: true,
    ...o,
  });
  const none = { tasksOnTime: 0, tasksBehind: 5, tasksDone: 0 };

  it("'good' with 0 of 5 achieved breaks 'all on time' by 5 tasks, and 'complete' too", () => {
    const problems = ratingConditionProblems("good", facts(none), P366);
    expect(problems.map((p) => [p.code, p.excess])).toEqual([
      ["TASKS_NOT_ON_TIME", 5],
      ["TASKS_NOT_DONE", 5],
      ["TASKS_BEHIND", 4],
    ]);
    expect(problems[0]!.message).toBe("Mức Hoàn thành tốt cần 100% nhiệm vụ hoàn thành đúng tiến độ, thực tế 0/5 (0%): thiếu 5 nhiệm vụ");
    expect(problems[0]!.rule).toBe("Quy định 366-QĐ/TW: mức Hoàn thành tốt cần 100% nhiệm vụ hoàn thành đúng tiến độ");
    expect(problems[2]!.message).toBe("Mức Hoàn thành cho phép tối đa 20% nhiệm vụ chậm tiến độ, thực tế 5/5 (100%): vượt 4 nhiệm vụ");
  });

  it("'complete' whose mandatory IV.2 failed on a traffic violation names the item and the violation", () => {
    const reason = "Không đạt: có 1 vi phạm trái với cam kết (tiêu chí IV, mục IV.2) — Vi phạm luật giao thông ngày 15/06/2020";
    const f = facts({ tasksOnTime: 4, tasksDone: 4, tasksBehind: 1, mandatoryItems: [iv2({ achieved: false, reason })] });
    const problems = ratingConditionProblems("complete", f, P2020);
    expect(problems.map((p) => p.code)).toEqual(["TASKS_NOT_DONE", "MANDATORY_NOT_ACHIEVED"]);
    expect(problems[1]).toMatchObject({ itemCode: "IV.2", excess: 1 });
    expect(problems[1]!.message).toBe(`Mức Hoàn thành cần đạt nội dung bắt buộc IV.2 (Không vi phạm luật giao thông): không đạt — ${reason}`);
    expect(problems[1]!.rule).toContain("nội dung IV.2 là bắt buộc");
    expect(suggestRating({ ...f, score: 80 }, P2020)!.rating).toBe("incomplete");
  });

  it("a member who registered nothing meets no level from 'complete' up; the suggestion is 'incomplete' without a score", () => {
    const f = facts({ tasksTotal: 0, tasksOnTime: 0, tasksDone: 0 });
    for (const r of ["excellent", "good", "complete"] as const) {
      expect(ratingConditionProblems(r, f, P366).map((p) => p.code)).toEqual(["NOTHING_REGISTERED"]);
    }
    expect(ratingConditionProblems("incomplete", f, P366)).toEqual([]);
    expect(suggestRating({ ...f, score: null }, P366)).toEqual({
      rating: "incomplete",
      reasons: ["Mức Hoàn thành cần có việc làm thiết thực đã đăng ký và hoàn thành: chưa đăng ký việc làm nào (0 nhiệm vụ)"],
    });
    // Outside a campaign (no registration required), no tasks and no score: nothing to suggest.
    expect(suggestRating({ ...f, registrationRequired: false, mandatoryItems: [], score: null }, P366)).toBeNull();
  });

  it("a mandatory item not registered keeps a member below 'complete' whatever the score", () => {
    const f = facts({ mandatoryItems: [iv2({ registered: false })] });
    const problems = ratingConditionProblems("excellent", f, P366);
    expect(problems.map((p) => p.code)).toEqual(["TASKS_NOT_EXCEEDED", "MANDATORY_NOT_REGISTERED"]);
    expect(problems[0]!.message).toContain("thiếu 2 nhiệm vụ"); // 30% of 5 → 2
    const s = suggestRating({ ...f, score: 100 }, P366)!;
    expect(s.rating).toBe("incomplete");
    // said once, not once per level
    expect(s.reasons.filter((r) => r.includes("IV.2"))).toHaveLength(1);
  });

  it("meets every condition: no problem, and the suggestion follows the score", () => {
    expect(ratingConditionProblems("good", facts(), P366)).toEqual([]);
    expect(ratingConditionProblems("excellent", facts({ tasksExceeded: 2 }), P366)).toEqual([]);
    expect(suggestRating({ ...facts(), score: 100 }, P366)!.rating).toBe("good");
  });

  it("checkEvaluation warns per member with the rule, the amount and the suggested rating", () => {
    const warnings = checkEvaluation(
      [
        { personId: "a", name: "Nguyễn Văn A", rating: "good", score: 80, facts: facts(none), suggested: "incomplete" },
        { personId: "b", name: "Trần Thị B", rating: "good", score: 100, facts: facts(), suggested: "good" },
        { personId: "c", name: "Lê Văn C", rating: "excellent", facts: facts({ tasksTotal: 0, tasksOnTime: 0, tasksDone: 0 }), suggested: "incomplete" },
      ],
      { allowHigherQuota: false },
      P366,
    ).filter((w) => w.code === "RATING_CONDITION");
    expect(warnings.map((w) => w.personIds)).toEqual([["a"], ["c"]]);
    expect(warnings[0]!.message).toMatch(/^Nguyễn Văn A: xếp loại Hoàn thành tốt chưa đủ điều kiện — Mức Hoàn thành tốt cần 100% .*thiếu 5 nhiệm vụ; .*\. Gợi ý: Không hoàn thành\.$/);
    expect(warnings[0]!.excess).toBe(14);
    expect(warnings[0]!.rule).toContain("Quy định 366-QĐ/TW");
    expect(warnings[1]!.message).toContain("chưa đăng ký việc làm nào");
    expect(warnings[1]!.rule).toBe("Kế hoạch phong trào: mọi cán bộ, đảng viên đăng ký việc làm thiết thực");
  });
});
