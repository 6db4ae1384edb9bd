/**
 * PDF back-end of the document model: pdfmake on the server with Tinos (metric-compatible with
 * Times New Roman), so the PDF breaks lines like the DOCX does in Word and needs no system fonts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import PdfPrinter from 'pdfmake';
import type {
  Content,
  ContentColumns,
  ContentText,
  CustomTableLayout,
  TableCell,
  TDocumentDefinitions,
  TFontDictionary,
} from 'pdfmake/interfaces.js';

import { alignedSignatures, cellRuns, documentTitle, inlineText, leadsIn, recipientsHeading, resolvePage, toRun, verticalMerges } from './document-model.js';
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
import { textSpans } from './line-breaks.js';
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

const FONT = 'Tinos';

/** Millimetres to PDF points. */
function pt(mm: number): number {
  return (mm * 72) / 25.4;
}

let fontCache: TFontDictionary | undefined;

/** The four Tinos faces, read once; resolved from this module so any working directory works. */
function tinosFonts(): TFontDictionary {
  if (fontCache !== undefined) return fontCache;
  const require = createRequire(import.meta.url);
  const face = (dir: string, file: string): Buffer =>
    readFileSync(require.resolve(`@expo-google-fonts/tinos/${dir}/${file}`));
  fontCache = {
    [FONT]: {
      normal: face('400Regular', 'Tinos_400Regular.ttf'),
      bold: face('700Bold', 'Tinos_700Bold.ttf'),
      italics: face('400Regular_Italic', 'Tinos_400Regular_Italic.ttf'),
      bolditalics: face('700Bold_Italic', 'Tinos_700Bold_Italic.ttf'),
    },
  };
  return fontCache;
}

interface RunStyle {
  readonly size: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
}

function textRun(spec: TextRunSpec, style: RunStyle): ContentText {
  const underline = spec.underline ?? style.underline ?? false;
  return {
    text: spec.text,
    fontSize: style.size,
    bold: spec.bold ?? style.bold ?? false,
    italics: spec.italic ?? style.italic ?? false,
    ...(underline ? { decoration: 'underline' as const } : {}),
  };
}

/**
 * A run cut into the spans of line-breaks.ts: a kept span is one unwrappable inline, so pdfmake
 * neither breaks a line inside it nor spreads a justified line's spare width into it.
 */
function keptRuns(spec: TextRunSpec, style: RunStyle): ContentText[] {
  const spans = textSpans(spec.text).map((span) => ({ ...span }));
  // A kept span takes the spaces after it, as pdfmake's own words do: a lone space would be one more
  // inline, and a justified line would widen the gap after the span twice.
  spans.forEach((span, index) => {
    const next = spans[index + 1];
    if (!span.keep || next === undefined || next.keep) return;
    const spaces = /^ +/.exec(next.text)?.[0] ?? '';
    span.text += spaces;
    next.text = next.text.slice(spaces.length);
  });
  return spans
    .filter((span) => span.text !== '')
    .map((span) => ({
      ...textRun({ ...spec, text: span.text }, style),
      ...(span.keep ? { noWrap: true } : {}),
    }));
}

interface LineOptions {
  readonly align?: TextAlign;
  readonly before?: number;
  readonly after?: number;
  readonly firstLineIndent?: boolean;
}

function paragraph(runs: ContentText[], size: number, options: LineOptions = {}): ContentText {
  return {
    text: runs,
    fontSize: size,
    alignment: options.align ?? 'left',
    margin: [0, options.before ?? 0, 0, options.after ?? 0],
    ...(options.firstLineIndent === true ? { leadingIndent: pt(FIRST_LINE_INDENT_MM) } : {}),
  };
}

function line(text: string, style: RunStyle, options: LineOptions = {}): ContentText {
  // pdfmake drops empty strings; a non-breaking space keeps the line's height.
  return paragraph(text === '' ? [textRun({ text: '\u00a0' }, style)] : keptRuns({ text }, style), style.size, options);
}

