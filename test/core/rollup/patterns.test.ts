import fc from "fast-check";
import {
  cellInMessage,
  isAppraisalHeader,
  labelledValue,
  rankByPoints,
  unitFromFileName,
  unitFromTitle,
  unitName,
} from "../../../src/core/rollup";
import type { Grid } from "../../../src/core/read/grid";

describe("unit names", () => {
  it.each([
    [
      "(Ban hành kèm theo Kế hoạch số /KH-UBND ngày /3/2025 của UBND phường La Khê)",
      "Phường La Khê",
    ],
    [
      "Cải thiện, nâng cao Chỉ số cải cách hành chính – PAR INDEX phường La Khê năm 2025",
      "Phường La Khê",
    ],
    ["II. THỰC TRẠNG CHỈ SỐ CCHC PHƯỜNG LA KHÊ NĂM 2024", "Phường La Khê"],
    ["Ủy ban nhân dân thị trấn Như Quỳnh xây dựng kế hoạch", "Thị trấn Như Quỳnh"],
    ["BÁO CÁO CỦA UBND XÃ ĐIỆN MINH", "Xã Điện Minh"],
    ["Kết quả của Phường 5, quận 3", "Phường 5"],
    [
      "Chỉ số CCHC cấp xã năm 2025 (theo Kế hoạch của phường Điện Bàn, TP Đà Nẵng)",
      "Phường Điện Bàn",
    ],
    ["UBND phường La Khê".normalize("NFD"), "Phường La Khê"],
  ])("finds the unit in %j", (title, expected) => {
    expect(unitFromTitle(title)).toBe(expected);
  });

  it.each([
    "Công bố Chỉ số CCHC của các xã, phường, thị trấn năm 2024",
    "Tổ chức đối thoại của Lãnh đạo UBND phường với người dân",
    "UBND quận Hà Đông",
    "",
  ])("finds no unit in %j", (title) => {
    expect(unitFromTitle(title)).toBeNull();
  });

  it("reads the value of a Tên đơn vị label in the same cell, and only after that label", () => {
    expect(labelledValue("Tên đơn vị: UBND phường Phú La")).toBe("UBND phường Phú La");
    expect(labelledValue("TÊN ĐƠN VỊ")).toBe("");
    expect(labelledValue("Đơn vị chủ trì")).toBeNull();
  });

  it("takes the file's own name without folders or extension", () => {
    expect(unitFromFileName("C:\\Nộp\\phuong-la-khe.xlsx")).toBe("phuong-la-khe");
    expect(unitFromFileName("/tmp/don vi 3.XLSM")).toBe("don vi 3");
  });

  const grid = (sheetName: string, values: Grid["values"]): Grid => ({ sheetName, values });

  it("prefers a Tên đơn vị label (next cell) to a title, and ignores the criteria sheet's title", () => {
    const criteria = grid("Bộ tiêu chí", [["Bộ tiêu chí của phường Điện Bàn"]]);
    const titled = grid("Phụ lục", [
      ["Kế hoạch của UBND phường La Khê"],
      ["Tên đơn vị:", "", "Xã Phú Lãm"],
    ]);
    expect(unitName([criteria, titled], "a.xlsx")).toEqual({ name: "Xã Phú Lãm", source: "label" });
    expect(
      unitName([criteria, grid("Phụ lục", [["Kế hoạch của UBND phường La Khê"]])], "a.xlsx")
    ).toEqual({
      name: "Phường La Khê",
      source: "title",
    });
    expect(unitName([criteria], "thu-muc/don-vi-7.xlsx")).toEqual({
      name: "don-vi-7",
      source: "file",
    });
  });

  it("reads a long title in time linear in its length", () => {
    const long = `${"Phường ".repeat(20_000)}năm`;
    expect(unitFromTitle(long)).toBe("Phường Phường Phường Phường Phường Phường");
  });
});

describe("ranks", () => {
  it("gives equal points the same rank and skips the next (1, 2, 2, 4)", () => {
    const ranked = rankByPoints(
      [
        { name: "A", p: 8 },
        { name: "B", p: 9.5 },
        { name: "C", p: 8 },
        { name: "D", p: 7 },
      ],
      (x) => x.p
    );
    expect(ranked.map((r) => [r.item.name, r.rank])).toEqual([
      ["B", 1],
      ["A", 2],
      ["C", 2],
      ["D", 4],
    ]);
  });

  it("compares points to two decimals, as they are shown", () => {
    const ranked = rankByPoints([{ p: 7.004 }, { p: 7.001 }, { p: 6.99 }], (x) => x.p);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1, 3]);
  });

  it("ranks every unit 1 + the number of units with more points (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 60 }), (points) => {
        const ranked = rankByPoints(points, (p) => p / 4);
        ranked.forEach((r, i) => {
          expect(r.rank).toBe(1 + points.filter((p) => p > r.item).length);
          if (i > 0) expect(r.item).toBeLessThanOrEqual(ranked[i - 1].item);
        });
        expect(ranked).toHaveLength(points.length);
      })
    );
  });
});

describe("cells and headers", () => {
  it("takes the cell a warning names", () => {
    expect(cellInMessage("Ô 'Tự chấm'!G12: điểm tự chấm 1 khác điểm tính toán 0,5")).toBe("G12");
    expect(cellInMessage("Ô D7: điểm tối đa ghi")).toBe("D7");
    expect(cellInMessage("Ô 'Sổ theo dõi 2025'!AB1200: x")).toBe("AB1200");
    expect(cellInMessage("Chưa có kết quả")).toBeNull();
    expect(cellInMessage("Ô trống")).toBeNull();
  });

  it("recognises the appraised-score column as offices write it", () => {
    expect(isAppraisalHeader("Điểm thẩm\nđịnh")).toBe(true);
    expect(isAppraisalHeader("9. ĐIỂM THẨM ĐỊNH (điểm)")).toBe(true);
    expect(isAppraisalHeader("Điểm thẩm định sau khi trừ")).toBe(true);
    expect(isAppraisalHeader("Điểm đánh giá của cấp có thẩm quyền")).toBe(true);
    expect(isAppraisalHeader("Điểm tự chấm")).toBe(false);
    expect(isAppraisalHeader("Kết quả")).toBe(false);
  });
});
