/**
 * Bảng đăng ký of a cell: every submitted or approved registration, one row per practical action
 * or model, in the columns offices print (DOCUMENTS.md): STT, full name, position/unit, action or
 * model, criterion/field, content and how, place, time, target, evidence, note, signature. Party
 * format, landscape. Same authorization as the sheet page (`getSheet`).
 */
import { MODEL_FIELDS, type ModelField } from "@domain/criteria.js";
import { formatViDate, todayInVietnam } from "@domain/dates.js";
import { FIGURES_RULE, registrationFigures } from "@domain/registration-figures.js";
import type { Db } from "../../db/client.js";
import type { BodyBlock, CellSpan, TableCellContent, TableColumn } from "../../documents/document-model.js";
import type { Actor } from "../../http/actor.js";
import { notFound } from "../../http/errors.js";
import * as rq from "../registrations/registrations.queries.js";
import { getSheet } from "../registrations/registrations.service.js";
import {
  campaignNamingDate,
  clampDate,
  loadDocumentUnit,
  lowerFirst,
  unitHeader,
  positionText,
  recipientLines,
  signerOf,
  unitSignature,
  vnDate,
  type BuiltDocument,
} from "./document-parts.js";
import * as dq from "./documents.queries.js";
import { findMassMobilizationOffice } from "../plans/plans.queries.js";

/** The columns of the sheet, in print order; widths are shares of the landscape text width. */
export const REGISTRATION_SHEET_COLUMNS: readonly TableColumn[] = [
  { header: "STT", width: 5, align: "center" },
  { header: "Họ và tên", width: 8.5 },
  { header: "Chức vụ/đơn vị", width: 8.5 },
  { header: "Việc làm thiết thực/mô hình", width: 15 },
  { header: "Tiêu chí/lĩnh vực", width: 11 },
  { header: "Nội dung và cách thực hiện", width: 15 },
  { header: "Địa điểm", width: 8 },
  { header: "Thời gian", width: 10, align: "center" },
  { header: "Chỉ tiêu", width: 10 },
  { header: "Minh chứng", width: 6 },
  { header: "Ghi chú", width: 5 },
  { header: "Ký tên", width: 5 },
];

/** What a kind of evidence file is called on paper, from its type ("image/png" → "hình ảnh"). */
function evidenceKind(mimeType: string, fileName: string): string {
  const type = mimeType.toLowerCase();
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
  if (type.startsWith("image/")) return "hình ảnh";
  if (type.startsWith("video/")) return "video";
  if (type.startsWith("audio/")) return "ghi âm";
  if (/spreadsheet|excel|csv/.test(type) || ["xls", "xlsx", "ods", "csv"].includes(ext)) return "bảng số liệu";
  if (/pdf|word|document|text|rtf/.test(type) || ["pdf", "doc", "docx", "odt", "rtf", "txt"].includes(ext)) return "văn bản";
  return "tài liệu";
}

/**
 * The evidence column as a clerk writes it: what kinds of proof there are and how many
 * ("2 hình ảnh, 1 văn bản"), never the names the files were uploaded under.
 */
export function evidenceText(files: readonly { file_name: string; mime_type: string }[]): string {
  const counts = new Map<string, number>();
  for (const f of files) {
    const kind = evidenceKind(f.mime_type, f.file_name);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts].map(([kind, n]) => `${n} ${kind}`).join(", ");
}

function period(start: string | null, end: string | null): string {
  if (start && end) return `${formatViDate(start)} –\n${formatViDate(end)}`;
  if (end) return `đến ${formatViDate(end)}`;
  if (start) return `từ ${formatViDate(start)}`;
  return "";
}