/**
 * Punctuation and spaces that open a run go to the end of the run before it ("Huỳnh Thị Lan" in bold,
 * then ": vi phạm…"): pdfmake draws each run apart and a justified line widens the gap between them,
 * which printed "Lan :".
 */
function gluePunctuation(items: readonly InlineText[]): TextRunSpec[] {
  const out: TextRunSpec[] = [];
  for (const item of items.map(toRun)) {
    const previous = out[out.length - 1];
    const lead = /^[:;,.!?)”]+ */.exec(item.text)?.[0] ?? '';
    if (previous !== undefined && lead !== '' && /\S$/.test(previous.text)) {
      out[out.length - 1] = { ...previous, text: previous.text + lead };
      if (item.text.length > lead.length) out.push({ ...item, text: item.text.slice(lead.length) });
    } else {
      out.push(item);
    }
  }
  return out;
}

function inlineRuns(items: readonly InlineText[], style: RunStyle): ContentText[] {
  return gluePunctuation(items).flatMap((item) => keptRuns(item, style));
}

function shortRule(widthPt: number, lengthPt: number, marginTop = 1, marginBottom = 1): Content {
  const x1 = Math.max(0, (widthPt - lengthPt) / 2);
  return {
    canvas: [{ type: 'line', x1, y1: 0, x2: x1 + lengthPt, y2: 0, lineWidth: 0.6 }],
    margin: [0, marginTop, 0, marginBottom],
  };
}

function bodyLines(text: string): string[] {
  return text.split('\n').map((part) => part.trim()).filter((part) => part !== '');
}

function twoColumns(page: ResolvedPage, leftShare: number, left: Content[], right: Content[]): ContentColumns {
  const total = pt(page.textWidthMm);
  const leftWidth = total * leftShare;
  return {
    columns: [
      { width: leftWidth, stack: left },
      { width: total - leftWidth, stack: right },
    ],
    columnGap: 0,
  };
}

function issuingBodyLines(header: DocumentHeader, style: FormatStyle): Content[] {
  const out: Content[] = [];
  if (header.superiorBody !== undefined && header.superiorBody.trim() !== '') {
    for (const text of bodyLines(header.superiorBody)) {
      out.push(line(upperVi(text), { size: style.superiorBodySize }, { align: 'center' }));
    }
  }
  for (const text of bodyLines(header.issuingBody)) {
    out.push(line(upperVi(text), { size: style.issuingBodySize, bold: true }, { align: 'center' }));
  }
  return out;
}

/** `DỰ THẢO` bold in a single-line box, centred in a column `widthPt` wide (see DRAFT_MARK). */
function draftMark(widthPt: number, style: FormatStyle): Content {
  const box = pt(DRAFT_MARK_BOX_MM);
  const side = Math.max(0, (widthPt - box) / 2);
  return {
    columns: [
      { width: side, text: '' },
      {
        width: box,
        table: { widths: ['*'], body: [[{ text: DRAFT_MARK, bold: true, fontSize: style.numberSize, alignment: 'center' }]] },
        layout: { hLineWidth: () => 0.75, vLineWidth: () => 0.75, paddingTop: () => 1, paddingBottom: () => 1 },
      },
      { width: side, text: '' },
    ],
    columnGap: 0,
    margin: [0, 6, 0, 0],
  };
}

/** The Party's header, or the Youth Union's: title top right, `*` or `***` under the issuing body. */
function titledHeader(layout: keyof typeof TITLED_LAYOUTS, header: DocumentHeader, draft: boolean, page: ResolvedPage, style: FormatStyle): Content {
  const { title, mark } = TITLED_LAYOUTS[layout];
  const left: Content[] = [
    ...issuingBodyLines(header, style),
    line(mark, { size: style.issuingBodySize }, { align: 'center' }),
    line(header.numberLine, { size: style.numberSize }, { align: 'center' }),
    ...(draft ? [draftMark(pt(page.textWidthMm) * style.headerLeftShare, style)] : []),
  ];
  const right: Content[] = [
    line(title, { size: style.nationalTitleSize, bold: true, underline: true }, { align: 'center' }),
    line(header.placeAndDate, { size: style.dateSize, italic: true }, { align: 'center', before: 2 }),
  ];
  return twoColumns(page, style.headerLeftShare, left, right);
}

