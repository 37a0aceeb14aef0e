import fc from "fast-check";
import { scoreWorkbook } from "../../src/core/run";
import { OUTPUT_COLUMNS } from "../../src/core/read/output-columns";
import type { Grid } from "../../src/core/read/grid";
import type { CellValue } from "../../src/core/parse/values";
import { CriteriaIndex } from "../../src/core/criteria/criteria-index";
import { roundHalfAwayFromZero } from "../../src/core/parse/numbers";
import { parseCriteriaSet, type CriteriaSet } from "../../src/core/criteria/schema";
import { applyPlan } from "./apply-plan";
import { DIEN_BAN_2025, HA_DONG_2024 } from "./fixtures";

const WORDS = [
  "STT",
  "Mã",
  "Nội dung",
  "Thời gian hoàn thành",
  "Kết quả",
  "Điểm tối đa",
  "Điểm tự chấm",
  "Tình trạng",
  "Tài liệu kiểm chứng",
  "Bộ phận thực hiện",
  "I",
  "II. CẢI CÁCH THỂ CHẾ",
  "1.1. Ban hành",
  "I.1",
  "VII.4.1",
  "4.2 Tỷ lệ",
  "85%",
  "41/42",
  "vượt: 3; đạt: 3; tổng: 10",
  "Quý II, III/2025",
  "Trước ngày 31/11/2025",
  "Thường xuyên",
  "Đã hoàn thành",
  "Đang thực hiện",
  "#N/A",
  "#DIV/0!",
  "Không phát sinh",
  "<script>alert(1)</script>",
  "",
  "Điểm tính toán (tự động)",
  "Hạn chót (tự động)",
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.string({ maxLength: 12 }),
  fc.double({ noNaN: false, min: -1e6, max: 1e6 }),
  fc.integer({ min: -5, max: 60000 }),
  fc.boolean(),
  fc.constant("")
);

const grid: fc.Arbitrary<Grid> = fc
  .array(fc.array(cell, { minLength: 0, maxLength: 9 }), { minLength: 0, maxLength: 25 })
  .map((values) => ({ sheetName: "Ngẫu nhiên", values }));

describe("the core on arbitrary grids", () => {
  it("never throws, keeps every point null or within [0, max], and plans writes only in owned cells", () => {
    fc.assert(
      fc.property(grid, fc.constantFrom(null, DIEN_BAN_2025, HA_DONG_2024), (g, criteria) => {
        const run = scoreWorkbook([g], { criteria, today: "2025-11-20" });
        for (const sheet of run.results) {
          for (const table of sheet.tables) {
            for (const row of table.rows) {
              if (row.points !== null) {
                expect(row.maxPoints).not.toBeNull();
                expect(row.points).toBeGreaterThanOrEqual(0);
                expect(row.points).toBeLessThanOrEqual(row.maxPoints! + 1e-9);
              }
            }
          }
        }
        for (const plan of run.plans) {
          const result = run.results.find((r) => r.sheet === plan.sheet)!;
          plan.tables.forEach((table, i) => {
            const layout = result.tables[i].layout;
            // The block lies right of every input column, or exactly on the block a run wrote before.
            expect(table.left === layout.ownedColumn || table.left > layout.lastInputColumn).toBe(
              true
            );
            // Five columns where the table has deadlines, three (no due, no state) where not.
            expect(table.values[0]).toHaveLength(
              layout.deadlineColumn !== null ? OUTPUT_COLUMNS.length : table.columns.length
            );
            expect([3, OUTPUT_COLUMNS.length]).toContain(table.columns.length);
            expect(table.values.every((row) => row.length === table.columns.length)).toBe(true);
            // Any non-empty cell under a first-run block is reported as a conflict.
            if (layout.ownedColumn === null) {
              for (let r = table.top; r < table.top + table.values.length; r++) {
                for (let k = 0; k < table.columns.length; k++) {
                  const value = g.values[r]?.[table.left + k];
                  if (value !== undefined && value !== "" && String(value).trim() !== "") {
                    expect(plan.conflicts.length).toBeGreaterThan(0);
                  }
                }
              }
            }
          });
        }
      }),
      { numRuns: 400 }
    );
  });
});

