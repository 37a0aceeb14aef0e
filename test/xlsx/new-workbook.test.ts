import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { newWorkbook, type WorkbookSheet } from "../../src/xlsx/new-workbook";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { colourPixelsPerPage } from "../support/pdf-pixels";
import { convertWithLibreOffice, describeWithLibreOffice } from "../support/libreoffice";

const ranking: WorkbookSheet = {
  name: "Xếp hạng",
  sheet: {
    values: [
      ["TỔNG HỢP CHỈ SỐ CCHC"],
      [],
      ["Hạng", "Đơn vị", "Điểm tính toán theo bộ tiêu chí"],
      [1, "Phường La Khê", 8.25],
      [2, "Xã Hoà Tiến", 7.5],
      [3, "=Phường Điện Bàn", 0.125],
    ],
    widths: [8, 30, 10],
    frozenRows: 3,
    frozenColumns: 2,
    print: { landscape: true, fitToWidth: true },
    lookAt: (r, c) =>
      r === 0
        ? { bold: true, size: 14 }
        : r === 2
          ? { bold: true, fill: "#DDEBF7", wrap: true }
          : r > 2 && c === 2
            ? { numberFormat: "0.00", fill: r === 5 ? "#F8CBAD" : undefined }
            : undefined,
  },
  chart: {
    sheet: "Xếp hạng",
    title: "Tổng điểm theo đơn vị",
    headerRow: 3,
    categoryColumn: 1,
    firstRow: 4,
    lastRow: 6,
    categories: ["Phường La Khê", "Xã Hoà Tiến", "=Phường Điện Bàn"],
    series: [{ name: "Điểm tính toán theo bộ tiêu chí", column: 2, values: [8.25, 7.5, 0.125] }],
    anchorColumn: 4,
    anchorRow: 3,
  },
};
const warnings: WorkbookSheet = {
  name: "Cảnh báo",
  sheet: {
    values: [
      ["Đơn vị", "Cảnh báo"],
      ["Phường La Khê", "Tỷ lệ 93,5% < 95%: không chấm điểm"],
    ],
    widths: [20, 60],
    frozenRows: 1,
    lookAt: () => undefined,
  },
};

describe("newWorkbook (a workbook that is ours entirely)", () => {
  const bytes = newWorkbook([ranking, warnings]);

  it("is read back by the package reader with every value, text staying text", () => {
    const book = readWorkbook(bytes);
    expect(book.sheets.map((s) => s.name)).toEqual(["Xếp hạng", "Cảnh báo"]);
    expect(book.sheets[0].grid.values[5]).toEqual([3, "=Phường Điện Bàn", 0.125]);
    expect(book.sheets[1].grid.values[1][1]).toBe("Tỷ lệ 93,5% < 95%: không chấm điểm");
    const sheet = strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"]);
    expect(sheet).not.toContain("<f>");
  });

  it("is read by ExcelJS with its frozen panes, fills, number formats, widths and chart", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("Xếp hạng")!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 3 });
    expect(workbook.getWorksheet("Cảnh báo")!.views[0]).toMatchObject({
      state: "frozen",
      ySplit: 1,
    });
    expect((sheet.getCell("A3").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFDDEBF7");
    expect(sheet.getCell("A3").font?.bold).toBe(true);
    expect((sheet.getCell("C6").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFF8CBAD");
    expect(sheet.getCell("C4").numFmt).toBe("0.00");
    expect(sheet.getColumn(2).width).toBe(30);
    // Rows tall enough for a 14-point title's Vietnamese capitals and a wrapped header.
    expect(sheet.getRow(1).height).toBeGreaterThanOrEqual(14 * 1.5);
    expect(sheet.getRow(3).height).toBeGreaterThanOrEqual(2 * 15);
    expect(sheet.getRow(4).height).toBeUndefined();
    expect(sheet.pageSetup).toMatchObject({
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(workbook.getWorksheet("Cảnh báo")!.pageSetup.orientation).not.toBe("landscape");
    const parts = unzipSync(bytes);
    expect(strFromU8(parts["xl/charts/chart1.xml"])).toContain("Tổng điểm theo đơn vị");
    expect(strFromU8(parts["xl/worksheets/_rels/sheet1.xml.rels"])).toContain("drawing1.xml");
    expect(parts["xl/worksheets/_rels/sheet2.xml.rels"]).toBeUndefined();
  });

  it("refuses to make a workbook without a sheet (Excel opens none)", () => {
    expect(() => newWorkbook([])).toThrow();
  });
});

describeWithLibreOffice("newWorkbook opened by LibreOffice Calc", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "par-new-workbook-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("opens with both sheets, their values and the chart, and saves them again", () => {
    const input = path.join(dir, "tong-hop.xlsx");
    writeFileSync(input, newWorkbook([ranking, warnings]));
    const out = path.join(dir, "resaved");
    mkdirSync(out);
    const resaved = readFileSync(convertWithLibreOffice(input, "xlsx", out));
    const book = readWorkbook(resaved);
    expect(book.sheets.map((s) => s.name)).toEqual(["Xếp hạng", "Cảnh báo"]);
    expect(book.sheets[0].grid.values.slice(2)).toEqual([
      ["Hạng", "Đơn vị", "Điểm tính toán theo bộ tiêu chí"],
      [1, "Phường La Khê", 8.25],
      [2, "Xã Hoà Tiến", 7.5],
      [3, "=Phường Điện Bàn", 0.125],
    ]);
    expect(book.sheets[1].grid.values[1][0]).toBe("Phường La Khê");
    const parts = unzipSync(resaved);
    const chart = Object.keys(parts).find((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(chart).toBeDefined();
    expect(strFromU8(parts[chart!])).toContain("Tổng điểm theo đơn vị");
  });

  it("carries a theme part, so LibreOffice draws the chart's bars (without it: axes, no bars)", () => {
    const input = path.join(dir, "bars.xlsx");
    writeFileSync(input, newWorkbook([ranking]));
    expect(Object.keys(unzipSync(readFileSync(input)))).toContain("xl/theme/theme1.xml");
    const out = path.join(dir, "pdf");
    mkdirSync(out);
    const pdf = convertWithLibreOffice(input, "pdf", out);
    // The bar colour: the theme's first accent, 4F81BD.
    const bar = colourPixelsPerPage(pdf, [0x4f, 0x81, 0xbd]).reduce((a, b) => a + b, 0);
    expect(bar).toBeGreaterThan(200);
  });
});
