import { z } from "zod";
import { IsoDate, Uuid } from "./common.js";
import { PlanSummary } from "./plans.js";

// ---------------------------------------------------------------------------------------------
// Criteria sets (bộ tiêu chí): data, versioned per year, edited by the issuing committee.

export const CRITERIA_SET_STATUSES = ["draft", "published"] as const;
export type CriteriaSetStatus = (typeof CRITERIA_SET_STATUSES)[number];
export const CRITERIA_SET_STATUS_LABELS: Record<CriteriaSetStatus, string> = {
  draft: "Dự thảo",
  published: "Đã ban hành",
};

export const CriterionItemView = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  guidance: z.string().nullable(),
  mandatory: z.boolean(),
  mandatoryForUnits: z.boolean(),
  points: z.number().nullable(),
});

export const CriterionView = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  points: z.number().nullable(),
  items: z.array(CriterionItemView),
});

export const CriteriaSetSummary = z.object({
  id: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  year: z.number(),
  status: z.enum(CRITERIA_SET_STATUSES),
  statusLabel: z.string(),
  issuingUnitId: z.string(),
  issuingUnitName: z.string(),
  basedOnSetId: z.string().nullable(),
  basedOnSetName: z.string().nullable(),
  publishedAt: z.string().nullable(),
  campaignCount: z.number(),
});
export type CriteriaSetSummary = z.infer<typeof CriteriaSetSummary>;

export const CriteriaSetListResponse = z.object({ items: z.array(CriteriaSetSummary) });

export const CriteriaSetDetail = CriteriaSetSummary.extend({
  legalBasis: z.string().nullable(),
  source: z.string().nullable(),
  criteria: z.array(CriterionView),
  campaigns: z.array(z.object({ id: z.string(), name: z.string(), year: z.number() })),
  abilities: z.object({ canEdit: z.boolean(), canPublish: z.boolean(), canCreateVersion: z.boolean() }),
});
export type CriteriaSetDetail = z.infer<typeof CriteriaSetDetail>;

