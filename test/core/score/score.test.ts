import { scoreSheet } from "../../../src/core/score/sheet";
import { CRITERIA_SHEET, TASK_SHEET } from "../../../samples/sample-tables";
import { DEDUCTION_GRID, DIEN_BAN_2025, FRAMEWORK_GRID, HA_DONG_2024, gridOf } from "../fixtures";

const today = "2025-11-20";

describe("scoreSheet on seed 002's criteria table with the 2025 set", () => {
  const result = scoreSheet(gridOf(CRITERIA_SHEET), { criteria: DIEN_BAN_2025, today });
  const table = result.tables[0];
  const byCriterion = (code: string) => table.rows.find((r) => r.criterion === code)!;

  it("reports 1-based Excel rows and the header row", () => {
    expect(table.headerRow).toBe(4);
    expect(byCriterion("I.1").row).toBe(6);
  });

  it("resolves section-relative codes and applies the rules", () => {
    expect(byCriterion("I.1")).toMatchObject({ points: 1.28, maxPoints: 1.5, area: "I" });
    expect(byCriterion("III.4")).toMatchObject({ points: 0, maxPoints: 1.5 });
    expect(byCriterion("VI.1")).toMatchObject({ points: 0.82, maxPoints: 1 });
    expect(byCriterion("VII.4.1")).toMatchObject({ points: 1.03 });
    expect(byCriterion("VII.4.2")).toMatchObject({ points: 1.11 });
    expect(byCriterion("VIII.4")).toMatchObject({ points: 0 });
  });

  it("scores a parent row as the sum of its children and counts it once", () => {
    expect(byCriterion("VII.4")).toMatchObject({ points: 2.14, maxPoints: 3 });
    const vii = table.totals.areas.find((a) => a.code === "VII")!;
    expect(vii).toMatchObject({ points: 2.14, maxPoints: 3 });
    expect(table.totals.points).toBe(1.28 + 0 + 0.82 + 2.14 + 0);
    expect(table.totals.maxPoints).toBe(8.5);
  });

  it("keeps rows whose single-number code is not in the set as task rows, without a warning", () => {
    const row = table.rows.find((r) => r.row === 7)!;
    expect(row.criterion).toBeNull();
    expect(row.warnings).toEqual([]);
  });

  it("adds threshold, self-score, evidence and date warnings", () => {
    const codes = (code: string) => byCriterion(code).warnings.map((w) => w.code);
    expect(codes("I.1")).toEqual(["invalid_date", "self_score_mismatch"]);
    expect(codes("III.4")).toEqual(["below_threshold", "self_score_mismatch"]);
    expect(codes("VI.1")).toEqual(["missing_evidence"]);
    expect(byCriterion("VI.1").warnings[0].message).toContain("'Tự chấm điểm 2025'!I13");
  });

  it("adds deadline fields to every row", () => {
    expect(byCriterion("VI.1")).toMatchObject({
      schedule: "date",
      due: "2025-11-15",
      overdue: true,
      dueSoon: false,
      status: "in_progress",
    });
    expect(byCriterion("III.4")).toMatchObject({ schedule: "external", due: null, overdue: false });
  });

  it("lists the set's criteria the table lacks (none here)", () => {
    expect(table.missingCriteria).toEqual([]);
  });
});

describe("scoreSheet on seed 000's deduction table with the Hà Đông set", () => {
  const result = scoreSheet(DEDUCTION_GRID, { criteria: HA_DONG_2024, today });
  const table = result.tables[0];

  it("scores appraised points, counts and tiers", () => {
    const points = Object.fromEntries(table.rows.map((r) => [r.criterion, r.points]));
    expect(points).toEqual({
      "1.1": 1.25,
      "1.6": 0,
      "3.2.1": 3.5,
      "7.5": 0.5,
      "7.8": 1.5,
      "9.9": null,
    });
  });

  it("warns about a code the set does not have", () => {
    const row = table.rows.find((r) => r.criterion === "9.9")!;
    expect(row.warnings.map((w) => w.code)).toEqual(["unknown_criterion"]);
  });

  it("lists the missing criteria", () => {
    expect(table.missingCriteria).toEqual(["1.8", "1.11", "3.2.3", "4.1", "4.2", "5.1.3"]);
  });

  it("adds up by area of the set, not by the table's section numerals", () => {
    expect(table.totals.areas.map((a) => [a.code, a.points, a.maxPoints])).toEqual([
      ["1", 1.25, 3.5],
      ["3", 3.5, 4.5],
      ["7", 2, 3],
    ]);
  });
});

