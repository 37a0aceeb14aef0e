/**
 * Issue 12 through the core: plan appendices laid out as offices lay them out
 * (test/fixtures/appendix-shapes/shapes.ts holds each case and its hand count).
 */
import type { Grid } from "../../../src/core/read/grid";
import { OUTPUT_COLUMNS, outputColumnIndex } from "../../../src/core/read/output-columns";
import { scoreWorkbook } from "../../../src/core/run";
import { scoreSheet } from "../../../src/core/score/sheet";
import { buildSummarySheet, firstColumnWidth, summarize } from "../../../src/core/score/summary";
import { readTables } from "../../../src/core/read/table-reader";
import { excelErrorValue } from "../../../src/core/parse/values";
import { recurringLabel } from "../../../src/core/parse/deadlines";
import {
  FOOTERS_AND_NOTES,
  MERGED_DEADLINES,
  MERGED_DEADLINES_NOT_STARTED,
  MERGED_DEADLINES_OVERDUE,
  MINISTRY_TEMPLATE,
  TASK_NUMBERING,
  TWO_ROW_HEADER,
  shapeGrid,
} from "../../fixtures/appendix-shapes/shapes";
import { DIEN_BAN_2025, HA_DONG_2024 } from "../fixtures";

const today = "2025-11-20";

describe("cells merged over several task rows (the issue's example)", () => {
  const grid = shapeGrid(MERGED_DEADLINES);
  const [table] = scoreSheet(grid, { criteria: null, today }).tables;
  const byRow = (row: number) => table.rows.find((r) => r.row === row)!;

  it("counts 7 overdue, 5 of them not started, as the hand count does", () => {
    expect(table.rows.filter((r) => r.overdue).map((r) => r.row)).toEqual(MERGED_DEADLINES_OVERDUE);
    expect(
      table.rows.filter((r) => r.overdue && r.status === "not_started").map((r) => r.row)
    ).toEqual(MERGED_DEADLINES_NOT_STARTED);
  });

  it("gives every row of a merged block its deadline, owner and status", () => {
    for (const row of [5, 6, 7, 8]) expect(byRow(row).due).toBe("2025-11-15");
    for (const row of [9, 10, 11])
      expect(byRow(row)).toMatchObject({
        due: "2025-09-30",
        owner: "Các bộ phận chuyên môn",
        status: "not_started",
        daysLate: 51,
      });
    expect(byRow(7)).toMatchObject({ status: "done", overdue: false });
  });

  it("reads only the first row of each block when the merges are not known (the old reading: 3 overdue)", () => {
    const [plain] = scoreSheet({ ...grid, merges: undefined }, { criteria: null, today }).tables;
    expect(plain.rows.filter((r) => r.overdue).map((r) => r.row)).toEqual([5, 9, 13]);
  });

  it("writes a date in the due column of every overdue row, so each is red, and stops at the last real row", () => {
    const run = scoreWorkbook([grid], { criteria: null, today });
    const plan = run.plans[0].tables[0];
    const due = outputColumnIndex("due");
    for (const row of MERGED_DEADLINES_OVERDUE)
      expect(typeof plan.values[row - 3][due]).toBe("number");
    expect(plan.range).toMatch(/:[A-Z]+15$/);
    expect(plan.conditionalRules[0].range).toMatch(/:[A-Z]+15$/);
    expect(run.summary.overdueTotal).toBe(7);
    expect(
      run.summary.overdueByOwner.find((g) => g.owner === "Các bộ phận chuyên môn")?.items
    ).toHaveLength(3);
  });

  it("labels the recurring report so that the label stays true next month", () => {
    expect(byRow(15)).toMatchObject({
      schedule: "recurring",
      due: "2025-11-25",
      dueLabel: "Định kỳ: trước ngày 25 hằng tháng",
    });
  });

  it("does not change the caller's grid", () => {
    const before = JSON.stringify(grid);
    scoreSheet(grid, { criteria: null, today });
    expect(JSON.stringify(grid)).toBe(before);
  });
});

