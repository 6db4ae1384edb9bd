import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';

import {
  contentDisposition,
  fileNameFor,
  formatDocumentDate,
  formatDocumentDateLine,
  resolvePage,
  verticalMerges,
} from './document-model.js';
import type { OfficialDocument } from './document-model.js';
import { extractPdfFragments, extractPdfText } from './pdf-text.js';
import { renderDocx } from './render-docx.js';
import { renderPdf } from './render-pdf.js';
import {
  sampleApologySlip,
  sampleCellPlan,
  sampleDraftApologySlip,
  sampleDraftCellPlan,
  sampleFrontPlan,
  sampleRegistrationSheet,
  sampleYouthUnionPlan,
} from './samples.js';

async function documentXml(buffer: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const file = zip.file('word/document.xml');
  if (file === null) throw new Error('word/document.xml missing');
  return file.async('string');
}

/** Text of the `w:r` runs whose text contains `needle`, with their run properties. */
function runsContaining(xml: string, needle: string): string[] {
  return [...xml.matchAll(/<w:r>(?:(?!<\/w:r>)[\s\S])*<\/w:r>/g)]
    .map((m) => m[0])
    .filter((run) => run.includes(needle));
}

/**
 * The text a reader sees in Word, one line per paragraph: runs joined, Word's non-breaking hyphen
 * read as "-", non-breaking spaces as spaces, word joiners dropped.
 */
function wordText(xml: string): string {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) =>
      [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:noBreakHyphen\/>/g)]
        .map((t) => t[1] ?? '-')
        .join(''),
    )
    .join('\n')
    .replace(/\u00a0/g, ' ')
    .replace(/\u2060/g, '');
}

/** Whitespace-insensitive containment: PDF lines break wherever the layout puts them. */
function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

const CELL_PLAN_STRINGS = [
  // Hướng dẫn 36-HD/VPTW: a cell's superior line is the Party organisation, not its committee.
  'ĐẢNG BỘ XÃ THẠNH AN',
  'CHI BỘ TRƯỜNG TIỂU HỌC',
  'ĐẢNG CỘNG SẢN VIỆT NAM',
  'Số 01-KH/CB',
  'Thạnh An, ngày 05 tháng 3 năm 2020',
  'KẾ HOẠCH',
  'Triển khai kế hoạch phát động thi đua nâng cao chất lượng',
  'Căn cứ Kế hoạch số 236-KH/ĐU ngày 02 tháng 3 năm 2020 của Đảng ủy xã Thạnh An về',
  'I. Mục đích, yêu cầu',
  'II. Nội dung thực hiện',
  'III. Tổ chức thực hiện',
  'Kịp thời đề xuất tuyên dương các gương điển hình tập thể, cá nhân trong chi bộ.',
  'Trên đây là kế hoạch triển khai phát động phong trào thi đua',
  'T/M CHI BỘ',
  'BÍ THƯ',
  '(Đã ký)',
  'Lê Hữu Bình',
  'Nơi nhận:',
  '- Đảng ủy xã Thạnh An;',
  '- TTKV xã;',
  '- Đảng viên Chi bộ;',
  '- Lưu HSCB.',
];

describe('formatDocumentDateLine', () => {
  it('writes a leading zero only for days below 10 and months 1 and 2', () => {
    expect(formatDocumentDateLine('Thạnh An', '2020-03-02')).toBe('Thạnh An, ngày 02 tháng 3 năm 2020');
    expect(formatDocumentDateLine('Thạnh An', '2019-01-15')).toBe('Thạnh An, ngày 15 tháng 01 năm 2019');
    expect(formatDocumentDate('2020-02-29')).toBe('ngày 29 tháng 02 năm 2020');
    expect(formatDocumentDate('2020-12-31T23:59:00+07:00')).toBe('ngày 31 tháng 12 năm 2020');
    expect(formatDocumentDate('2021-10-09')).toBe('ngày 09 tháng 10 năm 2021');
  });

  it('rejects dates that do not exist', () => {
    expect(() => formatDocumentDate('2019-02-29')).toThrow(RangeError);
    expect(() => formatDocumentDate('05/03/2020')).toThrow(RangeError);
  });
});

