import { z } from "zod";
import { IsoDate, Uuid } from "./common.js";

/** A result report (báo cáo kết quả) is written as a draft, then submitted once; it is read-only afterwards. */
export const REPORT_STATUSES = ["draft", "submitted"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  draft: "Đang soạn",
  submitted: "Đã gửi",
};

/** Where a unit stands with its report, as the commune and TTKV follow it up. */
export const SUBMISSION_STATES = ["not_started", "draft", "submitted_on_time", "submitted_late"] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];
export const SUBMISSION_STATE_LABELS: Record<SubmissionState, string> = {
  not_started: "Chưa lập báo cáo",
  draft: "Đang soạn, chưa gửi",
  submitted_on_time: "Đã gửi đúng hạn",
  submitted_late: "Gửi trễ hạn",
};

/** The narrative sections of a result report, in print order, with their Vietnamese headings. */
export const REPORT_SECTIONS = ["strengths", "limitations", "causes", "nextSteps"] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];
export const REPORT_SECTION_LABELS: Record<ReportSection, string> = {
  strengths: "Ưu điểm",
  limitations: "Hạn chế",
  causes: "Nguyên nhân",
  nextSteps: "Phương hướng",
};

export const ReportParams = z.object({ campaignId: Uuid, unitId: Uuid });
/** The day the live figures are read on: any day of the campaign up to today (default: today, or the campaign's last day once it has ended). */
export const FiguresQuery = z.object({ asOf: IsoDate.optional() });

const section = z.string().trim().max(20_000, "Nội dung quá dài (tối đa 20.000 ký tự)").nullable().optional();

/** The fields a manager writes; every field is optional so a draft can be saved at any time. */
export const SaveReportBody = z.object({
  number: z.number().int("Số văn bản phải là số nguyên").min(1, "Số văn bản phải từ 1 trở lên").max(99_999).nullable().optional(),
  reportDate: IsoDate.nullable().optional(),
  strengths: section,
  limitations: section,
  causes: section,
  nextSteps: section,
});
export type SaveReportBody = z.infer<typeof SaveReportBody>;

export const Figures = z.object({ registered: z.number(), achieved: z.number(), percent: z.number() });
export const CriterionFigures = Figures.extend({ code: z.string(), title: z.string() });
export type CriterionFigures = z.infer<typeof CriterionFigures>;

export const MemberFigures = z.object({ registered: z.number(), total: z.number() });

/** The statistics of a report: live until submission, then frozen as they were. */
export const ReportStatistics = z.object({
  asOf: z.string(),
  criteria: z.array(CriterionFigures),
  total: Figures,
  members: MemberFigures,
  models: z.object({
    count: z.number(),
    items: z.array(z.object({ name: z.string(), field: z.string(), fieldLabel: z.string(), ownerName: z.string(), unitName: z.string() })),
  }),
  violations: z.object({
    count: z.number(),
    byKind: z.array(z.object({ kind: z.string(), label: z.string(), count: z.number() })),
  }),
  commendations: z.object({
    proposed: z.number(),
    approved: z.number(),
    declined: z.number(),
    approvedItems: z.array(z.object({ subjectName: z.string(), subjectKindLabel: z.string(), unitName: z.string() })),
  }),
});
export type ReportStatistics = z.infer<typeof ReportStatistics>;

export const CampaignBrief = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number(),
  status: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  reportDeadline: z.string().nullable(),
});

export const UnitBrief = z.object({ id: z.string(), name: z.string(), kind: z.string(), kindLabel: z.string() });

export const ReportView = z.object({
  campaign: CampaignBrief,
  unit: UnitBrief.extend({ symbolCode: z.string(), hasChildren: z.boolean() }),
  report: z.object({
    id: z.string().nullable(),
    status: z.enum(REPORT_STATUSES),
    statusLabel: z.string(),
    number: z.number().nullable(),
    symbol: z.string().nullable(),
    suggestedNumber: z.number(),
    suggestedSymbol: z.string(),
    reportDate: z.string().nullable(),
    strengths: z.string().nullable(),
    limitations: z.string().nullable(),
    causes: z.string().nullable(),
    nextSteps: z.string().nullable(),
    submittedAt: z.string().nullable(),
    submittedByName: z.string().nullable(),
    receivedByUnitName: z.string().nullable(),
    late: z.boolean(),
    updatedAt: z.string().nullable(),
  }),
  /** Who will receive the report (TTKV under the parent commune), shown before submission. */
  receiver: z.object({ unitId: z.string(), name: z.string() }).nullable(),
  statistics: ReportStatistics,
  statisticsFrozen: z.boolean(),
  can: z.object({ edit: z.boolean(), submit: z.boolean() }),
});
export type ReportView = z.infer<typeof ReportView>;