describe('a two-row header: "Kết quả" over "Số liệu | Tỷ lệ"', () => {
  const grid = shapeGrid(TWO_ROW_HEADER);
  const [table] = scoreSheet(grid, { criteria: DIEN_BAN_2025, today }).tables;
  const byCriterion = (code: string) => table.rows.find((r) => r.criterion === code)!;

  it("reads one header with named result sub-columns; the sub-header and (1)…(7) rows are not tasks", () => {
    const [read] = readTables(grid);
    expect(read.resultColumns.map((c) => [c.column, c.name, c.kind])).toEqual([
      [2, "Số liệu", "count"],
      [3, "Tỷ lệ", "ratio"],
    ]);
    expect(read.columns).toMatchObject({
      index: 0,
      content: 1,
      result: 2,
      owner: 4,
      deadline: 5,
      evidence: 6,
    });
    expect(read.lastInputColumn).toBe(6);
    expect(table.rows.map((r) => r.row)).toEqual([6, 8, 10, 11]);
  });

  it('scores ratio criteria from "Tỷ lệ" and matches the hand count', () => {
    expect(byCriterion("III.4")).toMatchObject({
      points: 0,
      warnings: [{ code: "below_threshold" }],
    });
    expect(byCriterion("VII.4.1")).toMatchObject({ points: 1.03, warnings: [] });
    expect(byCriterion("VII.4.2")).toMatchObject({ points: 1.2, warnings: [] });
    expect(table.totals).toMatchObject({ points: 2.23, maxPoints: 6 });
  });

  it("says that the formula in D6 has an error, instead of 'cannot read'", () => {
    const row = byCriterion("I.1");
    expect(row.points).toBeNull();
    expect(row.warnings).toEqual([
      {
        code: "invalid_value",
        message:
          "Ô 'Phân công 2025'!D6: công thức trong ô bị lỗi (#DIV/0!) nên chưa chấm được: sửa công thức (ví dụ phép chia cho 0) rồi chấm lại",
      },
    ]);
  });

  it("ends the table before the totals row, the note and the signature block", () => {
    expect(table.layout.lastRow).toBe(10); // Excel row 11
    expect(table.rows.some((r) => /Tổng cộng|Ghi chú|LẬP BIỂU|Hoa|Minh/.test(r.content))).toBe(
      false
    );
  });

  it("with a self-score column: VII.4.1 gets 1,03 and no false 'điểm tự chấm khác'", () => {
    const withSelf: Grid = { ...grid, values: grid.values.map((row) => [...row]) };
    withSelf.values[1][4] = "Điểm tự chấm";
    [withSelf.values[7][4], withSelf.values[9][4], withSelf.values[10][4]] = [0, 1.03, 1.2];
    withSelf.values[5][4] = "";
    const [scored] = scoreSheet(withSelf, { criteria: DIEN_BAN_2025, today }).tables;
    expect(scored.rows.map((r) => [r.row, r.criterion, r.points])).toEqual([
      [6, "I.1", null],
      [8, "III.4", 0],
      [10, "VII.4.1", 1.03],
      [11, "VII.4.2", 1.2],
    ]);
    expect(
      scored.rows.flatMap((r) => r.warnings).filter((w) => w.code === "self_score_mismatch")
    ).toEqual([]);
  });

  it("takes a two-row header repeated after a page break as header, sub-header row included", () => {
    const repeat = <T>(rows: T[]) => [...rows.slice(0, 10), rows[1], rows[2], ...rows.slice(10)];
    const pages: Grid = {
      ...grid,
      values: repeat(grid.values),
      numberFormats: repeat(grid.numberFormats!),
      merges: [],
    };
    const [paged] = scoreSheet(pages, { criteria: DIEN_BAN_2025, today }).tables;
    expect(paged.rows.map((r) => [r.row, r.criterion, r.points])).toEqual([
      [6, "I.1", null],
      [8, "III.4", 0],
      [10, "VII.4.1", 1.03],
      [13, "VII.4.2", 1.2],
    ]);
  });

  it('gives a count rule the "Số liệu" sub-column', () => {
    const counted: Grid = {
      sheetName: "Khắc phục",
      values: [
        ["TT", "Nội dung tiêu chí", "Kết quả", "", "Trách nhiệm tham mưu"],
        ["", "", "Số liệu", "Tỷ lệ", ""],
        ["I. CHỈ ĐẠO ĐIỀU HÀNH"],
        [
          1,
          "1.6. Sáng kiến và áp dụng hiệu quả sáng kiến trong thực hiện công tác CCHC",
          "02 sáng kiến",
          "100%",
          "Các bộ phận",
        ],
      ],
      merges: [{ top: 0, left: 2, bottom: 0, right: 3 }],
    };
    const [scored] = scoreSheet(counted, { criteria: HA_DONG_2024, today }).tables;
    expect(scored.rows).toHaveLength(1);
    expect(scored.rows[0]).toMatchObject({ criterion: "1.6", points: 2, warnings: [] });
  });
});

