/**
 * Quyết định khen thưởng of the deciding committee (the commune's Ban Thường vụ for its cells) with
 * its attached list of the commended, and the Giấy khen of one commended person, collective or
 * model. The commended are the proposals of the units directly under the deciding unit that it
 * approved (the commendations feature, `listCommended`: same authorization as the commendations
 * page). Number and decision date are the clerk's (the app records no decision number): the number
 * is left blank, the date is that of the last approval; an undated DỰ THẢO while nothing is approved.
 */
import { SUBJECT_KIND_LABELS } from "@contracts/commendations.js";
import { todayInVietnam } from "@domain/dates.js";
import { proposalAddressee, signatureForIssuer } from "@domain/document-systems.js";
import { MODEL_FIELDS, type ModelField } from "@domain/criteria.js";
import type { Db } from "../../db/client.js";
import type { BodyBlock, InlineText, TableCellContent } from "../../documents/document-model.js";
import { formatDocumentDate } from "../../documents/document-model.js";
import type { Actor } from "../../http/actor.js";
import { AppError, notFound } from "../../http/errors.js";
import { listCommended } from "../commendations/commendations.service.js";
import type { ProposalRow } from "../commendations/commendations.queries.js";
import * as cq from "../commendations/commendations.queries.js";
import * as rq from "../registrations/registrations.queries.js";
import * as reads from "../supervision/campaign-reads.queries.js";
import {
  citePlan,
  clampDate,
  commendedParts,
  loadDocumentUnit,
  lowerFirst,
  numberLine,
  positionText,
  recipientLines,
  signerOf,
  unitHeader,
  unitSignature,
  upperFirst,
  vnDate,
  type BuiltDocument,
  type DocumentUnit,
} from "./document-parts.js";

/** "Ban Thường vụ Đảng ủy xã Thạnh An" for a Party committee, else the unit itself. */
function decidingBody(unit: DocumentUnit): string {
  return /committee/.test(unit.kind) ? `Ban Thường vụ ${unit.name}` : upperFirst(unit.name);
}

/** The signature of the deciding body: `T/M BAN THƯỜNG VỤ` / `BÍ THƯ` for a committee. */
async function decisionSignature(db: Db, unit: DocumentUnit, date: string) {
  const own = unitSignature(unit, await signerOf(db, unit.id, date));
  return { ...own, titleLines: signatureForIssuer(own.titleLines, decidingBody(unit)) };
}

/** A model is named "Mô hình “…”" unless its registered name already says so. */
function modelName(name: string): string {
  return /^mô hình\b/iu.test(name.trim()) ? name.trim() : `Mô hình “${name.trim()}”`;
}

function subjectName(p: ProposalRow): string {
  return p.person_name ?? p.collective_name ?? (p.model_name ? modelName(p.model_name) : "");
}

/** The approved proposals the unit decided (those of the units directly under it), with the date of the last approval. */
async function loadDecided(opts: { db: Db; actor: Actor; campaignId: string; unitId: string }) {
  const { db } = opts;
  const { campaign, rows } = await listCommended(opts); // 404 outside the actor's reach
  const today = todayInVietnam();
  const parents = new Map<string, string | null>();
  for (const id of new Set(rows.map((r) => r.row.unit_id))) parents.set(id, (await reads.getUnitInfo(db, id, today))?.parent_id ?? null);
  const decided = rows.map((r) => r.row).filter((r) => parents.get(r.unit_id) === opts.unitId);
  const order = { person: 0, collective: 1, model: 2 } as const;
  decided.sort((a, b) => order[a.subject_kind] - order[b.subject_kind] || a.unit_name.localeCompare(b.unit_name, "vi") || subjectName(a).localeCompare(subjectName(b), "vi"));
  const latest = decided.map((p) => vnDate(p.decided_at ?? p.created_at)!).sort().at(-1);
  const date = latest ? clampDate(latest, campaign.period_start, today) : null;
  return { campaign, decided, date };
}

