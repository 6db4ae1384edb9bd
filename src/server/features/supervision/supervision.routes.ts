import { IdParams } from "@contracts/common.js";
import {
  CampaignUnitQuery,
  CreateNoteBody,
  CreateReportBody,
  CreateViolationBody,
  Created,
  EvidenceParams,
  MyViolationsResponse,
  ReportDetail,
  SupervisionUnitsResponse,
  SupervisionWorkspace,
  UpdateReportBody,
} from "@contracts/supervision.js";
import { actorOf, sendFile, type Feature } from "../../http/app-types.js";
import { invalid } from "../../http/errors.js";
import { contributeMenu } from "../auth/auth.present.js";
import { presentMyViolations, presentReport, presentSupervisionUnits, presentWorkspace } from "./supervision.present.js";
import * as svc from "./supervision.service.js";
import { assertCleanText } from "../../http/input-text.js";

const tags = ["Giám sát"];

// The supervision book: deputy secretaries and secretaries of a cell, and staff with a scope (TTKV, the commune).
contributeMenu((actor) =>
  actor.isAdmin || actor.scopes.length > 0 || actor.positions.some((p) => p.role === "deputy_secretary" || p.role === "secretary") ? ["supervision"] : [],
);

export const supervisionRoutes: Feature = (app, { db, config }) => {
  app.get("/api/supervision/units", { schema: { tags, summary: "Các chi bộ tôi được giám sát hoặc xem, theo phong trào", response: { 200: SupervisionUnitsResponse } } }, async (req) => {
    const actor = actorOf(req);
    return presentSupervisionUnits(await svc.listSupervisionUnits({ db, actor }), actor);
  });

  app.get(
    "/api/supervision/workspace",
    { schema: { tags, summary: "Sổ giám sát của một chi bộ: thành viên, cam kết, nhận xét, vi phạm, báo cáo", querystring: CampaignUnitQuery, response: { 200: SupervisionWorkspace } } },
    async (req) => presentWorkspace(await svc.getWorkspace({ db, actor: actorOf(req), ...req.query })),
  );

  app.post("/api/supervision/notes", { schema: { tags, summary: "Ghi nhận xét giám sát", body: CreateNoteBody, response: { 201: Created } } }, async (req, reply) => {
    const id = await svc.createNote({ db, actor: actorOf(req), ...req.body });
    return reply.status(201).send({ id });
  });

  app.delete("/api/supervision/notes/:id", { schema: { tags, summary: "Xóa nhận xét ghi nhầm", params: IdParams } }, async (req, reply) => {
    await svc.deleteNote({ db, actor: actorOf(req), id: req.params.id });
    return reply.status(204).send();
  });

  app.post("/api/supervision/violations", { schema: { tags, summary: "Ghi nhận vi phạm của thành viên", body: CreateViolationBody, response: { 201: Created } } }, async (req, reply) => {
    const id = await svc.createViolation({ db, actor: actorOf(req), ...req.body });
    return reply.status(201).send({ id });
  });

  app.delete("/api/supervision/violations/:id", { schema: { tags, summary: "Xóa vi phạm ghi nhầm", params: IdParams } }, async (req, reply) => {
    await svc.deleteViolation({ db, actor: actorOf(req), id: req.params.id });
    return reply.status(204).send();
  });

  app.post(
    "/api/supervision/violations/:id/evidence",
    { schema: { tags, summary: "Đính kèm minh chứng vi phạm (ảnh JPEG/PNG/WebP hoặc PDF, tối đa 10 MB; multipart, trường file)", consumes: ["multipart/form-data"], params: IdParams, response: { 201: Created } } },
    async (req, reply) => {
      const actor = actorOf(req);
      await svc.assertCanAddEvidence({ db, actor, id: req.params.id });
      if (!req.isMultipart()) throw invalid("Vui lòng gửi tệp dạng multipart/form-data", [{ path: "file", message: "Chưa có tệp" }]);
      const file = await req.file();
      if (!file) throw invalid("Vui lòng chọn tệp minh chứng", [{ path: "file", message: "Chưa có tệp" }]);
      assertCleanText({ file: file.filename });
      const data = await file.toBuffer();
      const id = await svc.addViolationEvidence({ db, actor, id: req.params.id, fileName: file.filename, data, maxBytes: config.maxUploadBytes });
      return reply.status(201).send({ id });
    },
  );

  app.get("/api/supervision/violations/:id/evidence/:fileId", { schema: { tags, summary: "Tải tệp minh chứng vi phạm", params: EvidenceParams } }, async (req, reply) => {
    const f = await svc.getViolationEvidence({ db, actor: actorOf(req), ...req.params });
    return sendFile(reply, { body: Buffer.from(f.data), contentType: f.mime_type, fileName: f.file_name });
  });

  app.get("/api/supervision/my-violations", { schema: { tags, summary: "Các vi phạm được ghi nhận đối với tôi", response: { 200: MyViolationsResponse } } }, async (req) =>
    presentMyViolations(await svc.listMyViolations({ db, actor: actorOf(req) })),
  );

  app.post("/api/supervision/reports", { schema: { tags, summary: "Lập báo cáo giám sát định kỳ (bản nháp)", body: CreateReportBody, response: { 201: Created } } }, async (req, reply) => {
    const id = await svc.createReport({ db, actor: actorOf(req), ...req.body });
    return reply.status(201).send({ id });
  });

  app.get("/api/supervision/reports/:id", { schema: { tags, summary: "Báo cáo giám sát", params: IdParams, response: { 200: ReportDetail } } }, async (req) =>
    presentReport(await svc.getReport({ db, actor: actorOf(req), id: req.params.id })),
  );

  app.patch("/api/supervision/reports/:id", { schema: { tags, summary: "Sửa báo cáo giám sát (bản nháp)", params: IdParams, body: UpdateReportBody } }, async (req, reply) => {
    await svc.updateReport({ db, actor: actorOf(req), id: req.params.id, ...req.body });
    return reply.status(204).send();
  });

  app.post("/api/supervision/reports/:id/submit", { schema: { tags, summary: "Gửi báo cáo giám sát cho Bí thư", params: IdParams } }, async (req, reply) => {
    await svc.submitReport({ db, actor: actorOf(req), id: req.params.id });
    return reply.status(204).send();
  });
};
