/** A fixture template as the grid a front end hands to the core (formulas as their results). */
import type { Grid } from "../../../src/core/read/grid";
import type { CellValue } from "../../../src/core/parse/values";
import type { Template } from "../../fixtures/assessment/templates";

export function templateGrid(template: Template): Grid {
  const width = Math.max(...template.rows.map((row) => row.length));
  return {
    sheetName: template.sheetName,
    values: template.rows.map((row) =>
      Array.from({ length: width }, (_, c): CellValue => {
        const cell = row[c] ?? "";
        return typeof cell === "object" && cell !== null ? cell.result : cell;
      })
    ),
  };
}
