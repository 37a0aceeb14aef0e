/**
 * One worksheet part → the core's Grid, streamed with saxes (never a DOM: sheets can be
 * large). The grid starts at A1 (firstRow 1, firstColumn 0) and reaches only as far as the
 * cells that hold a value: an empty styled cell, a row format or a column width extends
 * nothing, so a stray formatted cell at XFD1048576 costs nothing. Each row of `values` is as
 * long as its own last value (rows may differ in length, as Grid allows).
 *
 * Values are what Office.js `range.values` gives: numbers, strings, booleans, the error text
 * ("#DIV/0!"), a formula's cached value, "" for empty; a merged area keeps its value in its
 * top-left cell only. Date serials of a 1904 workbook are moved to the 1900 system.
 */
import { columnLetter, quoteSheetName, type Grid, type MergedArea } from "../core/read/grid";
import type { CellValue } from "../core/parse/values";
import {
  cellTextTooLong,
  overlappingMerges,
  tooManyCells,
  tooManyMerges,
  tooManyColumns,
  tooManyRows,
  type ReadLimits,
} from "./limits";
import { xmlBoolean } from "./package";
import { decodeXString } from "./read-shared-strings";
import type { CellStyles } from "./read-styles";
import { streamXml, type XmlHandlers } from "./xml-stream";

/** Days between the 1900 and the 1904 date systems' day zero. */
export const DAYS_1904_TO_1900 = 1462;

/** Excel's last column (XFD) and row, 1-based. */
const MAX_EXCEL_COLUMNS = 16_384;
const MAX_EXCEL_ROWS = 1_048_576;

export interface SheetContext {
  sheetName: string;
  partPath: string;
  sharedStrings: string[];
  styles: CellStyles;
  date1904: boolean;
  limits: ReadLimits;
  /**
   * Our blocks' state columns (0-based, sheet-absolute, with the block's header row, from
   * `stateColumnsOf` the markers): a value without a formula there, below the header, is
   * reported in `Grid.typedCells`.
   */
  stateColumns?: Array<{ column: number; top: number }>;
}

/** A cell reference split into 0-based column and 1-based row (row 0 when absent). */
interface CellRef {
  column: number;
  row: number;
}

/**
 * Parses "AB12" (also "$AB$12"); null when it is no cell reference.
 *
 * @example parseCellRef("AB12") // { column: 27, row: 12 }
 */
export function parseCellRef(ref: string): CellRef | null {
  let i = 0;
  if (ref[i] === "$") i++;
  let column = 0;
  const lettersStart = i;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) & ~0x20; // upper case
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
    if (column > MAX_EXCEL_COLUMNS) return null;
  }
  if (i === lettersStart) return null;
  if (ref[i] === "$") i++;
  let row = 0;
  const digitsStart = i;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 48 || code > 57) return null;
    row = row * 10 + (code - 48);
    if (row > MAX_EXCEL_ROWS) return null;
  }
  if (i === digitsStart) row = 0;
  return { column: column - 1, row };
}

/**
 * A merged area's bounds from its reference (0-based, inclusive); null unless it is a range.
 *
 * @example parseRangeRef("B2:C3") // { top: 1, left: 1, bottom: 2, right: 2 }
 */
export function parseRangeRef(ref: string): MergedArea | null {
  const colon = ref.indexOf(":");
  if (colon < 0) return null;
  const from = parseCellRef(ref.slice(0, colon));
  const to = parseCellRef(ref.slice(colon + 1));
  if (!from || !to || from.row === 0 || to.row === 0) return null;
  return {
    top: Math.min(from.row, to.row) - 1,
    left: Math.min(from.column, to.column),
    bottom: Math.max(from.row, to.row) - 1,
    right: Math.max(from.column, to.column),
  };
}

/**
 * The 1900-system serial of an ISO date or date-time (a `t="d"` cell); null if it is none.
 *
 * @example isoToSerial("2025-11-10") === 45971
 * @example isoToSerial("2025-11-10T12:00:00Z") === 45971.5
 */
export function isoToSerial(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?/.exec(
    iso.trim()
  );
  if (!match) return null;
  const [, y, mo, d, h = "0", mi = "0", s = "0", fraction = ""] = match;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (!Number.isFinite(ms)) return null;
  const serial = ms / 86_400_000 + 25_569 + (fraction ? Number(fraction) / 86_400 : 0);
  // Excel's serials count a 29 February 1900 that never was: dates before March 1900 are one less.
  return serial < 61 ? serial - 1 : serial;
}

/** Cells of one row that hold values, in the order read. */
interface RowCells {
  columns: number[];
  values: CellValue[];
  styles: number[];
  /** Last column holding a value. */
  last: number;
}

