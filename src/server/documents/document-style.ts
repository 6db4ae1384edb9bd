/**
 * Sizes and proportions shared by the DOCX and PDF renderers, per format, so both outputs keep the
 * same typography (Hướng dẫn 36-HD/VPTW for Party documents, NĐ 30/2020 for State documents).
 */
import type { DocumentFormat } from './document-model.js';

export interface FormatStyle {
  /** Share of the text width taken by the left header column (issuing body). */
  readonly headerLeftShare: number;
  /** Share of the text width taken by the recipients column at the end. */
  readonly closingLeftShare: number;
  readonly superiorBodySize: number;
  readonly issuingBodySize: number;
  readonly numberSize: number;
  /** `ĐẢNG CỘNG SẢN VIỆT NAM` or `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`. */
  readonly nationalTitleSize: number;
  /** `Độc lập - Tự do - Hạnh phúc` (State only). */
  readonly mottoSize: number;
  readonly dateSize: number;
  readonly typeNameSize: number;
  readonly subjectSize: number;
  readonly bodySize: number;
  readonly signatureSize: number;
  readonly recipientsHeadingSize: number;
  readonly recipientsSize: number;
  readonly recipientsHeadingBold: boolean;
  readonly recipientsHeadingItalic: boolean;
  readonly recipientsHeadingUnderline: boolean;
  readonly pageNumberSize: number;
}

const PARTY_STYLE: FormatStyle = {
  headerLeftShare: 0.46,
  closingLeftShare: 0.46,
  superiorBodySize: 14,
  issuingBodySize: 14,
  numberSize: 14,
  nationalTitleSize: 15,
  mottoSize: 14,
  dateSize: 14,
  typeNameSize: 16,
  subjectSize: 14,
  bodySize: 14,
  signatureSize: 14,
  recipientsHeadingSize: 12,
  recipientsSize: 11,
  recipientsHeadingBold: false,
  recipientsHeadingItalic: false,
  recipientsHeadingUnderline: true,
  pageNumberSize: 14,
};

export const FORMAT_STYLES: Readonly<Record<DocumentFormat, FormatStyle>> = {
  party: PARTY_STYLE,
  // Hướng dẫn 29-HD/TWĐTN-VP sets the Union's documents in the Party's sizes.
  youth_union: PARTY_STYLE,
  state: {
    headerLeftShare: 0.38,
    closingLeftShare: 0.46,
    superiorBodySize: 13,
    issuingBodySize: 13,
    numberSize: 13,
    nationalTitleSize: 13,
    mottoSize: 14,
    dateSize: 14,
    typeNameSize: 14,
    subjectSize: 14,
    bodySize: 14,
    signatureSize: 14,
    recipientsHeadingSize: 12,
    recipientsSize: 11,
    recipientsHeadingBold: true,
    recipientsHeadingItalic: true,
    recipientsHeadingUnderline: false,
    pageNumberSize: 14,
  },
};

export const PARTY_TITLE = 'ĐẢNG CỘNG SẢN VIỆT NAM';
/** The title of the Youth Union's documents, top right, underlined (Hướng dẫn 29-HD/TWĐTN-VP). */
export const YOUTH_UNION_TITLE = 'ĐOÀN TNCS HỒ CHÍ MINH';

/** Title top right and the mark under the issuing body, for the layouts drawn like the Party's. */
export const TITLED_LAYOUTS = {
  party: { title: PARTY_TITLE, mark: '*' },
  youth_union: { title: YOUTH_UNION_TITLE, mark: '***' },
} as const;
export const STATE_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const STATE_MOTTO = 'Độc lập - Tự do - Hạnh phúc';
/** The separator under a Party document's subject line. */
export const PARTY_SUBJECT_RULE = '-----';

/**
 * The mark of a document not yet issued. Thông tư 01/2011/TT-BNV (thể thức văn bản hành chính),
 * "chỉ dẫn về dự thảo văn bản": the word `dự thảo` in capitals, 13–14 pt, upright, bold, in a
 * single-line rectangle, right under the number and symbol line. Nghị định 30/2020/NĐ-CP, which
 * replaced it, and Hướng dẫn 36-HD/VPTW give no other place, and offices keep this one for Party
 * documents too; the renderers print it at the number line's size (14 pt Party, 13 pt State).
 */
export const DRAFT_MARK = 'DỰ THẢO';
/** Width of the rectangle around {@link DRAFT_MARK}, in mm. */
export const DRAFT_MARK_BOX_MM = 30;

/** First-line indent of body paragraphs, in mm. */
export const FIRST_LINE_INDENT_MM = 10;
/** Space before each body paragraph, in points. */
export const PARAGRAPH_SPACING_PT = 6;
/** Length of the short rule under a State issuing body and subject, in mm. */
export const STATE_SHORT_RULE_MM = 25;
/** Distance of the page-number header from the top edge, in mm. */
export const HEADER_DISTANCE_MM = 10;
/** Blank lines left for the handwritten signature. */
export const SIGNATURE_SPACE_LINES = 4;
/** Default font size of table text, in points. */
export const TABLE_FONT_SIZE = 12;

/** Capitals as Vietnamese writes them (locale-aware), for bodies and signature titles. */
export function upperVi(text: string): string {
  return text.toLocaleUpperCase('vi');
}
