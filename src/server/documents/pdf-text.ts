/**
 * Minimal text extraction for the PDFs this project writes (pdfmake/pdfkit: Type0 fonts with
 * Identity-H glyph codes and a ToUnicode CMap, one positioned text object per fragment). Tests use
 * it to check what a user would read without a PDF library or a system tool; it is not a general
 * PDF parser.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  readonly dict: string;
  readonly stream?: Buffer;
}

function parseObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+)\s+\d+\s+obj\b/g;
  for (let match = header.exec(text); match !== null; match = header.exec(text)) {
    const start = match.index + match[0].length;
    let end = text.indexOf('endobj', start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const streamAt = body.search(/\bstream\r?\n/);
    let object: PdfObject;
    if (streamAt < 0) {
      object = { dict: body };
    } else {
      const dict = body.slice(0, streamAt);
      const dataStart = start + streamAt + (body.startsWith('stream\r\n', streamAt) ? 8 : 7);
      // Compressed bytes (an embedded font subset) may happen to spell "endobj": trust a direct
      // /Length, and look for the object's end after the data.
      const length = /\/Length\s+(\d+)\b(?!\s+\d+\s+R)/.exec(dict);
      if (length) end = Math.max(end, text.indexOf('endobj', dataStart + Number(length[1])));
      const dataEnd = length ? dataStart + Number(length[1]) : text.lastIndexOf('endstream', end);
      let raw = pdf.subarray(dataStart, dataEnd);
      if (!length && raw.at(-1) === 0x0a) raw = raw.subarray(0, -1);
      if (!length && raw.at(-1) === 0x0d) raw = raw.subarray(0, -1);
      const stream = /\/Filter\s*\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
      object = { dict, stream };
    }
    objects.set(Number(match[1]), object);
    header.lastIndex = end;
  }
  return objects;
}

function utf16Hex(hex: string): string {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
}

/** Glyph code → Unicode text from a ToUnicode CMap. */
function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const section of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const entry of (section[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      map.set(parseInt(entry[1] ?? '0', 16), utf16Hex(entry[2] ?? ''));
    }
  }
  for (const section of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const body = section[1] ?? '';
    const entries = /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)/g;
    for (const entry of body.matchAll(entries)) {
      const low = parseInt(entry[1] ?? '0', 16);
      const high = parseInt(entry[2] ?? '0', 16);
      const target = entry[3] ?? '';
      if (target.startsWith('[')) {
        const values = [...target.matchAll(/<([0-9A-Fa-f]+)>/g)].map((m) => utf16Hex(m[1] ?? ''));
        values.forEach((value, offset) => map.set(low + offset, value));
      } else {
        const base = target.slice(1, -1);
        const prefix = base.slice(0, -4);
        const last = parseInt(base.slice(-4), 16);
        for (let code = low; code <= high; code += 1) {
          map.set(code, utf16Hex(prefix + (last + code - low).toString(16).padStart(4, '0')));
        }
      }
    }
  }
  return map;
}

function refs(value: string): number[] {
  return [...value.matchAll(/(\d+)\s+\d+\s+R/g)].map((m) => Number(m[1]));
}

function decodeHex(hex: string, cmap: Map<number, string> | undefined): string {
  const clean = hex.replace(/\s+/g, '');
  if (cmap === undefined) return '';
  let out = '';
  for (let i = 0; i + 4 <= clean.length; i += 4) out += cmap.get(parseInt(clean.slice(i, i + 4), 16)) ?? '';
  return out;
}

/** One positioned text object (BT … ET) of a page, as pdfkit writes one per laid-out fragment. */
interface PdfFragment {
  readonly y: number | undefined;
  readonly text: string;
}

function pageFragments(pdf: Buffer): PdfFragment[][] {
  const objects = parseObjects(pdf);

  // Font resource name (F1, F2…) → ToUnicode map. pdfkit names fonts uniquely per document.
  const fonts = new Map<string, Map<number, string>>();
  for (const object of objects.values()) {
    for (const block of object.dict.matchAll(/\/Font\s*<<([\s\S]*?)>>/g)) {
      for (const entry of (block[1] ?? '').matchAll(/\/([^\s/<>]+)\s+(\d+)\s+\d+\s+R/g)) {
        const font = objects.get(Number(entry[2]));
        const toUnicode = font?.dict.match(/\/ToUnicode\s+(\d+)\s+\d+\s+R/);
        const cmap = toUnicode ? objects.get(Number(toUnicode[1]))?.stream : undefined;
        if (cmap !== undefined) fonts.set(entry[1] ?? '', parseToUnicode(cmap.toString('latin1')));
      }
    }
  }

  const pagesRoot = [...objects.values()].find((o) => /\/Type\s*\/Pages\b/.test(o.dict));
  const kids = pagesRoot?.dict.match(/\/Kids\s*\[([^\]]*)\]/)?.[1] ?? '';
  const pages: PdfFragment[][] = [];
  for (const pageRef of refs(kids)) {
    const page = objects.get(pageRef);
    const contents = page?.dict.match(/\/Contents\s*(\[[^\]]*\]|\d+\s+\d+\s+R)/)?.[1] ?? '';
    const fragments: PdfFragment[] = [];
    let lastY: number | undefined;
    for (const contentRef of refs(contents)) {
      const stream = objects.get(contentRef)?.stream?.toString('latin1') ?? '';
      for (const block of stream.matchAll(/BT([\s\S]*?)ET/g)) {
        const body = block[1] ?? '';
        const position = body.match(/([-\d.]+)\s+([-\d.]+)\s+Tm/) ?? body.match(/([-\d.]+)\s+([-\d.]+)\s+Td/);
        const y = position ? Number(position[2]) : lastY;
        lastY = y;
        let font: Map<number, string> | undefined;
        let text = '';
        const ops = /\/([^\s/]+)\s+[-\d.]+\s+Tf|\[([^\]]*)\]\s*TJ|<([0-9A-Fa-f\s]*)>\s*Tj/g;
        for (const op of body.matchAll(ops)) {
          if (op[1] !== undefined) font = fonts.get(op[1]);
          else if (op[2] !== undefined) {
            for (const hex of op[2].matchAll(/<([0-9A-Fa-f\s]*)>/g)) text += decodeHex(hex[1] ?? '', font);
          } else if (op[3] !== undefined) text += decodeHex(op[3], font);
        }
        fragments.push({ y, text });
      }
    }
    pages.push(fragments);
  }
  return pages;
}

/**
 * Text of every page in order, one line per baseline, pages separated by a form feed. Lets tests
 * assert on what the PDF says (Vietnamese included) whether or not streams are compressed.
 */
export function extractPdfText(pdf: Buffer): string {
  return pageFragments(pdf)
    .map((fragments) => {
      const lines: string[] = [];
      let current = '';
      let lastY: number | undefined;
      for (const { y, text } of fragments) {
        if (lastY !== undefined && y !== undefined && Math.abs(y - lastY) > 1) {
          lines.push(current);
          current = '';
        }
        lastY = y;
        current += text;
      }
      lines.push(current);
      return lines.map((l) => l.trimEnd()).join('\n');
    })
    .join('\f');
}

/**
 * Every text fragment the PDF draws, in order (pdfmake draws each word, or each unbreakable span,
 * on its own, and a justified line spreads its spare width between fragments): tests check that a
 * document number or a quotation is drawn whole, not as pieces a justified line pulls apart.
 */
export function extractPdfFragments(pdf: Buffer): string[] {
  return pageFragments(pdf).flatMap((fragments) => fragments.map((f) => f.text));
}
