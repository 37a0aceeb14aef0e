/**
 * What to write back into a scored sheet, decided once for every front end: the owned
 * output block of each table (one 2D array), its formats, and the conditional-format
 * rules that keep overdue marking right on every later day without the add-in.
 *
 * The writers (ExcelJS in the CLI, Office.js in the add-in) only carry the plan out.
 */
import { excelSerial, formatDateVi, fromExcelSerial } from "../parse/dates";
import { isRecurringLabel } from "../parse/deadlines";
import { cellAddress, cellAt, columnLetter, type Grid } from "../read/grid";
import {
  ALL_OUTPUT_KEYS,
  isOwnedHeader,
  NO_DEADLINE_KEYS,
  OUTPUT_COLUMNS,
  outputColumn,
  type OutputColumnKey,
} from "../read/output-columns";
import type { RowResult, SheetResult, TableResult } from "../score/score";
import { doneStatusFormula, isDueLabel } from "../parse/status";
import { markerFor, recordName, type DefinedName } from "../read/markers";
import { recordEntry, recordHas, writtenRecord, type WrittenRecord } from "../read/written-record";
import { formatNumberVi } from "../parse/numbers";
import type { CellValue } from "../parse/values";
import { cellText, isBlankCell, normalizeVi } from "../parse/text";

/**
 * A cell of the state column: the row's state formula (`stateFormulaAt`), showing
 * `value` at scoring time (written as the formula's cached result).
 */
export interface StateCell {
  value: string;
  /**
   * 1-based Excel row of the status cell this row's formula reads, when it is not the
   * row's own: a status merged down over several tasks sits in the merge's top row only.
   * Such a row gets its own formula (`stateFormulaAt(plan, row, statusRow)`) instead of
   * the column's shared one.
   */
  statusRow?: number;
}
export type PlannedCell = string | number | StateCell;

export function isStateCell(cell: PlannedCell): cell is StateCell {
  return typeof cell === "object";
}

export interface ConditionalRule {
  /** A1 range the rule applies to, without the sheet name. */
  range: string;
  /** Formula (without "=") relative to the range's top-left cell. */
  formula: string;
  kind: "overdue" | "dueSoon";
}

export interface TableWritePlan {
  /** 0-based grid row and column of the block's top-left cell (the header). */
  top: number;
  left: number;
  /** Excel A1 range of the block, without the sheet name. */
  range: string;
  /**
   * The block's columns, left to right: all five where the table has a deadline column,
   * else points, maximum and warnings only (`planColumn` finds one).
   */
  columns: OutputColumnKey[];
  /** The block: header row, then one row per grid row down to the table's last row. */
  values: PlannedCell[][];
  /** Excel number format of each output column, for the data rows. */
  numberFormats: string[];
  /** Column widths in characters. */
  widths: number[];
  /**
   * How many of the block's columns (from the left) an earlier run wrote: 0 on a first
   * run. Their width and hidden state are the person's now, and writers leave them be
   * (only new columns get `widths`).
   */
  ownedBefore: number;
  conditionalRules: ConditionalRule[];
  /**
   * Column letter of the due column (for recognising this tool's conditional formats);
   * null for a block without one.
   */
  dueLetter: string | null;
  /** Column letter of the table's status column, if it has one. */
  statusLetter: string | null;
  /**
   * The state column's formula in R1C1 form, the same for every data row, so that a
   * writer can set the whole column in one assignment (values stay small for 100,000 rows).
   * Unused by a block without a state column.
   */
  stateFormulaR1C1: string;
  /** 0-based offsets within `values` of the header rows (the first and any repeated ones). */
  headerOffsets: number[];
}

export type ConflictReason =
  "user_data" | "header_changed" | "block_resized" | "edited" | "merged" | "typed";

export interface Conflict {
  /** A1 address with the sheet name. */
  address: string;
  reason: ConflictReason;
  /** "typed": the value the person typed, as it reads. */
  value?: string;
}