// ---------------------------------------------------------------------------
// Random but plausible workbooks (issue 10): criteria listed twice, maxima with three
// decimals, tiny and huge numbers, multi-line results, and a second run over the written
// workbook.
// ---------------------------------------------------------------------------

const RULE_SHAPES = [
  "ratio0",
  "ratio",
  "gate",
  "tiers",
  "count",
  "weighted_share",
  "all_of",
  "manual",
  "boolean",
] as const;
type RuleShape = (typeof RULE_SHAPES)[number];

const leaf = fc.record({
  max: fc.constantFrom(0.125, 0.005, 0.375, 1.5, 0.25, 2, 0.001),
  shape: fc.constantFrom(...RULE_SHAPES),
});

function ruleOf(shape: RuleShape, max: number): Record<string, unknown> {
  switch (shape) {
    case "ratio0":
      return { kind: "ratio", min: 0 };
    case "ratio":
      return { kind: "ratio", min: 0.5, full: 0.9 };
    case "gate":
      return { kind: "gate", min: 0.8 };
    case "tiers":
      return {
        kind: "tiers",
        tiers: [
          { min: 1, points: max },
          { min: 0.5, points: roundHalfAwayFromZero(max / 3, 3) },
        ],
      };
    case "count":
      return { kind: "count", target: 3, partial: true };
    case "weighted_share":
      return { kind: "weighted_share", weights: { exceeded: max, met: max / 2 }, cutoff: 0.5 };
    case "all_of":
      return {
        kind: "all_of",
        conditions: [
          { label: "Số hóa", min: 0.8 },
          { label: "Khai thác", min: 0.5 },
        ],
      };
    case "manual":
    case "boolean":
      return { kind: shape, noCaseFull: true };
  }
}

/** A criteria set of one area: a parent with children, and criteria of their own; maxima with up to three decimals. */
const generatedSet: fc.Arbitrary<CriteriaSet> = fc
  .record({
    children: fc.array(leaf, { minLength: 1, maxLength: 4 }),
    loose: fc.array(leaf, { minLength: 1, maxLength: 4 }),
  })
  .map(({ children, loose }) => {
    const sum = (leaves: Array<{ max: number }>) =>
      roundHalfAwayFromZero(
        leaves.reduce((t, l) => t + l.max, 0),
        3
      );
    const parentMax = sum(children);
    const criteria = [
      {
        code: "A.1",
        name: "Tiêu chí cha",
        maxPoints: parentMax,
        children: children.map((l, i) => ({
          code: `A.1.${i + 1}`,
          name: `Con ${i + 1}`,
          maxPoints: l.max,
          rule: ruleOf(l.shape, l.max),
        })),
      },
      ...loose.map((l, i) => ({
        code: `A.${i + 2}`,
        name: `Riêng ${i + 2}`,
        maxPoints: l.max,
        rule: ruleOf(l.shape, l.max),
      })),
    ];
    const parsed = parseCriteriaSet({
      id: "sinh-ngau-nhien",
      name: "Bộ sinh ngẫu nhiên",
      areas: [
        {
          code: "A",
          name: "Lĩnh vực A",
          maxPoints: roundHalfAwayFromZero(parentMax + sum(loose), 3),
          criteria,
        },
      ],
    });
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join("\n"));
    return parsed.value;
  });

const plausibleResult: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom<CellValue>(
    "100%",
    "85%",
    "0,0000001",
    5e-324,
    1e308,
    -5,
    "9".repeat(400) + "%",
    "-5%",
    "1" + "0".repeat(400),
    "1" + "0".repeat(400) + "/2",
    "Tổng 10\nVượt 5\nĐạt 4",
    "vượt: 3; đạt: 3; tổng: 10",
    "82%; 47%",
    "82%\n47%",
    "41/42",
    "Không phát sinh",
    "Đạt",
    "Không",
    "02 sáng kiến",
    "0,125",
    "0,005",
    "0,375/0,375",
    "",
    "Đạt 85% kế hoạch\r\nghi chú",
    "1,5",
    `${"9".repeat(30)} sáng kiến`
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: 0, max: 2, noNaN: true }),
  fc.integer({ min: 0, max: 12 }),
  fc.string({ maxLength: 30 })
);

