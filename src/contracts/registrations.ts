import { z } from "zod";
import { MODEL_FIELD_CODES } from "@domain/criteria.js";
import { BulkDone, bulkIds } from "./bulk.js";
import { IsoDate, Uuid } from "./common.js";

/** Workflow of a registration sheet: draft → submitted → approved, or → returned → (revised) → submitted. */
export const REGISTRATION_STATUSES = ["draft", "submitted", "approved", "returned"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const RegistrationStatusSchema = z.enum(REGISTRATION_STATUSES);

export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus | "not_registered", string> = {
  not_registered: "Chưa đăng ký",
  draft: "Nháp",
  submitted: "Chờ duyệt",
  approved: "Đã duyệt",
  returned: "Trả lại",
};

/** Statuses a sheet row can have: a member without a registration is "not_registered". */
export const SHEET_STATUSES = ["not_registered", ...REGISTRATION_STATUSES] as const;
export type SheetStatus = (typeof SHEET_STATUSES)[number];

const text = (max: number) => z.string().trim().max(max, `Tối đa ${max} ký tự`);
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** One practical action (việc làm thiết thực) under a criterion sub-item. */
export const CommitmentInput = z.object({
  /** Present when revising an existing commitment of the same registration. */
  id: Uuid.optional(),
  criterionItemId: Uuid,
  action: text(1000).min(1, "Hãy nhập việc làm đăng ký"),
  target: text(500).min(1, "Hãy nhập chỉ tiêu đo được (ví dụ: 0 lỗi vi phạm, 4 buổi/năm)"),
  place: optionalText(300),
  startDate: IsoDate.nullish().transform((v) => v ?? null),
  deadline: IsoDate,
});

/** A "Dân vận khéo" model. */
export const ModelInput = z.object({
  id: Uuid.optional(),
  name: text(300).min(1, "Hãy nhập tên mô hình"),
  field: z.enum(MODEL_FIELD_CODES, { message: "Hãy chọn lĩnh vực của mô hình" }),
  address: optionalText(300),
  content: optionalText(3000),
  expectedResult: optionalText(1000),
  participants: optionalText(500),
});

const commitmentsField = z
  .array(CommitmentInput)
  .min(1, "Cần đăng ký ít nhất một việc làm thiết thực")
  .max(60, "Tối đa 60 việc làm trong một bảng đăng ký");
const modelsField = z.array(ModelInput).max(10, "Tối đa 10 mô hình").default([]);

export const CreateRegistrationBody = z.object({
  campaignId: Uuid,
  unitId: Uuid,
  /** Set for a collective registration (the cell itself, a mass organisation); omitted for one's own sheet. */
  collectiveName: z
    .string()
    .trim()
    .min(2, "Hãy nhập tên tập thể")
    .max(200, "Tối đa 200 ký tự")
    .nullish()
    .transform((v) => v ?? null),
  commitments: commitmentsField,
  models: modelsField,
});

export const UpdateRegistrationBody = z.object({
  collectiveName: z.string().trim().min(2, "Hãy nhập tên tập thể").max(200, "Tối đa 200 ký tự").optional(),
  commitments: commitmentsField,
  models: modelsField,
});

export const ReturnRegistrationBody = z.object({
  reason: z.string().trim().min(5, "Hãy nêu rõ lý do trả lại (ít nhất 5 ký tự)").max(2000, "Tối đa 2000 ký tự"),
});

export const CampaignQuery = z.object({ campaignId: Uuid });
export const SheetQuery = z.object({
  campaignId: Uuid,
  unitId: Uuid,
  status: z.enum(SHEET_STATUSES).optional(),
  q: z.string().trim().max(100).optional(),
  late: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true")),
});
export const CoverageQuery = z.object({ campaignId: Uuid, unitId: Uuid });

// ---------------------------------------------------------------- responses

export const CampaignBrief = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number(),
  periodStart: z.string(),
  periodEnd: z.string(),
  registrationDeadline: z.string().nullable(),
  status: z.string(),
  /** Registration, editing and submission are open (the campaign is active). */
  open: z.boolean(),
});

export const UnitBrief = z.object({ id: z.string(), name: z.string() });

export const MyRegistrationSlot = z.object({
  unit: UnitBrief,
  registration: z.object({ id: z.string(), status: z.string(), statusLabel: z.string(), late: z.boolean() }).nullable(),
});

export const RegistrationCampaign = CampaignBrief.extend({
  /** Units where I hold a position and register my own sheet. */
  mine: z.array(MyRegistrationSlot),
  /** Units whose whole sheet I may see (secretary, deputy, scopes). */
  sheetUnits: z.array(UnitBrief.extend({ canReview: z.boolean() })),
});
export const RegistrationCampaignsResponse = z.object({ items: z.array(RegistrationCampaign) });

