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
import {
  NO_DEADLINE_KEYS,
  OUTPUT_COLUMNS,
  isOwnedHeader,
} from "../../src/core/read/output-columns";

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
    // A self-assessment table has no deadline column: points, maximum and warnings only.
    expect(ownedHeaders(first)).toBe(NO_DEADLINE_KEYS.length);
    expect(differingParts(first, readFileSync(twice))).toEqual([]);
    expect(differingParts(first, readFileSync(thrice))).toEqual([]);
  });

  it("the table with planted mistakes: re-scored with no change", async () => {
    const input = path.join(__dirname, "../fixtures/assessment/mistakes.xlsx");
    const once = path.join(dir, "mistakes.1.xlsx");
    const twice = path.join(dir, "mistakes.2.xlsx");
    await scoreTo(input, once);
    await scoreTo(once, twice);
    expect(ownedHeaders(readFileSync(twice))).toBe(NO_DEADLINE_KEYS.length);
    expect(differingParts(readFileSync(once), readFileSync(twice))).toEqual([]);
  });
});

/** Every text cell of the first sheet, and the sheet part's XML. */
function firstSheet(bytes: Uint8Array): { texts: string[]; xml: string } {
  const book = readWorkbook(bytes);
  const grid = book.sheets[0].grid;
  const texts = grid.values.flat().filter((v): v is string => typeof v === "string");
  const part = unzipParts(bytes).get(book.sheets[0].partPath.replace(/^\//, ""))!;
  return { texts, xml: Buffer.from(part).toString("utf8") };
}

describe("deadline columns only where the table has deadlines (issue 19.8)", () => {
  const due = OUTPUT_COLUMNS.find((c) => c.key === "due")!.header;
  const state = OUTPUT_COLUMNS.find((c) => c.key === "dueState")!.header;

  it("a self-assessment copy has no due or state column, no state formula, no overdue fills", async () => {
    const out = path.join(dir, "layout-1.narrow.xlsx");
    await scoreTo(templateFile("layout-1"), out);
    const { texts, xml } = firstSheet(readFileSync(out));
    expect(texts).toContain("Điểm tính toán (tự động)");
    expect(texts).toContain("Cảnh báo (tự động)");
    expect(texts).not.toContain(due);
    expect(texts).not.toContain(state);
    expect(xml).not.toContain("TODAY()");
    expect(xml).not.toContain("<conditionalFormatting");
  });

  it("a plan appendix copy still has them, with their formulas and fills", async () => {
    const out = path.join(dir, "plan.wide.xlsx");
    await scoreTo(path.join(__dirname, "../../samples/phu-luc-par-index-2025.xlsx"), out);
    const { texts, xml } = firstSheet(readFileSync(out));
    expect(texts).toContain(due);
    expect(texts).toContain(state);
    expect(xml).toContain("TODAY()");
    expect(xml).toContain("<conditionalFormatting");
  });
});