export interface SheetWritePlan {
  sheet: string;
  tables: TableWritePlan[];
  /** Cells the plan would overwrite that hold the user's data: when any, write nothing. */
  conflicts: Conflict[];
  /** Defined names of this sheet's blocks from an earlier run, to remove before adding `markers`. */
  staleMarkers: string[];
  /** Defined names recording the blocks this plan writes (one per table). */
  markers: DefinedName[];
  /**
   * Beside each marker, the record of what this plan writes (written-record.ts): a
   * defined name whose reference is a text formula. Writers remove the old records
   * (`recordName` of every stale and new marker) and add these once the cells are written.
   */
  records: DefinedName[];
}

/** Prefix of every warning line in the warnings column: readable, and how a re-run knows the text is its own. */
export const WARNING_LINE_PREFIX = "⚠ ";

export const COLORS = {
  outputHeaderFill: "#DDEBF7",
  outputFill: "#F3F8FC",
  overdueFill: "#F8D7DA",
  dueSoonFill: "#FFE8B3",
} as const;

/**
 * Plans the writes for a scored sheet.
 *
 * @example planSheetWrites(grid, scoreSheet(grid, options)).conflicts // [] when it is safe to write
 */
export function planSheetWrites(grid: Grid, result: SheetResult, soonDays = 7): SheetWritePlan {
  const tables = result.tables.map((table) => planTable(grid, table, soonDays));
  const conflicts = result.tables.flatMap((table, i) => findConflicts(grid, table, tables[i]));
  const markers = tables.map((table, i) => markerFor(result.sheet, i, headerRange(table.range)));
  return {
    sheet: result.sheet,
    tables,
    conflicts,
    staleMarkers: (grid.markers ?? []).map((m) => m.name),
    markers,
    records: tables.map((table, i) => ({
      name: recordName(markers[i].name),
      reference: `=${writtenRecord(writtenEntries(result.tables[i], table))}`,
      hidden: true,
    })),
  };
}

/** The identity of a table row in a record: its content text, which moves with it. */
function rowIdentity(row: RowResult | undefined): string {
  return row?.content ?? "";
}

/** The record's entries of a planned block: every non-blank static cell of a data row. */
function writtenEntries(table: TableResult, plan: TableWritePlan): string[] {
  const entries: string[] = [];
  const { dataRows } = table.layout;
  table.rows.forEach((row, i) => {
    const planned = plan.values[dataRows[i] - plan.top];
    if (!planned) return;
    planned.forEach((cell, k) => {
      if (cell === "" || isStateCell(cell)) return;
      entries.push(recordEntry(plan.columns[k], rowIdentity(row), cell));
    });
  });
  return entries;
}