function stateHeader(header: DocumentHeader, draft: boolean, page: ResolvedPage, style: FormatStyle): Content {
  const leftWidth = pt(page.textWidthMm) * style.headerLeftShare;
  const left: Content[] = [
    ...issuingBodyLines(header, style),
    shortRule(leftWidth, pt(STATE_SHORT_RULE_MM), 4, 0),
    line(header.numberLine, { size: style.numberSize }, { align: 'center', before: 6 }),
    ...(draft ? [draftMark(leftWidth, style)] : []),
  ];
  const right: Content[] = [
    line(STATE_TITLE, { size: style.nationalTitleSize, bold: true }, { align: 'center' }),
    line(STATE_MOTTO, { size: style.mottoSize, bold: true, underline: true }, { align: 'center' }),
    line(header.placeAndDate, { size: style.dateSize, italic: true }, { align: 'center', before: 12 }),
  ];
  return twoColumns(page, style.headerLeftShare, left, right);
}

function titleBlock(doc: OfficialDocument, page: ResolvedPage, style: FormatStyle): Content[] {
  const out: Content[] = [
    line(upperVi(doc.typeName), { size: style.typeNameSize, bold: true }, { align: 'center', before: 18 }),
  ];
  for (const subject of doc.subjectLines) {
    out.push(line(subject, { size: style.subjectSize, bold: true }, { align: 'center' }));
  }
  if (doc.format !== 'state') {
    out.push(line(PARTY_SUBJECT_RULE, { size: style.subjectSize }, { align: 'center', after: 6 }));
  } else if (doc.subjectLines.length > 0) {
    out.push(shortRule(pt(page.textWidthMm), pt(STATE_SHORT_RULE_MM * 1.6), 2, 0));
    out.push(line('', { size: 6 }, { after: 6 }));
  } else {
    out.push(line('', { size: 6 }, { after: 6 }));
  }
  return out;
}

const CELL_PADDING_X = 3.5;
const CELL_PADDING_Y = 1.5;
const RULE_WIDTH = 0.5;

const GRID_LAYOUT: CustomTableLayout = {
  hLineWidth: () => RULE_WIDTH,
  vLineWidth: () => RULE_WIDTH,
  paddingLeft: () => CELL_PADDING_X,
  paddingRight: () => CELL_PADDING_X,
  paddingTop: () => CELL_PADDING_Y,
  paddingBottom: () => CELL_PADDING_Y,
};

function dataTable(block: TableBlock, page: ResolvedPage): Content {
  const size = block.fontSize ?? TABLE_FONT_SIZE;
  const total = pt(page.textWidthMm);
  const weightSum = block.columns.reduce((sum, column) => sum + column.width, 0) || 1;
  // pdfmake widths exclude padding and rules, so subtract them to keep the table inside the margins.
  const chrome = 2 * CELL_PADDING_X + RULE_WIDTH;
  const widths = block.columns.map((column, index) => {
    const extra = index === block.columns.length - 1 ? RULE_WIDTH : 0;
    return Math.max(4, (total * column.width) / weightSum - chrome - extra);
  });
  const headerRow: TableCell[] = block.columns.map((column) => ({
    text: [textRun({ text: column.header }, { size, bold: true })],
    alignment: 'center',
    fontSize: size,
  }));
  // A spanned cell (`rowSpans`) keeps its text in its first row and drops the rules inside it, so a
  // span broken by a page still reads as one cell (pdfmake's own rowSpan draws badly across pages).
  const merges = verticalMerges(block);
  const bodyRows: TableCell[][] = block.rows.map((row, rowIndex) =>
    block.columns.map((column, index) => {
      const merge = merges[rowIndex]?.[index];
      const continued = merges[rowIndex + 1]?.[index] === 'continue';
      return {
        text: cellRuns(merge === 'continue' ? '' : (row[index] ?? '')).map((spec) => textRun(spec, { size })),
        alignment: column.align ?? 'left',
        fontSize: size,
        ...(merge === undefined ? {} : { border: [true, merge !== 'continue', true, !continued] }),
      };
    }),
  );
  return {
    table: {
      widths,
      body: [headerRow, ...bodyRows],
      ...(block.repeatHeader ?? true ? { headerRows: 1, keepWithHeaderRows: 1 } : {}),
      dontBreakRows: true,
    },
    layout: GRID_LAYOUT,
    margin: [0, 4, 0, 4],
  };
}