/**
 * Reads a worksheet part into a grid (markers are added by the caller). With `layout`
 * handlers (sheet-layout.ts), the part's layout is recorded in the same pass.
 */
export function readSheet(bytes: Uint8Array, context: SheetContext, layout?: XmlHandlers): Grid {
  const { sheetName, limits, sharedStrings, styles, date1904 } = context;
  const rows = new Map<number, RowCells>();
  const merges: MergedArea[] = [];
  const hiddenColumns = new Set<number>();
  const hiddenRowNumbers: number[] = [];
  let sheetProtected = false;
  let lastRow = 0;
  let area = 0;

  let inSheetData = false;
  let rowNumber = 0;
  let column = -1;
  // The cell being read.
  let inCell = false;
  let cellType = "n";
  let cellStyle = 0;
  // A cell's text as it comes (mostly one piece: no array per cell).
  let text = "";
  let inValue = false;
  let inInline = false;
  let inInlineText = 0;
  let inPhonetic = 0;
  let hasValueElement = false;
  let hasFormula = false;
  const stateTops = new Map<number, number>();
  for (const { column: c, top } of context.stateColumns ?? [])
    stateTops.set(c, Math.min(top, stateTops.get(c) ?? Infinity));
  const typedCells: Array<[number, number]> = [];

  const address = (col: number, row: number) =>
    `${quoteSheetName(sheetName)}!${columnLetter(col)}${row}`;

  const record = (value: CellValue) => {
    if (value === "") return;
    if (typeof value === "string" && value.length > limits.maxCellTextLength)
      throw cellTextTooLong(address(column, rowNumber), value.length, limits);
    if (rowNumber > limits.maxRows) throw tooManyRows(sheetName, rowNumber, limits);
    if (column >= limits.maxColumns) throw tooManyColumns(sheetName, column, limits);
    let cells = rows.get(rowNumber);
    if (!cells) {
      cells = { columns: [], values: [], styles: [], last: -1 };
      rows.set(rowNumber, cells);
    }
    if (column > cells.last) {
      area += column - cells.last;
      cells.last = column;
      if (area > limits.maxCells) throw tooManyCells(sheetName, area, limits);
    }
    cells.columns.push(column);
    cells.values.push(value);
    cells.styles.push(cellStyle);
    if (rowNumber > lastRow) lastRow = rowNumber;
  };

  const cellValue = (): CellValue => {
    const raw = text;
    switch (cellType) {
      case "s": {
        if (!hasValueElement) return "";
        const shared = sharedStrings[Number(raw)];
        return shared ?? "";
      }
      case "inlineStr":
        return decodeXString(raw);
      case "str":
        return decodeXString(raw);
      case "b":
        return hasValueElement ? raw.trim() === "1" || raw.trim() === "true" : "";
      case "e":
        return raw.trim();
      case "d": {
        if (!hasValueElement || raw.trim() === "") return "";
        return isoToSerial(raw) ?? raw.trim();
      }
      default: {
        if (!hasValueElement || raw.trim() === "") return "";
        const number = Number(raw);
        if (!Number.isFinite(number)) return raw.trim();
        return date1904 && styles.isDate(cellStyle) ? number + DAYS_1904_TO_1900 : number;
      }
    }
  };

  const layoutOpen = layout?.open;
  const layoutText = layout?.text;
  const layoutClose = layout?.close;
  streamXml(bytes, context.partPath, {
    open: (name, attributes, cursor) => {
      if (layoutOpen) layoutOpen(name, attributes, cursor);
      if (inCell) {
        if (name === "v") {
          inValue = true;
          hasValueElement = true;
        } else if (name === "f") hasFormula = true;
        else if (name === "is") inInline = true;
        else if (name === "t" && inInline) inInlineText++;
        else if (name === "rPh") inPhonetic++;
        return;
      }
      if (name === "c" && inSheetData) {
        const ref = attributes.r !== undefined ? parseCellRef(attributes.r) : null;
        column = ref ? ref.column : column + 1;
        if (ref && ref.row > 0 && rowNumber === 0) rowNumber = ref.row;
        inCell = true;
        cellType = attributes.t ?? "n";
        cellStyle = attributes.s !== undefined ? Number(attributes.s) || 0 : 0;
        text = "";
        hasValueElement = false;
        hasFormula = false;
      } else if (name === "row" && inSheetData) {
        const r = attributes.r !== undefined ? Number(attributes.r) : NaN;
        rowNumber = Number.isInteger(r) && r > 0 && r <= MAX_EXCEL_ROWS ? r : rowNumber + 1;
        column = -1;
        if (xmlBoolean(attributes.hidden)) hiddenRowNumbers.push(rowNumber);
      } else if (name === "sheetData") {
        inSheetData = true;
      } else if (name === "col" && xmlBoolean(attributes.hidden)) {
        const min = Math.max(1, Number(attributes.min) || 1);
        const max = Math.min(MAX_EXCEL_COLUMNS, Number(attributes.max) || min);
        for (let c = min; c <= max; c++) hiddenColumns.add(c - 1);
      } else if (name === "sheetProtection" && !inSheetData) {
        // sheet="1": protected against editing; without it the element only stores settings.
        sheetProtected = xmlBoolean(attributes.sheet);
      } else if (name === "mergeCell" && attributes.ref) {
        const merged = parseRangeRef(attributes.ref);
        if (merged) {
          if (merges.length >= limits.maxMerges) throw tooManyMerges(sheetName, limits);
          merges.push(merged);
        }
      }
    },
    text: (chunk) => {
      if (layoutText) layoutText(chunk);
      if (inValue || (inInlineText > 0 && inPhonetic === 0)) text += chunk;
    },
    close: (name, cursor) => {
      if (layoutClose) layoutClose(name, cursor);
      if (inCell) {
        if (name === "v") inValue = false;
        else if (name === "is") inInline = false;
        else if (name === "t" && inInline) inInlineText--;
        else if (name === "rPh") inPhonetic--;
        else if (name === "c") {
          inCell = false;
          if (cellType === "inlineStr" || hasValueElement) {
            const value = cellValue();
            record(value);
            // A value typed over our state formula (the header row is ours, and text).
            const top = stateTops.size > 0 ? stateTops.get(column) : undefined;
            if (top !== undefined && rowNumber - 1 > top && !hasFormula && value !== "")
              typedCells.push([rowNumber - 1, column]);
          }
        }
        return;
      }
      if (name === "sheetData") inSheetData = false;
    },
  });

  const grid = buildGrid(
    sheetName,
    rows,
    lastRow,
    merges,
    hiddenColumns,
    hiddenRowNumbers,
    styles,
    limits
  );
  if (context.stateColumns) grid.typedCells = typedCells;
  return sheetProtected ? { ...grid, protected: true } : grid;
}