function planTable(grid: Grid, table: TableResult, soonDays: number): TableWritePlan {
  const { layout } = table;
  const top = layout.headerRow;
  const columns = blockColumns(grid, table);
  const width = columns.length;
  const left =
    layout.ownedColumn ??
    freeBlockLeft(grid, top, layout.lastRow, layout.lastInputColumn + 1, width);
  const firstRow = grid.firstRow ?? 1;
  const firstColumn = grid.firstColumn ?? 0;
  const excelRow = (r: number) => r + firstRow;
  const letter = (c: number) => columnLetter(c + firstColumn);
  const dueAt = columns.indexOf("due");
  const stateAt = columns.indexOf("dueState");
  const dueLetter = dueAt >= 0 ? letter(left + dueAt) : null;
  const statusLetter = layout.statusColumn !== null ? letter(layout.statusColumn) : null;

  const headers = columns.map((key) => outputColumn(key).header);
  const byRow = new Map<number, RowResult>();
  table.rows.forEach((row, i) => byRow.set(layout.dataRows[i], row));
  const values: PlannedCell[][] = [headers];
  const headerOffsets = [0];
  const statusAnchors = mergedStatusAnchors(grid, layout.statusColumn);
  for (let r = top + 1; r <= layout.lastRow; r++) {
    const row = byRow.get(r);
    if (row) {
      const cells = rowCells(row, columns);
      const anchor = statusAnchors.get(r);
      if (anchor !== undefined && stateAt >= 0)
        cells[stateAt] = { value: row.dueLabel, statusRow: excelRow(anchor) };
      values.push(cells);
    } else if (isRepeatedHeader(grid, r, table)) {
      headerOffsets.push(values.length);
      values.push(headers);
    } else {
      values.push(columns.map(() => ""));
    }
  }
  const statusR1C1 =
    layout.statusColumn !== null ? `RC${layout.statusColumn + firstColumn + 1}` : null;
  const stateFormulaR1C1 = `=${stateFormula("RC[-1]", doneFormula(statusR1C1))}`;

  const firstData = layout.dataRows[0];
  const conditionalRules: ConditionalRule[] = [];
  // Overdue and due-soon fills only where there is a due date to be late against.
  if (firstData !== undefined && dueLetter !== null && stateAt >= 0) {
    const range = `${letter(0)}${excelRow(firstData)}:${letter(left + width - 1)}${excelRow(layout.lastRow)}`;
    const due = `$${dueLetter}${excelRow(firstData)}`;
    // The fills follow the row's own state cell, so that "done" is decided in one place
    // (the state formula, which also knows a status merged down from the row above).
    const stateLetter = letter(left + stateAt);
    const notDone = `$${stateLetter}${excelRow(firstData)}<>"${DONE_STATE}"`;
    conditionalRules.push(
      { kind: "overdue", range, formula: `AND(ISNUMBER(${due}),${due}<TODAY(),${notDone})` },
      {
        kind: "dueSoon",
        range,
        formula: `AND(ISNUMBER(${due}),${due}>=TODAY(),${due}<=TODAY()+${soonDays},${notDone})`,
      }
    );
  }
  const range = `${letter(left)}${excelRow(top)}:${letter(left + width - 1)}${excelRow(layout.lastRow)}`;
  return {
    top,
    left,
    range,
    columns,
    values,
    numberFormats: columns.map((key) => outputColumn(key).numberFormat),
    widths: columns.map((key) => outputColumn(key).width),
    ownedBefore: Math.min(width, existingBlockWidth(grid, table) ?? 0),
    conditionalRules,
    dueLetter,
    statusLetter,
    stateFormulaR1C1,
    headerOffsets,
  };
}

/**
 * Offset of a column within a table's block, -1 when the block has none (no due and state
 * columns on a table without deadlines).
 *
 * @example planColumn(plan, "dueState") // 4, or -1 on a self-assessment table
 */
export function planColumn(plan: Pick<TableWritePlan, "columns">, key: OutputColumnKey): number {
  return plan.columns.indexOf(key);
}

/**
 * Width of the block an earlier run left on the table's header row: as its marker records
 * it, or (a copy that lost its names) 5 when one of our due headers stands where a full
 * block has them, else 3. Null on a first run.
 */
function existingBlockWidth(grid: Grid, table: TableResult): number | null {
  const { layout } = table;
  if (layout.ownedColumn === null) return null;
  if (layout.ownedWidth !== null) return layout.ownedWidth;
  const left = layout.ownedColumn;
  const narrow = NO_DEADLINE_KEYS.length;
  for (let k = narrow; k < OUTPUT_COLUMNS.length; k++)
    if (isOwnedHeader(cellAt(grid, layout.headerRow, left + k))) return OUTPUT_COLUMNS.length;
  return narrow;
}

/**
 * The block's columns: all five where the table has a deadline column; else points,
 * maximum and warnings. A five-column block an earlier run left (an older version wrote
 * five everywhere) stays five wide: its columns are ours to keep up to date, and only the
 * person narrows it, by deleting the two columns (the marker follows). A narrow block
 * whose table gained a deadline column grows by two, where those columns are free.
 */
function blockColumns(grid: Grid, table: TableResult): OutputColumnKey[] {
  if (table.layout.deadlineColumn !== null) return [...ALL_OUTPUT_KEYS];
  if (existingBlockWidth(grid, table) === OUTPUT_COLUMNS.length) return [...ALL_OUTPUT_KEYS];
  return [...NO_DEADLINE_KEYS];
}