function bodyBlock(block: BodyBlock, page: ResolvedPage, style: FormatStyle): Content[] {
  const size = style.bodySize;
  switch (block.kind) {
    case 'paragraph':
      return [
        {
          ...paragraph(inlineRuns(block.runs, { size }), size, {
            align: block.align ?? 'justify',
            before: PARAGRAPH_SPACING_PT,
            firstLineIndent: block.indent ?? true,
          }),
          ...(leadsIn(block) ? { headlineLevel: 3 } : {}),
        },
      ];
    case 'heading':
      return [
        {
          ...line(block.text, { size, bold: true }, {
            align: 'justify',
            before: PARAGRAPH_SPACING_PT,
            firstLineIndent: block.level === 2,
          }),
          headlineLevel: block.level,
        },
      ];
    case 'bullet':
      return [
        paragraph(inlineRuns(['- ', ...block.runs], { size }), size, {
          align: 'justify',
          before: PARAGRAPH_SPACING_PT,
          firstLineIndent: true,
        }),
      ];
    case 'table':
      return [dataTable(block, page)];
    case 'spacer':
      return Array.from({ length: Math.max(1, block.lines ?? 1) }, () => line('', { size }));
  }
}

/** Longest paragraph (in characters) moved whole with the heading before it. */
const KEEP_WITH_HEADING_MAX = 600;

function blockLength(block: BodyBlock): number {
  return block.kind === 'paragraph' || block.kind === 'bullet' ? block.runs.reduce((n, run) => n + inlineText(run).length, 0) : 0;
}

/**
 * The body followed by the closing block, with keep-with-next: a heading (or a run of headings, or a
 * lead-in paragraph ending with a colon) goes in one unbreakable stack with the block it introduces
 * when that block is a paragraph short enough to move; before a table or a long paragraph, the
 * heading carries `headlineLevel` and `pageBreakBefore` moves it when nothing else follows it on its
 * page. The final blocks (the last paragraph and the headings before it) go in one unbreakable stack
 * with the closing, so neither a heading nor the signature stands alone on a page. pdfmake's
 * `pageBreakBefore` alone is not enough: it sees the nodes of an unbreakable stack on the page where
 * the stack did not fit.
 */
function bodyWithClosing(
  blocks: readonly BodyBlock[],
  closing: ContentColumns,
  page: ResolvedPage,
  style: FormatStyle,
): Content[] {
  const render = (from: number, to: number): Content[] => blocks.slice(from, to).flatMap((block) => bodyBlock(block, page, style));
  const last = blocks[blocks.length - 1];
  let tail = blocks.length;
  if (last !== undefined && last.kind !== 'table') {
    tail -= 1;
    while (tail > 0 && leadsIn(blocks[tail - 1]!)) tail -= 1;
  }
  const out: Content[] = [];
  let at = 0;
  while (at < tail) {
    let next = at;
    while (next < tail && leadsIn(blocks[next]!)) next += 1;
    const introduced = blocks[next];
    if (next > at && next < tail && introduced !== undefined && introduced.kind !== 'table' && blockLength(introduced) <= KEEP_WITH_HEADING_MAX) {
      out.push({ stack: render(at, next + 1), unbreakable: true });
      at = next + 1;
    } else {
      const to = next > at ? next : at + 1;
      out.push(...render(at, to));
      at = to;
    }
  }
  out.push(tail < blocks.length ? { stack: [...render(tail, blocks.length), closing], unbreakable: true } : closing);
  return out;
}

