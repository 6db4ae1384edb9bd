/**
 * Ratings (đánh giá, xếp loại) and campaign commitment outcomes — RULES.md §1.
 *
 * Pure functions: the numbers come in as {@link RatingParameters} chosen by the evaluation's date
 * (see `pickRatingParameters` in legal-parameters.ts); nothing here knows today's date.
 */
import { formatViDate, isIsoDate } from "./dates.js";
import type { RatingParameters, RoundingMode } from "./legal-parameters.js";

// ---------------------------------------------------------------------------------------------
// Ratings and labels
// ---------------------------------------------------------------------------------------------

/** The four levels, best first. */
export const RATINGS = ["excellent", "good", "complete", "incomplete"] as const;
export type Rating = (typeof RATINGS)[number];

/** Vietnamese names as printed on evaluation documents. */
export const RATING_LABELS: Readonly<Record<Rating, string>> = {
  excellent: "Hoàn thành xuất sắc nhiệm vụ",
  good: "Hoàn thành tốt nhiệm vụ",
  complete: "Hoàn thành nhiệm vụ",
  incomplete: "Không hoàn thành nhiệm vụ",
};

/** Short Vietnamese names used in tables and warnings. */
export const RATING_SHORT_LABELS: Readonly<Record<Rating, string>> = {
  excellent: "Hoàn thành xuất sắc",
  good: "Hoàn thành tốt",
  complete: "Hoàn thành",
  incomplete: "Không hoàn thành",
};

const RANK: Readonly<Record<Rating, number>> = { excellent: 3, good: 2, complete: 1, incomplete: 0 };

/** True if `rating` is `level` or better (e.g. "≥ complete" in the cell condition). */
export function isAtLeast(rating: Rating, level: Rating): boolean {
  return RANK[rating] >= RANK[level];
}

/** The next better level, or null for `excellent`. */
function levelAbove(rating: Rating): Rating | null {
  const i = RATINGS.indexOf(rating);
  return i > 0 ? (RATINGS[i - 1] as Rating) : null;
}

/** The next lower level (`incomplete` stays `incomplete`). */
function levelBelow(rating: Rating): Rating {
  const i = RATINGS.indexOf(rating);
  return (RATINGS[Math.min(i + 1, RATINGS.length - 1)] as Rating);
}

/** Invalid input to a rating function (a programming or data error, not a rule warning). */
export class RatingInputError extends Error {
  readonly code = "RATING_INPUT_INVALID" as const;
  constructor(message: string) {
    super(message);
    this.name = "RatingInputError";
  }
}

/** Vietnamese number: decimal comma, no trailing zeros ("89,99", "90"). */
function viNumber(n: number): string {
  return String(Math.round(n * 100) / 100).replace(".", ",");
}

/** part/total as a percentage with one decimal (0 when total is 0). */
function percent(part: number, total: number): number {
  return total === 0 ? 0 : Math.round((part * 1000) / total) / 10;
}

function assertScore(score: number, params: RatingParameters): void {
  if (!Number.isFinite(score) || score < 0 || score > params.maxScore) {
    throw new RatingInputError(`Điểm ${String(score)} không hợp lệ: phải từ 0 đến ${params.maxScore}`);
  }
}

/**
 * The band a score falls in, by the minimum scores of the period (bounds inclusive: 90 is
 * excellent, 89.99 is good).
 *
 * Why separate from {@link proposeRating}: the score band is the ceiling of a rating; the UI
 * shows it next to the proposed rating and {@link checkEvaluation} warns when a rating is above it.
 */
export function bandForScore(score: number, params: RatingParameters): Rating {
  assertScore(score, params);
  if (score >= params.bands.excellent) return "excellent";
  if (score >= params.bands.good) return "good";
  if (score >= params.bands.complete) return "complete";
  return "incomplete";
}

// ---------------------------------------------------------------------------------------------
// Proposing a rating for one person
// ---------------------------------------------------------------------------------------------

/**
 * A mandatory sub-item of the criteria set (IV.2 "100% register and keep 'no traffic violation'")
 * and where one member stands on it.
 */
export type MandatoryItemFacts = {
  code: string;
  title: string;
  /** The member has a (non-draft) commitment under this sub-item. */
  registered: boolean;
  /** Every one of those commitments counts as achieved (the one outcome rule). */
  achieved: boolean;
  /** Why not achieved (the outcome's Vietnamese reason, e.g. the traffic violation); null when achieved or not registered. */
  reason?: string | null;
};