describe('fileNameFor and contentDisposition', () => {
  it('keeps Vietnamese and removes path separators', () => {
    expect(fileNameFor('Kế hoạch số 01-KH/CB', 'docx')).toBe('Kế hoạch số 01-KH-CB.docx');
    expect(fileNameFor('  a:b*c?  "d"  ', '.PDF')).toBe('a-b-c- -d-.pdf');
    expect(fileNameFor('///', 'xlsx')).toBe('tai-lieu.xlsx');
    expect(fileNameFor('x'.repeat(300), 'pdf')).toHaveLength(124);
  });

  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    const value = contentDisposition('Kế hoạch "Dân vận khéo" (2020).docx');
    expect(value).toBe(
      'attachment; filename="Ke hoach _Dan van kheo_ (2020).docx"; ' +
        "filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20%22D%C3%A2n%20v%E1%BA%ADn%20kh%C3%A9o%22%20%282020%29.docx",
    );
    expect(contentDisposition('Đảng ủy.pdf', 'inline')).toMatch(/^inline; filename="Dang uy\.pdf"; filename\*=UTF-8''/);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(contentDisposition('Bảng đăng ký.xlsx'))?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe('Bảng đăng ký.xlsx');
  });
});

describe('resolvePage', () => {
  it('uses the format defaults and the model overrides', () => {
    expect(resolvePage(sampleCellPlan).margins).toEqual({ top: 20, bottom: 20, left: 30, right: 15 });
    const page = resolvePage({ ...sampleCellPlan, orientation: 'landscape', margins: { left: 25 } });
    expect(page).toMatchObject({ widthMm: 297, heightMm: 210, textWidthMm: 257 });
    expect(page.margins.left).toBe(25);
  });
});

describe('renderDocx', () => {
  it('writes the cell plan as the seed reads, Party format', async () => {
    const buffer = await renderDocx(sampleCellPlan);
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    const xml = await documentXml(buffer);
    for (const text of CELL_PLAN_STRINGS) expect(wordText(xml), text).toContain(text);

    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('w:titlePg');

    const dateRuns = runsContaining(xml, 'Thạnh An, ngày 05 tháng 3 năm 2020');
    expect(dateRuns).toHaveLength(1);
    expect(dateRuns[0]).toMatch(/<w:i\/>/);
    const [titleRun] = runsContaining(xml, 'ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(titleRun).toMatch(/<w:b\/>/);
    expect(titleRun).toMatch(/<w:u w:val="single"\/>/);
    expect(titleRun).toContain('<w:sz w:val="30"/>');
    const [issuingRun] = runsContaining(xml, 'CHI BỘ TRƯỜNG TIỂU HỌC');
    expect(issuingRun).toMatch(/<w:b\/>/);
    const [headingRun] = runsContaining(xml, 'II. Nội dung thực hiện');
    expect(headingRun).toMatch(/<w:b\/>/);
    expect(runsContaining(xml, 'Lê Hữu Bình')[0]).toMatch(/<w:b\/>/);

    const zip = await JSZip.loadAsync(buffer);
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^word\/header\d+\.xml$/.test(name))
        .map((name) => zip.file(name)?.async('string') ?? Promise.resolve('')),
    );
    expect(headers.some((header) => header.includes('PAGE'))).toBe(true);
  });

  it('swaps the page size for a landscape model and repeats the table header', async () => {
    const xml = await documentXml(await renderDocx(sampleRegistrationSheet));
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
    expect(xml).toContain('<w:tblHeader/>');
    for (const header of ['STT', 'Họ và tên', 'Việc làm thiết thực/mô hình', 'Minh chứng', 'Ký tên']) {
      expect(xml).toContain(header);
    }
    expect(xml).toContain('BẢNG ĐĂNG KÝ');
  });

  it('applies the margins of the model', async () => {
    const model: OfficialDocument = { ...sampleCellPlan, margins: { top: 25, left: 35, right: 20 } };
    const xml = await documentXml(await renderDocx(model));
    expect(xml).toMatch(/<w:pgMar w:top="1417" w:right="1134" w:bottom="1134" w:left="1984"/);
  });

  it('writes the State header, motto and signature', async () => {
    const xml = await documentXml(await renderDocx(sampleApologySlip));
    for (const text of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'ỦY BAN NHÂN DÂN',
      'XÃ THẠNH AN',
      'Số: 03/PXL-UBND',
      'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
      'TM. ỦY BAN NHÂN DÂN',
      'KT. CHỦ TỊCH',
      '- Lưu: VT, BPMC.',
    ]) {
      expect(wordText(xml), text).toContain(text);
    }
    const [recipientsRun] = runsContaining(xml, 'Nơi nhận:');
    expect(recipientsRun).toMatch(/<w:b\/>/);
    expect(recipientsRun).toMatch(/<w:i\/>/);
    expect(recipientsRun).toContain('<w:sz w:val="24"/>');
  });
});

