/**
 * Test helper: what a writer does with a plan, done on a grid copy (pure), so that a test
 * can score the written workbook again and compare the second run with the first.
 */
import type { Grid } from "../../src/core/read/grid";
import { markersOnSheet } from "../../src/core/read/markers";
import type { CellValue } from "../../src/core/parse/values";
import { isStateCell, type SheetWritePlan } from "../../src/core/write/write-plan";

/**
 * The grid as it reads after the plan's blocks and markers are written: every planned
 * cell holds its value (the state column its formula's cached text), the markers record
 * the blocks. The input grid is not changed.
 */
export function applyPlan(grid: Grid, plan: SheetWritePlan): Grid {
  const values: CellValue[][] = grid.values.map((row) => [...row]);
  for (const table of plan.tables) {
    table.values.forEach((planned, offset) => {
      const r = table.top + offset;
      while (values.length <= r) values.push([]);
      const row = values[r];
      while (row.length < table.left) row.push("");
      planned.forEach((cell, k) => {
        row[table.left + k] = isStateCell(cell) ? cell.value : cell;
      });
    });
  }
  return { ...grid, values, markers: markersOnSheet(plan.markers, grid.sheetName) };
}
