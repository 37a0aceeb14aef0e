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
import { convertWithLibreOffice, describeWithLibreOffice } from "../support/libreoffice";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "phu-luc-par-index-2025.xlsx");

describeWithLibreOffice("the scored copy's summary sheet on paper", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "summary-print-"));
  let text = "";
  let labels: string[] = [];
  let sheetXml = "";

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
  }, 180_000);

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
