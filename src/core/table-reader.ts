/**
 * Finds the appendix tables of a sheet and classifies their rows.
 *
 * Real tables (see ../shared/seeds) have title rows above the header, headers with
 * numbering and line breaks, header rows repeated after each page break, section rows
 * ("I", "I. CẢI CÁCH THỂ CHẾ", "CÔNG TÁC CHỈ ĐẠO…"), a row of column numbers, blank rows,
 * and continuation rows that leave the first cells empty.
 */
import { COLUMN_ROLES, headerRole, type ColumnRole } from "./columns";
import { cellAt, formatAt, gridWidth, type Grid } from "./grid";
import { isOwnedHeader } from "./output-columns";
import { cellText, collapseSpaces, isBlankCell } from "./text";
import type { CellValue } from "./values";

export type TableColumns = Partial<Record<ColumnRole, number>>;

export interface TableRow {
  /** 0-based row in the grid. */
  index: number;
  /** Roman numeral of the section row above it ("I", "II"…), or null. */
  section: string | null;
  /** Criterion code written in the code column or leading the content ("1.1", "3.2.1"), or null. */
  code: string | null;
  /** True when `code` came from the code column (an explicit claim), not from the content. */
  codeFromColumn: boolean;
  /** Cell values by role (only the roles the table has). */
  cells: Partial<Record<ColumnRole, CellValue>>;
  /** Number formats by role, when known. */
  formats: Partial<Record<ColumnRole, string | undefined>>;
}

export interface AppendixTable {
  /** 0-based grid row of the (first) header row. */
  headerRow: number;
  columns: TableColumns;
  /** Header cells that name a role already taken by an earlier column (ignored). */
  duplicateHeaders: number[];
  /** 0-based grid column of the last input header. */
  lastInputColumn: number;
  /** 0-based grid column where the owned output block starts, if a previous run wrote one. */
  ownedColumn: number | null;
  /** Width of that block as its marker records it now (5 unless a column was inserted or removed). */
  ownedWidth: number | null;
  /** The marker (defined name) that recorded the block, if any. */
  marker: string | null;
  rows: TableRow[];
  /** 0-based grid row of the last row that belongs to the table. */
  lastRow: number;
}

interface HeaderMatch {
  columns: TableColumns;
  duplicates: number[];
  lastInputColumn: number;
  ownedColumn: number | null;
}

/**
 * Recognises a header row: at least two cells name a column role, one of them the
 * content or the code column, and no cell holds a number.
 */
export function matchHeader(grid: Grid, row: number, width = gridWidth(grid)): HeaderMatch | null {
  const columns: TableColumns = {};
  const duplicates: number[] = [];
  let lastInputColumn = -1;
  let ownedColumn: number | null = null;
  let roles = 0;
  for (let c = 0; c < width; c++) {
    const value = cellAt(grid, row, c);
    // Header cells are text; a number (a row's TT, a result) means a data row.
    if (typeof value === "number") return null;
    if (isBlankCell(value)) continue;
    if (isOwnedHeader(value)) {
      if (ownedColumn === null) ownedColumn = c;
      continue;
    }
    lastInputColumn = c;
    const role = headerRole(value);
    if (role === null) continue;
    if (columns[role] !== undefined) {
      duplicates.push(c);
      continue;
    }
    columns[role] = c;
    roles++;
  }
  if (roles < 2 || (columns.content === undefined && columns.code === undefined)) return null;
  return { columns, duplicates, lastInputColumn, ownedColumn };
}

function sameColumns(a: TableColumns, b: TableColumns): boolean {
  return COLUMN_ROLES.every((role) => a[role] === b[role]);
}

const ROMAN = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/;

/** True for I, II, … XXXIX. */
export function isRomanNumeral(text: string): boolean {
  return text !== "" && ROMAN.test(text);
}

/**
 * A leading criterion code in a content cell: "1.1. Ban hành…", "3.2.1 Tỷ lệ…",
 * "7.8 Áp dụng…", "1. Hoàn thành…". Returns null for anything else.
 *
 * @example leadingCode("3.2.1. Tỷ lệ hồ sơ") === "3.2.1"
 */
export function leadingCode(text: string): string | null {
  const match = /^\s*(\d{1,2}(?:\s?\.\s?\d{1,2}){0,3})\s*[.)]?(?=\s|$)/.exec(text);
  if (!match) return null;
  return match[1].replace(/\s/g, "");
}

/** A code cell: "1.1", "3.2.1", "I.1", or a number Excel stored for "1.1". */
function codeFromCell(value: CellValue): string | null {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : null;
  const text = collapseSpaces(cellText(value)).replace(/\.$/, "");
  if (text === "") return null;
  return /^[0-9IVX]+(?:\.[0-9]+)*$/.test(text) ? text : null;
}

function nonBlankCells(
  grid: Grid,
  row: number,
  width: number
): Array<{ column: number; text: string }> {
  const cells: Array<{ column: number; text: string }> = [];
  for (let c = 0; c < width; c++) {
    const value = cellAt(grid, row, c);
    if (!isBlankCell(value)) cells.push({ column: c, text: collapseSpaces(cellText(value)) });
  }
  return cells;
}

