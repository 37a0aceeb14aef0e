/**
 * Finds the appendix tables of a sheet and classifies their rows.
 *
 * Real tables (see ../shared/seeds) have title rows above the header, headers with
 * numbering and line breaks, header rows repeated after each page break, section rows
 * ("I", "I. CẢI CÁCH THỂ CHẾ", "CÔNG TÁC CHỈ ĐẠO…"), a row of column numbers, blank rows,
 * continuation rows that leave the first cells empty, cells merged over several task
 * rows, two-row headers, and totals, notes and signature blocks under the table.
 */
import { COLUMN_ROLES, headerRole, type ColumnRole } from "./columns";
import { endsTable, footerKind, isAppendixTitle } from "./footer-rows";
import { cellAt, formatAt, gridWidth, type Grid } from "./grid";
import {
  isColumnNumberRow,
  isTemplateExplanation,
  readSubHeader,
  subColumnKind,
  type ResultSubColumn,
  type SubColumnKind,
} from "./header-rows";
import { fillMergedDown, MergeCover } from "./merged-cells";
import { isOwnedHeader } from "./output-columns";
import { hasCriteriaColumns } from "./task-numbering";
import { cellText, collapseSpaces, isBlankCell, normalizeVi } from "../parse/text";
import type { CellValue } from "../parse/values";
import { maxOf } from "../arrays";

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
  /** The result's sub-columns ("Số liệu", "Tỷ lệ") under a two-row header, left to right. */
  results: ResultRead[];
  /** Task numbering leading the content of a table without criteria columns ("1.1"), or null. */
  taskNumber: string | null;
}

/** One result sub-column's cell in a row. */
export interface ResultRead {
  name: string;
  kind: SubColumnKind;
  column: number;
  value: CellValue;
  format: string | undefined;
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
  /** 0-based grid row of the last real row of the table (totals, notes and signatures excluded). */
  lastRow: number;
  /** Result sub-columns under a merged "Kết quả" header, left to right (empty when none). */
  resultColumns: ResultSubColumn[];
  /** True when the table has a code, result, maximum or self-score column. */
  criteriaColumns: boolean;
  /** Dotted task numbers ("1.1", "2.2") leading the content of a table without criteria columns. */
  taskNumbers: string[];
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

/** Roles whose cell, merged down over several task rows, belongs to each of them. */
const MERGED_DOWN_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  "owner",
  "deadline",
  "status",
  "result",
  "evidence",
]);

/** Roles whose own value makes a row a task rather than a content fragment. */
const TASK_ROLES: readonly ColumnRole[] = [
  "index",
  "code",
  "deadline",
  "owner",
  "status",
  "result",
  "selfScore",
  "maxPoints",
  "evidence",
];

/**
 * Reads every appendix table on a sheet.
 *
 * Rows are classified on the grid as written (a merged value counts in its top-left cell
 * only), and read through `fillMergedDown`, so that each task row under a merged owner,
 * deadline, status, result or evidence cell gets that value.
 *
 * @example readTables({ sheetName: "Phụ lục", values: [["STT", "Nội dung nhiệm vụ", "Thời gian hoàn thành"], [1, "Báo cáo", "Quý I/2025"]] })
 */
