import { appendAll, maxOf, minOf } from "../../src/core/arrays";

// Past about 100,000 elements a spread call (`Math.max(...x)`) overflows the stack.
const LARGE = 300_000;

describe("maxOf, minOf, appendAll over arrays a spread call cannot take", () => {
  const values = Array.from({ length: LARGE }, (_, i) => (i * 7919) % LARGE);

  it("a spread call really overflows at this size (why these exist)", () => {
    expect(() => Math.max(...values)).toThrow(RangeError);
  });

  it("finds the largest and smallest of 300,000 values", () => {
    expect(maxOf(values)).toBe(LARGE - 1);
    expect(minOf(values)).toBe(0);
  });

  it("returns the start value for no values or when it is beyond them", () => {
    expect(maxOf([])).toBe(-Infinity);
    expect(maxOf([], 0)).toBe(0);
    expect(maxOf([2, 3], 10)).toBe(10);
    expect(minOf([2, 3], 1)).toBe(1);
    expect(minOf([5, 3, 4])).toBe(3);
  });

  it("appends 300,000 items in order, in place", () => {
    const target = [-1];
    expect(appendAll(target, values)).toBe(target);
    expect(target).toHaveLength(LARGE + 1);
    expect(target[1]).toBe(values[0]);
    expect(target[LARGE]).toBe(values[LARGE - 1]);
  });
});
