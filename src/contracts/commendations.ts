import { z } from "zod";
import { RATINGS } from "@domain/ratings.js";
import { Uuid } from "./common.js";

/** Tuyên dương, khen thưởng: the cell proposes exemplars, the commune committee decides. */

export const SUBJECT_KINDS = ["person", "collective", "model"] as const;
export const SubjectKind = z.enum(SUBJECT_KINDS, { message: "Vui lòng chọn đối tượng đề xuất" });
export const SUBJECT_KIND_LABELS: Record<(typeof SUBJECT_KINDS)[number], string> = {
  person: "Cá nhân",
  collective: "Tập thể",
  model: "Mô hình “Dân vận khéo”",
};

export const PROPOSAL_STATUSES = ["proposed", "approved", "declined"] as const;
export const ProposalStatus = z.enum(PROPOSAL_STATUSES);
export const PROPOSAL_STATUS_LABELS: Record<(typeof PROPOSAL_STATUSES)[number], string> = {
  proposed: "Chờ xét duyệt",
  approved: "Được tuyên dương",
  declined: "Không được duyệt",
};

export const CommendationUnitsResponse = z.object({
  campaigns: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      year: z.number(),
      /** The launching unit (the commune): its roll-up of the commended, when the actor may see it. */
      unitId: z.string(),
      unitName: z.string(),
      canViewAll: z.boolean(),
      /** The committee ended the campaign (listed after those under way). */
      closed: z.boolean(),
    }),
  ),
  units: z.array(
    z.object({
      campaignId: z.string(),
      unitId: z.string(),
      unitName: z.string(),
      unitKind: z.string(),
      canPropose: z.boolean(),
      canDecide: z.boolean(),
      proposed: z.number(),
      approved: z.number(),
      declined: z.number(),
    }),
  ),
});

export const ProposalListQuery = z.object({ campaignId: Uuid, unitId: Uuid.optional(), status: ProposalStatus.optional() });

export const ProposalView = z.object({
  id: z.string(),
  campaignId: z.string(),
  campaignName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  subjectKind: SubjectKind,
  subjectKindLabel: z.string(),
  subjectName: z.string(),
  personId: z.string().nullable(),
  collectiveName: z.string().nullable(),
  modelId: z.string().nullable(),
  modelField: z.string().nullable(),
  achievements: z.string(),
  status: ProposalStatus,
  statusLabel: z.string(),
  declineReason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  /** The member's rating in the campaign's evaluation, when rated. */
  ratingLabel: z.string().nullable(),
  warnings: z.array(z.string()),
  canDecide: z.boolean(),
  canWithdraw: z.boolean(),
});
export const ProposalListResponse = z.object({ items: z.array(ProposalView) });

export const CampaignUnitQuery = z.object({ campaignId: Uuid, unitId: Uuid });

export const CandidatesResponse = z.object({
  canPropose: z.boolean(),
  people: z.array(
    z.object({
      personId: z.string(),
      fullName: z.string(),
      rating: z.enum(RATINGS).nullable(),
      ratingLabel: z.string().nullable(),
      score: z.number().nullable(),
      /** Rated excellent: the natural candidate. */
      recommended: z.boolean(),
      warning: z.string().nullable(),
      alreadyProposed: z.boolean(),
    }),
  ),
  collectives: z.array(z.object({ name: z.string(), alreadyProposed: z.boolean() })),
  models: z.array(z.object({ id: z.string(), name: z.string(), fieldLabel: z.string(), ownerName: z.string(), alreadyProposed: z.boolean() })),
});

export const ProposeBody = z
  .object({
    campaignId: Uuid,
    unitId: Uuid,
    subjectKind: SubjectKind,
    personId: Uuid.nullish(),
    collectiveName: z.string().trim().max(300, "Tên tập thể quá dài").nullish(),
    modelId: Uuid.nullish(),
    achievements: z
      .string({ message: "Vui lòng nêu thành tích" })
      .trim()
      .min(1, "Vui lòng nêu thành tích")
      .max(8000, "Nội dung thành tích quá dài"),
  })
  .refine((v) => v.subjectKind !== "person" || !!v.personId, { message: "Vui lòng chọn cá nhân được đề xuất", path: ["personId"] })
  .refine((v) => v.subjectKind !== "collective" || !!v.collectiveName, { message: "Vui lòng nhập tên tập thể", path: ["collectiveName"] })
  .refine((v) => v.subjectKind !== "model" || !!v.modelId, { message: "Vui lòng chọn mô hình", path: ["modelId"] });

export const ProposeResponse = z.object({ id: z.string(), warnings: z.array(z.string()) });

export const DeclineBody = z.object({
  reason: z.string({ message: "Vui lòng nêu lý do không duyệt" }).trim().min(1, "Vui lòng nêu lý do không duyệt").max(2000),
});

export const CommendedResponse = z.object({
  unit: z.object({ id: z.string(), name: z.string() }),
  campaign: z.object({ id: z.string(), name: z.string() }),
  total: z.number(),
  byKind: z.object({ person: z.number(), collective: z.number(), model: z.number() }),
  groups: z.array(z.object({ unitId: z.string(), unitName: z.string(), items: z.array(ProposalView) })),
});
