/**
 * Every function in every formula and conditional-format rule we write must be one Excel
 * for the web, Excel 2016+ desktop and LibreOffice all calculate (issue 24, item 1: CELL
 * is not available in Excel for the web). The allowed set, with its source pages, is
 * test/fixtures/excel-web-functions.json. The formulas are taken from the write plans of
 * tables covering every row kind: each schedule, done and not done, a status merged down
 * over several rows, and a table with no status column.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { addDaysIso, formatDateVi } from "../../src/core/parse/dates";
import type { CellValue } from "../../src/core/parse/values";
import type { Grid } from "../../src/core/read/grid";
import { scoreWorkbook } from "../../src/core/run";
import {
  isStateCell,
  planSheetWrites,
  stateFormulaAt,
  type TableWritePlan,
} from "../../src/core/write/write-plan";

const ALLOWED = JSON.parse(
  readFileSync(path.join(__dirname, "../fixtures/excel-web-functions.json"), "utf8")
) as { functions: string[]; notAllowed: Record<string, string> };

/** Function names called in a formula (string literals left out). */
function functionNames(formula: string): string[] {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  return [...code.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g)].map((m) => m[1].toUpperCase());
}

/** Deepest nesting of function calls (Excel allows 64 levels). */
function nesting(formula: string): number {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  let depth = 0;
  let max = 0;
  for (const ch of code) {
    if (ch === "(") max = Math.max(max, ++depth);
    else if (ch === ")") depth--;
  }
  return max;
}

const today = "2025-11-22";
const HEADERS = [
  "STT",
  "Nội dung nhiệm vụ",
  "Thời gian hoàn thành",
  "Bộ phận thực hiện",
  "Tình trạng",
  "Kết quả thực hiện",
];
const SCHEDULES = [
  `Trước ngày ${formatDateVi(addDaysIso(today, -10))}`,
  `Trước ngày ${formatDateVi(today)}`,
  `Trước ngày ${formatDateVi(addDaysIso(today, 3))}`,
  "Trước ngày 25 hàng tháng",
  "Thường xuyên",
  "Theo chỉ đạo của UBND huyện",
  "sau khi có hướng dẫn",
  "",
];
const STATUSES: CellValue[] = ["Đã hoàn thành", "Đang thực hiện", "", 1, "100%", "Tạm dừng"];

function taskGrid(withStatus: boolean): Grid {
  const headers = withStatus ? HEADERS : HEADERS.filter((h) => h !== "Tình trạng");
  const values: CellValue[][] = [["DANH MỤC NHIỆM VỤ"], headers];
  for (const due of SCHEDULES) {
    for (const status of STATUSES) {
      const n = values.length - 1;
      const row: CellValue[] = [n, `Nhiệm vụ ${n}`, due, "Văn phòng", status, "Báo cáo"];
      values.push(withStatus ? row : row.filter((_v, c) => c !== 4));
    }
  }
  const grid: Grid = { sheetName: "Nhiệm vụ", values };
  // A status merged down over three tasks (rows 4–6 of the sheet).
  if (withStatus) grid.merges = [{ top: 3, left: 4, bottom: 5, right: 4 }];
  return grid;
}

function writtenFormulas(grid: Grid): string[] {
  const run = scoreWorkbook([grid], { criteria: null, today, soonDays: 7 });
  const plan = planSheetWrites(grid, run.results[0], 7);
  const formulas: string[] = [];
  plan.tables.forEach((table: TableWritePlan) => {
    formulas.push(table.stateFormulaR1C1);
    table.conditionalRules.forEach((rule) => formulas.push(rule.formula));
    table.values.forEach((row, i) => {
      const cell = row[4];
      if (cell !== undefined && isStateCell(cell))
        formulas.push(stateFormulaAt(table, table.top + i + 1, cell.statusRow));
    });
  });
  return formulas;
}

describe("the functions of every formula we write", () => {
  const formulas = [...writtenFormulas(taskGrid(true)), ...writtenFormulas(taskGrid(false))];

  it("covers the state formula of each row, the merged status and both fills", () => {
    expect(formulas.length).toBeGreaterThan(2 * SCHEDULES.length * STATUSES.length);
    expect(formulas.some((f) => f.includes("$E$4"))).toBe(true); // rows under the merge
    expect(formulas.filter((f) => f.startsWith("AND(ISNUMBER("))).toHaveLength(4);
  });

  it("calls only functions Excel for the web, Excel 2016 and LibreOffice calculate", () => {
    const allowed = new Set(ALLOWED.functions);
    const used = new Set(formulas.flatMap(functionNames));
    expect([...used].filter((name) => !allowed.has(name)).sort()).toEqual([]);
    // The list excludes what it says it excludes.
    for (const name of Object.keys(ALLOWED.notAllowed)) expect(allowed.has(name)).toBe(false);
  });

  it("stays inside Excel's limits: 64 nested calls, 8,192 characters, 255 per string", () => {
    for (const formula of formulas) {
      expect(nesting(formula)).toBeLessThanOrEqual(64);
      expect(formula.length).toBeLessThanOrEqual(8192);
      for (const literal of formula.match(/"(?:[^"]|"")*"/g) ?? [])
        expect(literal.length - 2).toBeLessThanOrEqual(255);
    }
  });

  it("finds a forbidden function when one is written", () => {
    expect(functionNames('IF(LEFT(CELL("format",$F6),1)="P",1,_xlfn.UNICHAR(10))')).toEqual([
      "IF",
      "LEFT",
      "CELL",
      "_XLFN.UNICHAR",
    ]);
  });
});