describe('renderPdf', () => {
  it('writes the cell plan with Tinos and extractable text', async () => {
    const buffer = await renderPdf(sampleCellPlan, { compress: false });
    expect(buffer.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = buffer.toString('latin1');
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+Tinos-Regular/);
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+Tinos-Bold\b/);
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+Tinos-Italic/);
    expect(raw).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);

    const text = extractPdfText(buffer);
    for (const needle of CELL_PLAN_STRINGS) expect(squash(text), needle).toContain(squash(needle));
    const pages = text.split('\f');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    // Page numbers from page 2 only (pdfmake writes the header after the body).
    expect(pages[0]?.split('\n')).not.toContain('1');
    expect(pages[1]?.split('\n')).toContain('2');
  });

  it('extracts the same text from a compressed PDF', async () => {
    const text = extractPdfText(await renderPdf(sampleApologySlip));
    for (const needle of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 03/PXL-UBND',
      'Thạnh An, ngày 15 tháng 6 năm 2020',
      'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
      'Mã hồ sơ: 000.00.30.H29-200601-0015.',
      'TM. ỦY BAN NHÂN DÂN',
      'Phạm Văn Lợi',
      '- Lưu: VT, BPMC.',
    ]) {
      expect(squash(text), needle).toContain(squash(needle));
    }
  });

  it('lays a landscape table out on a landscape page', async () => {
    const buffer = await renderPdf(sampleRegistrationSheet, { compress: false });
    expect(buffer.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
    const text = squash(extractPdfText(buffer));
    for (const needle of ['BẢNG ĐĂNG KÝ', 'STT', 'Họ và tên', 'Nội dung và cách thực hiện', 'Ký tên', 'Trần Văn Nam']) {
      expect(text, needle).toContain(squash(needle));
    }
  });
});

describe('row spans', () => {
  const spanned: OfficialDocument = {
    ...sampleRegistrationSheet,
    body: [
      {
        kind: 'table',
        columns: [
          { header: 'STT', width: 1 },
          { header: 'Họ và tên', width: 3 },
          { header: 'Việc làm', width: 6 },
        ],
        rows: [
          ['1', 'Lê Hữu Bình', 'Việc thứ nhất'],
          ['', 'ignored', 'Việc thứ hai'],
          ['2', 'Trần Thị Mai', 'Việc thứ ba'],
        ],
        rowSpans: [
          { row: 0, column: 0, rowSpan: 2 },
          { row: 0, column: 1, rowSpan: 2 },
          { row: 2, column: 1, rowSpan: 5 },
        ],
      },
    ],
  };

  it('computes where each span starts and what it covers, clipped to the table', () => {
    const block = spanned.body[0];
    if (block?.kind !== 'table') throw new Error('table expected');
    expect(verticalMerges(block)).toEqual([
      ['start', 'start', undefined],
      ['continue', 'continue', undefined],
      [undefined, undefined, undefined],
    ]);
  });

  it('merges the cells in Word and keeps only the first text in both outputs', async () => {
    const xml = await documentXml(await renderDocx(spanned));
    expect(xml.match(/<w:vMerge w:val="restart"\/>/g)).toHaveLength(2);
    expect(xml.match(/<w:vMerge w:val="continue"\/>|<w:vMerge\/>/g)).toHaveLength(2);
    expect(xml).not.toContain('ignored');
    const text = squash(extractPdfText(await renderPdf(spanned)));
    expect(text).toContain(squash('Việc thứ hai'));
    expect(text).not.toContain('ignored');
  });
});

