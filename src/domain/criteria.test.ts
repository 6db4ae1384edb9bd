import { describe, expect, it } from "vitest";
import {
  FIVE_NOT_CRITERIA_2019,
  MODEL_FIELDS,
  MODEL_FIELD_CODES,
  findCriteriaItem,
  mandatorySubItems,
  validateCriteriaSet,
  type CriteriaSet,
} from "./criteria.js";

const set = FIVE_NOT_CRITERIA_2019;

describe("FIVE_NOT_CRITERIA_2019", () => {
  it("has criteria I–V titled as in the guidance (DOMAIN.md §2)", () => {
    expect(set.criteria.map((c) => [c.code, c.title])).toEqual([
      ["I", "Không để người nghèo, người yếu thế tụt hậu, bị bỏ quên"],
      ["II", "Không gây phiền hà cho nhân dân và doanh nghiệp"],
      ["III", "Không xả rác bừa bãi ra đường phố, kênh rạch"],
      ["IV", "Không vi phạm luật giao thông đường bộ"],
      ["V", "Không tụ tập gây rối, ảnh hưởng an ninh chính trị, trật tự an toàn"],
    ]);
    expect(set.criteria[4]?.guidanceHeading).toContain("nơi cư trú và trên đường phố");
  });

  it("numbers sub-items 1..n under each criterion (I 1–5, II 1–4, III paragraphs, IV 1–3, V paragraphs)", () => {
    const counts = Object.fromEntries(set.criteria.map((c) => [c.code, c.subItems.length]));
    expect(counts).toEqual({ I: 5, II: 4, III: 3, IV: 3, V: 8 });
    for (const c of set.criteria) {
      expect(c.subItems.map((s) => s.code)).toEqual(c.subItems.map((_, i) => `${c.code}.${i + 1}`));
    }
  });

  it("makes IV.2 (no traffic violation) mandatory for every member, and nothing else", () => {
    expect(mandatorySubItems(set).map((s) => s.code)).toEqual(["IV.2"]);
    const iv2 = findCriteriaItem(set, "IV.2")?.subItem;
    expect(iv2?.title).toBe(
      "Cán bộ, đảng viên, công chức, viên chức, người lao động đăng ký và thực hiện 100% không vi phạm luật giao thông",
    );
    expect(iv2?.text).toContain("đăng ký và thực hiện 100% không vi phạm luật giao thông");
  });

  it("marks III.2 as a registration every cell, agency or unit makes", () => {
    expect(findCriteriaItem(set, "III.2")?.subItem?.mandatoryForUnits).toBe(true);
  });

  it("keeps the guidance's key content", () => {
    const text = (code: string) => findCriteriaItem(set, code)?.subItem?.text ?? "";
    expect(text("I.1")).toContain("Cả nước chung tay vì người nghèo");
    expect(text("I.2")).toContain("3 nhóm chính sách");
    expect(text("I.4")).toContain("lập danh sách cụ thể các hộ nghèo và nắm nhu cầu cụ thể");
    expect(text("I.5")).toContain("có sự tham gia giám sát của nhân dân");
    expect(text("II.2")).toContain("danh tính được bảo vệ");
    expect(text("II.2")).toContain("giám sát, chấm điểm, đánh giá");
    expect(text("II.3")).toContain("cam kết thời gian giải quyết tiếp theo");
    expect(text("II.4")).toContain("công khai chức năng, nhiệm vụ của cán bộ, công chức");
    expect(text("II.4")).toContain("ngày thứ bảy tình nguyện");
    expect(text("III.1")).toContain("Nghị quyết số 25-NQ/HU");
    expect(text("III.1")).toContain("phân loại rác sinh hoạt tại nguồn");
    expect(text("III.1")).toContain("ký kết với các hộ dân");
    expect(text("III.2")).toContain("đăng ký các công trình, giải pháp cụ thể");
    expect(text("III.3")).toContain("vàng mã");
    expect(text("IV.1")).toContain("mũ bảo hiểm");
    expect(text("IV.3")).toContain("lấn chiếm lòng lề đường");
    expect(text("V.5")).toContain("hòa giải");
    expect(text("V.6")).toContain("Toàn dân bảo vệ an ninh Tổ quốc");
    expect(text("V.7")).toContain("không để xảy ra tình trạng khiếu kiện");
    expect(text("V.8")).toContain("phòng, chống cháy nổ");
  });

  it("has titles and texts for every sub-item, in NFC", () => {
    for (const c of set.criteria) {
      for (const s of c.subItems) {
        expect(s.title.trim()).not.toBe("");
        expect(s.text.trim()).not.toBe("");
        expect(s.text.normalize("NFC")).toBe(s.text);
        expect(s.title.normalize("NFC")).toBe(s.title);
      }
    }
  });

  it("is valid", () => {
    expect(validateCriteriaSet(set)).toEqual([]);
  });
});

