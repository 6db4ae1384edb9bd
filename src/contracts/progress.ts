import { z } from "zod";
import { COMMITMENT_STATUSES } from "@domain/ratings.js";

/**
 * Progress of a commitment. "Closing is not achieving": a commitment is `achieved` only when an
 * update says so explicitly; there is no "done" status that would count as achieved.
 */
export const ProgressStatus = z.enum(COMMITMENT_STATUSES, { message: "Hãy chọn tình trạng thực hiện" });

/** The text fields of a progress update (sent as multipart form fields next to the files). */
export const ProgressFields = z.object({
  status: ProgressStatus,
  note: z
    .string()
    .trim()
    .max(3000, "Tối đa 3000 ký tự")
    .optional()
    .transform((v) => (v ? v : null)),
});

/** Evidence files: what the server accepts (checked on the file's bytes, not only its name). */
export const EVIDENCE_TYPES = {
  "image/jpeg": { label: "JPEG", extensions: ["jpg", "jpeg"] },
  "image/png": { label: "PNG", extensions: ["png"] },
  "image/webp": { label: "WebP", extensions: ["webp"] },
  "application/pdf": { label: "PDF", extensions: ["pdf"] },
} as const;
export type EvidenceMimeType = keyof typeof EVIDENCE_TYPES;
/** For `<input accept>`. */
export const EVIDENCE_ACCEPT = ".jpg,.jpeg,.png,.webp,.pdf,image/jpeg,image/png,image/webp,application/pdf";
export const MAX_EVIDENCE_FILES = 5;

export const EvidenceFileView = z.object({
  id: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  url: z.string(),
  isImage: z.boolean(),
});

export const ProgressUpdateView = z.object({
  id: z.string(),
  commitmentId: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  files: z.array(EvidenceFileView),
});

export const CommitmentProgressResponse = z.object({
  commitment: z.object({
    id: z.string(),
    itemCode: z.string(),
    itemTitle: z.string(),
    criterionCode: z.string(),
    criterionTitle: z.string(),
    action: z.string(),
    target: z.string().nullable(),
    place: z.string().nullable(),
    startDate: z.string().nullable(),
    deadline: z.string().nullable(),
    status: z.string(),
    statusLabel: z.string(),
  }),
  registration: z.object({
    id: z.string(),
    status: z.string(),
    displayName: z.string(),
    campaignName: z.string(),
    unitId: z.string(),
  }),
  canPost: z.boolean(),
  /** Why posting is not possible, when it is not (shown to the user). */
  cannotPostReason: z.string().nullable(),
  maxUploadBytes: z.number(),
  updates: z.array(ProgressUpdateView),
});

export const PostProgressResponse = z.object({ id: z.string(), files: z.array(EvidenceFileView) });

export const TimelineEvent = z.object({
  at: z.string(),
  kind: z.enum(["created", "updated", "submitted", "approved", "returned", "progress"]),
  label: z.string(),
  actor: z.string().nullable(),
  /** Return reason, progress note. */
  text: z.string().nullable(),
  commitment: z.object({ id: z.string(), itemCode: z.string(), action: z.string() }).nullable(),
  status: z.string().nullable(),
  statusLabel: z.string().nullable(),
  files: z.array(EvidenceFileView),
});

export const RegistrationTimelineResponse = z.object({ registrationId: z.string(), events: z.array(TimelineEvent) });

export const EvidenceQuery = z.object({ inline: z.enum(["1", "0", "true", "false"]).optional() });
