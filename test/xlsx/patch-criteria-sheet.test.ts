import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openPackage } from "../../src/xlsx/package";
import { runCli } from "../support/cli";
import { unzipParts } from "../support/package-compare";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "samples", "phu-luc-par-index-2025.xlsx");
const CRITERIA = path.join(ROOT, "src", "core", "criteria-sets", "dien-ban-2025.json");

describe("criteria-sheet --into through the package patcher", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "par-criteria-sheet-"));
  const once = path.join(dir, "once.xlsx");

  beforeAll(async () => {
    const added = await runCli(["criteria-sheet", CRITERIA, "--into", SAMPLE, "--out", once]);
    expect(added.code).toBe(0);
  });

  it("adds the sheet and copies every other part of the workbook byte for byte", () => {
    const before = unzipParts(readFileSync(SAMPLE));
    const after = unzipParts(readFileSync(once));
    const rewritten = [
      "[Content_Types].xml",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
    ];
    for (const [part, bytes] of before) {
      if (!rewritten.includes(part)) expect([part, after.get(part)]).toEqual([part, bytes]);
    }
    expect(openPackage(readFileSync(once)).sheets.map((s) => s.name)).toContain("Bộ tiêu chí");
  });

  it("refuses a workbook that already has a 'Bộ tiêu chí' sheet, in Vietnamese, writing nothing", async () => {
    const out = path.join(dir, "twice.xlsx");
    const refused = await runCli(["criteria-sheet", CRITERIA, "--into", once, "--out", out]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('đã có trang "Bộ tiêu chí"');
    expect(refused.err).toContain("--replace");
    expect(existsSync(out)).toBe(false);
  });

  it("replaces that sheet when the user passes --replace, keeping one sheet of that name", async () => {
    const out = path.join(dir, "replaced.xlsx");
    const replaced = await runCli([
      "criteria-sheet",
      CRITERIA,
      "--into",
      once,
      "--out",
      out,
      "--replace",
    ]);
    expect(replaced.code).toBe(0);
    expect(replaced.out).toContain('Đã thay trang "Bộ tiêu chí"');
    const names = openPackage(readFileSync(out)).sheets.map((s) => s.name);
    expect(names.filter((n) => n === "Bộ tiêu chí")).toHaveLength(1);
    expect(names).toEqual(openPackage(readFileSync(once)).sheets.map((s) => s.name));
  });
});
