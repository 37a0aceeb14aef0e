import {
  bandsOverlap,
  inBand,
  listBands,
  monthBand,
  oneSidedBand,
  optionBand,
  rangeBand,
} from "../../../src/core/criteria/option-bands";
import { chooseOption, monthOf } from "../../../src/core/criteria/option-choice";
import { readOptionMarks } from "../../../src/core/assessment/option-rows";
import { applyRule } from "../../../src/core/score/rules";
import type { Grid } from "../../../src/core/read/grid";
import {
  criteriaSetToSheet,
  readCriteriaSheet,
  SHEET_COLUMNS,
} from "../../../src/core/criteria/criteria-sheet";

describe("option bands", () => {
  it("rangeBand reads two-sided bands", () => {
    expect(rangeBand("Hoàn thành từ 50% - dưới 100% kế hoạch")).toEqual({
      unit: "ratio",
      from: 0.5,
      fromIncluded: true,
      to: 1,
      toIncluded: false,
    });
    expect(rangeBand("90 - <100%")).toMatchObject({ from: 0.9, to: 1, toIncluded: false });
    expect(rangeBand("Từ 50% - 70%")).toMatchObject({ from: 0.5, to: 0.7, toIncluded: true });
    expect(rangeBand("Không ban hành")).toBeNull();
  });

  it("oneSidedBand reads 'trở lên', 'dưới', fractions and 'Đầy đủ'", () => {
    expect(oneSidedBand("Báo cáo đạt dưới ¾ số lượng")).toMatchObject({
      from: null,
      to: 0.75,
      toIncluded: false,
    });
    expect(oneSidedBand("Hoàn thành từ 70% trở lên")).toMatchObject({
      from: 0.7,
      fromIncluded: true,
      to: null,
    });
    expect(oneSidedBand("Đạt 2/3 số lượng trở lên")!.from).toBeCloseTo(2 / 3, 10);
    expect(oneSidedBand("Đạt một nửa số lượng trở lên")).toMatchObject({ from: 0.5 });
    expect(oneSidedBand("Trên 70%")).toMatchObject({ from: 0.7, fromIncluded: false });
    expect(oneSidedBand("<90%")).toMatchObject({ to: 0.9, toIncluded: false });
    expect(oneSidedBand("Đầy đủ các báo cáo")).toMatchObject({ from: 1, fromIncluded: true });
    expect(oneSidedBand("Ban hành kịp thời (không quá 01 tháng sau …)")).toBeNull();
  });

  it("monthBand reads 'trong tháng 01', 'tháng 02', 'sau tháng 02'", () => {
    expect(monthBand("Ban hành trong tháng 01")).toMatchObject({
      unit: "month",
      to: 1,
      toIncluded: true,
    });
    expect(monthBand("tháng 02")).toMatchObject({ from: 2, to: 2 });
    expect(monthBand("Sau tháng 02 hoặc không ban hành")).toMatchObject({
      from: 2,
      fromIncluded: false,
      to: null,
    });
    expect(monthBand("Không ban hành")).toBeNull();
  });

  it("listBands ends an open 'trở lên' band where the next higher one starts", () => {
    const [full, threeQuarters, below] = listBands([
      "Đầy đủ các báo cáo",
      "Báo cáo đạt ¾ số lượng trở lên",
      "Báo cáo đạt dưới ¾ số lượng",
    ]);
    expect(threeQuarters).toMatchObject({ from: 0.75, to: 1, toIncluded: false });
    expect(inBand(threeQuarters!, 11 / 12)).toBe(true);
    expect(inBand(threeQuarters!, 1)).toBe(false);
    expect(inBand(full!, 1)).toBe(true);
    expect(inBand(below!, 0.75)).toBe(false);
  });

  it("bandsOverlap finds shared edges and ranges", () => {
    expect(bandsOverlap(optionBand("từ 50% - 70%")!, optionBand("từ 70% - 100%")!)).toBe(true);
    expect(bandsOverlap(optionBand("từ 50% - dưới 70%")!, optionBand("từ 70% - 100%")!)).toBe(
      false
    );
  });
});

