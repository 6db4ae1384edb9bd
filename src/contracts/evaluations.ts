import { z } from "zod";
import { RATINGS } from "@domain/ratings.js";
import { BulkDone, bulkIds } from "./bulk.js";
import { Uuid } from "./common.js";

/** Đánh giá, xếp loại: self-assessments, the cell's evaluation of its members, approval bottom-up. */

export const Rating = z.enum(RATINGS, { message: "Mức xếp loại không hợp lệ" });

export const EVALUATION_STATUSES = ["none", "draft", "cell_approved", "commune_approved"] as const;
export const EvaluationStatus = z.enum(EVALUATION_STATUSES);
export const EVALUATION_STATUS_LABELS: Record<(typeof EVALUATION_STATUSES)[number], string> = {
  none: "Chưa bắt đầu",
  draft: "Đang đánh giá",
  cell_approved: "Chi bộ đã duyệt (đã khóa)",
  commune_approved: "Đảng ủy xã đã duyệt (đã khóa)",
};

export const EvaluationListQuery = z.object({ campaignId: Uuid.optional() });

export const EvaluationListItem = z.object({
  campaignId: z.string(),
  campaignName: z.string(),
  campaignYear: z.number(),
  periodStart: z.string(),
  periodEnd: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  evaluationId: z.string().nullable(),
  status: EvaluationStatus,
  statusLabel: z.string(),
  memberCount: z.number(),
  ratedCount: z.number(),
  canStart: z.boolean(),
});
export const EvaluationListResponse = z.object({ items: z.array(EvaluationListItem) });

export const StartEvaluationBody = z.object({ campaignId: Uuid, unitId: Uuid });
export const Created = z.object({ id: z.string() });

export const EvaluationWarningView = z.object({
  code: z.string(),
  message: z.string(),
  rule: z.string(),
  excess: z.number().nullable(),
  personIds: z.array(z.string()),
  /** A blocking rule (every member rated) cannot be acknowledged away. */
  blocking: z.boolean(),
});

export const JudgedCommitment = z.object({
  id: z.string(),
  label: z.string(),
  criterionCode: z.string(),
  itemCode: z.string(),
  itemTitle: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  /** The default judgement: commitmentOutcome with the member's violations. */
  suggested: z.object({ achieved: z.boolean(), reason: z.string() }),
  judgedStatus: z.enum(["achieved", "not_achieved"]).nullable(),
  judgedNote: z.string().nullable(),
  judgedExceeded: z.boolean(),
  /** The judgement that counts: the cell's, else the suggestion. */
  achieved: z.boolean(),
});

export const SelfAssessmentView = z.object({
  content: z.string(),
  proposedRating: Rating.nullable(),
  proposedRatingLabel: z.string().nullable(),
  selfScore: z.number().nullable(),
  submittedAt: z.string(),
});

export const EvaluatedMemberView = z.object({
  personId: z.string(),
  fullName: z.string(),
  roleLabel: z.string().nullable(),
  selfAssessment: SelfAssessmentView.nullable(),
  commitments: z.array(JudgedCommitment),
  violations: z.array(z.object({ id: z.string(), kindLabel: z.string(), occurredOn: z.string(), description: z.string() })),
  suggestedScore: z.object({ score: z.number().nullable(), explanation: z.string() }),
  suggestedRating: z.object({ rating: Rating, label: z.string(), reasons: z.array(z.string()) }).nullable(),
  /** The conditions the rating given breaks (RULES.md §1), each with its rule and by how much; empty when met or unrated. */
  problems: z.array(z.object({ code: z.string(), message: z.string(), rule: z.string(), excess: z.number() })),
  score: z.number().nullable(),
  rating: Rating.nullable(),
  ratingLabel: z.string().nullable(),
  notes: z.string().nullable(),
  /** The secretary chose a rating other than the suggested one. */
  overridden: z.boolean(),
});

