/**
 * readWorkbook on the corpus of files written by real programs (test/fixtures/corpus):
 * every file reads; values, merges, hidden rows and columns, number formats, the 1904
 * conversion, names and sheet-scoped markers are spot-checked; and two independent readers
 * (LibreOffice's CSV export, ExcelJS) agree with ours cell by cell where they can.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { excelSerial, fromExcelSerial } from "../../src/core/parse/dates";
import { cellAt, type Grid } from "../../src/core/read/grid";
import { readWorkbook, type ReadWorkbookResult } from "../../src/xlsx/read-workbook";
import { convertWithLibreOffice, describeWithLibreOffice } from "../support/libreoffice";

const CORPUS = path.join(__dirname, "../fixtures/corpus");
const corpusFiles = readdirSync(CORPUS).filter((f) => /\.xls[xm]$/.test(f));

function read(file: string): ReadWorkbookResult {
  return readWorkbook(new Uint8Array(readFileSync(path.join(CORPUS, file))));
}

function sheet(result: ReadWorkbookResult, name: string): Grid {
  const found = result.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found.grid;
}

/** A cell by its A1 address (the grids start at A1). */
function at(grid: Grid, a1: string): unknown {
  const match = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const column = match[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return cellAt(grid, Number(match[2]) - 1, column);
}

function formatAtA1(grid: Grid, a1: string): string | undefined {
  const match = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const column = match[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return grid.numberFormats?.[Number(match[2]) - 1]?.[column];
}

describe("readWorkbook on the corpus", () => {
  it("has the corpus files", () => {
    expect(corpusFiles.length).toBeGreaterThanOrEqual(14);
  });

  it.each(corpusFiles)("reads %s with a table header on sheet 'Phụ lục'", (file) => {
    const result = read(file);
    const appendix = sheet(result, "Phụ lục");
    const headerRow = appendix.values.findIndex((row) => row[0] === "STT");
    expect(headerRow).toBeGreaterThanOrEqual(0);
    expect(appendix.values[headerRow]).toEqual(
      expect.arrayContaining(["Nội dung nhiệm vụ", "Tình trạng", "Tài liệu kiểm chứng"])
    );
    expect(appendix.numberFormats).toHaveLength(appendix.values.length);
    appendix.values.forEach((row, r) =>
      expect(appendix.numberFormats![r]).toHaveLength(row.length)
    );
  });

  it("keeps a merged area's value in its top-left cell and reports the merges", () => {
    const grid = sheet(read("lo-merged.xlsx"), "Phụ lục");
    expect(at(grid, "C8")).toBe("Văn phòng HĐND-UBND");
    expect(at(grid, "C9")).toBe("");
    expect(at(grid, "E8")).toBe("Đã hoàn thành");
    expect(grid.merges).toEqual(
      expect.arrayContaining([
        { top: 7, left: 2, bottom: 9, right: 2 }, // C8:C10, owner over three tasks
        { top: 5, left: 7, bottom: 5, right: 8 }, // H6:I6 "Ghi chú"
        { top: 15, left: 0, bottom: 15, right: 8 }, // A16:I16 footnote
        { top: 17, left: 5, bottom: 17, right: 8 }, // F18:I18 "TM. ỦY BAN NHÂN DÂN"
      ])
    );
    expect(at(grid, "H6")).toBe("Ghi chú");
    expect(at(grid, "F18")).toBe("TM. ỦY BAN NHÂN DÂN");
    expect(at(grid, "F23")).toBe("Nguyễn Văn An");
  });

  it("gives numbers, dates as serials and their number formats", () => {
    const grid = sheet(read("lo-merged.xlsx"), "Phụ lục");
    expect(at(grid, "A8")).toBe(1);
    expect(at(grid, "F13")).toBe(0.985);
    expect(formatAtA1(grid, "F13")).toMatch(/0\.0%$/);
    expect(at(grid, "D14")).toBe(excelSerial("2025-12-15"));
    expect(formatAtA1(grid, "D14")).toMatch(/dd\/mm\/yyyy$/);
    expect(at(grid, "F14")).toBe(1.5);
    expect(formatAtA1(grid, "B8")).toBe("General");
  });

  it("reports hidden columns and rows, and every defined name with its scope", () => {
    const result = read("lo-names-hidden.xlsx");
    const grid = sheet(result, "Phụ lục");
    const spare = Array.from({ length: 18 }, (_, i) => 8 + i); // I:Z
    expect(grid.hiddenColumns).toEqual(spare);
    expect(grid.hiddenRows).toEqual([4, 20]);
    expect(result.names).toEqual(
      expect.arrayContaining([
        { name: "BangNhiemVu", reference: "'Phụ lục'!$A$6:$I$14" },
        { name: "VungKetQua", reference: "'Phụ lục'!$F$8:$F$14" },
        { name: "VungKetQua", reference: "'Phụ lục 2'!$A$1" },
      ])
    );
    const scoped = result.package.definedNames.filter((n) => n.name === "VungKetQua");
    expect(scoped.map((n) => n.localSheetId)).toEqual([0, 1]);
  });

  it("moves 1904-system date serials to the 1900 system, and only dates", () => {
    const result = read("lo-1904.xlsx");
    expect(result.date1904).toBe(true);
    const grid = sheet(result, "Phụ lục");
    expect(at(grid, "D12")).toBe(excelSerial("2025-11-10")); // typed 10/11/2025
    expect(at(grid, "D14")).toBe(excelSerial("2025-12-15"));
    expect(at(grid, "A8")).toBe(1); // STT stays a number
    expect(at(grid, "F14")).toBe(1.5);
    expect(at(grid, "F13")).toBe(0.985);
  });

  it("reads an .xlsm as kind xlsm and an .xlsx as xlsx", () => {
    expect(read("lo-macro.xlsm").kind).toBe("xlsm");
    expect(read("lo-merged.xlsx").kind).toBe("xlsx");
  });

  it("reads the cached values of the user's formulas on 'Tổng hợp'", () => {
    const result = read("lo-tong-hop.xlsx");
    const summary = sheet(result, "Tổng hợp");
    expect(at(summary, "A3")).toBe("Đã hoàn thành");
    expect(at(summary, "B3")).toBe(1);
    expect(at(summary, "B5")).toBe(6);
    expect(result.names).toContainEqual({ name: "TongSoNhiemVu", reference: "'Tổng hợp'!$B$5" });
  });

  it("reads a LibreOffice table with autofilter (ExcelJS's crash case)", () => {
    const result = read("lo-autofilter.xlsx");
    expect(result.package.parts.has("xl/tables/table1.xml")).toBe(true);
    expect(at(sheet(result, "Phụ lục"), "B8")).toBe(
      "Ban hành Kế hoạch cải cách hành chính năm 2025"
    );
  });

  it("reads a file without r attributes, with inline strings and every cell type", () => {
    const grid = sheet(read("min-no-refs-inline.xlsx"), "Phụ lục");
    expect(at(grid, "A1")).toBe("PHỤ LỤC NHIỆM VỤ CCHC NĂM 2025");
    expect(grid.values[2]).toEqual([
      "STT",
      "Nội dung nhiệm vụ",
      "Cơ quan chủ trì",
      "Thời gian hoàn thành",
      "Tình trạng",
      "Kết quả",
      "Tài liệu kiểm chứng",
    ]);
    expect(at(grid, "F8")).toBe(0.97);
    // Row 12: number, rich runs without the phonetic run, boolean, error, cached string, ISO date.
    expect(grid.values[11]).toEqual([
      7,
      "Ghi chú",
      true,
      "#DIV/0!",
      "Đạt",
      excelSerial("2025-11-10"),
    ]);
    expect(grid.values).toHaveLength(12);
  });

  it("reads x:-prefixed XML, absolute targets, escapes, hidden sheets and scoped markers", () => {
    const result = read("min-x-prefix.xlsx");
    expect(result.package.workbookPath).toBe("workbook/book.xml");
    const grid = sheet(result, "Phụ lục");
    expect(at(grid, "C3")).toBe("Văn phòng HĐND-UBND");
    expect(at(grid, "F3")).toBe("Dòng 1\r\nDòng 2");
    expect(at(grid, "D3")).toBe(45961);
    expect(formatAtA1(grid, "D3")).toBe("dd/mm/yyyy");
    expect(formatAtA1(grid, "A5")).toBe("0%");
    expect(grid.merges).toEqual([{ top: 2, left: 5, bottom: 2, right: 6 }]);
    expect(grid.hiddenColumns).toHaveLength(18);
    expect(grid.hiddenRows).toEqual([4]);
    expect(grid.markers).toEqual([
      { name: "_ParIndex_demo_1", top: 1, left: 8, bottom: 1, right: 12 },
    ]);
    const hidden = result.sheets.find((s) => s.name === "Ẩn")!;
    expect(hidden.state).toBe("hidden");
    expect(hidden.grid.markers).toEqual([
      { name: "_ParIndex_demo_1", top: 0, left: 1, bottom: 0, right: 5 },
    ]);
  });

  it("reads an openpyxl-shaped file with comments and an Excel 2010+ dropdown", () => {
    const result = read("openpyxl-comments.xlsx");
    expect(result.sheets.map((s) => s.name)).toEqual(["Phụ lục", "Danh mục"]);
    expect(at(sheet(result, "Phụ lục"), "F2")).toBe(1);
    expect(at(sheet(result, "Danh mục"), "A2")).toBe("Đã hoàn thành");
  });
});

/** The cell text ExcelJS reads, as Office.js would give it (slaves of merges empty). */
async function excelJsGrid(file: string, sheetName: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(path.join(CORPUS, file)) as unknown as ArrayBuffer);
  const ws = workbook.getWorksheet(sheetName)!;
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      let value: unknown = cell.value;
      if (value && typeof value === "object" && "result" in value) value = value.result;
      if (value && typeof value === "object" && "richText" in value)
        value = (value as ExcelJS.CellRichTextValue).richText.map((p) => p.text).join("");
      if (value instanceof Date) value = excelSerial(value.toISOString().slice(0, 10));
      if (value === null || value === undefined || value === "") return;
      (rows[r - 1] ??= [])[c - 1] = value;
    });
  });
  return rows;
}

