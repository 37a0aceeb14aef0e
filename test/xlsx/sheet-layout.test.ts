/**
 * The layout's offsets checked against the text and against a DOM reader (xmldom) that
 * shares no code with it: every row and cell it records is where the text has that row or
 * cell, with the same reference, and none is missing.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DOMParser, type Element } from "@xmldom/xmldom";
import { unzipSync } from "fflate";
import { scoreWorkbook } from "../../src/core/run";
import { openPackage } from "../../src/xlsx/package";
import { patchWorkbook } from "../../src/xlsx/patch-workbook";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import {
  cellStyle,
  columnOfRef,
  sheetLayout,
  styleNumber,
  type SheetLayout,
} from "../../src/xlsx/sheet-layout";
import { partText, tagStart } from "../../src/xlsx/xml-splice";

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const CORPUS = path.join(__dirname, "..", "fixtures", "corpus");
const SAMPLE = path.join(__dirname, "..", "..", "samples", "phu-luc-par-index-2025.xlsx");
const encoder = new TextEncoder();

/** What a DOM reader finds: per row its number and per cell its reference, in order. */
function domRows(text: string): Array<{ r: string | null; cells: string[]; values: boolean[] }> {
  // xmldom refuses a byte order mark before the declaration; it is only the witness here.
  const doc = new DOMParser().parseFromString(text.replace(/^\uFEFF/, ""), "text/xml");
  const rows = doc.getElementsByTagNameNS(NS, "row");
  const out: Array<{ r: string | null; cells: string[]; values: boolean[] }> = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const cells: string[] = [];
    const values: boolean[] = [];
    for (let child = row.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 1 || (child as Element).localName !== "c") continue;
      const cell = child as Element;
      cells.push(cell.getAttribute("r") ?? "");
      let hasValue = false;
      for (let inner = cell.firstChild; inner; inner = inner.nextSibling)
        if (inner.nodeType === 1 && ["v", "f", "is"].includes((inner as Element).localName!))
          hasValue = true;
      values.push(hasValue);
    }
    out.push({ r: row.getAttribute("r"), cells, values });
  }
  return out;
}

/** Checks every offset of `layout` against `text` and the DOM reader. */
function expectLayoutMatches(text: string, layout: SheetLayout): void {
  const dom = domRows(text);
  expect(layout.rows.map((row) => String(row.index))).toEqual(
    dom.map((row, i) => row.r ?? String(i + 1))
  );
  const prefix = layout.rootName.includes(":") ? layout.rootName.split(":")[0] + ":" : "";
  const cellPattern = new RegExp(`^<${prefix}c(?=[\\s/>])[\\s\\S]*(/>|</${prefix}c>)$`);
  const rowPattern = new RegExp(`^<${prefix}row[\\s/>]`);
  // Problems are collected, not asserted one by one: a sheet has tens of thousands of cells.
  const problems: string[] = [];
  layout.rows.forEach((row, k) => {
    const start = tagStart(text, row.openEnd);
    if (!rowPattern.test(text.slice(start, row.openEnd))) problems.push(`row ${k} start`);
    const rowClose = row.selfClosing ? "/>" : `</${prefix}row>`;
    if (text.slice(row.end - rowClose.length, row.end) !== rowClose) problems.push(`row ${k} end`);
    const refs: string[] = [];
    const values: boolean[] = [];
    for (let i = row.firstCell; i < row.firstCell + row.cellCount; i++) {
      const cellText = text.slice(tagStart(text, layout.cells.openEnd[i]), layout.cells.end[i]);
      if (!cellPattern.test(cellText)) problems.push(`cell ${i}: ${cellText.slice(0, 40)}`);
      const r = /^<[^>]*\sr="([^"]*)"/.exec(cellText)?.[1] ?? "";
      refs.push(r);
      values.push(layout.cells.hasValue[i] === 1);
      if (r && layout.cells.column[i] !== columnOfRef(r)) problems.push(`cell ${i} column`);
      if (layout.cells.row[i] !== row.index) problems.push(`cell ${i} row`);
      const s = /^<[^>]*\ss="([^"]*)"/.exec(cellText)?.[1];
      if (cellStyle(layout.cells, i) !== s) problems.push(`cell ${i} style`);
    }
    if (refs.join() !== dom[k].cells.join())
      problems.push(`row ${k} cells ${refs} ≠ ${dom[k].cells}`);
    if (values.join() !== dom[k].values.join()) problems.push(`row ${k} values`);
  });
  expect(problems).toEqual([]);
  expect(layout.cells.count).toBe(dom.reduce((n, row) => n + row.cells.length, 0));
  expect(text[layout.rootEnd - 1]).toBe(">");
  expect(text.slice(layout.rootEnd).trim()).toBe("");
}

