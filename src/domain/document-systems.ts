/**
 * Which rulebook a unit's documents follow, chosen once from the issuing unit's kind — the header
 * (national title, issuing body, number line), the signature prefix and the superior line. The
 * document builders ask this module; the renderers only lay out what it chose.
 *
 * Sources (docs/DOCUMENTS.md has the longer notes):
 * - Party — Hướng dẫn 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng (thể thức và kỹ thuật
 *   trình bày văn bản của Đảng): `ĐẢNG CỘNG SẢN VIỆT NAM` top right; top left the superior Party
 *   organisation over the issuing committee or cell, then `*`; `Số 236-KH/ĐU` without a colon;
 *   `T/M`, `K/T`, `T/L` with slashes. The superior line of a cell or a committee names the Party
 *   organisation (đảng bộ), not its committee: `ĐẢNG BỘ XÃ THẠNH AN` / `CHI BỘ …`.
 * - State — Nghị định 30/2020/NĐ-CP (công tác văn thư), Phụ lục I: quốc hiệu and tiêu ngữ top right,
 *   `Số: 15/KH-UBND`, `TM.`, `KT.`, `TL.`.
 * - The Front — Hướng dẫn 91/HD-MTTW-BTT ngày 08/4/2013 của Ban Thường trực Ủy ban Trung ương MTTQ
 *   Việt Nam (thể thức và kỹ thuật trình bày văn bản trong hệ thống Ủy ban MTTQ các cấp, built on
 *   Thông tư 01/2011/TT-BNV, the State rules of the time): the Front committee's own name top left
 *   (`ỦY BAN MTTQ VIỆT NAM` / `XÃ THẠNH AN`), quốc hiệu and tiêu ngữ top right, a State-style number
 *   `Số: 01/KH-MTTQ`, `TM. BAN THƯỜNG TRỰC`. A Front committee has no Party superior line.
 * - Associations (Hội LHPN, Hội Nông dân, Hội CCB) — member organisations of the Front; no guidance of
 *   their own central bodies was found in the sources searched, so they follow Nghị định 30/2020
 *   Điều 2 khoản 2 (tổ chức chính trị - xã hội apply the decree as fits their statutes), laid out as
 *   the Front's: own name top left, quốc hiệu top right, `Số: 01/KH-HPN`, `TM. BAN CHẤP HÀNH`.
 * - The Youth Union — Hướng dẫn 29-HD/TWĐTN-VP ngày 29/10/2013 của Ban Bí thư Trung ương Đoàn (thể thức
 *   văn bản của Đoàn, under Quyết định 367-QĐ/TWĐTN-VP on issuing the Union's documents): the title
 *   `ĐOÀN TNCS HỒ CHÍ MINH` top right, underlined; the issuing Ban Chấp hành top left (`BCH ĐOÀN XÃ
 *   THẠNH AN`), then `***`; `Số: 01-KH/ĐTN`; `TM. BAN CHẤP HÀNH` / `BÍ THƯ`.
 */

/** The rulebook of a unit's documents. */
export type DocumentSystem = "party" | "state" | "front" | "association" | "youth_union";

/** The header layout a renderer draws (`front` and `association` are drawn as `state`). */
export type HeaderLayout = "party" | "state" | "youth_union";

/** The Youth Union is a `mass_organization` by kind; its name tells it from the associations. */
const YOUTH_UNION_NAME = /^(?:ban chấp hành\s+)?đoàn\s+(?:tncs|thanh niên)/iu;

/** The system a unit's documents follow, from its kind (and, for mass organisations, its name). */
export function documentSystemOf(unit: { kind: string; name: string }): DocumentSystem {
  switch (unit.kind) {
    case "fatherland_front":
      return "front";
    case "mass_organization":
      return YOUTH_UNION_NAME.test(unit.name.normalize("NFC").trim()) ? "youth_union" : "association";
    case "peoples_committee":
    case "hamlet":
      return "state";
    default:
      // provincial/district/commune committees, cells and the committee's mass-mobilisation office
      return "party";
  }
}

export function headerLayoutOf(system: DocumentSystem): HeaderLayout {
  return system === "party" || system === "youth_union" ? system : "state";
}

