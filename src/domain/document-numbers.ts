/**
 * Document numbers and symbols (số và ký hiệu) — RULES.md §5.
 *
 * Party documents (Hướng dẫn 36-HD/VPTW): "Số 236-KH/ĐU" — no colon; numbers run from 01 for each
 * document type within a committee term. State documents (Nghị định 30/2020/NĐ-CP):
 * "Số: 15/KH-UBND" — colon; numbers restart from 01 on 1 January.
 */
import { isIsoDate } from "./dates.js";

/** Party format (văn bản của Đảng) or State format (văn bản hành chính nhà nước). */
export type DocumentFormat = "party" | "state";

/**
 * Document types the campaign uses, abbreviation → Vietnamese name. Abbreviations follow both
 * HD 36-HD/VPTW and NĐ 30/2020 (Phụ lục III): Chương trình is "CTr" and "CT" is Chỉ thị.
 */
export const DOCUMENT_TYPES = {
  KH: "Kế hoạch",
  BC: "Báo cáo",
  TB: "Thông báo",
  NQ: "Nghị quyết",
  "QĐ": "Quyết định",
  TTr: "Tờ trình",
  BB: "Biên bản",
  CV: "Công văn",
  DS: "Danh sách",
  HD: "Hướng dẫn",
  CTr: "Chương trình",
  CT: "Chỉ thị",
} as const;

/** A known type abbreviation. */
export type DocumentTypeCode = keyof typeof DOCUMENT_TYPES;

/** Known abbreviations in display order. */
export const DOCUMENT_TYPE_CODES = Object.keys(DOCUMENT_TYPES) as DocumentTypeCode[];

/** An abbreviation: a known one, or another one an administrator added (letters and digits). */
export type TypeCodeInput = DocumentTypeCode | (string & Record<never, never>);

/** Thrown for a number or code that cannot appear in a symbol. */
export class DocumentNumberError extends Error {
  readonly code = "DOCUMENT_NUMBER_INVALID" as const;
  constructor(message: string) {
    super(message);
    this.name = "DocumentNumberError";
  }
}

/**
 * NFC, trimmed, and the look-alike "Ð" (U+00D0, Icelandic eth, produced by some legacy
 * Vietnamese converters) replaced by "Đ" (U+0110).
 *
 * Why: "QĐ" typed on two machines must compare equal, or the next number would restart at 01.
 */
export function normalizeCode(code: string): string {
  return code.normalize("NFC").trim().replace(/\u00D0/g, "\u0110");
}

/** True for one of {@link DOCUMENT_TYPES}' abbreviations (after normalisation). */
export function isDocumentTypeCode(code: string): code is DocumentTypeCode {
  return Object.prototype.hasOwnProperty.call(DOCUMENT_TYPES, normalizeCode(code));
}

/** The Vietnamese name of a type abbreviation, or null when unknown. */
export function documentTypeName(code: string): string | null {
  const c = normalizeCode(code);
  return isDocumentTypeCode(c) ? DOCUMENT_TYPES[c] : null;
}

const TYPE_CODE = /^[\p{L}\p{N}]+$/u;
const ISSUER_CODE = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u;

function checkNumber(n: number): void {
  if (!Number.isInteger(n) || n < 1) {
    throw new DocumentNumberError(`Số văn bản ${String(n)} không hợp lệ: phải là số nguyên từ 1 trở lên`);
  }
}

function checkTypeCode(code: string): string {
  const c = normalizeCode(code);
  if (!TYPE_CODE.test(c)) throw new DocumentNumberError(`Ký hiệu loại văn bản “${code}” không hợp lệ`);
  return c;
}

function checkIssuerCode(code: string, what = "cơ quan ban hành"): string {
  const c = normalizeCode(code);
  if (!ISSUER_CODE.test(c)) throw new DocumentNumberError(`Chữ viết tắt tên ${what} “${code}” không hợp lệ`);
  return c;
}