const corpusFiles = readdirSync(CORPUS).filter((f) => /\.xls[xm]$/.test(f));

const corpusSheets = corpusFiles.flatMap((file) => {
  const pkg = openPackage(new Uint8Array(readFileSync(path.join(CORPUS, file))));
  return pkg.sheets
    .filter((s) => s.kind === "worksheet" && pkg.parts.has(s.partPath))
    .map((s) => ({ name: `${file} ${s.partPath}`, bytes: pkg.parts.get(s.partPath)! }));
});

describe("sheetLayout", () => {
  it.each(corpusSheets)(
    "finds every row and cell of $name where the text has them",
    ({ bytes }) => {
      const text = partText(bytes);
      const fromBytes = sheetLayout(bytes, "sheet");
      expectLayoutMatches(text, fromBytes);
      // From the bytes (decoded in chunks) and from the text: the same offsets.
      expect(sheetLayout(text, "sheet")).toEqual(fromBytes);
    }
  );

  it("counts a byte order mark and an x: prefix in its offsets", () => {
    const text =
      `\uFEFF<?xml version="1.0"?><x:worksheet xmlns:x="${NS}"><x:dimension ref="A1:B2"/>` +
      `<x:sheetData><x:row r="1"><x:c r="A1" s="3"><x:v>1</x:v></x:c><x:c r="B1"/></x:row>` +
      `<x:row r="2"/></x:sheetData></x:worksheet>`;
    const layout = sheetLayout(encoder.encode(text), "sheet");
    expect(layout.rootName).toBe("x:worksheet");
    expectLayoutMatches(text, layout);
    expect(text.slice(tagStart(text, layout.dimension!.openEnd), layout.dimension!.end)).toBe(
      '<x:dimension ref="A1:B2"/>'
    );
  });

  it("keeps its offsets right across the reader's 1 MB chunks, with Vietnamese text cut mid-character", () => {
    const rows: string[] = [];
    // 3-byte characters ("ệ") make the 1 MB chunk boundaries fall inside a character.
    for (let r = 1, length = 0; length < 1_200_000; r++) {
      const row = `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Tiêu chí ệ ${"ệ".repeat(r % 7)}</t></is></c><c r="B${r}" s="1"><v>${r}</v></c></row>`;
      rows.push(row);
      length += row.length;
    }
    // A comment of 0–299 spaces moves everything so that the first boundary (byte 1,048,576)
    // falls inside a character for sure.
    let text = "";
    let bytes = new Uint8Array(0);
    for (let pad = 0; pad < 300; pad++) {
      text = `<?xml version="1.0"?><worksheet xmlns="${NS}"><!--${" ".repeat(pad)}--><sheetData>${rows.join("")}</sheetData></worksheet>`;
      bytes = encoder.encode(text);
      if ((bytes[1 << 20] & 0xc0) === 0x80) break;
    }
    expect(bytes[1 << 20] & 0xc0).toBe(0x80);
    const layout = sheetLayout(bytes, "sheet");
    expectLayoutMatches(text, layout);
  });

  it("numbers rows and cells without r as Excel does: one after the one before", () => {
    const text = `<worksheet xmlns="${NS}"><sheetData><row><c><v>1</v></c><c/><c r="D1"/><c/></row><row/><row r="7"><c/></row></sheetData></worksheet>`;
    const layout = sheetLayout(text, "sheet");
    expect(layout.rows.map((r) => r.index)).toEqual([1, 2, 7]);
    expect([...layout.cells.column]).toEqual([0, 1, 3, 4, 0]);
    expect([...layout.cells.hasValue]).toEqual([1, 0, 0, 0, 0]);
  });

  it("records shared formulas' si (only whole numbers), conditional formats and what follows them", () => {
    const text =
      `<worksheet xmlns="${NS}"><cols><col min="1" max="3" width="9"/></cols><sheetData><row r="1">` +
      `<c r="A1"><f t="shared" si="4" ref="A1:A2">B1</f><v>1</v></c>` +
      `<c r="B1"><f t="shared" si="x"/></c><c r="C1"><f>1</f></c></row></sheetData>` +
      `<conditionalFormatting sqref="A1"><cfRule type="expression" priority="3" dxfId="0"><formula>A1&gt;1</formula></cfRule></conditionalFormatting>` +
      `<pageMargins left="1" right="1" top="1" bottom="1" header="0" footer="0"/></worksheet>`;
    const layout = sheetLayout(text, "sheet");
    expect([...layout.cells.sharedIndex]).toEqual([4, -1, -1]);
    expect([...layout.cells.hasValue]).toEqual([1, 1, 1]);
    expect(layout.colItems.map((c) => c.attributes.width)).toEqual(["9"]);
    expect(layout.conditionals).toHaveLength(1);
    expect(layout.conditionals[0].rules[0].formulas).toEqual(["A1>1"]);
    expect(layout.conditionals[0].rules[0].attributes.priority).toBe("3");
    expect(text.slice(tagStart(text, layout.afterConditionalOpenEnd!))).toMatch(/^<pageMargins/);
  });

  it("fails on damaged XML with the reader's Vietnamese message", () => {
    expect(() =>
      sheetLayout(
        `<worksheet xmlns="${NS}"><sheetData><row></sheetData>`,
        "xl/worksheets/sheet1.xml"
      )
    ).toThrow(/Tệp bị hỏng: phần "xl\/worksheets\/sheet1.xml"/);
  });

  it("reads the bundled sample's sheets", () => {
    const pkg = openPackage(new Uint8Array(readFileSync(SAMPLE)));
    const sheet = pkg.sheets.find((s) => s.kind === "worksheet")!;
    const bytes = pkg.parts.get(sheet.partPath)!;
    expectLayoutMatches(partText(bytes), sheetLayout(bytes, sheet.partPath));
  });
});