export function readTables(grid: Grid): AppendixTable[] {
  const width = gridWidth(grid);
  const filled = fillMergedDown(grid);
  const cover = new MergeCover(grid.merges, Math.max(width, 1), grid.values.length);
  const tables: AppendixTable[] = [];
  let current: AppendixTable | null = null;
  let ended = false;
  let section: string | null = null;
  /** True from a header row to the first row that is not part of the header. */
  let inHeader = false;
  let lastTask: TableRow | null = null;
  /** The current table's result columns, worked out at its first task row. */
  let resultParts: ResultSubColumn[] | null = null;
  for (let r = 0; r < grid.values.length; r++) {
    const header = matchHeader(grid, r, width);
    if (header) {
      inHeader = true;
      lastTask = null;
      if (current && !ended && sameColumns(current.columns, header.columns)) {
        current.lastRow = r; // a header repeated after a page break, with its sub-header row
        if (current.resultColumns.length > 0 && readSubHeader(grid, r, current.columns, width - 1))
          r++;
        continue;
      }
      current = startTable(grid, r, header, width);
      resultParts = null;
      ended = false;
      section = null;
      tables.push(current);
      const sub = readSubHeader(grid, r, current.columns, (current.ownedColumn ?? width) - 1);
      if (sub) {
        for (const [role, column] of Object.entries(sub.roles) as Array<[ColumnRole, number]>)
          current.columns[role] ??= column;
        current.resultColumns = sub.results;
        if (sub.results.length > 0) current.columns.result = sub.results[0].column;
        const subLast = maxOf([...sub.results.map((s) => s.column), ...Object.values(sub.roles)]);
        current.lastInputColumn = Math.max(current.lastInputColumn, subLast);
        current.criteriaColumns = hasCriteriaColumns(current.columns);
        current.lastRow = sub.row;
        r = sub.row;
      }
      continue;
    }
    if (!current || ended) continue;
    const cells = ownCells(grid, cover, r, current.lastInputColumn + 1);
    if (cells.length === 0) continue;
    const texts = cells.map((cell) => cell.text);
    if (isColumnNumberRow(texts)) continue;
    if (inHeader && isExplanationRow(grid, r, current.columns, texts)) continue;
    // A row numbered in the index column is a task; only the others may be footers.
    const numbered =
      current.columns.index !== undefined &&
      typeof cellAt(grid, r, current.columns.index) === "number";
    const footer = numbered ? null : footerKind(texts);
    if (footer !== null) {
      if (endsTable(footer)) ended = true;
      continue;
    }
    // The next appendix's title: its rows and header belong to a table of their own.
    if (!numbered && isAppendixTitle(texts)) {
      ended = true;
      continue;
    }
    inHeader = false;
    const opened = sectionOf(cells, current.columns);
    if (opened !== undefined) {
      if (opened !== null) section = opened;
      current.lastRow = r;
      lastTask = null;
      continue;
    }
    if (
      lastTask &&
      r === current.lastRow + 1 &&
      isContinuation(cells, current.columns, indexMergedFromAbove(grid, cover, r, current.columns))
    ) {
      appendContent(lastTask, cells, current.columns);
      current.lastRow = r;
      continue;
    }
    resultParts ??= resultPartsOf(grid, current);
    lastTask = readRow(grid, filled, r, current, section, resultParts);
    current.rows.push(lastTask);
    current.lastRow = r;
  }
  return tables;
}

function startTable(grid: Grid, r: number, header: HeaderMatch, width: number): AppendixTable {
  const marker = markerAt(grid, r);
  let lastInputColumn = marker
    ? lastInputBefore(grid, r, marker.left, width)
    : header.lastInputColumn;
  // A merged header cell ("Kết quả" over two columns) reaches past its top-left cell.
  for (const area of grid.merges ?? []) {
    if (area.top <= r && area.bottom >= r && area.left <= lastInputColumn)
      lastInputColumn = Math.max(
        lastInputColumn,
        Math.min(area.right, (marker?.left ?? Infinity) - 1)
      );
  }
  return {
    headerRow: r,
    columns: header.columns,
    duplicateHeaders: header.duplicates,
    lastInputColumn,
    ownedColumn: marker ? marker.left : header.ownedColumn,
    ownedWidth: marker ? marker.right - marker.left + 1 : null,
    marker: marker?.name ?? null,
    rows: [],
    lastRow: r,
    resultColumns: [],
    criteriaColumns: hasCriteriaColumns(header.columns),
    taskNumbers: [],
  };
}

/** The row's non-blank cells that are its own (not a value merged into it from above or the left). */
function ownCells(
  grid: Grid,
  cover: MergeCover,
  row: number,
  width: number
): Array<{ column: number; text: string }> {
  const cells = nonBlankCells(grid, row, width);
  return cover.isEmpty() ? cells : cells.filter((cell) => !cover.isCovered(row, cell.column));
}

/**
 * A template's explanation row right under the header: some cell says what to write in
 * its column, and the row has no task number.
 */
function isExplanationRow(grid: Grid, r: number, columns: TableColumns, texts: string[]): boolean {
  if (columns.index !== undefined && typeof cellAt(grid, r, columns.index) === "number")
    return false;
  return texts.some(isTemplateExplanation);
}

/**
 * The rest of the task above: no cell of a task column of its own, only text in the
 * content column or in a column the reader does not use, and that text reads as the rest
 * of the task: it starts in lower case (the rest of a sentence Word-to-Excel conversion
 * split off) or says so ("(tiếp) đề xuất danh mục…", "Tiếp theo: …"), merged STT or not;
 * or the task's STT cell is merged over this row and the content is all the row holds.
 */
