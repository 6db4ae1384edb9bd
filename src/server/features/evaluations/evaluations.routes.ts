import { IdParams } from "@contracts/common.js";
import {
  ApplySuggestedRatingsBody,
  ApplySuggestedRatingsResponse,
  CommitmentParams,
  Created,
  EvaluationListQuery,
  EvaluationListResponse,
  EvaluationSheet,
  JudgeCommitmentBody,
  MemberParams,
  MyEvaluationsResponse,
  RateMemberBody,
  SaveSelfAssessmentBody,
  SignOffBody,
  StartEvaluationBody,
  UnlockBody,
  UpdateEvaluationBody,
} from "@contracts/evaluations.js";
import { actorOf, type Feature } from "../../http/app-types.js";
import { contributeMenu } from "../auth/auth.present.js";
import { presentEvaluationList, presentMine, presentSheet } from "./evaluations.present.js";
import * as svc from "./evaluations.service.js";

const tags = ["Đánh giá, xếp loại"];

// "evaluations": cell committees and staff with a scope; "self-assessment": every person with a position.
contributeMenu((actor) => {
  const keys: string[] = [];
  if (actor.isAdmin || actor.scopes.length > 0 || actor.positions.some((p) => p.role === "secretary" || p.role === "deputy_secretary")) keys.push("evaluations");
  if (actor.personId && actor.positions.length > 0) keys.push("self-assessment");
  return keys;
});

export const evaluationsRoutes: Feature = (app, { db }) => {
  app.get("/api/evaluations", { schema: { tags, summary: "Các chi bộ và trạng thái đánh giá, xếp loại theo phong trào", querystring: EvaluationListQuery, response: { 200: EvaluationListResponse } } }, async (req) =>
    presentEvaluationList(await svc.listEvaluations({ db, actor: actorOf(req), campaignId: req.query.campaignId })),
  );

  app.post("/api/evaluations", { schema: { tags, summary: "Mở phiếu đánh giá của chi bộ cho một phong trào", body: StartEvaluationBody, response: { 200: Created, 201: Created } } }, async (req, reply) => {
    const r = await svc.startEvaluation({ db, actor: actorOf(req), ...req.body });
    return reply.status(r.created ? 201 : 200).send({ id: r.id });
  });

  app.get("/api/evaluations/mine", { schema: { tags, summary: "Tự đánh giá và kết quả của tôi", response: { 200: MyEvaluationsResponse } } }, async (req) =>
    presentMine(await svc.listMine({ db, actor: actorOf(req) })),
  );

  app.put("/api/evaluations/self-assessment", { schema: { tags, summary: "Lưu bản tự đánh giá của tôi", body: SaveSelfAssessmentBody } }, async (req, reply) => {
    await svc.saveSelfAssessment({ db, actor: actorOf(req), ...req.body });
    return reply.status(204).send();
  });

  app.get("/api/evaluations/:id", { schema: { tags, summary: "Phiếu đánh giá: cam kết, điểm, xếp loại gợi ý, cảnh báo", params: IdParams, response: { 200: EvaluationSheet } } }, async (req) =>
    presentSheet(await svc.getSheet({ db, actor: actorOf(req), id: req.params.id })),
  );

  app.patch("/api/evaluations/:id", { schema: { tags, summary: "Xếp loại chi bộ (đề xuất); cấp trên cho phép tỷ lệ 25%", params: IdParams, body: UpdateEvaluationBody } }, async (req, reply) => {
    await svc.updateEvaluation({ db, actor: actorOf(req), id: req.params.id, ...req.body });
    return reply.status(204).send();
  });

  app.put(
    "/api/evaluations/:id/commitments/:commitmentId",
    { schema: { tags, summary: "Đánh giá một cam kết: Đạt (vượt mức) / Không đạt kèm lý do", params: CommitmentParams, body: JudgeCommitmentBody } },
    async (req, reply) => {
      await svc.judgeCommitment({ db, actor: actorOf(req), ...req.params, ...req.body });
      return reply.status(204).send();
    },
  );

  app.put("/api/evaluations/:id/members/:personId", { schema: { tags, summary: "Chấm điểm, xếp loại một đảng viên", params: MemberParams, body: RateMemberBody } }, async (req, reply) => {
    await svc.rateMember({ db, actor: actorOf(req), ...req.params, ...req.body });
    return reply.status(204).send();
  });

  app.post("/api/evaluations/:id/apply-suggestions", { schema: { tags, summary: "Điền các đánh giá, điểm và xếp loại gợi ý cho những mục chưa đánh giá", params: IdParams } }, async (req, reply) => {
    await svc.applySuggestions({ db, actor: actorOf(req), id: req.params.id });
    return reply.status(204).send();
  });

  app.post(
    "/api/evaluations/:id/members/apply-suggested",
    {
      schema: {
        tags,
        summary: "Áp dụng xếp loại gợi ý cho các đảng viên đã chọn (ghi nhật ký từng người; không được thì không thay đổi gì)",
        params: IdParams,
        body: ApplySuggestedRatingsBody,
        response: { 200: ApplySuggestedRatingsResponse },
      },
    },
    async (req) => svc.applySuggestedRatings({ db, actor: actorOf(req), id: req.params.id, personIds: req.body.personIds }),
  );

  app.post(
    "/api/evaluations/:id/cell-approve",
    { schema: { tags, summary: "Chi bộ ký duyệt (khóa); có cảnh báo thì phải xác nhận acknowledgeWarnings", params: IdParams, body: SignOffBody } },
    async (req, reply) => {
      await svc.cellApprove({ db, actor: actorOf(req), id: req.params.id, acknowledgeWarnings: req.body.acknowledgeWarnings });
      return reply.status(204).send();
    },
  );

  app.post(
    "/api/evaluations/:id/commune-approve",
    { schema: { tags, summary: "Đảng ủy xã duyệt kết quả chi bộ đã duyệt", params: IdParams, body: SignOffBody } },
    async (req, reply) => {
      await svc.communeApprove({ db, actor: actorOf(req), id: req.params.id, acknowledgeWarnings: req.body.acknowledgeWarnings });
      return reply.status(204).send();
    },
  );

  app.post("/api/evaluations/:id/unlock", { schema: { tags, summary: "Cấp trên mở khóa kết quả đã duyệt (ghi lý do)", params: IdParams, body: UnlockBody } }, async (req, reply) => {
    await svc.unlockEvaluation({ db, actor: actorOf(req), id: req.params.id, reason: req.body.reason });
    return reply.status(204).send();
  });
};
