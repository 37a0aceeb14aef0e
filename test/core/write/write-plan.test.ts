import { scoreWorkbook } from "../../../src/core/run";
import { OUTPUT_COLUMNS } from "../../../src/core/read/output-columns";
import {
  doneFormula,
  conflictMessage,
  freeBlockLeft,
  isOwnConditionalFormula,
  isStateCell,
  isStateText,
  mergedStatusAnchors,
  planSheetWrites,
  stateFormulaAt,
} from "../../../src/core/write/write-plan";
import { scoreSheet } from "../../../src/core/score/sheet";
import { CRITERIA_SHEET, TASK_SHEET } from "../../../samples/sample-tables";
import { DIEN_BAN_2025, gridOf } from "../fixtures";
import { applyPlan } from "../apply-plan";
import { templateGrid } from "../assessment/template-grid";
import { LAYOUT_1 } from "../../fixtures/assessment/templates";

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
    // The one definition of done (its answers are checked by LibreOffice in test/formulas).
    expect(formula).toContain(`IF(${doneFormula("$F10")},"Đã hoàn thành"`);
    expect(table.stateFormulaR1C1).toBe(
      `=${formula.replace(/L10/g, "RC[-1]").replace(/\$F10/g, "RC6")}`
    );
  });

  it("writes the label in the due column for recurring, continuous and external rows", () => {
    // Worded to stay true next month (issue 12), not "lần tới 25/11".
    expect(table.values[7 - 4][3]).toBe("Định kỳ: trước ngày 25 hằng tháng");
    expect(table.values[7 - 4][4]).toMatchObject({ value: "Định kỳ: trước ngày 25 hằng tháng" });
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
    expect(overdue.formula).toBe('AND(ISNUMBER($L8),$L8<TODAY(),$M8<>"Đã hoàn thành")');
    expect(soon.formula).toContain("$L8<=TODAY()+7");
  });

  it("moves right past the user's cells where the block would go, and stops when nothing is free", () => {
    const dirty = gridOf(TASK_SHEET);
    dirty.values[10][9] = "ghi chú của tôi";
    const moved = planSheetWrites(dirty, scoreSheet(dirty, { today }));
    expect(moved.conflicts).toEqual([]);
    expect(moved.tables[0].range).toBe("K5:O31");

    const full = gridOf(TASK_SHEET);
    for (let c = 8; c < 8 + 80; c += 2) full.values[10][c] = "x"; // every other column taken
    const blocked = planSheetWrites(full, scoreSheet(full, { today }));
    expect(blocked.conflicts[0]).toEqual({ address: "'Phụ lục KH CCHC'!I11", reason: "user_data" });
  });

  it("stops, naming the merge, when every column within reach is merged", () => {
    const wide = gridOf(TASK_SHEET);
    wide.merges = [{ top: 5, left: 0, bottom: 5, right: 200 }]; // a section row merged far right
    const plan = planSheetWrites(wide, scoreSheet(wide, { today }));
    expect(plan.conflicts[0]).toEqual({ address: "'Phụ lục KH CCHC'!I6", reason: "merged" });
  });

  it("never writes into a merged area or a hidden column", () => {
    const merged = gridOf(TASK_SHEET);
    // A section row merged across the print width (A6:K6) and hidden spare columns M:N.
    merged.merges = [{ top: 5, left: 0, bottom: 5, right: 10 }];
    merged.hiddenColumns = [12, 13];
    const plan = planSheetWrites(merged, scoreSheet(merged, { today }));
    expect(plan.conflicts).toEqual([]);
    expect(plan.tables[0].range).toBe("O5:S31");
    // A merge below the table's last row does not matter.
    const below = gridOf(TASK_SHEET);
    below.merges = [{ top: 40, left: 0, bottom: 41, right: 20 }];
    expect(planSheetWrites(below, scoreSheet(below, { today })).tables[0].range).toBe("I5:M31");
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
    expect(planSheetWrites(scored, scoreSheet(scored, { today })).conflicts).toEqual([
      { address: "'Phụ lục KH CCHC'!K5", reason: "header_changed" },
    ]);
  });

  it("points the state formula of rows under a merged status at the merge's top cell", () => {
    const merged = gridOf(TASK_SHEET);
    // Status (F) of Excel rows 9–11 merged: the value sits in F9 only.
    merged.values[8][5] = "Đã hoàn thành";
    merged.values[9][5] = "";
    merged.values[10][5] = "";
    merged.merges = [{ top: 8, left: 5, bottom: 10, right: 5 }];
    const planned = planSheetWrites(merged, scoreSheet(merged, { today })).tables[0];
    const state = (excelRow: number) => planned.values[excelRow - 5][4];
    expect(state(9)).not.toHaveProperty("statusRow");
    expect(state(10)).toMatchObject({ statusRow: 9 });
    expect(state(11)).toMatchObject({ statusRow: 9 });
    expect(state(12)).not.toHaveProperty("statusRow");
    expect(stateFormulaAt(planned, 10, 9)).toContain("$F$9");
    expect(stateFormulaAt(planned, 10, 9)).not.toContain("$F10");
    expect(mergedStatusAnchors(merged, 5)).toEqual(
      new Map([
        [9, 8],
        [10, 8],
      ])
    );
  });

  it("refuses a note typed in the state column and a merge made over the block", () => {
    const scored = gridOf(TASK_SHEET);
    table.values.forEach((row, i) => {
      row.forEach((cell, k) => {
        scored.values[table.top + i][table.left + k] = isStateCell(cell) ? cell.value : cell;
      });
    });
    const noted = structuredClone(scored);
    noted.values[9][12] = "Chờ huyện trả lời";
    expect(planSheetWrites(noted, scoreSheet(noted, { today })).conflicts).toEqual([
      { address: "'Phụ lục KH CCHC'!M10", reason: "edited" },
    ]);
    const mergedOver = structuredClone(scored);
    mergedOver.merges = [{ top: 3, left: 0, bottom: 3, right: 12 }]; // A4:M4, above the header: fine
    expect(planSheetWrites(mergedOver, scoreSheet(mergedOver, { today })).conflicts).toEqual([]);
    mergedOver.merges = [{ top: 5, left: 0, bottom: 5, right: 12 }]; // A6:M6, across the block
    const refused = planSheetWrites(mergedOver, scoreSheet(mergedOver, { today }));
    expect(refused.conflicts).toEqual([{ address: "'Phụ lục KH CCHC'!I6", reason: "merged" }]);
    expect(conflictMessage(refused)).toContain("bỏ gộp");
  });
});

