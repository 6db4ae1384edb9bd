import { describe, expect, it } from "vitest";
import {
  calendarYearPeriod,
  documentSystemOf,
  numberingOf,
  headerBodiesFor,
  numberLineFor,
  partyOrganisationName,
  proposalAddressee,
  signatureForIssuer,
  signatureTitlesIn,
} from "./document-systems.js";

describe("document systems", () => {
  it("chooses the rulebook from the unit's kind; the Youth Union by its name among mass organisations", () => {
    expect(documentSystemOf({ kind: "party_cell", name: "Chi bộ ấp Thạnh Hòa" })).toBe("party");
    expect(documentSystemOf({ kind: "commune_party_committee", name: "Đảng ủy xã Thạnh An" })).toBe("party");
    expect(documentSystemOf({ kind: "peoples_committee", name: "Ủy ban nhân dân xã Thạnh An" })).toBe("state");
    expect(documentSystemOf({ kind: "fatherland_front", name: "Ủy ban MTTQ Việt Nam xã Thạnh An" })).toBe("front");
    expect(documentSystemOf({ kind: "mass_organization", name: "Hội Liên hiệp Phụ nữ xã Thạnh An" })).toBe("association");
    expect(documentSystemOf({ kind: "mass_organization", name: "Đoàn TNCS Hồ Chí Minh xã Thạnh An" })).toBe("youth_union");
    expect(documentSystemOf({ kind: "mass_organization", name: "Đoàn Thanh niên xã Thạnh An" })).toBe("youth_union");
  });

  it("the superior line of a cell or a committee is the Party organisation, not its committee", () => {
    expect(partyOrganisationName("Đảng ủy xã Thạnh An")).toBe("Đảng bộ xã Thạnh An");
    expect(partyOrganisationName("Huyện ủy Cần Giờ")).toBe("Đảng bộ huyện Cần Giờ");
    expect(partyOrganisationName("Đảng bộ huyện Cần Giờ")).toBe("Đảng bộ huyện Cần Giờ");
    expect(headerBodiesFor({ kind: "party_cell", name: "Chi bộ Trường Tiểu học Thạnh An", shortName: "Chi bộ Trường Tiểu học", parentName: "Đảng ủy xã Thạnh An" })).toEqual({
      superiorBody: "ĐẢNG BỘ XÃ THẠNH AN",
      issuingBody: "CHI BỘ TRƯỜNG TIỂU HỌC",
    });
    // The committee's office is under the committee itself.
    expect(headerBodiesFor({ kind: "mass_mobilization_office", name: "Thường trực Khối vận xã Thạnh An", shortName: null, parentName: "Đảng ủy xã Thạnh An" }).superiorBody).toBe("ĐẢNG ỦY XÃ THẠNH AN");
  });

  it("the Front and the associations print their own full name and no Party superior; the Youth Union its Ban Chấp hành", () => {
    expect(headerBodiesFor({ kind: "fatherland_front", name: "Ủy ban MTTQ Việt Nam xã Thạnh An", shortName: "Ủy ban MTTQ xã", parentName: "Đảng ủy xã Thạnh An" })).toEqual({
      superiorBody: null,
      issuingBody: "ỦY BAN MTTQ VIỆT NAM\nXÃ THẠNH AN",
    });
    expect(headerBodiesFor({ kind: "mass_organization", name: "Hội Nông dân xã Thạnh An", shortName: null, parentName: "Ủy ban MTTQ Việt Nam xã Thạnh An" }).issuingBody).toBe("HỘI NÔNG DÂN\nXÃ THẠNH AN");
    expect(headerBodiesFor({ kind: "mass_organization", name: "Đoàn TNCS Hồ Chí Minh xã Thạnh An", shortName: null, parentName: "Ủy ban MTTQ Việt Nam xã Thạnh An" }).issuingBody).toBe("BCH ĐOÀN XÃ THẠNH AN");
  });

  it("numbers and signature prefixes follow the system", () => {
    expect(numberLineFor("party", { number: 1, typeCode: "KH", issuerCode: "CB" })).toBe("Số 01-KH/CB");
    expect(numberLineFor("front", { number: 3, typeCode: "KH", issuerCode: "MTTQ" })).toBe("Số: 03/KH-MTTQ");
    expect(numberLineFor("youth_union", { number: 12, typeCode: "KH", issuerCode: "ĐTN" })).toBe("Số: 12-KH/ĐTN");
    expect(numberLineFor("association", { number: null, typeCode: "KH", issuerCode: "HPN" })).toBe("Số:     /KH-HPN");
    expect(signatureTitlesIn("front", ["T/M BAN THƯỜNG TRỰC", "CHỦ TỊCH"])).toEqual(["TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH"]);
    expect(signatureTitlesIn("youth_union", ["T/M BAN CHẤP HÀNH", "BÍ THƯ"])).toEqual(["TM. BAN CHẤP HÀNH", "BÍ THƯ"]);
    expect(signatureTitlesIn("party", ["TM. CHI BỘ", "BÍ THƯ"])).toEqual(["T/M CHI BỘ", "BÍ THƯ"]);
  });

  it("the signer agrees with the issuer the text names; a tờ trình goes to the superior's committee", () => {
    expect(signatureForIssuer(["T/M ĐẢNG ỦY", "BÍ THƯ"], "Ban Thường vụ Đảng ủy xã Thạnh An xây dựng kế hoạch …")).toEqual(["T/M BAN THƯỜNG VỤ", "BÍ THƯ"]);
    expect(signatureForIssuer(["T/M ĐẢNG ỦY", "BÍ THƯ"], "Đảng ủy xã Thạnh An xây dựng kế hoạch …")).toEqual(["T/M ĐẢNG ỦY", "BÍ THƯ"]);
    expect(proposalAddressee({ kind: "district_party_committee", name: "Đảng bộ huyện Cần Giờ", shortName: "Huyện ủy Cần Giờ" })).toBe("Ban Thường vụ Huyện ủy Cần Giờ");
    expect(proposalAddressee({ kind: "district_party_committee", name: "Đảng bộ huyện Cần Giờ", shortName: null })).toBe("Ban Thường vụ Huyện ủy Cần Giờ");
    expect(proposalAddressee({ kind: "commune_party_committee", name: "Đảng ủy xã Thạnh An", shortName: null })).toBe("Đảng ủy xã Thạnh An");
  });

  it("numbers Party documents per committee term and every other system's per calendar year", () => {
    expect(numberingOf("party")).toBe("party");
    for (const system of ["state", "front", "association", "youth_union"] as const) expect(numberingOf(system)).toBe("state");
    expect(calendarYearPeriod("2026-11-01")).toEqual({ name: "Năm 2026", startDate: "2026-01-01", endDate: "2026-12-31" });
  });
});
