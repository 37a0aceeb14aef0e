/* global Excel */
/**
 * Puts a criteria set into the workbook as the editable "Bộ tiêu chí" sheet (Office.js).
 * One round trip to check the sheet is not there, one to write it.
 */
import { criteriaSetToSheet } from "../core/criteria/criteria-sheet";
import { columnLetter } from "../core/read/grid";
import { CRITERIA_SHEET_NAME } from "../core/read/output-columns";
import type { CriteriaSet } from "../core/criteria/schema";
import { COLORS } from "../core/write/write-plan";
import { POINTS_PER_CHAR } from "./score-active-sheet";

export type InsertOutcome = { ok: true } | { ok: false; message: string };

export async function insertCriteriaSheet(
  context: Excel.RequestContext,
  set: CriteriaSet
): Promise<InsertOutcome> {
  const existing = context.workbook.worksheets.getItemOrNullObject(CRITERIA_SHEET_NAME);
  existing.load("name");
  await context.sync();
  if (!existing.isNullObject) {
    return {
      ok: false,
      message: `Tệp đã có trang "${CRITERIA_SHEET_NAME}": công cụ không ghi đè trang người dùng đã sửa. Đổi tên hoặc xoá trang cũ nếu muốn chèn bộ khác.`,
    };
  }
  const content = criteriaSetToSheet(set);
  const sheet = context.workbook.worksheets.add(CRITERIA_SHEET_NAME);
  const width = content.values[0].length;
  const all = sheet.getRange(`A1:${columnLetter(width - 1)}${content.values.length}`);
  all.numberFormat = content.numberFormats;
  all.values = content.values as (string | number | boolean)[][];
  const header = sheet.getRange(
    `A${content.headerRow + 1}:${columnLetter(width - 1)}${content.headerRow + 1}`
  );
  header.format.font.bold = true;
  header.format.fill.color = COLORS.outputHeaderFill;
  header.format.wrapText = true;
  sheet.getRange("A1").format.font.bold = true;
  sheet.getRange("C:C").format.columnWidth = 60 * POINTS_PER_CHAR;
  sheet.getRange(`D:${columnLetter(width - 1)}`).format.columnWidth = 14 * POINTS_PER_CHAR;
  sheet.activate();
  await context.sync();
  return { ok: true };
}
