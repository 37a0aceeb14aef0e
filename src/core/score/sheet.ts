/**
 * Scores one sheet: its self-assessment tables first (their own reader), then its appendix
 * tables, with the plan year read from the sheet. Above both table scorers, so that neither
 * imports the other.
 */
import { scoreAssessments } from "../assessment/score-table";
import { CriteriaIndex } from "../criteria/criteria-index";
import { inferPlanYear } from "../parse/deadlines";
import { cellText, collapseSpaces } from "../parse/text";
import { cellAddress, cellAt, gridWidth, type Grid } from "../read/grid";
import { readTables, type AppendixTable } from "../read/table-reader";
import { taskNumberingNotice } from "../read/task-numbering";
import { scoreTable, type ScoreOptions, type SheetResult } from "./score";

const DEFAULT_SOON_DAYS = 7;

/**
 * Scores every appendix table of one sheet.
 *
 * @example scoreSheet(grid, { criteria, today: "2025-11-20" }).tables[0].totals.points
 */
export function scoreSheet(grid: Grid, options: ScoreOptions): SheetResult {
  // Self-assessment tables (biểu tự đánh giá) are read by their own reader.
  const assessed = scoreAssessments(grid, options.criteria ?? null);
  const tables = readTables(grid).filter((table) => !assessed.covers(table.headerRow));
  const planYear =
    options.planYear ??
    inferPlanYear(planYearTexts(grid, tables), Number(options.today.slice(0, 4)));
  const index = options.criteria ? new CriteriaIndex(options.criteria) : null;
  const notices: string[] = [...assessed.notices];
  if (tables.length === 0 && assessed.tables.length === 0) {
    notices.push(
      `Trang "${grid.sheetName}" không có bảng phụ lục nào: cần một dòng tiêu đề có cột "Nội dung" (hoặc "Mã") và ít nhất một cột như "Thời gian hoàn thành", "Kết quả", "Bộ phận thực hiện".`
    );
  }
  const results = [
    ...assessed.tables,
    ...tables.map((table) =>
      scoreTable(grid, table, index, {
        today: options.today,
        soonDays: options.soonDays ?? DEFAULT_SOON_DAYS,
        planYear,
      })
    ),
  ];
  for (const table of tables) {
    if (table.rows.length === 0) {
      notices.push(
        `Bảng ở trang "${grid.sheetName}" (tiêu đề ở dòng ${table.headerRow + (grid.firstRow ?? 1)}) chưa có dòng dữ liệu nào: nhập các nhiệm vụ hoặc tiêu chí bên dưới dòng tiêu đề.`
      );
    }
    // Task numbers that look like criterion codes: said once for the table, not per row.
    if (index && !table.criteriaColumns && table.taskNumbers.length > 0) {
      notices.push(
        taskNumberingNotice(
          grid.sheetName,
          table.headerRow + (grid.firstRow ?? 1),
          table.taskNumbers
        )
      );
    }
    for (const column of table.duplicateHeaders) {
      notices.push(
        `Ô ${cellAddress(grid, table.headerRow, column)}: tiêu đề cột "${collapseSpaces(cellText(cellAt(grid, table.headerRow, column)))}" trùng vai trò với một cột trước đó nên bị bỏ qua; đổi tên nếu đó là cột cần đọc.`
      );
    }
  }
  return { sheet: grid.sheetName, planYear, today: options.today, tables: results, notices };
}

/** Texts that tell the plan year: rows above the first header, and deadline cells. */
function planYearTexts(grid: Grid, tables: AppendixTable[]): string[] {
  const texts: string[] = [];
  const titleEnd = tables.length > 0 ? tables[0].headerRow : Math.min(grid.values.length, 10);
  const width = gridWidth(grid);
  for (let r = 0; r < titleEnd; r++) {
    for (let c = 0; c < width; c++) texts.push(cellText(cellAt(grid, r, c)));
  }
  for (const table of tables) {
    for (const row of table.rows) texts.push(cellText(row.cells.deadline ?? ""));
  }
  return texts;
}