/**
 * The number as printed: at least two digits ("01", "09", "236").
 *
 * Why: both HD 36 and NĐ 30 write numbers below 10 with a leading zero.
 */
export function formatDocumentNumber(n: number): string {
  checkNumber(n);
  return String(n).padStart(2, "0");
}

/** Parts of a symbol. */
export type SymbolParts = {
  number: number;
  typeCode: TypeCodeInput;
  issuerCode: string;
};

/**
 * Party symbol "236-KH/ĐU": number, hyphen, type abbreviation, slash, issuing body.
 *
 * Why a function: the symbol is printed on documents, cited in other plans' basis (căn cứ) and
 * searched; one spelling everywhere.
 */
export function formatPartySymbol(parts: SymbolParts): string {
  const type = checkTypeCode(parts.typeCode);
  const issuer = checkIssuerCode(parts.issuerCode);
  return `${formatDocumentNumber(parts.number)}-${type}/${issuer}`;
}

/** The Party number line "Số 236-KH/ĐU" — "Số" without a colon (HD 36-HD/VPTW). */
export function formatPartyNumberLine(parts: SymbolParts): string {
  return `Số ${formatPartySymbol(parts)}`;
}

/** State symbol parts; a công văn has no type abbreviation but may name the drafting unit. */
export type StateSymbolParts = SymbolParts & { draftingUnitCode?: string | null };

/**
 * State symbol "15/KH-UBND": number, slash, type abbreviation, hyphen, issuing body. A công văn
 * (`CV`) has no type abbreviation in NĐ 30: "15/UBND" or, with the drafting unit, "15/UBND-VP".
 *
 * Why: State and Party symbols differ in separators; mixing them is the most common error.
 */
export function formatStateSymbol(parts: StateSymbolParts): string {
  const type = checkTypeCode(parts.typeCode);
  const issuer = checkIssuerCode(parts.issuerCode);
  const number = formatDocumentNumber(parts.number);
  const drafting = parts.draftingUnitCode ? checkIssuerCode(parts.draftingUnitCode, "đơn vị soạn thảo") : null;
  if (type === "CV") return drafting ? `${number}/${issuer}-${drafting}` : `${number}/${issuer}`;
  if (drafting) {
    throw new DocumentNumberError("Chỉ công văn mới ghi đơn vị soạn thảo trong ký hiệu (Nghị định 30/2020/NĐ-CP)");
  }
  return `${number}/${type}-${issuer}`;
}

/** The State number line "Số: 15/KH-UBND" — with a colon (NĐ 30/2020). */
export function formatStateNumberLine(parts: StateSymbolParts): string {
  return `Số: ${formatStateSymbol(parts)}`;
}

/** A symbol read back from text. */
export type ParsedSymbol = {
  format: DocumentFormat;
  number: number;
  /** "CV" for a State công văn written without a type abbreviation. */
  typeCode: string;
  issuerCode: string;
  /** State công văn only. */
  draftingUnitCode?: string;
  /** State legal documents written "30/2020/NĐ-CP". */
  year?: number;
};

