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
  CONTINUATION_MERGED,
  CONTINUATION_MERGED_OVERDUE,
  CONTINUATION_MERGED_TASKS,
  TWO_APPENDICES,
  TWO_APPENDICES_OVERDUE,
  TWO_APPENDICES_TASKS,
  VIETNAMESE_NUMBERS,
  VIETNAMESE_NUMBERS_POINTS,
  VIETNAMESE_NUMBERS_TOTAL,
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

describe("a continuation row under a merged STT (issue 19)", () => {
  const grid = shapeGrid(CONTINUATION_MERGED);
  const [table] = scoreSheet(grid, { criteria: null, today }).tables;

  it('counts 7 overdue, not 8: the "(tiếp)" row is the rest of task 16', () => {
    expect(table.rows.map((r) => r.row)).toEqual(CONTINUATION_MERGED_TASKS);
    expect(table.rows.filter((r) => r.overdue).map((r) => r.row)).toEqual(
      CONTINUATION_MERGED_OVERDUE
    );
    expect(scoreWorkbook([grid], { criteria: null, today }).summary.overdueTotal).toBe(7);
  });

  it("joins the rest to the task's content, merged STT or not", () => {
    const content = (row: number) => table.rows.find((r) => r.row === row)!.content;
    expect(content(6)).toBe(
      "Rà soát, lựa chọn TTHC hoặc nhóm TTHC thực hiện giải quyết theo hình thức liên thông (tiếp) đề xuất danh mục TTHC liên thông gửi quận"
    );
    expect(content(12)).toBe(
      "Rà soát quy trình nội bộ giải quyết TTHC (Tiếp theo) trình UBND quận phê duyệt quy trình sửa đổi"
    );
  });

  it("joins an upper-case rest when the STT cell is merged over it", () => {
    const upper: Grid = { ...grid, values: grid.values.map((row) => [...row]) };
    upper.values[6][1] = "Đề xuất danh mục TTHC liên thông gửi quận";
    upper.values[6][2] = "";
    const [read] = scoreSheet(upper, { criteria: null, today }).tables;
    expect(read.rows.map((r) => r.row)).toEqual(CONTINUATION_MERGED_TASKS);
    // Without the STT merge the same upper-case line is a task of its own.
    const unmerged = {
      ...upper,
      merges: upper.merges!.filter((m) => !(m.left === 0 && m.top === 5)),
    };
    const [apart] = scoreSheet(unmerged, { criteria: null, today }).tables;
    expect(apart.rows.map((r) => r.row)).toContain(7);
  });

  it("keeps the items of a group under a merged STT apart when each has values of its own", () => {
    // As c13 of the real workbooks: one STT over rows that each have their own Điều, Khoản and hệ số.
    const group: Grid = {
      sheetName: "Sheet1",
      values: [
        ["STT", "Nội dung đối tượng", "Điều", "Hệ số"],
        [1, "Trẻ em mồ côi", "Điều 5", 2.5],
        ["", "Trẻ bị nhiễm HIV/AIDS", "Điều 5", 2.5],
        ["", "Người cao tuổi cô đơn thuộc hộ gia đình nghèo", "Điều 5", 1.5],
      ],
      merges: [{ top: 1, left: 0, bottom: 3, right: 0 }],
    };
    expect(readTables(group)[0].rows.map((r) => r.index)).toEqual([1, 2, 3]);
  });

  it("keeps a row with its own deadline under a merged STT a task", () => {
    const own: Grid = { ...grid, values: grid.values.map((row) => [...row]) };
    own.merges = own.merges!.filter((m) => !(m.left === 3 && m.top === 5));
    own.values[6][3] = "Trước ngày 30/12/2025";
    const [read] = scoreSheet(own, { criteria: null, today }).tables;
    expect(read.rows.map((r) => r.row)).toContain(7);
  });
});

describe("two appendices on one sheet (issue 19)", () => {
  const grid = shapeGrid(TWO_APPENDICES);

  it("reads two tables, each with its own rows; neither title is a task", () => {
    const tables = scoreSheet(grid, { criteria: null, today }).tables;
    expect(tables.map((t) => t.headerRow)).toEqual([3, 12]);
    expect(tables.map((t) => t.rows.map((r) => r.row))).toEqual(TWO_APPENDICES_TASKS);
    expect(tables.map((t) => t.rows.filter((r) => r.overdue).map((r) => r.row))).toEqual(
      TWO_APPENDICES_OVERDUE
    );
    expect(tables[0].layout.lastRow).toBe(6); // Excel row 7: the first table ends before the second's title
  });

  it("plans one block and one marker per table, each beside its own rows", () => {
    const run = scoreWorkbook([grid], { criteria: null, today });
    const plan = run.plans[0];
    expect(plan.tables.map((t) => t.range)).toEqual(["G3:K7", "G12:K16"]);
    expect(plan.markers.map((m) => m.reference)).toEqual([
      "='Phụ lục'!$G$3:$K$3",
      "='Phụ lục'!$G$12:$K$12",
    ]);
    expect(run.summary.overdueTotal).toBe(3);
  });
});

describe("numbers in both conventions (issue 19)", () => {
  const [table] = scoreSheet(shapeGrid(VIETNAMESE_NUMBERS), {
    criteria: DIEN_BAN_2025,
    today,
  }).tables;

  it('scores the hand count: "935/1.000" is 93,5% and loses the points', () => {
    expect(table.rows.map((r) => [r.row, r.criterion, r.points])).toEqual(
      VIETNAMESE_NUMBERS_POINTS
    );
    expect(table.totals).toMatchObject(VIETNAMESE_NUMBERS_TOTAL);
    expect(table.rows[1].warnings).toEqual([
      expect.objectContaining({
        code: "below_threshold",
        message: "Tỷ lệ 93,5% < 95%: không chấm điểm, mất 1,5 điểm",
      }),
    ]);
  });

  it("warns only where a dot was taken for the decimal point", () => {
    const noted = table.rows.filter((r) => r.warnings.some((w) => w.code === "ambiguous_number"));
    expect(noted.map((r) => r.row)).toEqual([8]);
    expect(noted[0].warnings.map((w) => w.message)).toEqual([
      'Đã đọc "39.2" là 39,2 (dấu chấm được hiểu là dấu thập phân): theo cách viết Việt Nam dấu phẩy là dấu thập phân, dấu chấm ngăn cách hàng nghìn; hãy viết 39,2 nếu đúng là số thập phân',
    ]);
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
