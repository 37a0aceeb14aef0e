/**
 * The set choice (src/app/options.ts) and the "Bộ tiêu chí" sheet written from a table
 * (src/app/criteria-sheet-file.ts): the page and the command line choose and write alike.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "../support/cli";
import {
  AppError,
  CriteriaSheetExistsError,
  TABLE_OWN_SET,
  criteriaSheetFromTable,
  criteriaSheetName,
  readBook,
  scoreFile,
  withCriteriaSheet,
} from "../../src/app";
import { findBuiltInSet } from "../../src/core/criteria-sets";
import { templateFile } from "../fixtures/assessment/generate";

const TODAY = "2025-11-20";
const dir = mkdtempSync(path.join(os.tmpdir(), "criteria-choice-"));
const TABLE = templateFile("layout-3");
const table = () => new Uint8Array(readFileSync(TABLE));

/** layout-3's self-assessment table with the built-in commune set as its "Bộ tiêu chí" sheet. */
function tableWithSheet(): Uint8Array {
  const bytes = table();
  const set = findBuiltInSet("xa-2025-dien-ban")!;
  return withCriteriaSheet(bytes, readBook(bytes, "t.xlsx"), set, { name: "t.xlsx" }).copy;
}

describe("the set choice", () => {
  it("by default the workbook's sheet, else the table's own", () => {
    expect(scoreFile(tableWithSheet(), { name: "t.xlsx", today: TODAY }).criteria?.id).toBe(
      "xa-2025-dien-ban"
    );
    const own = scoreFile(table(), { name: "t.xlsx", today: TODAY });
    expect(own.criteria).toBeNull();
    expect(own.run.derivedSet?.set.id).toBe("bang-tu-danh-gia");
  });

  it("a built-in set wins over the workbook's sheet, as --criteria <id> does", async () => {
    const bytes = tableWithSheet();
    const chosen = scoreFile(bytes, {
      name: "t.xlsx",
      today: TODAY,
      criteriaSetId: "phuong-2024-ha-dong",
    });
    expect(chosen.criteria?.id).toBe("phuong-2024-ha-dong");
    const input = path.join(dir, "with-sheet.xlsx");
    writeFileSync(input, bytes);
    const out = path.join(dir, "with-sheet.cli.xlsx");
    const cli = await runCli([
      input,
      "--today",
      TODAY,
      "--criteria",
      "phuong-2024-ha-dong",
      "--out",
      out,
    ]);
    expect(cli.code).toBe(0);
    expect(Buffer.from(chosen.copy).equals(readFileSync(out))).toBe(true);
  });

  it("the table's own set leaves the sheet aside, the same with --criteria theo-bang", async () => {
    const bytes = tableWithSheet();
    const own = scoreFile(bytes, { name: "t.xlsx", today: TODAY, criteriaSetId: TABLE_OWN_SET });
    expect(own.criteria).toBeNull();
    expect(own.run.derivedSet?.set.id).toBe("bang-tu-danh-gia");
    const input = path.join(dir, "own.xlsx");
    writeFileSync(input, bytes);
    const out = path.join(dir, "own.cli.xlsx");
    const cli = await runCli([
      input,
      "--today",
      TODAY,
      "--criteria",
      TABLE_OWN_SET,
      "--json",
      "--out",
      out,
    ]);
    expect(cli.code).toBe(0);
    expect(JSON.parse(cli.out).criteriaSet.id).toBe("bang-tu-danh-gia");
    expect(Buffer.from(own.copy).equals(readFileSync(out))).toBe(true);
  });

  it("an unknown set is refused as wrong usage", () => {
    expect(() => scoreFile(table(), { name: "t.xlsx", criteriaSetId: "khong-co" })).toThrow(
      AppError
    );
  });
});

describe("the criteria sheet from a table", () => {
  it("writes the bytes criteria-sheet --from --out writes", async () => {
    const page = criteriaSheetFromTable(table(), { name: "layout-3.xlsx" });
    expect(page.sheetName).toBe("Bộ tiêu chí");
    expect(page.replaced).toBe(false);
    const out = path.join(dir, criteriaSheetName("layout-3.xlsx"));
    expect(path.basename(out)).toBe("layout-3.bo-tieu-chi.xlsx");
    const cli = await runCli(["criteria-sheet", "--from", TABLE, "--out", out]);
    expect(cli.code).toBe(0);
    expect(Buffer.from(page.copy).equals(readFileSync(out))).toBe(true);
  });

  it("refuses a workbook that already has the sheet, and one without a self-assessment table", () => {
    expect(() => criteriaSheetFromTable(tableWithSheet(), { name: "t.xlsx" })).toThrow(
      CriteriaSheetExistsError
    );
    const sample = readFileSync(
      path.join(__dirname, "..", "..", "samples", "phu-luc-par-index-2025.xlsx")
    );
    // The sample's score sheet reads as a plan appendix, not as a self-assessment table.
    expect(() => criteriaSheetFromTable(new Uint8Array(sample), { name: "s.xlsx" })).toThrow(
      /^Không tìm thấy bảng tự đánh giá trong "s.xlsx"/
    );
  });
});
