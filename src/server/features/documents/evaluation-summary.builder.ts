/**
 * Bảng tổng hợp đánh giá, xếp loại of a cell: per member the commitments registered and achieved,
 * violations, self-assessment, score, rating and notes; the count per rating; the quota check
 * (excellent ≤ 20% — 25% when allowed — of those rated good, under the regulation in force at the
 * end of the campaign) and the remaining warnings. Landscape (ten columns). Everything computed by
 * the evaluations feature (`getSheet`, same authorization as the evaluation page).
 */
import { formatViDate } from "@domain/dates.js";
import { RATING_LABELS, RATING_SHORT_LABELS, RATINGS, VIOLATION_KIND_LABELS } from "@domain/ratings.js";
import type { Db } from "../../db/client.js";
import type { BodyBlock, TableCellContent } from "../../documents/document-model.js";
import type { Actor } from "../../http/actor.js";
import { getSheet } from "../evaluations/evaluations.service.js";
import * as rq from "../registrations/registrations.queries.js";
import {
  campaignNamingDate,
  loadDocumentUnit,
  lowerFirst,
  unitHeader,
  percentText,
  positionText,
  recipientLines,
  signerOf,
  unitSignature,
  viNumber,
  vnDate,
  type BuiltDocument,
} from "./document-parts.js";

export async function buildEvaluationSummaryDocument(opts: { db: Db; actor: Actor; id: string }): Promise<BuiltDocument> {
  const { db } = opts;
  const s = await getSheet(opts);
  const { evaluation, campaign, sheets, quota, param, warnings } = s;
  const date = vnDate(evaluation.cell_approved_at);
  const unit = await loadDocumentUnit(db, evaluation.unit_id, date ?? campaignNamingDate(campaign));
  const titles = new Map((await rq.listMembers(db, evaluation.unit_id, campaign.period_start, campaign.period_end)).map((m) => [m.person_id, m]));

  const rows: TableCellContent[][] = sheets.map((m, i) => {
    const achieved = m.commitments.filter((c) => c.achieved).length;
    const position = titles.get(m.person.person_id);
    const self = m.self ? [m.self.proposed_rating ? RATING_SHORT_LABELS[m.self.proposed_rating] : "", m.self.self_score !== null ? `${viNumber(Number(m.self.self_score))} điểm` : ""].filter(Boolean).join(", ") : "";
    const violations = m.violations.map((v) => `${VIOLATION_KIND_LABELS[v.kind]} (${formatViDate(v.occurred_on)})`).join(";\n");
    const rating = m.item?.rating ?? null;
    return [
      String(i + 1),
      [{ text: m.person.full_name, bold: true }],
      positionText(position?.role ?? m.person.role, position?.title ?? null, unit.kind),
      String(m.commitments.length),
      String(achieved),
      violations,
      self,
      m.item?.score !== null && m.item?.score !== undefined ? viNumber(Number(m.item.score)) : "",
      rating ? [{ text: RATING_SHORT_LABELS[rating], bold: true }] : [{ text: "Chưa xếp loại", italic: true }],
      m.item?.notes ?? "",
    ];
  });

  const total = sheets.length;
  const counts = RATINGS.map((r) => ({ r, n: sheets.filter((m) => m.item?.rating === r).length }));
  const unrated = sheets.filter((m) => !m.item?.rating).length;
  const exceeded = quota.excellentCount - quota.excellentLimit;
  const rule = param.value.regulation;
  const topic = lowerFirst(campaign.name);

  const body: BodyBlock[] = [
    {
      kind: "table",
      fontSize: 11,
      columns: [
        { header: "STT", width: 4, align: "center" },
        { header: "Họ và tên", width: 14 },
        { header: "Chức vụ", width: 14 },
        { header: "Việc làm đăng ký", width: 7, align: "center" },
        { header: "Việc làm đạt", width: 6, align: "center" },
        { header: "Vi phạm", width: 11 },
        { header: "Tự đánh giá", width: 11 },
        { header: "Điểm", width: 6, align: "center" },
        { header: "Xếp loại", width: 11 },
        { header: "Ghi chú", width: 16 },
      ],
      rows,
    },
    {
      kind: "paragraph",
      runs: [
        `Tổng số đảng viên được đánh giá: ${total}. Trong đó: `,
        ...counts.map(({ r, n }, i) => `${RATING_LABELS[r]}: ${n} (${percentText(n, total)}%)${i < counts.length - 1 ? "; " : ""}`),
        unrated > 0 ? `; chưa xếp loại: ${unrated}.` : ".",
      ],
    },
    {
      kind: "paragraph",
      runs: [
        { text: "Kiểm tra tỷ lệ: ", bold: true },
        `${quota.excellentCount} đảng viên ${RATING_LABELS.excellent.toLocaleLowerCase("vi")}; tối đa ${quota.excellentLimit} (${quota.percent}% của ${quota.goodCount} đảng viên ${RATING_LABELS.good.toLocaleLowerCase("vi")}, theo ${rule}${evaluation.allow_higher_quota ? ", cấp trên cho phép tỷ lệ cao hơn" : ""}) — `,
        exceeded > 0 ? { text: `vượt ${exceeded} người.`, bold: true } : { text: "đạt yêu cầu.", bold: true },
      ],
    },
  ];
  if (evaluation.unit_rating) body.push({ kind: "paragraph", runs: [`Chi bộ tự đánh giá, xếp loại: ${RATING_LABELS[evaluation.unit_rating]}.`] });
  const notes = warnings.filter((w) => w.code !== "QUOTA_EXCEEDED");
  if (notes.length > 0) {
    body.push({ kind: "paragraph", runs: [{ text: "Lưu ý:", italic: true }] });
    for (const w of notes) body.push({ kind: "bullet", runs: [`${w.message}.`.replace(/\.\.$/, ".")] });
  }

  return {
    model: {
      format: unit.format,
      orientation: "landscape",
      header: unitHeader(unit, "", date),
      // Undated and DỰ THẢO until the cell approves its ratings.
      ...(date ? {} : { draft: true }),
      typeName: "BẢNG TỔNG HỢP",
      subjectLines: ["Kết quả đánh giá, xếp loại đảng viên", `trong thực hiện ${topic}`],
      body,
      signature: unitSignature(unit, await signerOf(db, evaluation.unit_id, date ?? campaignNamingDate(campaign))),
      recipients: { lines: recipientLines([unit.parentName], unit.kind) },
    },
    fileTitle: `Bảng tổng hợp đánh giá, xếp loại - ${unit.name} - ${campaign.year}`,
  };
}
