/**
 * Báo cáo giám sát: the deputy secretary's periodic report to the secretary — the period, the
 * findings per member and criterion (a table), the violations, the proposals. Findings are the
 * ones the supervision feature shows (frozen at submission, live in a draft); same authorization
 * as the report page (`getReport`).
 */
import type { z } from "zod";
import type { ReportFinding } from "@contracts/supervision.js";
import { formatViDate } from "@domain/dates.js";
import type { Db } from "../../db/client.js";
import type { BodyBlock, CellSpan, InlineText, TableCellContent } from "../../documents/document-model.js";
import { formatDocumentDate } from "../../documents/document-model.js";
import type { Actor } from "../../http/actor.js";
import { getReport } from "../supervision/supervision.service.js";
import { campaignNamingDate, citePlan, loadDocumentUnit, numberLine, unitHeader, recipientLines, textBlocks, upperFirst, vnDate, type BuiltDocument } from "./document-parts.js";
import * as dq from "./documents.queries.js";

type Finding = z.infer<typeof ReportFinding>;

const SIGNER_TITLES: Record<string, string[]> = {
  deputy_secretary: ["PHÓ BÍ THƯ"],
  secretary: ["BÍ THƯ"],
  committee_member: ["CHI ỦY VIÊN"],
};

function dated(date: string, text: string, extra: string | null): InlineText[] {
  return [{ text: `${formatViDate(date)}: `, italic: true }, text, ...(extra ? [` (${extra})`] : [])];
}

/** "IV.2 — Chấp hành …" → "việc làm IV.2": the table names the commitment by its item only. */
function itemCode(label: string | null): string | null {
  if (!label) return null;
  const code = /^\s*([IVXLC]+\.\d+)/.exec(label)?.[1];
  return code ? `việc làm ${code}` : label;
}

/**
 * "Trong kỳ giám sát đã ghi nhận 4 nhận xét đối với 3 đảng viên; không có trường hợp vi phạm." —
 * a count of none is written in words, as a clerk would, never "0 trường hợp vi phạm".
 */
export function findingsSummary(notes: number, violations: number, members: number): string {
  if (notes === 0 && violations === 0) return "Trong kỳ giám sát không có nhận xét và không có trường hợp vi phạm.";
  if (violations === 0) return `Trong kỳ giám sát đã ghi nhận ${notes} nhận xét đối với ${members} đảng viên; không có trường hợp vi phạm.`;
  if (notes === 0) return `Trong kỳ giám sát đã ghi nhận ${violations} trường hợp vi phạm của ${members} đảng viên; không có nhận xét khác.`;
  return `Trong kỳ giám sát đã ghi nhận ${notes} nhận xét và ${violations} trường hợp vi phạm của ${members} đảng viên.`;
}

function cellLines(parts: InlineText[][]): TableCellContent {
  return parts.flatMap((p, i) => (i === 0 ? p : ["\n", ...p]));
}

