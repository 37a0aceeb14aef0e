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
  /** Column letter of the due column (for recognising this tool's conditional formats). */
  dueLetter: string;
  /**
   * The state column's formula in R1C1 form, the same for every data row, so that a
   * writer can set the whole column in one assignment (values stay small for 100,000 rows).
   */
  stateFormulaR1C1: string;
  /** 0-based offsets within `values` of the header rows (the first and any repeated ones). */
  headerOffsets: number[];
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
  const headerOffsets = [0];
  for (let r = top + 1; r <= layout.lastRow; r++) {
    const row = byRow.get(r);
    if (row) {
      values.push(rowCells(row, excelRow(r), dueLetter, statusLetter));
    } else if (isRepeatedHeader(grid, r, table)) {
      headerOffsets.push(values.length);
      values.push(headers);
    } else {
      values.push(OUTPUT_COLUMNS.map(() => ""));
    }
  }
  const statusR1C1 =
    layout.statusColumn !== null ? `RC${layout.statusColumn + firstColumn + 1}` : null;
  const stateFormulaR1C1 = `=${stateFormula("RC[-1]", doneFormula(statusR1C1))}`;

  const firstData = layout.dataRows[0];
  const conditionalRules: ConditionalRule[] = [];
  if (firstData !== undefined) {
    const range = `${letter(0)}${excelRow(firstData)}:${letter(left + OUTPUT_COLUMNS.length - 1)}${excelRow(layout.lastRow)}`;
    const due = `$${dueLetter}${excelRow(firstData)}`;
    const notDone = `NOT(${doneFormula(statusLetter && `$${statusLetter}${excelRow(firstData)}`)})`;
    conditionalRules.push(
      { kind: "overdue", range, formula: `AND(ISNUMBER(${due}),${due}<TODAY(),${notDone})` },
      {
        kind: "dueSoon",
        range,
        formula: `AND(ISNUMBER(${due}),${due}>=TODAY(),${due}<=TODAY()+${soonDays},${notDone})`,
      }
    );
  }
  const range = `${letter(left)}${excelRow(top)}:${letter(left + OUTPUT_COLUMNS.length - 1)}${excelRow(layout.lastRow)}`;
  return {
    top,
    left,
    range,
    values,
    numberFormats: OUTPUT_COLUMNS.map((c) =>
      c.key === "due"
        ? "dd/mm/yyyy"
        : c.key === "points" || c.key === "maxPoints"
          ? "0.00"
          : c.key === "warnings"
            ? "@"
            : "General"
    ),
    widths: OUTPUT_COLUMNS.map((c) => c.width),
    conditionalRules,
    dueLetter,
    stateFormulaR1C1,
    headerOffsets,
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
export function doneFormula(statusRef: string | null): string {
  if (statusRef === null) return "FALSE";
  return `OR(TRIM(LOWER(${statusRef}))={${STATUS_WORDS.done.map((word) => `"${word}"`).join(",")}})`;
}

function rowCells(
  row: RowResult,
  excelRow: number,
  dueLetter: string,
  statusLetter: string | null
): PlannedCell[] {
  const cells: PlannedCell[] = [
    row.points ?? "",
    row.maxPoints ?? "",
    row.warnings.map((w) => w.message).join("\n"),
    row.schedule === "date" && row.due ? excelSerial(row.due) : row.dueLabel,
    {
      formula: stateFormula(
        `${dueLetter}${excelRow}`,
        doneFormula(statusLetter && `$${statusLetter}${excelRow}`)
      ),
      value: row.dueLabel,
    },
  ];
  return cells;
}

/**
 * The state formula of one row. Dated rows count days against TODAY(), so "Quá hạn 12
 * ngày" is still true tomorrow; other rows repeat the label the due cell holds. One
 * formula for every row lets the Office.js writer set the whole column at once.
 */
export function stateFormula(due: string, done: string): string {
  return (
    `IF(${due}="","",IF(ISNUMBER(${due}),IF(${done},"Đã hoàn thành",` +
    `IF(${due}<TODAY(),"Quá hạn "&(TODAY()-${due})&" ngày",` +
    `IF(${due}=TODAY(),"Đến hạn hôm nay","Còn "&(${due}-TODAY())&" ngày"))),${due}))`
  );
}

/**
 * True for a conditional-format formula this tool wrote for a table whose due column is
 * `dueLetter` (so a re-run replaces it instead of adding a copy). Excel may return it
 * with a leading "=".
 */
export function isOwnConditionalFormula(formula: string, dueLetter: string): boolean {
  return new RegExp(
    String.raw`^=?AND\(ISNUMBER\(\$${dueLetter}\d+\),\$${dueLetter}\d+(?:<|>=)TODAY\(\)`
  ).test(formula);
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