const plausibleDeadline = fc.constantFrom<[CellValue, string]>(
  ["Quý IV/2025", "General"],
  [20251215, "dd/mm/yyyy"],
  [3e9, "dd/mm/yyyy"],
  [45991, "dd/mm/yyyy"],
  ["Thường xuyên", "General"],
  ["", "General"],
  ["Trước ngày 31/11/2025", "General"]
);

/** A table listing codes of the set (some more than once) with plausible results and deadlines. */
function plausibleGrid(codes: string[]): fc.Arbitrary<Grid> {
  return fc
    .array(fc.tuple(fc.constantFrom(...codes), plausibleResult, plausibleDeadline), {
      minLength: 1,
      maxLength: 14,
    })
    .map((rows) => ({
      sheetName: "Tự chấm",
      values: [
        ["Mã", "Nội dung", "Kết quả", "Thời gian hoàn thành"],
        ...rows.map(([code, result, [deadline]]) => [code, `Nội dung ${code}`, result, deadline]),
      ],
      numberFormats: [
        ["General", "General", "General", "General"],
        ...rows.map(([, , [, format]]) => ["General", "General", "General", format]),
      ],
    }));
}

const codesOf = (set: CriteriaSet): string[] =>
  [...new CriteriaIndex(set).all()].map((e) => e.criterion.code);

const workbook: fc.Arbitrary<{ set: CriteriaSet; grid: Grid }> = fc
  .oneof(generatedSet, fc.constant(DIEN_BAN_2025))
  .chain((set) => plausibleGrid(codesOf(set)).map((grid) => ({ set, grid })));

function expectSoundResult(run: ReturnType<typeof scoreWorkbook>): void {
  for (const sheet of run.results) {
    for (const table of sheet.tables) {
      for (const row of table.rows) {
        if (row.points !== null) {
          expect(Number.isFinite(row.points)).toBe(true);
          expect(row.points).toBeGreaterThanOrEqual(0);
          expect(row.points).toBeLessThanOrEqual(row.maxPoints!);
        }
        for (const w of row.warnings) {
          expect(w.message).not.toMatch(/[\r\n\u2028\u2029]/);
          expect(w.message).not.toMatch(/NaN|Infinity/);
          if (w.pointsLost !== undefined) expect(Number.isFinite(w.pointsLost)).toBe(true);
        }
      }
      expect(Number.isFinite(table.totals.points)).toBe(true);
      expect(table.totals.points).toBeGreaterThanOrEqual(0);
      expect(table.totals.points).toBeLessThanOrEqual(table.totals.maxPoints);
      for (const area of table.totals.areas) {
        expect(area.points).toBeGreaterThanOrEqual(0);
        expect(area.points).toBeLessThanOrEqual(area.maxPoints);
      }
    }
  }
  for (const plan of run.plans)
    for (const table of plan.tables)
      for (const cells of table.values)
        for (const cell of cells)
          if (typeof cell === "number") expect(Number.isFinite(cell)).toBe(true);
}

describe("the core on random but plausible workbooks", () => {
  it("keeps points finite and within [0, max], totals within their maxima, and scores the written workbook again the same", () => {
    fc.assert(
      fc.property(workbook, ({ set, grid: g }) => {
        const first = scoreWorkbook([g], { criteria: set, today: "2025-11-20" });
        expectSoundResult(first);
        expect(first.blocked).toBeNull();
        const second = scoreWorkbook([applyPlan(g, first.plans[0])], {
          criteria: set,
          today: "2025-11-20",
        });
        expect(second.blocked).toBeNull();
        expect(second.plans[0].conflicts).toEqual([]);
        expect(second.plans[0].tables.map((t) => t.values)).toEqual(
          first.plans[0].tables.map((t) => t.values)
        );
        expect(second.results[0].tables.map((t) => t.totals)).toEqual(
          first.results[0].tables.map((t) => t.totals)
        );
      }),
      { numRuns: 300 }
    );
  });
});
