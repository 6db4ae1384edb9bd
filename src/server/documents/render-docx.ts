/**
 * DOCX back-end of the document model: offices edit the result in Word, so everything is real
 * Word structure (paragraphs, tables, a page-number field in the header), Times New Roman only.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  NoBreakHyphen,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx';
import type { IBorderOptions, IRunOptions, ITableCellBorders } from 'docx';

import {
  A4_MM,
  cellRuns,
  documentTitle,
  leadsIn,
  alignedSignatures,
  recipientsHeading,
  resolvePage,
  toRun,
  verticalMerges,
} from './document-model.js';
import type {
  BodyBlock,
  DocumentHeader,
  InlineText,
  OfficialDocument,
  RecipientsBlock,
  ResolvedPage,
  SignatureBlock,
  TableBlock,
  TextAlign,
  TextRunSpec,
} from './document-model.js';
import { textSpans, unbreakableForWord } from './line-breaks.js';
import {
  DRAFT_MARK,
  DRAFT_MARK_BOX_MM,
  FIRST_LINE_INDENT_MM,
  FORMAT_STYLES,
  HEADER_DISTANCE_MM,
  PARAGRAPH_SPACING_PT,
  PARTY_SUBJECT_RULE,
  SIGNATURE_SPACE_LINES,
  STATE_MOTTO,
  STATE_SHORT_RULE_MM,
  STATE_TITLE,
  TABLE_FONT_SIZE,
  TITLED_LAYOUTS,
  upperVi,
} from './document-style.js';
import type { FormatStyle } from './document-style.js';

const FONT = 'Times New Roman';

/** Millimetres to twentieths of a point. */
function twips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

/** Points to twentieths of a point. */
function ptTwips(pt: number): number {
  return Math.round(pt * 20);
}

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

function alignment(align: TextAlign): Alignment {
  switch (align) {
    case 'left':
      return AlignmentType.LEFT;
    case 'center':
      return AlignmentType.CENTER;
    case 'right':
      return AlignmentType.RIGHT;
    case 'justify':
      return AlignmentType.JUSTIFIED;
  }
}

interface RunStyle {
  readonly size: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  /**
   * Keep numbers, short quotations and names whole (line-breaks.ts): default true; table cells,
   * whose columns may be narrower than a kept span, leave it to Word.
   */
  readonly keep?: boolean;
}

/** A kept span's text for Word: non-breaking spaces, word joiners after slashes, Word's own non-breaking hyphens. */
function keptChildren(text: string): (string | NoBreakHyphen)[] {
  const out: (string | NoBreakHyphen)[] = [];
  unbreakableForWord(text)
    .split('-')
    .forEach((part, index) => {
      if (index > 0) out.push(new NoBreakHyphen());
      if (part !== '') out.push(part);
    });
  return out;
}

/** Runs for a text that may contain `\n`, each line after the first starting with a break. */
function runs(spec: TextRunSpec, style: RunStyle): TextRun[] {
  const bold = spec.bold ?? style.bold ?? false;
  const italic = spec.italic ?? style.italic ?? false;
  const underline = spec.underline ?? style.underline ?? false;
  const base: IRunOptions = {
    font: FONT,
    size: Math.round(style.size * 2),
    bold,
    italics: italic,
    ...(underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
  };
  return spec.text.split('\n').flatMap((line, index) => {
    const spans = style.keep === false ? [{ text: line, keep: false }] : textSpans(line);
    if (spans.length === 0) spans.push({ text: '', keep: false });
    return spans.map((span, at) => {
      const options: IRunOptions = {
        ...base,
        ...(span.keep ? { children: keptChildren(span.text) } : { text: span.text }),
        ...(index > 0 && at === 0 ? { break: 1 } : {}),
      };
      return new TextRun(options);
    });
  });
}

function inlineRuns(items: readonly InlineText[], style: RunStyle): TextRun[] {
  return items.flatMap((item) => runs(toRun(item), style));
}

interface LineOptions {
  readonly align?: TextAlign;
  readonly before?: number;
  readonly after?: number;
  readonly firstLineIndent?: boolean;
  readonly keepNext?: boolean;
}

function paragraph(children: TextRun[], options: LineOptions = {}): Paragraph {
  return new Paragraph({
    children,
    alignment: alignment(options.align ?? 'left'),
    spacing: {
      before: ptTwips(options.before ?? 0),
      after: ptTwips(options.after ?? 0),
      line: 240,
      lineRule: LineRuleType.AUTO,
    },
    ...(options.firstLineIndent === true ? { indent: { firstLine: twips(FIRST_LINE_INDENT_MM) } } : {}),
    ...(options.keepNext === true ? { keepNext: true } : {}),
  });
}

function line(text: string, style: RunStyle, options: LineOptions = {}): Paragraph {
  return paragraph(runs({ text }, style), options);
}

/** An empty, thin paragraph whose bottom border draws a centred rule `lengthMm` long inside `widthMm`. */
function shortRule(widthMm: number, lengthMm: number): Paragraph {
  const side = Math.max(0, (widthMm - lengthMm) / 2);
  return new Paragraph({
    children: [new TextRun({ text: '', font: FONT, size: 4 })],
    spacing: { before: 0, after: 0, line: 80, lineRule: LineRuleType.EXACT },
    indent: { left: twips(side), right: twips(side) },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
  });
}

const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_CELL_BORDERS: ITableCellBorders = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
};
const THIN: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** A borderless two-column layout table spanning the text width. */
function layoutTable(
  page: ResolvedPage,
  leftShare: number,
  left: Paragraph[],
  right: Paragraph[],
): Table {
  const total = twips(page.textWidthMm);
  const leftWidth = Math.round(total * leftShare);
  const widths = [leftWidth, total - leftWidth];
  const cell = (children: Paragraph[], width: number): TableCell =>
    new TableCell({
      children: children.length > 0 ? children : [new Paragraph({})],
      width: { size: width, type: WidthType.DXA },
      borders: NO_CELL_BORDERS,
      margins: { left: 0, right: 0, top: 0, bottom: 0 },
      verticalAlign: VerticalAlignTable.TOP,
    });
  return new Table({
    rows: [new TableRow({ children: [cell(left, widths[0] ?? 0), cell(right, widths[1] ?? 0)], cantSplit: true })],
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: NO_BORDER,
      bottom: NO_BORDER,
      left: NO_BORDER,
      right: NO_BORDER,
      insideHorizontal: NO_BORDER,
      insideVertical: NO_BORDER,
    },
  });
}

