/**
 * A sheet we write whole (the summary sheet, the roll-up's sheets), as plain content: every
 * decision made here in the core, so that each platform's writer only carries it out
 * (src/xlsx/new-sheet.ts `planSheet` for .xlsx bytes, src/excel/write-sheet.ts
 * `writeSheetPlan` for Office.js) and the CLI's copy and the add-in write the same sheet.
 */
import type { CellValue } from "../parse/values";

/** A 0-based cell. */
export interface PlanCell {
  row: number;
  column: number;
}

/** A clustered bar chart of some rows of the sheet. */
export interface SheetChart {
  title: string;
  /** 0-based column of the category labels. */
  categoryColumn: number;
  /** 0-based columns of the series, side by side right after `categoryColumn`. */
  valueColumns: number[];
  /** 0-based row of the series' names, just above `firstRow`. */
  headerRow: number;
  /** 0-based, inclusive rows of the categories. */
  firstRow: number;
  lastRow: number;
  /** 0-based cell of the chart's top-left corner. */
  anchor: PlanCell;
  /**
   * Its size in columns of the default width and rows of the default height (the writer's
   * default when absent: 8 columns, two rows per category, at least 16).
   */
  size?: { columns: number; rows: number };
  /** The first category at the top (a ranking reads top-down), not the bar chart's bottom. */
  firstOnTop?: boolean;
}

export interface SheetPlan {
  name: string;
  /** Rows of equal length ("" for an empty cell). */
  values: CellValue[][];
  /** Aligned with `values`; "General" where no format is asked. */
  numberFormats: string[][];
  /** A1 holds the sheet's title: bold, at this size in points (null: a plain cell). */
  titleSize: number | null;
  /** 0-based rows styled as headers (bold, `fills.header`, wrapped, centred vertically). */
  headerRows: number[];
  /** 0-based rows of averages and counts (bold, `fills.summary`). */
  summaryRows: number[];
  /** 0-based cells filled with `fills.highlight` (the roll-up's points lost). */
  highlightedCells: PlanCell[];
  /** 0-based cells whose text wraps, aligned to the top (a label longer than its column). */
  wrappedCells: PlanCell[];
  /** "#RRGGBB" fills of header rows, summary rows and highlighted cells. */
  fills: { header: string; summary: string; highlight: string };
  /** Rows (from the top) and columns (from the left) kept in view while scrolling. */
  frozenRows: number;
  frozenColumns: number;
  /** Column widths in characters, from column A (columns past the last keep the default). */
  widths: number[];
  /** How it prints (A4): landscape or portrait, scaled to one page wide or not. */
  print?: {
    landscape: boolean;
    fitToWidth: boolean;
    /** Rows (0-based, inclusive) repeated at the top of every printed page, if any. */
    titleRows?: { first: number; last: number } | null;
  };
  chart: SheetChart | null;
}

/**
 * Rows padded with "" to the longest one, as a plan's values are.
 *
 * @example padRows([["a"], ["b", 1]]) // [["a", ""], ["b", 1]]
 */
export function padRows(rows: ReadonlyArray<ReadonlyArray<CellValue>>): CellValue[][] {
  let width = 0;
  for (const row of rows) width = Math.max(width, row.length);
  return rows.map((row) =>
    Array.from({ length: width }, (_, c) => (row[c] === undefined ? "" : row[c]))
  );
}
