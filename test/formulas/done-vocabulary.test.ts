/**
 * One definition of "done" (issue 19, items 6 and 7), property-tested: statuses generated
 * from the words offices write (prefixes, qualifiers, case, NFD and Unikey's composite
 * marks, both tone placements, stray spaces and line breaks, numbers in General and
 * percent cells) go into one workbook beside the written done formula; LibreOffice
 * calculates it once, and every row must agree with `parseStatus`.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { doneStatusFormula, parseStatus } from "../../src/core/parse/status";
import { convertWithLibreOffice, describeWithLibreOffice } from "../support/libreoffice";

const PREFIXES = ["", "đã ", "Đã ", "ĐÃ ", "Đã  "];
const WORDS = [
  "hoàn thành",
  "hòan thành",
  "Hoàn Thành",
  "xong",
  "thực hiện",
  "HT",
  "ht",
  "x",
  "X",
  "✓",
  "✔",
  "đạt",
  "đang thực hiện",
  "chưa",
  "chưa hoàn thành",
  "hoàn thành một phần",
  "tạm dừng",
];
const SUFFIXES = [
  "",
  " đúng hạn",
  " trước hạn",
  " (100%)",
  "/100%",
  " 100%",
  " - 100%",
  " 50%",
  " 100% đúng hạn",
  " đúng hạn (100%)",
  ".",
  "!",
  "...",
  " chậm",
  "|xong",
];
const composite = (text: string) =>
  text
    .normalize("NFD")
    .replace(/([aeiouy])(\u0306|\u0302|\u031b)/gi, (_m, v: string, mark: string) =>
      `${v}${mark}`.normalize("NFC")
    );
const FORMS: Array<(text: string) => string> = [
  (t) => t,
  (t) => t.normalize("NFD"),
  composite,
  (t) => t.toUpperCase(),
  (t) => `  ${t.replace(/ /g, "   ")} `,
  (t) => t.replace(" ", "\n"),
  (t) => t.replace(" ", "\u00a0"),
  (t) => t.replace(/\./g, ". "),
];

type Case = { value: string | number; format?: string };

const textCase: fc.Arbitrary<Case> = fc
  .tuple(
    fc.constantFrom(...PREFIXES),
    fc.constantFrom(...WORDS),
    fc.constantFrom(...SUFFIXES),
    fc.constantFrom(...FORMS)
  )
  .map(([prefix, word, suffix, form]) => ({ value: form(`${prefix}${word}${suffix}`) }));
const numberCase: fc.Arbitrary<Case> = fc
  .tuple(
    fc.oneof(
      fc.constantFrom(0, 0.5, 1, 1.2, 50, 99.5, 100, 150, 45_000),
      fc.double({ min: 0, max: 200, noNaN: true })
    ),
    fc.constantFrom("General", "0%", "0.0%", "dd/mm/yyyy")
  )
  .map(([value, format]) => ({ value, format }));
const percentText: fc.Arbitrary<Case> = fc
  .constantFrom("100%", "100 %", "100,0%", "99,5%", "60%", "120%", "0%")
  .map((value) => ({ value }));

const CASES: Case[] = fc.sample(
  fc.oneof({ weight: 6, arbitrary: textCase }, numberCase, percentText),
  {
    numRuns: 600,
    seed: 19,
  }
);

describeWithLibreOffice("the done formula against the core, over a generated vocabulary", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "done-vocabulary-"));
  let computed: string[] = [];

  beforeAll(async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Tình trạng");
    CASES.forEach((c, i) => {
      const cell = sheet.getCell(i + 1, 1);
      cell.value = c.value;
      if (c.format && c.format !== "General") cell.numFmt = c.format;
      sheet.getCell(i + 1, 2).value = {
        formula: `IF(${doneStatusFormula(`A${i + 1}`)},"done","no")`,
      } as ExcelJS.CellFormulaValue;
    });
    const input = path.join(dir, "vocabulary.xlsx");
    await book.xlsx.writeFile(input);
    const csv = convertWithLibreOffice(input, "csv:Text - txt - csv (StarCalc):44,34,76,1", dir);
    const read = new ExcelJS.Workbook();
    const ws = await read.csv.readFile(csv, { map: (value: unknown) => String(value ?? "") });
    computed = CASES.map((_c, i) => String(ws.getCell(i + 1, 2).value ?? ""));
  }, 240_000);

  it("agrees with parseStatus on every generated status", () => {
    const mismatches = CASES.map((c, i) => ({
      value: c.value,
      format: c.format,
      core: parseStatus(c.value, c.format) === "done" ? "done" : "no",
      libreOffice: computed[i],
    })).filter((m) => m.core !== m.libreOffice);
    expect(mismatches).toEqual([]);
  });

  it("generates both done and not-done statuses, and the offices' forms", () => {
    const done = CASES.filter((c) => parseStatus(c.value, c.format) === "done");
    expect(done.length).toBeGreaterThan(100);
    expect(CASES.length - done.length).toBeGreaterThan(100);
    const texts = new Set(CASES.map((c) => String(c.value)));
    expect([...texts].some((t) => /đúng hạn/i.test(t.normalize("NFC")))).toBe(true);
  });
});