describe('minimal documents', () => {
  const minimal: OfficialDocument = {
    format: 'party',
    header: { issuingBody: 'CHI BỘ ẤP THẠNH BÌNH', numberLine: 'Số 05-BC/CB', placeAndDate: 'Thạnh An, ngày 01 tháng 01 năm 2021' },
    typeName: 'báo cáo',
    subjectLines: [],
    body: [],
    signature: { titleLines: ['T/M CHI BỘ', 'BÍ THƯ'], signerName: 'Nguyễn Văn A' },
  };

  it('render without a superior body, body blocks or recipients, capitalising the type name', async () => {
    const xml = await documentXml(await renderDocx(minimal));
    expect(xml).toContain('BÁO CÁO');
    expect(xml).not.toContain('Nơi nhận');
    const text = squash(extractPdfText(await renderPdf(minimal)));
    expect(text).toContain(squash('CHI BỘ ẤP THẠNH BÌNH'));
    expect(text).toContain(squash('BÁO CÁO'));
    expect(text).toContain(squash('Nguyễn Văn A'));
  });
});

describe('the DỰ THẢO mark of a draft', () => {
  it('prints DỰ THẢO bold in a box under the number line, Party and State, in DOCX and PDF; an issued document has none', async () => {
    for (const [draft, issued, numberLine] of [
      [sampleDraftCellPlan, sampleCellPlan, 'Số     -KH/CB'],
      [sampleDraftApologySlip, sampleApologySlip, 'Số:     /PXL-UBND'],
    ] as const) {
      const xml = await documentXml(await renderDocx(draft));
      const mark = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*<\/w:p>/g)].map((m) => m[0]).find((p) => p.includes('>DỰ THẢO<'));
      expect(mark, draft.format).toBeDefined();
      expect(mark).toContain('<w:b/>');
      for (const side of ['top', 'bottom', 'left', 'right']) expect(mark).toMatch(new RegExp(`<w:${side} w:val="single"`));
      expect(xml.indexOf('>DỰ THẢO<')).toBeGreaterThan(xml.indexOf(numberLine));
      const pdf = squash(extractPdfText(await renderPdf(draft)));
      expect(pdf).toContain(squash('DỰ THẢO'));
      expect(pdf.indexOf(squash('DỰ THẢO'))).toBeGreaterThan(pdf.indexOf(squash(numberLine)));

      expect(await documentXml(await renderDocx(issued))).not.toContain('DỰ THẢO');
      expect(extractPdfText(await renderPdf(issued))).not.toContain('DỰ THẢO');
    }
  });
});

describe('each system its own header (issue 9, point 7)', () => {
  it('the Front: quốc hiệu and tiêu ngữ, no Party title; the Youth Union: ĐOÀN TNCS HỒ CHÍ MINH and ***', async () => {
    const front = wordText(await documentXml(await renderDocx(sampleFrontPlan)));
    expect(front).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(front).not.toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    const youthXml = await documentXml(await renderDocx(sampleYouthUnionPlan));
    const youth = wordText(youthXml);
    expect(youth).toContain('ĐOÀN TNCS HỒ CHÍ MINH');
    expect(youth).toMatch(/^\*\*\*$/m);
    expect(youth).not.toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(youth).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const [title] = runsContaining(youthXml, 'ĐOÀN TNCS');
    expect(title).toMatch(/<w:u w:val="single"\/>/);
    const pdf = extractPdfText(await renderPdf(sampleYouthUnionPlan));
    expect(pdf).toMatch(/^\*\*\*$/m);
    expect(squash(pdf)).toContain(squash('ĐOÀN TNCS HỒ CHÍ MINH'));
    expect(pdf).not.toContain('ĐẢNG CỘNG SẢN');
  });
});

