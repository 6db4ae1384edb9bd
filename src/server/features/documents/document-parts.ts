/**
 * Pieces every campaign document shares: the issuing unit as named on the document's date (with its
 * superior body and the place of the date line), the number and date lines (blank for the clerk
 * when the system has not numbered or dated the document), the signature of the unit's kind, the
 * archive line of `Nơi nhận:`, free text turned into paragraphs and dashes, numbers the Vietnamese way.
 */
import { todayInVietnam } from "@domain/dates.js";
import { documentSystemOf, headerBodiesFor, headerLayoutOf, numberLineFor, signatureTitlesIn, type DocumentSystem } from "@domain/document-systems.js";
import type { Queryable } from "../../db/client.js";
import { notFound } from "../../http/errors.js";
import type { BodyBlock, DocumentFormat, DocumentHeader, OfficialDocument, SignatureBlock } from "../../documents/document-model.js";
import { formatDocumentDate, formatDocumentDateLine } from "../../documents/document-model.js";
import { getUnitAsOf } from "../campaigns/campaigns.queries.js";
import { lowerFirst, placeFromUnitName, signatureTitlesFor } from "../plans/plans.prefill.js";
import * as dq from "./documents.queries.js";

export { lowerFirst };

/** What a builder hands to the routes: the document and the title its file is named after. */
export interface BuiltDocument {
  model: OfficialDocument;
  /** The file name without extension, in Vietnamese: "Kế hoạch số 01-KH/CB - Chi bộ …". */
  fileTitle: string;
}

/** The issuing unit as it was named on the document's date. */
export interface DocumentUnit {
  id: string;
  kind: string;
  /** "Chi bộ Trường Tiểu học Thạnh An". */
  name: string;
  /** "Chi bộ Trường Tiểu học" (headers and running text), else the name. */
  selfName: string;
  symbolCode: string;
  parentId: string | null;
  /** "Đảng ủy xã Thạnh An"; null for a root. */
  parentName: string | null;
  /** The superior as recipients name it ("Huyện ủy Cần Giờ"), else its name. */
  parentShortName: string | null;
  /** The superior's kind; null for a root. */
  parentKind: string | null;
  /** The place of the date line: the commune the unit is in ("Thạnh An"). */
  place: string;
  /** The rulebook of the unit's documents (src/domain/document-systems.ts) and the layout it is drawn with. */
  system: DocumentSystem;
  format: DocumentFormat;
  header: { superiorBody: string | null; issuingBody: string };
}

/** Loads the unit as named on `date` (unit_versions / unit_ancestors of that date); 404 when unknown. */
export async function loadDocumentUnit(db: Queryable, unitId: string, date: string): Promise<DocumentUnit> {
  const unit = await getUnitAsOf(db, unitId, date);
  if (!unit) throw notFound("Không tìm thấy đơn vị");
  const [ancestors, parent] = await Promise.all([
    dq.listAncestorNames(db, unitId, date),
    unit.parent_id ? dq.getUnitNames(db, unit.parent_id, date) : Promise.resolve(null),
  ]);
  let place = placeFromUnitName(unit.name);
  for (const a of ancestors) {
    const p = placeFromUnitName(a.name);
    if (p !== a.name.trim()) {
      place = p;
      break;
    }
  }
  return {
    id: unit.id,
    kind: unit.kind,
    name: unit.name,
    selfName: unit.short_name ?? unit.name,
    symbolCode: unit.symbol_code,
    parentId: unit.parent_id,
    parentName: unit.parent_name,
    parentShortName: parent ? (parent.short_name ?? parent.name) : unit.parent_name,
    parentKind: parent?.kind ?? null,
    place,
    system: documentSystemOf(unit),
    format: headerLayoutOf(documentSystemOf(unit)),
    header: headerBodiesFor({ kind: unit.kind, name: unit.name, shortName: unit.short_name, parentName: unit.parent_name }),
  };
}

/**
 * "Số 09-BC/CB" (Party; "Số: …" in the other systems); without a number, the blank the clerk fills
 * in by hand ("Số     -BC/CB", "Số:     /BC-MTTQ"), as plans do.
 */
export function numberLine(unit: Pick<DocumentUnit, "system" | "symbolCode">, symbol: string | null, typeCode: string): string {
  if (symbol) return unit.system === "party" ? `Số ${symbol}` : `Số: ${symbol}`;
  return numberLineFor(unit.system, { number: null, typeCode, issuerCode: unit.symbolCode });
}

/** "Thạnh An, ngày 26 tháng 11 năm 2020"; undated, the blanks of a draft. */
export function dateLine(place: string, date: string | null): string {
  return date ? formatDocumentDateLine(place, date) : `${place}, ngày     tháng     năm`;
}

/** The header block of a unit, in its own system's format (`unit.format`). */
export function unitHeader(unit: DocumentUnit, number: string, date: string | null): DocumentHeader {
  return {
    ...(unit.header.superiorBody ? { superiorBody: unit.header.superiorBody } : {}),
    issuingBody: unit.header.issuingBody,
    numberLine: number,
    placeAndDate: dateLine(unit.place, date),
  };
}

/** `T/M CHI BỘ` / `BÍ THƯ` (or the committee's, `TM. BAN THƯỜNG TRỰC` of the Front…) over the signer's name. */
export function unitSignature(unit: Pick<DocumentUnit, "kind" | "name" | "system">, signerName: string | null): SignatureBlock {
  return { titleLines: signatureTitlesIn(unit.system, signatureTitlesFor(unit)), signerName: signerName ?? "" };
}

const ARCHIVE: Record<string, string> = {
  party_cell: "- Lưu HSCB.",
  commune_party_committee: "- Lưu VPĐU.",
};