/**
 * For each grid row below the top of a merged area that covers the status column, the
 * grid row of the merge's top (where the merged status value is).
 *
 * @example mergedStatusAnchors({ sheetName: "S", values: [], merges: [{ top: 5, left: 4, bottom: 7, right: 4 }] }, 4).get(7) === 5
 */
export function mergedStatusAnchors(grid: Grid, statusColumn: number | null): Map<number, number> {
  const anchors = new Map<number, number>();
  if (statusColumn === null) return anchors;
  for (const m of grid.merges ?? []) {
    if (m.left > statusColumn || m.right < statusColumn) continue;
    for (let r = m.top + 1; r <= m.bottom; r++) anchors.set(r, m.top);
  }
  return anchors;
}

/** How far right of a table the block may move to find free columns before it gives up. */
const MAX_BLOCK_SHIFT = 64;

/**
 * The first column, from `start` rightwards, where `width` columns over rows top..bottom
 * are free: no merged area reaches into them (writing into part of one fails in Excel and
 * would erase the user's merged text), none is hidden (our columns must be seen), and no
 * cell holds the user's data. When nothing is free within reach, `start`: the conflict
 * check then stops the run and names the cells.
 *
 * @example freeBlockLeft({ sheetName: "S", values: [["STT", "Nội dung", "Ghi chú", ""]], merges: [{ top: 0, left: 2, bottom: 0, right: 3 }] }, 0, 0, 3, 5) === 4
 */
export function freeBlockLeft(
  grid: Grid,
  top: number,
  bottom: number,
  start: number,
  width: number
): number {
  const hidden = new Set(grid.hiddenColumns ?? []);
  const merges = (grid.merges ?? []).filter((m) => m.bottom >= top && m.top <= bottom);
  // Columns that cannot hold any part of the block.
  const blocked = (c: number): boolean => {
    if (hidden.has(c)) return true;
    if (merges.some((m) => m.left <= c && c <= m.right)) return true;
    for (let r = top; r <= bottom; r++) if (!isBlankCell(cellAt(grid, r, c))) return true;
    return false;
  };
  let left = start;
  for (let c = start; c < start + MAX_BLOCK_SHIFT + width; c++) {
    if (blocked(c)) {
      left = c + 1;
      if (left > start + MAX_BLOCK_SHIFT) return start;
    } else if (c - left + 1 === width) {
      return left;
    }
  }
  return start;
}

/** The first row of an A1 range: the block's header, which is what a marker records. */
function headerRange(range: string): string {
  const [from, to] = range.split(":");
  const row = /\d+$/.exec(from)![0];
  return `${from}:${to.replace(/\d+$/, row)}`;
}

function isRepeatedHeader(grid: Grid, r: number, table: TableResult): boolean {
  const header = table.layout.headerRow;
  const lastInput = Math.min(
    table.layout.lastInputColumn,
    (table.layout.ownedColumn ?? Infinity) - 1
  );
  for (let c = 0; c <= lastInput; c++) {
    const a = cellAt(grid, header, c);
    if (isBlankCell(a)) continue;
    if (normalizeVi(cellText(a)) !== normalizeVi(cellText(cellAt(grid, r, c)))) return false;
  }
  return true;
}

/**
 * Excel formula that is TRUE when the row's status cell says the task is done: the one
 * definition of done, `doneStatusFormula` beside `parseStatus` (test/formulas checks
 * with LibreOffice that both agree on every status form the core accepts).
 */
export function doneFormula(statusRef: string | null): string {
  return statusRef === null ? "FALSE" : doneStatusFormula(statusRef);
}

