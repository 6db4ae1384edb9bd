/**
 * Legal parameters with validity periods.
 *
 * Every number the software judges by (rating bands, quotas, poverty lines, …) is data with a
 * period of validity and a legal basis, chosen by the date of the thing being judged — never a
 * constant in code. A 2020 evaluation is judged by the rules in force in 2020 (RULES.md).
 */
import { formatViDate, isIsoDate } from "./dates.js";

/** One value of a legal parameter, valid from `validFrom` to `validTo` (both inclusive; `null` = no end yet). */
export type LegalParameter<T> = {
  key: string;
  validFrom: string;
  validTo: string | null;
  legalBasis: string;
  value: T;
};

/** Why a parameter could not be chosen. */
export type LegalParameterErrorReason = "invalid_date" | "not_found" | "ambiguous";

/** Thrown by {@link pickParameter}; `reason` lets callers map it to a stable error code. */
export class LegalParameterError extends Error {
  readonly code = "LEGAL_PARAMETER_ERROR" as const;
  readonly reason: LegalParameterErrorReason;
  readonly key: string;
  readonly onDate: string;

  constructor(reason: LegalParameterErrorReason, key: string, onDate: string, message: string) {
    super(message);
    this.name = "LegalParameterError";
    this.reason = reason;
    this.key = key;
    this.onDate = onDate;
  }
}

/** True when `onDate` lies inside the period (ISO dates compare correctly as strings). */
function inForce(p: { validFrom: string; validTo: string | null }, onDate: string): boolean {
  return p.validFrom <= onDate && (p.validTo === null || onDate <= p.validTo);
}

/**
 * The parameter `key` in force on `onDate` (bounds inclusive).
 *
 * Why throw rather than fall back: judging a 2020 report by a 2025 rule (or by nothing) would
 * silently give a wrong verdict; a missing or overlapping period is a data error an administrator
 * must fix, so it surfaces as a typed {@link LegalParameterError}.
 */
export function pickParameter<T>(
  params: readonly LegalParameter<T>[],
  key: string,
  onDate: string,
): LegalParameter<T> {
  if (!isIsoDate(onDate)) {
    throw new LegalParameterError(
      "invalid_date",
      key,
      onDate,
      `Ngày “${onDate}” không hợp lệ (định dạng YYYY-MM-DD) khi chọn tham số “${key}”`,
    );
  }
  const matches = params.filter((p) => p.key === key && inForce(p, onDate));
  if (matches.length === 0) {
    throw new LegalParameterError(
      "not_found",
      key,
      onDate,
      `Không có tham số “${key}” có hiệu lực vào ngày ${formatViDate(onDate)}`,
    );
  }
  if (matches.length > 1) {
    throw new LegalParameterError(
      "ambiguous",
      key,
      onDate,
      `Có ${matches.length} giá trị của tham số “${key}” cùng có hiệu lực vào ngày ${formatViDate(onDate)}: các thời kỳ hiệu lực chồng lấn nhau`,
    );
  }
  return matches[0] as LegalParameter<T>;
}

/** A problem found in a list of parameter periods, in Vietnamese for the administrator. */
export type LegalParameterProblem = { key: string; index: number; message: string };

/**
 * Problems in a list of parameter periods: bad dates, an end before the start, overlapping
 * periods of the same key, an empty legal basis.
 *
 * Why: administrators edit these periods; checking on save keeps {@link pickParameter} from
 * failing later on the date of a real evaluation. Gaps between periods are allowed (a date in a
 * gap has no parameter, which `pickParameter` reports).
 */
