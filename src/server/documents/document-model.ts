/**
 * One description of an official document (Party format per Hướng dẫn 36-HD/VPTW, State format per
 * Nghị định 30/2020/NĐ-CP — also drawn for the Front and the associations —, Youth Union format per
 * Hướng dẫn 29-HD/TWĐTN-VP; which one a unit uses is `src/domain/document-systems.ts`), rendered by `render-docx.ts` and `render-pdf.ts`. Features build this
 * model from their data; the renderers are pure functions of it, so DOCX and PDF never disagree.
 */

/**
 * Which header layout the document is drawn with: `party` (ĐẢNG CỘNG SẢN VIỆT NAM, `*`), `state`
 * (quốc hiệu and tiêu ngữ, a short rule) or `youth_union` (ĐOÀN TNCS HỒ CHÍ MINH, `***`).
 */
export type DocumentFormat = 'party' | 'state' | 'youth_union';

export type PageOrientation = 'portrait' | 'landscape';

/** Page margins in millimetres. */
export interface PageMargins {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

export type TextAlign = 'left' | 'center' | 'right' | 'justify';

/** A piece of text with its own emphasis inside a paragraph or a table cell. */
export interface TextRunSpec {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
}

/** Plain text, or a run with emphasis. */
export type InlineText = string | TextRunSpec;

/**
 * The block above the type name. Line breaks (`\n`) inside a body name are kept, e.g.
 * `ỦY BAN NHÂN DÂN\nXÃ THẠNH AN`.
 */
export interface DocumentHeader {
  /** Cơ quan cấp trên, e.g. `ĐẢNG ỦY XÃ THẠNH AN`; omitted when the issuer has none to show. */
  readonly superiorBody?: string;
  /** Cơ quan ban hành, e.g. `CHI BỘ TRƯỜNG TIỂU HỌC`. */
  readonly issuingBody: string;
  /** The whole number line: `Số 236-KH/ĐU` (Party) or `Số: 15/KH-UBND` (State). */
  readonly numberLine: string;
  /** `Thạnh An, ngày 02 tháng 3 năm 2020` — see {@link formatDocumentDateLine}. */
  readonly placeAndDate: string;
}

/** A justified body paragraph with a first-line indent unless told otherwise. */
export interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly runs: readonly InlineText[];
  /** Default `justify`. */
  readonly align?: TextAlign;
  /** First-line indent; default true. */
  readonly indent?: boolean;
}

/** `I. Mục đích, yêu cầu` (level 1) or `1. …` (level 2); the text includes its number. */
export interface HeadingBlock {
  readonly kind: 'heading';
  readonly level: 1 | 2;
  readonly text: string;
}

/** A line written `- …` as typed documents do (no list numbering); `runs` exclude the dash. */
export interface BulletBlock {
  readonly kind: 'bullet';
  readonly runs: readonly InlineText[];
}

export interface TableColumn {
  readonly header: string;
  /** Relative width; the columns share the text width in proportion. */
  readonly width: number;
  /** Alignment of the body cells of this column; default `left`. Header cells are centred. */
  readonly align?: Exclude<TextAlign, 'justify'>;
}

/** A cell is plain text (may contain `\n`) or runs with emphasis. */
export type TableCellContent = string | readonly InlineText[];

/** A body cell spanning `rowSpan` rows downwards (rows count from the first body row, 0-based). */
export interface CellSpan {
  readonly row: number;
  readonly column: number;
  readonly rowSpan: number;
}

export interface TableBlock {
  readonly kind: 'table';
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly TableCellContent[])[];
  /** Repeat the header row on every page; default true. */
  readonly repeatHeader?: boolean;
  /** Font size in points for the table; default 12. */
  readonly fontSize?: number;
  /**
   * Body cells printed as one cell over several rows (a person's number and name over the lines of
   * their registration); the rows a span covers give no text of their own in that column.
   */
  readonly rowSpans?: readonly CellSpan[];
}

/** Vertical space of about `lines` body lines (default 1). */
export interface SpacerBlock {
  readonly kind: 'spacer';
  readonly lines?: number;
}

export type BodyBlock = ParagraphBlock | HeadingBlock | BulletBlock | TableBlock | SpacerBlock;

/** Right-hand signature block: `T/M CHI BỘ` / `BÍ THƯ`, room to sign, then the signer. */
export interface SignatureBlock {
  /** Capitalised title lines, e.g. `['T/M CHI BỘ', 'BÍ THƯ']` or `['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']`. */
  readonly titleLines: readonly string[];
  /** Shown in the signing space, e.g. `(Đã ký)` on a copy. */
  readonly note?: string;
  readonly signerName: string;
}

/** Left-hand `Nơi nhận:` list at the end of the document. */
export interface RecipientsBlock {
  /** Default `Nơi nhận:`. */
  readonly heading?: string;
  /** `- Đảng ủy xã Thạnh An;` … `- Lưu HSCB.` — written as given. */
  readonly lines: readonly string[];
}