describe("findCriteriaItem", () => {
  it("finds criteria and sub-items by code", () => {
    expect(findCriteriaItem(set, "IV")?.criterion.code).toBe("IV");
    expect(findCriteriaItem(set, "IV")?.subItem).toBeNull();
    expect(findCriteriaItem(set, "V.7")?.criterion.code).toBe("V");
    expect(findCriteriaItem(set, "VI")).toBeNull();
  });
});

describe("MODEL_FIELDS", () => {
  it("lists the four fields of a model", () => {
    expect(MODEL_FIELDS).toEqual({
      economy: "Kinh tế",
      culture_society: "Văn hóa - xã hội",
      defence_security: "Quốc phòng - an ninh",
      political_system: "Xây dựng hệ thống chính trị",
    });
    expect(MODEL_FIELD_CODES).toEqual(["economy", "culture_society", "defence_security", "political_system"]);
  });
});

describe("validateCriteriaSet", () => {
  const base = (criteria: CriteriaSet["criteria"]): CriteriaSet => ({ ...set, criteria });
  const sub = (code: string, title = "Nội dung") => ({ code, title, text: "", mandatory: false });

  it("reports duplicate criterion codes", () => {
    const problems = validateCriteriaSet(
      base([
        { code: "I", title: "A", subItems: [] },
        { code: "I", title: "B", subItems: [] },
      ]),
    );
    expect(problems).toEqual([{ path: "criteria.1.code", message: "Mã tiêu chí “I” bị trùng" }]);
  });

  it("reports a sub-item code not under its criterion", () => {
    const problems = validateCriteriaSet(base([{ code: "I", title: "A", subItems: [sub("II.1"), sub("IV.1"), sub("I."), sub("I.2")] }]));
    expect(problems.map((p) => p.path)).toEqual(["criteria.0.subItems.0.code", "criteria.0.subItems.1.code", "criteria.0.subItems.2.code"]);
    expect(problems[0]?.message).toBe("Mã nội dung “II.1” không thuộc tiêu chí I (phải có dạng I.1, I.2, …)");
  });

  it("reports duplicate sub-item codes across the set", () => {
    const problems = validateCriteriaSet(
      base([
        { code: "I", title: "A", subItems: [sub("I.1"), sub("I.1")] },
        { code: "II", title: "B", subItems: [sub("II.1")] },
      ]),
    );
    expect(problems).toEqual([{ path: "criteria.0.subItems.1.code", message: "Mã nội dung “I.1” bị trùng" }]);
  });

  it("reports empty titles and codes", () => {
    const problems = validateCriteriaSet(
      base([
        { code: "I", title: "  ", subItems: [sub("I.1", "")] },
        { code: "", title: "X", subItems: [] },
      ]),
    );
    expect(problems.map((p) => p.message)).toEqual([
      "Tiêu chí I chưa có tên",
      "Nội dung I.1 chưa có tên",
      "Tiêu chí thứ 2 chưa có mã",
    ]);
  });

  it("reports an empty set", () => {
    expect(validateCriteriaSet({ ...set, code: "", criteria: [] }).map((p) => p.path)).toEqual(["code", "criteria"]);
  });

  it("checks points", () => {
    const problems = validateCriteriaSet(
      base([
        { code: "I", title: "A", points: 10, subItems: [{ ...sub("I.1"), points: 6 }, { ...sub("I.2"), points: 5 }] },
        { code: "II", title: "B", subItems: [{ ...sub("II.1"), points: -1 }] },
      ]),
    );
    expect(problems.map((p) => p.message)).toEqual([
      "Tổng điểm các nội dung của tiêu chí I (11) vượt điểm của tiêu chí (10)",
      "Điểm của nội dung II.1 phải là số không âm",
    ]);
  });

  it("compares codes after Unicode normalisation", () => {
    const problems = validateCriteriaSet(base([{ code: "I", title: "A", subItems: [sub("I.1"), sub(" I.1 ".normalize("NFD"))] }]));
    expect(problems.map((p) => p.message)).toEqual(["Mã nội dung “I.1” bị trùng"]);
  });
});