/** What the evaluation knows about one person's year (or campaign). */
export type RatingInput = {
  score: number;
  tasksTotal: number;
  tasksOnTime: number;
  tasksExceeded: number;
  tasksBehind: number;
  tasksDone: number;
  /** A disqualifier, e.g. a disciplinary sanction for the duty: the rating is `incomplete`. */
  disqualified: boolean;
  /** Optional Vietnamese description of the disqualifier, quoted in the reason. */
  disqualificationReason?: string;
  /**
   * Campaign evaluation only: the mandatory sub-items of the criteria set with the member's
   * outcome. Every level from `complete` up needs each registered and achieved ("all tasks done":
   * a mandatory item is everyone's task).
   */
  mandatoryItems?: readonly MandatoryItemFacts[];
  /**
   * Campaign evaluation only: the plan asks every member to register. With nothing registered no
   * level from `complete` up is met (the task conditions are not met vacuously).
   */
  registrationRequired?: boolean;
};

/** A proposed rating with the Vietnamese reasons why no higher rating was possible. */
export type RatingProposal = { rating: Rating; reasons: string[] };

/** Which condition of a rating level is not met. */
export type RatingConditionCode =
  | "TASKS_NOT_ON_TIME"
  | "TASKS_NOT_EXCEEDED"
  | "TASKS_NOT_DONE"
  | "TASKS_BEHIND"
  | "MANDATORY_NOT_REGISTERED"
  | "MANDATORY_NOT_ACHIEVED"
  | "NOTHING_REGISTERED"
  | "DISQUALIFIED";

/** A condition of a rating level a member does not meet: the rule and by how much, in Vietnamese. */
export type RatingConditionProblem = {
  code: RatingConditionCode;
  /** The level whose condition fails. */
  level: Rating;
  /** e.g. "Mức Hoàn thành tốt cần 100% nhiệm vụ hoàn thành đúng tiến độ, thực tế 0/5 (0%): thiếu 5 nhiệm vụ". */
  message: string;
  /** The rule, e.g. "Quy định 366-QĐ/TW: mức Hoàn thành tốt cần 100% nhiệm vụ hoàn thành đúng tiến độ". */
  rule: string;
  /** By how much: tasks missing or over, mandatory items concerned. */
  excess: number;
  /** The mandatory item concerned (IV.2), when the condition is about one. */
  itemCode?: string;
};

function assertTaskCounts(input: Omit<RatingInput, "score">): void {
  const counts = {
    "tổng số nhiệm vụ": input.tasksTotal,
    "số nhiệm vụ đúng tiến độ": input.tasksOnTime,
    "số nhiệm vụ vượt mức": input.tasksExceeded,
    "số nhiệm vụ chậm tiến độ": input.tasksBehind,
    "số nhiệm vụ đã hoàn thành": input.tasksDone,
  };
  for (const [name, value] of Object.entries(counts)) {
    if (!Number.isInteger(value) || value < 0) {
      throw new RatingInputError(`${name} (${String(value)}) phải là số nguyên không âm`);
    }
    if (value > input.tasksTotal) {
      throw new RatingInputError(`${name} (${value}) lớn hơn tổng số nhiệm vụ (${input.tasksTotal})`);
    }
  }
}

/** Fewest whole tasks that make `part` reach `min`% of `total` (30% of 5 → 2). */
const tasksNeeded = (min: number, total: number) => applyRounding((min * total) / 100, "ceil");

/**
 * The conditions of `level` (RULES.md §1) that the member does not meet, each with its rule and
 * by how much. The task conditions are the level's own; the campaign conditions (mandatory items,
 * something registered) and a disqualifier apply to every level from `complete` up.
 */