export function validateParameterPeriods<T>(params: readonly LegalParameter<T>[]): LegalParameterProblem[] {
  const problems: LegalParameterProblem[] = [];
  params.forEach((p, index) => {
    if (p.key.trim() === "") problems.push({ key: p.key, index, message: "Thiếu mã tham số" });
    if (!isIsoDate(p.validFrom)) {
      problems.push({ key: p.key, index, message: `Ngày bắt đầu hiệu lực “${p.validFrom}” không hợp lệ` });
    }
    if (p.validTo !== null && !isIsoDate(p.validTo)) {
      problems.push({ key: p.key, index, message: `Ngày hết hiệu lực “${p.validTo}” không hợp lệ` });
    }
    if (p.validTo !== null && isIsoDate(p.validFrom) && isIsoDate(p.validTo) && p.validTo < p.validFrom) {
      problems.push({
        key: p.key,
        index,
        message: `Ngày hết hiệu lực ${formatViDate(p.validTo)} trước ngày bắt đầu ${formatViDate(p.validFrom)}`,
      });
    }
    if (p.legalBasis.trim() === "") problems.push({ key: p.key, index, message: "Thiếu căn cứ pháp lý" });
  });
  for (let i = 0; i < params.length; i++) {
    for (let j = i + 1; j < params.length; j++) {
      const a = params[i] as LegalParameter<T>;
      const b = params[j] as LegalParameter<T>;
      if (a.key !== b.key) continue;
      const aEnd = a.validTo ?? "9999-12-31";
      const bEnd = b.validTo ?? "9999-12-31";
      if (a.validFrom <= bEnd && b.validFrom <= aEnd) {
        problems.push({
          key: a.key,
          index: j,
          message: `Thời kỳ hiệu lực từ ${formatViDate(b.validFrom)} chồng lấn thời kỳ từ ${formatViDate(a.validFrom)} của cùng tham số “${a.key}”`,
        });
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Rating parameters (RULES.md §1)
// ---------------------------------------------------------------------------------------------

/** How a quota limit such as 20% × 12 = 2.4 becomes a whole number of people. */
export type RoundingMode = "floor" | "round" | "ceil";

/**
 * Numbers of the annual rating (đánh giá, xếp loại chất lượng) for one period.
 * Percentages are whole percents (20 = 20%) so the arithmetic stays exact.
 */
export type RatingParameters = {
  /** Short name of the regulation, printed in warnings ("Quy định 366-QĐ/TW"). */
  regulation: string;
  /** Top of the score scale. */
  maxScore: number;
  /** Minimum score (inclusive) of each band; below `complete` is `incomplete`. */
  bands: { excellent: number; good: number; complete: number };
  /** Extra conditions for `excellent`: share of tasks on time and share exceeded (percent, minimum). */
  excellent: { minOnTimePercent: number; minExceededPercent: number };
  /** Extra condition for `good`: share of tasks on time (percent, minimum). */
  good: { minOnTimePercent: number };
  /** Extra conditions for `complete`: every task done, at most this share behind schedule. */
  complete: { requireAllDone: boolean; maxBehindPercent: number };
  /** count(excellent) ≤ rounding(percent × count(good)) among the people rated together. */
  quota: { percentOfGood: number; higherPercentOfGood: number; rounding: RoundingMode };
  /** A cell may be rated excellent only if these shares of its members reach these levels. */
  cellExcellent: { minPercentAtLeastComplete: number; minPercentAtLeastGood: number; basis: string };
};

/** Key of the rating parameters in the parameter store. */
export const RATING_PARAMETER_KEY = "party_rating";

/** The default numbers, built fresh for each period so editing one period never changes another. */
function defaultRatingNumbers(regulation: string): RatingParameters {
  return {
    regulation,
    maxScore: 100,
    bands: { excellent: 90, good: 70, complete: 50 },
    excellent: { minOnTimePercent: 100, minExceededPercent: 30 },
    good: { minOnTimePercent: 100 },
    complete: { requireAllDone: true, maxBehindPercent: 20 },
    quota: { percentOfGood: 20, higherPercentOfGood: 25, rounding: "floor" },
    cellExcellent: {
      minPercentAtLeastComplete: 100,
      minPercentAtLeastGood: 80,
      basis: "Hướng dẫn 21-HD/BTCTW năm 2019 (mặc định, có thể cấu hình)",
    },
  };
}

/**
 * The shipped rating periods. Where the exact legal value could not be confirmed the number is a
 * configurable default and the legal basis says so; an administrator edits these rows, the code
 * never changes.
 */
export const DEFAULT_RATING_PARAMETERS: readonly LegalParameter<RatingParameters>[] = [
  {
    key: RATING_PARAMETER_KEY,
    validFrom: "2018-03-08",
    validTo: "2023-10-09",
    legalBasis:
      "Quy định 132-QĐ/TW ngày 08/3/2018 của Bộ Chính trị; Hướng dẫn 21-HD/BTCTW ngày 25/10/2019 của Ban Tổ chức Trung ương. " +
      "Các mức điểm (thang 100), điều kiện tiến độ, tỷ lệ 20% (25% khi cấp trên cho phép) và cách làm tròn là giá trị mặc định có thể cấu hình, " +
      "lấy giống thời kỳ sau để đánh giá được các năm 2019–2023; quản trị viên điều chỉnh nếu văn bản áp dụng quy định khác.",
    value: defaultRatingNumbers("Quy định 132-QĐ/TW, Hướng dẫn 21-HD/BTCTW"),
  },
  {
    key: RATING_PARAMETER_KEY,
    validFrom: "2023-10-10",
    validTo: "2025-08-29",
    legalBasis:
      "Quy định 124-QĐ/TW năm 2023 của Bộ Chính trị về kiểm điểm và đánh giá, xếp loại chất lượng hằng năm. " +
      "Các mức điểm (thang 100), điều kiện tiến độ, tỷ lệ 20% (25% khi cấp trên cho phép), cách làm tròn (mặc định làm tròn xuống) " +
      "và điều kiện chi bộ Hoàn thành xuất sắc là giá trị mặc định có thể cấu hình.",
    value: defaultRatingNumbers("Quy định 124-QĐ/TW"),
  },
  {
    key: RATING_PARAMETER_KEY,
    validFrom: "2025-08-30",
    validTo: null,
    legalBasis:
      "Quy định 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị (thay thế Quy định 124-QĐ/TW), thang 100 điểm. " +
      "Cách làm tròn hạn mức (mặc định làm tròn xuống) và điều kiện chi bộ Hoàn thành xuất sắc (theo Hướng dẫn 21-HD/BTCTW) là giá trị mặc định có thể cấu hình.",
    value: defaultRatingNumbers("Quy định 366-QĐ/TW"),
  },
];

/**
 * The rating parameters in force on the date of an evaluation.
 *
 * Why a dedicated helper: every rating screen needs exactly this lookup, and the date must be the
 * evaluation's date (end of the rated period), not today.
 */
export function pickRatingParameters(
  onDate: string,
  params: readonly LegalParameter<RatingParameters>[] = DEFAULT_RATING_PARAMETERS,
): LegalParameter<RatingParameters> {
  return pickParameter(params, RATING_PARAMETER_KEY, onDate);
}