/** `DỰ THẢO` bold in a single-line box, centred in a column `widthMm` wide (see DRAFT_MARK). */
function draftMark(widthMm: number, style: FormatStyle): Paragraph {
  const side = Math.max(0, (widthMm - DRAFT_MARK_BOX_MM) / 2);
  const edge: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 2 };
  return new Paragraph({
    children: runs({ text: DRAFT_MARK }, { size: style.numberSize, bold: true }),
    alignment: AlignmentType.CENTER,
    spacing: { before: ptTwips(6), after: 0, line: 240, lineRule: LineRuleType.AUTO },
    indent: { left: twips(side), right: twips(side) },
    border: { top: edge, bottom: edge, left: edge, right: edge },
  });
}

function bodyLines(text: string): string[] {
  return text.split('\n').map((part) => part.trim()).filter((part) => part !== '');
}

/** The Party's header, or the Youth Union's: title top right, `*` or `***` under the issuing body. */
function titledHeader(layout: keyof typeof TITLED_LAYOUTS, header: DocumentHeader, draft: boolean, page: ResolvedPage, style: FormatStyle): Table {
  const { title, mark } = TITLED_LAYOUTS[layout];
  const left: Paragraph[] = [];
  if (header.superiorBody !== undefined && header.superiorBody.trim() !== '') {
    for (const text of bodyLines(header.superiorBody)) {
      left.push(line(upperVi(text), { size: style.superiorBodySize }, { align: 'center' }));
    }
  }
  for (const text of bodyLines(header.issuingBody)) {
    left.push(line(upperVi(text), { size: style.issuingBodySize, bold: true }, { align: 'center' }));
  }
  left.push(line(mark, { size: style.issuingBodySize }, { align: 'center' }));
  left.push(line(header.numberLine, { size: style.numberSize }, { align: 'center' }));
  if (draft) left.push(draftMark(page.textWidthMm * style.headerLeftShare, style));

  const right: Paragraph[] = [
    line(title, { size: style.nationalTitleSize, bold: true, underline: true }, { align: 'center' }),
    line(header.placeAndDate, { size: style.dateSize, italic: true }, { align: 'center', before: 2 }),
  ];
  return layoutTable(page, style.headerLeftShare, left, right);
}

