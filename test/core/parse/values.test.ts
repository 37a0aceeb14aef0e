import fc from "fast-check";
import {
  dotDecimalNumbers,
  isNoCase,
  parseBoolean,
  parseCount,
  parsePoints,
  parseRatio,
  parseRatioList,
  parseWeightedShare,
} from "../../../src/core/parse/values";

describe("parseRatio", () => {
  it.each<[string | number, string | undefined, number]>([
    ["96,5%", undefined, 0.965],
    ["96.5 %", undefined, 0.965],
    [0.965, "0.0%", 0.965],
    [0.965, undefined, 0.965],
    ["96,5", undefined, 0.965],
    [96.5, undefined, 0.965],
    ["41/42", undefined, 41 / 42],
    ["16,75/20", undefined, 0.8375],
    ["Đạt 85% kế hoạch", undefined, 0.85],
    ["0,82", undefined, 0.82],
    ["935/1.000", undefined, 0.935],
    ["1.870/2.000", undefined, 0.935],
    ["1.234,5/1.300 triệu đồng", undefined, 1234.5 / 1300],
    ["68.67%", undefined, 0.6867],
    ["Đạt 95% (báo cáo ngày 15.12.2024)", undefined, 0.95],
  ])("reads %p (format %p)", (value, numberFormat, expected) => {
    expect(parseRatio({ value, numberFormat })).toBeCloseTo(expected, 10);
  });

  it.each<string | number | boolean>(["", "chưa có số liệu", "82%; 47%", "1/0", -3, 250, true])(
    "rejects %p",
    (value) => {
      expect(parseRatio({ value })).toBeNull();
    }
  );

  it("keeps a percentage above 100% written with %", () => {
    expect(parseRatio({ value: "120%" })).toBeCloseTo(1.2);
  });
});

describe("parseRatioList", () => {
  it.each<[string | number, number[]]>([
    ["82%; 47%", [0.82, 0.47]],
    ["82,5%, 47%", [0.825, 0.47]],
    ["82%\n47%", [0.82, 0.47]],
    ["0,82; 0,47", [0.82, 0.47]],
    [0.9, [0.9]],
  ])("reads %p", (value, expected) => {
    const list = parseRatioList({ value });
    expect(list).not.toBeNull();
    expect(list!.length).toBe(expected.length);
    list!.forEach((r, i) => expect(r).toBeCloseTo(expected[i], 10));
  });

  it("rejects a list with an unreadable part", () => {
    expect(parseRatioList({ value: "0,82; nhiều" })).toBeNull();
  });
});

describe("parseCount", () => {
  it.each<[string | number, number]>([
    ["02 sáng kiến", 2],
    ["3 cuộc", 3],
    [2, 2],
    ["Có 2 sáng kiến được công nhận", 2],
    ["1.234 hồ sơ", 1234],
    ["Có 2 sáng kiến (Quyết định ngày 15.12.2024)", 2],
  ])("reads %p", (value, expected) => {
    expect(parseCount({ value })).toBe(expected);
  });

  it("reads any count written with a thousands dot", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), (n) => {
        const written = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
        expect(parseCount({ value: `${written} hồ sơ` })).toBe(n);
      }),
      { numRuns: 2000 }
    );
  });

  it.each<string | number>([
    "2 hoặc 3",
    "không có",
    2.5,
    "50%",
    "1,5 hồ sơ",
    "1.5 hồ sơ",
    "41/42",
    "-3 hồ sơ",
  ])("rejects %p", (value) => {
    expect(parseCount({ value })).toBeNull();
  });
});

describe("parseWeightedShare", () => {
  it.each([
    "vượt: 5; đạt: 4; tổng: 10",
    "tổng: 10, vượt: 5, đạt: 4",
    "Tổng 10\nVượt 5\nĐạt 4",
    "a=10; b=5; c=4",
  ])("reads %p in any order", (value) => {
    expect(parseWeightedShare({ value })).toEqual({ total: 10, exceeded: 5, met: 4 });
  });

  it("reads counts with a thousands dot", () => {
    expect(parseWeightedShare({ value: "vượt: 1.200; đạt: 300; tổng: 2.000" })).toEqual({
      total: 2000,
      exceeded: 1200,
      met: 300,
    });
  });

  it("rejects a total of zero and missing labels", () => {
    expect(parseWeightedShare({ value: "vượt: 1; đạt: 1; tổng: 0" })).toBeNull();
    expect(parseWeightedShare({ value: "vượt: 1; đạt: 1" })).toBeNull();
  });
});

describe("parseBoolean", () => {
  it.each<[string | number | boolean, boolean]>([
    ["Có", true],
    ["ĐẠT", true],
    ["Rồi", true],
    ["Hoàn thành", true],
    ["x", true],
    ["✓", true],
    [true, true],
    [1, true],
    ["Không", false],
    ["Không đạt", false],
    ["Chưa", false],
    ["FALSE", false],
    [0, false],
  ])("reads %p", (value, expected) => {
    expect(parseBoolean({ value })).toBe(expected);
  });

  it("rejects anything else", () => {
    expect(parseBoolean({ value: "có lẽ" })).toBeNull();
  });
});

describe("parsePoints and isNoCase", () => {
  it("reads points and a fraction of the maximum", () => {
    expect(parsePoints({ value: "1,25" }, 1.5)).toBe(1.25);
    expect(parsePoints({ value: "1,25/1,5" }, 1.5)).toBe(1.25);
    expect(parsePoints({ value: "1,25/2" }, 1.5)).toBeNull();
    expect(parsePoints({ value: "1.25/1.5" }, 1.5)).toBe(1.25);
  });

  it("lists the numbers read with a decimal dot", () => {
    expect(dotDecimalNumbers({ value: "Đạt 68.67%" })).toEqual(["68.67"]);
    expect(dotDecimalNumbers({ value: "935/1.000" })).toEqual([]);
    expect(dotDecimalNumbers({ value: 0.6867 })).toEqual([]);
  });

  it("reads a ratio written in either convention the same way", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999 }),
        fc.integer({ min: 1, max: 99_999 }),
        (a, b) => {
          const [numerator, denominator] = a <= b ? [a, b] : [b, a];
          const vi = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
          expect(parseRatio({ value: `${vi(numerator)}/${vi(denominator)}` })).toBeCloseTo(
            numerator / denominator,
            12
          );
          expect(parseRatio({ value: `${numerator}/${denominator}` })).toBeCloseTo(
            numerator / denominator,
            12
          );
        }
      ),
      { numRuns: 2000 }
    );
  });

  it.each(["Không phát sinh", "không có phát sinh", "KPS", "Không phát sinh."])(
    "knows %p",
    (value) => {
      expect(isNoCase({ value })).toBe(true);
    }
  );
});

describe("the @example lines of values.ts (numbers)", () => {
  it("hold as written", () => {
    expect(parseCount({ value: "02 sáng kiến" })).toBe(2);
    expect(parseCount({ value: "1.234 hồ sơ" })).toBe(1234);
    expect(dotDecimalNumbers({ value: "Đạt 68.67%" })).toEqual(["68.67"]);
    expect(dotDecimalNumbers({ value: "935/1.000" })).toEqual([]);
  });
});