const PREFIX = /^Số\s*:?\s*/u;
const PARTY_SYMBOL = /^(\d+)-([\p{L}\p{N}]+)\/([\p{L}\p{N}]+(?:[-/][\p{L}\p{N}]+)*)$/u;
const STATE_SYMBOL = /^(\d+)\/(?:(\d{4})\/)?([\p{L}\p{N}]+)(?:-([\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*))?$/u;

/**
 * Reads "236-KH/ĐU", "Số 236-KH/ĐU", "Số: 15/KH-UBND", "15/UBND-VP" (State công văn) back into
 * parts, or null when the text is not a symbol.
 *
 * Why: users paste cited documents ("Căn cứ Kế hoạch số 236-KH/ĐU …"); the basis link and the
 * duplicate check need the parts, compared after Unicode normalisation.
 */
export function parseSymbol(text: string): ParsedSymbol | null {
  const t = normalizeCode(text).replace(PREFIX, "").replace(/\s+/g, "");
  const party = PARTY_SYMBOL.exec(t);
  if (party) {
    const number = Number(party[1]);
    if (number < 1) return null;
    return { format: "party", number, typeCode: party[2] as string, issuerCode: party[3] as string };
  }
  const state = STATE_SYMBOL.exec(t);
  if (state) {
    const number = Number(state[1]);
    if (number < 1) return null;
    const first = state[3] as string;
    const rest = state[4];
    const year = state[2] !== undefined ? Number(state[2]) : undefined;
    const withYear = year !== undefined ? { year } : {};
    if (rest !== undefined && (isDocumentTypeCode(first) || year !== undefined)) {
      return { format: "state", number, typeCode: first, issuerCode: rest, ...withYear };
    }
    // A công văn: "15/UBND" or "15/UBND-VP"; "15/KH" (a type without an issuer) is not a symbol.
    if (rest === undefined && isDocumentTypeCode(first)) return null;
    return rest !== undefined
      ? { format: "state", number, typeCode: "CV", issuerCode: first, draftingUnitCode: rest, ...withYear }
      : { format: "state", number, typeCode: "CV", issuerCode: first, ...withYear };
  }
  return null;
}

/** An already numbered document of the same issuing body. */
export type NumberedDocument = { number: number; typeCode: string; date: string };

export type NextNumberInput = {
  format: DocumentFormat;
  /** Documents already numbered by the same issuing body (other bodies must be filtered out). */
  existing: readonly NumberedDocument[];
  typeCode: TypeCodeInput;
  /** Date of the new document, 'YYYY-MM-DD'. */
  date: string;
  /** Party only, required: first day of the committee term (day after the congress closed). */
  termStart?: string | null;
  /**
   * State only: NĐ 30 leaves the numbering of administrative documents to the head of the
   * agency — one series per type (default) or one series shared by all types.
   */
  stateSequence?: "per_type" | "shared";
};

/**
 * The next number to give a new document: one more than the highest number already used in the
 * same series (numbers are never reused, so a cancelled number leaves a gap).
 *
 * Series: Party — same type, documents dated within the term (from `termStart`; the caller
 * passes only the current term's documents, earlier ones are ignored), not reset on 1 January;
 * State — documents of the same calendar year as `date` (reset on 1 January), per type unless
 * `stateSequence` is 'shared'.
 */
export function nextNumber(input: NextNumberInput): number {
  if (!isIsoDate(input.date)) throw new DocumentNumberError(`Ngày văn bản “${input.date}” không hợp lệ`);
  const type = checkTypeCode(input.typeCode);
  let inSeries: (d: NumberedDocument) => boolean;
  if (input.format === "party") {
    const termStart = input.termStart;
    if (!termStart || !isIsoDate(termStart)) {
      throw new DocumentNumberError("Văn bản của Đảng đánh số theo nhiệm kỳ cấp ủy: cần ngày bắt đầu nhiệm kỳ hợp lệ");
    }
    if (input.date < termStart) {
      throw new DocumentNumberError("Ngày văn bản trước ngày bắt đầu nhiệm kỳ cấp ủy");
    }
    inSeries = (d) => normalizeCode(d.typeCode) === type && d.date >= termStart;
  } else {
    const year = input.date.slice(0, 4);
    const shared = input.stateSequence === "shared";
    inSeries = (d) => d.date.slice(0, 4) === year && (shared || normalizeCode(d.typeCode) === type);
  }
  let max = 0;
  for (const d of input.existing) {
    if (!isIsoDate(d.date)) throw new DocumentNumberError(`Ngày văn bản “${d.date}” không hợp lệ`);
    if (inSeries(d) && d.number > max) max = d.number;
  }
  return max + 1;
}
