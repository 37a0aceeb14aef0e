/**
 * The summary sheet of a scored copy on paper (issue 21): LibreOffice prints it, the PDF's
 * text is read back, and every label of column A is found whole: none is cut by its column.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { runCli } from "../support/cli";
import { colourPixelsPerPage } from "../support/pdf-pixels";
import { convertWithLibreOffice, describeWithLibreOffice } from "../support/libreoffice";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "phu-luc-par-index-2025.xlsx");
const RATING_FORM = path.join(
  __dirname,
  "..",
  "fixtures",
  "assessment",
  "rating-form.libreoffice.xlsx"
);

/**
 * Height in points of the summary title's first word on the printed page: 14-point text
 * printed at full size is about 14 points high; a page shrunk to fit something wide (a
 * notice spilling far to the right) prints it at a third of that.
 */
function printedTitleHeight(pdf: string): number {
  const boxes = execFileSync("pdftotext", ["-bbox", pdf, "-"]).toString("utf8").normalize("NFC");
  const words = [
    ...boxes.matchAll(
      /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g
    ),
  ];
  let at = -1;
  words.forEach((w, i) => {
    if (w[3] === "TỔNG" && words[i + 1]?.[3] === "HỢP" && words[i + 2]?.[3] === "CHẤM") at = i;
  });
  expect(at).toBeGreaterThanOrEqual(0);
  return Number(words[at][2]) - Number(words[at][1]);
}

describeWithLibreOffice("the scored copy's summary sheet on paper", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "summary-print-"));
  let text = "";
  let labels: string[] = [];
  let sheetXml = "";
  let titleHeight = 0;

  beforeAll(async () => {
    const out = path.join(dir, "scored.xlsx");
    const run = await runCli([
      SAMPLE,
      "--criteria",
      "xa-2025-dien-ban",
      "--today",
      "2025-11-20",
      "--out",
      out,
      "--json",
    ]);
    expect(run.code).toBe(0);
    const copy = new Uint8Array(readFileSync(out));
    const files = unzipSync(copy);
    const workbook = strFromU8(files["xl/workbook.xml"]);
    expect(workbook).toContain('name="Tổng hợp"');
    // Our summary sheet is the last one; its labels are the first cell of each table row.
    const parts = Object.keys(files)
      .filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))
      .sort();
    sheetXml = strFromU8(files[parts.at(-1)!]);
    labels = [
      ...sheetXml.matchAll(
        /<row r="\d+"[^>]*>(<c r="A\d+"[^>]*><is><t>([^<]*)<\/t><\/is><\/c>)<c /g
      ),
    ].map((m) => m[2].replace(/&quot;/g, '"').replace(/&amp;/g, "&"));
    const pdf = convertWithLibreOffice(out, "pdf", dir);
    const all = execFileSync("pdftotext", ["-layout", pdf, "-"]).toString("utf8").normalize("NFC");
    // The summary sheet prints last: its pages start at its title.
    text = all.slice(all.lastIndexOf("TỔNG HỢP CHẤM ĐIỂM"));
    expect(text.length).toBeGreaterThan(100);
    titleHeight = printedTitleHeight(pdf);
  }, 180_000);

  it("prints at a readable size: nothing spills past the table to shrink the page", () => {
    expect(titleHeight).toBeGreaterThan(10);
  });

  it("prints one page wide, and column A is as wide as the add-in makes it", () => {
    expect(sheetXml).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(sheetXml).toMatch(/<pageSetup [^>]*fitToWidth="1" fitToHeight="0"/);
    const width = Number(/<col min="1" max="1" width="([\d.]+)"/.exec(sheetXml)![1]);
    expect(width).toBeGreaterThan(14);
  });

  it("shows every label of column A whole (the owners, the warning kinds)", () => {
    expect(labels.length).toBeGreaterThan(8);
    const lines = text.split("\n").map((l) => l.replace(/\s+/g, " ").trim());
    const cut = labels.filter((label) => {
      const words = label.split(/\s+/);
      // A wrapped label is whole when its words follow each other over consecutive lines.
      const joined = lines.join(" ");
      return !joined.includes(words.join(" "));
    });
    expect(cut).toEqual([]);
  });
});

describeWithLibreOffice("a self-assessment form's summary sheet on paper (long notices)", () => {
  it("cuts its notices into lines within the table, so the page prints at a readable size", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "summary-print-form-"));
    const out = path.join(dir, "scored.xlsx");
    const run = await runCli([RATING_FORM, "--today", "2025-11-20", "--out", out, "--json"]);
    expect(run.code).toBe(0);
    const pdf = convertWithLibreOffice(out, "pdf", dir);
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"]).toString("utf8").normalize("NFC");
    // The derived set's notice (15 codes) is there, whole, over several lines.
    const summary = text.slice(text.lastIndexOf("TỔNG HỢP CHẤM ĐIỂM")).replace(/\s+/g, " ");
    expect(summary).toContain("15 tiêu chí chấm tay theo điểm tự chấm");
    expect(printedTitleHeight(pdf)).toBeGreaterThan(10);
    // The input (LibreOffice-written) has no theme: the bars are drawn all the same.
    expect(Object.keys(unzipSync(new Uint8Array(readFileSync(out))))).not.toContain(
      "xl/theme/theme1.xml"
    );
    const bars = colourPixelsPerPage(pdf, [0x4f, 0x81, 0xbd]).reduce((a, b) => a + b, 0);
    expect(bars).toBeGreaterThan(200);
  }, 180_000);
});