function rowCells(row: RowResult, columns: readonly OutputColumnKey[]): PlannedCell[] {
  return columns.map((key): PlannedCell => {
    switch (key) {
      case "points":
        return row.points ?? "";
      case "maxPoints":
        return row.maxPoints ?? "";
      case "warnings":
        return row.warnings.map((w) => `${WARNING_LINE_PREFIX}${w.message}`).join("\n");
      case "due":
        return row.schedule === "date" && row.due ? excelSerial(row.due) : row.dueLabel;
      case "dueState":
        return { value: row.dueLabel };
    }
  });
}

/**
 * The state formula (A1) of the row at `excelRow` of a table's block. Every data row has
 * the same formula but for its row number; writers write it once as a shared or R1C1
 * formula instead of building one string per row.
 *
 * @example stateFormulaAt(plan, 10) // 'IF(L10="","",IF(ISNUMBER(L10),IF(OR(TRIM(LOWER($F10))="đã hoàn thành",…'
 */
export function stateFormulaAt(
  plan: TableWritePlan,
  excelRow: number,
  statusRow: number = excelRow
): string {
  if (plan.dueLetter === null) throw new Error("a block without a due column has no state formula");
  return stateFormula(
    `${plan.dueLetter}${excelRow}`,
    doneFormula(
      plan.statusLetter &&
        (statusRow === excelRow
          ? `$${plan.statusLetter}${excelRow}`
          : `$${plan.statusLetter}$${statusRow}`)
    )
  );
}

/** What the state formula shows for a finished task (the fills test for it). */
export const DONE_STATE = "Đã hoàn thành";

/**
 * The state formula of one row. Dated rows count days against TODAY(), so "Quá hạn 12
 * ngày" is still true tomorrow; other rows repeat the label the due cell holds. One
 * formula for every row lets the Office.js writer set the whole column at once.
 */
export function stateFormula(due: string, done: string): string {
  return (
    `IF(${due}="","",IF(ISNUMBER(${due}),IF(${done},"${DONE_STATE}",` +
    `IF(${due}<TODAY(),"Quá hạn "&(TODAY()-${due})&" ngày",` +
    `IF(${due}=TODAY(),"Đến hạn hôm nay","Còn "&(${due}-TODAY())&" ngày"))),${due}))`
  );
}

/**
 * True for a conditional-format formula this tool wrote for a table whose due column is
 * `dueLetter` (so a re-run replaces it instead of adding a copy). Excel may return it
 * with a leading "=".
 */
export function isOwnConditionalFormula(formula: string, dueLetter: string | null): boolean {
  if (dueLetter === null) return false;
  return new RegExp(
    String.raw`^=?AND\(ISNUMBER\(\$${dueLetter}\d+\),\$${dueLetter}\d+(?:<|>=)TODAY\(\)`
  ).test(formula);
}

/**
 * Cells of the target block that hold the user's data. On a first run the block must be
 * empty. On a re-run the block must still be the columns written before (its marker, if
 * any, says how many), with our headers, and every static cell must still look like
 * something this tool writes: a number, a due label, warning lines starting with ⚠.
 * A narrow block whose table gained a deadline column grows into the two columns right
 * of it, which must then be free.
 */
