/**
 * Bảng tổng hợp đánh giá, xếp loại of a cell: per member the commitments registered and achieved,
 * violations, self-assessment, score, rating and notes; the count per rating; the quota check
 * (excellent ≤ 20% — 25% when allowed — of those rated good, under the regulation in force at the
 * end of the campaign) and the remaining warnings. Landscape (ten columns). Everything computed by
 * the evaluations feature (`getSheet`, same authorization as the evaluation page).
 */
import { formatViDate } from "@domain/dates.js";
import { partyOrganisationName, proposalAddressee } from "@domain/document-systems.js";
import { RATING_LABELS, RATING_SHORT_LABELS, RATINGS, VIOLATION_KIND_LABELS, type Rating } from "@domain/ratings.js";
import type { Db } from "../../db/client.js";
import type { BodyBlock, TableCellContent } from "../../documents/document-model.js";
import { canView, type Actor } from "../../http/actor.js";
import { notFound } from "../../http/errors.js";
import * as eq from "../evaluations/evaluations.queries.js";
import { getSheet, listEvaluations } from "../evaluations/evaluations.service.js";
import * as reads from "../supervision/campaign-reads.queries.js";
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
  upperFirst,
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

/** Where a cell's evaluation stands, as the paper says it (not the app's lock states). */
const STATUS_ON_PAPER: Record<"none" | eq.EvaluationState, string> = {
  none: "Chưa đánh giá",
  draft: "Đang đánh giá",
  cell_approved: "Chi bộ đã thông qua",
  commune_approved: "Đã được duyệt",
};

/**
 * The commune's bảng tổng hợp: one row per cell directly under the unit, with its members, how many
 * are rated and the count per rating, the cell's own rating and where its evaluation stands; a total
 * row. The ratings are the cells' evaluation items (`listEvaluations` and `listItems` of the
 * evaluations feature, same authorization as the evaluations page; a cell the actor may not read is
 * left out). Undated DỰ THẢO until the commune has approved every cell's evaluation.
 */
export async function buildCommuneEvaluationSummaryDocument(opts: { db: Db; actor: Actor; campaignId: string; unitId: string }): Promise<BuiltDocument> {
  const { db, campaignId, unitId } = opts;
  if (!canView(opts.actor, unitId)) throw notFound("Không tìm thấy đơn vị");
  const cells = (await listEvaluations(opts)).filter((c) => c.row.parent_id === unitId);
  const campaign = await reads.getCampaign(db, campaignId);
  if (!campaign) throw notFound("Không tìm thấy phong trào thi đua");
  const allApproved = cells.length > 0 && cells.every((c) => c.evaluation?.status === "commune_approved");
  const namedOn = campaignNamingDate(campaign);
  const date = allApproved ? namedOn : null;
  const unit = await loadDocumentUnit(db, unitId, namedOn);
  const names = await rq.unitNames(db, cells.map((c) => c.row.unit_id), namedOn);
  const details = await Promise.all(cells.map(async (c) => ({ c, items: c.evaluation ? await eq.listItems(db, c.evaluation.id) : [], own: c.evaluation ? await eq.getEvaluation(db, c.evaluation.id) : null })));
  details.sort((a, b) => (names.get(a.c.row.unit_id)?.name ?? "").localeCompare(names.get(b.c.row.unit_id)?.name ?? "", "vi"));

  const totals = { members: 0, rated: 0, ...Object.fromEntries(RATINGS.map((r) => [r, 0])) } as { members: number; rated: number } & Record<Rating, number>;
  const rows: TableCellContent[][] = details.map(({ c, items, own }, i) => {
    const per = RATINGS.map((r) => items.filter((x) => x.rating === r).length);
    const rated = per.reduce((a, b) => a + b, 0);
    totals.members += c.memberCount;
    totals.rated += rated;
    RATINGS.forEach((r, k) => (totals[r] += per[k]!));
    return [
      String(i + 1),
      [{ text: names.get(c.row.unit_id)?.name ?? c.row.unit_name, bold: true }],
      String(c.memberCount),
      String(rated),
      ...per.map((n) => (rated ? `${n} (${percentText(n, rated)}%)` : "")),
      own?.unit_rating ? RATING_SHORT_LABELS[own.unit_rating] : "",
      STATUS_ON_PAPER[c.evaluation?.status ?? "none"],
    ];
  });
  rows.push([
    "",
    [{ text: "Cộng", bold: true }],
    [{ text: String(totals.members), bold: true }],
    [{ text: String(totals.rated), bold: true }],
    ...RATINGS.map((r) => [{ text: `${totals[r]} (${percentText(totals[r], totals.rated)}%)`, bold: true }]),
    "",
    "",
  ]);
  const topic = lowerFirst(campaign.name);
  const body: BodyBlock[] = [
    {
      kind: "table",
      fontSize: 11,
      columns: [
        { header: "STT", width: 4, align: "center" },
        { header: "Chi bộ", width: 20 },
        { header: "Số đảng viên", width: 7, align: "center" },
        { header: "Đã xếp loại", width: 7, align: "center" },
        ...RATINGS.map((r) => ({ header: RATING_SHORT_LABELS[r], width: 10, align: "center" as const })),
        { header: "Chi bộ tự xếp loại", width: 11 },
        { header: "Tình trạng", width: 11 },
      ],
      rows,
    },
    {
      kind: "paragraph",
      runs: [
        `Toàn ${partyOrganisationName(unit.name)}: ${details.length} chi bộ, ${totals.members} đảng viên; đã xếp loại ${totals.rated} đảng viên. Trong đó: `,
        ...RATINGS.map((r, i) => `${RATING_LABELS[r]}: ${totals[r]} (${percentText(totals[r], totals.rated)}%)${i < RATINGS.length - 1 ? "; " : "."}`),
      ],
    },
  ];
  const pending = details.filter(({ c }) => c.evaluation?.status !== "commune_approved").map(({ c }) => names.get(c.row.unit_id)?.name ?? c.row.unit_name);
  if (pending.length > 0) body.push({ kind: "paragraph", runs: [{ text: "Chưa được duyệt: ", italic: true }, `${pending.join(", ")}.`] });

  return {
    model: {
      format: unit.format,
      orientation: "landscape",
      header: unitHeader(unit, "", date),
      ...(date ? {} : { draft: true }),
      typeName: "BẢNG TỔNG HỢP",
      subjectLines: ["Kết quả đánh giá, xếp loại đảng viên của các chi bộ", `trong thực hiện ${topic}`],
      body,
      signature: unitSignature(unit, await signerOf(db, unitId, namedOn)),
      // To the committee above that receives the results ("Ban Thường vụ Huyện ủy Cần Giờ").
      recipients: { lines: recipientLines([unit.parentName ? proposalAddressee({ kind: unit.parentKind ?? "", name: unit.parentName, shortName: unit.parentShortName }) : null], unit.kind) },
    },
    fileTitle: `Bảng tổng hợp đánh giá, xếp loại các chi bộ - ${upperFirst(unit.name)} - ${campaign.year}`,
  };
}
