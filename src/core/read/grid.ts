/**
 * The grid every front end hands to the core: cell values as Office.js `range.values`
 * gives them (strings, numbers, booleans, "" for empty; a merged block holds its value
 * in its top-left cell only) and, where known, the number formats.
 */
import { columnLetter, quoteSheetName } from "./a1";
import type { OwnedMarker } from "./markers";

// The A1 leaves live in a1.ts (markers use them too); importers of the grid keep them here.
export { columnIndex, columnLetter, quoteSheetName } from "./a1";
import type { CellValue } from "../parse/values";

export interface Grid {
  /** Worksheet name, for messages ("Phụ lục!D7"). */
  sheetName: string;
  /** Rows of cells; row 0 is Excel row `firstRow`. Rows may have different lengths. */
  values: CellValue[][];
  /** Number formats aligned with `values` (e.g. "0.0%", "dd/mm/yyyy"), when known. */
  numberFormats?: string[][];
  /** 1-based Excel row of values[0] (the used range may start below row 1). Default 1. */
  firstRow?: number;
  /** 0-based Excel column of values[r][0]. Default 0 (column A). */
  firstColumn?: number;
  /** The tools' records of blocks they wrote on this sheet (defined names), sheet-absolute. */
  markers?: OwnedMarker[];
  /**
   * Merged areas, in grid coordinates (0-based, relative to values[0][0], inclusive).
   * As in Office.js, only the top-left cell of an area holds its value in `values`.
   */
  merges?: MergedArea[];
  /** 0-based grid columns the user has hidden (the tools never write there). */
  hiddenColumns?: number[];
  /** 0-based grid rows the user has hidden. */
  hiddenRows?: number[];
  /**
   * Cells of the tools' state columns (`stateColumnsOf` the markers) that hold a typed
   * value instead of the formula the tool wrote there, as 0-based grid [row, column];
   * undefined when the reader cannot tell (a host without the API).
   */
  typedCells?: Array<[number, number]>;
  /** True when the sheet is protected against editing (Protect Sheet): nothing is written on it. */
  protected?: boolean;
}

/**
 * The refusal for a protected sheet a run would write on, the same words in every front
 * end: the add-in (Office.js `worksheet.protection`) and the CLI (`<sheetProtection>`).
 *
 * @example protectedSheetMessage("Phụ lục") // 'Trang "Phụ lục" đang được bảo vệ (Protect Sheet): …'
 */
export function protectedSheetMessage(sheetName: string): string {
  return `Trang "${sheetName}" đang được bảo vệ (Protect Sheet): hãy bỏ bảo vệ trang (Review → Unprotect Sheet) rồi chấm điểm lại. Chưa có ô nào bị thay đổi.`;
}

/** A merged area in grid coordinates: 0-based, inclusive bounds. */
export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Reads a cell, treating missing cells as empty. */
export function cellAt(grid: Grid, row: number, column: number): CellValue {
  return grid.values[row]?.[column] ?? "";
}

export function formatAt(grid: Grid, row: number, column: number): string | undefined {
  return grid.numberFormats?.[row]?.[column];
}

/** The widest row of the grid. */
export function gridWidth(grid: Grid): number {
  return grid.values.reduce((width, row) => Math.max(width, row.length), 0);
}

/**
 * An A1 address of a grid cell, with the sheet name quoted when it needs it.
 *
 * @example cellAddress({ sheetName: "Phụ lục", values: [] }, 6, 3) === "'Phụ lục'!D7"
 */
export function cellAddress(grid: Grid, row: number, column: number): string {
  const excelRow = row + (grid.firstRow ?? 1);
  const excelColumn = column + (grid.firstColumn ?? 0);
  return `${quoteSheetName(grid.sheetName)}!${columnLetter(excelColumn)}${excelRow}`;
}