describe("readWorkbook agrees with ExcelJS (another reader) where ExcelJS reads the file", () => {
  // ExcelJS finds no sheet in min-x-prefix.xlsx (x: prefixes) and crashes on openpyxl's and
  // the r-less file; those are checked against LibreOffice below.
  const comparable = [
    "lo-merged.xlsx",
    "lo-styled-grid.xlsx",
    "lo-names-hidden.xlsx",
    "lo-tong-hop.xlsx",
    "lo-autofilter.xlsx",
    "lo-chart-image-comments.xlsx",
    "lo-validation-cf.xlsx",
  ];
  it.each(comparable)("%s: every cell of 'Phụ lục' holding a value is the same", async (file) => {
    const theirs = await excelJsGrid(file, "Phụ lục");
    const ours = sheet(read(file), "Phụ lục");
    let compared = 0;
    const rows = Math.max(theirs.length, ours.values.length);
    for (let r = 0; r < rows; r++) {
      const width = Math.max(theirs[r]?.length ?? 0, ours.values[r]?.length ?? 0);
      for (let c = 0; c < width; c++) {
        const expected = theirs[r]?.[c] ?? "";
        expect([r, c, cellAt(ours, r, c)]).toEqual([r, c, expected]);
        if (expected !== "") compared++;
      }
    }
    expect(compared).toBeGreaterThan(5);
  });
});

