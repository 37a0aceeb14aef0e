import fc from "fast-check";
import type { Grid } from "../../../src/core/read/grid";
import { scoreWorkbookOnly } from "../../../src/core/run";
import { scoreUnit } from "../../../src/core/rollup";
import { countEachCriterionOnce } from "../../../src/core/score/counted-once";
import type { CountedCriterion, TableResult } from "../../../src/core/score/score";
import { CRITERIA_SHEET, TASK_SHEET } from "../../../samples/sample-tables";
import { TEMPLATES } from "../../fixtures/assessment/templates";
import { templateGrid } from "../assessment/template-grid";
import { DIEN_BAN_2025, gridOf } from "../fixtures";

const today = "2025-11-20";
const tasks = gridOf(TASK_SHEET);
const scored = gridOf(CRITERIA_SHEET);
const copyOf = (grid: Grid, name = `${grid.sheetName} (2)`): Grid => ({ ...grid, sheetName: name });
const run = (grids: Grid[]) => scoreWorkbookOnly(grids, { criteria: DIEN_BAN_2025, today });
const single = run([tasks, scored]).summary;

describe("a criterion counts once per workbook", () => {
  it("adds a copied sheet's points once, says so, and still scores the copy's rows", () => {
    const { summary, results } = run([tasks, scored, copyOf(scored)]);
    expect(single.points).toBe(4.24);
    expect(summary.points).toBe(single.points);
    expect(summary.maxPoints).toBe(single.maxPoints);
    expect(summary.areas).toEqual(single.areas);
    for (const area of summary.areas) expect(area.points).toBeLessThanOrEqual(area.areaMaxPoints);
    // The copy's table keeps its own rows and totals (what its owned columns show).
    expect(results[2].tables[0].totals.points).toBe(4.24);
    const notice = summary.notices.find((n) => n.includes("chấm lại"));
    expect(notice).toBe(
      'Bảng ở trang "Tự chấm điểm 2025 (2)" (tiêu đề dòng 4) chấm lại tiêu chí I.1, III.4, VI.1, VII.4, VIII.4 đã tính ở trang "Tự chấm điểm 2025": bảng này không cộng thêm vào tổng (mỗi tiêu chí chỉ tính một lần). Nếu đây là bản sao, hãy xoá trang đó hoặc chỉ giữ một bảng.'
    );
  });

  it("gives the same totals however often and in whatever order the sheets are copied", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(tasks, scored), { minLength: 1, maxLength: 5 }),
        (extra) => {
          const grids = [...extra, tasks, scored].map((grid, i) =>
            copyOf(grid, `${grid.sheetName} ${i}`)
          );
          const { summary } = run(grids);
          expect(summary.points).toBe(single.points);
          expect(summary.maxPoints).toBe(single.maxPoints);
          expect(summary.areas.map((a) => [a.code, a.points, a.maxPoints])).toEqual(
            single.areas.map((a) => [a.code, a.points, a.maxPoints])
          );
        }
      ),
      { numRuns: 40 }
    );
  });

  it("leaves out a repeated self-assessment table whole", () => {
    const form = templateGrid(TEMPLATES["layout-1"]);
    const once = scoreWorkbookOnly([form], { criteria: null, today }).summary;
    const twice = scoreWorkbookOnly([form, copyOf(form)], { criteria: null, today }).summary;
    expect(once.maxPoints).toBeGreaterThan(0);
    expect(twice.points).toBe(once.points);
    expect(twice.maxPoints).toBe(once.maxPoints);
    expect(
      twice.notices.some((n) => n.includes("bảng tự đánh giá này không cộng thêm vào tổng"))
    ).toBe(true);
  });

  it("gives a roll-up unit the same points and self-score with a copied sheet", () => {
    const one = scoreUnit([tasks, scored], "a.xlsx", { criteria: DIEN_BAN_2025, today });
    const two = scoreUnit([tasks, scored, copyOf(scored)], "a.xlsx", {
      criteria: DIEN_BAN_2025,
      today,
    });
    expect(one.selfPoints).not.toBeNull();
    expect(two.points).toBe(one.points);
    expect(two.maxPoints).toBe(one.maxPoints);
    expect(two.selfPoints).toBe(one.selfPoints);
    expect(two.areas).toEqual(one.areas);
  });
});