export async function buildRegistrationSheetDocument(opts: { db: Db; actor: Actor; campaignId: string; unitId: string }): Promise<BuiltDocument> {
  const { db, campaignId, unitId } = opts;
  const sheet = await getSheet(opts); // 404 outside the subtree, 403 for a member without oversight
  const campaign = await rq.getCampaign(db, campaignId);
  if (!campaign) throw notFound("Không tìm thấy phong trào thi đua");

  const registrations = (await rq.listRegistrations(db, campaignId, [unitId])).filter((r) => r.status === "approved" || r.status === "submitted");
  const ids = registrations.map((r) => r.id);
  const [commitments, models, members] = await Promise.all([
    ids.length ? rq.listCommitments(db, ids) : Promise.resolve([]),
    ids.length ? rq.listModels(db, ids) : Promise.resolve([]),
    rq.listMembers(db, unitId, campaign.period_start, campaign.period_end),
  ]);
  const evidence = new Map<string, { file_name: string; mime_type: string }[]>();
  for (const e of await dq.listEvidenceFiles(db, commitments.map((c) => c.id))) evidence.set(e.commitment_id, [...(evidence.get(e.commitment_id) ?? []), e]);

  // The sheet stands once every entry sent in is approved: it is dated when the last one was. While
  // one still awaits approval (or none is approved) it is an undated DỰ THẢO.
  const draft = registrations.some((r) => r.status === "submitted") || !registrations.some((r) => r.status === "approved");
  const stamps = registrations.map((r) => vnDate(r.status === "approved" ? (r.reviewed_at ?? r.submitted_at) : r.submitted_at)).filter((d): d is string => d !== null);
  const latest = stamps.sort().at(-1) ?? null;
  const date = latest ? clampDate(latest, campaign.period_start, todayInVietnam()) : campaignNamingDate(campaign);
  const unit = await loadDocumentUnit(db, unitId, date);

  const byId = new Map(registrations.map((r) => [r.id, r]));
  const memberOf = new Map(members.map((m) => [m.person_id, m]));
  // The page's order: members by Vietnamese name, people who left, then collectives.
  const ordered = sheet.items.map((i) => (i.registrationId ? byId.get(i.registrationId) : undefined)).filter((r): r is rq.RegistrationRow => r !== undefined);

  const rows: TableCellContent[][] = [];
  const rowSpans: CellSpan[] = [];
  let stt = 0;
  for (const r of ordered) {
    const own = commitments.filter((c) => c.registration_id === r.id);
    const ownModels = models.filter((m) => m.registration_id === r.id);
    if (own.length + ownModels.length === 0) continue;
    stt += 1;
    const member = r.person_id ? memberOf.get(r.person_id) : undefined;
    const who = r.person_id ? (r.person_name ?? member?.full_name ?? "") : (r.collective_name ?? "");
    // A collective is named in the name column already: its position is "Tập thể", not its name again.
    const position = r.person_id ? positionText(member?.role ?? null, member?.title ?? null, unit.kind) : "Tập thể";
    const lines: TableCellContent[][] = [
      ...own.map((c) => [
        c.action,
        `${c.criterion_code}. ${c.criterion_title}`,
        `${c.item_code}. ${c.item_title}`,
        c.place ?? "",
        period(c.start_date, c.deadline),
        c.target ?? "",
        evidenceText(evidence.get(c.id) ?? []),
      ]),
      ...ownModels.map((m) => [
        [{ text: "Mô hình “Dân vận khéo”: ", italic: true }, m.name],
        `Lĩnh vực ${lowerFirst(MODEL_FIELDS[m.field as ModelField] ?? m.field)}`,
        [m.content ?? "", m.participants ? `\nThành phần tham gia: ${m.participants}` : ""].join("").trim(),
        m.address ?? "",
        "",
        m.expected_result ?? "",
        "",
      ]),
    ];
    // The note column is left to the clerk: the app's own states ("Chờ duyệt", "Nộp trễ hạn") are
    // not printed in a signed sheet. STT, name, position, note and signature span the lines of one registration.
    for (const column of [0, 1, 2, 10, 11]) rowSpans.push({ row: rows.length, column, rowSpan: lines.length });
    lines.forEach((line, index) => {
      const first = index === 0;
      rows.push([first ? String(stt) : "", first ? [{ text: who, bold: true }] : "", first ? position : "", ...line, "", ""]);
    });
  }

  const body: BodyBlock[] = [
    { kind: "table", columns: REGISTRATION_SHEET_COLUMNS, rows, fontSize: 11, rowSpans },
  ];
  // The totals count by the one rule the result report counts by (src/domain/registration-figures.ts):
  // approved sheets only; a sheet awaiting approval is listed above, named here, and not counted.
  const memberIds = new Set(members.map((m) => m.person_id));
  const figures = registrationFigures(
    ordered.map((r) => ({
      status: r.status,
      personId: r.person_id,
      name: r.person_id ? (r.person_name ?? memberOf.get(r.person_id)?.full_name ?? "") : (r.collective_name ?? ""),
      commitments: commitments.filter((c) => c.registration_id === r.id).length,
      models: models.filter((m) => m.registration_id === r.id).length,
    })),
    memberIds,
  );
  body.push({
    kind: "paragraph",
    runs: [`Tổng số: ${figures.members}/${members.length} đảng viên đăng ký; ${figures.commitments} việc làm thiết thực, ${figures.models} mô hình “Dân vận khéo”. ${FIGURES_RULE}`],
  });
  if (figures.awaiting.length > 0) {
    const named = figures.awaiting.map((r) => `${r.name} (${r.commitments} việc làm thiết thực${r.models ? `, ${r.models} mô hình` : ""})`);
    body.push({ kind: "paragraph", runs: [`Chưa tính vào số liệu, bản đăng ký chưa được duyệt: ${named.join(", ")}.`] });
  }
  const missing = sheet.items.filter((i) => i.personId && memberIds.has(i.personId) && i.status !== "approved" && i.status !== "submitted");
  if (missing.length > 0) {
    body.push({ kind: "paragraph", runs: [`Chưa đăng ký (hoặc bảng đăng ký chưa gửi): ${missing.map((m) => m.displayName).join(", ")}.`] });
  }

  const office = unit.parentId ? await findMassMobilizationOffice(db, unit.parentId, date) : null;
  const subject = lowerFirst(campaign.name);
  return {
    model: {
      format: unit.format,
      orientation: "landscape",
      header: unitHeader(unit, "", draft ? null : date),
      ...(draft ? { draft: true } : {}),
      typeName: "BẢNG ĐĂNG KÝ",
      subjectLines: ["Việc làm thiết thực, mô hình “Dân vận khéo” của cán bộ, đảng viên", `thực hiện ${subject}`],
      body,
      signature: unitSignature(unit, await signerOf(db, unitId, date)),
      recipients: { lines: recipientLines([unit.parentName, office ? (office.short_name ?? office.name) : null], unit.kind) },
    },
    fileTitle: `Bảng đăng ký - ${unit.name} - ${campaign.year}`,
  };
}