export const RollupChild = UnitBrief.extend({
  registered: z.number(),
  achieved: z.number(),
  percent: z.number(),
  byCriterion: z.array(Figures.extend({ code: z.string() })),
  members: MemberFigures,
  submission: z.enum(SUBMISSION_STATES).nullable(),
  submissionLabel: z.string().nullable(),
});
export type RollupChild = z.infer<typeof RollupChild>;

/** `after` and `limit` page the rows of the children (by name); without `limit`, every child. */
export const RollupQuery = FiguresQuery.extend({
  after: z.string().max(400, "Con trỏ trang không hợp lệ").optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type RollupQuery = z.infer<typeof RollupQuery>;

/**
 * The live roll-up of a unit's subtree (its totals), with one row per child unit (its own subtree
 * totals), one page of them when asked with `limit`; `nextCursor` asks for the next page.
 */
export const RollupView = z.object({
  campaign: CampaignBrief,
  unit: UnitBrief,
  asOf: z.string(),
  criteria: z.array(CriterionFigures),
  total: Figures,
  members: MemberFigures,
  children: z.array(RollupChild),
  /**
   * The unit's own bodies, without any unit below it (members of the commune's committee itself,
   * sheets registered there), on the first page when they hold something: with it the rows add up
   * to the total.
   */
  own: Figures.extend({ byCriterion: z.array(Figures.extend({ code: z.string() })), members: MemberFigures }).nullable(),
  nextCursor: z.string().nullable(),
});
export type RollupView = z.infer<typeof RollupView>;

/** Where the reports of a branch (a unit and every unit below it) stand. */
export const SubmissionCounts = z.object({ expected: z.number(), submitted: z.number(), onTime: z.number(), late: z.number(), missing: z.number() });
export type SubmissionCounts = z.infer<typeof SubmissionCounts>;

/** One unit directly under the unit followed: its own report, and those of the units below it. */
export const SubmissionItem = z.object({
  unitId: z.string(),
  unitName: z.string(),
  kindLabel: z.string(),
  /** The unit's own report; null when the unit itself does not report (it only groups units that do). */
  state: z.enum(SUBMISSION_STATES).nullable(),
  stateLabel: z.string().nullable(),
  reportId: z.string().nullable(),
  symbol: z.string().nullable(),
  submittedAt: z.string().nullable(),
  receivedByUnitName: z.string().nullable(),
  /** Not submitted and the deadline has passed. */
  overdue: z.boolean(),
  /** The units below it that report (itself excluded); null when there are none. */
  below: SubmissionCounts.nullable(),
});
export type SubmissionItem = z.infer<typeof SubmissionItem>;

export const SUBMISSION_FILTERS = ["all", "missing", "late"] as const;
/** One page of the units directly under a unit, by name: all that report, those with a report missing, those late. */
export const SubmissionsQuery = z.object({
  filter: z.enum(SUBMISSION_FILTERS).default("all"),
  after: z.string().max(400, "Con trỏ trang không hợp lệ").optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type SubmissionsQuery = z.infer<typeof SubmissionsQuery>;

/**
 * Which units under a unit have reported, on time or late, and which have not: the counts of the
 * whole subtree, and one page of the units directly under it (each with the counts of its own
 * branch), paginated by name; `nextCursor` asks for the next page.
 */
export const SubmissionsView = z.object({
  campaign: CampaignBrief,
  unit: UnitBrief,
  deadline: z.string().nullable(),
  deadlinePassed: z.boolean(),
  counts: SubmissionCounts,
  filter: z.enum(SUBMISSION_FILTERS),
  items: z.array(SubmissionItem),
  nextCursor: z.string().nullable(),
});
export type SubmissionsView = z.infer<typeof SubmissionsView>;

/** Campaigns the actor may report on or follow, with the actor's own units in each. */
export const ReportCampaignList = z.object({
  items: z.array(
    CampaignBrief.extend({
      units: z.array(UnitBrief.extend({ hasChildren: z.boolean(), canManage: z.boolean() })),
    }),
  ),
});
export type ReportCampaignList = z.infer<typeof ReportCampaignList>;
