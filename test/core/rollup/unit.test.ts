import { criteriaSetToSheet } from "../../../src/core/criteria/criteria-sheet";
import { findBuiltInSet } from "../../../src/core/criteria-sets";
import type { Grid } from "../../../src/core/read/grid";
import { buildRollupSheets, rollUp, rollupUnit, scoreUnit } from "../../../src/core/rollup";
import type { CellValue } from "../../../src/core/parse/values";

const SET = findBuiltInSet("xa-2025-dien-ban")!;
const today = "2025-11-20";

const table = (extra: { appraisal?: boolean; title?: string } = {}): Grid => {
  const appraisal = extra.appraisal ? ["Điểm thẩm định (điểm)"] : [];
  const values: CellValue[][] = [
    [extra.title ?? "BẢNG TỰ CHẤM ĐIỂM (Kèm theo Báo cáo của UBND phường Văn Quán)"],
    [],
    [
      "TT",
      "Mã",
      "Nội dung tiêu chí",
      "Điểm tối đa",
      "Kết quả",
      "Điểm tự chấm",
      ...appraisal,
      "Thời gian hoàn thành",
      "Tình trạng",
    ],
    [
      1,
      "I.1",
      "Hoàn thành kế hoạch CCHC của phường",
      1.5,
      "100%",
      1.5,
      ...(extra.appraisal ? [1.25] : []),
      "Trước ngày 15/11/2025",
      "Đang thực hiện",
    ],
    [
      2,
      "III.4",
      "Kết quả giải quyết hồ sơ TTHC",
      1.5,
      "90%",
      1.5,
      ...(extra.appraisal ? [0] : []),
      "",
      "",
    ],
    [
      3,
      "VI.1",
      "Tổ chức thực hiện công tác tài chính - ngân sách",
      1,
      "100%",
      "",
      ...(extra.appraisal ? [""] : []),
      "Trước ngày 01/10/2025",
      "Đã hoàn thành",
    ],
  ];
  return { sheetName: "Tự chấm", values };
};

describe("scoreUnit", () => {
  it("totals computed, self-scores and appraised scores of the rows the totals count", () => {
    const unit = scoreUnit([table({ appraisal: true })], "van-quan.xlsx", { criteria: SET, today });
    expect(unit.name).toBe("Phường Văn Quán");
    expect(unit.criterionPoints).toEqual({ "I.1": 1.5, "III.4": 0, "VI.1": 1 });
    expect(unit.points).toBe(2.5);
    expect(unit.selfPoints).toBe(3);
    expect(unit.appraisedPoints).toBe(1.25);
    expect(unit.areas.map((a) => [a.code, a.points])).toEqual([
      ["I", 1.5],
      ["III", 0],
      ["VI", 1],
    ]);
  });

  it("has no appraised total without the column, and lists warnings and overdue tasks with their cells", () => {
    const unit = scoreUnit([table()], "van-quan.xlsx", { criteria: SET, today });
    expect(unit.appraisedPoints).toBeNull();
    const mismatch = unit.warnings.find((w) => w.code === "self_score_mismatch");
    expect(mismatch).toMatchObject({ sheet: "Tự chấm", row: 5, cell: "F5" });
    expect(unit.overdue).toEqual([
      expect.objectContaining({
        sheet: "Tự chấm",
        row: 4,
        cell: "G4",
        due: "2025-11-15",
        daysLate: 5,
      }),
    ]);
  });
});

describe("rollupUnit", () => {
  const other = { ...SET, id: "khac", name: "Bộ khác" };
  const sheet = (set = SET): Grid => ({
    sheetName: "Bộ tiêu chí",
    values: criteriaSetToSheet(set).values,
  });

  it("uses the shared set first, else the workbook's own sheet, else the fallback set", () => {
    const shared = rollupUnit([table(), sheet(other)], "a.xlsx", { criteria: SET, today });
    expect(shared.ok && shared.unit.criteriaSet?.id).toBe(SET.id);
    const own = rollupUnit([table(), sheet(other)], "a.xlsx", {
      criteria: null,
      fallbackCriteria: SET,
      today,
    });
    expect(own.ok && own.unit.criteriaSet?.id).toBe("khac");
    const fallback = rollupUnit([table()], "a.xlsx", {
      criteria: null,
      fallbackCriteria: other,
      today,
    });
    expect(fallback.ok && fallback.unit.criteriaSet?.id).toBe("khac");
    const none = rollupUnit([table()], "a.xlsx", { criteria: null, today });
    expect(none.ok && none.unit.criteriaSet).toBeNull();
  });

  it("makes a file with a broken criteria sheet a failure that names the cells to fix", () => {
    const broken = sheet();
    const header = broken.values.findIndex((row) => row.includes("Điểm tối đa"));
    const column = broken.values[header].indexOf("Điểm tối đa");
    broken.values = broken.values.map((row, r) =>
      r === header + 2 ? row.map((v, c) => (c === column ? "nhiều" : v)) : row
    );
    const outcome = rollupUnit([table(), broken], "hong.xlsx", { criteria: null, today });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.failure.file).toBe("hong.xlsx");
    expect(outcome.failure.reason).toMatch(
      /^Trang "Bộ tiêu chí" có lỗi nên chưa chấm tệp này: 'Bộ tiêu chí'!D\d+: Điểm tối đa phải là số/
    );
  });

  it("skips a roll-up workbook the tool wrote, found again in the units' folder", () => {
    const first = rollupUnit([table()], "a.xlsx", { criteria: SET, today });
    if (!first.ok) throw new Error(first.failure.reason);
    const ranking = buildRollupSheets(rollUp([first.unit], [], today))[0];
    const outcome = rollupUnit(
      [{ sheetName: ranking.name, values: ranking.values }],
      "tong-hop.xlsx",
      { criteria: SET, today }
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.failure.reason).toContain("tệp tổng hợp do công cụ tạo");
  });
});