function levelProblems(level: Rating, input: Omit<RatingInput, "score">, params: RatingParameters): RatingConditionProblem[] {
  if (level === "incomplete") return [];
  const { tasksTotal: total } = input;
  const name = RATING_SHORT_LABELS[level];
  const reg = params.regulation;
  const problems: RatingConditionProblem[] = [];
  const add = (code: RatingConditionCode, message: string, rule: string, excess: number, itemCode?: string) =>
    problems.push({ code, level, message, rule, excess, ...(itemCode ? { itemCode } : {}) });
  if (input.disqualified) {
    const why = input.disqualificationReason?.trim();
    add("DISQUALIFIED", `Có yếu tố xếp loại Không hoàn thành nhiệm vụ${why ? `: ${why}` : " (ví dụ bị kỷ luật)"}`, `${reg}: có yếu tố không hoàn thành nhiệm vụ thì xếp loại Không hoàn thành nhiệm vụ`, 1);
  }
  const onTimeShort = (min: number): void => {
    if (input.tasksOnTime * 100 < min * total) {
      const missing = tasksNeeded(min, total) - input.tasksOnTime;
      add(
        "TASKS_NOT_ON_TIME",
        `Mức ${name} cần ${min}% nhiệm vụ hoàn thành đúng tiến độ, thực tế ${input.tasksOnTime}/${total} (${viNumber(percent(input.tasksOnTime, total))}%): thiếu ${missing} nhiệm vụ`,
        `${reg}: mức ${name} cần ${min}% nhiệm vụ hoàn thành đúng tiến độ`,
        missing,
      );
    }
  };
  switch (level) {
    case "excellent": {
      onTimeShort(params.excellent.minOnTimePercent);
      const min = params.excellent.minExceededPercent;
      if (input.tasksExceeded * 100 < min * total) {
        const missing = tasksNeeded(min, total) - input.tasksExceeded;
        add(
          "TASKS_NOT_EXCEEDED",
          `Mức ${name} cần ít nhất ${min}% nhiệm vụ vượt mức, thực tế ${input.tasksExceeded}/${total} (${viNumber(percent(input.tasksExceeded, total))}%): thiếu ${missing} nhiệm vụ`,
          `${reg}: mức ${name} cần ít nhất ${min}% nhiệm vụ vượt mức`,
          missing,
        );
      }
      break;
    }
    case "good":
      onTimeShort(params.good.minOnTimePercent);
      break;
    case "complete": {
      if (params.complete.requireAllDone && input.tasksDone < total) {
        add(
          "TASKS_NOT_DONE",
          `Mức ${name} cần hoàn thành tất cả nhiệm vụ, còn ${total - input.tasksDone}/${total} nhiệm vụ chưa hoàn thành`,
          `${reg}: mức ${name} cần hoàn thành tất cả nhiệm vụ`,
          total - input.tasksDone,
        );
      }
      const max = params.complete.maxBehindPercent;
      if (input.tasksBehind * 100 > max * total) {
        const over = input.tasksBehind - applyRounding((max * total) / 100, "floor");
        add(
          "TASKS_BEHIND",
          `Mức ${name} cho phép tối đa ${max}% nhiệm vụ chậm tiến độ, thực tế ${input.tasksBehind}/${total} (${viNumber(percent(input.tasksBehind, total))}%): vượt ${over} nhiệm vụ`,
          `${reg}: mức ${name} cho phép tối đa ${max}% nhiệm vụ chậm tiến độ`,
          over,
        );
      }
      break;
    }
  }
  const nothing = input.registrationRequired === true && total === 0;
  // With nothing registered, one problem says it (not one more per mandatory item).
  for (const item of nothing ? [] : (input.mandatoryItems ?? [])) {
    const rule = `Bộ tiêu chí “5 không”: nội dung ${item.code} là bắt buộc — mọi đảng viên đăng ký và thực hiện; mức ${name} cần hoàn thành tất cả nhiệm vụ`;
    if (!item.registered) {
      add("MANDATORY_NOT_REGISTERED", `Mức ${name} cần đăng ký và đạt nội dung bắt buộc ${item.code} (${item.title}): chưa đăng ký`, rule, 1, item.code);
    } else if (!item.achieved) {
      const why = item.reason?.trim();
      add("MANDATORY_NOT_ACHIEVED", `Mức ${name} cần đạt nội dung bắt buộc ${item.code} (${item.title}): không đạt${why ? ` — ${why}` : ""}`, rule, 1, item.code);
    }
  }
  if (nothing) {
    add(
      "NOTHING_REGISTERED",
      `Mức ${name} cần có việc làm thiết thực đã đăng ký và hoàn thành: chưa đăng ký việc làm nào (0 nhiệm vụ)`,
      "Kế hoạch phong trào: mọi cán bộ, đảng viên đăng ký việc làm thiết thực",
      1,
    );
  }
  return problems;
}

const problemKey = (p: RatingConditionProblem) => `${p.code}|${p.itemCode ?? ""}`;

