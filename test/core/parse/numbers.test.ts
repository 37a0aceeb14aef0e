import fc from "fast-check";
import {
  formatNumberVi,
  formatPercentVi,
  parseDecimal,
  roundHalfAwayFromZero,
} from "../../../src/core/parse/numbers";

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