/** An official document described once, rendered to DOCX and PDF. */
export interface OfficialDocument {
  readonly format: DocumentFormat;
  /** Default portrait. */
  readonly orientation?: PageOrientation;
  /** Overrides of the format's default margins, in mm. */
  readonly margins?: Partial<PageMargins>;
  /** Title for file metadata and the file name; defaults to the type name and the subject. */
  readonly title?: string;
  readonly header: DocumentHeader;
  /**
   * Not yet issued, submitted or approved: the renderers print the `DỰ THẢO` mark under the number
   * line (`DRAFT_MARK` in document-style.ts), and the builder leaves number and date blank.
   */
  readonly draft?: boolean;
  /** `KẾ HOẠCH`, `BÁO CÁO`, `TỜ TRÌNH`, `BẢNG ĐĂNG KÝ`… */
  readonly typeName: string;
  /** Trích yếu, one entry per printed line. May be empty. */
  readonly subjectLines: readonly string[];
  readonly body: readonly BodyBlock[];
  readonly signature: SignatureBlock;
  /**
   * A second signature at the left of the closing, over the recipients if any: the cell's
   * confirmation on a member's form, the secretary of a meeting on its minutes.
   */
  readonly leftSignature?: SignatureBlock;
  readonly recipients?: RecipientsBlock;
  /**
   * Printed on a new page after the signature: the list attached to a decision ("Danh sách … kèm
   * theo Quyết định số …").
   */
  readonly annex?: readonly BodyBlock[];
}

/** Default margins (mm) by format: top 20 / bottom 20 / left 30 / right 15 for every rulebook. */
export const DEFAULT_MARGINS: Readonly<Record<DocumentFormat, PageMargins>> = {
  party: { top: 20, bottom: 20, left: 30, right: 15 },
  state: { top: 20, bottom: 20, left: 30, right: 15 },
  youth_union: { top: 20, bottom: 20, left: 30, right: 15 },
};

/** A4 in millimetres, portrait. */
export const A4_MM = { width: 210, height: 297 } as const;

/** Page geometry both renderers agree on. */
export interface ResolvedPage {
  readonly orientation: PageOrientation;
  readonly margins: PageMargins;
  /** Page width and height in mm after orientation. */
  readonly widthMm: number;
  readonly heightMm: number;
  /** Width available for text, in mm. */
  readonly textWidthMm: number;
}

/**
 * Resolves orientation and margins once so DOCX and PDF lay out the same page; callers give only
 * the overrides they care about.
 */
export function resolvePage(doc: OfficialDocument): ResolvedPage {
  const orientation = doc.orientation ?? 'portrait';
  const margins: PageMargins = { ...DEFAULT_MARGINS[doc.format], ...definedOnly(doc.margins ?? {}) };
  const widthMm = orientation === 'landscape' ? A4_MM.height : A4_MM.width;
  const heightMm = orientation === 'landscape' ? A4_MM.width : A4_MM.height;
  return { orientation, margins, widthMm, heightMm, textWidthMm: widthMm - margins.left - margins.right };
}

function definedOnly(margins: Partial<PageMargins>): Partial<PageMargins> {
  const out: { -readonly [K in keyof PageMargins]?: number } = {};
  for (const key of ['top', 'bottom', 'left', 'right'] as const) {
    const value = margins[key];
    if (value !== undefined) {
      if (!Number.isFinite(value) || value < 0) throw new RangeError(`Lề ${key} không hợp lệ: ${String(value)}`);
      out[key] = value;
    }
  }
  return out;
}

/** The title used for metadata and file names when the model does not give one. */
export function documentTitle(doc: OfficialDocument): string {
  if (doc.title !== undefined && doc.title.trim() !== '') return doc.title.trim();
  const typeName = doc.typeName.trim();
  const subject = doc.subjectLines.join(' ').replace(/\s+/g, ' ').trim();
  if (subject === '') return sentenceCase(typeName);
  return `${sentenceCase(typeName)} ${subject}`;
}