/**
 * The conditions a member rated `rating` does not meet (RULES.md §1: tasks done, on time,
 * exceeded; mandatory items; violations through the commitments they break), each naming the
 * rule and by how much. A level also needs what the levels below it need down to `complete`
 * (a member rated "Hoàn thành tốt" with tasks undone hears both), said once per condition.
 * The score band and the quota are checked over the whole list by {@link checkEvaluation}.
 *
 * Why separate from {@link proposeRating}: the cell may rate otherwise than suggested; this says
 * what its chosen rating breaks, per member, before sign-off.
 */
export function ratingConditionProblems(rating: Rating, input: Omit<RatingInput, "score">, params: RatingParameters): RatingConditionProblem[] {
  assertTaskCounts(input);
  const seen = new Set<string>();
  const problems: RatingConditionProblem[] = [];
  for (let level: Rating = rating; level !== "incomplete"; level = levelBelow(level)) {
    for (const p of levelProblems(level, input, params)) {
      if (seen.has(problemKey(p))) continue;
      seen.add(problemKey(p));
      problems.push(p);
    }
  }
  return problems;
}

/**
 * Proposes a rating: the score band, lowered level by level while that level's extra conditions
 * (RULES.md §1) are not met; a disqualifier gives `incomplete`.
 *
 * Why return reasons: the cell secretary signs the rating and must be able to say to the member
 * why it is not higher ("Điểm 88 < 90 điểm của mức Hoàn thành xuất sắc"). The quota is not
 * applied here — it depends on the whole list; see {@link checkEvaluation}.
 *
 * With no tasks at all (`tasksTotal` 0) the task conditions are met vacuously and the score
 * decides, unless the campaign requires registration (`registrationRequired`).
 */
export function proposeRating(input: RatingInput, params: RatingParameters): RatingProposal {
  assertScore(input.score, params);
  assertTaskCounts(input);
  if (input.disqualified) {
    return { rating: "incomplete", reasons: levelProblems("complete", input, params).filter((p) => p.code === "DISQUALIFIED").map((p) => p.message) };
  }
  const band = bandForScore(input.score, params);
  const reasons: string[] = [];
  const above = levelAbove(band);
  if (above !== null) {
    reasons.push(`Điểm ${viNumber(input.score)} < ${viNumber(params.bands[above as Exclude<Rating, "incomplete">])} điểm của mức ${RATING_SHORT_LABELS[above]}`);
  }
  // A campaign condition (a mandatory item) fails at every level: said once, at the first.
  const seen = new Set<string>();
  let level = band;
  while (level !== "incomplete") {
    const failures = levelProblems(level, input, params);
    if (failures.length === 0) break;
    for (const f of failures) {
      if (seen.has(problemKey(f))) continue;
      if (f.itemCode || f.code === "NOTHING_REGISTERED") seen.add(problemKey(f));
      reasons.push(f.message);
    }
    level = levelBelow(level);
  }
  return { rating: level, reasons };
}

/**
 * The suggestion for a member of a campaign evaluation, with or without a score: with a score,
 * {@link proposeRating}; without one (nothing to compute it from), `incomplete` when a campaign
 * condition of `complete` already fails (nothing registered, a mandatory item missing), else none.
 */
export function suggestRating(input: Omit<RatingInput, "score"> & { score: number | null }, params: RatingParameters): RatingProposal | null {
  if (input.score !== null) return proposeRating({ ...input, score: input.score }, params);
  assertTaskCounts(input);
  const failures = levelProblems("complete", input, params);
  return failures.length ? { rating: "incomplete", reasons: failures.map((f) => f.message) } : null;
}

// ---------------------------------------------------------------------------------------------
// Checking a whole evaluation before sign-off
// ---------------------------------------------------------------------------------------------

/**
 * `value` made whole by the configured rounding. A tiny tolerance absorbs binary floating-point
 * noise (20% × 15 must be exactly 3, not 2.9999…).
 */
export function applyRounding(value: number, mode: RoundingMode): number {
  const eps = 1e-9;
  switch (mode) {
    case "floor":
      return Math.floor(value + eps);
    case "ceil":
      return Math.ceil(value - eps);
    case "round":
      return Math.floor(value + 0.5 + eps);
  }
}

/**
 * Most people who may be rated `excellent` when `goodCount` are rated `good`:
 * rounding(percent × goodCount), with 20% or, where the higher level allows it, 25%.
 *
 * Why exported: the evaluation screen shows the limit ("tối đa 2") while ratings are being entered.
 */
export function excellentQuotaLimit(goodCount: number, allowHigherQuota: boolean, params: RatingParameters): number {
  const pct = allowHigherQuota ? params.quota.higherPercentOfGood : params.quota.percentOfGood;
  return applyRounding((pct * goodCount) / 100, params.quota.rounding);
}

