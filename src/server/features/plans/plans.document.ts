/**
 * A plan as an official document in its unit's own system (Party, Front, association, Youth Union:
 * `src/domain/document-systems.ts`): the model the DOCX and PDF
 * renderers of src/server/documents print. Pure, so the seed's cell plan can be checked against
 * the renderer's sample word for word.
 */
import { formatPartySymbol } from "@domain/document-numbers.js";
import { documentSystemOf, headerBodiesFor, headerLayoutOf, numberLineFor, signatureForIssuer, signatureTitlesIn } from "@domain/document-systems.js";
import { formatDocumentDateLine, type BodyBlock, type OfficialDocument } from "../../documents/document-model.js";
import type { StoredSection } from "./plans.queries.js";

/** The plan's unit named as valid on the plan's date (unit_versions as of that date). */
export interface PlanUnitNames {
  /** The unit's kind, which chooses the document system; a Party cell when not given. */
  kind?: string;
  name: string;
  shortName: string | null;
  symbolCode: string;
  /** The superior unit's name on that date ("Đảng ủy xã Thạnh An"); null for a root. */
  parentName: string | null;
}

/** What the model needs of a plan (a stored row or a draft being previewed). */
export interface PlanForDocument {
  status: "draft" | "issued" | "superseded";
  type_code: string;
  number: number | null;
  symbol: string | null;
  issued_date: string | null;
  place: string;
  subject: string;
  basis: readonly { text: string }[];
  preamble: string | null;
  sections: readonly StoredSection[];
  closing: string | null;
  recipients: readonly string[];
  signature_titles: readonly string[];
  signer_name: string | null;
}

const kindOf = (names: PlanUnitNames) => names.kind ?? "party_cell";

/**
 * Header lines in capitals: the superior body (regular) over the issuing body (bold) — for a Party
 * unit the superior Party organisation ("ĐẢNG BỘ XÃ THẠNH AN"); the Front and the associations
 * their own full name, no Party superior.
 */
export function planHeaderBodies(names: PlanUnitNames): { superiorBody: string | null; issuingBody: string } {
  return headerBodiesFor({ kind: kindOf(names), name: names.name, shortName: names.shortName, parentName: names.parentName });
}

/** "Số 236-KH/ĐU"; a draft without its number yet leaves the blank the clerk fills in by hand. */
export function planNumberLine(plan: Pick<PlanForDocument, "symbol" | "number" | "type_code">, symbolCode: string): string {
  if (plan.symbol) return `Số ${plan.symbol}`;
  if (plan.number !== null) {
    try {
      return `Số ${formatPartySymbol({ number: plan.number, typeCode: plan.type_code, issuerCode: symbolCode })}`;
    } catch {
      // an abbreviation that cannot be printed falls through to the blank
    }
  }
  return `Số     -${plan.type_code}/${symbolCode}`;
}

/** The number line in the unit's own system: "Số 236-KH/ĐU" (Party), "Số: 05/KH-MTTQ" (Front, associations), "Số: 07-KH/ĐTN" (Youth Union). */
export function planNumberLineIn(plan: Pick<PlanForDocument, "symbol" | "number" | "type_code">, names: PlanUnitNames): string {
  const system = documentSystemOf({ kind: kindOf(names), name: names.name });
  if (system === "party") return planNumberLine(plan, names.symbolCode);
  return numberLineFor(system, { number: plan.number, typeCode: plan.type_code, issuerCode: names.symbolCode });
}

/** The lines of the subject as the secretary broke them (line breaks kept, blanks dropped). */
export function subjectLines(subject: string): string[] {
  return subject
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter((l) => l !== "");
}

/**
 * Builds the official document of a plan. Basis, preamble and closing are indented paragraphs;
 * section lines are "- " bullets as typed Party plans write them, sub-headings level 2;
 * responsibilities by position follow their section's lines; recipients get their dash.
 */
export function planToDocumentModel(plan: PlanForDocument, unitNamesAsOfDate: PlanUnitNames): OfficialDocument {
  const { superiorBody, issuingBody } = planHeaderBodies(unitNamesAsOfDate);
  const system = documentSystemOf({ kind: kindOf(unitNamesAsOfDate), name: unitNamesAsOfDate.name });
  // A draft keeps the number and date proposed for its issue, but prints neither: the clerk fills
  // them in when the plan is issued, and the page carries the DỰ THẢO mark until then.
  const draft = plan.status === "draft";
  const body: BodyBlock[] = [];
  for (const b of plan.basis) body.push({ kind: "paragraph", runs: [b.text] });
  if (plan.preamble) body.push({ kind: "paragraph", runs: [plan.preamble] });
  for (const section of plan.sections) {
    body.push({ kind: "heading", level: 1, text: section.heading });
    for (const p of section.paragraphs) {
      if (p.kind === "subheading") body.push({ kind: "heading", level: 2, text: p.text });
      else if (p.kind === "text") body.push({ kind: "paragraph", runs: [p.text] });
      else body.push({ kind: "bullet", runs: [p.text] });
    }
    for (const r of section.responsibilities) body.push({ kind: "bullet", runs: [r.text] });
  }
  if (plan.closing) body.push({ kind: "paragraph", runs: [plan.closing] });
  const numberLine = draft ? planNumberLineIn({ symbol: null, number: null, type_code: plan.type_code }, unitNamesAsOfDate) : planNumberLineIn(plan, unitNamesAsOfDate);
  return {
    format: headerLayoutOf(system),
    header: {
      ...(superiorBody ? { superiorBody } : {}),
      issuingBody,
      numberLine,
      placeAndDate: plan.issued_date && !draft ? formatDocumentDateLine(plan.place, plan.issued_date) : `${plan.place}, ngày     tháng     năm`,
    },
    ...(draft ? { draft: true } : {}),
    typeName: "KẾ HOẠCH",
    subjectLines: subjectLines(plan.subject),
    body,
    signature: {
      // The signer agrees with the issuer the text names (Ban Thường vụ), with the system's prefix (T/M, TM.).
      titleLines: signatureTitlesIn(system, signatureForIssuer(plan.signature_titles, plan.preamble)),
      ...(plan.status === "draft" ? {} : { note: "(Đã ký)" }),
      signerName: plan.signer_name ?? "",
    },
    recipients: { lines: plan.recipients.map((r) => `- ${r}`) },
  };
}
