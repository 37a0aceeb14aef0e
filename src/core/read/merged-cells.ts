/**
 * Merged areas as a careful reader sees them: a value merged down several rows belongs
 * to every row it covers (offices merge the owner, deadline and status cells over the
 * tasks they share); a value merged across columns belongs to its first column only.
 *
 * The grid keeps a merged value in the area's top-left cell only (as Office.js gives it).
 * `fillMergedDown` returns a new grid with that value copied down the area's first column;
 * the caller's grid is not touched, and only the rows a merge covers are copied.
 */
import type { Grid, MergedArea } from "./grid";
import type { CellValue } from "../parse/values";

/**
 * A copy of the grid in which each merged value (and its number format) is repeated in
 * every row of its area, in the area's first column. Linear in the cells the merges
 * cover; rows no merge touches are shared with the input, not copied.
 *
 * @example fillMergedDown({ sheetName: "S", values: [["VP"], [""]], merges: [{ top: 0, left: 0, bottom: 1, right: 0 }] }).values // [["VP"], ["VP"]]
 */
export function fillMergedDown(grid: Grid): Grid {
  const merges = (grid.merges ?? []).filter((area) => area.bottom > area.top);
  if (merges.length === 0) return grid;
  const values = grid.values.slice();
  const formats = grid.numberFormats?.slice();
  const copiedRows = new Set<number>();
  const writableRow = (r: number) => {
    if (!copiedRows.has(r)) {
      values[r] = (values[r] ?? []).slice();
      if (formats) formats[r] = (formats[r] ?? []).slice();
      copiedRows.add(r);
    }
  };
  for (const area of merges) {
    if (area.top < 0 || area.top >= values.length) continue;
    const value: CellValue = grid.values[area.top]?.[area.left] ?? "";
    const format = grid.numberFormats?.[area.top]?.[area.left];
    const bottom = Math.min(area.bottom, values.length - 1);
    for (let r = area.top + 1; r <= bottom; r++) {
      writableRow(r);
      values[r][area.left] = value;
      if (formats && format !== undefined) formats[r][area.left] = format;
    }
  }
  return { ...grid, values, numberFormats: formats };
}

/**
 * Index of the cells that are covered by a merge without being its top-left cell, for
 * telling a row's own cells from values merged into it. Linear in the covered cells.
 */
export class MergeCover {
  private readonly covered = new Set<number>();
  private readonly width: number;

  /** Only cells inside `height` rows and `width` columns are indexed (a merge may reach past the grid). */
  constructor(merges: readonly MergedArea[] = [], width = 16_384, height = 1_048_576) {
    this.width = width;
    for (const area of merges) {
      const bottom = Math.min(area.bottom, height - 1);
      const right = Math.min(area.right, width - 1);
      for (let r = Math.max(area.top, 0); r <= bottom; r++) {
        for (let c = Math.max(area.left, 0); c <= right; c++) {
          if (r !== area.top || c !== area.left) this.covered.add(r * this.width + c);
        }
      }
    }
  }

  /** True when no cell is covered (nothing merged): callers skip the lookups. */
  isEmpty(): boolean {
    return this.covered.size === 0;
  }

  /** True when the cell only shows a value merged from above or from the left. */
  isCovered(row: number, column: number): boolean {
    return this.covered.has(row * this.width + column);
  }
}

/**
 * The merged area whose top-left cell is (row, column), if any.
 *
 * @example mergeStartingAt([{ top: 2, left: 4, bottom: 2, right: 5 }], 2, 4) // { top: 2, left: 4, bottom: 2, right: 5 }
 */
export function mergeStartingAt(
  merges: readonly MergedArea[] | undefined,
  row: number,
  column: number
): MergedArea | undefined {
  return merges?.find((area) => area.top === row && area.left === column);
}
