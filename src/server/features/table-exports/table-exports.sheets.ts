import type { z } from "zod";
import type { CoverageResponse } from "@contracts/registrations.js";
import type { EvaluationSheet } from "@contracts/evaluations.js";
import type { RollupView } from "@contracts/reports.js";
import type { XlsxColumn, XlsxTable, XlsxValue } from "../../spreadsheets/xlsx-table.js";

/**
 * The tables users work with on screen, as the rows and Vietnamese columns of their XLSX export.
 * Each takes the very view the page shows (the feature's presenter output), so the file and the
 * screen cannot disagree. Pure: no database, no request.
 */

type Row = Record<string, XlsxValue>;
const fraction = (n: number, of: number) => (of > 0 ? n / of : 0);

/** Coverage per sub-item of the criteria: who registered it, how many approved, of how many members. */
export function coverageTable(view: z.infer<typeof CoverageResponse>): XlsxTable {
  const columns: XlsxColumn[] = [
    { header: "Tiêu chí", key: "criterion", type: "text", width: 10 },
    { header: "Nội dung", key: "code", type: "text", width: 10 },
    { header: "Tên nội dung", key: "title", type: "text", width: 50 },
    { header: "Bắt buộc", key: "mandatory", type: "text", width: 10 },
    { header: "Số đảng viên đã đăng ký", key: "registered", type: "integer", width: 14 },
    { header: "Số đã được duyệt", key: "approved", type: "integer", width: 12 },
    { header: "Tổng số đảng viên", key: "members", type: "integer", width: 12 },
    { header: "Tỷ lệ đăng ký", key: "percent", type: "percent", width: 12 },
    { header: "Chưa đăng ký (nội dung bắt buộc)", key: "missing", type: "text", width: 50 },
  ];
  const missing = new Map(view.missingMandatory.map((m) => [m.itemId, m.people.map((p) => p.fullName).join(", ")]));
  const rows: Row[] = view.criteria.flatMap((c) =>
    c.items.map((i) => ({
      criterion: c.code,
      code: i.code,
      title: i.title,
      mandatory: i.mandatory ? "Có" : "",
      registered: i.registeredMembers,
      approved: i.approvedMembers,
      members: view.memberCount,
      percent: fraction(i.registeredMembers, view.memberCount),
      missing: missing.get(i.id) ?? "",
    })),
  );
  return { title: `Mức độ đăng ký theo tiêu chí - ${view.unit.name}`, sheetName: "Mức độ đăng ký", columns, rows };
}

/** The evaluation sheet: one row per member with the count of commitments, score and rating. */
export function evaluationTable(view: z.infer<typeof EvaluationSheet>): XlsxTable {
  const columns: XlsxColumn[] = [
    { header: "STT", key: "stt", type: "integer", width: 6 },
    { header: "Họ và tên", key: "name", type: "text", width: 28 },
    { header: "Chức vụ", key: "role", type: "text", width: 16 },
    { header: "Số việc đăng ký", key: "commitments", type: "integer", width: 10 },
    { header: "Đạt", key: "achieved", type: "integer", width: 8 },
    { header: "Không đạt", key: "notAchieved", type: "integer", width: 10 },
    { header: "Vi phạm", key: "violations", type: "integer", width: 9 },
    { header: "Điểm", key: "score", type: "number", width: 8 },
    { header: "Xếp loại gợi ý", key: "suggested", type: "text", width: 26 },
    { header: "Xếp loại", key: "rating", type: "text", width: 26 },
    { header: "Ghi chú", key: "notes", type: "text", width: 40 },
  ];
  const rows: Row[] = view.members.map((m, i) => {
    const achieved = m.commitments.filter((c) => (c.judgedStatus ?? (c.suggested.achieved ? "achieved" : "not_achieved")) === "achieved").length;
    return {
      stt: i + 1,
      name: m.fullName,
      role: m.roleLabel ?? "",
      commitments: m.commitments.length,
      achieved,
      notAchieved: m.commitments.length - achieved,
      violations: m.violations.length,
      score: m.score,
      suggested: m.suggestedRating?.label ?? "",
      rating: m.ratingLabel ?? "",
      notes: m.notes ?? "",
    };
  });
  return { title: `Đánh giá, xếp loại - ${view.unit.name} - ${view.campaign.name}`, sheetName: "Đánh giá, xếp loại", columns, rows };
}

/** The live roll-up: one row per child unit (its subtree's totals), per criterion, and the total. */
export function rollupTable(view: RollupView): XlsxTable {
  const columns: XlsxColumn[] = [
    { header: "Đơn vị", key: "unit", type: "text", width: 36 },
    { header: "Loại", key: "kind", type: "text", width: 18 },
    { header: "Đảng viên đã đăng ký", key: "membersRegistered", type: "integer", width: 12 },
    { header: "Tổng số đảng viên", key: "membersTotal", type: "integer", width: 12 },
    { header: "Số việc đăng ký", key: "registered", type: "integer", width: 12 },
    { header: "Số việc đạt", key: "achieved", type: "integer", width: 10 },
    { header: "Tỷ lệ đạt", key: "percent", type: "percent", width: 10 },
    ...view.criteria.flatMap((c): XlsxColumn[] => [
      { header: `Tiêu chí ${c.code}: đăng ký`, key: `reg_${c.code}`, type: "integer", width: 12 },
      { header: `Tiêu chí ${c.code}: đạt`, key: `ach_${c.code}`, type: "integer", width: 12 },
    ]),
    { header: "Báo cáo", key: "submission", type: "text", width: 22 },
  ];
  const perCriterion = (items: readonly { code: string; registered: number; achieved: number }[]) =>
    Object.fromEntries(items.flatMap((c) => [[`reg_${c.code}`, c.registered], [`ach_${c.code}`, c.achieved]]));
  // the unit's own bodies first (then the rows add up to the total), then each unit below it
  const own = view.own ? [{ ...view.own, name: `Trực tiếp tại ${view.unit.name}`, kindLabel: view.unit.kindLabel, submissionLabel: null }] : [];
  const rows: Row[] = [...own, ...view.children].map((c) => ({
    unit: c.name,
    kind: c.kindLabel,
    membersRegistered: c.members.registered,
    membersTotal: c.members.total,
    registered: c.registered,
    achieved: c.achieved,
    percent: c.percent / 100,
    ...perCriterion(c.byCriterion),
    submission: c.submissionLabel ?? "",
  }));
  rows.push({
    unit: `Toàn ${view.unit.name}`,
    kind: view.unit.kindLabel,
    membersRegistered: view.members.registered,
    membersTotal: view.members.total,
    registered: view.total.registered,
    achieved: view.total.achieved,
    percent: view.total.percent / 100,
    ...perCriterion(view.criteria),
    submission: "",
  });
  return { title: `Tổng hợp kết quả - ${view.unit.name} - ${view.campaign.name}`, sheetName: "Tổng hợp", columns, rows };
}
