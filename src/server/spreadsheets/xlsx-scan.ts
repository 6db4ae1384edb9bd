/**
 * A lean streaming reader of the first worksheet of an XLSX file, for imports. exceljs' streaming
 * reader builds a SAX event object per tag, a Row with Cell objects and a style model per cell:
 * on a 100,000-row sheet that was most of the import's time and a few hundred MB of garbage. An
 * XLSX sheet is a regular XML (rows of cells, each with a type, a style and a value), so this
 * scans the inflated text directly: shared strings and the date styles first, then the sheet row
 * by row as its entry inflates (the sheet is never held whole). Values come out as exceljs gave
 * them (text, number, boolean, Date for a number with a date format, `{ formula }` for any
 * formula, the error text), so the rules downstream are unchanged.
 */
import { Readable } from "node:stream";
import yauzl, { type Entry, type ZipFile } from "yauzl";

/** A cell as read: null when empty. */
export type ScannedCell = null | string | number | boolean | Date | { formula: string };

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML text → string (the five named entities and numeric references). */
export function xmlText(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(ENTITY, (_, e: string) => {
    if (e[0] !== "#") return NAMED[e]!;
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/** The value of attribute `name` in a tag's attribute text, or null (no regular expression: it runs for every cell). */
function attr(attrs: string, name: string): string | null {
  for (let i = attrs.indexOf(name); i >= 0; i = attrs.indexOf(name, i + 1)) {
    const before = attrs.charCodeAt(i - 1);
    if (i > 0 && before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    let j = i + name.length;
    while (attrs[j] === " ") j++;
    if (attrs[j] !== "=") continue;
    j++;
    while (attrs[j] === " ") j++;
    const q = attrs[j];
    if (q !== '"' && q !== "'") continue;
    const end = attrs.indexOf(q, j + 1);
    if (end < 0) return null;
    return xmlText(attrs.slice(j + 1, end));
  }
  return null;
}

/** Is the character after a tag name the end of the name (so `<c` is not `<col`)? */
const endsName = (ch: string | undefined) => ch === " " || ch === ">" || ch === "/" || ch === "\t" || ch === "\n" || ch === "\r";

/** Index of the next `<name` tag (exact name) from `from`, or -1. */
function findTag(s: string, open: string, from: number): number {
  for (let i = s.indexOf(open, from); i >= 0; i = s.indexOf(open, i + 1)) if (endsName(s[i + open.length])) return i;
  return -1;
}

/**
 * The concatenated text of every `<t>` in `xml` (a shared string or an inline string, plain or
 * rich), leaving out phonetic runs (`<rPh>`), as Excel shows it.
 */
function textOf(xml: string, p: string): string {
  if (xml.indexOf(`<${p}rPh`) >= 0) xml = xml.replace(new RegExp(`<${p}rPh[\\s>][\\s\\S]*?</${p}rPh>`, "g"), "");
  const open = `<${p}t`;
  const close = `</${p}t>`;
  let out = "";
  for (let i = findTag(xml, open, 0); i >= 0; i = findTag(xml, open, i + 1)) {
    const gt = xml.indexOf(">", i);
    if (xml[gt - 1] === "/") continue;
    const end = xml.indexOf(close, gt);
    if (end < 0) break;
    out += xml.slice(gt + 1, end);
    i = end;
  }
  return xmlText(out);
}

/** The namespace prefix ("x:" or "") a document uses for its root-level element `name`. */
function prefixOf(s: string, name: string): string | null {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${name}[\\s>/]`).exec(s);
  return m ? (m[1] ?? "") : null;
}

function openZip(buf: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(buf, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => (err || !zip ? reject(err ?? new Error("zip")) : resolve(zip))),
  );
}

function listEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    zip.on("entry", (e: Entry) => {
      entries.set(e.fileName.replace(/^\/+/, ""), e);
      zip.readEntry();
    });
    zip.on("end", () => resolve(entries));
    zip.on("error", reject);
    zip.readEntry();
  });
}

/** An entry's inflated text, chunk by chunk (UTF-8 decoded across chunk boundaries). */
async function* entryText(zip: ZipFile, entry: Entry): AsyncGenerator<string> {
  const stream = await new Promise<Readable>((resolve, reject) => zip.openReadStream(entry, (err, s) => (err || !s ? reject(err ?? new Error("zip")) : resolve(s))));
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of stream) yield decoder.decode(chunk as Buffer, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

async function wholeText(zip: ZipFile, entry: Entry | undefined): Promise<string | null> {
  if (!entry) return null;
  let s = "";
  for await (const t of entryText(zip, entry)) s += t;
  return s;
}

/**
 * Calls `each` with every complete `<name>…</name>` element of a streamed document (prefix
 * detected on its `root`), holding only the unfinished tail between chunks.
 */
async function eachElement(chunks: AsyncIterable<string>, root: string, name: string, each: (xml: string, p: string) => void): Promise<void> {
  let carry = "";
  let p: string | null = null;
  for await (const chunk of chunks) {
    carry += chunk;
    if (p === null) {
      p = prefixOf(carry, root);
      if (p === null) continue;
    }
    const close = `</${p}${name}>`;
    const last = carry.lastIndexOf(close);
    if (last < 0) continue;
    const cut = last + close.length;
    each(carry.slice(0, cut), p);
    carry = carry.slice(cut);
  }
  // self-closing elements after the last closing tag (an empty `<si/>`)
  if (p !== null && carry) each(carry, p);
}

/** Built-in number formats that show a date or a time (ECMA-376 18.8.30 and the East Asian ones). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** exceljs' test: a format showing y, m, d, h, s or b outside quotes and brackets is a date. */
const isDateFormat = (code: string) => /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));

/** Which cell styles (index into cellXfs) show numbers as dates. */
function dateStyles(styles: string | null): Set<number> {
  const out = new Set<number>();
  if (!styles) return out;
  const p = prefixOf(styles, "styleSheet") ?? "";
  const custom = new Map<number, string>();
  for (const m of styles.matchAll(new RegExp(`<${p}numFmt\\s([^>]*)>`, "g"))) custom.set(Number(attr(m[1]!, "numFmtId")), attr(m[1]!, "formatCode") ?? "");
  const xfsStart = findTag(styles, `<${p}cellXfs`, 0);
  if (xfsStart < 0) return out;
  const xfsEnd = styles.indexOf(`</${p}cellXfs>`, xfsStart);
  const xfs = styles.slice(xfsStart, xfsEnd < 0 ? undefined : xfsEnd);
  let index = 0;
  for (let i = findTag(xfs, `<${p}xf`, 0); i >= 0; i = findTag(xfs, `<${p}xf`, i + 1), index++) {
    const id = Number(attr(xfs.slice(i + p.length + 3, xfs.indexOf(">", i)), "numFmtId") ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id)) out.add(index);
  }
  return out;
}

/** Column number (1-based) of a cell reference such as "AB12". */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n;
}

/** The path of the workbook's first sheet (workbook order), or null. */
function firstSheetPath(workbook: string | null, rels: string | null, entries: Map<string, Entry>): string | null {
  if (workbook && rels) {
    const p = prefixOf(workbook, "workbook") ?? "";
    const i = findTag(workbook, `<${p}sheet`, 0);
    if (i >= 0) {
      const attrs = workbook.slice(i, workbook.indexOf(">", i));
      const rid = /\s(?:[\w.-]+:)?id\s*=\s*["']([^"']*)["']/.exec(attrs)?.[1];
      if (rid) {
        for (const m of rels.matchAll(/<(?:[\w.-]+:)?Relationship\s([^>]*)>/g)) {
          if (attr(m[1]!, "Id") !== rid) continue;
          const target = attr(m[1]!, "Target") ?? "";
          const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
          const normal = path.split("/").reduce<string[]>((a, seg) => (seg === ".." ? a.slice(0, -1) : seg === "." ? a : [...a, seg]), []).join("/");
          if (entries.has(normal)) return normal;
        }
      }
    }
  }
  // no workbook part to go by: the first worksheet in the archive
  for (const name of entries.keys()) if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) return name;
  return null;
}

/** Thrown when the file holds no worksheet at all. */
export class NoSheetError extends Error {}

/**
 * Yields the rows of the first worksheet, each as its 1-based number and its cells from column A
 * (null where empty), in batches as the sheet inflates. Any malformed part throws.
 */
export async function* scanFirstSheet(input: Buffer): AsyncGenerator<{ row: number; cells: ScannedCell[] }[]> {
  const zip = await openZip(input);
  try {
    const entries = await listEntries(zip);
    const [workbook, rels, styles] = await Promise.all([
      wholeText(zip, entries.get("xl/workbook.xml")),
      wholeText(zip, entries.get("xl/_rels/workbook.xml.rels")),
      wholeText(zip, entries.get("xl/styles.xml")),
    ]);
    const sheetPath = firstSheetPath(workbook, rels, entries);
    if (!sheetPath) throw new NoSheetError();
    const dates = dateStyles(styles);
    const date1904 = workbook !== null && /date1904\s*=\s*["'](1|true)["']/.test(workbook);
    const shared: string[] = [];
    const sst = entries.get("xl/sharedStrings.xml");
    if (sst) {
      await eachElement(entryText(zip, sst), "sst", "si", (xml, p) => {
        const open = `<${p}si`;
        for (let i = findTag(xml, open, 0); i >= 0; i = findTag(xml, open, i + 1)) {
          const gt = xml.indexOf(">", i);
          if (xml[gt - 1] === "/") {
            shared.push("");
            continue;
          }
          const end = xml.indexOf(`</${p}si>`, gt);
          shared.push(textOf(xml.slice(gt + 1, end), p));
          i = end;
        }
      });
    }

    const toDate = (n: number) => new Date(Math.round((n - 25569 + (date1904 ? 1462 : 0)) * 86400000));
    let batch: { row: number; cells: ScannedCell[] }[] = [];
    let lastRow = 0;
    const rowsOf = (xml: string, p: string) => {
      const rowOpen = `<${p}row`;
      const rowClose = `</${p}row>`;
      const cellOpen = `<${p}c`;
      const cellClose = `</${p}c>`;
      for (let i = findTag(xml, rowOpen, 0); i >= 0; i = findTag(xml, rowOpen, i + 1)) {
        const gt = xml.indexOf(">", i);
        const r = attr(xml.slice(i + rowOpen.length, gt), "r");
        const rowNumber = r ? Number(r) : lastRow + 1;
        lastRow = rowNumber;
        if (xml[gt - 1] === "/") continue;
        const end = xml.indexOf(rowClose, gt);
        const cells: ScannedCell[] = [];
        let col = 0;
        for (let c = findTag(xml, cellOpen, gt); c >= 0 && c < end; c = findTag(xml, cellOpen, c + 1)) {
          const cgt = xml.indexOf(">", c);
          const attrs = xml.slice(c + cellOpen.length, cgt);
          const ref = attr(attrs, "r");
          col = ref ? columnOf(ref) : col + 1;
          while (cells.length < col - 1) cells.push(null);
          if (xml[cgt - 1] === "/") {
            cells[col - 1] = null;
            continue;
          }
          const cend = xml.indexOf(cellClose, cgt);
          const body = xml.slice(cgt + 1, cend);
          c = cend;
          cells[col - 1] = cellValue(body, attr(attrs, "t"), attr(attrs, "s"), p);
        }
        batch.push({ row: rowNumber, cells });
      }
    };
    const cellValue = (body: string, t: string | null, s: string | null, p: string): ScannedCell => {
      const f = findTag(body, `<${p}f`, 0);
      if (f >= 0) {
        const fgt = body.indexOf(">", f);
        const fend = body[fgt - 1] === "/" ? -1 : body.indexOf(`</${p}f>`, fgt);
        return { formula: fend < 0 ? "" : xmlText(body.slice(fgt + 1, fend)) };
      }
      if (t === "inlineStr") return findTag(body, `<${p}is`, 0) >= 0 ? textOf(body, p) : null;
      const v = findTag(body, `<${p}v`, 0);
      if (v < 0) return null;
      const vgt = body.indexOf(">", v);
      if (body[vgt - 1] === "/") return null;
      const text = body.slice(vgt + 1, body.indexOf(`</${p}v>`, vgt));
      switch (t ?? "n") {
        case "s": {
          const k = Number(text);
          if (!Number.isInteger(k) || k < 0 || k >= shared.length) throw new Error(`shared string ${text}`);
          return shared[k]!;
        }
        case "str":
          return xmlText(text);
        case "e":
          return xmlText(text);
        case "b":
          return Number(text) !== 0;
        case "d": {
          const iso = xmlText(text).trim();
          const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`);
          return d;
        }
        default: {
          const n = parseFloat(text);
          if (Number.isNaN(n)) return null;
          return s !== null && dates.has(Number(s)) ? toDate(n) : n;
        }
      }
    };

    // rows are handed out per inflated chunk; the caller's pace holds the inflate back
    for await (const chunk of rowChunks(entryText(zip, entries.get(sheetPath)!))) {
      rowsOf(chunk.xml, chunk.p);
      if (batch.length) yield batch;
      batch = [];
    }
  } finally {
    zip.close();
  }
}

/** The sheet text cut after its last complete row, chunk by chunk, from `<sheetData>` on. */
async function* rowChunks(chunks: AsyncIterable<string>): AsyncGenerator<{ xml: string; p: string }> {
  let carry = "";
  let p: string | null = null;
  for await (const chunk of chunks) {
    carry += chunk;
    if (p === null) {
      p = prefixOf(carry, "sheetData");
      if (p === null) continue;
      carry = carry.slice(carry.search(new RegExp(`<${p}sheetData[\\s>/]`)));
    }
    const close = `</${p}row>`;
    const last = carry.lastIndexOf(close);
    if (last < 0) continue;
    const cut = last + close.length;
    yield { xml: carry.slice(0, cut), p };
    carry = carry.slice(cut);
  }
  if (p !== null && carry) yield { xml: carry, p };
}
