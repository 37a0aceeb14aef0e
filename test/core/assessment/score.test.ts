import { scoreWorkbook } from "../../../src/core/run";
import type { CriteriaSet } from "../../../src/core/criteria/schema";
import { TEMPLATES, type TemplateName } from "../../fixtures/assessment/templates";
import { templateGrid } from "./template-grid";

const today = "2025-11-20";
const run = (name: TemplateName, criteria: CriteriaSet | null = null) =>
  scoreWorkbook([templateGrid(TEMPLATES[name])], { criteria, today });

describe("scoring a self-assessment table with no criteria set", () => {
  it.each(["layout-1", "layout-2", "layout-3", "layout-4", "layout-5"] as TemplateName[])(
    "%s: 7,07 from the areas + 2 bonus (capped) − 0,5 deduction = 8,57 / 10",
    (name) => {
      const { summary, results } = run(name);
      expect(summary.points).toBe(8.57);
      expect(summary.maxPoints).toBe(10);
      expect(summary.areas.map((a) => a.points)).toEqual([3.75, 3.32, 2, 0.5]);
      const table = results[0].tables[0];
      expect(table.assessment?.formation).toMatchObject({
        main: 7.07,
        bonus: 2,
        bonusCap: 2,
        deduction: 0.5,
        deductionCap: 2,
        total: 8.57,
      });
      expect(table.assessment?.formation.text).toBe(
        "Tổng = 7,07 (các lĩnh vực, tối đa 10) + 2 (điểm thưởng, tối đa 2) − 0,5 (điểm trừ, tối đa 2) = 8,57"
      );
      // Every option row is read, none is a criterion; every point within [0, max].
      for (const row of table.rows) {
        if (row.points === null || row.maxPoints === null) continue;
        expect(row.points).toBeGreaterThanOrEqual(0);
        expect(row.points).toBeLessThanOrEqual(row.maxPoints);
      }
      // One row per criterion (11), none per option row.
      expect(table.rows.map((r) => r.row)).toEqual(
        [6, 7, 11, 15, 19, 21, 22, 26, 28, 29, 31].map((r) =>
          name === "layout-3" && r > 22 ? r - 3 : r
        )
      );
      expect(summary.warningCounts).toEqual([
        { code: "below_threshold", label: "Dưới ngưỡng chấm điểm", count: 4 },
      ]);
    }
  );

  it("layout-3: the figure picks the band, the method text the rule", () => {
    const rows = run("layout-3").results[0].tables[0].rows;
    const byCode = Object.fromEntries(rows.map((r) => [r.criterion, r.points]));
    expect(byCode).toMatchObject({
      "1.1.2": 0.5,
      "1.2": 1,
      "2.1": 1.5,
      "2.2": 0.5,
      "2.3": 1.32,
      "1.3": 1.25,
    });
  });

  it("layout-6 (the plan appendix) scores its results with the maxima and methods of its notes", () => {
    const { summary, results } = run("layout-6");
    expect(summary.points).toBe(7.24);
    expect(summary.maxPoints).toBe(9.5);
    const rows = results[0].tables[0].rows.filter((r) => r.criterion !== null);
    expect(rows.map((r) => [r.criterion, r.points])).toEqual([
      ["I.1", 1.28],
      ["III.4", 1.5],
      ["VI.1", 0],
      ["VI.2", 0.9],
      ["VII.4", 2.61],
      ["VII.4.1", 1.5],
      ["VII.4.2", 1.11],
      ["VIII.4", 0.95],
    ]);
  });

  it("shows self, computed and appraised side by side, differences largest first", () => {
    const appraisal = run("layout-1").summary.appraisal!;
    expect(appraisal).toMatchObject({ self: 8.57, computed: 8.57, appraised: 7.5 });
    expect(
      appraisal.differences.map((d) => [d.code, d.self, d.computed, d.appraised, d.gap])
    ).toEqual([
      ["1.1.1", 1, 1, 0.5, 0.5],
      ["2.3", 1.32, 1.32, 1, 0.32],
      ["1.3", 1.25, 1.25, 1, 0.25],
    ]);
  });

  it("layout-4: appraised minus 'Điểm bị trừ', or 'Điểm thẩm định sau khi trừ' when written", () => {
    const appraisal = run("layout-4").summary.appraisal!;
    expect(appraisal.differences.map((d) => [d.code, d.appraised])).toEqual([
      ["1.1.1", 0.5],
      ["2.3", 1],
      ["1.3", 1],
    ]);
  });

  it("lists the ward's slips as warnings that name the cells", () => {
    const rows = run("mistakes").results[0].tables[0].rows;
    const messages = rows.flatMap((r) =>
      r.warnings
        .filter((w) => w.code === "invalid_value")
        .map((w) => `${r.criterion}: ${w.message}`)
    );
    expect(messages).toEqual([
      "1.1.1: Có 2 mức được đánh dấu ('Biểu có lỗi'!G8, 'Biểu có lỗi'!G9): mỗi tiêu chí chỉ chọn một mức, xoá dấu ở các mức không đúng",
      `1.2: Ô 'Biểu có lỗi'!G14: Điểm 0,75 không trùng điểm của mức nào ("Đầy đủ các báo cáo" (1), "Báo cáo đạt ¾ số lượng trở lên" (0,5), "Báo cáo đạt dưới ¾ số lượng" (0)): nhập đúng điểm của một mức`,
      `2.1: Ô 'Biểu có lỗi'!D24: Số liệu "70%" thuộc cùng lúc 2 mức ("Từ 70% - 100%", "Từ 50% - 70%"): các mức chồng nhau, chọn mức bằng tay`,
      `2.3: Ô 'Biểu có lỗi'!D30: Số liệu "85%" không thuộc mức nào (từ 90%; từ 50% đến dưới 80%; dưới 50%): chọn mức bằng tay hoặc sửa các mức của tiêu chí`,
    ]);
  });

  it("a set chosen explicitly wins; its differences with the table's maxima are warnings", () => {
    const derived = run("layout-1").derivedSet!.set;
    const other: CriteriaSet = JSON.parse(JSON.stringify(derived));
    const inspection = other.areas[0].criteria[2];
    inspection.maxPoints = 1.5;
    other.areas[0].criteria[0].maxPoints = 2.5;
    other.id = "bo-khac";
    const result = run("layout-1", other);
    expect(result.derivedSet).toBeNull();
    expect(result.summary.criteriaSet).toEqual({ id: "bo-khac", name: other.name });
    const row = result.results[0].tables[0].rows.find((r) => r.criterion === "1.3")!;
    expect(row.warnings.map((w) => w.message)).toEqual([
      `Ô 'Tự chấm 2025'!C19: điểm tối đa ghi "2" khác bộ tiêu chí (1,5)`,
    ]);
    expect(row.points).toBe(1.25);
  });
});

