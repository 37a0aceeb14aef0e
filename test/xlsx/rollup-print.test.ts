/**
 * The roll-up's ranking on paper (issue 21): a district of 30 and of 300 wards is rolled
 * up by the command line, LibreOffice prints the file to PDF, and the pages of "Xếp hạng"
 * are read back (pdftotext) and rendered (pdftoppm):
 * - one page wide: every unit's name (column B) and file (the last column) are on the same
 *   page, each whole, and page 1 holds every header label whole;
 * - the chart of the totals is drawn on page 1 (its bar colour counted per page);
 * - the header row is repeated at the top of every page;
 * - the files that could not be read are listed with their whole names.
 * Page 1 of each is kept as a picture in test-artifacts/ (not committed).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, copyFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { generateRollupFolder } from "../fixtures/rollup/generate";
import { runCli } from "../support/cli";
import { convertWithLibreOffice, describeWithLibreOffice } from "../support/libreoffice";

const ARTIFACTS = path.join(__dirname, "..", "..", "test-artifacts");

interface Printed {
  /** Text of each page of the ranking (pdftotext -raw), NFC. */
  pages: string[];
  /** Pixels of the chart's bar colour on each page of the ranking. */
  barPixels: number[];
  ranking: Array<{ name: string; file: string }>;
  failures: Array<{ file: string }>;
  header: string[];
  sheetXml: string;
  workbookXml: string;
}

/** Pixels near the theme's first accent (4F81BD, the bars) in a binary PPM image. */
function barColourPixels(file: string): number {
  const image = readFileSync(file);
  const header = image.subarray(0, 20).toString("latin1").split(/\s+/);
  const start = image.length - Number(header[1]) * Number(header[2]) * 3;
  const near = (v: number, want: number) => Math.abs(v - want) < 24;
  let count = 0;
  for (let i = start; i + 2 < image.length; i += 3)
    if (near(image[i], 0x4f) && near(image[i + 1], 0x81) && near(image[i + 2], 0xbd)) count++;
  return count;
}

async function printRollup(wards: number): Promise<Printed> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `rollup-print-${wards}-`));
  try {
    const folder = path.join(dir, "dv");
    await generateRollupFolder(folder, wards, { assessment: false, distinct: 30 });
    const out = path.join(dir, "tong-hop.xlsx");
    const run = await runCli(["rollup", folder, "--today", "2025-11-20", "--out", out, "--json"]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out) as Pick<Printed, "ranking" | "failures">;
    const bytes = new Uint8Array(readFileSync(out));
    const header = readWorkbook(bytes).sheets[0].grid.values[2].map(String);
    const parts = unzipSync(bytes);
    const sheetXml = strFromU8(parts["xl/worksheets/sheet1.xml"]);
    const workbookXml = strFromU8(parts["xl/workbook.xml"]);
    const pdf = convertWithLibreOffice(out, "pdf", dir);
    const all = execFileSync("pdftotext", ["-raw", pdf, "-"])
      .toString("utf8")
      .normalize("NFC")
      .split("\f");
    // The ranking prints first; the next sheet starts with its title.
    const end = all.findIndex((page) => page.startsWith("ĐIỂM THEO TIÊU CHÍ"));
    expect(end).toBeGreaterThan(0);
    const pages = all.slice(0, end);
    execFileSync("pdftoppm", ["-r", "30", "-f", "1", "-l", String(end), pdf, path.join(dir, "p")]);
    const images = readdirSync(dir)
      .filter((f) => /^p-\d+\.ppm$/.test(f))
      .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
    const barPixels = images.map((f) => barColourPixels(path.join(dir, f)));
    mkdirSync(ARTIFACTS, { recursive: true });
    execFileSync("pdftoppm", ["-png", "-r", "110", "-f", "1", "-l", "1", pdf, path.join(dir, "a")]);
    const png = readdirSync(dir).find((f) => /^a-\d+\.png$/.test(f))!;
    copyFileSync(path.join(dir, png), path.join(ARTIFACTS, `rollup-ranking-${wards}-page1.png`));
    return { pages, barPixels, header, sheetXml, workbookXml, ...json };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The page (0-based) whose text holds `text`, or -1. */
const pageOf = (pages: string[], text: string) => pages.findIndex((p) => p.includes(text));

describeWithLibreOffice("the roll-up's ranking on paper", () => {
  for (const wards of [30, 300]) {
    describe(`${wards} wards`, () => {
      let printed: Printed;
      beforeAll(async () => {
        printed = await printRollup(wards);
      }, 240_000);

      it("is set to print landscape, one page wide", () => {
        expect(printed.sheetXml).toContain('<pageSetUpPr fitToPage="1"/>');
        expect(printed.sheetXml).toMatch(
          /<pageSetup [^>]*orientation="landscape" fitToWidth="1" fitToHeight="0"/
        );
      });

      it("prints one page wide: each unit's whole name and whole file are on the same page", () => {
        expect(printed.ranking).toHaveLength(wards);
        const misplaced = printed.ranking.filter((u) => {
          const file = pageOf(printed.pages, u.file);
          return file < 0 || !printed.pages[file].includes(u.name);
        });
        expect(misplaced).toEqual([]);
        // No page holds only a right-hand slice: each has names of column B (a unit's, or
        // the last page's list of unreadable files).
        for (const page of printed.pages)
          expect(
            printed.ranking.some((u) => page.includes(u.name)) ||
              printed.failures.some((f) => page.includes(f.file))
          ).toBe(true);
      });

      it("repeats the header row at the top of every page of the ranking", () => {
        expect(printed.workbookXml).toContain(
          `<definedName name="_xlnm.Print_Titles" localSheetId="0">'Xếp hạng'!$3:$3</definedName>`
        );
        for (const page of printed.pages.slice(1)) {
          const text = page.replace(/\s+/g, " ");
          if (printed.ranking.some((u) => page.includes(u.file)))
            expect(text).toContain("Tổng điểm tính toán");
        }
      });

      it("shows every header label whole on page 1", () => {
        // A wrapped header's lines follow each other in the PDF's text.
        const first = printed.pages[0].replace(/\s+/g, " ");
        const cut = printed.header.filter((label) => label && !first.includes(label));
        expect(cut).toEqual([]);
        expect(first).toContain("XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CÁC ĐƠN VỊ");
        expect(first).toContain("Trang do công cụ tạo lại mỗi lần tổng hợp.");
      });

      it("draws the chart's bars on page 1, and on no later page", () => {
        const [page1, ...rest] = printed.barPixels;
        expect(page1).toBeGreaterThan(100);
        expect(rest.every((n) => n < 5)).toBe(true);
      });

      it("lists the unreadable files with their whole names", () => {
        expect(printed.failures).toHaveLength(2);
        for (const f of printed.failures)
          expect(pageOf(printed.pages, f.file)).toBeGreaterThanOrEqual(0);
      });
    });
  }
});
