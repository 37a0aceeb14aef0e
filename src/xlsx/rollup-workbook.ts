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

/** Column widths (characters) that still print readably on one landscape A4 page. */
const MAX_FITTED_WIDTH = 220;

const totalWidth = (widths: number[]) => widths.reduce((sum, width) => sum + width, 0);

/** One roll-up sheet as the core planned it, printed landscape. */
function rollupSheet(content: RollupSheet): Omit<NewSheet, "drawingRelId"> {
  return {
    ...planSheet(content),
    // Landscape; scaled to one page wide only while the text stays readable (about 55%).
    print: { landscape: true, fitToWidth: totalWidth(content.widths) <= MAX_FITTED_WIDTH },
  };
}