function buildGrid(
  sheetName: string,
  rows: Map<number, RowCells>,
  lastRow: number,
  merges: MergedArea[],
  hiddenColumns: Set<number>,
  hiddenRowNumbers: number[],
  styles: CellStyles,
  limits: ReadLimits
): Grid {
  const values: CellValue[][] = new Array<CellValue[]>(lastRow);
  const numberFormats: string[][] = new Array<string[]>(lastRow);
  for (let r = 0; r < lastRow; r++) {
    const cells = rows.get(r + 1);
    if (!cells) {
      values[r] = [];
      numberFormats[r] = [];
      continue;
    }
    const rowValues = new Array<CellValue>(cells.last + 1).fill("");
    const rowFormats = new Array<string>(cells.last + 1).fill("General");
    for (let i = 0; i < cells.columns.length; i++) {
      rowValues[cells.columns[i]] = cells.values[i];
      rowFormats[cells.columns[i]] = styles.formatOf(cells.styles[i]);
    }
    values[r] = rowValues;
    numberFormats[r] = rowFormats;
  }
  keepTopLeftOfMerges(sheetName, values, merges, limits);
  return {
    sheetName,
    values,
    numberFormats,
    firstRow: 1,
    firstColumn: 0,
    merges,
    hiddenColumns: [...hiddenColumns].sort((a, b) => a - b),
    hiddenRows: hiddenRowNumbers.map((n) => n - 1).filter((r) => r < lastRow),
  };
}

/**
 * Empties the cells a merged area covers except its top-left one (LibreOffice keeps the
 * contents of covered cells in the file; Office.js shows them empty). Only rows and
 * columns that exist in the grid are visited, so a merge reaching row 1,048,576 costs
 * no more than the grid itself.
 */
function keepTopLeftOfMerges(
  sheetName: string,
  values: CellValue[][],
  merges: MergedArea[],
  limits: ReadLimits
): void {
  // Valid merges never overlap, so the work stays within the grid's own size; overlapping
  // ones (a damaged or hostile file) are refused once they cost more than that.
  let budget = 2 * limits.maxCells + 4 * values.length;
  for (const merge of merges) {
    const bottom = Math.min(merge.bottom, values.length - 1);
    for (let r = merge.top; r <= bottom; r++) {
      const row = values[r];
      const right = Math.min(merge.right, row.length - 1);
      const left = r === merge.top ? merge.left + 1 : merge.left;
      budget -= 1 + Math.max(0, right - left + 1);
      if (budget < 0) throw overlappingMerges(sheetName);
      for (let c = left; c <= right; c++) row[c] = "";
    }
  }
}
