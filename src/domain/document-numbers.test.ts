import { describe, expect, it } from "vitest";
import {
  DOCUMENT_TYPES,
  DOCUMENT_TYPE_CODES,
  DocumentNumberError,
  documentTypeName,
  formatDocumentNumber,
  formatPartyNumberLine,
  formatPartySymbol,
  formatStateNumberLine,
  formatStateSymbol,
  isDocumentTypeCode,
  nextNumber,
  normalizeCode,
  parseSymbol,
  type NumberedDocument,
} from "./document-numbers.js";

describe("document types", () => {
  it("names the abbreviations in Vietnamese", () => {
    expect(DOCUMENT_TYPES.KH).toBe("Kế hoạch");
    expect(DOCUMENT_TYPES["QĐ"]).toBe("Quyết định");
    expect(DOCUMENT_TYPES.TTr).toBe("Tờ trình");
    expect(DOCUMENT_TYPES.CTr).toBe("Chương trình");
    expect(DOCUMENT_TYPES.CT).toBe("Chỉ thị");
    expect(DOCUMENT_TYPE_CODES).toContain("DS");
    expect(documentTypeName("BC")).toBe("Báo cáo");
    expect(documentTypeName("XYZ")).toBeNull();
  });

  it("recognises QĐ whatever the Unicode form", () => {
    const decomposed = "QĐ".normalize("NFD");
    expect(isDocumentTypeCode(decomposed)).toBe(true);
    expect(isDocumentTypeCode("Q\u00D0")).toBe(true); // look-alike eth
    expect(normalizeCode("Q\u00D0")).toBe("QĐ");
  });
});

describe("formatting", () => {
  it("pads numbers to two digits", () => {
    expect(formatDocumentNumber(1)).toBe("01");
    expect(formatDocumentNumber(9)).toBe("09");
    expect(formatDocumentNumber(10)).toBe("10");
    expect(formatDocumentNumber(236)).toBe("236");
    expect(() => formatDocumentNumber(0)).toThrow(DocumentNumberError);
    expect(() => formatDocumentNumber(1.5)).toThrow(DocumentNumberError);
  });

  it("writes the Party symbol and number line without a colon", () => {
    expect(formatPartySymbol({ number: 236, typeCode: "KH", issuerCode: "ĐU" })).toBe("236-KH/ĐU");
    expect(formatPartyNumberLine({ number: 236, typeCode: "KH", issuerCode: "ĐU" })).toBe("Số 236-KH/ĐU");
    expect(formatPartyNumberLine({ number: 3, typeCode: "BC", issuerCode: "CB" })).toBe("Số 03-BC/CB");
  });

  it("writes the State symbol and number line with a colon", () => {
    expect(formatStateSymbol({ number: 15, typeCode: "KH", issuerCode: "UBND" })).toBe("15/KH-UBND");
    expect(formatStateNumberLine({ number: 15, typeCode: "KH", issuerCode: "UBND" })).toBe("Số: 15/KH-UBND");
    expect(formatStateNumberLine({ number: 1, typeCode: "QĐ", issuerCode: "UBND" })).toBe("Số: 01/QĐ-UBND");
  });

  it("writes a State công văn without a type abbreviation", () => {
    expect(formatStateSymbol({ number: 7, typeCode: "CV", issuerCode: "UBND" })).toBe("07/UBND");
    expect(formatStateSymbol({ number: 7, typeCode: "CV", issuerCode: "UBND", draftingUnitCode: "VP" })).toBe("07/UBND-VP");
    expect(() => formatStateSymbol({ number: 7, typeCode: "KH", issuerCode: "UBND", draftingUnitCode: "VP" })).toThrow(
      DocumentNumberError,
    );
  });

  it("outputs NFC", () => {
    const s = formatPartySymbol({ number: 1, typeCode: "QĐ".normalize("NFD"), issuerCode: "ĐU".normalize("NFD") });
    expect(s).toBe("01-QĐ/ĐU");
    expect(s.normalize("NFC")).toBe(s);
  });

  it("rejects codes that cannot appear in a symbol", () => {
    expect(() => formatPartySymbol({ number: 1, typeCode: "K H", issuerCode: "ĐU" })).toThrow(DocumentNumberError);
    expect(() => formatPartySymbol({ number: 1, typeCode: "KH", issuerCode: "" })).toThrow(DocumentNumberError);
    expect(() => formatPartySymbol({ number: 1, typeCode: "KH", issuerCode: "Đ/U" })).toThrow(DocumentNumberError);
  });
});

