/**
 * One scoring run over a workbook's sheets: the part every front end shares. Front ends
 * read their grids, call `scoreWorkbook`, and carry out the returned plans.
 */
import { isIsoDate, type IsoDate } from "./dates";
import type { Grid } from "./grid";
import { isReservedSheet } from "./output-columns";
import type { CriteriaSet } from "./schema";
import { scoreSheet, type SheetResult } from "./score";
import { buildSummarySheet, summarize, type Summary, type SummarySheet } from "./summary";
import { conflictMessage, planSheetWrites, type SheetWritePlan } from "./write-plan";

export interface RunOptions {
  criteria: CriteriaSet | null;
  today: IsoDate;
  soonDays?: number;
  planYear?: number;
}

export interface WorkbookRun {
  results: SheetResult[];
  plans: SheetWritePlan[];
  summary: Summary;
  summarySheet: SummarySheet;
  /** Vietnamese reason not to write anything (conflicting user data), or null. */
  blocked: string | null;
}

/**
 * Scores the given sheets (reserved sheets such as "Tổng hợp" and "Bộ tiêu chí" are
 * skipped) and plans every write.
 *
 * @example scoreWorkbook([grid], { criteria: null, today: "2025-11-20" }).summary.overdueTotal
 */
export function scoreWorkbook(grids: Grid[], options: RunOptions): WorkbookRun {
  if (!isIsoDate(options.today))
    throw new RangeError(`Ngày "${options.today}" không hợp lệ: cần dạng YYYY-MM-DD`);
  const soonDays = options.soonDays ?? 7;
  const scored = grids.filter((grid) => !isReservedSheet(grid.sheetName));
  const results = scored.map((grid) =>
    scoreSheet(grid, {
      criteria: options.criteria,
      today: options.today,
      soonDays,
      planYear: options.planYear,
    })
  );
  const plans = scored.map((grid, i) => planSheetWrites(grid, results[i], soonDays));
  const summary = summarize(results, options.criteria, options.today);
  const conflicted = plans.filter((plan) => plan.conflicts.length > 0);
  const blocked =
    conflicted.length > 0 ? conflicted.map((plan) => conflictMessage(plan)).join("\n") : null;
  return { results, plans, summary, summarySheet: buildSummarySheet(summary), blocked };
}