describe("checks against the set", () => {
  it("warns when the table's own maximum differs from the set, naming the cell", () => {
    const grid = {
      sheetName: "Tự chấm",
      values: [
        ["Mã", "Nội dung", "Điểm tối đa", "Kết quả", "Tài liệu kiểm chứng"],
        ["I.1", "Hoàn thành kế hoạch CCHC", 2, "90%", "QĐ 12"],
        ["III.4", "Giải quyết hồ sơ đúng hạn", "1,5", "", ""],
      ],
    };
    const rows = scoreSheet(grid, { criteria: DIEN_BAN_2025, today }).tables[0].rows;
    expect(rows[0].warnings.map((w) => w.code)).toEqual(["max_mismatch"]);
    expect(rows[0].warnings[0].message).toBe(
      `Ô 'Tự chấm'!C2: điểm tối đa ghi "2" khác bộ tiêu chí (1,5)`
    );
    expect(rows[0].points).toBe(1.35);
    expect(rows[1].warnings.map((w) => w.code)).toEqual(["missing_result"]);
  });
});

describe("scoreSheet without a criteria set", () => {
  it("tracks deadlines on seed 004's framework table", () => {
    const result = scoreSheet(FRAMEWORK_GRID, { criteria: null, today: "2025-07-15" });
    const rows = result.tables[0].rows;
    const by = (row: number) => rows.find((r) => r.row === row)!;
    expect(by(5)).toMatchObject({ status: "done", overdue: false, due: "2025-02-05" });
    expect(by(8)).toMatchObject({
      status: "in_progress",
      overdue: true,
      due: "2025-03-31",
      daysLate: 106,
    });
    expect(by(9)).toMatchObject({ status: "not_started", overdue: false, due: "2025-09-30" });
    expect(by(9).warnings.map((w) => w.code)).toEqual(["milestone_passed"]);
    expect(by(11)).toMatchObject({ due: "2025-12-31", overdue: false });
    expect(by(16)).toMatchObject({ schedule: "recurring", due: "2025-09-30", overdue: false });
    expect(rows.every((r) => r.points === null && r.criterion === null)).toBe(true);
    expect(result.planYear).toBe(2025);
  });

  it("notices a sheet without a table", () => {
    const result = scoreSheet({ sheetName: "Ghi chú", values: [["Không có bảng"]] }, { today });
    expect(result.tables).toEqual([]);
    expect(result.notices[0]).toContain('Trang "Ghi chú" không có bảng phụ lục');
  });

  it("marks overdue rows in the task appendix at a fixed day", () => {
    const rows = scoreSheet(gridOf(TASK_SHEET), { today }).tables[0].rows;
    expect(rows.filter((r) => r.overdue).map((r) => r.row)).toEqual([10, 16, 25, 29]);
    expect(rows.filter((r) => r.dueSoon).map((r) => r.row)).toEqual([8, 21]);
  });
});

describe("a status the tool does not understand (issue 19)", () => {
  it("warns unknown_status with the cell, instead of reading it silently as not done", () => {
    const grid = gridOf(TASK_SHEET);
    // Excel row 6 (task 2) says "Đã hoàn thành": typed as an office's own phrase it is
    // still done; a word nobody defined is a warning naming F6.
    grid.values[5][5] = "Hoàn thành trước hạn";
    const done = scoreSheet(grid, { today }).tables[0].rows.find((r) => r.row === 6)!;
    expect(done.status).toBe("done");
    expect(done.warnings.map((w) => w.code)).not.toContain("unknown_status");
    grid.values[5][5] = "Tạm dừng";
    const row = scoreSheet(grid, { today }).tables[0].rows.find((r) => r.row === 6)!;
    expect(row.status).toBe("unknown");
    const w = row.warnings.find((x) => x.code === "unknown_status");
    expect(w?.message).toContain("Ô 'Phụ lục KH CCHC'!F6");
    expect(w?.message).toContain('"Tạm dừng"');
  });
});
