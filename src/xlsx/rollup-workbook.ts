/**
 * The roll-up file (the core's four roll-up sheets and the ranking's bar chart) as .xlsx
 * bytes, written whole by new-workbook.ts: the file is ours entirely. The add-in writes
 * the same sheets into the open workbook through Office.js (src/excel/write-rollup.ts).
 */
import type { RollupSheet } from "../core/rollup";
import { planChart, planSheet, type NewSheet } from "./new-sheet";
import { newWorkbook } from "./new-workbook";
import type { ZipOptions } from "./zip-package";

/**
 * The roll-up workbook's bytes.
 *
 * @example rollupWorkbook(buildRollupSheets(rollup), { compressor: NODE_COMPRESSOR })
 */
export function rollupWorkbook(sheets: RollupSheet[], options: ZipOptions = {}): Uint8Array {
  return newWorkbook(
    sheets.map((content) => ({
      name: content.name,
      sheet: rollupSheet(content),
      chart: planChart(content),
    })),
    options
  );
}

/** One roll-up sheet as the core planned it (print setup included). */
function rollupSheet(content: RollupSheet): Omit<NewSheet, "drawingRelId"> {
  return planSheet(content);
}
