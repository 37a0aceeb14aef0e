import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "../support/cli";
import { buildSample } from "../../scripts/build-sample";

const CRITERIA = path.join(__dirname, "..", "..", "src", "core", "criteria-sets", "dien-ban-2025.json");

const run = runCli;

describe("criteria-sheet command and the workbook's own set", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "par-sheet-"));
  const input = path.join(dir, "phu-luc.xlsx");
  const withSet = path.join(dir, "phu-luc.bo-tieu-chi.xlsx");

  beforeAll(async () => {
    await buildSample(input);
  });

  it("adds the sheet, exports it back as the same set, and scores with it when no --criteria is given", async () => {
    const added = await run(["criteria-sheet", CRITERIA, "--into", input]);
    expect(added.code).toBe(0);
    expect(added.out).toContain(withSet);
    const exported = await run(["criteria-sheet", "--export", withSet]);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.out).id).toBe("xa-2025-dien-ban");
    const scored = await run([withSet, "--today", "2025-11-20", "--out", path.join(dir, "a.xlsx"), "--json"]);
    expect(scored.code).toBe(0);
    const json = JSON.parse(scored.out);
    expect(json.tables.map((t: { sheet: string }) => t.sheet)).toEqual(["Phụ lục KH CCHC", "Tự chấm điểm 2025"]);
    expect(json.tables[1].totals.points).toBe(4.24);
  });

  it("scores according to an edit of the sheet (a threshold changed in one cell)", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(withSet);
    const sheet = workbook.getWorksheet("Bộ tiêu chí")!;
    let row = 0;
    sheet.eachRow((r, n) => {
      if (r.getCell(1).value === "III.4") row = n;
    });
    expect(sheet.getCell(row, 6).value).toBe(0.95);
    sheet.getCell(row, 6).value = 0.9;
    const edited = path.join(dir, "edited.xlsx");
    await workbook.xlsx.writeFile(edited);
    const scored = await run([edited, "--today", "2025-11-20", "--out", path.join(dir, "b.xlsx"), "--json"]);
    const json = JSON.parse(scored.out);
    const iii4 = json.tables[1].rows.find((r: { criterion: string }) => r.criterion === "III.4");
    expect(iii4.points).toBe(1.4);
  });

  it("stops with the errors located at their cells when the sheet is invalid", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(withSet);
    const sheet = workbook.getWorksheet("Bộ tiêu chí")!;
    let row = 0;
    sheet.eachRow((r, n) => {
      if (r.getCell(1).value === "VI.1") row = n;
    });
    sheet.getCell(row, 4).value = 0;
    const broken = path.join(dir, "broken.xlsx");
    await workbook.xlsx.writeFile(broken);
    const result = await run([broken, "--out", path.join(dir, "c.xlsx")]);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`'Bộ tiêu chí'!D${row}: Điểm tối đa phải là số lớn hơn 0`);
  });

  it("refuses wrong usage", async () => {
    expect((await run(["criteria-sheet", CRITERIA])).code).toBe(2);
    expect((await run(["criteria-sheet", "--export", input])).code).toBe(1);
  });
});