describe("parseSymbol", () => {
  it("reads Party symbols with or without the number line", () => {
    const expected = { format: "party", number: 236, typeCode: "KH", issuerCode: "ĐU" };
    expect(parseSymbol("236-KH/ĐU")).toEqual(expected);
    expect(parseSymbol("Số 236-KH/ĐU")).toEqual(expected);
    expect(parseSymbol("  Số 236 - KH / ĐU ")).toEqual(expected);
    expect(parseSymbol("236-KH/ĐU".normalize("NFD"))).toEqual(expected);
    expect(parseSymbol("21-HD/BTCTW")).toEqual({ format: "party", number: 21, typeCode: "HD", issuerCode: "BTCTW" });
  });

  it("reads State symbols", () => {
    expect(parseSymbol("Số: 15/KH-UBND")).toEqual({ format: "state", number: 15, typeCode: "KH", issuerCode: "UBND" });
    expect(parseSymbol("04/QĐ-UBND")).toEqual({ format: "state", number: 4, typeCode: "QĐ", issuerCode: "UBND" });
    expect(parseSymbol("30/2020/NĐ-CP")).toEqual({ format: "state", number: 30, typeCode: "NĐ", issuerCode: "CP", year: 2020 });
  });

  it("reads a State công văn", () => {
    expect(parseSymbol("07/UBND-VP")).toEqual({ format: "state", number: 7, typeCode: "CV", issuerCode: "UBND", draftingUnitCode: "VP" });
    expect(parseSymbol("07/UBND")).toEqual({ format: "state", number: 7, typeCode: "CV", issuerCode: "UBND" });
  });

  it("round-trips what it formats", () => {
    for (const parts of [
      { number: 1, typeCode: "TTr", issuerCode: "CB" },
      { number: 45, typeCode: "QĐ", issuerCode: "ĐU" },
    ]) {
      expect(parseSymbol(formatPartyNumberLine(parts))).toMatchObject({ format: "party", ...parts });
      expect(parseSymbol(formatStateNumberLine(parts))).toMatchObject({ format: "state", ...parts });
    }
  });

  it("returns null for text that is not a symbol", () => {
    expect(parseSymbol("")).toBeNull();
    expect(parseSymbol("Kế hoạch")).toBeNull();
    expect(parseSymbol("236")).toBeNull();
    expect(parseSymbol("0-KH/ĐU")).toBeNull();
    expect(parseSymbol("15/KH")).toBeNull();
    expect(parseSymbol("KH-236/ĐU")).toBeNull();
  });
});

describe("nextNumber", () => {
  const termStart = "2020-08-20"; // day after the congress of the 2020–2025 term closed

  it("starts at 01 in a new Party term", () => {
    expect(nextNumber({ format: "party", existing: [], typeCode: "KH", date: "2020-09-01", termStart })).toBe(1);
  });

  it("continues Party numbers per type across years within the term", () => {
    const existing: NumberedDocument[] = [
      { number: 1, typeCode: "KH", date: "2020-09-10" },
      { number: 2, typeCode: "KH", date: "2020-12-30" },
      { number: 1, typeCode: "BC", date: "2020-12-31" },
      { number: 3, typeCode: "KH", date: "2021-01-05" },
    ];
    expect(nextNumber({ format: "party", existing, typeCode: "KH", date: "2021-01-06", termStart })).toBe(4);
    expect(nextNumber({ format: "party", existing, typeCode: "KH", date: "2022-03-02", termStart })).toBe(4);
    expect(nextNumber({ format: "party", existing, typeCode: "BC", date: "2021-01-06", termStart })).toBe(2);
    expect(nextNumber({ format: "party", existing, typeCode: "TB", date: "2021-01-06", termStart })).toBe(1);
  });

  it("ignores Party documents of the previous term", () => {
    const existing: NumberedDocument[] = [
      { number: 236, typeCode: "KH", date: "2020-03-02" },
      { number: 1, typeCode: "KH", date: "2020-08-25" },
    ];
    expect(nextNumber({ format: "party", existing, typeCode: "KH", date: "2020-09-01", termStart })).toBe(2);
    expect(nextNumber({ format: "party", existing, typeCode: "KH", date: "2020-03-10", termStart: "2015-07-01" })).toBe(237);
  });

  it("never reuses a number: a gap stays a gap", () => {
    const existing: NumberedDocument[] = [
      { number: 1, typeCode: "KH", date: "2020-09-10" },
      { number: 3, typeCode: "KH", date: "2020-09-12" },
    ];
    expect(nextNumber({ format: "party", existing, typeCode: "KH", date: "2020-09-15", termStart })).toBe(4);
  });

  it("compares type codes after Unicode normalisation", () => {
    const existing: NumberedDocument[] = [{ number: 5, typeCode: "QĐ".normalize("NFD"), date: "2020-09-10" }];
    expect(nextNumber({ format: "party", existing, typeCode: "QĐ", date: "2020-09-15", termStart })).toBe(6);
  });

  it("requires a valid term start for Party numbers and a date inside the term", () => {
    expect(() => nextNumber({ format: "party", existing: [], typeCode: "KH", date: "2020-09-01" })).toThrow(DocumentNumberError);
    expect(() => nextNumber({ format: "party", existing: [], typeCode: "KH", date: "2020-08-19", termStart })).toThrow(
      DocumentNumberError,
    );
    expect(() => nextNumber({ format: "party", existing: [], typeCode: "KH", date: "2020-02-30", termStart })).toThrow(
      DocumentNumberError,
    );
  });

  it("resets State numbers on 1 January", () => {
    const existing: NumberedDocument[] = [
      { number: 14, typeCode: "KH", date: "2020-11-02" },
      { number: 15, typeCode: "KH", date: "2020-12-31" },
      { number: 3, typeCode: "QĐ", date: "2020-12-31" },
    ];
    expect(nextNumber({ format: "state", existing, typeCode: "KH", date: "2020-12-31" })).toBe(16);
    expect(nextNumber({ format: "state", existing, typeCode: "KH", date: "2021-01-01" })).toBe(1);
    expect(nextNumber({ format: "state", existing, typeCode: "QĐ", date: "2020-12-31" })).toBe(4);
    expect(
      nextNumber({ format: "state", existing: [...existing, { number: 1, typeCode: "KH", date: "2021-01-01" }], typeCode: "KH", date: "2021-01-02" }),
    ).toBe(2);
  });

  it("can share one State series across types", () => {
    const existing: NumberedDocument[] = [
      { number: 15, typeCode: "KH", date: "2020-12-01" },
      { number: 16, typeCode: "QĐ", date: "2020-12-02" },
    ];
    expect(nextNumber({ format: "state", existing, typeCode: "TB", date: "2020-12-03", stateSequence: "shared" })).toBe(17);
    expect(nextNumber({ format: "state", existing, typeCode: "TB", date: "2020-12-03" })).toBe(1);
  });
});
