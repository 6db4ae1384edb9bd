/**
 * Spans of text that must stay on one line, with no gap inside, in both renderers: a document
 * number with its "số" and trailing punctuation (`số 236-KH/ĐU;`), any word joined by a hyphen or a
 * slash (`2015-2020`, `b/c);`), a short quotation (`“5 không”`), a word with the colon or semicolon a
 * typist set after a space (`Lan :`), "Hồ Chí Minh" and the place after xã / huyện / ấp
 * (`XÃ THẠNH AN`). A PDF line justified by pdfmake spreads the spare width over every break
 * opportunity, which printed `236- KH/ ĐU`; Word and LibreOffice break lines after a hyphen or a slash
 * and at any space. The renderers keep each span whole: PDF as one unwrappable inline, DOCX with
 * non-breaking spaces and hyphens.
 */

/** A piece of a text: `keep` pieces must not break and must not be stretched inside. */
export interface TextSpan {
  readonly text: string;
  readonly keep: boolean;
}

const MAX_KEEP = 40;

const SPAN = new RegExp(
  [
    // "số 236-KH/ĐU;", "Số: 15/KH-UBND", "2015-2020", "02/3/2020", "(b/c);"
    String.raw`(?:[Ss]ố:? +)?[(“"]?[^\s/-]+(?:[-/‑][^\s/-]+)+[.,;:)”"]*`,
    // “5 không”, “Dân vận khéo” (short quotations only)
    String.raw`“[^”\s][^”\n]{0,18}”[.,;:)]*`,
    // "Lan :", "đăng ký ;"
    String.raw`[^\s:;]+ +[:;?!]+`,
    // Hồ Chí Minh in any case
    String.raw`(?:Hồ|HỒ) +(?:Chí|CHÍ) +(?:Minh|MINH)`,
    // a place name after its administrative word: xã Thạnh An, HUYỆN CẦN GIỜ, ấp Thiềng Liềng
    String.raw`(?:[Xx]ã|XÃ|[Pp]hường|PHƯỜNG|[Hh]uyện|HUYỆN|[Ấấ]p|ẤP|[Tt]ỉnh|TỈNH) +(?!HỘI(?: |$))\p{Lu}[\p{L}]*(?: +\p{Lu}[\p{L}]*)?[.,;:)]*`,
  ].join('|'),
  'gu',
);

/** Splits `text` into kept and free spans, in order; joining the texts gives `text` back. */
export function textSpans(text: string): TextSpan[] {
  const out: TextSpan[] = [];
  let last = 0;
  for (const match of text.matchAll(SPAN)) {
    const at = match.index;
    const found = match[0];
    if (found.length > MAX_KEEP) continue;
    if (at > last) out.push({ text: text.slice(last, at), keep: false });
    out.push({ text: found, keep: true });
    last = at + found.length;
  }
  if (last < text.length) out.push({ text: text.slice(last), keep: false });
  return out;
}

/** Non-breaking space. */
export const NBSP = '\u00a0';
/** Word joiner: no break here, and no width. */
export const WORD_JOINER = '\u2060';

/**
 * A kept span for Word: spaces become non-breaking, and a slash is followed by a word joiner;
 * hyphens are left to the caller (Word has its own non-breaking hyphen element).
 */
export function unbreakableForWord(text: string): string {
  return text.replace(/ /g, NBSP).replace(/\/(?=\S)/g, `/${WORD_JOINER}`);
}