/**
 * One person as rated in an evaluation round (`rating` null = not rated yet). With `facts` (the
 * campaign evaluation), the rating's own conditions are checked too, and `suggested` is named in
 * the warning.
 */
export type EvaluatedMember = {
  personId: string;
  name: string;
  rating: Rating | null;
  score?: number | null;
  facts?: Omit<RatingInput, "score">;
  suggested?: Rating | null;
};

export type EvaluationCheckOptions = {
  /** The higher level allows the higher quota (25% instead of 20%). */
  allowHigherQuota: boolean;
  /** The rating proposed for the cell itself; `excellent` triggers the cell condition. */
  cellProposedRating?: Rating | null;
  /** How the rated people are called in messages; default "đảng viên". */
  subjectLabel?: string;
};

export type EvaluationWarningCode =
  | "QUOTA_EXCEEDED"
  | "CELL_EXCELLENT_CONDITION"
  | "SCORE_BAND_MISMATCH"
  | "SCORE_OUT_OF_RANGE"
  | "UNRATED_MEMBER"
  | "DUPLICATE_PERSON"
  | "RATING_CONDITION";

/** A rule a proposed evaluation breaks, said in Vietnamese with the rule and the amount. */
export type EvaluationWarning = {
  code: EvaluationWarningCode;
  message: string;
  rule: string;
  /** By how much: people over the quota, people missing for the cell condition, points missing. */
  excess?: number;
  /** The people concerned, for highlighting rows. */
  personIds?: string[];
};

/**
 * Warnings to show before sign-off when proposed ratings break a quota or a condition (RULES.md §1).
 * Warnings do not block: the signer decides, knowing which rule and by how much.
 *
 * Interpretation of the quota "among comparable people" (trong số được đánh giá cùng nhau): the
 * list passed in IS the comparison group — the people rated together in one round by one body
 * (e.g. the party members of one cell). The caller must not mix groups (party members with
 * non-party staff, individuals with collectives). Within the list,
 * count(excellent) ≤ rounding(rate × count(good)), where count(good) counts only the people
 * rated `good` (literal reading of "20% số được xếp loại Hoàn thành tốt nhiệm vụ"; the excellent
 * ones are not added to the base). Unrated people count in no level; a person listed twice is
 * counted once.
 *
 * Cell condition: when the cell is proposed `excellent`, 100% of the listed members must be
 * ≥ `complete` and ≥ 80% ≥ `good` (configurable); unrated members count as not reaching either.
 */
