/**
 * A second run on a scored self-assessment table recognises our own "(tự động)" block by
 * its marker (or, in a copy that lost its names, by its headers) and rewrites it in place:
 * the copy of the copy equals the copy, part for part, and no new block appears.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "../support/cli";
import { unzipParts } from "../support/package-compare";
import { templateFile } from "../fixtures/assessment/generate";
import type { TemplateName } from "../fixtures/assessment/templates";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { gridWidth } from "../../src/core/read/grid";
import { cellAt } from "../../src/core/read/grid";
import { OUTPUT_COLUMNS, isOwnedHeader } from "../../src/core/read/output-columns";

const dir = mkdtempSync(path.join(os.tmpdir(), "par-assessment-rerun-"));
const today = "2025-11-20";

async function scoreTo(input: string, out: string): Promise<void> {
  const result = await runCli([input, "--today", today, "--out", out]);
  expect(result.err).toBe("");
  expect(result.code).toBe(0);
}

/** The parts of two packages that differ (by name, or by bytes). */
export function differingParts(a: Uint8Array, b: Uint8Array): string[] {
  const pa = unzipParts(a);
  const pb = unzipParts(b);
  const names = new Set([...pa.keys(), ...pb.keys()]);
  return [...names].filter((name) => {
    const x = pa.get(name);
    const y = pb.get(name);
    return !x || !y || !Buffer.from(x).equals(Buffer.from(y));
  });
}

/** Count of our own header cells on the first sheet. */
function ownedHeaders(bytes: Uint8Array): number {
  const grid = readWorkbook(bytes).sheets[0].grid;
  let n = 0;
  for (let r = 0; r < grid.values.length; r++)
    for (let c = 0; c < gridWidth(grid); c++) if (isOwnedHeader(cellAt(grid, r, c))) n++;
  return n;
}

const LAYOUTS: Array<[TemplateName, "exceljs" | "libreoffice"]> = [
  ["layout-1", "exceljs"],
  ["layout-2", "exceljs"],
  ["layout-2", "libreoffice"],
  ["layout-3", "exceljs"],
  ["layout-4", "exceljs"],
  ["layout-5", "exceljs"],
  ["layout-5", "libreoffice"],
];

describe("re-running on a scored self-assessment table", () => {
  it.each(LAYOUTS)("%s (%s): the second and third runs change nothing", async (name, writer) => {
    const once = path.join(dir, `${name}.${writer}.1.xlsx`);
    const twice = path.join(dir, `${name}.${writer}.2.xlsx`);
    const thrice = path.join(dir, `${name}.${writer}.3.xlsx`);
    await scoreTo(templateFile(name, writer), once);
    await scoreTo(once, twice);
    await scoreTo(twice, thrice);
    const first = readFileSync(once);
    expect(ownedHeaders(first)).toBe(OUTPUT_COLUMNS.length);
    expect(differingParts(first, readFileSync(twice))).toEqual([]);
    expect(differingParts(first, readFileSync(thrice))).toEqual([]);
  });

  it("the table with planted mistakes: re-scored with no change", async () => {
    const input = path.join(__dirname, "../fixtures/assessment/mistakes.xlsx");
    const once = path.join(dir, "mistakes.1.xlsx");
    const twice = path.join(dir, "mistakes.2.xlsx");
    await scoreTo(input, once);
    await scoreTo(once, twice);
    expect(ownedHeaders(readFileSync(twice))).toBe(OUTPUT_COLUMNS.length);
    expect(differingParts(readFileSync(once), readFileSync(twice))).toEqual([]);
  });
});