function isContinuation(
  cells: Array<{ column: number; text: string }>,
  columns: TableColumns,
  indexMerged: boolean
): boolean {
  // Asked of every row: a plain scan of a handful of roles, nothing allocated.
  for (const cell of cells)
    for (const role of TASK_ROLES) if (columns[role] === cell.column) return false;
  const content = cells.find((cell) => cell.column === columns.content);
  // Under a merged STT, a row holding only text in the content column is the task's rest;
  // one with values of its own elsewhere (Điều, Khoản, hệ số…) is an item of the group.
  if (indexMerged && content !== undefined && cells.length === 1) return true;
  return content === undefined || /^\p{Ll}/u.test(content.text) || isContinuationText(content.text);
}

/**
 * Text that says it continues the task above: "(tiếp)", "(tiếp theo)", "Tiếp:", "tt:".
 *
 * @example isContinuationText("(tiếp) đề xuất danh mục TTHC liên thông gửi quận") === true
 * @example isContinuationText("Tiếp nhận hồ sơ trực tuyến") === false
 */
export function isContinuationText(text: string): boolean {
  return /^(?:\(\s*(?:tiếp|tiếp theo|tt)\s*\)|(?:tiếp|tiếp theo)\s*[:…]|\.{3}|…)/u.test(
    normalizeVi(text)
  );
}

/** True when the row's index (STT) cell is covered by a merge that starts on a row above: the same task goes on. */
function indexMergedFromAbove(
  grid: Grid,
  cover: MergeCover,
  row: number,
  columns: TableColumns
): boolean {
  const index = columns.index;
  // The cover answers in constant time; only a covered cell looks for its merge.
  if (index === undefined || cover.isEmpty() || !cover.isCovered(row, index)) return false;
  return (grid.merges ?? []).some(
    (area) => area.top < row && area.bottom >= row && area.left <= index && area.right >= index
  );
}

/** Joins the content fragment to the task's content; a fragment of another column stays there. */
function appendContent(
  task: TableRow,
  cells: Array<{ column: number; text: string }>,
  columns: TableColumns
): void {
  const fragment = cells.find((cell) => cell.column === columns.content)?.text;
  if (fragment === undefined) return;
  const before = cellText(task.cells.content ?? "");
  task.cells.content = before === "" ? fragment : `${before} ${fragment}`;
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

/** The result columns rows are read from: the sub-columns, else the one result column named by its header. */
function resultPartsOf(grid: Grid, table: AppendixTable): ResultSubColumn[] {
  const column = table.columns.result;
  if (table.resultColumns.length > 0 || column === undefined) return table.resultColumns;
  const name = collapseSpaces(cellText(cellAt(grid, table.headerRow, column)));
  return [{ column, name, kind: subColumnKind(name) }];
}

function readRow(
  grid: Grid,
  filled: Grid,
  r: number,
  table: AppendixTable,
  section: string | null,
  resultParts: ResultSubColumn[]
): TableRow {
  const { columns } = table;
  const cells: TableRow["cells"] = {};
  const formats: TableRow["formats"] = {};
  for (const role of COLUMN_ROLES) {
    const c = columns[role];
    if (c === undefined) continue;
    const source = MERGED_DOWN_ROLES.has(role) ? filled : grid;
    cells[role] = cellAt(source, r, c);
    formats[role] = formatAt(source, r, c);
  }
  const results: ResultRead[] = resultParts.map((sub) => ({
    name: sub.name,
    kind: sub.kind,
    column: sub.column,
    value: cellAt(filled, r, sub.column),
    format: formatAt(filled, r, sub.column),
  }));
  const fromColumn = columns.code !== undefined ? codeFromCell(cells.code ?? "") : null;
  const leading = leadingCode(cellText(cells.content ?? ""));
  // In a task table (no criteria column) a leading "1.1." numbers the task inside its area.
  if (!table.criteriaColumns) {
    if (leading !== null && leading.includes(".")) table.taskNumbers.push(leading);
    return {
      index: r,
      section,
      code: null,
      codeFromColumn: false,
      cells,
      formats,
      results,
      taskNumber: leading,
    };
  }
  const code = fromColumn ?? leading;
  return {
    index: r,
    section,
    code,
    codeFromColumn: fromColumn !== null,
    cells,
    formats,
    results,
    taskNumber: null,
  };
}