describe("footers, notes and continuation rows", () => {
  const grid = shapeGrid(FOOTERS_AND_NOTES);
  const [table] = scoreSheet(grid, { criteria: null, today }).tables;

  it("reads the four tasks and nothing under them", () => {
    expect(table.rows.map((r) => r.row)).toEqual([4, 5, 6, 8]);
    expect(table.rows.filter((r) => r.overdue).map((r) => r.row)).toEqual([8]);
    expect(table.layout.lastRow).toBe(7); // Excel row 8, the last real row
  });

  it("attaches a content fragment split off by Word-to-Excel conversion to the task above", () => {
    const split: Grid = {
      sheetName: "Phụ lục",
      values: [
        ["STT", "Nội dung nhiệm vụ", "Thời gian hoàn thành", "Bộ phận thực hiện"],
        [
          18,
          "Xử lý phản ánh, kiến nghị về quy định hành chính,",
          "Thường xuyên",
          "Các bộ phận chuyên môn",
        ],
        ["", "TTHC thuộc thẩm quyền", "", ""],
        ["", "thuộc thẩm quyền của phường", "", ""],
        [
          19,
          "Tổ chức thực hiện việc uỷ quyền giải quyết TTHC",
          "Trước ngày 15/11/2025",
          "Các bộ phận chuyên môn",
        ],
      ],
    };
    const [read] = scoreSheet(split, { criteria: null, today }).tables;
    // "TTHC…" starts in upper case: a task of its own with no deadline; the lower-case line continues it.
    expect(read.rows.map((r) => r.row)).toEqual([2, 3, 5]);
    expect(read.rows[1].content).toBe("TTHC thuộc thẩm quyền thuộc thẩm quyền của phường");
  });
});

describe("a ministry template written by Excel", () => {
  const [table] = scoreSheet(shapeGrid(MINISTRY_TEMPLATE), { criteria: null, today }).tables;

  it("takes the explanation and column-formula rows as header, not tasks", () => {
    expect(table.rows.map((r) => r.row)).toEqual([6, 7, 8, 9]);
    expect(table.rows.flatMap((r) => r.warnings)).toEqual([]);
  });

  it('reads "30/11" with the plan year and finds the one overdue row', () => {
    expect(table.rows[0]).toMatchObject({
      due: "2025-11-30",
      overdue: false,
      dueLabel: "Còn 10 ngày",
    });
    expect(table.rows.filter((r) => r.overdue).map((r) => r.row)).toEqual([7]);
    expect(table.rows[3].dueLabel).toBe("Định kỳ: trước ngày 25 hằng tháng");
  });
});

describe("task numbering in a table without criteria columns (seed 004)", () => {
  const grid = shapeGrid(TASK_NUMBERING);

  it("is not taken for criterion codes: no warning per row, one notice for the table", () => {
    const result = scoreSheet(grid, { criteria: DIEN_BAN_2025, today });
    const rows = result.tables[0].rows;
    expect(rows).toHaveLength(9);
    expect(rows.flatMap((r) => r.warnings).filter((w) => w.code === "unknown_criterion")).toEqual(
      []
    );
    expect(rows.every((r) => r.criterion === null)).toBe(true);
    const notices = result.notices.filter((n) => n.includes("số thứ tự nhiệm vụ"));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('trang "Khung nhiệm vụ" (tiêu đề ở dòng 2)');
  });

  it("says nothing about numbering when no criteria set is chosen", () => {
    expect(scoreSheet(grid, { criteria: null, today }).notices).toEqual([]);
  });

  it("keeps the number as the task's number", () => {
    expect(readTables(grid)[0].rows.map((r) => r.taskNumber)).toEqual([
      "1.1",
      "1.2",
      "1.4",
      "1.3",
      "1.2",
      "1.1",
      "1.2",
      "1.3",
      "1.4",
    ]);
  });
});

describe("smaller readings", () => {
  it.each(["#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"])(
    "knows the Excel error %p",
    (error) => {
      expect(excelErrorValue(error)).toBe(error);
    }
  );

  it.each(["96,5%", "#1", "", 0])("is no error value: %p", (value) => {
    expect(excelErrorValue(value)).toBeNull();
  });

  it("makes the due column wide enough for its longest label", () => {
    const labels = [
      ...(["month", "quarter"] as const).flatMap((every) => [
        recurringLabel({ every }),
        recurringLabel({ every, day: 28 }),
      ]),
      recurringLabel({ every: "year" }),
      recurringLabel({ every: "week" }),
      "Không đọc được thời hạn",
      "Theo chỉ đạo cấp trên",
    ];
    const due = OUTPUT_COLUMNS[outputColumnIndex("due")];
    for (const label of labels) expect(label.length).toBeLessThanOrEqual(due.width);
  });

  it("makes the summary's first column wide enough for the unit names it lists", () => {
    const results = [scoreSheet(shapeGrid(MERGED_DEADLINES), { criteria: null, today })];
    const sheet = buildSummarySheet(summarize(results, null, today));
    const owners = sheet.values.filter((row) => row.length > 1).map((row) => String(row[0]));
    expect(owners).toContain("Bộ phận Văn hoá thông tin");
    for (const owner of owners) expect(owner.length).toBeLessThanOrEqual(sheet.firstColumnWidth);
    expect(
      firstColumnWidth([
        ["Một tiêu đề rất dài chỉ có một ô, được phép tràn sang cột bên cạnh khi in"],
      ])
    ).toBe(14);
    expect(firstColumnWidth([["x".repeat(200), 1]])).toBe(45);
  });
});