describe("scoreWorkbook", () => {
  it('skips only the summary sheet it marked; a user\'s own "Tổng hợp" is scored and kept', () => {
    const criteria = gridOf(CRITERIA_SHEET);
    const summarySheet = {
      sheetName: "TỔNG HỢP",
      values: [
        ["STT", "Nội dung", "Thời hạn"],
        [1, "Báo cáo", "Quý I/2025"],
      ],
    };
    const users = scoreWorkbook([criteria, summarySheet], { criteria: DIEN_BAN_2025, today });
    expect(users.results.map((r) => r.sheet)).toEqual(["Tự chấm điểm 2025", "TỔNG HỢP"]);
    expect(users.summaryPlacement).toMatchObject({ name: "Tổng hợp (tự động)", replaces: false });
    expect(users.summary.notices.join("\n")).toContain(
      'trang "TỔNG HỢP" của đơn vị: trang đó được giữ nguyên'
    );

    const names = [{ name: "_ParIndex_TongHop", reference: "='TỔNG HỢP'!$A$1" }];
    const ours = scoreWorkbook([criteria, summarySheet], {
      criteria: DIEN_BAN_2025,
      today,
      workbook: { sheetNames: ["Tự chấm điểm 2025", "TỔNG HỢP"], names },
    });
    expect(ours.results.map((r) => r.sheet)).toEqual(["Tự chấm điểm 2025"]);
    expect(ours.summaryPlacement).toMatchObject({ name: "TỔNG HỢP", replaces: true });
    expect(ours.blocked).toBeNull();
    expect(ours.summary.points).toBe(4.24);
  });

  it("blocks on conflicts with a Vietnamese message that names the cell", () => {
    const criteria = gridOf(CRITERIA_SHEET);
    const first = scoreWorkbook([criteria], { criteria: DIEN_BAN_2025, today });
    const table = first.plans[0].tables[0];
    table.values.forEach((row, i) => {
      row.forEach((cell, k) => {
        criteria.values[table.top + i][table.left + k] = isStateCell(cell) ? cell.value : cell;
      });
    });
    criteria.values[5][9] = "x";
    const blocked = scoreWorkbook([criteria], { criteria: DIEN_BAN_2025, today });
    expect(blocked.blocked).toContain("'Tự chấm điểm 2025'!J6");
    expect(blocked.blocked).toContain("Chưa có ô nào bị thay đổi");
  });

  it("rejects an invalid day", () => {
    expect(() => scoreWorkbook([], { criteria: null, today: "2025-02-30" })).toThrow(
      "không hợp lệ"
    );
  });
});