/** Kinds that are a Party organisation (đảng bộ, chi bộ) and so sit under the superior organisation. */
const PARTY_ORGANISATION_KINDS = new Set(["provincial_party_committee", "district_party_committee", "commune_party_committee", "party_cell"]);

/**
 * The Party organisation a committee leads: "Đảng ủy xã Thạnh An" → "Đảng bộ xã Thạnh An",
 * "Huyện ủy Cần Giờ" → "Đảng bộ huyện Cần Giờ"; a name that already names the organisation is kept.
 */
export function partyOrganisationName(name: string): string {
  const t = name.normalize("NFC").replace(/\s+/g, " ").trim();
  const committee = /^đảng ủy\s+(.+)$/iu.exec(t);
  if (committee) return `Đảng bộ ${committee[1]!}`;
  const level = /^(huyện|tỉnh|thành|quận|thị) ủy\s+(.+)$/iu.exec(t);
  if (!level) return t;
  const rest = level[2]!;
  if (/^(thành phố|tỉnh|huyện|quận|thị xã)\s/iu.test(rest)) return `Đảng bộ ${rest}`;
  return `Đảng bộ ${LEVEL_WORDS[level[1]!.toLocaleLowerCase("vi")] ?? ""} ${rest}`;
}

/** "Huyện ủy …" is the committee of a huyện, "Thành ủy …" of a thành phố… */
const LEVEL_WORDS: Readonly<Record<string, string>> = { huyện: "huyện", tỉnh: "tỉnh", thành: "thành phố", quận: "quận", thị: "thị xã" };

const PLACE_PART = /^(.+?)\s+((?:xã|phường|thị trấn|đặc khu|huyện|quận|thị xã|tỉnh|thành phố)\s+\S.*)$/iu;

/** "Ủy ban MTTQ Việt Nam xã Thạnh An" → ["Ủy ban MTTQ Việt Nam", "xã Thạnh An"]; no place → [name]. */
function splitPlace(name: string): [string] | [string, string] {
  const m = PLACE_PART.exec(name.normalize("NFC").replace(/\s+/g, " ").trim());
  return m ? [m[1]!, m[2]!] : [name.trim()];
}

const upper = (s: string) => s.normalize("NFC").toLocaleUpperCase("vi");

/** A unit as named on the document's date, with its superior's name. */
export interface HeaderUnit {
  kind: string;
  name: string;
  shortName: string | null;
  /** The superior unit's name on that date; null for a root. */
  parentName: string | null;
}

/**
 * The two bodies of the header's left block, in capitals (`\n` where the name is broken in two):
 * the superior (regular, may be null) and the issuer (bold).
 */
export function headerBodiesFor(unit: HeaderUnit): { superiorBody: string | null; issuingBody: string } {
  const system = documentSystemOf(unit);
  if (system === "party" || system === "state") {
    const superior = unit.parentName
      ? PARTY_ORGANISATION_KINDS.has(unit.kind)
        ? partyOrganisationName(unit.parentName)
        : unit.parentName
      : null;
    return { superiorBody: superior ? upper(superior) : null, issuingBody: upper(unit.shortName ?? unit.name) };
  }
  // The Front, associations and the Youth Union print their own full name ("THẠNH AN" included),
  // never the Party committee above them.
  const [body, place] = splitPlace(unit.name);
  if (system === "youth_union") return { superiorBody: null, issuingBody: upper(place ? `BCH Đoàn ${place}` : body) };
  return { superiorBody: null, issuingBody: upper(place ? `${body}\n${place}` : body) };
}

/** The mark under the issuing body: `*` (Party), `***` (Youth Union), none (a short rule, State). */
export function issuerMark(system: DocumentSystem): string | null {
  return system === "party" ? "*" : system === "youth_union" ? "***" : null;
}

/**
 * The number line of `number` (null: the blank the clerk fills in): Party `Số 01-KH/CB`, Youth Union
 * `Số: 01-KH/ĐTN`, State, Front and associations `Số: 01/KH-MTTQ`.
 */