function signatureLines(signature: SignatureBlock, style: FormatStyle): Content[] {
  const size = style.signatureSize;
  const out: Content[] = signature.titleLines.map((text) =>
    line(upperVi(text), { size, bold: true }, { align: 'center' }),
  );
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

function recipientLines(recipients: RecipientsBlock | undefined, style: FormatStyle): Content[] {
  if (recipients === undefined) return [];
  return [
    line(recipientsHeading(recipients), {
      size: style.recipientsHeadingSize,
      bold: style.recipientsHeadingBold,
      italic: style.recipientsHeadingItalic,
      underline: style.recipientsHeadingUnderline,
    }),
    ...recipients.lines.map((text) => line(text, { size: style.recipientsSize })),
  ];
}

/** The annex on a page of its own after the signature (a decision's attached list). */
function annexContent(doc: OfficialDocument, page: ResolvedPage, style: FormatStyle): Content[] {
  if (!doc.annex || doc.annex.length === 0) return [];
  return [{ stack: doc.annex.flatMap((block) => bodyBlock(block, page, style)), pageBreak: 'before' }];
}

/** Options that only tests and diagnostics need. */
export interface RenderPdfOptions {
  /** Compress content streams (default true); false leaves page text readable in the raw file. */
  readonly compress?: boolean;
}

/**
 * Builds the pdfmake definition of a model. Exported so callers can inspect or extend the layout
 * without rendering; {@link renderPdf} is the usual entry point.
 */
export function pdfDefinition(doc: OfficialDocument, options: RenderPdfOptions = {}): TDocumentDefinitions {
  const page = resolvePage(doc);
  const style = FORMAT_STYLES[doc.format];
  const { margins } = page;
  const draft = doc.draft === true;
  const header = doc.format === 'state' ? stateHeader(doc.header, draft, page, style) : titledHeader(doc.format, doc.header, draft, page, style);
  const signatures = alignedSignatures(doc);
  const closing: ContentColumns = {
    ...twoColumns(
      page,
      style.closingLeftShare,
      [...(signatures.left ? signatureLines(signatures.left, style) : []), ...recipientLines(doc.recipients, style)],
      signatureLines(signatures.right, style),
    ),
    unbreakable: true,
    margin: [0, 11, 0, 0],
  };

  return {
    pageSize: 'A4',
    pageOrientation: page.orientation,
    pageMargins: [pt(margins.left), pt(margins.top), pt(margins.right), pt(margins.bottom)],
    compress: options.compress ?? true,
    info: {
      title: documentTitle(doc),
      author: doc.header.issuingBody.replace(/\s*\n\s*/g, ' '),
      creator: 'Dân vận khéo',
    },
    language: 'vi-VN',
    defaultStyle: { font: FONT, fontSize: style.bodySize, lineHeight: 1 },
    header: (currentPage: number) =>
      currentPage <= 1
        ? null
        : {
            text: String(currentPage),
            font: FONT,
            fontSize: style.pageNumberSize,
            alignment: 'center',
            margin: [pt(margins.left), pt(HEADER_DISTANCE_MM), pt(margins.right), 0],
          },
    content: [header, ...titleBlock(doc, page, style), ...bodyWithClosing(doc.body, closing, page, style), ...annexContent(doc, page, style)],
    // Keep a heading with the first lines of what follows it.
    pageBreakBefore: (current, following) =>
      current.headlineLevel !== undefined && following.every((node) => node.headlineLevel !== undefined),
  };
}

/**
 * Renders the model as PDF — the second output, for reading and printing without Word. Uses the
 * same layout decisions as {@link renderDocx} so both look alike.
 */
export async function renderPdf(doc: OfficialDocument, options: RenderPdfOptions = {}): Promise<Buffer> {
  const printer = new PdfPrinter(tinosFonts());
  const pdf = printer.createPdfKitDocument(pdfDefinition(doc, options));
  const buffer = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
    });
    pdf.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    pdf.on('error', reject);
    pdf.end();
  });
  return buffer;
}