export function checkEvaluation(
  members: readonly EvaluatedMember[],
  options: EvaluationCheckOptions,
  params: RatingParameters,
): EvaluationWarning[] {
  const warnings: EvaluationWarning[] = [];
  const who = options.subjectLabel ?? "đảng viên";

  // Duplicates: count each person once.
  const seen = new Map<string, EvaluatedMember>();
  const duplicates = new Set<string>();
  for (const m of members) {
    if (seen.has(m.personId)) duplicates.add(m.personId);
    else seen.set(m.personId, m);
  }
  const list = [...seen.values()];
  if (duplicates.size > 0) {
    const names = [...duplicates].map((id) => seen.get(id)?.name ?? id);
    warnings.push({
      code: "DUPLICATE_PERSON",
      message: `Danh sách có ${who} bị lặp (chỉ tính một lần): ${names.join(", ")}`,
      rule: "Mỗi người chỉ được đánh giá, xếp loại một lần trong một kỳ",
      excess: duplicates.size,
      personIds: [...duplicates],
    });
  }

  // Unrated people.
  const unrated = list.filter((m) => m.rating === null);
  if (unrated.length > 0) {
    warnings.push({
      code: "UNRATED_MEMBER",
      message: `Còn ${unrated.length} ${who} chưa được xếp loại: ${unrated.map((m) => m.name).join(", ")}`,
      rule: "Tất cả đảng viên trong danh sách phải được xếp loại trước khi ký duyệt",
      excess: unrated.length,
      personIds: unrated.map((m) => m.personId),
    });
  }

  // Scores: out of range, or rating above the score band.
  for (const m of list) {
    if (m.score === undefined || m.score === null) continue;
    if (!Number.isFinite(m.score) || m.score < 0 || m.score > params.maxScore) {
      warnings.push({
        code: "SCORE_OUT_OF_RANGE",
        message: `${m.name}: điểm ${String(m.score)} ngoài thang điểm 0–${params.maxScore}`,
        rule: `${params.regulation}: thang ${params.maxScore} điểm`,
        personIds: [m.personId],
      });
      continue;
    }
    if (m.rating === null) continue;
    const band = bandForScore(m.score, params);
    if (RANK[m.rating] > RANK[band] && m.rating !== "incomplete") {
      const min = params.bands[m.rating];
      const missing = Math.round((min - m.score) * 100) / 100;
      warnings.push({
        code: "SCORE_BAND_MISMATCH",
        message: `${m.name}: xếp loại ${RATING_SHORT_LABELS[m.rating]} nhưng điểm ${viNumber(m.score)} dưới ${viNumber(min)} điểm của mức này (thiếu ${viNumber(missing)} điểm; điểm thuộc mức ${RATING_SHORT_LABELS[band]})`,
        rule: `${params.regulation}: mức ${RATING_SHORT_LABELS[m.rating]} từ ${viNumber(min)} điểm`,
        excess: missing,
        personIds: [m.personId],
      });
    }
  }

  // Each member's rating against its own conditions (tasks, mandatory items, violations).
  for (const m of list) {
    if (m.rating === null || !m.facts) continue;
    const problems = ratingConditionProblems(m.rating, m.facts, params);
    if (problems.length === 0) continue;
    const suggestion = m.suggested && m.suggested !== m.rating ? ` Gợi ý: ${RATING_SHORT_LABELS[m.suggested]}.` : "";
    warnings.push({
      code: "RATING_CONDITION",
      message: `${m.name}: xếp loại ${RATING_SHORT_LABELS[m.rating]} chưa đủ điều kiện — ${problems.map((p) => p.message).join("; ")}.${suggestion}`,
      rule: [...new Set(problems.map((p) => p.rule))].join("; "),
      excess: problems.reduce((n, p) => n + p.excess, 0),
      personIds: [m.personId],
    });
  }

  // Quota.
  const excellent = list.filter((m) => m.rating === "excellent");
  const goodCount = list.filter((m) => m.rating === "good").length;
  const pct = options.allowHigherQuota ? params.quota.higherPercentOfGood : params.quota.percentOfGood;
  const limit = excellentQuotaLimit(goodCount, options.allowHigherQuota, params);
  if (excellent.length > limit) {
    const excess = excellent.length - limit;
    warnings.push({
      code: "QUOTA_EXCEEDED",
      message: `Số ${who} Hoàn thành xuất sắc (${excellent.length}) vượt ${viNumber(pct)}% số Hoàn thành tốt (${goodCount} → tối đa ${limit}): vượt ${excess} người`,
      rule: `${params.regulation}: tỷ lệ Hoàn thành xuất sắc ≤ ${viNumber(pct)}% số Hoàn thành tốt${options.allowHigherQuota ? " (cấp trên cho phép)" : ""}`,
      excess,
      personIds: excellent.map((m) => m.personId),
    });
  }

  // Cell condition.
  if (options.cellProposedRating === "excellent") {
    const cond = params.cellExcellent;
    const total = list.length;
    const ruleText = `${cond.basis}: chi bộ Hoàn thành xuất sắc khi ${cond.minPercentAtLeastComplete}% ${who} từ Hoàn thành trở lên và ≥ ${cond.minPercentAtLeastGood}% từ Hoàn thành tốt trở lên`;
    if (total === 0) {
      warnings.push({
        code: "CELL_EXCELLENT_CONDITION",
        message: `Chi bộ đề xuất Hoàn thành xuất sắc nhưng chưa có ${who} nào được xếp loại`,
        rule: ruleText,
      });
    } else {
      const checks: { level: Rating; minPercent: number }[] = [
        { level: "complete", minPercent: cond.minPercentAtLeastComplete },
        { level: "good", minPercent: cond.minPercentAtLeastGood },
      ];
      for (const { level, minPercent } of checks) {
        const reaching = list.filter((m) => m.rating !== null && isAtLeast(m.rating, level));
        const needed = applyRounding((minPercent * total) / 100, "ceil");
        if (reaching.length < needed) {
          const missing = needed - reaching.length;
          warnings.push({
            code: "CELL_EXCELLENT_CONDITION",
            message: `Chi bộ đề xuất Hoàn thành xuất sắc nhưng chỉ ${reaching.length}/${total} ${who} (${viNumber(percent(reaching.length, total))}%) đạt ${RATING_SHORT_LABELS[level]} trở lên, cần ${minPercent === 100 ? "" : "≥ "}${viNumber(minPercent)}% (${needed} người): thiếu ${missing} người`,
            rule: ruleText,
            excess: missing,
            personIds: list.filter((m) => !reaching.includes(m)).map((m) => m.personId),
          });
        }
      }
    }
  }
  return warnings;
}

