import { z } from "zod";
import { IsoDate, Uuid } from "./common.js";

export const PLAN_STATUSES = ["draft", "issued", "superseded"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  draft: "Dự thảo",
  issued: "Đã ban hành",
  superseded: "Đã được thay thế",
};

/**
 * A line of a section: a dash line "- …" (`bullet`, as typed Party plans write them), a plain
 * paragraph (`text`) or a numbered sub-heading "1. …" (`subheading`, the number is in the text).
 */
export const PARAGRAPH_KINDS = ["bullet", "text", "subheading"] as const;
export const PARAGRAPH_KIND_LABELS: Record<(typeof PARAGRAPH_KINDS)[number], string> = {
  bullet: "Gạch đầu dòng",
  text: "Đoạn văn",
  subheading: "Tiêu đề mục con",
};

/** Who a responsibility of "III. Tổ chức thực hiện" belongs to. */
export const RESPONSIBILITY_ROLES = ["secretary", "deputy_secretary", "committee_member", "members", "office", "unit", "other"] as const;
export type ResponsibilityRole = (typeof RESPONSIBILITY_ROLES)[number];
export const RESPONSIBILITY_ROLE_LABELS: Record<ResponsibilityRole, string> = {
  secretary: "Bí thư",
  deputy_secretary: "Phó Bí thư",
  committee_member: "Cấp ủy viên",
  members: "Toàn thể cán bộ, đảng viên",
  office: "Thường trực Khối vận",
  unit: "Các chi bộ, đoàn thể",
  other: "Khác",
};

const line = (max: number, empty: string) => z.string().trim().min(1, empty).max(max, `Tối đa ${max} ký tự`);

export const PlanParagraph = z.object({
  kind: z.enum(PARAGRAPH_KINDS).default("bullet"),
  text: line(5000, "Nội dung không được để trống"),
});
export type PlanParagraph = z.infer<typeof PlanParagraph>;

/** A responsibility by position: the text is the whole sentence as printed ("Bí thư chi bộ xây dựng …"). */
export const PlanResponsibility = z.object({
  role: z.enum(RESPONSIBILITY_ROLES),
  text: line(5000, "Nội dung trách nhiệm không được để trống"),
});
export type PlanResponsibility = z.infer<typeof PlanResponsibility>;

/** A numbered section: "I. Mục đích, yêu cầu", "II. Nội dung thực hiện", "III. Tổ chức thực hiện". */
export const PlanSection = z.object({
  heading: line(300, "Tiêu đề mục không được để trống"),
  paragraphs: z.array(PlanParagraph).max(100).default([]),
  responsibilities: z.array(PlanResponsibility).max(50).default([]),
});
export type PlanSection = z.infer<typeof PlanSection>;

/** A cited document (căn cứ); `planId` links a plan stored here (e.g. 236-KH/ĐU). */
export const PlanBasis = z.object({
  text: line(2000, "Nội dung căn cứ không được để trống"),
  planId: Uuid.nullish().transform((v) => v ?? null),
});
export type PlanBasis = z.infer<typeof PlanBasis>;

/** Everything of a plan a secretary writes (all optional on update; a draft may be incomplete). */
export const PlanContentInput = z.object({
  number: z.number().int("Số văn bản phải là số nguyên").min(1, "Số văn bản phải từ 1 trở lên").max(99999).nullable(),
  date: IsoDate,
  place: line(100, "Hãy nhập địa danh"),
  subject: line(1000, "Hãy nhập trích yếu"),
  basis: z.array(PlanBasis).max(20),
  preamble: z
    .string()
    .trim()
    .max(3000)
    .nullish()
    .transform((v) => (v ? v : null)),
  sections: z.array(PlanSection).max(20),
  closing: z
    .string()
    .trim()
    .max(3000)
    .nullish()
    .transform((v) => (v ? v : null)),
  recipients: z.array(line(300, "Nơi nhận không được để trống")).max(30),
  signatureTitles: z.array(line(100, "Dòng thể thức ký không được để trống")).min(1, "Hãy nhập thể thức ký (T/M CHI BỘ…)").max(4),
  signerPersonId: Uuid.nullable(),
  signerName: line(200, "Hãy nhập họ tên người ký"),
});
export type PlanContentInput = z.input<typeof PlanContentInput>;

