import { charactersPerLine, widthForLines, wrappedLineCount } from "../../../src/core/parse/wrap";
import { wrappedLines } from "../../../src/xlsx/new-sheet";

describe("wrapped lines of a cell, words kept whole", () => {
  it("puts words on a line while they fit, as the spreadsheet wraps them", () => {
    expect(charactersPerLine(12)).toBe(11);
    expect(wrappedLineCount("Tổng điểm tính toán", 12)).toBe(2);
    expect(wrappedLineCount("Hạng", 5)).toBe(1);
    expect(wrappedLineCount("", 10)).toBe(1);
    expect(wrappedLineCount("Điểm tối đa", 10)).toBe(2);
  });

  it("counts the line a whole word starts, which counting characters misses", () => {
    const header = "VIII. Tác động của CCHC đến người dân và phát triển kinh tế - xã hội";
    // 68 characters, 14 a line: 5 lines by characters, 6 as the words fall.
    expect(Math.ceil(header.length / charactersPerLine(15))).toBe(5);
    expect(wrappedLineCount(header, 15)).toBe(6);
    // The package writer's row heights count the same lines.
    expect(wrappedLines(header, 15)).toBe(6);
  });

  it("breaks a word longer than a line, and starts a line at each line break", () => {
    expect(wrappedLineCount("abcdefghijklmnopqrstuvwxyz ab", 10)).toBe(4);
    expect(wrappedLineCount("một\nhai", 30)).toBe(2);
  });

  it("finds the narrowest width that keeps a header within its lines", () => {
    const header = "VIII. Tác động của CCHC đến người dân và phát triển kinh tế - xã hội";
    const width = widthForLines(header, 5, 9, 30);
    expect(wrappedLineCount(header, width)).toBeLessThanOrEqual(5);
    expect(wrappedLineCount(header, width - 1)).toBeGreaterThan(5);
    expect(widthForLines("Tổng điểm tính toán", 2, 6, 30)).toBe(10);
    expect(widthForLines("một hai ba bốn năm sáu", 1, 5, 8)).toBe(8);
  });
});
