/**
 * One scoring run over a workbook's sheets: the part every front end shares. Front ends
 * read their grids, call `scoreWorkbook`, and carry out the returned plans.
 */
import { isIsoDate, type IsoDate } from "./parse/dates";
import { MAX_SOON_DAYS } from "./settings";
import type { Grid } from "./read/grid";
import { deriveSetFromGrids, derivedSetNotice, type DerivedSet } from "./assessment/derive-set";
import type { DefinedName } from "./read/markers";
import type { CriteriaSet } from "./criteria/schema";
import { type SheetResult } from "./score/score";
import { scoreSheet } from "./score/sheet";
import { buildSummarySheet, summarize, type Summary } from "./score/summary";
import {
  isToolSheet,
  ownSummarySheet,
  planSummarySheet,
  summarySheetPlan,
  type SummarySheetPlacement,
  type SummarySheetPlan,
} from "./write/summary-sheet";
import { conflictMessage, planSheetWrites, type SheetWritePlan } from "./write/write-plan";

export interface RunOptions {
  criteria: CriteriaSet | null;
  today: IsoDate;
  soonDays?: number;
  planYear?: number;
  /**
   * Every sheet name of the workbook and its defined names, so that the run knows which
   * summary sheet is ours and where a new one may go. Without it, only `grids` are known.
   */
  workbook?: { sheetNames: string[]; names: DefinedName[] };
}

export interface WorkbookRun {
  results: SheetResult[];
  plans: SheetWritePlan[];
  summary: Summary;
  /**
   * The summary sheet, whole: where it goes (our marked sheet, or a free name, never the
   * user's sheet), its content, layout, chart and notices. Every front end writes this.
   */
  summarySheet: SummarySheetPlan;
  /** Where the summary goes (also in `summarySheet`). */
  summaryPlacement: SummarySheetPlacement;
  /** Vietnamese reason not to write anything (conflicting user data), or null. */
  blocked: string | null;
  /** The set read from a self-assessment table when none was chosen, else null. */
  derivedSet: DerivedSet | null;
}

export { MAX_SOON_DAYS };

/**
 * The number of days ahead that count as nearly due, checked: a whole number from 0 to
 * 366. A RangeError carries the Vietnamese message a front end shows as is.
 *
 * @example checkSoonDays(7) === 7
 */
export function checkSoonDays(soonDays: number): number {
  if (!Number.isInteger(soonDays) || soonDays < 0 || soonDays > MAX_SOON_DAYS) {
    throw new RangeError(
      `Số ngày "sắp đến hạn" (${String(soonDays)}) không hợp lệ: cần một số nguyên từ 0 đến ${MAX_SOON_DAYS} ngày`
    );
  }
  return soonDays;
}

/**
 * The plan year, checked: a whole number from 1900 to 9999 (the years Excel has dates for).
 */
function checkPlanYear(planYear: number | undefined): number | undefined {
  if (planYear === undefined) return undefined;
  if (!Number.isInteger(planYear) || planYear < 1900 || planYear > 9999) {
    throw new RangeError(
      `Năm kế hoạch (${String(planYear)}) không hợp lệ: cần một năm từ 1900 đến 9999`
    );
  }
  return planYear;
}

/** What scoring a workbook finds, before any write is planned (all a roll-up needs). */
export type WorkbookScores = Pick<
  WorkbookRun,
  "results" | "summary" | "summaryPlacement" | "derivedSet"
> & {
  /** The sheets scored (tool sheets left out), in the order of `results`. */
  scored: Grid[];
  soonDays: number;
};

/**
 * Scores the given sheets (our own summary sheet, known by its marker, and the "Bộ tiêu
 * chí" sheet are skipped; a user's sheet named "Tổng hợp" is scored like any other)
 * without planning writes: the roll-up reads units' workbooks and never writes them.
 *
 * @example scoreWorkbookOnly([grid], { criteria: null, today: "2025-11-20" }).summary.overdueTotal
 */
export function scoreWorkbookOnly(grids: Grid[], options: RunOptions): WorkbookScores {
  if (!isIsoDate(options.today))
    throw new RangeError(`Ngày "${options.today}" không hợp lệ: cần dạng YYYY-MM-DD`);
  const soonDays = checkSoonDays(options.soonDays ?? 7);
  const planYear = checkPlanYear(options.planYear);
  const sheetNames = options.workbook?.sheetNames ?? grids.map((grid) => grid.sheetName);
  const names = options.workbook?.names ?? [];
  const ownSummary = ownSummarySheet(sheetNames, names);
  const summaryPlacement = planSummarySheet(sheetNames, names);
  const scored = grids.filter((grid) => !isToolSheet(grid.sheetName, ownSummary));
  // Without a chosen set, a self-assessment table's own criteria are the set.
  const derived = options.criteria ? null : deriveSetFromGrids(scored);
  const criteria = options.criteria ?? derived?.set ?? null;
  const results = scored.map((grid) =>
    scoreSheet(grid, {
      criteria,
      today: options.today,
      soonDays,
      planYear,
    })
  );
  const summary = summarize(results, criteria, options.today);
  if (derived) summary.notices.unshift(derivedSetNotice(derived));
  if (summaryPlacement.notice) summary.notices.push(summaryPlacement.notice);
  return { results, summary, summaryPlacement, derivedSet: derived, scored, soonDays };
}

/**
 * Scores the given sheets (as `scoreWorkbookOnly`) and plans every write.
 *
 * @example scoreWorkbook([grid], { criteria: null, today: "2025-11-20" }).summary.overdueTotal
 */
export function scoreWorkbook(grids: Grid[], options: RunOptions): WorkbookRun {
  const { results, summary, summaryPlacement, derivedSet, scored, soonDays } = scoreWorkbookOnly(
    grids,
    options
  );
  const plans = scored.map((grid, i) => planSheetWrites(grid, results[i], soonDays));
  const conflicted = plans.filter((plan) => plan.conflicts.length > 0);
  const blocked =
    conflicted.length > 0 ? conflicted.map((plan) => conflictMessage(plan)).join("\n") : null;
  return {
    results,
    plans,
    summary,
    summarySheet: summarySheetPlan(buildSummarySheet(summary), summaryPlacement),
    summaryPlacement,
    blocked,
    derivedSet,
  };
}