export async function buildSupervisionReportDocument(opts: { db: Db; actor: Actor; id: string }): Promise<BuiltDocument> {
  const { db } = opts;
  const { report, campaign, findings } = await getReport(opts);
  const date = vnDate(report.submitted_at);
  const unit = await loadDocumentUnit(db, report.unit_id, date ?? campaignNamingDate(campaign));

  // Who signs: the account that submitted it (else wrote it), with the role held in the unit.
  const author =
    (await dq.findAccountPerson(db, { username: report.submitted_by_username })) ??
    (await dq.findAccountPerson(db, { id: report.created_by })) ??
    (await dq.findPositionHolder(db, report.unit_id, ["deputy_secretary", "secretary"], date ?? report.period_end));
  const roles = author ? await dq.rolesOf(db, author.person_id, report.unit_id, date ?? report.period_end) : [];
  const role = ["deputy_secretary", "secretary", "committee_member"].find((r) => roles.includes(r));
  const titleLines = role ? SIGNER_TITLES[role]! : ["NGƯỜI BÁO CÁO"];

  const from = formatDocumentDate(report.period_start).replace(/^ngày /, "");
  const to = formatDocumentDate(report.period_end).replace(/^ngày /, "");
  const cited = await citePlan(db, campaign.id, report.unit_id);
  const noteCount = findings.reduce((n, f) => n + f.notes.length, 0);
  const violations = findings.flatMap((f: Finding) => f.violations.map((v) => ({ f, v })));

  const body: BodyBlock[] = [
    {
      kind: "paragraph",
      runs: [
        `${cited ? `Thực hiện ${cited}, ` : ""}${role === "deputy_secretary" ? "Phó Bí thư" : "Người được phân công giám sát"} ${unit.selfName} báo cáo kết quả giám sát việc thực hiện việc làm thiết thực, mô hình “Dân vận khéo” đã đăng ký của cán bộ, đảng viên từ ngày ${from} đến ngày ${to} như sau:`,
      ],
    },
    { kind: "heading", level: 1, text: "I. Tình hình chung" },
    ...(report.summary ? textBlocks(report.summary) : []),
    {
      kind: "paragraph",
      runs: [findingsSummary(noteCount, violations.length, new Set(findings.filter((f) => f.personId).map((f) => f.personId)).size)],
    },
    { kind: "heading", level: 1, text: "II. Kết quả giám sát đối với từng đảng viên" },
  ];
  if (findings.length === 0) {
    body.push({ kind: "paragraph", runs: ["Trong kỳ không có nhận xét, vi phạm nào được ghi nhận."] });
  } else {
    // One number and name per member, spanning the member's criteria.
    let stt = 0;
    let previous: string | null | undefined;
    const rowSpans: CellSpan[] = [];
    const rows: TableCellContent[][] = findings.map((f, index) => {
      const key = f.personId ?? "";
      const first = key !== previous;
      previous = key;
      if (first) {
        stt += 1;
        const span = findings.slice(index).findIndex((g) => (g.personId ?? "") !== key);
        const rowSpan = span < 0 ? findings.length - index : span;
        rowSpans.push({ row: index, column: 0, rowSpan }, { row: index, column: 1, rowSpan });
      }
      return [
        first ? String(stt) : "",
        first ? [{ text: f.personName, bold: true }] : "",
        f.criterionTitle,
        f.notes.length ? cellLines(f.notes.map((n) => dated(n.date, n.text, itemCode(n.commitment)))) : "",
        f.violations.length ? cellLines(f.violations.map((v) => dated(v.date, `${v.kindLabel}: ${v.description}`, itemCode(v.commitment)))) : "",
      ];
    });
    body.push({
      kind: "table",
      columns: [
        { header: "STT", width: 6.5, align: "center" },
        { header: "Đảng viên", width: 13 },
        { header: "Tiêu chí", width: 17 },
        // the wider column for what there is more of
        { header: "Nhận xét", width: violations.length > 0 ? 30 : 40 },
        { header: "Vi phạm", width: violations.length > 0 ? 22 : 12 },
      ],
      rows,
      rowSpans,
    });
  }
  body.push({ kind: "heading", level: 1, text: "III. Vi phạm" });
  if (violations.length === 0) body.push({ kind: "paragraph", runs: ["Trong kỳ không có đảng viên vi phạm."] });
  else {
    for (const { f, v } of violations) {
      body.push({ kind: "bullet", runs: [{ text: `Đồng chí ${f.personName}`, bold: true }, `: ${v.kindLabel.toLocaleLowerCase("vi")} ngày ${formatViDate(v.date)} — ${v.description}${v.commitment ? ` (trái với việc làm đã đăng ký: ${v.commitment})` : ""}.`] });
    }
  }
  body.push({ kind: "heading", level: 1, text: "IV. Đề xuất, kiến nghị" });
  body.push(...textBlocks(report.proposals));

  return {
    model: {
      format: unit.format,
      header: unitHeader(unit, numberLine(unit, null, "BC"), date),
      ...(report.status === "submitted" ? {} : { draft: true }),
      typeName: "BÁO CÁO",
      subjectLines: [
        "Kết quả giám sát việc thực hiện việc làm thiết thực, mô hình “Dân vận khéo”",
        `từ ngày ${formatViDate(report.period_start)} đến ngày ${formatViDate(report.period_end)}`,
      ],
      body,
      signature: { titleLines, signerName: author?.full_name ?? "" },
      recipients: { lines: recipientLines([`Bí thư ${upperFirst(unit.selfName)}`], unit.kind) },
    },
    fileTitle: `Báo cáo giám sát ${formatViDate(report.period_start)}-${formatViDate(report.period_end)} - ${unit.name}`,
  };
}
