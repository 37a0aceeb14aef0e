import { formatNumberVi, formatPercentVi, parseDecimal, roundHalfAwayFromZero } from "../../src/core/numbers";

describe("parseDecimal", () => {
  it.each([
    ["16,75", 16.75],
    ["93.14", 93.14],
    ["1.000", 1],
    [" 4 ", 4],
    ["-0,5", -0.5],
  ])("reads %s", (text, value) => {
    expect(parseDecimal(text)).toBe(value);
  });

  it.each(["", "abc", "1,2,3", "16,75/20", "12%"])("rejects %s", (text) => {
    expect(parseDecimal(text)).toBeNull();
  });
});

describe("roundHalfAwayFromZero", () => {
  it("rounds 1.5 × 0.85 = 1.275 up to 1.28 despite binary floating point", () => {
    expect(Math.round(1.5 * 0.85 * 100) / 100).toBe(1.27); // the naive way loses the half
    expect(roundHalfAwayFromZero(1.5 * 0.85, 2)).toBe(1.28);
  });

  it.each([
    [2.345, 2.35],
    [-2.345, -2.35],
    [1.005, 1.01],
    [0.125, 0.13],
    [2.344, 2.34],
    [3, 3],
  ])("rounds %p to %p", (value, expected) => {
    expect(roundHalfAwayFromZero(value, 2)).toBe(expected);
  });
});

describe("formatting", () => {
  it("uses the decimal comma", () => {
    expect(formatNumberVi(16.75)).toBe("16,75");
    expect(formatNumberVi(4)).toBe("4");
    expect(formatPercentVi(0.935)).toBe("93,5%");
  });
});