describe("layouts recorded by the reader", () => {
  it.each(corpusFiles)(
    "%s: the reader's pass records the same layouts as a pass of their own, and the copy patched with them is the same",
    (file) => {
      const bytes = new Uint8Array(readFileSync(path.join(CORPUS, file)));
      const book = readWorkbook(bytes, undefined, { keepLayouts: true });
      const worksheets = book.package.sheets.filter((s) => s.kind === "worksheet");
      expect([...book.layouts.keys()].sort()).toEqual(worksheets.map((s) => s.partPath).sort());
      for (const sheet of worksheets)
        expect(book.layouts.get(sheet.partPath)).toEqual(
          sheetLayout(book.package.parts.get(sheet.partPath)!, sheet.partPath)
        );
      expect(readWorkbook(bytes).layouts.size).toBe(0);

      const run = scoreWorkbook(
        book.sheets.map((s) => s.grid),
        {
          criteria: null,
          today: "2025-11-20",
          workbook: { sheetNames: worksheets.map((s) => s.name), names: book.names },
        }
      );
      const edits = {
        plans: run.plans,
        summary: run.summarySheet,
      };
      const withLayouts = unzipSync(patchWorkbook(bytes, edits, {}, book));
      const ownPass = unzipSync(patchWorkbook(bytes, edits, {}, { package: book.package }));
      expect(Object.keys(withLayouts)).toEqual(Object.keys(ownPass));
      for (const part of Object.keys(ownPass))
        expect(Buffer.from(withLayouts[part]).equals(Buffer.from(ownPass[part]))).toBe(true);
    }
  );
});

describe("styleNumber and cellStyle", () => {
  it("keeps a style id as a number when it is written as one, else as written", () => {
    expect(styleNumber("12")).toBe(12);
    expect(styleNumber("0")).toBe(0);
    expect(styleNumber(undefined)).toBe(-1);
    expect(styleNumber("012")).toBe(-2);
    expect(styleNumber("1.5")).toBe(-2);
    expect(styleNumber("")).toBe(-2);
    const layout = sheetLayout(
      `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" s="012"/><c r="B1" s="7"/><c r="C1"/></row></sheetData></worksheet>`,
      "sheet"
    );
    expect([0, 1, 2].map((i) => cellStyle(layout.cells, i))).toEqual(["012", "7", undefined]);
  });
});

describe("columnOfRef", () => {
  it("reads the column of a reference, $ and lower case included", () => {
    expect(columnOfRef("A1")).toBe(0);
    expect(columnOfRef("AB12")).toBe(27);
    expect(columnOfRef("$xfd$1")).toBe(16_383);
  });
});
