import { describe, expect, it } from "vitest";
import { compareNames, compareText, nameSortKey, searchKey, sortByText, textSortKey } from "./vietnamese-text.js";

describe("searchKey", () => {
  it("drops diacritics and case, maps đ to d", () => {
    expect(searchKey("Nguyễn Văn An")).toBe("nguyen van an");
    expect(searchKey("  ĐỖ   Thị Đào ")).toBe("do thi dao");
    expect(searchKey("Thạnh An")).toBe(searchKey("thanh an"));
  });
  it("treats precomposed and decomposed input alike", () => {
    expect(searchKey("Nguyễn".normalize("NFD"))).toBe("nguyen");
  });
});

describe("name collation", () => {
  it("sorts by given name first, then family and middle names", () => {
    const names = ["Trần Văn Bình", "Lê Thị An", "Nguyễn Văn An", "Phạm Minh Châu"];
    expect([...names].sort(compareNames)).toEqual(["Lê Thị An", "Nguyễn Văn An", "Trần Văn Bình", "Phạm Minh Châu"]);
  });
  it("puts a < ă < â and d < đ as letters, before any tone difference", () => {
    const names = ["Lê Ân", "Lê Ăn", "Lê An", "Lê Đức", "Lê Dũng"];
    expect([...names].sort(compareNames)).toEqual(["Lê An", "Lê Ăn", "Lê Ân", "Lê Dũng", "Lê Đức"]);
  });
  it("orders tones ngang, huyền, hỏi, ngã, sắc, nặng when letters tie", () => {
    const names = ["X Ma", "X Mạ", "X Má", "X Mà", "X Mã", "X Mả"];
    expect([...names].sort(compareNames)).toEqual(["X Ma", "X Mà", "X Mả", "X Mã", "X Má", "X Mạ"]);
  });
  it("letters decide before tones: 'Án' sorts before 'Anh'", () => {
    expect(compareNames("Lê Án", "Lê Anh")).toBeLessThan(0);
    expect(nameSortKey("Lê An") < nameSortKey("Lê Án")).toBe(true);
  });
});

describe("sortByText", () => {
  it("orders as compareText does, computing each key once; ties keep their order", () => {
    const names = ["Chi bộ ấp Thạnh Hòa", "Chi bộ ấp An Nghĩa", "Chi bộ Trường Tiểu học", "Chi bộ ấp Ân", "chi bộ ấp an", "Chi bộ ấp Thiềng Liềng", "Chi bộ ấp An Nghĩa"];
    const items = names.map((name, i) => ({ name, i }));
    const sorted = sortByText(items, (x) => x.name);
    expect(sorted.map((x) => x.name)).toEqual([...names].sort(compareText));
    const twins = sorted.filter((x) => x.name === "Chi bộ ấp An Nghĩa").map((x) => x.i);
    expect(twins).toEqual([1, 6]);
    expect(textSortKey("Ấp Ân") > textSortKey("Ấp An")).toBe(true);
  });
});