function findConflicts(grid: Grid, table: TableResult, plan: TableWritePlan): Conflict[] {
  const conflicts: Conflict[] = [];
  const add = (r: number, c: number, reason: ConflictReason) =>
    conflicts.push({ address: cellAddress(grid, r, c), reason });
  const { layout } = table;
  const width = plan.columns.length;
  // A merge over the block (made since the last run, or in the way of a first run that
  // found no free place): writing would split it (Excel refuses, and the merged text of
  // the user's would be lost).
  const blockRight = plan.left + width - 1;
  for (const m of grid.merges ?? []) {
    if (
      m.bottom >= plan.top &&
      m.top <= layout.lastRow &&
      m.right >= plan.left &&
      m.left <= blockRight
    )
      add(Math.max(m.top, plan.top), Math.max(m.left, plan.left), "merged");
  }
  const existing = existingBlockWidth(grid, table);
  // Columns nobody wrote before: a first run's block, or the two a narrow block grows by.
  const fresh = existing === null ? 0 : existing;
  if (existing === null || (existing === NO_DEADLINE_KEYS.length && width > existing)) {
    for (let k = fresh; k < width; k++) {
      for (let r = plan.top; r <= layout.lastRow; r++) {
        if (!isBlankCell(cellAt(grid, r, plan.left + k))) add(r, plan.left + k, "user_data");
      }
    }
    if (existing === null) return conflicts;
  }
  if (conflicts.length > 0) return conflicts;
  if (existing !== width && !(existing === NO_DEADLINE_KEYS.length && width > existing)) {
    for (let k = 0; k < existing; k++) add(plan.top, plan.left + k, "block_resized");
    return conflicts;
  }
  for (let k = 0; k < existing; k++) {
    const c = plan.left + k;
    if (
      normalizeVi(cellText(cellAt(grid, plan.top, c))) !==
      normalizeVi(outputColumn(plan.columns[k]).header)
    )
      add(plan.top, c, "header_changed");
  }
  const headerRows = new Set(plan.headerOffsets.map((offset) => plan.top + offset));
  const record = grid.markers?.find((m) => m.name === layout.marker)?.record ?? null;
  const rowsAt = new Map<number, RowResult>();
  table.rows.forEach((row, i) => rowsAt.set(layout.dataRows[i], row));
  const stateAt = plan.columns.indexOf("dueState");
  const typed = new Set(
    stateAt >= 0 && stateAt < existing
      ? (grid.typedCells ?? []).filter(([, c]) => c === plan.left + stateAt).map(([r]) => r)
      : []
  );
  for (let r = plan.top + 1; r <= layout.lastRow; r++) {
    if (headerRows.has(r)) continue;
    for (let k = 0; k < existing; k++) {
      const c = plan.left + k;
      const key = plan.columns[k];
      const value = cellAt(grid, r, c);
      if (!looksOwn(key, value)) add(r, c, "edited");
      else if (k === stateAt) {
        if (typed.has(r) && !isBlankCell(value)) typedOver(r, c, value);
      } else if (
        record &&
        isTypedOver(record, key, rowsAt.get(r), value, plan.values[r - plan.top]?.[k])
      )
        typedOver(r, c, value);
    }
  }
  return conflicts;

  function typedOver(r: number, c: number, value: CellValue) {
    conflicts.push({
      address: cellAddress(grid, r, c),
      reason: "typed",
      value: shownValue(plan.columns[c - plan.left], value),
    });
  }
}

/**
 * True when a static cell of ours holds a value we did not write last time (the record
 * says so) and that differs from what this run would write: a person typed it. A blank
 * cell, or one that already holds what this run writes, is no one's loss.
 */
function isTypedOver(
  record: WrittenRecord,
  key: OutputColumnKey,
  row: RowResult | undefined,
  value: CellValue,
  planned: PlannedCell | undefined
): boolean {
  if (isBlankCell(value)) return false;
  if (planned !== undefined && !isStateCell(planned) && sameValue(planned, value)) return false;
  return !recordHas(record, recordEntry(key, rowIdentity(row), value));
}

function sameValue(planned: string | number, value: CellValue): boolean {
  if (typeof planned === "number") return typeof value === "number" && value === planned;
  return (
    typeof value === "string" &&
    value.normalize("NFC").replace(/\r\n?/g, "\n") === planned.normalize("NFC")
  );
}