export async function buildCommendationDecisionDocument(opts: { db: Db; actor: Actor; campaignId: string; unitId: string }): Promise<BuiltDocument> {
  const { db } = opts;
  const { campaign, decided, date } = await loadDecided(opts);
  const namedOn = date ?? clampDate(todayInVietnam(), campaign.period_start, campaign.period_end);
  const unit = await loadDocumentUnit(db, opts.unitId, namedOn);
  const body = decidingBody(unit);
  const topic = lowerFirst(campaign.name);
  const parts = commendedParts(decided);
  const proposers = [...new Set(decided.map((p) => upperFirst(p.unit_name)))];
  const cited = await citePlan(db, campaign.id, campaign.unit_id);
  const number = numberLine(unit, null, "QĐ");

  const text: BodyBlock[] = [
    { kind: "paragraph", align: "center", indent: false, runs: [{ text: body.toLocaleUpperCase("vi"), bold: true }] },
    { kind: "bullet", runs: [`Căn cứ Quy chế làm việc của ${unit.name};`] },
    ...(cited ? [{ kind: "bullet" as const, runs: [`Căn cứ ${cited};`] }] : []),
    { kind: "bullet", runs: [`Xét đề nghị của ${proposers.length ? proposers.join(", ") : "các chi bộ, đơn vị"},`] },
    { kind: "paragraph", align: "center", indent: false, runs: [{ text: "QUYẾT ĐỊNH:", bold: true }] },
    {
      kind: "paragraph",
      runs: [{ text: "Điều 1. ", bold: true }, `Tặng Giấy khen cho ${parts.length ? parts.join(", ") : "…"} (có danh sách kèm theo) đã có thành tích tiêu biểu trong thực hiện ${topic}.`],
    },
    { kind: "paragraph", runs: [{ text: "Điều 2. ", bold: true }, "Quyết định có hiệu lực kể từ ngày ký."] },
    {
      kind: "paragraph",
      runs: [
        { text: "Điều 3. ", bold: true },
        `Văn phòng ${unit.selfName}, ${proposers.length ? `${proposers.join(", ")} và ` : ""}các cá nhân, tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`,
      ],
    },
  ];

  const rows: TableCellContent[][] = decided.map((p, i) => {
    const field = p.model_field ? `\nLĩnh vực ${lowerFirst(MODEL_FIELDS[p.model_field as ModelField] ?? p.model_field)}` : "";
    return [String(i + 1), [{ text: subjectName(p), bold: true }], `${SUBJECT_KIND_LABELS[p.subject_kind]}${field}`, upperFirst(p.unit_name), p.achievements];
  });
  const decisionRef = `(Kèm theo Quyết định ${number.replace(/^Số:?/, "số")}, ${date ? formatDocumentDate(date) : "ngày     tháng     năm"} của ${body})`;
  const annex: BodyBlock[] = [
    { kind: "paragraph", align: "center", indent: false, runs: [{ text: "DANH SÁCH", bold: true }] },
    { kind: "paragraph", align: "center", indent: false, runs: [{ text: `Cá nhân, tập thể, mô hình được tặng Giấy khen trong thực hiện ${topic}`, bold: true }] },
    { kind: "paragraph", align: "center", indent: false, runs: [{ text: decisionRef, italic: true }] },
    {
      kind: "table",
      fontSize: 11,
      columns: [
        { header: "STT", width: 7, align: "center" },
        { header: "Cá nhân, tập thể, mô hình", width: 20 },
        { header: "Đối tượng", width: 12 },
        { header: "Đơn vị", width: 18 },
        { header: "Thành tích", width: 44 },
      ],
      rows: rows.length ? rows : [["", "(Chưa có đề xuất được duyệt.)", "", "", ""]],
    },
  ];
  const superior = unit.parentName ? `${proposalAddressee({ kind: unit.parentKind ?? "", name: unit.parentName, shortName: unit.parentShortName })} (b/c)` : null;

  return {
    model: {
      format: unit.format,
      header: unitHeader(unit, number, date),
      ...(date ? {} : { draft: true }),
      typeName: "QUYẾT ĐỊNH",
      subjectLines: ["Về việc tặng Giấy khen", `trong thực hiện ${topic}`],
      body: text,
      signature: await decisionSignature(db, unit, namedOn),
      recipients: { lines: recipientLines([superior, "Như Điều 3"], unit.kind) },
      annex,
    },
    fileTitle: `Quyết định khen thưởng - ${upperFirst(unit.name)} - ${campaign.year}`,
  };
}

