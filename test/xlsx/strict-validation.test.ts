/**
 * Excel's rules held to every output: the validator first proves itself (Excel's own files
 * come out clean, one deliberately broken copy per rule is caught), then every output of
 * the corpus (scored copy, re-scored copy, criteria sheet, roll-up) must add no problem
 * its input did not already have.
 */
import { mkdtempSync, readdirSync, readFileSync, copyFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { runCli } from "../support/cli";
import { addedFindings, validatePackages, type Finding } from "../support/ooxml-validator";

const ROOT = path.join(__dirname, "..", "..");
const REAL = path.join(ROOT, "test", "fixtures", "real-workbooks");
const SAMPLE = path.join(ROOT, "samples", "phu-luc-par-index-2025.xlsx");
const realFiles = readdirSync(REAL)
  .filter((f) => f.endsWith(".xlsx"))
  .map((f) => path.join(REAL, f));
const read = (file: string) => new Uint8Array(readFileSync(file));

/** A copy of `bytes` with one part's text changed by `edit`. */
function edited(bytes: Uint8Array, part: string, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  const before = strFromU8(files[part]);
  const after = edit(before);
  if (after === before) throw new Error(`the edit of ${part} changed nothing`);
  files[part] = strToU8(after);
  return zipSync(files);
}

const rulesOf = (findings: Finding[]) => [...new Set(findings.map((f) => f.rule))].sort();

describe("the OOXML validator on files Excel itself wrote", () => {
  it("finds no problem in any of the 27 Excel-written workbooks", async () => {
    const findings = await validatePackages(realFiles.map(read));
    const dirty = realFiles
      .map((file, i) => ({ file: path.basename(file), findings: findings[i] }))
      .filter((r) => r.findings.length > 0);
    expect(realFiles.length).toBe(27);
    expect(dirty).toEqual([]);
  });
});

describe("the OOXML validator on deliberately broken copies (one rule each)", () => {
  const c13 = read(realFiles.find((f) => path.basename(f).startsWith("c13_")) ?? realFiles[0]);
  const c10 = read(realFiles.find((f) => path.basename(f).startsWith("c10_"))!);
  const sheet = "xl/worksheets/sheet1.xml";
  const cases: Array<[string, string, () => Uint8Array]> = [
    [
      "schema",
      "definedNames before bookViews",
      () =>
        edited(c13, "xl/workbook.xml", (x) =>
          x
            .replace(/<definedNames>[\s\S]*?<\/definedNames>/, "")
            .replace(
              /(<workbookPr[^>]*\/>)/,
              `$1<definedNames><definedName name="Vung">'Sheet1'!$A$1</definedName></definedNames>`
            )
        ),
    ],
    [
      "content-type",
      "parts without a content type (the .rels default removed)",
      () =>
        edited(c13, "[Content_Types].xml", (x) =>
          x.replace(/<Default Extension="rels"[^>]*\/>/, "")
        ),
    ],
    [
      "relationship-target",
      "a relationship to a missing part",
      () =>
        edited(c13, "xl/_rels/workbook.xml.rels", (x) =>
          x.replace(/Target="worksheets\/sheet1\.xml"/, 'Target="worksheets/sheet99.xml"')
        ),
    ],
    [
      "defined-name",
      "the same workbook name twice",
      () =>
        edited(c13, "xl/workbook.xml", (x) =>
          x.replace(
            /<\/sheets>/,
            `</sheets><definedNames><definedName name="Hai">'A'!$A$1</definedName><definedName name="hai">'A'!$A$2</definedName></definedNames>`
          )
        ),
    ],
    [
      "style-index",
      "a cell style past cellXfs",
      () =>
        edited(c13, sheet, (x) => x.replace(/<c r="([A-Z]+\d+)" s="\d+"/, '<c r="$1" s="9999"')),
    ],
    [
      "row-order",
      "rows out of order",
      () => edited(c13, sheet, (x) => x.replace(/<row r="2"/, '<row r="1"')),
    ],
    [
      "cell-order",
      "the same cell twice",
      () => edited(c13, sheet, (x) => x.replace(/(<c r="A1"[^>]*?(?:\/>|>[\s\S]*?<\/c>))/, "$1$1")),
    ],
    [
      "merge",
      "overlapping merges",
      () =>
        edited(c13, sheet, (x) =>
          x.replace(
            /<mergeCell ref="([A-Z]+\d+:[A-Z]+\d+)"\/>/,
            '<mergeCell ref="$1"/><mergeCell ref="$1"/>'
          )
        ),
    ],
    [
      "cf-priority",
      "two conditional-format rules with one priority",
      () =>
        edited(c13, sheet, (x) =>
          x.replace(
            /(<\/sheetData>(?:[\s\S]*?<\/mergeCells>)?)/,
            `$1<conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>TRUE</formula></cfRule><cfRule type="expression" priority="1"><formula>FALSE</formula></cfRule></conditionalFormatting>`
          )
        ),
    ],
    [
      "sheet-name",
      "a sheet name with a forbidden character",
      () =>
        edited(c13, "xl/workbook.xml", (x) =>
          x.replace(/<sheet name="[^"]*"/, '<sheet name="Tổng/hợp"')
        ),
    ],
    [
      "table-name",
      "a table name that is also a defined name",
      () => {
        const files = unzipSync(c10);
        const table = Object.keys(files).find((p) => p.startsWith("xl/tables/"))!;
        const name = /displayName="([^"]+)"/.exec(strFromU8(files[table]))![1];
        return edited(c10, "xl/workbook.xml", (x) =>
          x.includes("<definedNames>")
            ? x.replace(
                "<definedNames>",
                `<definedNames><definedName name="${name}">'A'!$A$1</definedName>`
              )
            : x.replace(
                "</sheets>",
                `</sheets><definedNames><definedName name="${name}">'A'!$A$1</definedName></definedNames>`
              )
        );
      },
    ],
  ];

  it.each(cases)("catches %s: %s", async (rule, _what, make) => {
    const [original, broken] = await validatePackages([c13, make()]);
    expect(original).toEqual([]);
    expect(rulesOf(broken)).toContain(rule);
  });
});

