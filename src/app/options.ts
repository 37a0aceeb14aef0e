/**
 * The options every front end (command line, task pane, page) gives a run, in one zod
 * schema: "tính đến ngày", the nearly-due window, the plan year and the criteria set
 * chosen. The limits and their Vietnamese messages are the same everywhere.
 */
import { z } from "zod";
import { isIsoDate } from "../core/parse/dates";
import { MAX_SOON_DAYS } from "../core/settings";

export { MAX_SOON_DAYS };

/** Plan years Excel has dates for. */
/**
 * The set choice "the self-assessment table's own set", the "Bộ tiêu chí" sheet left aside:
 * `--criteria theo-bang` on the command line, "Bộ tiêu chí của chính bảng" on the page.
 */
export const TABLE_OWN_SET = "theo-bang";

export const MIN_PLAN_YEAR = 1900;
export const MAX_PLAN_YEAR = 9999;

export const RunOptionsSchema = z.object({
  /** ISO date; absent: the day of the run. */
  today: z.string().refine(isIsoDate, "Ngày không hợp lệ: ghi dạng YYYY-MM-DD.").optional(),
  soonDays: z
    .number()
    .int()
    .min(0)
    .max(MAX_SOON_DAYS, `Số ngày sắp đến hạn cần từ 0 đến ${MAX_SOON_DAYS}.`)
    .optional(),
  planYear: z.number().int().min(MIN_PLAN_YEAR).max(MAX_PLAN_YEAR).optional(),
  /**
   * The set choice. Absent: the workbook's own "Bộ tiêu chí" sheet, else the set its
   * self-assessment table carries. A built-in set's id: that set, over the workbook's sheet
   * (as `--criteria <id>` on the command line). TABLE_OWN_SET: the table's own set, the
   * workbook's sheet left aside (`--criteria theo-bang`).
   */
  criteriaSetId: z.string().min(1).optional(),
});
export type RunOptions = z.infer<typeof RunOptionsSchema>;

/**
 * A whole number of days typed by the user, or null when it is not one from 0 to
 * MAX_SOON_DAYS.
 *
 * @example soonDaysValue("7") === 7
 * @example soonDaysValue("367") === null
 */
export function soonDaysValue(text: string): number | null {
  const n = Number(text.trim());
  if (text.trim() === "") return null;
  const parsed = RunOptionsSchema.shape.soonDays.safeParse(n);
  return parsed.success && parsed.data !== undefined ? parsed.data : null;
}

/**
 * A plan year typed by the user, or null when it is not one from 1900 to 9999.
 *
 * @example planYearValue("2025") === 2025
 */
export function planYearValue(text: string): number | null {
  const n = Number(text.trim());
  if (text.trim() === "") return null;
  const parsed = RunOptionsSchema.shape.planYear.safeParse(n);
  return parsed.success && parsed.data !== undefined ? parsed.data : null;
}
