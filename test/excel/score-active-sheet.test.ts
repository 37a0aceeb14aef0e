import { scoreActiveSheet, MAX_REQUEST_BYTES } from "../../src/excel/score-active-sheet";
import { syntheticGrid } from "../../bench/synthetic-table";
import { CRITERIA_SHEET, TASK_SHEET } from "../../samples/sample-tables";
import { DIEN_BAN_2025 } from "../core/fixtures";
import { FakeExcel, FakeSheet } from "../support/fake-excel";
import type { SampleSheet } from "../../samples/sample-tables";
import { criteriaSetToSheet, readCriteriaSheet } from "../../src/core/criteria-sheet";
import { insertCriteriaSheet } from "../../src/excel/criteria-sheet";

beforeAll(() => {
  (globalThis as unknown as { Excel: unknown }).Excel = FakeExcel.enums;
});

const options = { criteria: DIEN_BAN_2025, today: "2025-11-20" };
const sheetOf = (sample: SampleSheet) => new FakeSheet(sample.name, sample.rows.map((r) => r.map((v) => v ?? "")));

/** Every input cell, to compare before and after. */
function inputSnapshot(sheet: FakeSheet, lastColumn: number): string[] {
  return [...sheet.cells.entries()]
    .filter(([key]) => Number(key.split(",")[1]) <= lastColumn)
    .map(([key, cell]) => `${key}=${JSON.stringify(cell)}`)
    .sort();
}

