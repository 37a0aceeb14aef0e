import fc from "fast-check";
import type { Grid } from "../../../src/core/read/grid";
import { fillMergedDown, MergeCover, mergeStartingAt } from "../../../src/core/read/merged-cells";

const grid = (): Grid => ({
  sheetName: "Phụ lục",
  values: [
    ["STT", "Nội dung", "Thời hạn", "Chủ trì"],
    [1, "Việc một", "Trước ngày 15/11/2025", "Văn phòng"],
    [2, "Việc hai", "", ""],
    [3, "Việc ba", "", ""],
    ["Ghi chú: gộp ngang", "", "", ""],
  ],
  numberFormats: [
    ["General", "General", "General", "General"],
    ["General", "General", "dd/mm/yyyy", "@"],
    ["General", "General", "General", "General"],
    ["General", "General", "General", "General"],
    ["General", "General", "General", "General"],
  ],
  merges: [
    { top: 1, left: 2, bottom: 3, right: 2 },
    { top: 1, left: 3, bottom: 2, right: 3 },
    { top: 4, left: 0, bottom: 4, right: 3 },
  ],
});

describe("fillMergedDown", () => {
  it("repeats a value merged down in every row it covers, with its number format", () => {
    const filled = fillMergedDown(grid());
    expect(filled.values.map((row) => row[2])).toEqual([
      "Thời hạn",
      "Trước ngày 15/11/2025",
      "Trước ngày 15/11/2025",
      "Trước ngày 15/11/2025",
      "",
    ]);
    expect(filled.values.map((row) => row[3])).toEqual([
      "Chủ trì",
      "Văn phòng",
      "Văn phòng",
      "",
      "",
    ]);
    expect(filled.numberFormats![3][2]).toBe("dd/mm/yyyy");
  });

  it("leaves a value merged across columns in its first column only", () => {
    const filled = fillMergedDown(grid());
    expect(filled.values[4]).toEqual(["Ghi chú: gộp ngang", "", "", ""]);
  });

  it("does not change the caller's grid, and shares the rows no merge touches", () => {
    const input = grid();
    const before = JSON.stringify(input);
    const filled = fillMergedDown(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(filled.values[0]).toBe(input.values[0]);
    expect(filled.values[2]).not.toBe(input.values[2]);
  });

  it("returns the same grid when nothing is merged down", () => {
    const input: Grid = {
      sheetName: "S",
      values: [["a", "b"]],
      merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
    };
    expect(fillMergedDown(input)).toBe(input);
  });

  it("ignores a merge reaching past the grid's last row", () => {
    const input: Grid = {
      sheetName: "S",
      values: [["x"], [""]],
      merges: [{ top: 0, left: 0, bottom: 9, right: 0 }],
    };
    expect(fillMergedDown(input).values).toEqual([["x"], ["x"]]);
  });

  it("fills every covered row of any vertical merge (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 3 }),
        (top, span, column) => {
          const values = Array.from({ length: 20 }, (_, r) =>
            Array.from({ length: 4 }, (_, c) => (r === top && c === column ? "giá trị" : ""))
          );
          const filled = fillMergedDown({
            sheetName: "S",
            values,
            merges: [{ top, left: column, bottom: top + span, right: column }],
          });
          for (let r = 0; r < 20; r++)
            expect(filled.values[r][column]).toBe(r >= top && r <= top + span ? "giá trị" : "");
        }
      )
    );
  });

  it("fills 50,000 rows under one merge (timed in bench/hostile-text.ts)", () => {
    const values = Array.from({ length: 50_000 }, (_, r) => [r, r === 0 ? "Văn phòng" : ""]);
    const filled = fillMergedDown({
      sheetName: "S",
      values,
      merges: [{ top: 0, left: 1, bottom: 49_999, right: 1 }],
    });
    expect(filled.values[49_999][1]).toBe("Văn phòng");
  });
});

describe("MergeCover and mergeStartingAt", () => {
  it("tells covered cells from the top-left cell that holds the value", () => {
    const cover = new MergeCover(grid().merges, 4);
    expect(cover.isCovered(1, 2)).toBe(false);
    expect(cover.isCovered(2, 2)).toBe(true);
    expect(cover.isCovered(4, 3)).toBe(true);
    expect(cover.isCovered(2, 1)).toBe(false);
  });

  it("finds the merge that starts at a cell", () => {
    expect(mergeStartingAt(grid().merges, 4, 0)).toEqual({ top: 4, left: 0, bottom: 4, right: 3 });
    expect(mergeStartingAt(grid().merges, 4, 1)).toBeUndefined();
  });
});

describe("MergeCover on a merge reaching past the grid", () => {
  it("indexes only the grid's cells, so a whole-column merge costs the grid's rows", () => {
    const cover = new MergeCover([{ top: 0, left: 0, bottom: 1_048_575, right: 16_383 }], 4, 10);
    expect(cover.isCovered(9, 3)).toBe(true);
    expect(cover.isCovered(0, 0)).toBe(false);
  });
});
