/**
 * Builds samples/phu-luc-par-index-2025.xlsx from samples/sample-tables.ts.
 * Run: npx tsx scripts/build-sample.ts
 */
import path from "node:path";
import ExcelJS from "exceljs";
import { CRITERIA_SHEET, TASK_SHEET, type SampleSheet } from "../samples/sample-tables";

export const SAMPLE_PATH = path.join(__dirname, "..", "samples", "phu-luc-par-index-2025.xlsx");

function addSheet(workbook: ExcelJS.Workbook, sample: SampleSheet): void {
  const sheet = workbook.addWorksheet(sample.name, { pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1 } });
  const width = sample.widths.length;
  sample.rows.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value !== "" && value !== null) sheet.getCell(r + 1, c + 1).value = value;
    });
    for (let c = 1; c <= width; c++) sheet.getCell(r + 1, c).alignment = { wrapText: true, vertical: "top" };
    if (sample.headerRows.includes(r)) {
      for (let c = 1; c <= width; c++) {
        const cell = sheet.getCell(r + 1, c);
        cell.font = { bold: true };
        cell.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
        cell.border = { top: { style: "thin" }, bottom: { style: "thin" }, left: { style: "thin" }, right: { style: "thin" } };
      }
    }
    if (sample.mergedRows.includes(r)) {
      sheet.mergeCells(r + 1, row.length > 1 ? 2 : 1, r + 1, width);
      for (let c = 1; c <= width; c++) sheet.getCell(r + 1, c).font = { bold: true };
    }
  });
  for (const [r, c, format] of sample.numberFormats ?? []) sheet.getCell(r + 1, c + 1).numFmt = format;
  sample.widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
}

export async function buildSample(file = SAMPLE_PATH): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "par-index-scorer (mẫu)";
  // A fixed date keeps the file identical from one build to the next.
  workbook.created = new Date(Date.UTC(2025, 10, 1));
  workbook.modified = workbook.created;
  addSheet(workbook, TASK_SHEET);
  addSheet(workbook, CRITERIA_SHEET);
  await workbook.xlsx.writeFile(file);
}

if (require.main === module) {
  buildSample().then(() => process.stdout.write(`Đã tạo ${SAMPLE_PATH}\n`));
}