describe("every output of the corpus adds no problem to its input", () => {
  const work = mkdtempSync(path.join(os.tmpdir(), "strict-"));
  const inputs = [
    SAMPLE,
    ...realFiles,
    ...["corpus", "appendix-shapes", "assessment"].flatMap((folder) => {
      const dir = path.join(ROOT, "test", "fixtures", folder);
      return existsSync(dir)
        ? readdirSync(dir)
            .filter((f) => /\.xlsx$/.test(f) && !f.includes(".scored"))
            .map((f) => path.join(dir, f))
        : [];
    }),
  ];

  it("holds for the scored and re-scored copies of every workbook that holds a table", async () => {
    const pairs: Array<{ label: string; input: Uint8Array; output: Uint8Array }> = [];
    for (const [i, file] of inputs.entries()) {
      const once = path.join(work, `${i}.scored.xlsx`);
      const first = await runCli([file, "--today", "2025-11-20", "--out", once, "--json"]);
      if (first.code !== 0) continue;
      const twice = path.join(work, `${i}.rescored.xlsx`);
      const second = await runCli([once, "--today", "2025-11-20", "--out", twice, "--json"]);
      expect(second.code).toBe(0);
      pairs.push({ label: path.basename(file), input: read(file), output: read(once) });
      pairs.push({
        label: `${path.basename(file)} (re-scored)`,
        input: read(file),
        output: read(twice),
      });
    }
    // With a criteria set, the sample gets points, warnings and the criteria-driven summary.
    const withSet = path.join(work, "sample-set.scored.xlsx");
    expect(
      (
        await runCli([
          SAMPLE,
          "--criteria",
          "xa-2025-dien-ban",
          "--today",
          "2025-11-20",
          "--out",
          withSet,
          "--json",
        ])
      ).code
    ).toBe(0);
    pairs.push({ label: "sample with a set", input: read(SAMPLE), output: read(withSet) });
    expect(pairs.length).toBeGreaterThan(40);
    // One xmllint run per pair: a single run over hundreds of parts is many times slower.
    const added: Array<{ label: string; added: Finding[] }> = [];
    for (const pair of pairs) {
      const [input, output] = await validatePackages([pair.input, pair.output]);
      const extra = addedFindings(input, output);
      if (extra.length > 0) added.push({ label: pair.label, added: extra });
    }
    expect(added).toEqual([]);
  }, 600_000);

  it("holds for the criteria sheet written into the sample", async () => {
    const out = path.join(work, "criteria.xlsx");
    const run = await runCli([
      "criteria-sheet",
      "xa-2025-dien-ban",
      "--into",
      SAMPLE,
      "--out",
      out,
    ]);
    expect(run.code).toBe(0);
    const [input, output] = await validatePackages([read(SAMPLE), read(out)]);
    expect(addedFindings(input, output)).toEqual([]);
  }, 120_000);

  it("holds for a roll-up workbook, which is written whole and must be clean", async () => {
    const folder = path.join(work, "district");
    require("node:fs").mkdirSync(folder);
    for (const name of ["phuong-a.xlsx", "phuong-b.xlsx", "phuong-c.xlsx"])
      copyFileSync(SAMPLE, path.join(folder, name));
    const out = path.join(work, "rollup.xlsx");
    const run = await runCli([
      "rollup",
      folder,
      "--criteria",
      "xa-2025-dien-ban",
      "--today",
      "2025-11-20",
      "--out",
      out,
    ]);
    expect(run.code).toBe(0);
    const [findings] = await validatePackages([read(out)]);
    expect(findings).toEqual([]);
  }, 120_000);
});