const year = z.coerce.number().int("Năm phải là số nguyên").min(2000, "Năm không hợp lệ").max(2100, "Năm không hợp lệ");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Tối đa ${max} ký tự`)
    .nullish()
    .transform((v) => (v ? v : null));
const points = z.number().min(0, "Điểm phải là số không âm").max(1000, "Điểm quá lớn").nullish().transform((v) => v ?? null);

/** A new version of a set for a year, copied from an earlier set. */
export const CreateCriteriaSetBody = z.object({
  basedOnSetId: Uuid,
  year,
  name: z.string().trim().min(1, "Hãy nhập tên bộ tiêu chí").max(300),
  /** Defaults to the issuing unit of the set copied. */
  issuingUnitId: Uuid.optional(),
});

export const CriterionItemInput = z.object({
  code: z.string().trim().min(1, "Hãy nhập mã nội dung (ví dụ IV.2)").max(20),
  title: z.string().trim().min(1, "Hãy nhập tên nội dung").max(500),
  guidance: optionalText(10_000),
  mandatory: z.boolean().default(false),
  mandatoryForUnits: z.boolean().default(false),
  points,
});

export const CriterionInput = z.object({
  code: z.string().trim().min(1, "Hãy nhập mã tiêu chí (I, II…)").max(10),
  title: z.string().trim().min(1, "Hãy nhập tên tiêu chí").max(500),
  description: optionalText(2000),
  points,
  items: z.array(CriterionItemInput).max(50, "Tối đa 50 nội dung trong một tiêu chí"),
});

/** The whole content of a draft set, replaced at once (validated with validateCriteriaSet). */
export const UpdateCriteriaSetBody = z.object({
  name: z.string().trim().min(1, "Hãy nhập tên bộ tiêu chí").max(300),
  code: z.string().trim().min(1, "Hãy nhập mã bộ tiêu chí").max(40),
  legalBasis: optionalText(2000),
  source: optionalText(2000),
  criteria: z.array(CriterionInput).max(30, "Tối đa 30 tiêu chí"),
});

// ---------------------------------------------------------------------------------------------
// Campaigns (phong trào, đợt thi đua).

export const CAMPAIGN_STATUSES = ["draft", "active", "closed"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: "Dự thảo",
  active: "Đang triển khai",
  closed: "Đã kết thúc",
};

/**
 * Where a campaign stands on a date, as its status tag says: an active campaign before its
 * period has not started yet; after its period it is still open while the units evaluate and
 * report (until the committee closes it).
 */
export type CampaignPhase = "draft" | "upcoming" | "running" | "ended" | "closed";
export const CAMPAIGN_PHASE_LABELS: Record<CampaignPhase, string> = {
  draft: "Dự thảo",
  upcoming: "Sắp triển khai",
  running: "Đang triển khai",
  ended: "Đang tổng kết",
  closed: "Đã kết thúc",
};
export function campaignPhase(c: { status: CampaignStatus; periodStart: string; periodEnd: string }, today: string): CampaignPhase {
  if (c.status !== "active") return c.status;
  if (today < c.periodStart) return "upcoming";
  if (today > c.periodEnd) return "ended";
  return "running";
}

export const CampaignSummary = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  name: z.string(),
  year: z.number(),
  periodStart: z.string(),
  periodEnd: z.string(),
  planDeadline: z.string().nullable(),
  registrationDeadline: z.string().nullable(),
  reportDeadline: z.string().nullable(),
  status: z.enum(CAMPAIGN_STATUSES),
  statusLabel: z.string(),
  criteriaSetId: z.string(),
  criteriaSetName: z.string(),
  canManage: z.boolean(),
});
export type CampaignSummary = z.infer<typeof CampaignSummary>;

export const CampaignListQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const CampaignListResponse = z.object({ items: z.array(CampaignSummary) });

export const CASCADE_STATUSES = ["not_created", "draft", "issued"] as const;
export type CascadeStatus = (typeof CASCADE_STATUSES)[number];
export const CASCADE_STATUS_LABELS: Record<CascadeStatus, string> = {
  not_created: "Chưa lập kế hoạch",
  draft: "Đang soạn thảo",
  issued: "Đã ban hành",
};

/** One child unit in the cascade: has it issued its implementing plan, and on time? */
export const CascadeRow = z.object({
  unitId: z.string(),
  unitName: z.string(),
  unitKind: z.string(),
  unitKindLabel: z.string(),
  parentName: z.string().nullable(),
  status: z.enum(CASCADE_STATUSES),
  statusLabel: z.string(),
  plan: PlanSummary.nullable(),
  /** Date of the first issued version (a later correction does not make a plan late). */
  firstIssuedDate: z.string().nullable(),
  late: z.boolean(),
  /** Days after the deadline (issued late), or days overdue so far (not issued); 0 when on time. */
  daysLate: z.number(),
  members: z.number(),
  acknowledged: z.number(),
});
export type CascadeRow = z.infer<typeof CascadeRow>;

export const CascadeSummary = z.object({ total: z.number(), issued: z.number(), late: z.number(), notIssued: z.number() });

/** A unit of mine inside the campaign (my cell), with its plan and what I may do. */
export const MyCampaignUnit = z.object({
  unitId: z.string(),
  unitName: z.string(),
  unitKind: z.string(),
  plan: PlanSummary.nullable(),
  late: z.boolean(),
  canManage: z.boolean(),
});

export const CampaignDetail = z.object({
  campaign: CampaignSummary,
  criteriaSet: z.object({ id: z.string(), name: z.string(), year: z.number(), status: z.string() }),
  /** The launching committee's own plan (e.g. 236-KH/ĐU). */
  unitPlan: PlanSummary.nullable(),
  cascade: z.array(CascadeRow).nullable(),
  cascadeSummary: CascadeSummary.nullable(),
  myUnits: z.array(MyCampaignUnit),
  abilities: z.object({ canEdit: z.boolean(), canCreateUnitPlan: z.boolean(), canViewCascade: z.boolean(), canRemove: z.boolean() }),
});
export type CampaignDetail = z.infer<typeof CampaignDetail>;

const optionalDate = IsoDate.nullish().transform((v) => v ?? null);

export const CreateCampaignBody = z.object({
  unitId: Uuid,
  name: z.string().trim().min(5, "Tên phong trào quá ngắn").max(500),
  year,
  periodStart: IsoDate,
  periodEnd: IsoDate,
  criteriaSetId: Uuid,
  planDeadline: optionalDate,
  registrationDeadline: optionalDate,
  reportDeadline: optionalDate,
});
export type CreateCampaignInput = z.input<typeof CreateCampaignBody>;

export const UpdateCampaignBody = z.object({
  name: z.string().trim().min(5, "Tên phong trào quá ngắn").max(500).optional(),
  periodStart: IsoDate.optional(),
  periodEnd: IsoDate.optional(),
  planDeadline: IsoDate.nullable().optional(),
  registrationDeadline: IsoDate.nullable().optional(),
  reportDeadline: IsoDate.nullable().optional(),
  status: z.enum(CAMPAIGN_STATUSES).optional(),
});

/** The dates of a campaign, as checked on create and update (and in the web form). */
export type CampaignDates = {
  year: number;
  periodStart: string;
  periodEnd: string;
  planDeadline: string | null;
  registrationDeadline: string | null;
  reportDeadline: string | null;
};

/**
 * Problems with a campaign's dates, in Vietnamese, with the field they belong to: the period
 * runs forwards and covers the year; plans and registrations are due inside the period; the
 * report is due after the period starts; plans are due no later than registrations.
 */
export function campaignDateProblems(d: CampaignDates): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (d.periodEnd < d.periodStart) out.push({ path: "periodEnd", message: "Ngày kết thúc phải sau ngày bắt đầu" });
  const y1 = Number(d.periodStart.slice(0, 4));
  const y2 = Number(d.periodEnd.slice(0, 4));
  if (d.year < y1 || d.year > y2) out.push({ path: "year", message: "Năm của phong trào phải nằm trong thời gian thực hiện" });
  const inPeriod = (v: string | null, path: string, label: string) => {
    if (v === null) return;
    if (v < d.periodStart) out.push({ path, message: `${label} phải từ ngày bắt đầu phong trào trở đi` });
    else if (v > d.periodEnd) out.push({ path, message: `${label} phải trong thời gian thực hiện phong trào` });
  };
  inPeriod(d.planDeadline, "planDeadline", "Hạn ban hành kế hoạch");
  inPeriod(d.registrationDeadline, "registrationDeadline", "Hạn đăng ký");
  if (d.reportDeadline !== null && d.reportDeadline < d.periodStart) {
    out.push({ path: "reportDeadline", message: "Hạn báo cáo phải từ ngày bắt đầu phong trào trở đi" });
  }
  if (d.planDeadline && d.registrationDeadline && d.registrationDeadline < d.planDeadline) {
    out.push({ path: "registrationDeadline", message: "Hạn đăng ký không được trước hạn ban hành kế hoạch" });
  }
  return out;
}

/** Home card for the commune: units that have not issued their plan, per current campaign. */
export const UnissuedPlansResponse = z.object({
  items: z.array(
    z.object({
      campaignId: z.string(),
      campaignName: z.string(),
      planDeadline: z.string().nullable(),
      units: z.array(CascadeRow),
    }),
  ),
});
