import { z } from "zod";
import {
  CampaignDetail,
  CampaignListQuery,
  CampaignListResponse,
  CreateCampaignBody,
  CreateCriteriaSetBody,
  CriteriaSetDetail,
  CriteriaSetListResponse,
  UnissuedPlansResponse,
  UpdateCampaignBody,
  UpdateCriteriaSetBody,
} from "@contracts/campaigns.js";
import { IdParams } from "@contracts/common.js";
import { actorOf, type Feature } from "../../http/app-types.js";
import { contributeMenu } from "../auth/auth.present.js";
import {
  presentCampaignDetail,
  presentCampaignSummary,
  presentCascadeRow,
  presentCriteriaSetDetail,
  presentCriteriaSetSummary,
} from "./campaigns.present.js";
import * as svc from "./campaigns.service.js";

const tags = ["Phong trào thi đua"];
const Created = z.object({ id: z.string() });

// Everyone with a position or a scope takes part in campaigns and reads their criteria.
contributeMenu((actor) => (actor.isAdmin || actor.positions.length > 0 || actor.scopes.length > 0 ? ["campaigns", "criteria"] : []));

export const campaignsRoutes: Feature = (app, { db }) => {
  // Criteria sets -----------------------------------------------------------------------------
  app.get("/api/criteria-sets", { schema: { tags, summary: "Các bộ tiêu chí", response: { 200: CriteriaSetListResponse } } }, async (req) => {
    const rows = await svc.listCriteriaSets({ db, actor: actorOf(req) });
    return { items: rows.map(presentCriteriaSetSummary) };
  });

  app.get("/api/criteria-sets/:id", { schema: { tags, summary: "Bộ tiêu chí với các tiêu chí và nội dung", params: IdParams, response: { 200: CriteriaSetDetail } } }, async (req) => {
    return presentCriteriaSetDetail(await svc.getCriteriaSetDetail({ db, actor: actorOf(req), id: req.params.id }));
  });

  app.post("/api/criteria-sets", { schema: { tags, summary: "Tạo phiên bản bộ tiêu chí cho một năm (sao từ bộ trước)", body: CreateCriteriaSetBody, response: { 201: Created } } }, async (req, reply) => {
    const id = await svc.createCriteriaSet({ db, actor: actorOf(req), ...req.body });
    return reply.status(201).send({ id });
  });

  app.put("/api/criteria-sets/:id", { schema: { tags, summary: "Sửa nội dung bộ tiêu chí (dự thảo)", params: IdParams, body: UpdateCriteriaSetBody } }, async (req, reply) => {
    await svc.updateCriteriaSet({ db, actor: actorOf(req), id: req.params.id, ...req.body });
    return reply.status(204).send();
  });

  app.post("/api/criteria-sets/:id/publish", { schema: { tags, summary: "Ban hành bộ tiêu chí", params: IdParams } }, async (req, reply) => {
    await svc.publishCriteriaSet({ db, actor: actorOf(req), id: req.params.id });
    return reply.status(204).send();
  });

  // Campaigns ---------------------------------------------------------------------------------
  app.get("/api/campaigns", { schema: { tags, summary: "Phong trào của đơn vị tôi và cấp trên", querystring: CampaignListQuery, response: { 200: CampaignListResponse } } }, async (req) => {
    const actor = actorOf(req);
    const rows = await svc.listCampaigns({ db, actor, year: req.query.year });
    return { items: rows.map((r) => presentCampaignSummary(r, actor)) };
  });

  app.get(
    "/api/campaigns/unissued-plans",
    { schema: { tags, summary: "Đơn vị chưa ban hành kế hoạch (phong trào đang diễn ra)", response: { 200: UnissuedPlansResponse } } },
    async (req) => {
      const groups = await svc.listUnissuedPlans({ db, actor: actorOf(req) });
      return {
        items: groups.map((g) => ({
          campaignId: g.campaign.id,
          campaignName: g.campaign.name,
          planDeadline: g.campaign.plan_deadline,
          units: g.entries.map(presentCascadeRow),
        })),
      };
    },
  );

  app.get("/api/campaigns/:id", { schema: { tags, summary: "Phong trào: kế hoạch và tình hình triển khai", params: IdParams, response: { 200: CampaignDetail } } }, async (req) => {
    const actor = actorOf(req);
    return presentCampaignDetail(await svc.getCampaignDetail({ db, actor, id: req.params.id }), actor);
  });

  app.post("/api/campaigns", { schema: { tags, summary: "Phát động phong trào", body: CreateCampaignBody, response: { 201: Created } } }, async (req, reply) => {
    const id = await svc.createCampaign({ db, actor: actorOf(req), ...req.body });
    return reply.status(201).send({ id });
  });

  app.patch("/api/campaigns/:id", { schema: { tags, summary: "Sửa phong trào (tên, thời gian, các hạn)", params: IdParams, body: UpdateCampaignBody } }, async (req, reply) => {
    await svc.updateCampaign({ db, actor: actorOf(req), id: req.params.id, ...req.body });
    return reply.status(204).send();
  });

  app.delete("/api/campaigns/:id", { schema: { tags, summary: "Xóa (bản nháp) hoặc hủy (đang diễn ra) phong trào chưa có gì thuộc về nó", params: IdParams } }, async (req, reply) => {
    await svc.removeCampaign({ db, actor: actorOf(req), id: req.params.id });
    return reply.status(204).send();
  });
};