describe("countEachCriterionOnce", () => {
  const entry = (
    code: string,
    area: string,
    points: number,
    maxPoints: number,
    ancestors: string[] = []
  ): CountedCriterion => ({
    code,
    area,
    points,
    maxPoints,
    ancestors,
  });
  const table = (sheet: string, counted: CountedCriterion[]): TableResult => {
    const areas = [...new Set(counted.map((c) => c.area))].map((code) => ({
      code,
      name: `Lĩnh vực ${code}`,
      points: counted.filter((c) => c.area === code).reduce((t, c) => t + c.points, 0),
      maxPoints: counted.filter((c) => c.area === code).reduce((t, c) => t + c.maxPoints, 0),
      areaMaxPoints: 10,
      partial: false,
    }));
    return {
      sheet,
      headerRow: 3,
      rows: [],
      totals: {
        points: counted.reduce((t, c) => t + c.points, 0),
        maxPoints: counted.reduce((t, c) => t + c.maxPoints, 0),
        areas,
        counted,
      },
      missingCriteria: [],
      layout: {
        headerRow: 2,
        dataRows: [],
        lastRow: 2,
        lastInputColumn: 3,
        ownedColumn: null,
        ownedWidth: null,
        marker: null,
        statusColumn: null,
        deadlineColumn: null,
      },
    };
  };

  it("counts a table whole when it repeats nothing", () => {
    const a = table("A", [entry("I.1", "I", 1, 1.5)]);
    const b = table("B", [entry("VI.1", "VI", 0.5, 1)]);
    const [first, second] = countEachCriterionOnce([a, b], DIEN_BAN_2025);
    expect(first.adds).toBe(a.totals);
    expect(second.adds).toBe(b.totals);
    expect(second.repeated).toEqual([]);
  });

  it("adds only the criteria a later table scores first", () => {
    const a = table("A", [entry("I.1", "I", 1, 1.5), entry("VI.1", "VI", 0.82, 1)]);
    const b = table("B", [entry("VI.1", "VI", 1, 1), entry("VII.4.1", "VII", 0.5, 1.5, ["VII.4"])]);
    const second = countEachCriterionOnce([a, b], DIEN_BAN_2025)[1];
    expect(second.repeated).toEqual(["VI.1"]);
    expect(second.countedIn).toEqual(["A"]);
    expect(second.leftOut).toBe(false);
    expect(second.adds.points).toBe(0.5);
    expect(second.adds.maxPoints).toBe(1.5);
    expect(second.adds.areas.map((area) => [area.code, area.points, area.maxPoints])).toEqual([
      ["VII", 0.5, 1.5],
    ]);
  });

  it("treats a criterion as counted through its parent and through its children", () => {
    const parent = table("Cha", [entry("VII.4", "VII", 2, 3)]);
    const child = table("Con", [entry("VII.4.1", "VII", 1, 1.5, ["VII.4"])]);
    expect(countEachCriterionOnce([parent, child], DIEN_BAN_2025)[1].repeated).toEqual(["VII.4.1"]);
    expect(countEachCriterionOnce([child, parent], DIEN_BAN_2025)[1].repeated).toEqual(["VII.4"]);
    expect(countEachCriterionOnce([child, parent], DIEN_BAN_2025)[1].adds.points).toBe(0);
  });

  it("leaves out a self-assessment table (no per-criterion counts) that repeats a counted criterion", () => {
    const plan = table("Kế hoạch", [entry("VI.1", "VI", 1, 1)]);
    const form: TableResult = {
      ...table("Tự đánh giá", []),
      totals: { points: 3, maxPoints: 5, areas: [] },
      rows: [
        { criterion: "VI.1", maxPoints: 1 },
        { criterion: "I.1", maxPoints: 1.5 },
      ] as TableResult["rows"],
    };
    const second = countEachCriterionOnce([plan, form], DIEN_BAN_2025)[1];
    expect(second.leftOut).toBe(true);
    expect(second.adds.points).toBe(0);
    expect(second.repeated).toEqual(["VI.1"]);
    // Counted first, the same form adds its whole total.
    expect(countEachCriterionOnce([form, plan], DIEN_BAN_2025)[0].adds.points).toBe(3);
    expect(countEachCriterionOnce([form, plan], DIEN_BAN_2025)[1].adds.points).toBe(0);
  });
});
