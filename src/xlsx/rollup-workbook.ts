/**
 * The roll-up file (the core's four roll-up sheets and the ranking's bar chart) as .xlsx
 * bytes, written whole by new-workbook.ts: the file is ours entirely. The add-in writes
 * the same sheets into the open workbook through Office.js (src/excel/write-rollup.ts).
 */
import { ROLLUP_COLORS, type RollupSheet } from "../core/rollup";
import type { BarChartData } from "./chart";
import type { NewSheet } from "./new-sheet";
import type { CellLook } from "./patch-styles";
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
      chart: rankingChart(content),
    })),
    options
  );
}

/** One roll-up sheet: title, header rows, summary rows and the cells of points lost. */
function rollupSheet(content: RollupSheet): Omit<NewSheet, "drawingRelId"> {
  const headers = new Set(content.headerRows);
  const summaries = new Set(content.summaryRows);
  const lost = new Set(content.lostCells.map(({ row, column }) => `${row}:${column}`));
  const wrapped = new Set(content.wrapColumns);
  return {
    values: content.values,
    widths: content.widths,
    frozenRows: content.frozenRows,
    frozenColumns: content.frozenColumns,
    // As the core plans it (the ranking always one page wide, the others while readable).
    print: content.print,
    lookAt: (r, c) => {
      const look: CellLook = {};
      const format = content.numberFormats[r]?.[c];
      if (format && format !== "General") look.numberFormat = format;
      if (r === 0 && c === 0) Object.assign(look, { bold: true, size: 14 });
      if (headers.has(r))
        Object.assign(look, {
          bold: true,
          fill: ROLLUP_COLORS.headerFill,
          wrap: true,
          vertical: "center",
        });
      else if (summaries.has(r))
        Object.assign(look, { bold: true, fill: ROLLUP_COLORS.summaryFill });
      else if (wrapped.has(c) && r >= content.frozenRows)
        Object.assign(look, { wrap: true, vertical: "top" });
      if (lost.has(`${r}:${c}`)) look.fill = ROLLUP_COLORS.lostFill;
      return Object.keys(look).length > 0 ? look : undefined;
    },
  };
}

/** The bar chart of the totals beside the ranking (the sheet's `chart`), if it has one. */
function rankingChart(content: RollupSheet): BarChartData | undefined {
  const chart = content.chart;
  if (!chart) return undefined;
  const rows = content.values.slice(chart.firstRow, chart.lastRow + 1);
  return {
    sheet: content.name,
    title: chart.title,
    headerRow: chart.firstRow,
    firstRow: chart.firstRow + 1,
    lastRow: chart.lastRow + 1,
    categories: rows.map((row) => String(row[chart.categoryColumn])),
    series: [
      {
        name: String(content.values[chart.firstRow - 1][chart.valueColumn]),
        column: chart.valueColumn,
        values: rows.map((row) => Number(row[chart.valueColumn])),
      },
    ],
    anchorColumn: chart.anchorColumn,
    anchorRow: chart.anchorRow,
    size: { columns: chart.widthColumns, rows: chart.heightRows },
    firstOnTop: true,
  };
}
