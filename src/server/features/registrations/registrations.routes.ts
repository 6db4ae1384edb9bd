import { z } from "zod";
import { IdParams } from "@contracts/common.js";
import {
  ApproveRegistrationsBody,
  ApproveRegistrationsResponse,
  CampaignQuery,
  CoverageQuery,
  CoverageResponse,
  CreateRegistrationBody,
  CreatedResponse,
  CriteriaResponse,
  RegistrationCampaignsResponse,
  RegistrationDetail,
  ReturnRegistrationBody,
  SheetQuery,
  SheetResponse,
  UpdateRegistrationBody,
} from "@contracts/registrations.js";
import { actorOf, type Feature } from "../../http/app-types.js";
import { contributeMenu } from "../auth/auth.present.js";
import * as svc from "./registrations.service.js";

const tags = ["Đăng ký việc làm thiết thực"];

// Members register their own sheet; secretaries, deputies and scoped staff see the unit's sheet.
contributeMenu((actor) => {
  const keys: string[] = [];
  if (actor.personId && actor.positions.length > 0) keys.push("registrations");
  if (actor.isAdmin || actor.scopes.length > 0 || actor.positions.some((p) => p.role !== "member")) keys.push("registration-sheet");
  return keys;
});

export const registrationsRoutes: Feature = (app, { db }) => {
  app.get(
    "/api/registrations/campaigns",
    { schema: { tags, summary: "Các phong trào tôi tham gia: bảng đăng ký của tôi và các bảng đăng ký tôi theo dõi", response: { 200: RegistrationCampaignsResponse } } },
    async (req) => ({ items: await svc.listRegistrationCampaigns({ db, actor: actorOf(req) }) }),
  );

  app.get(
    "/api/registrations/criteria",
    { schema: { tags, summary: "Tiêu chí và nội dung của phong trào (cho mẫu đăng ký)", querystring: CampaignQuery, response: { 200: CriteriaResponse } } },
    async (req) => svc.getCampaignCriteria({ db, actor: actorOf(req), campaignId: req.query.campaignId }),
  );

  app.get(
    "/api/registrations",
    { schema: { tags, summary: "Bảng đăng ký của đơn vị (lọc theo trạng thái, tên, nộp trễ)", querystring: SheetQuery, response: { 200: SheetResponse } } },
    async (req) => svc.getSheet({ db, actor: actorOf(req), ...req.query }),
  );

  app.get(
    "/api/registrations/coverage",
    { schema: { tags, summary: "Mức độ đăng ký theo tiêu chí; ai chưa đăng ký nội dung bắt buộc", querystring: CoverageQuery, response: { 200: CoverageResponse } } },
    async (req) => svc.getCoverage({ db, actor: actorOf(req), ...req.query }),
  );

  app.post(
    "/api/registrations",
    { schema: { tags, summary: "Tạo bảng đăng ký (cá nhân hoặc tập thể), trạng thái nháp", body: CreateRegistrationBody, response: { 201: CreatedResponse } } },
    async (req, reply) => {
      const id = await svc.createRegistration({ db, actor: actorOf(req), ...req.body });
      return reply.status(201).send({ id });
    },
  );

  app.post(
    "/api/registrations/approve",
    {
      schema: {
        tags,
        summary: "Duyệt nhiều bảng đăng ký đang chờ duyệt cùng lúc (ghi nhật ký từng bảng; có bảng không duyệt được thì không duyệt bảng nào)",
        body: ApproveRegistrationsBody,
        response: { 200: ApproveRegistrationsResponse },
      },
    },
    async (req) => svc.approveRegistrations({ db, actor: actorOf(req), ids: req.body.ids }),
  );

  app.get(
    "/api/registrations/:id",
    { schema: { tags, summary: "Một bảng đăng ký", params: IdParams, response: { 200: RegistrationDetail } } },
    async (req) => svc.getRegistrationDetail({ db, actor: actorOf(req), id: req.params.id }),
  );

  app.put(
    "/api/registrations/:id",
    { schema: { tags, summary: "Sửa bảng đăng ký (nháp hoặc bị trả lại)", params: IdParams, body: UpdateRegistrationBody } },
    async (req, reply) => {
      await svc.updateRegistration({ db, actor: actorOf(req), id: req.params.id, ...req.body });
      return reply.status(204).send();
    },
  );

  app.post(
    "/api/registrations/:id/submit",
    { schema: { tags, summary: "Gửi bảng đăng ký cho Bí thư duyệt", params: IdParams, response: { 200: z.object({ late: z.boolean() }) } } },
    async (req) => svc.submitRegistration({ db, actor: actorOf(req), id: req.params.id }),
  );

  app.post(
    "/api/registrations/:id/withdraw",
    { schema: { tags, summary: "Rút lại bảng đăng ký đã gửi (chưa được duyệt) về bản nháp", params: IdParams } },
    async (req, reply) => {
      await svc.withdrawRegistration({ db, actor: actorOf(req), id: req.params.id });
      return reply.status(204).send();
    },
  );

  app.post(
    "/api/registrations/:id/approve",
    { schema: { tags, summary: "Duyệt bảng đăng ký", params: IdParams } },
    async (req, reply) => {
      await svc.approveRegistration({ db, actor: actorOf(req), id: req.params.id });
      return reply.status(204).send();
    },
  );

  app.post(
    "/api/registrations/:id/return",
    { schema: { tags, summary: "Trả lại bảng đăng ký kèm lý do", params: IdParams, body: ReturnRegistrationBody } },
    async (req, reply) => {
      await svc.returnRegistration({ db, actor: actorOf(req), id: req.params.id, reason: req.body.reason });
      return reply.status(204).send();
    },
  );
};