function stateHeader(header: DocumentHeader, draft: boolean, page: ResolvedPage, style: FormatStyle): Table {
  const leftWidthMm = page.textWidthMm * style.headerLeftShare;
  const left: Paragraph[] = [];
  if (header.superiorBody !== undefined && header.superiorBody.trim() !== '') {
    for (const text of bodyLines(header.superiorBody)) {
      left.push(line(upperVi(text), { size: style.superiorBodySize }, { align: 'center' }));
    }
  }
  for (const text of bodyLines(header.issuingBody)) {
    left.push(line(upperVi(text), { size: style.issuingBodySize, bold: true }, { align: 'center' }));
  }
  left.push(shortRule(leftWidthMm, STATE_SHORT_RULE_MM));
  left.push(line(header.numberLine, { size: style.numberSize }, { align: 'center', before: 6 }));
  if (draft) left.push(draftMark(leftWidthMm, style));

  const right: Paragraph[] = [
    line(STATE_TITLE, { size: style.nationalTitleSize, bold: true }, { align: 'center' }),
    line(STATE_MOTTO, { size: style.mottoSize, bold: true, underline: true }, { align: 'center' }),
    line(header.placeAndDate, { size: style.dateSize, italic: true }, { align: 'center', before: 12 }),
  ];
  return layoutTable(page, style.headerLeftShare, left, right);
}

function titleBlock(doc: OfficialDocument, page: ResolvedPage, style: FormatStyle): Paragraph[] {
  const out: Paragraph[] = [
    line(upperVi(doc.typeName), { size: style.typeNameSize, bold: true }, { align: 'center', before: 18, keepNext: true }),
  ];
  for (const subject of doc.subjectLines) {
    out.push(line(subject, { size: style.subjectSize, bold: true }, { align: 'center', keepNext: true }));
  }
  if (doc.format !== 'state') {
    out.push(line(PARTY_SUBJECT_RULE, { size: style.subjectSize }, { align: 'center', after: 6 }));
  } else if (doc.subjectLines.length > 0) {
    out.push(shortRule(page.textWidthMm, STATE_SHORT_RULE_MM * 1.6));
    out.push(line('', { size: 6 }, { after: 6 }));
  } else {
    out.push(line('', { size: 6 }, { after: 6 }));
  }
  return out;
}

function dataTable(block: TableBlock, page: ResolvedPage, keepLastRowWithNext: boolean): Table {
  const size = block.fontSize ?? TABLE_FONT_SIZE;
  const total = twips(page.textWidthMm);
  const weightSum = block.columns.reduce((sum, column) => sum + column.width, 0) || 1;
  const widths = block.columns.map((column) => Math.round((total * column.width) / weightSum));
  const cellMargins = { left: 70, right: 70, top: 30, bottom: 30 };
  const headerRow = new TableRow({
    tableHeader: block.repeatHeader ?? true,
    cantSplit: true,
    children: block.columns.map(
      (column, index) =>
        new TableCell({
          children: [paragraph(runs({ text: column.header }, { size, bold: true, keep: false }), { align: 'center' })],
          width: { size: widths[index] ?? 0, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          margins: cellMargins,
        }),
    ),
  });
  const merges = verticalMerges(block);
  const bodyRows = block.rows.map(
    (row, rowIndex) =>
      new TableRow({
        cantSplit: true,
        ...(keepLastRowWithNext && rowIndex === block.rows.length - 1 ? { keepNext: true } : {}),
        children: block.columns.map((column, index) => {
          const merge = merges[rowIndex]?.[index];
          const content = merge === 'continue' ? '' : (row[index] ?? '');
          return new TableCell({
            ...(merge === undefined ? {} : { verticalMerge: merge === 'start' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE }),
            children: [
              paragraph(
                cellRuns(content).flatMap((spec) => runs(spec, { size, keep: false })),
                { align: column.align ?? 'left' },
              ),
            ],
            width: { size: widths[index] ?? 0, type: WidthType.DXA },
            margins: cellMargins,
          });
        }),
      }),
  );
  return new Table({
    rows: [headerRow, ...bodyRows],
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: THIN,
      bottom: THIN,
      left: THIN,
      right: THIN,
      insideHorizontal: THIN,
      insideVertical: THIN,
    },
  });
}

/**
 * One body block. `keepWithNext` is set on the last block so the signature never stands alone on
 * a page (Word moves the last lines or table row along with it).
 */
function bodyBlock(
  block: BodyBlock,
  page: ResolvedPage,
  style: FormatStyle,
  keepWithNext: boolean,
): (Paragraph | Table)[] {
  const size = style.bodySize;
  switch (block.kind) {
    case 'paragraph':
      return [
        paragraph(inlineRuns(block.runs, { size }), {
          align: block.align ?? 'justify',
          before: PARAGRAPH_SPACING_PT,
          firstLineIndent: block.indent ?? true,
          // A lead-in ending with a colon stays with what it introduces, like a heading.
          keepNext: keepWithNext || leadsIn(block),
        }),
      ];
    case 'heading':
      return [
        line(block.text, { size, bold: true }, {
          align: 'justify',
          before: PARAGRAPH_SPACING_PT,
          firstLineIndent: block.level === 2,
          keepNext: true,
        }),
      ];
    case 'bullet':
      return [
        paragraph(inlineRuns(['- ', ...block.runs], { size }), {
          align: 'justify',
          before: PARAGRAPH_SPACING_PT,
          firstLineIndent: true,
          keepNext: keepWithNext,
        }),
      ];
    case 'table':
      return [dataTable(block, page, keepWithNext)];
    case 'spacer':
      return Array.from({ length: Math.max(1, block.lines ?? 1) }, () => line('', { size }, { keepNext: keepWithNext }));
  }
}