const OPTIONS = [
  { label: "Hoàn thành từ 100% kế hoạch", points: 1 },
  { label: "Hoàn thành từ 50% - dưới 100% kế hoạch", points: 0.5 },
  { label: "Hoàn thành dưới 50% kế hoạch", points: 0 },
];

describe("chooseOption", () => {
  it("chooses by points, by label, by a figure in a band", () => {
    expect(chooseOption(OPTIONS, { value: 0.5 })).toMatchObject({ index: 1 });
    expect(chooseOption(OPTIONS, { value: "0,5" })).toMatchObject({ index: 1 });
    expect(chooseOption(OPTIONS, { value: "Hoàn thành dưới 50% kế hoạch" })).toMatchObject({
      index: 2,
    });
    expect(chooseOption(OPTIONS, { value: "82%" })).toMatchObject({ index: 1 });
    expect(chooseOption(OPTIONS, { value: 0.82, numberFormat: "0%" })).toMatchObject({ index: 1 });
    expect(chooseOption(OPTIONS, { value: "12/12" })).toMatchObject({ index: 0 });
  });

  it("never guesses: points no option has, a figure in no band or in two", () => {
    expect(chooseOption(OPTIONS, { value: 0.75 })).toEqual({
      problem:
        'Điểm 0,75 không trùng điểm của mức nào ("Hoàn thành từ 100% kế hoạch" (1), "Hoàn thành từ 50% - dưới 100% kế hoạch" (0,5), "Hoàn thành dưới 50% kế hoạch" (0)): nhập đúng điểm của một mức',
    });
    const gap = [
      { label: "Từ 90% trở lên", points: 1.5 },
      { label: "Từ 50% - dưới 80%", points: 1 },
    ];
    expect(chooseOption(gap, { value: "85%" })).toHaveProperty("problem");
    const overlap = [
      { label: "Từ 70% - 100%", points: 1.5 },
      { label: "Từ 50% - 70%", points: 0.5 },
    ];
    expect((chooseOption(overlap, { value: "70%" }) as { problem: string }).problem).toMatch(
      /thuộc cùng lúc 2 mức/
    );
  });

  it("reads months from dates and 'tháng N'", () => {
    expect(monthOf("15/02/2025")).toBe(2);
    expect(monthOf("tháng 1")).toBe(1);
    expect(monthOf("13/2025")).toBeNull();
    const months = [
      { label: "Ban hành trong tháng 01", points: 1 },
      { label: "tháng 02", points: 0.5 },
      { label: "sau tháng 02 hoặc không ban hành", points: 0 },
    ];
    expect(chooseOption(months, { value: "20/01/2025" })).toMatchObject({ index: 0 });
    expect(chooseOption(months, { value: "Ban hành ngày 10/02/2025" })).toMatchObject({ index: 1 });
    expect(chooseOption(months, { value: "05/03/2025" })).toMatchObject({ index: 2 });
  });
});

describe("applyRule with the option kind", () => {
  const rule = { kind: "options" as const, options: OPTIONS };
  it("gives the option's points and says what was lost", () => {
    expect(applyRule(rule, { value: "82%" }, 1)).toEqual({
      points: 0.5,
      warnings: [
        {
          code: "below_threshold",
          message: 'Mức "Hoàn thành từ 50% - dưới 100% kế hoạch": mất 0,5 điểm',
          pointsLost: 0.5,
        },
      ],
    });
    expect(applyRule(rule, { value: 1 }, 1)).toEqual({ points: 1, warnings: [] });
  });

  it("warns instead of guessing", () => {
    const outcome = applyRule(rule, { value: 0.3 }, 1);
    expect(outcome.points).toBeNull();
    expect(outcome.warnings[0].code).toBe("invalid_value");
  });
});