// ---------------------------------------------------------------------------------------------
// Campaign commitments ("5 không")
// ---------------------------------------------------------------------------------------------

/** Progress states of a registered commitment. There is no "closed": closing is not achieving. */
export const COMMITMENT_STATUSES = ["not_started", "in_progress", "achieved", "not_achieved"] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

export const COMMITMENT_STATUS_LABELS: Readonly<Record<CommitmentStatus, string>> = {
  not_started: "Chưa thực hiện",
  in_progress: "Đang thực hiện",
  achieved: "Đạt",
  not_achieved: "Không đạt",
};

/** Kinds of violation the deputy secretary records. */
export const VIOLATION_KINDS = ["traffic", "littering", "disorder", "harassment", "other"] as const;
export type ViolationKind = (typeof VIOLATION_KINDS)[number];

export const VIOLATION_KIND_LABELS: Readonly<Record<ViolationKind, string>> = {
  traffic: "Vi phạm luật giao thông",
  littering: "Xả rác bừa bãi",
  disorder: "Tụ tập gây rối, mất trật tự",
  harassment: "Gây phiền hà, nhũng nhiễu nhân dân",
  other: "Vi phạm khác",
};

/**
 * Which violation kinds break every commitment under a "5 không" criterion: each criterion is a
 * "không …" (do not …), so doing it breaks the pledge (IV "Không vi phạm luật giao thông" ← a
 * traffic violation). Criterion I has none. Default, overridable per call.
 */
export const CRITERION_VIOLATION_KINDS: Readonly<Record<string, readonly ViolationKind[]>> = {
  I: [],
  II: ["harassment"],
  III: ["littering"],
  IV: ["traffic"],
  V: ["disorder"],
};

/** A recorded violation of the person who made the commitment. */
export type RecordedViolation = {
  kind: ViolationKind;
  date: string;
  /** Set when the violation was recorded against a specific commitment. */
  commitmentId?: string | null;
  note?: string;
};

export type CommitmentOutcomeInput = {
  status: CommitmentStatus;
  /** 'I'..'V'. */
  criterionCode: string;
  /** e.g. 'IV.2'; only used in the reason. */
  subItemCode?: string | null;
  /** Violations recorded against this commitment id count whatever their kind. */
  commitmentId?: string | null;
  /** The person's recorded violations (the function picks those that break this commitment). */
  violations: readonly RecordedViolation[];
  /** Only violations dated inside this period (inclusive) count — usually the campaign period. */
  period?: { from: string; to: string } | null;
  /** Overrides {@link CRITERION_VIOLATION_KINDS} for this commitment. */
  breakingKinds?: readonly ViolationKind[];
};

export type CommitmentOutcome = {
  achieved: boolean;
  /** Vietnamese, shown in the evaluation next to the commitment. */
  reason: string;
  /** The violations that broke the commitment (empty when none). */
  breakingViolations: RecordedViolation[];
};

/**
 * Whether a commitment counts as achieved at evaluation, with the reason.
 *
 * Why a rule and not just the status: a member who pledged "no traffic violation" (criterion IV,
 * mandatory item IV.2) and has a recorded traffic violation in the period has NOT achieved it,
 * even if the commitment was marked achieved; and only an explicit `achieved` counts — a
 * commitment left in progress or closed is not achieved.
 */