/** Body blocks; adjacent tables get a thin paragraph between them, or Word would merge them. */
function bodyContent(blocks: readonly BodyBlock[], page: ResolvedPage, style: FormatStyle): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  blocks.forEach((block, index) => {
    if (block.kind === 'table' && blocks[index - 1]?.kind === 'table') out.push(line('', { size: 6 }));
    out.push(...bodyBlock(block, page, style, index === blocks.length - 1));
  });
  return out;
}

function signatureParagraphs(signature: SignatureBlock, style: FormatStyle): Paragraph[] {
  const size = style.signatureSize;
  const out = signature.titleLines.map((text) => line(upperVi(text), { size, bold: true }, { align: 'center' }));
  const blanks = SIGNATURE_SPACE_LINES;
  if (signature.note !== undefined && signature.note !== '') {
    const above = Math.floor((blanks - 1) / 2);
    for (let i = 0; i < above; i += 1) out.push(line('', { size }));
    out.push(line(signature.note, { size, italic: true }, { align: 'center' }));
    for (let i = 0; i < blanks - 1 - above; i += 1) out.push(line('', { size }));
  } else {
    for (let i = 0; i < blanks; i += 1) out.push(line('', { size }));
  }
  out.push(line(signature.signerName, { size, bold: true }, { align: 'center' }));
  return out;
}

function recipientParagraphs(recipients: RecipientsBlock | undefined, style: FormatStyle): Paragraph[] {
  if (recipients === undefined) return [];
  return [
    line(
      recipientsHeading(recipients),
      {
        size: style.recipientsHeadingSize,
        bold: style.recipientsHeadingBold,
        italic: style.recipientsHeadingItalic,
        underline: style.recipientsHeadingUnderline,
      },
      { align: 'left' },
    ),
    ...recipients.lines.map((text) => line(text, { size: style.recipientsSize }, { align: 'left' })),
  ];
}

function pageNumberHeader(style: FormatStyle): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: style.pageNumberSize * 2 })],
      }),
    ],
  });
}

/**
 * Renders the model as a Word document — the primary output, since offices edit and file in Word.
 * A4 in the model's orientation and margins; page numbers top centre from page 2.
 */
export async function renderDocx(doc: OfficialDocument): Promise<Buffer> {
  const page = resolvePage(doc);
  const style = FORMAT_STYLES[doc.format];
  const draft = doc.draft === true;
  const header = doc.format === 'state' ? stateHeader(doc.header, draft, page, style) : titledHeader(doc.format, doc.header, draft, page, style);
  const signatures = alignedSignatures(doc);
  const closing = layoutTable(
    page,
    style.closingLeftShare,
    [...(signatures.left ? signatureParagraphs(signatures.left, style) : []), ...recipientParagraphs(doc.recipients, style)],
    signatureParagraphs(signatures.right, style),
  );
  const annex = doc.annex && doc.annex.length > 0 ? [new Paragraph({ pageBreakBefore: true }), ...bodyContent(doc.annex, page, style)] : [];

  const document = new Document({
    title: documentTitle(doc),
    creator: doc.header.issuingBody.replace(/\s*\n\s*/g, ' '),
    styles: {
      default: {
        document: {
          run: { font: FONT, size: style.bodySize * 2 },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: {
              width: twips(A4_MM.width),
              height: twips(A4_MM.height),
              orientation: page.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: {
              top: twips(page.margins.top),
              bottom: twips(page.margins.bottom),
              left: twips(page.margins.left),
              right: twips(page.margins.right),
              header: twips(HEADER_DISTANCE_MM),
              footer: twips(HEADER_DISTANCE_MM),
            },
          },
        },
        headers: {
          default: pageNumberHeader(style),
          first: new Header({ children: [new Paragraph({})] }),
        },
        children: [
          header,
          ...titleBlock(doc, page, style),
          ...bodyContent(doc.body, page, style),
          // Also keeps the closing table from merging into a table that ends the body.
          line('', { size: 10 }, { keepNext: true }),
          closing,
          ...annex,
        ],
      },
    ],
  });
  const buffer = await Packer.toBuffer(document);
  return buffer;
}
