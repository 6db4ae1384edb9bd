import { IdParams } from "@contracts/common.js";
import { CampaignUnitParams, ImportQuery, ImportRejectedBody, ImportReport, PeopleExportQuery } from "@contracts/spreadsheets.js";
import { actorOf, sendFile, type Feature } from "../../http/app-types.js";
import { readXlsxUpload } from "../../spreadsheets/upload.js";
import { XLSX_CONTENT_TYPE } from "../../spreadsheets/xlsx-table.js";
import { checkMembersImport, checkRegistrationsImport, exportMembers, exportPeople, exportRegistrations, importRegistrations, ImportRejected, importMembers } from "./spreadsheets.service.js";

const tags = ["Excel"];

export const spreadsheetsRoutes: Feature = (app, { db, config, workers }) => {
  app.get(
    "/api/units/:id/members/export.xlsx",
    { schema: { tags, summary: "Xuất danh sách đảng viên của đơn vị ra Excel", params: IdParams } },
    async (req, reply) => {
      const { body, fileName } = await exportMembers({ db, workers, actor: actorOf(req), unitId: req.params.id });
      return sendFile(reply, { body, contentType: XLSX_CONTENT_TYPE, fileName });
    },
  );

  app.post(
    "/api/units/:id/members/import",
    {
      schema: {
        tags,
        summary: "Nhập danh sách đảng viên từ Excel (?dryRun=1: chỉ kiểm tra)",
        params: IdParams,
        querystring: ImportQuery,
        response: { 200: ImportReport, 400: ImportRejectedBody },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await checkMembersImport({ db, actor, unitId: req.params.id });
      const { file, fileName } = await readXlsxUpload(req, config.maxUploadBytes);
      try {
        return await importMembers({ db, workers, actor, unitId: req.params.id, file, fileName, dryRun: req.query.dryRun });
      } catch (err) {
        if (err instanceof ImportRejected) {
          return reply.status(400).send({ error: { code: err.code, message: err.message, details: err.details ?? [] }, report: err.report });
        }
        throw err;
      }
    },
  );

  app.get(
    "/api/people/export.xlsx",
    { schema: { tags, summary: "Xuất danh sách tìm kiếm cán bộ, đảng viên ra Excel", querystring: PeopleExportQuery } },
    async (req, reply) => {
      const { body, fileName } = await exportPeople({ db, workers, actor: actorOf(req), q: req.query.q, unitId: req.query.unitId });
      return sendFile(reply, { body, contentType: XLSX_CONTENT_TYPE, fileName });
    },
  );

  app.get(
    "/api/campaigns/:campaignId/units/:unitId/registrations/export.xlsx",
    { schema: { tags, summary: "Xuất bảng đăng ký của chi bộ ra Excel", params: CampaignUnitParams } },
    async (req, reply) => {
      const { body, fileName } = await exportRegistrations({ db, workers, actor: actorOf(req), ...req.params });
      return sendFile(reply, { body, contentType: XLSX_CONTENT_TYPE, fileName });
    },
  );

  app.post(
    "/api/campaigns/:campaignId/units/:unitId/registrations/import",
    {
      schema: {
        tags,
        summary: "Nhập bảng đăng ký của chi bộ từ Excel (?dryRun=1: chỉ kiểm tra)",
        params: CampaignUnitParams,
        querystring: ImportQuery,
        response: { 200: ImportReport, 400: ImportRejectedBody },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await checkRegistrationsImport({ db, actor, ...req.params });
      const { file, fileName } = await readXlsxUpload(req, config.maxUploadBytes);
      try {
        return await importRegistrations({ db, workers, actor, ...req.params, file, fileName, dryRun: req.query.dryRun });
      } catch (err) {
        if (err instanceof ImportRejected) {
          return reply.status(400).send({ error: { code: err.code, message: err.message, details: err.details ?? [] }, report: err.report });
        }
        throw err;
      }
    },
  );
};
