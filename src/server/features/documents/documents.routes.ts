/**
 * Official documents of the campaign as DOCX (primary, offices edit in Word) and PDF, following
 * API.md's download pattern `GET /api/<resource>/<id>/export.docx|.pdf`. Each builder loads the
 * data through its feature's service (which authorizes exactly like the page that shows it: 404
 * outside the actor's subtree) and describes the document once; both renderers print that model.
 */
import type { FastifyReply } from "fastify";
import type { z } from "zod";
import { IdParams } from "@contracts/common.js";
import { MemberParams } from "@contracts/evaluations.js";
import { ReportParams } from "@contracts/reports.js";
import type { Db } from "../../db/client.js";
import { contentDisposition, fileNameFor } from "../../documents/document-model.js";
import type { Actor } from "../../http/actor.js";
import { actorOf, type Feature } from "../../http/app-types.js";
import { buildCertificateDocument, buildCommendationDecisionDocument } from "./commendation-decision.builder.js";
import { buildCommendationProposalDocument } from "./commendation-proposal.builder.js";
import type { BuiltDocument } from "./document-parts.js";
import { buildEvaluationMinutesDocument } from "./evaluation-minutes.builder.js";
import { buildCommuneEvaluationSummaryDocument, buildEvaluationSummaryDocument } from "./evaluation-summary.builder.js";
import { buildPersonalRegistrationDocument } from "./personal-registration.builder.js";
import { buildPlanDocument } from "./plan.builder.js";
import { buildRegistrationSheetDocument } from "./registration-sheet.builder.js";
import { buildResultReportDocument } from "./result-report.builder.js";
import { buildMemberSelfAssessmentDocument, buildMySelfAssessmentDocument } from "./self-assessment.builder.js";
import { buildSupervisionReportDocument } from "./supervision-report.builder.js";
import type { WorkerPool } from "../../workers/worker-pool.js";

export const DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const PDF_CONTENT_TYPE = "application/pdf";

/** Both formats are rendered on the worker pool: the request thread only builds the model. */
const FORMATS = {
  docx: { contentType: DOCX_CONTENT_TYPE, render: (w: WorkerPool, doc: BuiltDocument["model"]) => w.renderDocx(doc), label: "Word (DOCX)" },
  pdf: { contentType: PDF_CONTENT_TYPE, render: (w: WorkerPool, doc: BuiltDocument["model"]) => w.renderPdf(doc), label: "PDF" },
} as const;

type Params = z.ZodObject<z.ZodRawShape>;

interface DocumentRoute<P extends Params> {
  /** The resource path; `/export.docx` and `/export.pdf` are appended. */
  path: string;
  params: P;
  tags: string[];
  title: string;
  build: (opts: { db: Db; actor: Actor } & z.infer<P>) => Promise<BuiltDocument>;
}

const route = <P extends Params>(r: DocumentRoute<P>) => r as unknown as DocumentRoute<Params>;

/** Every document of DOCUMENTS.md's campaign list, by the resource it belongs to. */
export const DOCUMENT_ROUTES: readonly DocumentRoute<Params>[] = [
  route({ path: "/api/plans/:id", params: IdParams, tags: ["Kế hoạch"], title: "Kế hoạch", build: buildPlanDocument }),
  route({
    path: "/api/campaigns/:campaignId/units/:unitId/registrations",
    params: ReportParams,
    tags: ["Đăng ký việc làm thiết thực"],
    title: "Bảng đăng ký của chi bộ",
    build: buildRegistrationSheetDocument,
  }),
  route({ path: "/api/supervision/reports/:id", params: IdParams, tags: ["Giám sát"], title: "Báo cáo giám sát", build: buildSupervisionReportDocument }),
  route({ path: "/api/reports/:campaignId/units/:unitId", params: ReportParams, tags: ["Báo cáo kết quả"], title: "Báo cáo kết quả của đơn vị", build: buildResultReportDocument }),
  route({
    path: "/api/commendations/:campaignId/units/:unitId",
    params: ReportParams,
    tags: ["Tuyên dương, khen thưởng"],
    title: "Tờ trình đề nghị tuyên dương của đơn vị",
    build: buildCommendationProposalDocument,
  }),
  route({ path: "/api/evaluations/:id", params: IdParams, tags: ["Đánh giá, xếp loại"], title: "Bảng tổng hợp đánh giá, xếp loại", build: buildEvaluationSummaryDocument }),
  // The member's own forms (issue 9, point 14) and the cell meeting's minutes.
  route({ path: "/api/registrations/:id", params: IdParams, tags: ["Đăng ký việc làm thiết thực"], title: "Phiếu đăng ký cá nhân", build: buildPersonalRegistrationDocument }),
  route({ path: "/api/self-assessments/:campaignId/units/:unitId", params: ReportParams, tags: ["Đánh giá, xếp loại"], title: "Bản tự kiểm điểm của tôi", build: buildMySelfAssessmentDocument }),
  route({
    path: "/api/evaluations/:id/members/:personId",
    params: MemberParams,
    tags: ["Đánh giá, xếp loại"],
    title: "Bản tự kiểm điểm của một đảng viên",
    build: buildMemberSelfAssessmentDocument,
  }),
  route({
    path: "/api/commendations/:campaignId/units/:unitId/decision",
    params: ReportParams,
    tags: ["Tuyên dương, khen thưởng"],
    title: "Quyết định khen thưởng và danh sách kèm theo",
    build: buildCommendationDecisionDocument,
  }),
  route({ path: "/api/commendations/:id/certificate", params: IdParams, tags: ["Tuyên dương, khen thưởng"], title: "Giấy khen", build: buildCertificateDocument }),
  route({
    path: "/api/evaluations/summary/:campaignId/units/:unitId",
    params: ReportParams,
    tags: ["Đánh giá, xếp loại"],
    title: "Bảng tổng hợp đánh giá, xếp loại các chi bộ",
    build: buildCommuneEvaluationSummaryDocument,
  }),
  route({ path: "/api/evaluations/:id/minutes", params: IdParams, tags: ["Đánh giá, xếp loại"], title: "Biên bản họp chi bộ đánh giá, xếp loại", build: buildEvaluationMinutesDocument }),
];

/** Sends a rendered document with its Vietnamese file name (RFC 5987 `filename*` and an ASCII fallback). */
function sendDocument(reply: FastifyReply, body: Buffer, contentType: string, fileName: string) {
  return reply
    .header("Content-Type", contentType)
    .header("Content-Disposition", contentDisposition(fileName))
    .header("Cache-Control", "private, no-store")
    .header("X-Content-Type-Options", "nosniff")
    .send(body);
}

export const documentsRoutes: Feature = (app, { db, workers }) => {
  for (const doc of DOCUMENT_ROUTES) {
    for (const [ext, format] of Object.entries(FORMATS)) {
      app.get(
        `${doc.path}/export.${ext}`,
        { schema: { tags: doc.tags, summary: `Tải ${doc.title} (${format.label})`, params: doc.params } },
        async (req, reply) => {
          const built = await doc.build({ db, actor: actorOf(req), ...(req.params as z.infer<Params>) });
          const body = await format.render(workers, built.model);
          return sendDocument(reply, body, format.contentType, fileNameFor(built.fileTitle, ext));
        },
      );
    }
  }
};