export const EvaluationSheet = z.object({
  id: z.string(),
  campaign: z.object({ id: z.string(), name: z.string(), year: z.number(), periodStart: z.string(), periodEnd: z.string() }),
  unit: z.object({ id: z.string(), name: z.string() }),
  parentUnit: z.object({ id: z.string(), name: z.string() }).nullable(),
  status: EvaluationStatus,
  statusLabel: z.string(),
  locked: z.boolean(),
  allowHigherQuota: z.boolean(),
  unitRating: Rating.nullable(),
  unitRatingLabel: z.string().nullable(),
  cellApprovedAt: z.string().nullable(),
  cellApprovedBy: z.string().nullable(),
  communeApprovedAt: z.string().nullable(),
  communeApprovedBy: z.string().nullable(),
  parameters: z.object({
    regulation: z.string(),
    legalBasis: z.string(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    bands: z.object({ excellent: z.number(), good: z.number(), complete: z.number() }),
    quotaPercent: z.number(),
    excellentCount: z.number(),
    goodCount: z.number(),
    /** Most members who may be rated excellent with the current number rated good. */
    excellentLimit: z.number(),
  }),
  members: z.array(EvaluatedMemberView),
  warnings: z.array(EvaluationWarningView),
  abilities: z.object({
    canEdit: z.boolean(),
    canSignOff: z.boolean(),
    canCommuneApprove: z.boolean(),
    canUnlock: z.boolean(),
    canSetHigherQuota: z.boolean(),
  }),
});

export const UpdateEvaluationBody = z.object({
  allowHigherQuota: z.boolean().optional(),
  unitRating: Rating.nullable().optional(),
});

export const CommitmentParams = z.object({ id: Uuid, commitmentId: Uuid });
export const MemberParams = z.object({ id: Uuid, personId: Uuid });

export const JudgeCommitmentBody = z
  .object({
    /** null returns the commitment to the suggested judgement. */
    judgedStatus: z.enum(["achieved", "not_achieved"], { message: "Vui lòng chọn Đạt hoặc Không đạt" }).nullable(),
    exceeded: z.boolean().default(false),
    note: z.string().trim().max(2000, "Ghi chú quá dài").nullish(),
  })
  .refine((v) => v.judgedStatus !== "not_achieved" || (v.note ?? "").length > 0, {
    message: "Vui lòng ghi lý do khi đánh giá Không đạt",
    path: ["note"],
  })
  .refine((v) => !v.exceeded || v.judgedStatus === "achieved", { message: "Chỉ cam kết Đạt mới có thể vượt mức", path: ["exceeded"] });

export const RateMemberBody = z.object({
  score: z.number({ message: "Điểm phải là số" }).min(0, "Điểm từ 0 đến 100").max(100, "Điểm từ 0 đến 100").nullable(),
  rating: Rating.nullable(),
  notes: z.string().trim().max(2000, "Nhận xét quá dài").nullish(),
});

export const SignOffBody = z.object({
  /** The signer has read the warnings and signs anyway (RULES.md §1: warn, do not block); audited. */
  acknowledgeWarnings: z.boolean().default(false),
});

export const UnlockBody = z.object({
  reason: z.string({ message: "Vui lòng nhập lý do mở khóa" }).trim().min(1, "Vui lòng nhập lý do mở khóa").max(2000),
});

export const SaveSelfAssessmentBody = z.object({
  campaignId: Uuid,
  unitId: Uuid,
  content: z.string({ message: "Vui lòng nhập nội dung tự đánh giá" }).trim().min(1, "Vui lòng nhập nội dung tự đánh giá").max(8000, "Nội dung quá dài"),
  proposedRating: Rating.nullish(),
  selfScore: z.number({ message: "Điểm phải là số" }).min(0, "Điểm từ 0 đến 100").max(100, "Điểm từ 0 đến 100").nullish(),
});

/** One of the member's own approved commitments as the self-assessment page lists it. */
export const MyCommitmentView = z.object({
  id: z.string(),
  label: z.string(),
  itemCode: z.string(),
  itemTitle: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  deadline: z.string().nullable(),
  /** The member's own progress status. */
  status: z.string(),
  statusLabel: z.string(),
  /**
   * Where it stands: the stored outcome when it counts as achieved; "not_achieved" once the cell
   * judged it so, the member closed it as not achieved, a violation breaks it or the campaign has
   * ended; else still "open".
   */
  outcome: z.enum(["achieved", "not_achieved", "open"]),
  outcomeLabel: z.string(),
  /** The rule's reason (RULES.md §1), e.g. which violation breaks it. */
  reason: z.string(),
  judgedStatus: z.enum(["achieved", "not_achieved"]).nullable(),
  /** "Chi bộ đánh giá: Đạt (vượt mức)"; "Chi bộ chưa đánh giá" before the cell judges. */
  judgementLabel: z.string(),
  judgedNote: z.string().nullable(),
  violations: z.array(z.object({ id: z.string(), kindLabel: z.string(), occurredOn: z.string(), description: z.string() })),
});

export const MyEvaluationItem = z.object({
  campaignId: z.string(),
  campaignName: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  locked: z.boolean(),
  selfAssessment: SelfAssessmentView.nullable(),
  /** The member's own approved commitments with their outcomes, listed above the text to write. */
  commitments: z.array(MyCommitmentView),
  /** Shown once the cell has signed off. */
  result: z.object({ score: z.number().nullable(), rating: Rating.nullable(), ratingLabel: z.string().nullable(), statusLabel: z.string() }).nullable(),
});
export const MyEvaluationsResponse = z.object({ items: z.array(MyEvaluationItem) });

/** Selected members get the suggested rating (and the score it was computed from), each audited. */
export const ApplySuggestedRatingsBody = z.object({ personIds: bulkIds("đảng viên") });
export const ApplySuggestedRatingsResponse = z.object({
  rated: z.array(BulkDone.extend({ score: z.number().nullable(), rating: Rating, ratingLabel: z.string() })),
});
