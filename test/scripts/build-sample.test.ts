import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { buildSample, SAMPLE_PATH } from "../../scripts/build-sample";
import { worksheetToGrid } from "../support/exceljs-grid";

async function grids(file: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets.map((ws) => worksheetToGrid(ws));
}

describe("the bundled sample workbook", () => {
  it("is what scripts/build-sample.ts builds from samples/sample-tables.ts (run `npm run sample` after editing)", async () => {
    const fresh = path.join(mkdtempSync(path.join(os.tmpdir(), "par-sample-")), "sample.xlsx");
    await buildSample(fresh);
    expect(await grids(SAMPLE_PATH)).toEqual(await grids(fresh));
  });
});