describe("the 'Tổng hợp' sheet of a self-assessment run", () => {
  it("has the self / computed / appraised part with the differences, largest first", () => {
    const rows = run("layout-1").summarySheet.values.map((row) => row.join(" | "));
    const at = rows.indexOf(
      "Đối chiếu điểm | Tự chấm | Tính toán | Thẩm định | Chênh lệch lớn nhất | Dòng"
    );
    expect(at).toBeGreaterThan(0);
    expect(rows.slice(at + 1, at + 5)).toEqual([
      "Tổng (trong giới hạn từng lĩnh vực, điểm thưởng, điểm trừ) | 8.57 | 8.57 | 7.5 |  | ",
      "1.1.1 Mức độ kịp thời trong ban hành kế hoạch CCHC năm | 1 | 1 | 0.5 | 0.5 | Tự chấm 2025!7",
      "2.3 Tỷ lệ hồ sơ TTHC được giải quyết trực tuyến | 1.32 | 1.32 | 1 | 0.32 | Tự chấm 2025!26",
      "1.3 Kiểm tra công tác cải cách hành chính | 1.25 | 1.25 | 1 | 0.25 | Tự chấm 2025!19",
    ]);
    // The notes under "Ghi chú" are cut into lines that stay within the table's width.
    const notes = run("layout-1")
      .summarySheet.values.filter((row) => row.slice(1).every((v) => v === ""))
      .map((row) => row[0])
      .join(" ");
    expect(notes).toContain(
      'Bảng tự đánh giá ở trang "Tự chấm 2025" (tiêu đề dòng 4): Tổng = 7,07 (các lĩnh vực, tối đa 10) + 2 (điểm thưởng, tối đa 2) − 0,5 (điểm trừ, tối đa 2) = 8,57'
    );
  });
});