function sentenceCase(text: string): string {
  const lower = text.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/**
 * A block that introduces what follows and must not end a page: a heading, or a paragraph ending
 * with a colon ("Có 2 mô hình “Dân vận khéo”:", "Việc làm đạt/đăng ký theo từng tiêu chí:").
 */
export function leadsIn(block: BodyBlock): boolean {
  if (block.kind === 'heading') return true;
  if (block.kind !== 'paragraph') return false;
  const last = block.runs[block.runs.length - 1];
  return last !== undefined && inlineText(last).trimEnd().endsWith(':');
}

/** Text of an inline run. */
export function inlineText(run: InlineText): string {
  return typeof run === 'string' ? run : run.text;
}

/** A bold run, for numbers and dates a reader must not miss. */
export function boldText(text: string): TextRunSpec {
  return { text, bold: true };
}

/** An italic run. */
export function italicText(text: string): TextRunSpec {
  return { text, italic: true };
}

/** Normalises an inline item to a run with explicit emphasis flags. */
export function toRun(run: InlineText): TextRunSpec {
  return typeof run === 'string' ? { text: run } : run;
}

/** Normalises a table cell to runs. */
export function cellRuns(cell: TableCellContent): readonly TextRunSpec[] {
  return typeof cell === 'string' ? [{ text: cell }] : cell.map(toRun);
}

/** How a body cell takes part in a vertical merge ({@link TableBlock.rowSpans}). */
export type VerticalMerge = 'start' | 'continue' | undefined;

/**
 * Per body row and column: `start` for the first cell of a span, `continue` for the cells it
 * covers, undefined otherwise. Spans past the table or over one row only are ignored.
 */
export function verticalMerges(block: TableBlock): VerticalMerge[][] {
  const out: VerticalMerge[][] = block.rows.map(() => block.columns.map(() => undefined));
  for (const span of block.rowSpans ?? []) {
    const last = Math.min(span.row + span.rowSpan, block.rows.length) - 1;
    if (span.column < 0 || span.column >= block.columns.length || span.row < 0 || last <= span.row) continue;
    out[span.row]![span.column] = 'start';
    for (let row = span.row + 1; row <= last; row += 1) out[row]![span.column] = 'continue';
  }
  return out;
}

/**
 * The closing's two signatures with as many title lines each (blank lines under the shorter), so
 * the two names print on one line: `XÁC NHẬN CỦA CHI BỘ` / `BÍ THƯ` beside `NGƯỜI ĐĂNG KÝ`.
 */
export function alignedSignatures(doc: Pick<OfficialDocument, 'signature' | 'leftSignature'>): { left: SignatureBlock | undefined; right: SignatureBlock } {
  const left = doc.leftSignature;
  if (left === undefined) return { left, right: doc.signature };
  const n = Math.max(left.titleLines.length, doc.signature.titleLines.length);
  const pad = (s: SignatureBlock): SignatureBlock => ({ ...s, titleLines: [...s.titleLines, ...Array<string>(n - s.titleLines.length).fill('')] });
  return { left: pad(left), right: pad(doc.signature) };
}

/** The recipients heading, defaulting to `Nơi nhận:`. */
export function recipientsHeading(recipients: RecipientsBlock): string {
  return recipients.heading ?? 'Nơi nhận:';
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;

/**
 * `ngày 02 tháng 3 năm 2020`: NĐ 30/2020 (and the Party guide) write a leading zero only for days
 * below 10 and for months 1 and 2, so the date cannot be produced by a generic date formatter.
 * Takes the calendar date of an ISO string (`2020-03-02` or `2020-03-02T…`) without time-zone shifts.
 */
export function formatDocumentDate(isoDate: string): string {
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new RangeError(`Ngày không hợp lệ: ${isoDate}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`Ngày không hợp lệ: ${isoDate}`);
  }
  const dd = String(day).padStart(2, '0');
  const mm = month <= 2 ? String(month).padStart(2, '0') : String(month);
  return `ngày ${dd} tháng ${mm} năm ${String(year)}`;
}

/**
 * `Thạnh An, ngày 02 tháng 3 năm 2020` — the place-and-date line of the header, written the way
 * offices write it (see {@link formatDocumentDate}).
 */
export function formatDocumentDateLine(place: string, isoDate: string): string {
  return `${place.trim()}, ${formatDocumentDate(isoDate)}`;
}

const MAX_FILE_NAME_STEM = 120;

/**
 * A file name users recognise (Vietnamese kept, NFC) that every OS accepts: path separators and
 * characters Windows forbids become `-`, whitespace collapses, length is bounded. Used for
 * downloads so `Kế hoạch 01-KH/CB` does not turn into a folder path.
 */
export function fileNameFor(title: string, ext: string): string {
  const cleanExt = ext.replace(/^\.+/, '').replace(/[^A-Za-z0-9]/g, '').toLowerCase();
  let stem = title
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/[\\/:*?"<>|]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s-]+|[.\s]+$/g, '');
  if (stem.length > MAX_FILE_NAME_STEM) stem = stem.slice(0, MAX_FILE_NAME_STEM).trim();
  if (stem === '') stem = 'tai-lieu';
  return cleanExt === '' ? stem : `${stem}.${cleanExt}`;
}

/** Removes Vietnamese diacritics: `Kế hoạch` → `Ke hoach`, `Đảng` → `Dang`. */
export function stripVietnameseDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** RFC 5987 `value-chars`: percent-encode everything but attr-char. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * `Content-Disposition` value with an ASCII fallback (old clients, proxies) and the exact
 * Vietnamese name in `filename*` (RFC 6266 / RFC 5987), so downloads keep their diacritics.
 */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const nfc = fileName.normalize('NFC');
  const ascii = stripVietnameseDiacritics(nfc)
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(nfc)}`;
}
