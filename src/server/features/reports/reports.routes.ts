import { FiguresQuery, ReportCampaignList, RollupQuery, ReportParams, ReportView, RollupView, SaveReportBody, SubmissionsQuery, SubmissionsView } from "@contracts/reports.js";
import type { Actor } from "../../http/actor.js";
import { actorOf, type Feature } from "../../http/app-types.js";
import { contributeMenu } from "../auth/auth.present.js";
import { presentCampaignList, presentReport, presentRollup, presentSubmissions } from "./reports.present.js";
import * as svc from "./reports.service.js";

const tags = ["Báo cáo kết quả"];

// The report pages are for whoever follows or runs a unit: scopes, secretaries and deputies.
contributeMenu((actor: Actor) =>
  actor.isAdmin || actor.scopes.length > 0 || actor.positions.some((p) => p.role === "secretary" || p.role === "deputy_secretary") ? ["reports"] : [],
);

export const reportsRoutes: Feature = (app, { db, readDb }) => {
  app.get("/api/reports/campaigns", { schema: { tags, summary: "Đợt thi đua và đơn vị của tôi để báo cáo, theo dõi", response: { 200: ReportCampaignList } } }, async (req) => {
    return presentCampaignList(await svc.listReportCampaigns({ db, actor: actorOf(req) }));
  });

  app.get(
    "/api/reports/:campaignId/units/:unitId",
    { schema: { tags, summary: "Báo cáo kết quả của một đơn vị (số liệu trực tiếp đến khi gửi; ?asOf= một ngày của đợt)", params: ReportParams, querystring: FiguresQuery, response: { 200: ReportView } } },
    async (req) => presentReport(await svc.getUnitReport({ db, actor: actorOf(req), ...req.params, ...req.query })),
  );

  app.put(
    "/api/reports/:campaignId/units/:unitId",
    { schema: { tags, summary: "Lưu bản nháp báo cáo kết quả", params: ReportParams, body: SaveReportBody, response: { 200: ReportView } } },
    async (req) => {
      const actor = actorOf(req);
      await svc.saveReport({ db, actor, ...req.params, body: req.body });
      return presentReport(await svc.getUnitReport({ db, actor, ...req.params }));
    },
  );

  app.post(
    "/api/reports/:campaignId/units/:unitId/submit",
    { schema: { tags, summary: "Gửi báo cáo lên cấp trên qua Thường trực Khối vận", params: ReportParams, body: SaveReportBody, response: { 200: ReportView } } },
    async (req) => {
      const actor = actorOf(req);
      await svc.submitReport({ db, actor, ...req.params, body: req.body ?? {} });
      return presentReport(await svc.getUnitReport({ db, actor, ...req.params }));
    },
  );

  app.get(
    "/api/reports/:campaignId/units/:unitId/rollup",
    { schema: { tags, summary: "Tổng hợp trực tiếp toàn bộ các cấp dưới của đơn vị (?asOf= một ngày của đợt; ?limit=&after= từng trang đơn vị trực thuộc)", params: ReportParams, querystring: RollupQuery, response: { 200: RollupView } } },
    // read-only and the heaviest page of a province: from the replica when there is one
    async (req) => presentRollup(await svc.getRollup({ db: readDb, actor: actorOf(req), ...req.params, ...req.query })),
  );

  app.get(
    "/api/reports/:campaignId/units/:unitId/submissions",
    { schema: { tags, summary: "Tình hình gửi báo cáo: đơn vị chưa gửi, gửi trễ hạn", params: ReportParams, querystring: SubmissionsQuery, response: { 200: SubmissionsView } } },
    async (req) => presentSubmissions(await svc.getSubmissions({ db: readDb, actor: actorOf(req), ...req.params, ...req.query })),
  );
};
