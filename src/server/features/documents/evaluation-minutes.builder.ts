/**
 * Biên bản of the cell meeting that evaluates and rates its members in the campaign: time and place
 * (the date the cell signed off; hour and place are left for the clerk), attendance (the members on
 * the list; present and absent are filled in at the meeting), chair (the secretary) and secretary
 * of the meeting, the content (the results of the commitments, the self-assessments, the ratings
 * agreed per member with the vote, the quota check), the closing and both signatures. Everything
 * computed by the evaluations feature (`getSheet`, same authorization as the evaluation page).
 * Undated DỰ THẢO until the cell signs off.
 */
import { RATING_LABELS, RATING_SHORT_LABELS, RATINGS } from "@domain/ratings.js";
import type { Db } from "../../db/client.js";
import type { BodyBlock, TableCellContent } from "../../documents/document-model.js";
import { formatDocumentDate } from "../../documents/document-model.js";
import type { Actor } from "../../http/actor.js";
import { getSheet } from "../evaluations/evaluations.service.js";
import * as rq from "../registrations/registrations.queries.js";
import { campaignNamingDate, fieldLine, loadDocumentUnit, lowerFirst, percentText, positionText, signerOf, unitHeader, vnDate, type BuiltDocument } from "./document-parts.js";

const BLANK = "……";

export async function buildEvaluationMinutesDocument(opts: { db: Db; actor: Actor; id: string }): Promise<BuiltDocument> {
  const { db } = opts;
  const { evaluation, campaign, sheets, quota } = await getSheet(opts);
  const date = vnDate(evaluation.cell_approved_at);
  const namedOn = date ?? campaignNamingDate(campaign);
  const [unit, members, chair] = await Promise.all([
    loadDocumentUnit(db, evaluation.unit_id, namedOn),
    rq.listMembers(db, evaluation.unit_id, campaign.period_start, campaign.period_end),
    signerOf(db, evaluation.unit_id, namedOn),
  ]);
  const titles = new Map(members.map((m) => [m.person_id, m]));
  const topic = lowerFirst(campaign.name);
  const total = sheets.length;
  const registered = sheets.reduce((n, m) => n + m.commitments.length, 0);
  const achieved = sheets.reduce((n, m) => n + m.commitments.filter((c) => c.achieved).length, 0);
  const selfCount = sheets.filter((m) => m.self).length;

  const rows: TableCellContent[][] = sheets.map((m, i) => {
    const t = titles.get(m.person.person_id);
    const rating = m.item?.rating ?? null;
    return [
      String(i + 1),
      [{ text: m.person.full_name, bold: true }],
      positionText(t?.role ?? m.person.role, t?.title ?? null, unit.kind),
      `${m.commitments.filter((c) => c.achieved).length}/${m.commitments.length}`,
      m.self?.proposed_rating ? RATING_SHORT_LABELS[m.self.proposed_rating] : "",
      rating ? [{ text: RATING_SHORT_LABELS[rating], bold: true }] : "",
      `${BLANK}/${total}`,
    ];
  });
  const counts = RATINGS.map((r) => ({ r, n: sheets.filter((m) => m.item?.rating === r).length }));
  const unrated = sheets.filter((m) => !m.item?.rating).length;

  const body: BodyBlock[] = [
    {
      kind: "paragraph",
      runs: [`Vào lúc ${BLANK} giờ ${BLANK} phút, ${date ? formatDocumentDate(date) : `ngày ${BLANK} tháng ${BLANK} năm ${campaign.year}`}, tại ${BLANK}, ${unit.selfName} họp đánh giá, xếp loại đảng viên trong thực hiện ${topic}.`],
    },
    { kind: "heading", level: 1, text: "I. Thành phần" },
    { kind: "paragraph", runs: [`Tổng số đảng viên của chi bộ: ${total} đồng chí. Có mặt: ${BLANK} đồng chí; vắng mặt: ${BLANK} đồng chí (lý do: ${BLANK}).`] },
    fieldLine("Chủ trì", chair ? `Đồng chí ${chair}, Bí thư Chi bộ` : null),
    fieldLine("Thư ký", null),
    { kind: "heading", level: 1, text: "II. Nội dung" },
    {
      kind: "paragraph",
      runs: [
        `1. Đồng chí chủ trì thông qua kết quả thực hiện việc làm thiết thực của chi bộ: ${registered} việc làm đăng ký, ${achieved} việc làm đạt (${percentText(achieved, registered)}%).`,
      ],
    },
    { kind: "paragraph", runs: [`2. ${selfCount}/${total} đảng viên trình bày bản tự kiểm điểm, tự nhận mức xếp loại; chi bộ thảo luận, góp ý từng đồng chí.`] },
    { kind: "paragraph", runs: ["3. Chi bộ biểu quyết xếp loại từng đảng viên như sau:"] },
    {
      kind: "table",
      fontSize: 11,
      columns: [
        { header: "STT", width: 7, align: "center" },
        { header: "Họ và tên", width: 18 },
        { header: "Chức vụ", width: 22 },
        { header: "Việc làm đạt", width: 10, align: "center" },
        { header: "Tự xếp loại", width: 14 },
        { header: "Chi bộ xếp loại", width: 15 },
        { header: "Số tán thành", width: 10, align: "center" },
      ],
      rows,
    },
    {
      kind: "paragraph",
      runs: [
        "Kết quả: ",
        ...counts.map(({ r, n }, i) => `${RATING_LABELS[r].toLocaleLowerCase("vi")}: ${n} đồng chí (${percentText(n, total)}%)${i < counts.length - 1 ? "; " : unrated > 0 ? "" : "."}`),
        unrated > 0 ? `; chưa xếp loại: ${unrated} đồng chí.` : "",
      ],
    },
    {
      kind: "paragraph",
      runs: [
        `Số đảng viên ${RATING_LABELS.excellent.toLocaleLowerCase("vi")}: ${quota.excellentCount}, tối đa ${quota.excellentLimit} (${quota.percent}% của số ${RATING_LABELS.good.toLocaleLowerCase("vi")}).`,
      ],
    },
    { kind: "heading", level: 1, text: "III. Kết thúc" },
    {
      kind: "paragraph",
      runs: [`Biên bản được thông qua trước chi bộ, ${BLANK}/${BLANK} đồng chí dự họp nhất trí. Cuộc họp kết thúc lúc ${BLANK} giờ ${BLANK} phút cùng ngày./.`],
    },
  ];

  return {
    model: {
      format: unit.format,
      header: unitHeader(unit, "", date),
      ...(date ? {} : { draft: true }),
      typeName: "BIÊN BẢN",
      subjectLines: ["Họp chi bộ đánh giá, xếp loại đảng viên", `trong thực hiện ${topic}`],
      body,
      signature: { titleLines: ["CHỦ TRÌ"], signerName: chair ?? "" },
      leftSignature: { titleLines: ["THƯ KÝ"], signerName: "" },
    },
    fileTitle: `Biên bản họp đánh giá, xếp loại - ${unit.name} - ${campaign.year}`,
  };
}
