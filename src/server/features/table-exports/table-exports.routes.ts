import { IdParams } from "@contracts/common.js";
import { CoverageQuery } from "@contracts/registrations.js";
import { ReportParams } from "@contracts/reports.js";
import { actorOf, sendFile, type Feature } from "../../http/app-types.js";
import { XLSX_CONTENT_TYPE, type XlsxTable } from "../../spreadsheets/xlsx-table.js";
import { presentSheet } from "../evaluations/evaluations.present.js";
import * as evaluations from "../evaluations/evaluations.service.js";
import * as registrations from "../registrations/registrations.service.js";
import { presentRollup } from "../reports/reports.present.js";
import * as reports from "../reports/reports.service.js";
import { coverageTable, evaluationTable, rollupTable } from "./table-exports.sheets.js";

/**
 * `export.xlsx` beside the tables users work with on screen: each loads the page's own view through
 * its feature's service (which authorizes exactly as the page does) and writes it as a workbook.
 * Exports only read: from the replica when there is one.
 */
export const tableExportsRoutes: Feature = (app, { readDb: db, workers }) => {
  const tags = ["Xuất Excel"];
  const send = async (reply: Parameters<typeof sendFile>[0], table: XlsxTable) =>
    sendFile(reply, { body: await workers.renderXlsx(table), contentType: XLSX_CONTENT_TYPE, fileName: `${table.title}.xlsx` });

  app.get(
    "/api/registrations/coverage/export.xlsx",
    { schema: { tags, summary: "Xuất mức độ đăng ký theo tiêu chí ra Excel", querystring: CoverageQuery } },
    async (req, reply) => send(reply, coverageTable(await registrations.getCoverage({ db, actor: actorOf(req), ...req.query }))),
  );

  app.get(
    "/api/evaluations/:id/export.xlsx",
    { schema: { tags, summary: "Xuất bảng đánh giá, xếp loại đảng viên ra Excel", params: IdParams } },
    async (req, reply) => send(reply, evaluationTable(presentSheet(await evaluations.getSheet({ db, actor: actorOf(req), id: req.params.id })))),
  );

  app.get(
    "/api/reports/:campaignId/units/:unitId/rollup/export.xlsx",
    { schema: { tags, summary: "Xuất bảng tổng hợp kết quả các đơn vị trực thuộc ra Excel", params: ReportParams } },
    async (req, reply) => send(reply, rollupTable(presentRollup(await reports.getRollup({ db, actor: actorOf(req), ...req.params })))),
  );
};