describe("freeBlockLeft", () => {
  it("skips a merged last column and stops within reach", () => {
    const grid = {
      sheetName: "S",
      values: [["STT", "Nội dung", "Ghi chú", ""]],
      merges: [{ top: 0, left: 2, bottom: 0, right: 3 }],
    };
    expect(freeBlockLeft(grid, 0, 0, 3, 5)).toBe(4);
    expect(freeBlockLeft({ sheetName: "S", values: [["a"]] }, 0, 0, 1, 5)).toBe(1);
  });
});

describe("isStateText", () => {
  it("knows the state formula's own results in every byte form", () => {
    expect(isStateText("Quá hạn 12 ngày")).toBe(true);
    expect(isStateText("Còn 3 ngày".normalize("NFD"))).toBe(true);
    expect(isStateText("Đến hạn hôm nay")).toBe(true);
    expect(isStateText("Chờ huyện trả lời")).toBe(false);
    expect(isStateText("Quá hạn nhiều ngày")).toBe(false);
  });
});

describe("deadline columns only where the table has deadlines (issue 19.8)", () => {
  const due = OUTPUT_COLUMNS.find((c) => c.key === "due")!.header;
  const state = OUTPUT_COLUMNS.find((c) => c.key === "dueState")!.header;
  /** The plan appendix with its deadline column ("Thời gian hoàn thành", D) renamed away. */
  const withoutDeadlines = () => {
    const g = gridOf(TASK_SHEET);
    g.values[4][3] = "";
    g.values[19][3] = "";
    return g;
  };

  it("a self-assessment table gets points, maximum and warnings only: no formulas, no fills", () => {
    const grid = templateGrid(LAYOUT_1);
    const plan = planSheetWrites(grid, scoreSheet(grid, { today }));
    const table = plan.tables[0];
    expect(plan.conflicts).toEqual([]);
    expect(table.columns).toEqual(["points", "maxPoints", "warnings"]);
    expect(table.values[0]).toEqual([
      "Điểm tính toán (tự động)",
      "Điểm tối đa theo bộ tiêu chí (tự động)",
      "Cảnh báo (tự động)",
    ]);
    expect(table.values.flat()).not.toContain(due);
    expect(table.values.every((row) => row.length === 3 && !row.some(isStateCell))).toBe(true);
    expect(table.range).toBe("H4:J32");
    expect(table.dueLetter).toBeNull();
    expect(table.conditionalRules).toEqual([]);
    expect(plan.markers[0].reference).toMatch(/\$H\$4:\$J\$4$/);
  });

  it("a plan appendix with a deadline column keeps all five", () => {
    expect(table5().columns).toEqual(OUTPUT_COLUMNS.map((c) => c.key));
    expect(table5().values[0]).toEqual(expect.arrayContaining([due, state]));
  });
  const table5 = () => {
    const grid = gridOf(TASK_SHEET);
    return planSheetWrites(grid, scoreSheet(grid, { today })).tables[0];
  };

  it("a narrow block is rewritten in place on a re-run; it grows by two once the table has a deadline column", () => {
    const grid = withoutDeadlines();
    const first = planSheetWrites(grid, scoreSheet(grid, { today }));
    expect(first.tables[0].range).toBe("I5:K31");
    const scored = applyPlan(grid, first);
    const again = planSheetWrites(scored, scoreSheet(scored, { today }));
    expect(again.conflicts).toEqual([]);
    expect(again.tables[0].range).toBe("I5:K31");

    // The person names the deadline column again: the block grows into L:M, free.
    scored.values[4][3] = "Thời gian\nhoàn thành";
    scored.values[19][3] = "Thời gian\nhoàn thành";
    const grown = planSheetWrites(scored, scoreSheet(scored, { today }));
    expect(grown.conflicts).toEqual([]);
    expect(grown.tables[0].range).toBe("I5:M31");
    expect(grown.tables[0].values[0]).toEqual(OUTPUT_COLUMNS.map((c) => c.header));
    expect(grown.markers[0].reference).toMatch(/\$I\$5:\$M\$5$/);

    // Where the person's own cell stands in the way, the run stops and names it.
    scored.values[11][12] = "ghi chú";
    const blocked = planSheetWrites(scored, scoreSheet(scored, { today }));
    expect(blocked.conflicts).toEqual([{ address: "'Phụ lục KH CCHC'!M12", reason: "user_data" }]);
  });

  it("a five-column block an earlier version wrote on a table without deadlines stays five wide", () => {
    const grid = gridOf(TASK_SHEET);
    const scored = applyPlan(grid, planSheetWrites(grid, scoreSheet(grid, { today })));
    scored.values[4][3] = "";
    scored.values[19][3] = "";
    const plan = planSheetWrites(scored, scoreSheet(scored, { today }));
    expect(plan.conflicts).toEqual([]);
    expect(plan.tables[0].range).toBe("I5:M31");
  });
});
