import fc from "fast-check";
import {
  findNumbers,
  formatNumberVi,
  formatPercentVi,
  parseDecimal,
  parseSignedNumeral,
  readNumeral,
  roundHalfAwayFromZero,
} from "../../../src/core/parse/numbers";

describe("parseDecimal", () => {
  it.each([
    ["16,75", 16.75],
    ["93.14", 93.14],
    ["1.000", 1000],
    ["1.234.567", 1234567],
    ["1.234,5", 1234.5],
    [" 4 ", 4],
    ["-0,5", -0.5],
    ["0.500", 0.5],
    ["1234.567", 1234.567],
    ["01.000", 1],
  ])("reads %s", (text, value) => {
    expect(parseDecimal(text)).toBe(value);
  });

  it.each(["", "abc", "1,2,3", "16,75/20", "12%", "15.12.2024", "1,234,567", "1.23,4", "1,234.5"])(
    "rejects %s",
    (text) => {
      expect(parseDecimal(text)).toBeNull();
    }
  );
});

describe("readNumeral: one rule for '.' and ','", () => {
  it.each<[string, number, boolean]>([
    ["1.000", 1000, false],
    ["1.5", 1.5, true],
    ["60.31", 60.31, true],
    ["0.935", 0.935, true],
    ["93,5", 93.5, false],
    ["1,000", 1, false],
    ["1.870", 1870, false],
  ])("reads %p as %p (dot as decimal point: %p)", (written, value, dotDecimal) => {
    expect(readNumeral(written)).toEqual({ value, dotDecimal });
    expect(parseSignedNumeral(`-${written}`)).toEqual({ value: -value, dotDecimal });
  });

  /** n written the Vietnamese way: "." between groups of three, "," before the decimals. */
  function vietnamese(integer: number, decimals: string, grouped: boolean): string {
    const digits = String(integer);
    const whole = grouped ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".") : digits;
    return decimals === "" ? whole : `${whole},${decimals}`;
  }

  it("reads every number written the Vietnamese way, grouped or not, without doubt", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999_999_999 }),
        fc.stringMatching(/^[0-9]{0,4}$/),
        fc.boolean(),
        (integer, decimals, grouped) => {
          const written = vietnamese(integer, decimals, grouped);
          expect(readNumeral(written)).toEqual({
            value: Number(`${integer}.${decimals || "0"}`),
            dotDecimal: false,
          });
        }
      ),
      { numRuns: 3000 }
    );
  });

  it("reads a decimal point where no thousands grouping fits, and says it is a guess", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999 }),
        fc.stringMatching(/^[0-9]{1,5}$/),
        (integer, decimals) => {
          const written = `${integer}.${decimals}`;
          const grouping = decimals.length === 3 && integer >= 1 && integer <= 999;
          expect(readNumeral(written)).toEqual(
            grouping
              ? { value: integer * 1000 + Number(decimals), dotDecimal: false }
              : { value: Number(written), dotDecimal: true }
          );
        }
      ),
      { numRuns: 3000 }
    );
  });

  it("finds the same numbers in a text as it reads one by one", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 9_999_999 }), fc.stringMatching(/^[0-9]{0,2}$/)),
          { minLength: 1, maxLength: 5 }
        ),
        (numbers) => {
          const written = numbers.map(([n, d]) => vietnamese(n, d, true));
          const found = findNumbers(written.join(" / "));
          expect(found.map((t) => t.value)).toEqual(written.map((w) => readNumeral(w)!.value));
          expect(found.some((t) => t.dotDecimal || t.malformed)).toBe(false);
        }
      ),
      { numRuns: 1000 }
    );
  });

  it("takes a date or a code written with dots for no number", () => {
    expect(findNumbers("ngày 15.12.2024, mục 1.2.3").map((t) => [t.text, t.malformed])).toEqual([
      ["15.12.2024", true],
      ["1.2.3", true],
    ]);
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
    [-0, 0],
    [-0.001, 0],
  ])("rounds %p to %p", (value, expected) => {
    expect(roundHalfAwayFromZero(value, 2)).toBe(expected);
  });

  /** Rounds a decimal written as digits, on the digits: the outside truth for the above. */
  function roundWritten(integer: number, fraction: string, decimals: number): number {
    const kept = fraction.slice(0, decimals).padEnd(decimals, "0");
    const up = (fraction[decimals] ?? "0") >= "5";
    const digits = BigInt(`${integer}${kept}`) + (up ? 1n : 0n);
    return Number(`${digits}e-${decimals}`);
  }

  it("agrees with rounding the written digits, for decimals as users type them and as sums make them", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.stringMatching(/^[0-9]{1,6}$/),
        fc.integer({ min: 0, max: 4 }),
        fc.boolean(),
        (integer, fraction, decimals, negative) => {
          const value = Number(`${negative ? "-" : ""}${integer}.${fraction}`);
          const expected = roundWritten(integer, fraction, decimals);
          expect(roundHalfAwayFromZero(value, decimals)).toBe(
            negative && expected !== 0 ? -expected : expected
          );
        }
      ),
      { numRuns: 5000 }
    );
  });

  it("rounds products of points and ratios as the decimal product would (1,5 × 0,85 = 1,275 → 1,28)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }), // maximum in quarter points: 0,25 … 100
        fc.integer({ min: 0, max: 10_000 }), // ratio in hundredths of a percent
        (quarters, basisPoints) => {
          const exact = BigInt(quarters) * 25n * BigInt(basisPoints); // × 10^-6
          const hundredths = (exact + 5000n) / 10_000n; // half away from zero, to 2 decimals
          const value = ((quarters / 4) * basisPoints) / 10_000;
          expect(roundHalfAwayFromZero(value, 2)).toBe(Number(`${hundredths}e-2`));
        }
      ),
      { numRuns: 5000 }
    );
  });
});

describe("formatting", () => {
  it("uses the decimal comma", () => {
    expect(formatNumberVi(16.75)).toBe("16,75");
    expect(formatNumberVi(4)).toBe("4");
    expect(formatPercentVi(0.935)).toBe("93,5%");
  });
});

describe("the @example lines of numbers.ts", () => {
  it("hold as written", () => {
    expect(readNumeral("1.000")).toEqual({ value: 1000, dotDecimal: false });
    expect(readNumeral("1.234,5")).toEqual({ value: 1234.5, dotDecimal: false });
    expect(readNumeral("93,5")).toEqual({ value: 93.5, dotDecimal: false });
    expect(readNumeral("1.5")).toEqual({ value: 1.5, dotDecimal: true });
    expect(readNumeral("15.12.2024")).toBeNull();
    expect(parseDecimal("16,75")).toBe(16.75);
    expect(parseDecimal("1.000")).toBe(1000);
    expect(parseDecimal("abc")).toBeNull();
    expect(parseSignedNumeral("-1.5")).toEqual({ value: -1.5, dotDecimal: true });
    const signed = findNumbers("Đạt -5% (41/42)");
    expect(signed.map((n) => n.text)).toEqual(["5", "41", "42"]);
    expect(signed.map((n) => n.negative)).toEqual([true, false, false]);
    expect(findNumbers("935/1.000").map((n) => n.value)).toEqual([935, 1000]);
  });
});
