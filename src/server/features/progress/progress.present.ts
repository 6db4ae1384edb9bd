import type { z } from "zod";
import type { EvidenceFileView, ProgressUpdateView, TimelineEvent } from "@contracts/progress.js";
import { COMMITMENT_STATUS_LABELS, type CommitmentStatus } from "@domain/ratings.js";
import type { EvidenceMetaRow, ProgressRow, RegistrationEventRow } from "./progress.queries.js";

export const commitmentStatusLabel = (s: string) => COMMITMENT_STATUS_LABELS[s as CommitmentStatus] ?? s;

export function presentEvidence(f: EvidenceMetaRow): z.infer<typeof EvidenceFileView> {
  return {
    id: f.id,
    fileName: f.file_name,
    mimeType: f.mime_type,
    sizeBytes: f.size_bytes,
    sha256: f.sha256,
    url: `/api/evidence-files/${f.id}`,
    isImage: f.mime_type.startsWith("image/"),
  };
}

function filesOf(files: EvidenceMetaRow[], updateId: string) {
  return files.filter((f) => f.progress_update_id === updateId).map(presentEvidence);
}

export function presentProgress(p: ProgressRow, files: EvidenceMetaRow[]): z.infer<typeof ProgressUpdateView> {
  return {
    id: p.id,
    commitmentId: p.commitment_id,
    status: p.status,
    statusLabel: commitmentStatusLabel(p.status),
    note: p.note,
    createdAt: p.created_at.toISOString(),
    createdBy: p.created_by_name,
    files: filesOf(files, p.id),
  };
}

const EVENT_LABELS: Record<string, { kind: z.infer<typeof TimelineEvent>["kind"]; label: string }> = {
  "registration.create": { kind: "created", label: "Lập bảng đăng ký" },
  "registration.update": { kind: "updated", label: "Sửa bảng đăng ký" },
  "registration.submit": { kind: "submitted", label: "Gửi duyệt" },
  "registration.approve": { kind: "approved", label: "Bí thư duyệt" },
  "registration.return": { kind: "returned", label: "Trả lại để chỉnh sửa" },
};

/** A registration's timeline: its workflow steps and every progress update, newest first. */
export function presentTimeline(events: RegistrationEventRow[], progress: ProgressRow[], files: EvidenceMetaRow[]): z.infer<typeof TimelineEvent>[] {
  const out: (z.infer<typeof TimelineEvent> & { t: number })[] = [];
  for (const e of events) {
    const l = EVENT_LABELS[e.action];
    if (!l) continue;
    let label = l.label;
    if (e.action === "registration.submit" && e.after?.resubmission) label = "Gửi duyệt lại sau khi sửa";
    if (e.action === "registration.submit" && e.after?.late) label += " (sau hạn đăng ký)";
    out.push({
      t: e.at.getTime(),
      at: e.at.toISOString(),
      kind: l.kind,
      label,
      actor: e.actor_name,
      text: e.action === "registration.return" ? (e.after?.reason ?? null) : null,
      commitment: null,
      status: null,
      statusLabel: null,
      files: [],
    });
  }
  for (const p of progress) {
    out.push({
      t: p.created_at.getTime(),
      at: p.created_at.toISOString(),
      kind: "progress",
      label: `Cập nhật tiến độ: ${commitmentStatusLabel(p.status)}`,
      actor: p.created_by_name,
      text: p.note,
      commitment: { id: p.commitment_id, itemCode: p.item_code, action: p.action },
      status: p.status,
      statusLabel: commitmentStatusLabel(p.status),
      files: filesOf(files, p.id),
    });
  }
  return out.sort((a, b) => b.t - a.t).map(({ t: _t, ...e }) => e);
}