describeWithLibreOffice("readWorkbook agrees with LibreOffice's own reading (CSV export)", () => {
  let outDir: string;
  beforeAll(() => {
    outDir = mkdtempSync(path.join(os.tmpdir(), "corpus-csv-"));
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  /** LibreOffice's CSV of the first sheet (displayed text), as rows of fields. */
  function libreOfficeCsv(file: string): string[][] {
    // Without a sheet number LibreOffice exports the first sheet, which is "Phụ lục" in each.
    const csv = convertWithLibreOffice(
      path.join(CORPUS, file),
      "csv:Text - txt - csv (StarCalc):44,34,76,1",
      outDir
    );
    return parseCsv(readFileSync(csv, "utf8"));
  }

  it.each(["lo-merged.xlsx", "lo-1904.xlsx", "min-no-refs-inline.xlsx", "min-x-prefix.xlsx"])(
    "%s: every text cell reads as LibreOffice shows it, dates as the same day",
    (file) => {
      const shown = libreOfficeCsv(file);
      const ours = sheet(read(file), "Phụ lục");
      let texts = 0;
      let dates = 0;
      ours.values.forEach((row, r) =>
        row.forEach((value, c) => {
          if (typeof value === "string" && value !== "" && !value.startsWith("#")) {
            expect([r, c, shown[r]?.[c]]).toEqual([r, c, value.replace(/\r\n/g, "\n")]);
            texts++;
          }
          const format = ours.numberFormats?.[r]?.[c] ?? "";
          if (typeof value === "number" && /dd\/mm\/yyyy/.test(format)) {
            const [y, m, d] = (fromExcelSerial(value) ?? "").split("-");
            expect(shown[r]?.[c]).toBe(`${d}/${m}/${y}`);
            dates++;
          }
        })
      );
      expect(texts).toBeGreaterThan(5);
      if (file.startsWith("lo-")) expect(dates).toBeGreaterThan(0);
    }
  );
});

/** RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n") {
      row.push(field.replace(/\r$/, ""));
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}