/** A typed value as the message quotes it: a date in the due column as a date. */
function shownValue(key: OutputColumnKey, value: CellValue): string {
  if (typeof value === "number") {
    const iso = key === "due" ? fromExcelSerial(value) : null;
    return iso ? formatDateVi(iso) : formatNumberVi(value);
  }
  const text = cellText(value).trim();
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function looksOwn(key: OutputColumnKey, value: CellValue): boolean {
  if (isBlankCell(value)) return true;
  switch (key) {
    case "points":
    case "maxPoints":
      return typeof value === "number";
    case "due":
      return (
        typeof value === "number" ||
        (typeof value === "string" && (isDueLabel(value) || isRecurringLabel(value)))
      );
    case "dueState":
      // The state formula's results: its day counts, or the due column's label repeated.
      return (
        typeof value === "string" &&
        (isStateText(value) || isDueLabel(value) || isRecurringLabel(value))
      );
    case "warnings":
      return (
        typeof value === "string" &&
        value.split(/\r?\n/).every((line) => line.startsWith(WARNING_LINE_PREFIX.trim()))
      );
  }
}

/**
 * True for a text the state formula computes for a dated row.
 *
 * @example isStateText("Quá hạn 12 ngày") === true
 */
export function isStateText(text: string): boolean {
  const key = normalizeVi(text);
  return (
    /^(?:quá hạn|còn) \d+ ngày$/.test(key) ||
    key === normalizeVi("Đến hạn hôm nay") ||
    key === normalizeVi("Đã hoàn thành")
  );
}

/**
 * Vietnamese message for a plan with conflicts: which cells, and what to do.
 */
export function conflictMessage(plan: SheetWritePlan): string {
  const byReason = (reason: ConflictReason) =>
    plan.conflicts.filter((c) => c.reason === reason).map((c) => c.address);
  const list = (addresses: string[]) =>
    `${addresses.slice(0, 5).join(", ")}${addresses.length > 5 ? ` và ${addresses.length - 5} ô khác` : ""}`;
  const parts: string[] = [];
  const userData = byReason("user_data");
  if (userData.length > 0) {
    parts.push(
      `các ô ${list(userData)} đang có dữ liệu của người dùng ở đúng chỗ công cụ sẽ ghi các cột "(tự động)"; hãy chuyển dữ liệu đó sang cột khác`
    );
  }
  const resized = byReason("block_resized");
  if (resized.length > 0) {
    parts.push(
      `vùng các cột "(tự động)" (${list(resized)}) đã bị chèn hoặc xoá cột; hãy xoá cột đã chèn (hoặc chuyển dữ liệu trong đó sang cột khác)`
    );
  }
  const header = byReason("header_changed");
  if (header.length > 0) {
    parts.push(
      `tiêu đề cột tự động ở ${list(header)} đã bị sửa; hãy trả lại tiêu đề cũ hoặc xoá hẳn các cột "(tự động)" để công cụ tạo lại`
    );
  }
  const merged = byReason("merged");
  if (merged.length > 0) {
    parts.push(
      `các ô ${list(merged)} đã được gộp (merge) vào vùng các cột "(tự động)"; hãy bỏ gộp các ô đó (hoặc xoá hẳn các cột "(tự động)" để công cụ tạo lại ở chỗ trống)`
    );
  }
  const typed = plan.conflicts.filter((c) => c.reason === "typed");
  if (typed.length > 0) {
    const todo =
      "hãy chuyển nội dung đó sang cột của đơn vị rồi xoá ô, hoặc xoá ô để công cụ ghi lại";
    if (typed.length === 1) {
      parts.push(
        `ô ${typed[0].address} trong cột do công cụ ghi (tự động) đã bị sửa tay thành «${typed[0].value ?? ""}»; ${todo}`
      );
    } else {
      const named = typed
        .slice(0, 5)
        .map((c) => `${c.address} («${c.value ?? ""}»)`)
        .join(", ");
      const more = typed.length > 5 ? ` và ${typed.length - 5} ô khác` : "";
      parts.push(`các ô ${named}${more} trong cột do công cụ ghi (tự động) đã bị sửa tay; ${todo}`);
    }
  }
  const edited = byReason("edited");
  if (edited.length > 0) {
    parts.push(
      `các ô ${list(edited)} trong cột "(tự động)" đã bị nhập tay; hãy chuyển ghi chú đó sang cột khác (hoặc xoá nội dung ô) rồi chấm lại`
    );
  }
  return `Không ghi kết quả trên trang "${plan.sheet}" vì ${parts.join("; ")}. Chưa có ô nào bị thay đổi.`;
}
