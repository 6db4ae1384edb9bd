import type { FastifyRequest } from "fastify";
import { IdParams } from "@contracts/common.js";
import {
  CommitmentProgressResponse,
  EvidenceQuery,
  PostProgressResponse,
  ProgressFields,
  RegistrationTimelineResponse,
} from "@contracts/progress.js";
import { actorOf, sendFile, type Feature } from "../../http/app-types.js";
import { AppError, invalid } from "../../http/errors.js";
import { assertCleanText } from "../../http/input-text.js";
import { presentEvidence } from "./progress.present.js";
import * as svc from "./progress.service.js";

const tags = ["Tiến độ và minh chứng"];

/** Reads a multipart progress form: text fields and files (each buffered; over the size limit → 413). */
async function readProgressForm(req: FastifyRequest) {
  if (!req.isMultipart()) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Cập nhật tiến độ phải gửi dạng multipart/form-data");
  const fields: Record<string, string> = {};
  const files: svc.UploadedFile[] = [];
  for await (const part of req.parts()) {
    if (part.type === "file") {
      const data = await part.toBuffer();
      if (part.filename || data.length > 0) files.push({ fileName: part.filename, data });
    } else if (typeof part.value === "string") {
      fields[part.fieldname] = part.value;
    }
  }
  assertCleanText({ ...fields, files: files.map((f) => f.fileName) });
  const parsed = ProgressFields.safeParse(fields);
  if (!parsed.success) {
    throw invalid(
      "Dữ liệu cập nhật tiến độ không hợp lệ",
      parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  }
  return { ...parsed.data, files };
}

export const progressRoutes: Feature = (app, { db, config }) => {
  app.get(
    "/api/commitments/:id/progress",
    { schema: { tags, summary: "Tiến độ của một việc làm đăng ký (dòng thời gian)", params: IdParams, response: { 200: CommitmentProgressResponse } } },
    async (req) => svc.getCommitmentProgress({ db, actor: actorOf(req), id: req.params.id, maxUploadBytes: config.maxUploadBytes }),
  );

  app.post(
    "/api/commitments/:id/progress",
    {
      schema: {
        tags,
        summary: "Cập nhật tiến độ kèm minh chứng (multipart: status, note, files — ảnh JPEG/PNG/WebP hoặc PDF)",
        consumes: ["multipart/form-data"],
        params: IdParams,
        response: { 201: PostProgressResponse },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const target = await svc.loadProgressTarget({ db, actor, commitmentId: req.params.id });
      const form = await readProgressForm(req);
      const r = await svc.postProgress({ db, actor, target, ...form });
      return reply.status(201).send({ id: r.id, files: r.files.map(presentEvidence) });
    },
  );

  app.get(
    "/api/registrations/:id/timeline",
    { schema: { tags, summary: "Dòng thời gian của bảng đăng ký: các bước duyệt và mọi cập nhật tiến độ", params: IdParams, response: { 200: RegistrationTimelineResponse } } },
    async (req) => svc.getRegistrationTimeline({ db, actor: actorOf(req), registrationId: req.params.id }),
  );

  app.get(
    "/api/evidence-files/:id",
    { schema: { tags, summary: "Tải tệp minh chứng (inline=1 để xem trực tiếp)", params: IdParams, querystring: EvidenceQuery } },
    async (req, reply) => {
      const f = await svc.getEvidenceFile({ db, actor: actorOf(req), id: req.params.id });
      // An uploaded file never runs as a page of the app's origin: only images are shown inline,
      // and then in a sandbox with nothing allowed (a PDF, which may carry JavaScript, always
      // downloads as an attachment).
      reply.header("X-Content-Type-Options", "nosniff").header("Cache-Control", "private, max-age=3600").header("Content-Security-Policy", "sandbox; default-src 'none'");
      if ((req.query.inline === "1" || req.query.inline === "true") && f.mimeType.startsWith("image/")) {
        const name = encodeURIComponent(f.fileName);
        return reply.header("Content-Type", f.mimeType).header("Content-Disposition", `inline; filename*=UTF-8''${name}`).send(f.data);
      }
      return sendFile(reply, { body: f.data, contentType: f.mimeType, fileName: f.fileName });
    },
  );
};