/** The last line of `Nơi nhận:` for a unit of this kind. */
export function archiveLine(kind: string): string {
  return ARCHIVE[kind] ?? "- Lưu VP.";
}

/** `- X;` recipient lines, without blanks or repeats, then the archive line. */
export function recipientLines(names: readonly (string | null | undefined)[], kind: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of names) {
    const t = (n ?? "").replace(/[;.]+$/, "").trim();
    if (t === "" || seen.has(t)) continue;
    seen.add(t);
    out.push(`- ${t};`);
  }
  return [...out, archiveLine(kind)];
}

/** The secretary (else the deputy) of a unit on a date: who signs for it. */
export async function signerOf(db: Queryable, unitId: string, date: string): Promise<string | null> {
  return (await dq.findPositionHolder(db, unitId, ["secretary", "deputy_secretary"], date))?.full_name ?? null;
}

const CELL_ROLES: Record<string, string> = {
  secretary: "Bí thư Chi bộ",
  deputy_secretary: "Phó Bí thư Chi bộ",
  committee_member: "Chi ủy viên",
  member: "Đảng viên",
};

/** "Bí thư Chi bộ, Hiệu trưởng": the Party role, then the job title (unless it already says it). */
export function positionText(role: string | null, title: string | null, unitKind: string): string {
  const t = (title ?? "").trim();
  const r = unitKind === "party_cell" && role ? (CELL_ROLES[role] ?? "") : "";
  if (!r) return t;
  if (!t) return r;
  return t.toLocaleLowerCase("vi").startsWith(r.toLocaleLowerCase("vi")) ? t : `${r}, ${t}`;
}

const DOTS = "…".repeat(32);

/**
 * Free text as typed documents write it: one paragraph per line, lines starting with a dash (or
 * + • *) as `- ` lines. Empty text leaves a dotted line to write on.
 */
export function textBlocks(text: string | null | undefined): BodyBlock[] {
  const lines = (text ?? "")
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter((l) => l !== "");
  if (lines.length === 0) return [{ kind: "paragraph", indent: false, runs: [DOTS] }];
  return lines.map((l) => {
    const m = /^[-+•*–]\s*(.+)$/.exec(l);
    return m ? { kind: "bullet", runs: [m[1]!] } : { kind: "paragraph", runs: [l] };
  });
}

/** 83.3 → "83,3" (Vietnamese decimal comma), whole numbers without decimals. */
export function viNumber(n: number, digits = 1): string {
  const factor = 10 ** digits;
  const rounded = Math.round(n * factor) / factor;
  return String(rounded).replace(".", ",");
}

/** Share as a percentage of a whole, "0" when the whole is empty. */
export function percentText(part: number, whole: number): string {
  return whole > 0 ? viNumber((part * 100) / whole) : "0";
}

/** The Vietnamese calendar date of an instant. */
export function vnDate(at: Date | null | undefined): string | null {
  return at ? todayInVietnam(at) : null;
}

/** `date` kept inside [from, to]. */
export function clampDate(date: string, from: string, to: string): string {
  return date < from ? from : date > to ? to : date;
}

/** The date a campaign's documents are named by when they carry none: today, within the period. */
export function campaignNamingDate(campaign: { period_start: string; period_end: string }, today = todayInVietnam()): string {
  return clampDate(today, campaign.period_start, campaign.period_end);
}

/** "Kế hoạch số 236-KH/ĐU ngày 02 tháng 3 năm 2020 của Đảng ủy xã Thạnh An về …" for a cited plan. */
export async function citePlan(db: Queryable, campaignId: string, unitId: string): Promise<string | null> {
  const plan = await dq.findIssuedPlan(db, campaignId, unitId);
  if (!plan) return null;
  const names = await dq.getUnitNames(db, plan.unit_id, plan.issued_date);
  const subject = lowerFirst(plan.subject.replace(/\s*\r?\n\s*/g, " "));
  return `Kế hoạch số ${plan.symbol} ${formatDocumentDate(plan.issued_date)} của ${names?.name ?? ""} về ${subject}`;
}

/** First letter in capitals ("chi bộ …" → "Chi bộ …"). */
export function upperFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
}

/** "Họ và tên: Đỗ Thanh Tâm" on a form; without a value, dots to write on. */
export function fieldLine(label: string, value: string | null | undefined): BodyBlock {
  const v = (value ?? "").trim();
  return { kind: "paragraph", indent: false, runs: [`${label}: `, v ? { text: v, bold: true } : "…".repeat(24)] };
}

/**
 * The unit's confirmation at the left of a member's form: "XÁC NHẬN CỦA CHI BỘ" over the last
 * line of the unit's own signature ("BÍ THƯ") and the signer.
 */
export function unitConfirmation(unit: Pick<DocumentUnit, "kind" | "name" | "system">, signerName: string | null): SignatureBlock {
  const own = unitSignature(unit, signerName);
  const body = unit.kind === "party_cell" ? "CHI BỘ" : "ĐƠN VỊ";
  return { titleLines: [`XÁC NHẬN CỦA ${body}`, ...own.titleLines.slice(-1)], signerName: own.signerName };
}

/** "1 cá nhân, 2 tập thể, 1 mô hình “Dân vận khéo”": who a tờ trình proposes or a decision commends. */
export function commendedParts(items: readonly { subject_kind: string }[]): string[] {
  const count = (kind: string) => items.filter((p) => p.subject_kind === kind).length;
  return [
    count("person") ? `${count("person")} cá nhân` : null,
    count("collective") ? `${count("collective")} tập thể` : null,
    count("model") ? `${count("model")} mô hình “Dân vận khéo”` : null,
  ].filter((x): x is string => x !== null);
}
