/**
 * What to write back into a scored sheet, decided once for every front end: the owned
 * output block of each table (one 2D array), its formats, and the conditional-format
 * rules that keep overdue marking right on every later day without the add-in.
 *
 * The writers (ExcelJS in the CLI, Office.js in the add-in) only carry the plan out.
 */
import { excelSerial } from "./dates";
import { cellAddress, cellAt, columnLetter, type Grid } from "./grid";
import { OUTPUT_COLUMNS, outputColumnIndex } from "./output-columns";
import type { RowResult, SheetResult, TableResult } from "./score";
import { STATUS_WORDS } from "./status";
import { cellText, isBlankCell, normalizeVi } from "./text";

/** A formula with the value it has at scoring time (written as the cached result). */
export interface FormulaCell {
  formula: string;
  value: string | number;
}
export type PlannedCell = string | number | FormulaCell;

export function isFormulaCell(cell: PlannedCell): cell is FormulaCell {
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
  /** The block: header row, then one row per grid row down to the table's last row. */
  values: PlannedCell[][];
  /** Excel number format of each output column, for the data rows. */
  numberFormats: string[];
  /** Column widths in characters. */
  widths: number[];
  conditionalRules: ConditionalRule[];
}

export interface SheetWritePlan {
  sheet: string;
  tables: TableWritePlan[];
  /** Cells the plan would overwrite that hold the user's data: when any, write nothing. */
  conflicts: string[];
}

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
  return { sheet: result.sheet, tables, conflicts };
}

function planTable(grid: Grid, table: TableResult, soonDays: number): TableWritePlan {
  const { layout } = table;
  const left = layout.ownedColumn ?? layout.lastInputColumn + 1;
  const top = layout.headerRow;
  const firstRow = grid.firstRow ?? 1;
  const firstColumn = grid.firstColumn ?? 0;
  const excelRow = (r: number) => r + firstRow;
  const letter = (c: number) => columnLetter(c + firstColumn);
  const dueLetter = letter(left + outputColumnIndex("due"));
  const statusLetter = layout.statusColumn !== null ? letter(layout.statusColumn) : null;

  const headers = OUTPUT_COLUMNS.map((c) => c.header);
  const byRow = new Map<number, RowResult>();
  table.rows.forEach((row, i) => byRow.set(layout.dataRows[i], row));
  const values: PlannedCell[][] = [headers];
  for (let r = top + 1; r <= layout.lastRow; r++) {
    const row = byRow.get(r);
    if (row) values.push(rowCells(row, excelRow(r), dueLetter, statusLetter));
    else values.push(isRepeatedHeader(grid, r, table) ? headers : OUTPUT_COLUMNS.map(() => ""));
  }

  const firstData = layout.dataRows[0];
  const conditionalRules: ConditionalRule[] = [];
  if (firstData !== undefined) {
    const range = `${letter(0)}${excelRow(firstData)}:${letter(left + OUTPUT_COLUMNS.length - 1)}${excelRow(layout.lastRow)}`;
    const due = `$${dueLetter}${excelRow(firstData)}`;
    const notDone = `NOT(${doneFormula(statusLetter, excelRow(firstData))})`;
    conditionalRules.push(
      { kind: "overdue", range, formula: `AND(ISNUMBER(${due}),${due}<TODAY(),${notDone})` },
      { kind: "dueSoon", range, formula: `AND(ISNUMBER(${due}),${due}>=TODAY(),${due}<=TODAY()+${soonDays},${notDone})` }
    );
  }
  const range = `${letter(left)}${excelRow(top)}:${letter(left + OUTPUT_COLUMNS.length - 1)}${excelRow(layout.lastRow)}`;
  return {
    top,
    left,
    range,
    values,
    numberFormats: OUTPUT_COLUMNS.map((c) => (c.key === "due" ? "dd/mm/yyyy" : c.key === "points" || c.key === "maxPoints" ? "0.00" : "@")),
    widths: OUTPUT_COLUMNS.map((c) => c.width),
    conditionalRules,
  };
}

