import { IdParams } from "@contracts/common.js";
import {
  CampaignUnitQuery,
  CandidatesResponse,
  CommendationUnitsResponse,
  CommendedResponse,
  DeclineBody,
  ProposalListQuery,
  ProposalListResponse,
  ProposeBody,
  ProposeResponse,
} from "@contracts/commendations.js";
import { actorOf, type Feature } from "../../http/app-types.js";
import { contributeMenu } from "../auth/auth.present.js";
import { presentCandidates, presentCommended, presentProposal, presentUnits } from "./commendations.present.js";
import * as svc from "./commendations.service.js";

const tags = ["Tuyên dương, khen thưởng"];

// Cell secretaries propose, the commune decides, staff with a scope (TTKV) follow.
contributeMenu((actor) => (actor.isAdmin || actor.scopes.length > 0 || actor.positions.some((p) => p.role === "secretary") ? ["commendations"] : []));

export const commendationsRoutes: Feature = (app, { db }) => {
  app.get("/api/commendations/units", { schema: { tags, summary: "Phong trào và đơn vị có đề xuất tuyên dương tôi được xem", response: { 200: CommendationUnitsResponse } } }, async (req) => {
    const actor = actorOf(req);
    return presentUnits(await svc.listCommendationUnits({ db, actor }), actor);
  });

  app.get("/api/commendations", { schema: { tags, summary: "Các đề xuất tuyên dương của phong trào (một đơn vị và cấp dưới)", querystring: ProposalListQuery, response: { 200: ProposalListResponse } } }, async (req) => ({
    items: (await svc.listProposals({ db, actor: actorOf(req), ...req.query })).map(presentProposal),
  }));

  app.get("/api/commendations/candidates", { schema: { tags, summary: "Cá nhân (kèm xếp loại), tập thể, mô hình có thể đề xuất", querystring: CampaignUnitQuery, response: { 200: CandidatesResponse } } }, async (req) =>
    presentCandidates(await svc.listCandidates({ db, actor: actorOf(req), ...req.query })),
  );

  app.get("/api/commendations/commended", { schema: { tags, summary: "Danh sách được tuyên dương (tổng hợp theo đơn vị cấp dưới)", querystring: CampaignUnitQuery, response: { 200: CommendedResponse } } }, async (req) =>
    presentCommended(await svc.listCommended({ db, actor: actorOf(req), ...req.query })),
  );

  app.post("/api/commendations", { schema: { tags, summary: "Đề xuất tuyên dương (cảnh báo nếu người được đề xuất xếp loại Không hoàn thành)", body: ProposeBody, response: { 201: ProposeResponse } } }, async (req, reply) =>
    reply.status(201).send(await svc.propose({ db, actor: actorOf(req), ...req.body })),
  );

  app.delete("/api/commendations/:id", { schema: { tags, summary: "Rút đề xuất chưa được quyết định", params: IdParams } }, async (req, reply) => {
    await svc.withdraw({ db, actor: actorOf(req), id: req.params.id });
    return reply.status(204).send();
  });

  app.post("/api/commendations/:id/approve", { schema: { tags, summary: "Đảng ủy xã duyệt đề xuất tuyên dương", params: IdParams } }, async (req, reply) => {
    await svc.decide({ db, actor: actorOf(req), id: req.params.id, decision: "approved", reason: null });
    return reply.status(204).send();
  });

  app.post("/api/commendations/:id/decline", { schema: { tags, summary: "Đảng ủy xã không duyệt đề xuất (bắt buộc nêu lý do)", params: IdParams, body: DeclineBody } }, async (req, reply) => {
    await svc.decide({ db, actor: actorOf(req), id: req.params.id, decision: "declined", reason: req.body.reason });
    return reply.status(204).send();
  });
};
