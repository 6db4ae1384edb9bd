import { z } from "zod";
import { IdParams } from "@contracts/common.js";
import {
  AcknowledgementList,
  CreatePlanBody,
  IssuePlanBody,
  NumberSuggestion,
  NumberSuggestionQuery,
  PlanDetail,
  PlansToAcknowledgeResponse,
  UpdatePlanBody,
} from "@contracts/plans.js";
import { actorOf, type Feature } from "../../http/app-types.js";
import { presentAcknowledgements, presentPlanDetail, presentPlanSummary } from "./plans.present.js";
import * as svc from "./plans.service.js";

const tags = ["Kế hoạch"];
const Created = z.object({ id: z.string() });

export const plansRoutes: Feature = (app, { db }) => {
  app.get(
    "/api/plans/number-suggestion",
    { schema: { tags, summary: "Số kế hoạch tiếp theo của đơn vị (theo nhiệm kỳ cấp ủy)", querystring: NumberSuggestionQuery, response: { 200: NumberSuggestion } } },
    async (req) => svc.getNumberSuggestion({ db, actor: actorOf(req), ...req.query }),
  );

  app.get(
    "/api/plans/to-acknowledge",
    { schema: { tags, summary: "Kế hoạch tôi cần quán triệt", response: { 200: PlansToAcknowledgeResponse } } },
    async (req) => {
      const rows = await svc.listMyPlansToAcknowledge({ db, actor: actorOf(req) });
      return { items: rows.map((r) => ({ ...presentPlanSummary(r), campaignName: r.campaign_name })) };
    },
  );

  app.get("/api/plans/:id", { schema: { tags, summary: "Chi tiết kế hoạch", params: IdParams, response: { 200: PlanDetail } } }, async (req) => {
    return presentPlanDetail(await svc.getPlanDetail({ db, actor: actorOf(req), id: req.params.id }));
  });

  app.post(
    "/api/plans",
    { schema: { tags, summary: "Lập dự thảo kế hoạch (từ kế hoạch cấp trên nếu có)", body: CreatePlanBody, response: { 201: Created } } },
    async (req, reply) => {
      const id = await svc.createPlan({ db, actor: actorOf(req), ...req.body });
      return reply.status(201).send({ id });
    },
  );

  app.patch("/api/plans/:id", { schema: { tags, summary: "Sửa dự thảo kế hoạch", params: IdParams, body: UpdatePlanBody } }, async (req, reply) => {
    await svc.updatePlan({ db, actor: actorOf(req), id: req.params.id, ...req.body });
    return reply.status(204).send();
  });

  app.delete("/api/plans/:id", { schema: { tags, summary: "Xóa dự thảo kế hoạch", params: IdParams } }, async (req, reply) => {
    await svc.deletePlanDraft({ db, actor: actorOf(req), id: req.params.id });
    return reply.status(204).send();
  });

  app.post(
    "/api/plans/:id/issue",
    { schema: { tags, summary: "Ban hành kế hoạch (thông báo đến từng thành viên)", params: IdParams, body: IssuePlanBody.nullish(), response: { 200: z.object({ symbol: z.string() }) } } },
    async (req) => svc.issuePlan({ db, actor: actorOf(req), id: req.params.id, date: req.body?.date ?? undefined }),
  );

  app.post(
    "/api/plans/:id/versions",
    { schema: { tags, summary: "Tạo phiên bản điều chỉnh của kế hoạch đã ban hành", params: IdParams, response: { 201: Created } } },
    async (req, reply) => {
      const id = await svc.createPlanVersion({ db, actor: actorOf(req), id: req.params.id });
      return reply.status(201).send({ id });
    },
  );

  app.post("/api/plans/:id/acknowledge", { schema: { tags, summary: "Xác nhận đã quán triệt kế hoạch", params: IdParams } }, async (req, reply) => {
    await svc.acknowledgePlan({ db, actor: actorOf(req), id: req.params.id });
    return reply.status(204).send();
  });

  app.get(
    "/api/plans/:id/acknowledgements",
    { schema: { tags, summary: "Tình hình quán triệt của các thành viên", params: IdParams, response: { 200: AcknowledgementList } } },
    async (req) => {
      const r = await svc.listAcknowledgements({ db, actor: actorOf(req), id: req.params.id });
      return presentAcknowledgements(r.plan.id, r.rows);
    },
  );
};