function isRepeatedHeader(grid: Grid, r: number, table: TableResult): boolean {
  const header = table.layout.headerRow;
  for (let c = 0; c <= table.layout.lastInputColumn; c++) {
    const a = cellAt(grid, header, c);
    if (isBlankCell(a)) continue;
    if (normalizeVi(cellText(a)) !== normalizeVi(cellText(cellAt(grid, r, c)))) return false;
  }
  return true;
}

/** Excel formula that is TRUE when the row's status cell says the task is done. */
export function doneFormula(statusLetter: string | null, excelRow: number): string {
  if (statusLetter === null) return "FALSE";
  const cell = `TRIM(LOWER($${statusLetter}${excelRow}))`;
  return `OR(${STATUS_WORDS.done.map((word) => `${cell}="${word}"`).join(",")})`;
}

function rowCells(row: RowResult, excelRow: number, dueLetter: string, statusLetter: string | null): PlannedCell[] {
  const cells: PlannedCell[] = [
    row.points ?? "",
    row.maxPoints ?? "",
    row.warnings.map((w) => w.message).join("\n"),
    row.schedule === "date" && row.due ? excelSerial(row.due) : "",
    dueStateCell(row, excelRow, dueLetter, statusLetter),
  ];
  return cells;
}

/**
 * The state cell: a formula against TODAY() for dated rows, so "Quá hạn 12 ngày" stays
 * true tomorrow; plain text for the other schedules.
 */
function dueStateCell(row: RowResult, excelRow: number, dueLetter: string, statusLetter: string | null): PlannedCell {
  if (row.schedule !== "date" || !row.due) return row.dueLabel;
  const due = `${dueLetter}${excelRow}`;
  const formula =
    `IF(${doneFormula(statusLetter, excelRow)},"Đã hoàn thành",` +
    `IF(${due}<TODAY(),"Quá hạn "&(TODAY()-${due})&" ngày",` +
    `IF(${due}=TODAY(),"Đến hạn hôm nay","Còn "&(${due}-TODAY())&" ngày")))`;
  return { formula, value: row.dueLabel };
}

/**
 * Cells of the target block that hold the user's data. On a first run the block must
 * be empty; on a re-run the header must be ours, column for column.
 */
function findConflicts(grid: Grid, table: TableResult, plan: TableWritePlan): string[] {
  const conflicts: string[] = [];
  const reusing = table.layout.ownedColumn !== null;
  for (let k = 0; k < OUTPUT_COLUMNS.length; k++) {
    const c = plan.left + k;
    const header = cellAt(grid, plan.top, c);
    const ours = normalizeVi(cellText(header)) === normalizeVi(OUTPUT_COLUMNS[k].header);
    if (reusing) {
      if (!ours) conflicts.push(cellAddress(grid, plan.top, c));
      continue;
    }
    for (let r = plan.top; r <= table.layout.lastRow; r++) {
      if (!isBlankCell(cellAt(grid, r, c))) conflicts.push(cellAddress(grid, r, c));
    }
  }
  return conflicts;
}

/**
 * Vietnamese message for a plan with conflicts: which cells, and what to do.
 */
export function conflictMessage(plan: SheetWritePlan): string {
  const shown = plan.conflicts.slice(0, 5).join(", ");
  const more = plan.conflicts.length > 5 ? ` và ${plan.conflicts.length - 5} ô khác` : "";
  return (
    `Không ghi kết quả vì các ô ${shown}${more} đang có dữ liệu của người dùng ở đúng chỗ cột kết quả tự động sẽ ghi vào. ` +
    `Hãy chuyển dữ liệu đó sang cột khác (hoặc xoá các cột "(tự động)" cũ nếu đã chèn cột mới giữa chúng) rồi chấm điểm lại. Chưa có ô nào bị thay đổi.`
  );
}