describe("scoreActiveSheet", () => {
  it("scores the sample's criteria sheet in two round trips and writes the owned block", async () => {
    const sheet = sheetOf(CRITERIA_SHEET);
    const excel = new FakeExcel([sheet]);
    const before = inputSnapshot(sheet, 8);
    const outcome = await scoreActiveSheet(excel.context(), options);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(excel.syncs).toBe(2);
    expect(outcome.run.summary.points).toBe(4.24);
    expect(inputSnapshot(sheet, 8)).toEqual(before);
    expect(sheet.valueAt("J4")).toBe("Điểm tính toán (tự động)");
    expect(sheet.valueAt("J6")).toBe(1.28);
    expect(sheet.valueAt("L10")).toBe("⚠ Tỷ lệ 93,5% < 95%: không chấm điểm, mất 1,5 điểm\n⚠ Ô 'Tự chấm điểm 2025'!G10: điểm tự chấm 1,5 khác điểm tính toán 0");
    expect(String(sheet.valueAt("N6"))).toMatch(/^=IF\(RC\[-1\]="",""/);
    expect(sheet.valueAt("N14")).toBe("Tình trạng hạn (tự động)"); // the repeated header row
    expect(sheet.conditionalFormats.map((cf) => cf.range)).toEqual(["A6:N21", "A6:N21"]);
    const summary = excel.sheets.find((s) => s.name === "Tổng hợp")!;
    expect(summary.valueAt("A1")).toBe("TỔNG HỢP CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX)");
    expect(summary.charts).toHaveLength(1);
    expect(summary.activated).toBe(false);
  });

  it("is idempotent: a second run keeps one block, one pair of rules and one summary sheet", async () => {
    const sheet = sheetOf(TASK_SHEET);
    const excel = new FakeExcel([sheet]);
    await scoreActiveSheet(excel.context(), options);
    const first = [...sheet.cells.entries()].map(([k, c]) => `${k}=${JSON.stringify(c)}`).sort();
    const second = await scoreActiveSheet(excel.context(), options, { showSummary: true });
    expect(second.ok).toBe(true);
    expect([...sheet.cells.entries()].map(([k, c]) => `${k}=${JSON.stringify(c)}`).sort()).toEqual(first);
    expect(sheet.conditionalFormats).toHaveLength(2);
    expect([...excel.names.values()]).toEqual(["'Phụ lục KH CCHC'!$I$5:$M$5"]);
    expect(excel.sheets.filter((s) => s.name === "Tổng hợp")).toHaveLength(1);
    expect(excel.sheets.find((s) => s.name === "Tổng hợp")!.activated).toBe(true);
  });

  it.each([10, 50_000])("uses a constant number of round trips for %i rows, each request under 4 MB", async (rows) => {
    const grid = syntheticGrid(rows);
    const excel = new FakeExcel([new FakeSheet(grid.sheetName, grid.values)]);
    const outcome = await scoreActiveSheet(excel.context(), options);
    expect(outcome.ok).toBe(true);
    expect(excel.syncs).toBe(2);
    expect(Math.max(...excel.requestBytes)).toBeLessThan(MAX_REQUEST_BYTES);
  });

  describe("changes nothing and explains, in Vietnamese", () => {
    async function refused(sheet: FakeSheet): Promise<string> {
      const excel = new FakeExcel([sheet]);
      const before = JSON.stringify([...sheet.cells.entries()]);
      const outcome = await scoreActiveSheet(excel.context(), options);
      expect(outcome.ok).toBe(false);
      expect(JSON.stringify([...sheet.cells.entries()])).toBe(before);
      expect(excel.sheets.map((s) => s.name)).toEqual([sheet.name]);
      expect(excel.syncs).toBe(1);
      return outcome.ok ? "" : outcome.message;
    }

    it("on a protected sheet", async () => {
      const sheet = sheetOf(TASK_SHEET);
      sheet.protected = true;
      expect(await refused(sheet)).toContain("đang được bảo vệ");
    });

    it("on an empty sheet", async () => {
      expect(await refused(new FakeSheet("Sheet1"))).toContain("đang trống");
    });

    it("on a sheet without a table", async () => {
      expect(await refused(new FakeSheet("Ghi chú", [["Danh sách cán bộ"], ["Nguyễn Văn A", 1980]]))).toContain("không có bảng phụ lục");
    });

    it("when a header of its own block was retyped (found through the defined name)", async () => {
      const sheet = sheetOf(TASK_SHEET);
      const excel = new FakeExcel([sheet]);
      await scoreActiveSheet(excel.context(), options);
      sheet.ensure(4, 8).value = "Điểm";
      const again = await scoreActiveSheet(excel.context(), options);
      expect(again.ok ? "" : again.message).toContain("'Phụ lục KH CCHC'!I5 đã bị sửa");
    });

    it("when the user typed where the block would go", async () => {
      const sheet = sheetOf(TASK_SHEET);
      sheet.ensure(10, 9).value = "ghi chú riêng";
      expect(await refused(sheet)).toContain("'Phụ lục KH CCHC'!J11");
    });
  });
});

describe("the workbook's criteria sheet in the add-in", () => {
  const criteriaSheetOf = (grid: { values: Array<Array<string | number | boolean | null>> }) =>
    new FakeSheet("Bộ tiêu chí", grid.values.map((r) => r.map((v) => v ?? "")));

  it("scores with the set in the sheet, over the chosen one, in one more round trip", async () => {
    const content = criteriaSetToSheet(DIEN_BAN_2025);
    const r = content.values.findIndex((row) => row[0] === "III.4");
    content.values[r][5] = 0.9;
    const excel = new FakeExcel([sheetOf(CRITERIA_SHEET), criteriaSheetOf(content)]);
    const outcome = await scoreActiveSheet(excel.context(), { criteria: null, today: "2025-11-20" });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(excel.syncs).toBe(3);
    expect(outcome.run.summary.criteriaSet?.id).toBe("xa-2025-dien-ban");
    expect(outcome.run.results[0].tables[0].rows.find((row) => row.criterion === "III.4")!.points).toBe(1.4);
  });

  it("stops with every problem located at its cell, writing nothing", async () => {
    const content = criteriaSetToSheet(DIEN_BAN_2025);
    const r = content.values.findIndex((row) => row[0] === "VI.1");
    content.values[r][3] = 0;
    const scored = sheetOf(CRITERIA_SHEET);
    const excel = new FakeExcel([scored, criteriaSheetOf(content)]);
    const before = JSON.stringify([...scored.cells.entries()]);
    const outcome = await scoreActiveSheet(excel.context(), options);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toEqual([{ address: `'Bộ tiêu chí'!D${r + 1}`, message: `'Bộ tiêu chí'!D${r + 1}: Điểm tối đa phải là số lớn hơn 0` }]);
    expect(JSON.stringify([...scored.cells.entries()])).toBe(before);
  });

  it("refuses to score the criteria sheet itself", async () => {
    const excel = new FakeExcel([criteriaSheetOf(criteriaSetToSheet(DIEN_BAN_2025))]);
    const outcome = await scoreActiveSheet(excel.context(), options);
    expect(outcome).toMatchObject({ ok: false });
    expect(outcome.ok ? "" : outcome.message).toContain("không phải bảng phụ lục");
  });

  it("inserts a built-in set as the sheet once, and never overwrites it", async () => {
    const excel = new FakeExcel([sheetOf(CRITERIA_SHEET)]);
    expect(await insertCriteriaSheet(excel.context(), DIEN_BAN_2025)).toEqual({ ok: true });
    const inserted = excel.sheets.find((s) => s.name === "Bộ tiêu chí")!;
    const grid = { sheetName: "Bộ tiêu chí", values: criteriaSetToSheet(DIEN_BAN_2025).values.map((row, r) => row.map((_, c) => inserted.cell(r, c)?.value ?? "")) };
    expect(readCriteriaSheet(grid)).toEqual({ ok: true, value: DIEN_BAN_2025 });
    const again = await insertCriteriaSheet(excel.context(), DIEN_BAN_2025);
    expect(again).toMatchObject({ ok: false });
  });
});
