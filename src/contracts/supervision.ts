import { z } from "zod";
import { VIOLATION_KINDS } from "@domain/ratings.js";
import { IsoDate, Uuid } from "./common.js";

/** Giám sát: supervision notes, violations and periodic supervision reports of a cell. */

export const ViolationKind = z.enum(VIOLATION_KINDS, { message: "Vui lòng chọn loại vi phạm" });

export const CampaignUnitQuery = z.object({ campaignId: Uuid, unitId: Uuid });

const text = (label: string, max = 4000) =>
  z.string({ message: `Vui lòng nhập ${label}` }).trim().min(1, `Vui lòng nhập ${label}`).max(max, `${label[0]!.toUpperCase()}${label.slice(1)} quá dài (tối đa ${max} ký tự)`);

export const SupervisionUnit = z.object({
  campaignId: z.string(),
  campaignName: z.string(),
  campaignYear: z.number(),
  /** The committee ended the campaign (listed after those under way). */
  campaignClosed: z.boolean(),
  periodStart: z.string(),
  periodEnd: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  canSupervise: z.boolean(),
  noteCount: z.number(),
  violationCount: z.number(),
  reportCount: z.number(),
});
export const SupervisionUnitsResponse = z.object({ items: z.array(SupervisionUnit) });

export const CommitmentOutcomeView = z.object({ achieved: z.boolean(), reason: z.string() });

export const SupervisedCommitment = z.object({
  id: z.string(),
  criterionCode: z.string(),
  itemCode: z.string(),
  itemTitle: z.string(),
  mandatory: z.boolean(),
  action: z.string(),
  target: z.string().nullable(),
  deadline: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  outcome: CommitmentOutcomeView,
  /** "IV.2 — Không vi phạm luật giao thông: …" for selects and lists. */
  label: z.string(),
});

export const SupervisedMember = z.object({
  personId: z.string(),
  fullName: z.string(),
  roleLabel: z.string().nullable(),
  commitments: z.array(SupervisedCommitment),
  violationCount: z.number(),
});

export const EvidenceFileView = z.object({ id: z.string(), fileName: z.string(), mimeType: z.string(), sizeBytes: z.number() });

export const NoteView = z.object({
  id: z.string(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  commitmentId: z.string().nullable(),
  commitmentLabel: z.string().nullable(),
  notedOn: z.string(),
  note: z.string(),
  createdBy: z.string().nullable(),
  canDelete: z.boolean(),
});

export const ViolationView = z.object({
  id: z.string(),
  campaignId: z.string(),
  unitId: z.string(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  commitmentId: z.string().nullable(),
  commitmentLabel: z.string().nullable(),
  kind: ViolationKind,
  kindLabel: z.string(),
  occurredOn: z.string(),
  description: z.string(),
  evidence: z.array(EvidenceFileView),
  createdBy: z.string().nullable(),
  canChange: z.boolean(),
});

export const REPORT_STATUS_LABELS = { draft: "Bản nháp", submitted: "Đã gửi Bí thư" } as const;

export const ReportSummary = z.object({
  id: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: z.enum(["draft", "submitted"]),
  statusLabel: z.string(),
  submittedAt: z.string().nullable(),
  createdBy: z.string().nullable(),
});

export const SupervisionWorkspace = z.object({
  campaign: z.object({ id: z.string(), name: z.string(), year: z.number(), periodStart: z.string(), periodEnd: z.string() }),
  unit: z.object({ id: z.string(), name: z.string() }),
  canSupervise: z.boolean(),
  /** The unit's evaluation is signed off: violations can no longer change (409 LOCKED). */
  locked: z.boolean(),
  members: z.array(SupervisedMember),
  notes: z.array(NoteView),
  violations: z.array(ViolationView),
  reports: z.array(ReportSummary),
  violationKinds: z.array(z.object({ value: ViolationKind, label: z.string() })),
});

export const CreateNoteBody = z.object({
  campaignId: Uuid,
  unitId: Uuid,
  personId: Uuid.nullish(),
  commitmentId: Uuid.nullish(),
  notedOn: IsoDate,
  note: text("nội dung nhận xét"),
});

export const CreateViolationBody = z.object({
  campaignId: Uuid,
  unitId: Uuid,
  personId: Uuid,
  commitmentId: Uuid.nullish(),
  kind: ViolationKind,
  occurredOn: IsoDate,
  description: text("mô tả vi phạm"),
});

export const Created = z.object({ id: z.string() });

export const EvidenceParams = z.object({ id: Uuid, fileId: Uuid });

export const MyViolation = z.object({
  id: z.string(),
  campaignId: z.string(),
  campaignName: z.string(),
  unitName: z.string(),
  kind: ViolationKind,
  kindLabel: z.string(),
  occurredOn: z.string(),
  description: z.string(),
  commitmentLabel: z.string().nullable(),
  evidence: z.array(EvidenceFileView),
});
export const MyViolationsResponse = z.object({ items: z.array(MyViolation) });

/** One member (or the cell as a whole) under one criterion in a supervision report. */
export const ReportFinding = z.object({
  personId: z.string().nullable(),
  personName: z.string(),
  criterionCode: z.string().nullable(),
  criterionTitle: z.string(),
  notes: z.array(z.object({ date: z.string(), text: z.string(), commitment: z.string().nullable() })),
  violations: z.array(z.object({ date: z.string(), kindLabel: z.string(), description: z.string(), commitment: z.string().nullable() })),
});

export const ReportDetail = z.object({
  id: z.string(),
  campaignId: z.string(),
  campaignName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: z.enum(["draft", "submitted"]),
  statusLabel: z.string(),
  findings: z.array(ReportFinding),
  violationCount: z.number(),
  noteCount: z.number(),
  summary: z.string().nullable(),
  proposals: z.string().nullable(),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  createdBy: z.string().nullable(),
  canEdit: z.boolean(),
});

const reportPeriod = <T extends { periodStart?: string | undefined; periodEnd?: string | undefined }>(v: T) =>
  !v.periodStart || !v.periodEnd || v.periodStart <= v.periodEnd;
const periodIssue = { message: "Ngày kết thúc kỳ giám sát phải sau ngày bắt đầu", path: ["periodEnd"] };

export const CreateReportBody = z
  .object({
    campaignId: Uuid,
    unitId: Uuid,
    periodStart: IsoDate,
    periodEnd: IsoDate,
    summary: z.string().trim().max(8000).nullish(),
    proposals: z.string().trim().max(8000).nullish(),
  })
  .refine(reportPeriod, periodIssue);

export const UpdateReportBody = z
  .object({
    periodStart: IsoDate.optional(),
    periodEnd: IsoDate.optional(),
    summary: z.string().trim().max(8000).nullish(),
    proposals: z.string().trim().max(8000).nullish(),
  })
  .refine(reportPeriod, periodIssue);

/** Evidence files: images and PDF, checked by their first bytes, at most 10 MB. */
export const EVIDENCE_ACCEPT = ".jpg,.jpeg,.png,.webp,.pdf,image/jpeg,image/png,image/webp,application/pdf";
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