export const CriterionItemView = z.object({ id: z.string(), code: z.string(), title: z.string(), guidance: z.string().nullable(), mandatory: z.boolean() });
export const CriterionView = z.object({ id: z.string(), code: z.string(), title: z.string(), items: z.array(CriterionItemView) });
export const CriteriaResponse = z.object({
  campaign: CampaignBrief,
  criteria: z.array(CriterionView),
  modelFields: z.array(z.object({ code: z.string(), label: z.string() })),
});

export const CommitmentView = z.object({
  id: z.string(),
  criterionItemId: z.string(),
  criterionCode: z.string(),
  criterionTitle: z.string(),
  itemCode: z.string(),
  itemTitle: z.string(),
  mandatory: z.boolean(),
  action: z.string(),
  target: z.string().nullable(),
  place: z.string().nullable(),
  startDate: z.string().nullable(),
  deadline: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  /** Past its deadline and neither achieved nor not achieved. */
  overdue: z.boolean(),
  updateCount: z.number(),
  lastUpdateAt: z.string().nullable(),
});

export const ModelView = z.object({
  id: z.string(),
  name: z.string(),
  field: z.string(),
  fieldLabel: z.string(),
  address: z.string().nullable(),
  content: z.string().nullable(),
  expectedResult: z.string().nullable(),
  participants: z.string().nullable(),
});

export const RegistrationDetail = z.object({
  id: z.string(),
  campaign: CampaignBrief,
  unit: UnitBrief,
  person: z.object({ id: z.string(), fullName: z.string() }).nullable(),
  collectiveName: z.string().nullable(),
  /** "Nguyễn Văn An" or the collective's name. */
  displayName: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  submittedAt: z.string().nullable(),
  firstSubmittedAt: z.string().nullable(),
  late: z.boolean(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  returnReason: z.string().nullable(),
  commitments: z.array(CommitmentView),
  models: z.array(ModelView),
  /** Mandatory sub-items (IV.2) this individual sheet does not contain yet. */
  missingMandatory: z.array(z.object({ id: z.string(), code: z.string(), title: z.string() })),
  can: z.object({ edit: z.boolean(), submit: z.boolean(), withdraw: z.boolean(), review: z.boolean(), postProgress: z.boolean() }),
});

export const SheetRow = z.object({
  registrationId: z.string().nullable(),
  personId: z.string().nullable(),
  collectiveName: z.string().nullable(),
  displayName: z.string(),
  positionTitle: z.string().nullable(),
  status: z.enum(SHEET_STATUSES),
  statusLabel: z.string(),
  submittedAt: z.string().nullable(),
  late: z.boolean(),
  commitmentCount: z.number(),
  modelCount: z.number(),
  itemCodes: z.array(z.string()),
  missingMandatory: z.array(z.string()),
  returnReason: z.string().nullable(),
});

export const StatusCounts = z.object({
  not_registered: z.number(),
  draft: z.number(),
  submitted: z.number(),
  approved: z.number(),
  returned: z.number(),
});

export const SheetResponse = z.object({
  campaign: CampaignBrief,
  unit: UnitBrief,
  can: z.object({ review: z.boolean(), registerCollective: z.boolean() }),
  counts: StatusCounts,
  lateCount: z.number(),
  items: z.array(SheetRow),
});

export const CoverageItem = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  mandatory: z.boolean(),
  /** Members whose sheet (any status) contains this sub-item. */
  registeredMembers: z.number(),
  /** Members whose approved sheet contains it. */
  approvedMembers: z.number(),
  /** Commitments under it, collectives included. */
  commitments: z.number(),
  /** registeredMembers / members, one decimal. */
  percent: z.number(),
});

export const CoverageResponse = z.object({
  campaign: CampaignBrief,
  unit: UnitBrief,
  memberCount: z.number(),
  counts: StatusCounts,
  collectiveCount: z.number(),
  modelCount: z.number(),
  criteria: z.array(
    z.object({ id: z.string(), code: z.string(), title: z.string(), registeredMembers: z.number(), commitments: z.number(), items: z.array(CoverageItem) }),
  ),
  missingMandatory: z.array(
    z.object({
      itemId: z.string(),
      code: z.string(),
      title: z.string(),
      people: z.array(z.object({ personId: z.string(), fullName: z.string(), registrationId: z.string().nullable(), status: z.enum(SHEET_STATUSES), statusLabel: z.string() })),
    }),
  ),
});

export const CreatedResponse = z.object({ id: z.string() });

/** Several sheets awaiting review approved at once (each audited). */
export const ApproveRegistrationsBody = z.object({ ids: bulkIds("bảng đăng ký") });
export const ApproveRegistrationsResponse = z.object({ approved: z.array(BulkDone) });
