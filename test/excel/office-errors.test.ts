/**
 * Every Office.js error code the docs list gets a Vietnamese message fitted to where it
 * happened (issue 24 item 9).
 */
import { scoreActiveSheet } from "../../src/excel/score-active-sheet";
import {
  AddinRefusal,
  describeOfficeError,
  KNOWN_OFFICE_ERROR_CODES,
  type ErrorPlace,
} from "../../src/excel/office-errors";
import { describeError } from "../../src/excel/workbook-api";
import { TASK_SHEET } from "../../samples/sample-tables";
import { DIEN_BAN_2025 } from "../core/fixtures";
import { FakeExcel, FakeSheet, officeError } from "../support/fake-excel";

const GENERIC = "Không thực hiện được do lỗi từ Excel";
const places: ErrorPlace[] = ["read", "write", "select", "settings", "rollup", "criteria"];

beforeAll(() => {
  (globalThis as unknown as { Excel: unknown }).Excel = FakeExcel.enums;
});

describe("Office error messages", () => {
  it.each([
    "ApiNotFound",
    "GeneralException",
    "InvalidArgument",
    "InvalidOperation",
    "ItemAlreadyExists",
    "RequestPayloadSizeLimitExceeded",
    "ResponsePayloadSizeLimitExceeded",
    "InactiveWorkbook",
  ])("gives %s its own message (the issue's list), not the generic one", (code) => {
    expect(describeError(officeError(code, "x"))).not.toContain(GENERIC);
  });

  it("has a message for every code of Excel.ErrorCodes and OfficeExtension.ErrorCodes, at every place", () => {
    for (const code of KNOWN_OFFICE_ERROR_CODES)
      for (const place of places) {
        const message = describeOfficeError(officeError(code, "x"), { place });
        expect(message).not.toContain(GENERIC);
        expect(message).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵêềếểễệôồốổỗộơờớởỡợưừứửữựđ]/);
      }
  });

  it("speaks of a row to select only where something is selected", () => {
    const error = officeError("ItemNotFound", "x");
    expect(describeError(error, { place: "select" })).toContain("dòng cần chọn");
    for (const place of ["read", "write", "rollup", "settings"] as const)
      expect(describeError(error, { place })).not.toContain("cần chọn");
  });

  it("shows our own refusals as they are", () => {
    expect(describeError(new AddinRefusal("Sổ làm việc đang được bảo vệ."))).toBe(
      "Sổ làm việc đang được bảo vệ."
    );
  });

  it("tells the user to press Enter or Esc when a cell was being edited during the writes", async () => {
    const sheet = new FakeSheet(
      TASK_SHEET.name,
      TASK_SHEET.rows.map((r) => r.map((v) => v ?? ""))
    );
    const excel = new FakeExcel([sheet]);
    excel.failSync(3, "InvalidOperationInCellEditMode"); // 1: what is known, 2: the cells, 3: writes
    const outcome = await scoreActiveSheet(
      excel.context(),
      { criteria: DIEN_BAN_2025, today: "2025-11-20" },
      { supports: (version) => excel.supports(version) }
    );
    expect(outcome.ok).toBe(false);
    const message = outcome.ok ? "" : outcome.message;
    expect(message).toContain("bấm Enter hoặc Esc");
    expect(message).toContain("Chấm điểm lại");
  });
});