export const CreatePlanBody = z.object({
  campaignId: Uuid,
  unitId: Uuid,
  /** The superior's issued plan this one implements: the new draft is prefilled from it. */
  parentPlanId: Uuid.nullish().transform((v) => v ?? null),
});

export const UpdatePlanBody = PlanContentInput.partial();
export type UpdatePlanInput = z.input<typeof UpdatePlanBody>;

export const IssuePlanBody = z.object({
  /** The plan's date; defaults to the draft's date. Must not be in the future. */
  date: IsoDate.optional(),
});

export const PlanSummary = z.object({
  id: z.string(),
  campaignId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  version: z.number(),
  status: z.enum(PLAN_STATUSES),
  statusLabel: z.string(),
  typeCode: z.string(),
  number: z.number().nullable(),
  /** Frozen at issue; a draft shows the symbol it would get. */
  symbol: z.string().nullable(),
  date: z.string().nullable(),
  subject: z.string(),
  issuedAt: z.string().nullable(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

export const PlanDetail = PlanSummary.extend({
  place: z.string(),
  basis: z.array(z.object({ text: z.string(), planId: z.string().nullable() })),
  preamble: z.string().nullable(),
  sections: z.array(
    z.object({
      heading: z.string(),
      paragraphs: z.array(z.object({ kind: z.enum(PARAGRAPH_KINDS), text: z.string() })),
      responsibilities: z.array(z.object({ role: z.enum(RESPONSIBILITY_ROLES), roleLabel: z.string(), text: z.string() })),
    }),
  ),
  closing: z.string().nullable(),
  recipients: z.array(z.string()),
  signatureTitles: z.array(z.string()),
  signerPersonId: z.string().nullable(),
  signerName: z.string().nullable(),
  /** Header lines as printed: superior body and issuing body as named on the plan's date. */
  superiorBody: z.string().nullable(),
  issuingBody: z.string(),
  numberLine: z.string().nullable(),
  placeAndDate: z.string().nullable(),
  campaign: z.object({ id: z.string(), name: z.string(), planDeadline: z.string().nullable() }),
  parentPlan: z.object({ id: z.string(), symbol: z.string().nullable(), unitName: z.string(), date: z.string().nullable() }).nullable(),
  previousVersionId: z.string().nullable(),
  versions: z.array(z.object({ id: z.string(), version: z.number(), status: z.enum(PLAN_STATUSES), statusLabel: z.string(), symbol: z.string().nullable(), date: z.string().nullable() })),
  issuedByName: z.string().nullable(),
  late: z.boolean(),
  abilities: z.object({
    canEdit: z.boolean(),
    canIssue: z.boolean(),
    canDelete: z.boolean(),
    canCreateVersion: z.boolean(),
    canAcknowledge: z.boolean(),
    canViewAcknowledgements: z.boolean(),
  }),
  /** When I am a member of the unit: my acknowledgement (null = not yet). */
  myAcknowledgement: z.object({ acknowledgedAt: z.string().nullable() }).nullable(),
  acknowledgementSummary: z.object({ members: z.number(), acknowledged: z.number() }).nullable(),
});
export type PlanDetail = z.infer<typeof PlanDetail>;

export const NumberSuggestionQuery = z.object({
  unitId: Uuid,
  date: IsoDate,
  typeCode: z.string().trim().min(1).max(10).default("KH"),
  /** First day of the committee term; defaults to the unit's term on `date`. */
  termStart: IsoDate.optional(),
  /** Leave this plan's own chain out (its number is already its own). */
  planId: Uuid.optional(),
});
export const NumberSuggestion = z.object({
  number: z.number(),
  symbol: z.string(),
  numberLine: z.string(),
  termStart: z.string(),
  termName: z.string(),
});

export const AcknowledgementList = z.object({
  planId: z.string(),
  members: z.number(),
  acknowledged: z.number(),
  items: z.array(
    z.object({
      personId: z.string(),
      fullName: z.string(),
      role: z.string(),
      roleLabel: z.string(),
      title: z.string().nullable(),
      acknowledgedAt: z.string().nullable(),
    }),
  ),
});
export type AcknowledgementList = z.infer<typeof AcknowledgementList>;

/** Home card for members: issued plans of my units I have not acknowledged yet. */
export const PlansToAcknowledgeResponse = z.object({
  items: z.array(
    PlanSummary.extend({
      campaignName: z.string(),
    }),
  ),
});
