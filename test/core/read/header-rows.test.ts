import type { Grid } from "../../../src/core/read/grid";
import {
  isColumnNumberRow,
  isTemplateExplanation,
  pickResult,
  readSubHeader,
  subColumnKind,
} from "../../../src/core/read/header-rows";

describe("subColumnKind", () => {
  it.each([
    ["Tỷ lệ", "ratio"],
    ["Tỷ lệ (%)", "ratio"],
    ["TỈ LỆ", "ratio"],
    ["Số liệu", "count"],
    ["Số lượng", "count"],
    ["Ghi chú", "other"],
  ])("%p → %s", (name, kind) => {
    expect(subColumnKind(name)).toBe(kind);
    expect(subColumnKind(name.normalize("NFD"))).toBe(kind);
  });
});

describe("readSubHeader", () => {
  const base = (merges: Grid["merges"]): Grid => ({
    sheetName: "S",
    values: [
      ["STT", "Nội dung tiêu chí", "Kết quả", "", "Cơ quan chủ trì"],
      ["", "", "Số liệu", "Tỷ lệ", ""],
      [1, "4.1. Tỷ lệ hồ sơ trực tuyến", 60, 0.6867, "Trung tâm"],
    ],
    merges,
  });

  it("reads the parts under a merged result header", () => {
    const grid = base([
      { top: 0, left: 2, bottom: 0, right: 3 },
      { top: 0, left: 0, bottom: 1, right: 0 },
    ]);
    expect(readSubHeader(grid, 0, { index: 0, content: 1, result: 2, owner: 4 }, 4)).toEqual({
      row: 1,
      results: [
        { column: 2, name: "Số liệu", kind: "count" },
        { column: 3, name: "Tỷ lệ", kind: "ratio" },
      ],
      roles: {},
    });
  });

  it("reads them too when the file kept no merge (the parent is followed by a blank header cell)", () => {
    expect(
      readSubHeader(
        base(undefined),
        0,
        { index: 0, content: 1, result: 2, owner: 4 },
        4
      )?.results.map((r) => r.name)
    ).toEqual(["Số liệu", "Tỷ lệ"]);
  });

  it("gives a role named under a parent to that column", () => {
    const grid: Grid = {
      sheetName: "S",
      values: [
        ["STT", "Nội dung nhiệm vụ", "Kết quả thực hiện", ""],
        ["", "", "Tình trạng", "Tài liệu kiểm chứng"],
      ],
    };
    expect(readSubHeader(grid, 0, { index: 0, content: 1, result: 2 }, 3)?.roles).toEqual({
      status: 2,
      evidence: 3,
    });
  });

  it("is null for a data row right under the header", () => {
    expect(
      readSubHeader(base(undefined), 1, { index: 0, content: 1, result: 2, owner: 4 }, 4)
    ).toBeNull();
    const shortRow: Grid = {
      sheetName: "S",
      values: [
        ["STT", "Nội dung", "Thời hạn", ""],
        ["", "", "Quý IV", "VP"],
      ],
    };
    // A label under a header cell that spans nothing is data, not a sub-header.
    expect(
      readSubHeader(
        {
          ...shortRow,
          values: [
            ["STT", "Nội dung", "Thời hạn", "Chủ trì"],
            ["", "", "Quý IV", "VP"],
          ],
        },
        0,
        { index: 0, content: 1, deadline: 2, owner: 3 },
        3
      )
    ).toBeNull();
  });
});

describe("isColumnNumberRow and isTemplateExplanation", () => {
  it.each([
    [["1", "2", "3", "4"]],
    [["(1)", "(2)", "(3)"]],
    [["(1)", "(2)", "(3)", "(4)", "(5)", "(8) =(5+6)/(1) X 100"]],
  ])("numbers the columns: %p", (texts) => {
    expect(isColumnNumberRow(texts)).toBe(true);
  });

  it.each([[["1", "Báo cáo", "Quý I/2025"]], [["(1)", "(2)"]], [["3", "2", "1"]]])(
    "is a data row: %p",
    (texts) => {
      expect(isColumnNumberRow(texts)).toBe(false);
    }
  );

  it("recognises a ministry template's explanation under a header cell", () => {
    expect(
      isTemplateExplanation(
        "Thời gian yêu cầu của nhiệm vụ đặt ra (ghi rõ thời gian phải hoàn thành)"
      )
    ).toBe(true);
    expect(isTemplateExplanation("Nêu tên nhiệm vụ theo kế hoạch được giao")).toBe(true);
    expect(isTemplateExplanation("Trước ngày 15/11/2025")).toBe(false);
    expect(isTemplateExplanation("Tổ chức giải quyết hồ sơ TTHC")).toBe(false);
    expect(isTemplateExplanation("Báo cáo kết quả theo mẫu của quận, ví dụ: biểu 01")).toBe(false);
  });

  it("checks a long column-number row in linear time", () => {
    const texts = Array.from(
      { length: 99 },
      (_, i) => `(${(i % 99) + 1}) =${"(1+2)".repeat(2000)}`
    );
    // Timed in bench/hostile-text.ts; here it must finish with the right answer.
    expect(isColumnNumberRow(texts)).toBe(true);
  });
});

describe("pickResult", () => {
  const results = [
    { kind: "count" as const, value: 1000 as unknown },
    { kind: "ratio" as const, value: 0.935 as unknown },
  ];

  it("gives a ratio rule the ratio column and a count rule the count column", () => {
    // The kind of column a rule reads is its kind's `resultColumn` (test/core/criteria/rule-kinds.test.ts).
    expect(pickResult(results, "ratio")?.value).toBe(0.935);
    expect(pickResult(results, "count")?.value).toBe(1000);
    expect(pickResult(results, "other")?.value).toBe(1000);
  });

  it("falls back to the part that holds something when the fitting one is empty", () => {
    expect(
      pickResult(
        [
          { kind: "count" as const, value: "41/42" },
          { kind: "ratio" as const, value: "" },
        ],
        "ratio"
      )?.value
    ).toBe("41/42");
    expect(
      pickResult(
        [
          { kind: "count" as const, value: "" },
          { kind: "ratio" as const, value: "" },
        ],
        "ratio"
      )?.kind
    ).toBe("ratio");
    expect(pickResult([], "ratio")).toBeUndefined();
  });
});
