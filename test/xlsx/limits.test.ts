/**
 * Issue 10, "Time and memory": each hostile file is refused with the right message before
 * the work that would exceed a limit, or (stray formatted cells) simply read as the small
 * table it is. Files are built here, small; times and memory are measured in bench/read.ts.
 */
import { strToU8, zipSync } from "fflate";
import { DEFAULT_LIMITS } from "../../src/xlsx/limits";
import { isPackageError, type PackageError } from "../../src/xlsx/package-error";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import {
  appendixRows,
  declareUncompressedSize,
  numberCell,
  textCell,
  workbookBytes,
  workbookParts,
} from "./workbook-bytes";

function refusal(run: () => unknown): PackageError {
  let caught: unknown = null;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(isPackageError(caught)).toBe(true);
  return caught as PackageError;
}

const STYLES = `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`;

describe("read limits", () => {
  it("has the documented defaults (a 100,000-row appendix fits)", () => {
    expect(DEFAULT_LIMITS).toMatchObject({
      maxInputBytes: 100 * 1024 * 1024,
      maxTotalUncompressedBytes: 500 * 1024 * 1024,
      maxSheets: 1_000,
      maxRows: 200_000,
      maxColumns: 1_000,
      maxCells: 5_000_000,
      maxCellTextLength: 32_767,
    });
  });

  it("a stray empty styled cell at XFD1048576 extends nothing: the grid is the table", () => {
    const rows = `${appendixRows(3)}<row r="1048576"><c r="XFD1048576" s="1"/></row>`;
    const bytes = workbookBytes(
      [
        {
          name: "Phụ lục",
          rows,
          before: '<cols><col min="1" max="16384" width="9" style="1"/></cols>',
        },
      ],
      { styles: STYLES }
    );
    const grid = readWorkbook(bytes).sheets[0].grid;
    expect(grid.values).toHaveLength(4);
    expect(Math.max(...grid.values.map((r) => r.length))).toBe(5);
    expect(grid.values[3][1]).toBe("Nhiệm vụ số 3");
  });

  it("a lone value at A1048576: refused, naming the sheet, the row and the limit", () => {
    const rows = `${appendixRows(3)}<row r="1048576">${numberCell("A1048576", 1)}</row>`;
    const error = refusal(() => readWorkbook(workbookBytes([{ name: "Phụ lục", rows }])));
    expect(error.code).toBe("limit");
    expect(error.message).toContain('Trang "Phụ lục" có dữ liệu ở dòng 1.048.576');
    expect(error.message).toContain("giới hạn 200.000 dòng");
  });

  it("a value at XFD1: refused, naming the column", () => {
    const rows = `<row r="1">${textCell("A1", "STT")}${textCell("XFD1", "x")}</row>`;
    const error = refusal(() => readWorkbook(workbookBytes([{ name: "Phụ lục", rows }])));
    expect(error.message).toContain('Trang "Phụ lục" có dữ liệu ở cột XFD');
    expect(error.message).toContain("1.000 cột");
  });

  it("rows stop at the limit while streaming (a dense sheet past it is not read to the end)", () => {
    const error = refusal(() =>
      readWorkbook(workbookBytes([{ name: "Bảng", rows: appendixRows(1_500) }]), { maxRows: 1_000 })
    );
    expect(error.message).toContain('Trang "Bảng" có dữ liệu ở dòng 1.001');
  });

  it("cells: a grid larger than the cell limit is refused before it is allocated", () => {
    const error = refusal(() =>
      readWorkbook(workbookBytes([{ name: "Bảng", rows: appendixRows(100) }]), { maxCells: 200 })
    );
    expect(error.message).toContain('Trang "Bảng" có vùng dữ liệu ít nhất');
    expect(error.message).toContain("giới hạn 200 ô");
  });

  it("one cell longer than Excel's 32,767 characters: refused with its address", () => {
    const rows = `${appendixRows(1)}<row r="3">${textCell("F3", "9".repeat(32_768))}</row>`;
    const error = refusal(() => readWorkbook(workbookBytes([{ name: "Phụ lục", rows }])));
    expect(error.message).toContain("Ô 'Phụ lục'!F3 chứa 32.768 ký tự");
    expect(error.message).toContain("32.767");
  });

  it("32,767 characters in a cell are read", () => {
    const rows = `${appendixRows(1)}<row r="3">${textCell("F3", "9".repeat(32_767))}</row>`;
    const grid = readWorkbook(workbookBytes([{ name: "Phụ lục", rows }])).sheets[0].grid;
    expect((grid.values[2][5] as string).length).toBe(32_767);
  });

  it("10,000 sheets: refused by the sheet limit before any sheet is read", () => {
    const sheets = Array.from({ length: 10_000 }, (_, i) => ({ name: `Trang ${i + 1}` }));
    const bytes = workbookBytes(sheets, { withSheetParts: false });
    const error = refusal(() => readWorkbook(bytes));
    expect(error.message).toContain("Sổ làm việc có 10.000 trang tính, vượt giới hạn 1.000 trang");
  });

  it("1,000 sheets read (the limit itself is allowed)", () => {
    const sheets = Array.from({ length: 1_000 }, (_, i) => ({
      name: `Trang ${i + 1}`,
      rows: `<row r="1">${textCell("A1", `Bảng ${i + 1}`)}</row>`,
    }));
    const result = readWorkbook(workbookBytes(sheets));
    expect(result.sheets).toHaveLength(1_000);
    expect(result.sheets[999].grid.values[0][0]).toBe("Bảng 1000");
  });

  it("a part declaring 400 MB uncompressed: refused from the zip directory, nothing inflated", () => {
    const bytes = declareUncompressedSize(
      workbookBytes([{ name: "Phụ lục", rows: appendixRows(2) }]),
      "xl/worksheets/sheet1.xml",
      400 * 1024 * 1024
    );
    const error = refusal(() => readWorkbook(bytes));
    expect(error.code).toBe("limit");
    expect(error.message).toContain('Phần "xl/worksheets/sheet1.xml"');
    expect(error.message).toContain("400 MB");
    expect(error.message).toContain("giới hạn 200 MB");
  });

  it("parts adding up past the total: refused with the total", () => {
    const parts = workbookParts([
      { name: "A", rows: appendixRows(1) },
      { name: "B", rows: appendixRows(1) },
      { name: "C", rows: appendixRows(1) },
    ]);
    let bytes: Uint8Array = zipSync(parts);
    for (const i of [1, 2, 3])
      bytes = declareUncompressedSize(bytes, `xl/worksheets/sheet${i}.xml`, 190 * 1024 * 1024);
    const error = refusal(() => readWorkbook(bytes));
    expect(error.message).toContain("vượt giới hạn 500 MB");
  });

  it("too many zip entries: refused before inflating", () => {
    const parts = workbookParts([{ name: "A", rows: appendixRows(1) }]);
    for (let i = 0; i < 50; i++) parts[`xl/media/image${i}.png`] = strToU8("x");
    const error = refusal(() => readWorkbook(zipSync(parts), { maxEntries: 20 }));
    expect(error.message).toMatch(/Tệp chứa \d+ phần, vượt giới hạn 20 phần/);
  });

  it("an input larger than the input limit: refused by its size", () => {
    const bytes = workbookBytes([{ name: "A", rows: appendixRows(50) }]);
    const error = refusal(() => readWorkbook(bytes, { maxInputBytes: 1_000 }));
    expect(error.message).toContain("Tệp quá lớn");
  });

  it("overlapping merges that cost more than the grid: refused as damaged", () => {
    const merges = Array.from({ length: 300 }, () => '<mergeCell ref="A1:Z200"/>').join("");
    const rows = Array.from(
      { length: 200 },
      (_, r) => `<row r="${r + 1}">${textCell(`Z${r + 1}`, "x")}</row>`
    ).join("");
    const error = refusal(() =>
      readWorkbook(
        workbookBytes([{ name: "Gộp", rows, after: `<mergeCells>${merges}</mergeCells>` }]),
        {
          maxCells: 10_000,
        }
      )
    );
    expect(error.message).toContain('Trang "Gộp" có các vùng gộp ô chồng lên nhau');
  });

  it("too many merged areas: refused with the sheet", () => {
    const merges = Array.from(
      { length: 30 },
      (_, i) => `<mergeCell ref="A${i + 1}:B${i + 1}"/>`
    ).join("");
    const error = refusal(() =>
      readWorkbook(
        workbookBytes([
          { name: "Gộp", rows: appendixRows(1), after: `<mergeCells>${merges}</mergeCells>` },
        ]),
        {
          maxMerges: 10,
        }
      )
    );
    expect(error.message).toContain('Trang "Gộp" có hơn 10 vùng gộp ô');
  });
});