/** True when most letters of a text are upper case: "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH". */
function isUpperCaseTitle(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  if (letters.length < 4) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, "").length;
  return upper / letters.length > 0.8;
}

/**
 * The section a row opens, or undefined when it is not a section row. A section row
 * holds a roman numeral and a title, or one upper-case title, and nothing else.
 * Returns the numeral, or null for a title without one.
 */
export function sectionOf(
  cells: Array<{ column: number; text: string }>,
  columns: TableColumns
): string | null | undefined {
  if (cells.length === 0 || cells.length > 2) return undefined;
  const dataRoles: ColumnRole[] = [
    "deadline",
    "result",
    "owner",
    "status",
    "selfScore",
    "maxPoints",
  ];
  if (cells.some((cell) => dataRoles.some((role) => columns[role] === cell.column)))
    return undefined;
  const first = cells[0].text;
  if (cells.length === 2) {
    const numeral = first.replace(/\.$/, "");
    return isRomanNumeral(numeral) ? numeral : undefined;
  }
  const inline = /^([IVX]{1,6})[.\s-]\s*(.+)$/.exec(first);
  if (inline && isRomanNumeral(inline[1])) return inline[1];
  if (isRomanNumeral(first.replace(/\.$/, ""))) return first.replace(/\.$/, "");
  return isUpperCaseTitle(first) && cells[0].column !== columns.index ? null : undefined;
}

/** A row that numbers the columns under the header: "1 2 3 4 5" or "(1) (2) (3)". */
function isColumnNumberRow(cells: Array<{ text: string }>): boolean {
  if (cells.length < 3) return false;
  const numbers = cells.map((cell) => /^\(?(\d{1,2})\)?$/.exec(cell.text));
  if (numbers.some((m) => m === null)) return false;
  return numbers.every((m, i) => i === 0 || Number(m![1]) > Number(numbers[i - 1]![1]));
}

/**
 * Reads every appendix table on a sheet.
 *
 * @example readTables({ sheetName: "Phụ lục", values: [["STT", "Nội dung nhiệm vụ", "Thời gian hoàn thành"], [1, "Báo cáo", "Quý I/2025"]] })
 */
export function readTables(grid: Grid): AppendixTable[] {
  const width = gridWidth(grid);
  const tables: AppendixTable[] = [];
  let current: AppendixTable | null = null;
  let section: string | null = null;
  for (let r = 0; r < grid.values.length; r++) {
    const header = matchHeader(grid, r, width);
    if (header) {
      if (current && sameColumns(current.columns, header.columns)) {
        current.lastRow = r; // a header repeated after a page break
        continue;
      }
      const marker = markerAt(grid, r);
      current = {
        headerRow: r,
        columns: header.columns,
        duplicateHeaders: header.duplicates,
        lastInputColumn: marker
          ? lastInputBefore(grid, r, marker.left, width)
          : header.lastInputColumn,
        ownedColumn: marker ? marker.left : header.ownedColumn,
        ownedWidth: marker ? marker.right - marker.left + 1 : null,
        marker: marker?.name ?? null,
        rows: [],
        lastRow: r,
      };
      section = null;
      tables.push(current);
      continue;
    }
    if (!current) continue;
    const cells = nonBlankCells(grid, r, current.lastInputColumn + 1);
    if (cells.length === 0 || isColumnNumberRow(cells)) continue;
    const opened = sectionOf(cells, current.columns);
    if (opened !== undefined) {
      if (opened !== null) section = opened;
      current.lastRow = r;
      continue;
    }
    current.rows.push(readRow(grid, r, current.columns, section));
    current.lastRow = r;
  }
  return tables;
}

/** The marker whose block starts on this header row, in grid coordinates. */
function markerAt(grid: Grid, row: number): { name: string; left: number; right: number } | null {
  const firstRow = (grid.firstRow ?? 1) - 1;
  const firstColumn = grid.firstColumn ?? 0;
  const marker = grid.markers?.find((m) => m.top - firstRow === row);
  return marker
    ? { name: marker.name, left: marker.left - firstColumn, right: marker.right - firstColumn }
    : null;
}

/** The last non-blank header cell left of the owned block. */
function lastInputBefore(grid: Grid, row: number, ownedLeft: number, width: number): number {
  let last = -1;
  for (let c = 0; c < Math.min(ownedLeft, width); c++)
    if (!isBlankCell(cellAt(grid, row, c))) last = c;
  return last;
}

function readRow(grid: Grid, r: number, columns: TableColumns, section: string | null): TableRow {
  const cells: TableRow["cells"] = {};
  const formats: TableRow["formats"] = {};
  for (const role of COLUMN_ROLES) {
    const c = columns[role];
    if (c === undefined) continue;
    cells[role] = cellAt(grid, r, c);
    formats[role] = formatAt(grid, r, c);
  }
  const fromColumn = columns.code !== undefined ? codeFromCell(cells.code ?? "") : null;
  const code = fromColumn ?? leadingCode(cellText(cells.content ?? ""));
  return { index: r, section, code, codeFromColumn: fromColumn !== null, cells, formats };
}