describe("readOptionMarks", () => {
  const grid = (marks: Array<string | number>): Grid => ({
    sheetName: "Tự chấm",
    values: [
      ["1.1.1", "Mức độ kịp thời", 1.5, ""],
      ...marks.map((m, i) => ["", `Mức ${i}`, POINTS[i], m]),
    ],
  });
  const POINTS = [1.5, 1, 0];
  const options = [1, 2, 3].map((row, i) => ({ row, label: `Mức ${i}`, points: POINTS[i] }));

  it("finds the one row marked with x or its points; zeros elsewhere mean 'not this one'", () => {
    expect(readOptionMarks(grid(["", "x", ""]), options, 3)).toEqual({ chosen: 1, problem: null });
    expect(readOptionMarks(grid([0, 1, 0]), options, 3)).toEqual({ chosen: 1, problem: null });
    expect(readOptionMarks(grid(["", "", 0]), options, 3)).toEqual({ chosen: 2, problem: null });
    expect(readOptionMarks(grid(["", "", ""]), options, 3)).toEqual({
      chosen: null,
      problem: null,
    });
  });

  it("names the cells of two marks, and of points that differ from the option's", () => {
    expect(readOptionMarks(grid(["x", "x", ""]), options, 3).problem).toBe(
      "Có 2 mức được đánh dấu ('Tự chấm'!D2, 'Tự chấm'!D3): mỗi tiêu chí chỉ chọn một mức, xoá dấu ở các mức không đúng"
    );
    const differs = readOptionMarks(grid(["", 0.75, ""]), options, 3);
    expect(differs.chosen).toBe(1);
    expect(differs.problem).toMatch(/^Ô 'Tự chấm'!D3: ghi 0,75 điểm ở mức "Mức 1"/);
  });
});

describe("the option kind in the 'Bộ tiêu chí' sheet", () => {
  const set = {
    id: "mau",
    name: "Bộ mẫu",
    areas: [
      {
        code: "I",
        name: "Chỉ đạo điều hành",
        maxPoints: 1,
        criteria: [
          {
            code: "1.1",
            name: "Ban hành kế hoạch",
            maxPoints: 1,
            rule: { kind: "options" as const, options: OPTIONS },
          },
        ],
      },
    ],
  };

  it("writes one option a line under 'Chọn một mức' and reads it back", () => {
    const content = criteriaSetToSheet(set);
    const row = content.values.find((r) => r[0] === "1.1")!;
    expect(row[SHEET_COLUMNS.indexOf("Cách chấm")]).toBe("Chọn một mức");
    expect(row[SHEET_COLUMNS.indexOf("Các mức chọn (mỗi dòng một mức: tên: điểm)")]).toBe(
      "Hoàn thành từ 100% kế hoạch: 1\nHoàn thành từ 50% - dưới 100% kế hoạch: 0,5\nHoàn thành dưới 50% kế hoạch: 0"
    );
    expect(readCriteriaSheet({ sheetName: "Bộ tiêu chí", values: content.values })).toEqual({
      ok: true,
      value: set,
    });
  });

  it("names the cell of an option line without its points", () => {
    const content = criteriaSetToSheet(set);
    const r = content.values.findIndex((row) => row[0] === "1.1");
    const c = SHEET_COLUMNS.indexOf("Các mức chọn (mỗi dòng một mức: tên: điểm)");
    content.values[r][c] = "Hoàn thành: 1\nKhông hoàn thành";
    const result = readCriteriaSheet({ sheetName: "Bộ tiêu chí", values: content.values });
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          address: `'Bộ tiêu chí'!R${r + 1}`,
          message: `'Bộ tiêu chí'!R${r + 1}: ghi mỗi mức một dòng dạng "Ban hành kịp thời: 1,5"`,
        },
      ],
    });
  });

  it("refuses an option worth more than the criterion's maximum, at its cell", () => {
    const content = criteriaSetToSheet(set);
    const r = content.values.findIndex((row) => row[0] === "1.1");
    const c = SHEET_COLUMNS.indexOf("Các mức chọn (mỗi dòng một mức: tên: điểm)");
    content.values[r][c] = "Hoàn thành: 2\nKhông hoàn thành: 0";
    const result = readCriteriaSheet({ sheetName: "Bộ tiêu chí", values: content.values });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0].message).toBe(
      `'Bộ tiêu chí'!R${r + 1}: Điểm của mức "Hoàn thành" (2) vượt điểm tối đa 1 của tiêu chí 1.1`
    );
  });
});
