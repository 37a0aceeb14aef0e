import { scoreActiveSheet } from "../../src/excel/score-active-sheet";
import { FakeExcel, FakeSheet } from "../support/fake-excel";
import { templateGrid } from "../core/assessment/template-grid";
import { LAYOUT_1 } from "../fixtures/assessment/templates";

beforeAll(() => {
  (globalThis as unknown as { Excel: unknown }).Excel = FakeExcel.enums;
});

describe("scoreActiveSheet on a self-assessment table (layout 1), no criteria set chosen", () => {
  it("scores from the table's own set, writes beside it and leaves the input cells alone", async () => {
    const grid = templateGrid(LAYOUT_1);
    const sheet = new FakeSheet(
      LAYOUT_1.sheetName,
      grid.values.map((row) => row.map((v) => v ?? ""))
    );
    const excel = new FakeExcel([sheet]);
    const inputs = () =>
      [...sheet.cells.entries()]
        .filter(([key]) => Number(key.split(",")[1]) <= 6)
        .map(([key, cell]) => `${key}=${JSON.stringify(cell)}`)
        .sort();
    const before = inputs();
    const outcome = await scoreActiveSheet(excel.context(), {
      criteria: null,
      today: "2025-11-20",
    });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.run.summary.criteriaSet?.id).toBe("bang-tu-danh-gia");
    expect(outcome.run.summary.points).toBe(8.57);
    expect(outcome.run.summary.appraisal?.differences.map((d) => d.code)).toEqual([
      "1.1.1",
      "2.3",
      "1.3",
    ]);
    expect(inputs()).toEqual(before);
    // The computed points of 1.1.1 (row 7) in the first output column, right of "Ghi chú" (G).
    expect(sheet.valueAt("H4")).toBe("Điểm tính toán (tự động)");
    expect(sheet.valueAt("H7")).toBe(1);
    expect(sheet.valueAt("H8") ?? "").toBe(""); // an option row gets no points of its own
    const summary = excel.sheets.find((s) => s.name === "Tổng hợp")!;
    const texts = [...summary.cells.values()].map((c) =>
      String((c as { value?: unknown }).value ?? "")
    );
    expect(texts).toContain("Đối chiếu điểm");
  });
});

describe("scoreActiveSheet run twice on a self-assessment table", () => {
  it("rewrites its own (tự động) block in place: no second block beside it", async () => {
    const grid = templateGrid(LAYOUT_1);
    const sheet = new FakeSheet(
      LAYOUT_1.sheetName,
      grid.values.map((row) => row.map((v) => v ?? ""))
    );
    const excel = new FakeExcel([sheet]);
    const options = { criteria: null, today: "2025-11-20" };
    const first = await scoreActiveSheet(excel.context(), options);
    expect(first.ok).toBe(true);
    const cellsAfterFirst = [...sheet.cells.keys()].sort();
    const second = await scoreActiveSheet(excel.context(), options);
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    expect(second.run.summary.points).toBe(8.57);
    // H:L hold our block; nothing written from M on, and no cell that was not there before.
    expect(sheet.valueAt("H4")).toBe("Điểm tính toán (tự động)");
    expect(sheet.valueAt("M4") ?? "").toBe("");
    expect([...sheet.cells.keys()].sort()).toEqual(cellsAfterFirst);
  });
});

describe("scoreActiveSheet on a self-assessment table without a deadline column (issue 19.8)", () => {
  it("writes a three-column block: no due or state column, no formulas, no overdue fills", async () => {
    const grid = templateGrid(LAYOUT_1);
    const sheet = new FakeSheet(
      LAYOUT_1.sheetName,
      grid.values.map((row) => row.map((v) => v ?? ""))
    );
    const excel = new FakeExcel([sheet]);
    const options = { criteria: null, today: "2025-11-20" };
    const outcome = await scoreActiveSheet(excel.context(), options);
    expect(outcome.ok).toBe(true);
    expect(sheet.valueAt("H4")).toBe("Điểm tính toán (tự động)");
    expect(sheet.valueAt("J4")).toBe("Cảnh báo (tự động)");
    expect(sheet.valueAt("K4") ?? "").toBe("");
    const texts = [...sheet.cells.values()].map((c) => String(c.formula ?? c.value));
    expect(texts).not.toContain("Hạn chót (tự động)");
    expect(texts).not.toContain("Tình trạng hạn (tự động)");
    expect([...sheet.cells.values()].filter((c) => c.formula !== undefined)).toEqual([]);
    expect(sheet.conditionalFormats).toEqual([]);
    expect([...sheet.columnWidths.keys()].sort((a, b) => a - b)).toEqual([7, 8, 9]);
    // The marker records the narrower block, and a re-run rewrites it in place.
    expect([...excel.names.values()].filter((v) => /\$H\$4:\$J\$4$/.test(v))).toHaveLength(1);
    const cells = [...sheet.cells.keys()].sort();
    const again = await scoreActiveSheet(excel.context(), options);
    expect(again.ok).toBe(true);
    expect([...sheet.cells.keys()].sort()).toEqual(cells);
    expect(sheet.valueAt("K4") ?? "").toBe("");
  });
});
