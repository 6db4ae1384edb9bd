/**
 * Reading the documents users download (the DOCX XML as lines and table rows, the PDF text) for
 * the documents' tests. With DOCS_DUMP_DIR=/some/dir every downloaded file is also written there.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { expect } from "vitest";
import { extractPdfText } from "../../documents/pdf-text.js";
import type { Client, Response } from "../../test/support.js";
import { DOCX_CONTENT_TYPE, PDF_CONTENT_TYPE } from "./documents.routes.js";

/** The DOCX body as lines of text (one per Word paragraph), the raw XML and the page setup. */
export async function readDocx(buffer: Buffer) {
  expect(buffer.subarray(0, 2).toString("latin1")).toBe("PK");
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file("word/document.xml")!.async("string");
  const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  const lines = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    unescape([...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:noBreakHyphen\/>/g)].map((t) => t[1] ?? (t[0] === "<w:br/>" ? "\n" : "-")).join("")),
  ).map((l) => l.replace(/\u00a0/g, " ").replace(/\u2060/g, ""));
  return { xml, lines, text: lines.join("\n") };
}

/** Rows (cell texts) of the data table whose header row holds `header`. */
export function tableRows(xml: string, header: string): string[][] {
  const tables = xml.split("<w:tbl>").slice(1);
  const table = tables.find((t) => t.includes("<w:tblHeader/>") && t.includes(`>${header}<`));
  if (!table) throw new Error(`no table with header ${header}`);
  return [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
    [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => [...cell[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("")),
  );
}

export const squash = (s: string) => s.replace(/\s+/g, "");

export function pdfText(buffer: Buffer): string {
  expect(buffer.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  return extractPdfText(buffer);
}

export function expectPdfContains(text: string, needles: readonly string[]) {
  const flat = squash(text);
  for (const n of needles) expect(flat, n).toContain(squash(n));
}

export function expectDocxContains(text: string, needles: readonly string[]) {
  for (const n of needles) expect(text, n).toContain(n);
}

/** Content type and `Content-Disposition` (ASCII fallback + RFC 5987 UTF-8 name); returns the Vietnamese name. */
export function downloadName(res: Response, ext: "docx" | "pdf"): string {
  expect(res.status, String(res.body).slice(0, 300)).toBe(200);
  expect(res.headers["content-type"]).toBe(ext === "docx" ? DOCX_CONTENT_TYPE : PDF_CONTENT_TYPE);
  const cd = String(res.headers["content-disposition"]);
  const m = /^attachment; filename="([\x20-\x7e]+)"; filename\*=UTF-8''([A-Za-z0-9%._~!$&+^`|-]+)$/.exec(cd);
  expect(m, cd).not.toBeNull();
  const name = decodeURIComponent(m![2]!);
  expect(m![1]!.endsWith(`.${ext}`)).toBe(true);
  expect(name.endsWith(`.${ext}`)).toBe(true);
  expect(name).toBe(name.normalize("NFC"));
  const dump = process.env.DOCS_DUMP_DIR;
  if (dump) {
    mkdirSync(dump, { recursive: true });
    writeFileSync(path.join(dump, name), res.raw);
  }
  return name;
}


/** A document downloaded as DOCX and PDF by one user, both read back; the two files share their name. */
export async function downloadBoth(client: Client, url: string) {
  const docxRes = await client.get(`${url}/export.docx`);
  const pdfRes = await client.get(`${url}/export.pdf`);
  const docxName = downloadName(docxRes, "docx");
  const pdfName = downloadName(pdfRes, "pdf");
  expect(pdfName.replace(/\.pdf$/, "")).toBe(docxName.replace(/\.docx$/, ""));
  return { docx: await readDocx(docxRes.raw), pdf: pdfText(pdfRes.raw), docxName, pdfName };
}
