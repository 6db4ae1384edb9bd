/**
 * Báo cáo kết quả of a unit: the statistics the reports feature shows (frozen at submission, live
 * before) per criterion, the models, violations and commendations, the narrative (strengths,
 * limitations, causes, next steps), and for a unit with units below it the roll-up tables of its
 * children. Same authorization as the report page (`getUnitReport`).
 */
import { REPORT_SECTION_LABELS, SUBMISSION_STATE_LABELS } from "@contracts/reports.js";
import { formatViDate } from "@domain/dates.js";
import { FIGURES_RULE } from "@domain/registration-figures.js";
import type { Db } from "../../db/client.js";
import type { BodyBlock, TableCellContent } from "../../documents/document-model.js";
import type { Actor } from "../../http/actor.js";
import { getRollup, getUnitReport } from "../reports/reports.service.js";
import {
  citePlan,
  loadDocumentUnit,
  lowerFirst,
  numberLine,
  unitHeader,
  recipientLines,
  signerOf,
  textBlocks,
  unitSignature,
  upperFirst,
  viNumber,
  type BuiltDocument,
} from "./document-parts.js";
import * as dq from "./documents.queries.js";

const bold = (text: string) => [{ text, bold: true }];

export async function buildResultReportDocument(opts: { db: Db; actor: Actor; campaignId: string; unitId: string }): Promise<BuiltDocument> {
  const { db } = opts;
  const view = await getUnitReport(opts);
  const { ctx, report, statistics: s } = view;
  const rollup = view.hasChildren ? await getRollup(opts) : null;
  // Until it is submitted the report is a draft: DỰ THẢO, and the number and date it may already
  // hold are left blank for the clerk.
  const draft = report?.status !== "submitted";
  const date = draft ? null : (report?.report_date ?? null);
  const unit = await loadDocumentUnit(db, ctx.unit.id, date ?? ctx.asOf);
  const self = upperFirst(unit.selfName);

  // The plan the report answers: the launching committee's (a unit reports on the superior's plan).
  const cited = (await citePlan(db, ctx.campaign.id, ctx.campaign.unit_id)) ?? (await citePlan(db, ctx.campaign.id, ctx.unit.id));
  const topic = lowerFirst(ctx.campaign.name);

  const body: BodyBlock[] = [
    {
      kind: "paragraph",
      runs: [cited ? `Thực hiện ${cited}, ${unit.selfName} báo cáo kết quả thực hiện như sau:` : `${self} báo cáo kết quả thực hiện ${topic} như sau:`],
    },
    { kind: "heading", level: 1, text: "I. Kết quả thực hiện" },
    { kind: "heading", level: 2, text: "1. Công tác triển khai, đăng ký" },
    {
      kind: "paragraph",
      runs: [
        `Số đảng viên đăng ký việc làm thiết thực: ${s.members.registered}/${s.members.total} (${viNumber(s.members.total ? (s.members.registered * 100) / s.members.total : 0)}%); ` +
          `tổng số việc làm thiết thực đăng ký: ${s.total.registered}, đạt: ${s.total.achieved} (${viNumber(s.total.percent)}%). ` +
          `Số liệu tính đến ngày ${formatViDate(s.asOf)}. ${FIGURES_RULE}`,
      ],
    },
    { kind: "heading", level: 2, text: "2. Kết quả thực hiện theo từng tiêu chí" },
    {
      kind: "table",
      columns: [
        { header: "STT", width: 7, align: "center" },
        { header: "Tiêu chí", width: 45 },
        { header: "Việc làm đăng ký", width: 12, align: "center" },
        { header: "Đạt", width: 10, align: "center" },
        { header: "Tỷ lệ (%)", width: 10, align: "center" },
      ],
      rows: [
        ...s.criteria.map((c, i) => [String(i + 1), `${c.code}. ${c.title}`, String(c.registered), String(c.achieved), viNumber(c.percent)]),
        ["", bold("Cộng"), bold(String(s.total.registered)), bold(String(s.total.achieved)), bold(viNumber(s.total.percent))],
      ],
    },
    { kind: "heading", level: 2, text: "3. Mô hình “Dân vận khéo”" },
  ];
  if (s.models.count === 0) body.push({ kind: "paragraph", runs: ["Chưa có mô hình “Dân vận khéo” được đăng ký."] });
  else {
    body.push({ kind: "paragraph", runs: [`Có ${s.models.count} mô hình “Dân vận khéo”:`] });
    for (const m of s.models.items) {
      // A collective's model is owned by the unit itself: its name once, not "Chi bộ X, Chi bộ X".
      const where = m.unitName && m.unitName !== unit.name && m.unitName !== m.ownerName ? `, ${m.unitName}` : "";
      body.push({ kind: "bullet", runs: [{ text: m.name, bold: true }, ` (lĩnh vực ${lowerFirst(m.fieldLabel)}) — ${m.ownerName}${where}.`] });
    }
  }
  body.push({ kind: "heading", level: 2, text: "4. Vi phạm" });
  if (s.violations.count === 0) body.push({ kind: "paragraph", runs: ["Không có trường hợp vi phạm."] });
  else {
    body.push({ kind: "paragraph", runs: [`Có ${s.violations.count} trường hợp vi phạm:`] });
    for (const v of s.violations.byKind) body.push({ kind: "bullet", runs: [`${v.label}: ${v.count} trường hợp.`] });
  }
  body.push({ kind: "heading", level: 2, text: "5. Đề xuất tuyên dương, khen thưởng" });
  const c = s.commendations;
  const proposedTotal = c.proposed + c.approved + c.declined;
  const outcome = [c.approved ? `được tuyên dương ${c.approved}` : null, c.proposed ? `đang chờ xét duyệt ${c.proposed}` : null, c.declined ? `không được duyệt ${c.declined}` : null].filter(Boolean);
  body.push({
    kind: "paragraph",
    runs: [proposedTotal === 0 ? "Chưa có đề xuất tuyên dương." : `Đã đề xuất ${proposedTotal} trường hợp${outcome.length ? `: ${outcome.join(", ")}` : ""}.`],
  });
  for (const a of c.approvedItems) {
    // "Mô hình “Tuyến đường hoa…”" already says what it is.
    const label = a.subjectName.toLocaleLowerCase("vi").startsWith(a.subjectKindLabel.toLocaleLowerCase("vi")) ? [] : [`${a.subjectKindLabel}: `];
    const where = a.unitName && a.unitName !== unit.name && a.unitName !== a.subjectName ? ` (${a.unitName}).` : ".";
    body.push({ kind: "bullet", runs: [...label, { text: a.subjectName, bold: true }, where] });
  }

  if (rollup && rollup.rows.length > 0) {
    body.push({ kind: "heading", level: 2, text: "6. Kết quả của các đơn vị trực thuộc" });
    body.push({
      kind: "table",
      fontSize: 11,
      columns: [
        { header: "STT", width: 7, align: "center" },
        { header: "Đơn vị", width: 30 },
        { header: "Đảng viên đăng ký", width: 13, align: "center" },
        { header: "Việc làm đăng ký", width: 12, align: "center" },
        { header: "Đạt", width: 9, align: "center" },
        { header: "Tỷ lệ (%)", width: 10, align: "center" },
        { header: "Báo cáo", width: 16 },
      ],
      rows: [
        ...rollup.rows.map((r, i) => [
          String(i + 1),
          r.unit.name,
          `${r.members.registered}/${r.members.total}`,
          String(r.totals?.total.registered ?? 0),
          String(r.totals?.total.achieved ?? 0),
          viNumber(r.totals?.total.percent ?? 0),
          r.submission ? SUBMISSION_STATE_LABELS[r.submission] : "",
        ]),
        ["", bold("Toàn đơn vị"), bold(`${rollup.members.registered}/${rollup.members.total}`), bold(String(rollup.total.registered)), bold(String(rollup.total.achieved)), bold(viNumber(rollup.total.percent)), ""],
      ],
    });
    body.push({ kind: "paragraph", indent: false, runs: [{ text: "Việc làm đạt/đăng ký theo từng tiêu chí:", italic: true }] });
    const codes = rollup.criteria.map((x) => x.code);
    const cell = (figures: readonly { code: string; registered: number; achieved: number }[], code: string): TableCellContent => {
      const f = figures.find((x) => x.code === code);
      return f && f.registered > 0 ? `${f.achieved}/${f.registered}` : "–";
    };
    body.push({
      kind: "table",
      fontSize: 11,
      columns: [
        { header: "STT", width: 7, align: "center" },
        { header: "Đơn vị", width: 30 },
        ...codes.map((code) => ({ header: `Tiêu chí ${code}`, width: 13, align: "center" as const })),
      ],
      rows: [
        ...rollup.rows.map((r, i) => [String(i + 1), r.unit.name, ...codes.map((code) => cell(r.criteria, code))]),
        ["", bold("Toàn đơn vị"), ...codes.map((code) => bold(String(cell(rollup.criteria, code))))],
      ],
    });
  }

  body.push({ kind: "heading", level: 1, text: "II. Đánh giá chung" });
  body.push({ kind: "heading", level: 2, text: `1. ${REPORT_SECTION_LABELS.strengths}` }, ...textBlocks(report?.strengths));
  body.push({ kind: "heading", level: 2, text: `2. ${REPORT_SECTION_LABELS.limitations}` }, ...textBlocks(report?.limitations));
  body.push({ kind: "heading", level: 2, text: `3. ${REPORT_SECTION_LABELS.causes}` }, ...textBlocks(report?.causes));
  body.push({ kind: "heading", level: 1, text: `III. ${REPORT_SECTION_LABELS.nextSteps}` }, ...textBlocks(report?.next_steps));
  body.push({ kind: "paragraph", runs: [`Trên đây là báo cáo kết quả thực hiện ${topic} của ${unit.selfName}.`] });

  const receiverId = report?.received_by_unit_id ?? view.receiver?.unit_id ?? null;
  const receiverNames = receiverId ? await dq.getUnitNames(db, receiverId, date ?? ctx.asOf) : null;
  const receiver = receiverNames ? (receiverNames.short_name ?? receiverNames.name) : null;
  const signer = await signerOf(db, ctx.unit.id, date ?? ctx.asOf);
  return {
    model: {
      format: unit.format,
      header: unitHeader(unit, numberLine(unit, draft ? null : (report?.symbol ?? null), "BC"), date),
      ...(draft ? { draft: true } : {}),
      typeName: "BÁO CÁO",
      subjectLines: [`Kết quả thực hiện ${topic}`],
      body,
      signature: { ...unitSignature(unit, signer), ...(report?.status === "submitted" ? { note: "(Đã ký)" } : {}) },
      recipients: { lines: recipientLines([unit.parentShortName, receiver], unit.kind) },
    },
    fileTitle: `Báo cáo kết quả ${report?.symbol && !draft ? `số ${report.symbol}` : "(dự thảo)"} - ${unit.name}`,
  };
}
