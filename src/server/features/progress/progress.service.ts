import { createHash } from "node:crypto";
import { MAX_EVIDENCE_FILES } from "@contracts/progress.js";
import type { CommitmentStatus } from "@domain/ratings.js";
import { auditParams, recordAction } from "../../audit/record-action.js";
import type { Db, Queryable } from "../../db/client.js";
import type { Actor } from "../../http/actor.js";
import { AppError, forbidden, invalid, notFound } from "../../http/errors.js";
import { outcomeOf, setCommitmentStatus } from "../registrations/commitments.js";
import { canPostProgress, canViewRegistration } from "../registrations/registrations.policy.js";
import { getRegistration } from "../registrations/registrations.queries.js";
import { checkEvidenceFile, cleanFileName } from "./evidence-type.js";
import { commitmentStatusLabel, presentProgress, presentTimeline } from "./progress.present.js";
import * as q from "./progress.queries.js";

const NOT_FOUND_COMMITMENT = "Không tìm thấy việc làm đăng ký";

async function loadCommitment(db: Queryable, actor: Actor, id: string) {
  const c = await q.getCommitmentContext(db, id);
  if (!c || !canViewRegistration(actor, c)) throw notFound(NOT_FOUND_COMMITMENT);
  return c;
}

/** Why the actor cannot post progress on this commitment now (null = they can). */
function cannotPostReason(actor: Actor, c: q.CommitmentContextRow): { code: "FORBIDDEN" | "INVALID_STATE" | "LOCKED"; message: string } | null {
  if (!canPostProgress(actor, c)) return { code: "FORBIDDEN", message: "Chỉ người đăng ký hoặc Bí thư chi bộ mới cập nhật tiến độ việc làm này" };
  if (c.reg_status !== "approved") return { code: "INVALID_STATE", message: "Chỉ cập nhật tiến độ khi bảng đăng ký đã được duyệt" };
  if (c.evaluation_locked) return { code: "LOCKED", message: "Kết quả đánh giá đã được duyệt, không thể cập nhật tiến độ" };
  return null;
}

/** A commitment, its timeline of progress updates and whether the actor may post one. */
export async function getCommitmentProgress(opts: { db: Db; actor: Actor; id: string; maxUploadBytes: number }) {
  const { db, actor } = opts;
  const c = await loadCommitment(db, actor, opts.id);
  const updates = await q.listProgress(db, [c.id]);
  const files = await q.listEvidenceMeta(db, updates.map((u) => u.id));
  const reason = cannotPostReason(actor, c);
  return {
    commitment: {
      id: c.id,
      itemCode: c.item_code,
      itemTitle: c.item_title,
      criterionCode: c.criterion_code,
      criterionTitle: c.criterion_title,
      action: c.action,
      target: c.target,
      place: c.place,
      startDate: c.start_date,
      deadline: c.deadline,
      status: c.status,
      statusLabel: commitmentStatusLabel(c.status),
    },
    registration: { id: c.registration_id, status: c.reg_status, displayName: c.collective_name ?? c.person_name ?? "", campaignName: c.campaign_name, unitId: c.unit_id },
    canPost: reason === null,
    cannotPostReason: reason?.message ?? null,
    maxUploadBytes: opts.maxUploadBytes,
    updates: updates.map((u) => presentProgress(u, files)),
  };
}

/**
 * Loads the commitment and refuses before any file is read: 404 outside the actor's reach, 403
 * for someone who may see it but is neither its owner nor a manager of the unit, 409 unless the
 * registration is approved (or once the evaluation is locked).
 */
export async function loadProgressTarget(opts: { db: Db; actor: Actor; commitmentId: string }) {
  const c = await loadCommitment(opts.db, opts.actor, opts.commitmentId);
  const reason = cannotPostReason(opts.actor, c);
  if (reason) throw reason.code === "FORBIDDEN" ? forbidden(reason.message) : new AppError(reason.code, reason.message);
  return c;
}

export interface UploadedFile {
  fileName: string;
  data: Buffer;
}

/**
 * Checks uploaded evidence: at most MAX_EVIDENCE_FILES, not empty, and each really a JPEG, PNG,
 * WebP or PDF by its bytes with a matching extension (415 otherwise). Sizes are enforced while
 * streaming (413).
 */
export function checkUploads(files: UploadedFile[]) {
  if (files.length > MAX_EVIDENCE_FILES) throw invalid(`Tối đa ${MAX_EVIDENCE_FILES} tệp minh chứng cho một lần cập nhật`, [{ path: "files", message: "Quá nhiều tệp" }]);
  return files.map((f, i) => {
    const fileName = cleanFileName(f.fileName);
    if (f.data.length === 0) throw invalid(`Tệp “${fileName}” rỗng`, [{ path: `files.${i}`, message: "Tệp rỗng" }]);
    const check = checkEvidenceFile(fileName, f.data);
    if (!check.ok) throw new AppError("UNSUPPORTED_MEDIA_TYPE", check.message, [{ path: `files.${i}`, message: check.message }]);
    return { fileName, data: f.data, mimeType: check.mimeType, sha256: createHash("sha256").update(f.data).digest("hex") };
  });
}