describe('unbreakable spans and keep-with-next (issue 9, point 9)', () => {
  const model: OfficialDocument = {
    ...sampleCellPlan,
    header: { ...sampleCellPlan.header, issuingBody: 'ĐOÀN TNCS HỒ CHÍ MINH XÃ THẠNH AN' },
    body: [
      {
        kind: 'paragraph',
        runs: [
          'Thực hiện Kế hoạch số 236-KH/ĐU ngày 02 tháng 3 năm 2020 của Đảng ủy xã Thạnh An, giao đồng chí Huỳnh Thị Lan : theo dõi nhiệm kỳ 2015-2020 và báo cáo Ban Thường vụ Huyện ủy (b/c); '.repeat(3),
        ],
      },
      // A bold name, then its colon in the next run (the supervision report's violations).
      { kind: 'bullet', runs: [{ text: 'Đồng chí Huỳnh Thị Lan', bold: true }, ': vi phạm luật giao thông ngày 14/08/2020 — Không đội mũ bảo hiểm khi điều khiển xe mô tô trên đường liên ấp.'] },
    ],
  };

  it('PDF: a document number, a name before its colon, a header name and a quotation are each drawn in one piece', async () => {
    const fragments = extractPdfFragments(await renderPdf(model)).map((f) => f.trim());
    for (const whole of ['số 236-KH/ĐU', 'Lan :', '2015-2020', '(b/c);', 'HỒ CHÍ MINH', 'XÃ THẠNH AN', 'Lan:']) expect(fragments, whole).toContain(whole);
    expect(fragments.some((f) => f.startsWith('“5 không”'))).toBe(true);
    for (const piece of ['236-', 'KH/', 'HỒ', 'MINH', ':']) expect(fragments, piece).not.toContain(piece);
  });

  it('DOCX: non-breaking hyphens and spaces, a word joiner after a slash', async () => {
    const xml = await documentXml(await renderDocx(model));
    expect(xml).toContain('số\u00a0236</w:t><w:noBreakHyphen/><w:t xml:space="preserve">KH/\u2060ĐU');
    expect(xml).toContain('Lan\u00a0:');
    expect(xml).toContain('HỒ\u00a0CHÍ\u00a0MINH');
    expect(xml).toContain('“5\u00a0không”');
    expect(wordText(xml)).toContain('Kế hoạch số 236-KH/ĐU ngày 02 tháng 3 năm 2020');
  });

  it('keeps a heading with what follows: never last on a PDF page, keepNext in Word', async () => {
    const filler = (i: number): OfficialDocument['body'][number] => ({ kind: 'paragraph', runs: [`Đoạn ${String(i)} ${'nội dung thực hiện phong trào thi đua '.repeat((i % 3) + 1)}`] });
    for (let n = 13; n < 18; n += 1) {
      const body: OfficialDocument['body'][number][] = Array.from({ length: n }, (_, i) => filler(i));
      body.push({ kind: 'heading', level: 1, text: 'IV. Đề xuất, kiến nghị' }, { kind: 'paragraph', runs: ['Đề nghị chi bộ tiếp tục nhắc nhở đảng viên.'] });
      const pages = extractPdfText(await renderPdf({ ...sampleCellPlan, body })).split('\f');
      for (const page of pages) {
        const lines = page.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !/^\d+$/.test(l));
        expect(lines.at(-1), `${String(n)} paragraphs`).not.toBe('IV. Đề xuất, kiến nghị');
      }
    }
    const xml = await documentXml(await renderDocx(sampleCellPlan));
    const heading = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*<\/w:p>/g)].map((m) => m[0]).find((p) => p.includes('II. Nội dung thực hiện'));
    expect(heading).toContain('<w:keepNext/>');
  }, 60_000);
});
