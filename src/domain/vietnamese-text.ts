/**
 * Vietnamese text rules used for search and sorting, the same in SQL (stored keys) and in the UI.
 * Written by hand because Intl.Collator('vi') is not the dictionary order officials expect for
 * names (given name first) and PostgreSQL's ICU collations are not available in PGlite.
 */

const COMBINING = /[\u0300-\u036f]/g;

/** Lower case, no diacritics, đ → d, single spaces: "Nguyễn Văn  An" → "nguyen van an". */
export function searchKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(COMBINING, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

// Dictionary order of the Vietnamese alphabet (f, j, w, z for foreign names).
const ALPHABET = [
  "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n",
  "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
];
// Tones in dictionary order: ngang, huyền, hỏi, ngã, sắc, nặng.
const TONES: Record<string, number> = { "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5 };
const HATS: Record<string, string> = { "\u0306": "ă", "\u0302": "^", "\u031b": "+" };

function letterCode(ch: string): string {
  const i = ALPHABET.indexOf(ch);
  // letters first (10..42), then digits and anything else by code point
  if (i >= 0) return String(10 + i);
  return "9" + ch;
}

function splitWord(word: string): { letters: string[]; tones: string } {
  const letters: string[] = [];
  let tones = "";
  for (const ch of word.toLowerCase().normalize("NFC")) {
    const parts = ch.normalize("NFD");
    let base = parts[0] ?? "";
    let tone = 0;
    for (const mark of parts.slice(1)) {
      if (mark in TONES) tone = TONES[mark] ?? 0;
      const hat = HATS[mark];
      if (hat === "ă") base = base === "a" ? "ă" : base;
      if (hat === "^") base = ({ a: "â", e: "ê", o: "ô" } as Record<string, string>)[base] ?? base;
      if (hat === "+") base = ({ o: "ơ", u: "ư" } as Record<string, string>)[base] ?? base;
    }
    letters.push(base);
    if (/\p{L}/u.test(base)) tones += String(tone);
  }
  return { letters, tones };
}

function primary(words: string[]): string {
  return words.map((w) => splitWord(w).letters.map(letterCode).join("")).join(" ");
}

function secondary(words: string[]): string {
  return words.map((w) => splitWord(w).tones).join(" ");
}

/**
 * Sort key for a person's name the Vietnamese way: by given name (the last word), then the
 * family and middle names; letters before tones (a < ă < â, and "An" < "Àn" only when the letters
 * tie). Compare keys as plain byte strings (COLLATE "C").
 */
export function nameSortKey(fullName: string): string {
  const words = fullName.normalize("NFC").trim().split(/\s+/).filter(Boolean);
  const given = words.slice(-1);
  const rest = words.slice(0, -1);
  return `${primary(given)}!${primary(rest)}!${secondary(given)}!${secondary(rest)}`;
}

/** Compares two full names the Vietnamese way (see nameSortKey). */
export function compareNames(a: string, b: string): number {
  const ka = nameSortKey(a);
  const kb = nameSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

// Unit names repeat from one request to the next (a province's roll-up sorts the same hundred
// communes each time): their keys are remembered, up to a bound.
const TEXT_KEYS = new Map<string, string>();
const TEXT_KEYS_MAX = 50_000;

/** Sort key of a plain text by Vietnamese letters then tones (unit names, titles); compare as byte strings. */
export function textSortKey(text: string): string {
  let key = TEXT_KEYS.get(text);
  if (key === undefined) {
    const words = text.trim().split(/\s+/);
    key = `${primary(words)}!${secondary(words)}`;
    if (TEXT_KEYS.size >= TEXT_KEYS_MAX) TEXT_KEYS.clear();
    TEXT_KEYS.set(text, key);
  }
  return key;
}

/** Compares plain texts by Vietnamese letters then tones (unit names, titles). */
export function compareText(a: string, b: string): number {
  const ka = textSortKey(a);
  const kb = textSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * Sorts a list by a text of each item the Vietnamese way, computing each key once (compareText in
 * a sort computes two keys per comparison: a province's hundred communes cost milliseconds).
 * Ties keep their order.
 */
export function sortByText<T>(items: readonly T[], text: (item: T) => string): T[] {
  const keyed = items.map((item, i) => ({ item, i, key: textSortKey(text(item)) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i));
  return keyed.map((k) => k.item);
}
