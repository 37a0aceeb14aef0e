import { scoreWorkbook } from "../../src/core/run";
import { OUTPUT_COLUMNS } from "../../src/core/output-columns";
import { isOwnConditionalFormula, isStateCell, planSheetWrites, stateFormulaAt } from "../../src/core/write-plan";
import { scoreSheet } from "../../src/core/score";
import { CRITERIA_SHEET, TASK_SHEET } from "../../samples/sample-tables";
import { DIEN_BAN_2025, gridOf } from "./fixtures";

const today = "2025-11-20";

describe("planSheetWrites", () => {
  const grid = gridOf(TASK_SHEET);
  const plan = planSheetWrites(grid, scoreSheet(grid, { today }));
  const table = plan.tables[0];

  it("appends the owned block right of the table, from the header to the last row", () => {
    expect(plan.conflicts).toEqual([]);
    expect(table.left).toBe(8);
    expect(table.top).toBe(4);
    expect(table.range).toBe("I5:M31");
    expect(table.values).toHaveLength(31 - 5 + 1);
    expect(table.values[0]).toEqual(OUTPUT_COLUMNS.map((c) => c.header));
  });

  it("repeats the header on a page-break header row and leaves section rows empty", () => {
    expect(table.values[19 - 4]).toEqual(table.values[0]);
    expect(table.values[6 - 4]).toEqual(["", "", "", "", ""]);
  });

  it("writes a real date and a TODAY() formula for dated rows", () => {
    const row10 = table.values[9 - 4]; // Excel row 10: "Quý III/2025", in progress
    expect(row10[3]).toBe(45930); // 30/09/2025
    const state = row10[4];
    expect(isStateCell(state)).toBe(true);
    if (!isStateCell(state)) return;
    expect(state.value).toBe("Quá hạn 51 ngày");
    const formula = stateFormulaAt(table, 10);
    expect(formula).toContain("TODAY()-L10");
    expect(formula).toContain('TRIM(LOWER($F10))="đã hoàn thành",TRIM(LOWER($F10))="hoàn thành"');
    expect(table.stateFormulaR1C1).toBe(`=${formula.replace(/L10/g, "RC[-1]").replace(/\$F10/g, "RC6")}`);
  });

  it("writes the label in the due column for recurring, continuous and external rows", () => {
    expect(table.values[7 - 4][3]).toBe("Định kỳ – lần tới 25/11");
    expect(table.values[7 - 4][4]).toMatchObject({ value: "Định kỳ – lần tới 25/11" });
    expect(table.values[14 - 4][3]).toBe("Thường xuyên");
    expect(table.headerOffsets).toEqual([0, 15]);
  });

  it("recognises its own conditional formats, with or without the leading =", () => {
    const [overdue, soon] = table.conditionalRules;
    expect(isOwnConditionalFormula(overdue.formula, "L")).toBe(true);
    expect(isOwnConditionalFormula(`=${soon.formula}`, "L")).toBe(true);
    expect(isOwnConditionalFormula(overdue.formula, "K")).toBe(false);
    expect(isOwnConditionalFormula("=$B2>5", "L")).toBe(false);
  });

  it("colours rows through conditional formats against TODAY() and the status", () => {
    expect(table.conditionalRules).toHaveLength(2);
    const [overdue, soon] = table.conditionalRules;
    expect(overdue.range).toBe("A8:M31");
    expect(overdue.formula).toMatch(/^AND\(ISNUMBER\(\$L8\),\$L8<TODAY\(\),NOT\(OR\(/);
    expect(soon.formula).toContain("$L8<=TODAY()+7");
  });

  it("refuses to write over cells the user filled where the block would go", () => {
    const dirty = gridOf(TASK_SHEET);
    dirty.values[10][9] = "ghi chú của tôi";
    const blocked = planSheetWrites(dirty, scoreSheet(dirty, { today }));
    expect(blocked.conflicts).toEqual([{ address: "'Phụ lục KH CCHC'!J11", reason: "user_data" }]);
  });

  it("reuses its own block on a re-run and refuses one whose header was changed", () => {
    const scored = gridOf(TASK_SHEET);
    table.values.forEach((row, i) => {
      row.forEach((cell, k) => {
        scored.values[table.top + i][table.left + k] = isStateCell(cell) ? cell.value : cell;
      });
    });
    const again = planSheetWrites(scored, scoreSheet(scored, { today }));
    expect(again.conflicts).toEqual([]);
    expect(again.tables[0].left).toBe(8);
    expect(again.tables[0].values).toEqual(table.values);

    scored.values[4][10] = "Ghi chú";
    expect(planSheetWrites(scored, scoreSheet(scored, { today })).conflicts).toEqual([{ address: "'Phụ lục KH CCHC'!K5", reason: "header_changed" }]);
  });
});

describe("scoreWorkbook", () => {
  it("skips reserved sheets and blocks on conflicts with a Vietnamese message", () => {
    const criteria = gridOf(CRITERIA_SHEET);
    const summarySheet = { sheetName: "Tổng hợp", values: [["STT", "Nội dung", "Thời hạn"]] };
    const run = scoreWorkbook([criteria, summarySheet], { criteria: DIEN_BAN_2025, today });
    expect(run.results.map((r) => r.sheet)).toEqual(["Tự chấm điểm 2025"]);
    expect(run.blocked).toBeNull();
    expect(run.summary.points).toBe(4.24);

    criteria.values[5][9] = "x";
    const blocked = scoreWorkbook([criteria], { criteria: DIEN_BAN_2025, today });
    expect(blocked.blocked).toContain("'Tự chấm điểm 2025'!J6");
    expect(blocked.blocked).toContain("Chưa có ô nào bị thay đổi");
  });

  it("rejects an invalid day", () => {
    expect(() => scoreWorkbook([], { criteria: null, today: "2025-02-30" })).toThrow("không hợp lệ");
  });
});