/** Giấy khen of one approved proposal, issued by the unit that approved it. */
export async function buildCertificateDocument(opts: { db: Db; actor: Actor; id: string }): Promise<BuiltDocument> {
  const { db } = opts;
  const today = todayInVietnam();
  const proposal = await cq.getProposal(db, opts.id, today);
  if (!proposal) throw notFound("Không tìm thấy đề xuất tuyên dương");
  const unitInfo = await reads.getUnitInfo(db, proposal.unit_id, today);
  if (!unitInfo?.parent_id) throw notFound("Không tìm thấy đề xuất tuyên dương");
  // Read as the proposing unit's commendations page reads it (its secretary, the levels above).
  const { campaign, rows } = await listCommended({ ...opts, campaignId: proposal.campaign_id, unitId: proposal.unit_id });
  const p = rows.map((r) => r.row).find((x) => x.id === proposal.id);
  if (!p) {
    if (proposal.status !== "approved") throw new AppError("INVALID_STATE", "Đề xuất chưa được duyệt nên chưa có Giấy khen");
    throw notFound("Không tìm thấy đề xuất tuyên dương");
  }
  const date = clampDate(vnDate(p.decided_at ?? p.created_at)!, campaign.period_start, today);
  const issuer = await loadDocumentUnit(db, unitInfo.parent_id, date);
  const topic = lowerFirst(campaign.name);
  let who: string;
  let detail: string;
  if (p.subject_kind === "person") {
    const member = (await rq.listMembers(db, p.unit_id, campaign.period_start, campaign.period_end)).find((m) => m.person_id === p.person_id);
    const position = positionText(member?.role ?? null, member?.title ?? null, unitInfo.kind);
    who = `${unitInfo.kind === "party_cell" ? "Đồng chí" : "Ông/Bà"}: ${p.person_name ?? ""}`;
    detail = `${position ? `${position}, ` : ""}${upperFirst(p.unit_name)}`;
  } else if (p.subject_kind === "collective") {
    who = `Tập thể: ${p.collective_name ?? ""}`;
    detail = upperFirst(p.unit_name);
  } else {
    who = modelName(p.model_name ?? "");
    detail = `Mô hình “Dân vận khéo” của ${p.unit_name}`;
  }
  const number = numberLine(issuer, null, "QĐ");
  const center = (runs: readonly InlineText[]): BodyBlock => ({ kind: "paragraph", align: "center", indent: false, runs });

  return {
    model: {
      format: issuer.format,
      orientation: "landscape",
      header: unitHeader(issuer, "", date),
      typeName: "GIẤY KHEN",
      subjectLines: [],
      body: [
        center([{ text: decidingBody(issuer).toLocaleUpperCase("vi"), bold: true }]),
        center([{ text: "TẶNG", bold: true }]),
        { kind: "spacer" },
        center([{ text: who, bold: true }]),
        center([detail]),
        { kind: "spacer" },
        center([`Đã có thành tích tiêu biểu trong thực hiện ${topic}.`]),
        { kind: "spacer" },
        { kind: "paragraph", indent: false, align: "left", runs: [{ text: `Quyết định ${number.replace(/^Số:?/, "số")}, ${formatDocumentDate(date)}`, italic: true }] },
      ],
      signature: await decisionSignature(db, issuer, date),
    },
    fileTitle: `Giấy khen - ${subjectName(p)} - ${campaign.year}`,
  };
}