export function commitmentOutcome(input: CommitmentOutcomeInput): CommitmentOutcome {
  if (!(COMMITMENT_STATUSES as readonly string[]).includes(input.status)) {
    throw new RatingInputError(`Trạng thái cam kết “${String(input.status)}” không hợp lệ`);
  }
  if (input.period && (!isIsoDate(input.period.from) || !isIsoDate(input.period.to))) {
    throw new RatingInputError("Thời gian đợt thi đua không hợp lệ (định dạng YYYY-MM-DD)");
  }
  const kinds = input.breakingKinds ?? CRITERION_VIOLATION_KINDS[input.criterionCode] ?? [];
  const breaking = input.violations.filter((v) => {
    if (!isIsoDate(v.date)) throw new RatingInputError(`Ngày vi phạm “${v.date}” không hợp lệ`);
    if (input.period && (v.date < input.period.from || v.date > input.period.to)) return false;
    const linked = input.commitmentId != null && v.commitmentId === input.commitmentId;
    return linked || kinds.includes(v.kind);
  });
  if (breaking.length > 0) {
    const sorted = [...breaking].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const where = input.subItemCode ? `tiêu chí ${input.criterionCode}, mục ${input.subItemCode}` : `tiêu chí ${input.criterionCode}`;
    const list = sorted.map((v) => `${VIOLATION_KIND_LABELS[v.kind]} ngày ${formatViDate(v.date)}`).join("; ");
    const selfReported = input.status === "achieved" ? " (dù cam kết đã được báo cáo là đạt)" : "";
    return {
      achieved: false,
      reason: `Không đạt: có ${sorted.length} vi phạm trái với cam kết (${where}) — ${list}${selfReported}`,
      breakingViolations: sorted,
    };
  }
  switch (input.status) {
    case "achieved":
      return { achieved: true, reason: "Đạt: cam kết đã được xác nhận hoàn thành, không có vi phạm", breakingViolations: [] };
    case "not_achieved":
      return { achieved: false, reason: "Không đạt: cam kết được đánh giá không hoàn thành", breakingViolations: [] };
    case "in_progress":
      return { achieved: false, reason: "Chưa đạt: cam kết đang thực hiện, chưa được xác nhận hoàn thành", breakingViolations: [] };
    case "not_started":
      return { achieved: false, reason: "Chưa đạt: cam kết chưa được thực hiện", breakingViolations: [] };
  }
}

/** A suggested score with the arithmetic shown to the cell. */
export type ScoreSuggestion = {
  /** null when there is no commitment to judge by. */
  score: number | null;
  achieved: number;
  total: number;
  /** Vietnamese, e.g. "Điểm gợi ý = 7/8 cam kết đạt × 100 = 87,5". */
  explanation: string;
};

/**
 * A suggested 100-point score from the share of commitments achieved. Configurable default
 * formula: achieved / total × 100, nothing else subtracted, cut (not rounded) to one decimal so a
 * suggestion is never lifted into a higher band (89.96 stays 89.9, not 90).
 *
 * Why only a suggestion: the cell scores members on their whole duty; the campaign share is one
 * input it may override.
 */
export function scoreFromCommitments(commitments: readonly { achieved: boolean }[]): ScoreSuggestion {
  const total = commitments.length;
  const achieved = commitments.filter((c) => c.achieved).length;
  if (total === 0) {
    return { score: null, achieved, total, explanation: "Chưa có cam kết nào để gợi ý điểm" };
  }
  const score = Math.floor((achieved * 1000) / total + 1e-9) / 10;
  return {
    score,
    achieved,
    total,
    explanation: `Điểm gợi ý = ${achieved}/${total} cam kết đạt × 100 = ${viNumber(score)}`,
  };
}

/** A commitment as the outcome rule needs it. */
export type CommitmentFacts = {
  id: string;
  /** The member who made it; null for a collective's commitment. */
  personId: string | null;
  /** The member's own status (progress). */
  status: CommitmentStatus;
  /** The cell's judgement at evaluation, when it has judged. */
  judgedStatus: "achieved" | "not_achieved" | null;
  criterionCode: string;
  itemCode?: string | null;
};

/** A violation recorded in the campaign, with whom it is about. */
export type CampaignViolation = RecordedViolation & { personId: string | null };

/**
 * THE outcome of a commitment, used wherever one is stored, counted, shown or judged (roll-up,
 * result report, supervision, evaluation): the cell's judgement when it has judged, else the
 * member's status; and a violation inside the campaign period breaks it when it is the same
 * person's and of the kind the criterion forbids, or when it was recorded against this very
 * commitment (RULES.md §1: a member who pledged "no traffic violation" and has one recorded has
 * not achieved it, whatever was reported or judged).
 */
export function decideCommitmentOutcome(
  c: CommitmentFacts,
  violations: readonly CampaignViolation[],
  period: { from: string; to: string } | null,
): CommitmentOutcome {
  const relevant = violations.filter((v) => (c.personId !== null && v.personId === c.personId) || (v.commitmentId != null && v.commitmentId === c.id));
  return commitmentOutcome({
    status: c.judgedStatus ?? c.status,
    criterionCode: c.criterionCode,
    subItemCode: c.itemCode ?? null,
    commitmentId: c.id,
    violations: relevant,
    period,
  });
}