export function numberLineFor(system: DocumentSystem, parts: { number: number | null; typeCode: string; issuerCode: string }): string {
  const n = parts.number === null ? "    " : String(parts.number).padStart(2, "0");
  if (system === "party") return `Số ${n}-${parts.typeCode}/${parts.issuerCode}`;
  if (system === "youth_union") return `Số: ${n}-${parts.typeCode}/${parts.issuerCode}`;
  return `Số: ${n}/${parts.typeCode}-${parts.issuerCode}`;
}

/** `T/M` `K/T` `T/L` in Party documents, `TM.` `KT.` `TL.` in the others: titles rewritten for the system. */
export function signatureTitlesIn(system: DocumentSystem, titles: readonly string[]): string[] {
  return titles.map((t) => {
    const line = t.normalize("NFC").trim();
    if (system === "party") return line.replace(/^(T|K)\.?\s*([MTL])\.?\s+/u, (_m, a: string, b: string) => `${a}/${b} `);
    return line.replace(/^(T|K)\s*\/\s*([MTL])\s+/u, "$1$2. ");
  });
}

/**
 * The signature agrees with who the text says issues the document: a plan whose text opens "Ban
 * Thường vụ Đảng ủy xã … xây dựng kế hoạch" is signed `T/M BAN THƯỜNG VỤ`, not `T/M ĐẢNG ỦY`.
 */
export function signatureForIssuer(titles: readonly string[], openingText: string | null): string[] {
  const out = [...titles];
  if (out.length > 0 && /^ban thường vụ(?=\s|$)/iu.test((openingText ?? "").trim()) && /^T\/M\s+(?!BAN THƯỜNG VỤ)/u.test(out[0]!)) {
    out[0] = "T/M BAN THƯỜNG VỤ";
  }
  return out;
}

/**
 * Whom a tờ trình is addressed to: the superior's committee, which decides — "Ban Thường vụ Huyện ủy
 * Cần Giờ" for a commune under the district, "Đảng ủy xã Thạnh An" (a committee already) for a cell.
 */
export function proposalAddressee(parent: { kind: string; name: string; shortName: string | null }): string {
  if (parent.kind !== "district_party_committee" && parent.kind !== "provincial_party_committee") return parent.shortName ?? parent.name;
  if (parent.shortName && /\sủy\s/iu.test(` ${parent.shortName}`)) return `Ban Thường vụ ${parent.shortName}`;
  // "Đảng bộ huyện Cần Giờ" → "Huyện ủy Cần Giờ"
  const organisation = /^đảng bộ\s+(huyện|tỉnh|thành phố)\s+(.+)$/iu.exec(parent.name);
  if (!organisation) return `Ban Thường vụ ${parent.name}`;
  const level = organisation[1]!.toLocaleLowerCase("vi");
  const committee = level === "thành phố" ? "Thành ủy" : `${level.charAt(0).toLocaleUpperCase("vi")}${level.slice(1)} ủy`;
  return `Ban Thường vụ ${committee} ${organisation[2]!}`;
}

/**
 * How a system's documents are numbered (RULES.md §5), as the series `nextNumber` runs:
 * - Party (`"party"`): from 01 for each type within the committee term, not reset on 1 January
 *   (Hướng dẫn 36-HD/VPTW).
 * - State, the Front, associations and the Youth Union (`"state"`): from 01 on 1 January, the
 *   series ending on 31 December (Nghị định 30/2020/NĐ-CP, Phụ lục I: "số thứ tự văn bản do cơ
 *   quan, tổ chức ban hành … duy nhất trong một năm"). The Front's Hướng dẫn 91/HD-MTTW-BTT is built on
 *   the State rules; the associations apply the decree (Điều 2 khoản 2); no numbering rule of the
 *   Youth Union's own was found in the sources searched, so it follows the decree too (to confirm).
 */
export function numberingOf(system: DocumentSystem): "party" | "state" {
  return system === "party" ? "party" : "state";
}

/** The calendar year a non-Party document of `date` is numbered in (see {@link numberingOf}). */
export function calendarYearPeriod(date: string): { name: string; startDate: string; endDate: string } {
  const year = date.slice(0, 4);
  return { name: `Năm ${year}`, startDate: `${year}-01-01`, endDate: `${year}-12-31` };
}