/**
 * Posts a progress update with its evidence in one transaction: the update, the commitment's new
 * status (achieved only when the update says so), the files with their sha256, and the audit row.
 */
export async function postProgress(opts: { db: Db; actor: Actor; target: q.CommitmentContextRow; status: string; note: string | null; files: UploadedFile[] }) {
  const { db, actor, target } = opts;
  const files = checkUploads(opts.files);
  if (files.length === 0) {
    // Without evidence, one statement does it all (the progress update in 3 round trips with the
    // session and the commitment's context): the outcome is decided here from the facts read
    // with the context, and written only if they still hold.
    const status = opts.status as CommitmentStatus;
    const r = await q.postProgressAtOnce(db, {
      commitmentId: target.id,
      registrationId: target.registration_id,
      status,
      note: opts.note,
      accountId: actor.accountId,
      stamp: target.outcome_stamp,
      achieved: outcomeOf(target, status),
      audit: auditParams(actor, {
        action: "progress.create",
        subjectType: "commitment",
        subjectId: target.id,
        unitId: target.unit_id,
        before: { status: target.status },
        after: { registrationId: target.registration_id, status, note: opts.note, files: [] },
      }),
    });
    if (r.id) return { id: r.id, files: [] };
    if (r.reg_status !== "approved") throw new AppError("INVALID_STATE", "Chỉ cập nhật tiến độ khi bảng đăng ký đã được duyệt");
    // The facts moved since they were read (a judgement, a violation): the transaction below decides again.
  }
  return db.transaction(async (tx) => {
    if ((await q.lockRegistrationStatus(tx, target.registration_id)) !== "approved") {
      throw new AppError("INVALID_STATE", "Chỉ cập nhật tiến độ khi bảng đăng ký đã được duyệt");
    }
    const update = await q.insertProgress(tx, { commitmentId: target.id, status: opts.status, note: opts.note, accountId: actor.accountId });
    await setCommitmentStatus(tx, target.id, opts.status as CommitmentStatus);
    const stored = [];
    for (const f of files) {
      const id = await q.insertEvidence(tx, {
        unitId: target.unit_id,
        progressUpdateId: update.id,
        fileName: f.fileName,
        mimeType: f.mimeType,
        sizeBytes: f.data.length,
        sha256: f.sha256,
        data: f.data,
        accountId: actor.accountId,
      });
      stored.push({ id, progress_update_id: update.id, file_name: f.fileName, mime_type: f.mimeType, size_bytes: f.data.length, sha256: f.sha256 });
    }
    await recordAction(tx, actor, {
      action: "progress.create",
      subjectType: "commitment",
      subjectId: target.id,
      unitId: target.unit_id,
      before: { status: target.status },
      after: {
        progressUpdateId: update.id,
        registrationId: target.registration_id,
        status: opts.status,
        note: opts.note,
        files: stored.map((f) => ({ id: f.id, fileName: f.file_name, mimeType: f.mime_type, sizeBytes: f.size_bytes, sha256: f.sha256 })),
      },
    });
    return { id: update.id, files: stored };
  });
}

/** Every step of a registration and every progress update of its commitments, newest first. */
export async function getRegistrationTimeline(opts: { db: Db; actor: Actor; registrationId: string }) {
  const { db, actor, registrationId } = opts;
  const reg = await getRegistration(db, registrationId);
  if (!reg || !canViewRegistration(actor, reg)) throw notFound("Không tìm thấy bảng đăng ký");
  const commitmentIds = await q.listCommitmentIds(db, registrationId);
  const [events, progress] = await Promise.all([q.listRegistrationEvents(db, registrationId), commitmentIds.length ? q.listProgress(db, commitmentIds) : Promise.resolve([])]);
  const files = await q.listEvidenceMeta(db, progress.map((p) => p.id));
  return { registrationId, events: presentTimeline(events, progress, files) };
}

/** An evidence file's bytes, for whoever may read the registration it belongs to. */
export async function getEvidenceFile(opts: { db: Db; actor: Actor; id: string }) {
  const f = await q.getEvidenceFile(opts.db, opts.id);
  // Only progress evidence is served here; files of other records (violations) have their own rules.
  if (!f || f.progress_update_id === null || !canViewRegistration(opts.actor, f)) throw notFound("Không tìm thấy tệp minh chứng");
  const data = Buffer.isBuffer(f.data) ? f.data : Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength);
  return { fileName: f.file_name, mimeType: f.mime_type, data };
}
