import fc from "fast-check";
import { scoreWorkbook } from "../../../src/core/run";
import type { CellValue } from "../../../src/core/parse/values";

/** A generated self-assessment table: options with any marks, manual rows with any self-score. */
const mark = fc.oneof(
  fc.constant<CellValue>(""),
  fc.constant<CellValue>("x"),
  fc.double({ min: -5, max: 5, noNaN: true }),
  fc.constant<CellValue>("abc"),
  fc.constant<CellValue>(Number.POSITIVE_INFINITY)
);
const criterion = fc.record({
  max: fc.integer({ min: 1, max: 8 }).map((n) => n / 4),
  options: fc.array(
    fc.record({ points: fc.integer({ min: 0, max: 10 }).map((n) => n / 4), mark }),
    { maxLength: 4 }
  ),
  self: mark,
  figure: fc.oneof(
    fc.constant<CellValue>(""),
    fc.constant<CellValue>("85%"),
    fc.constant<CellValue>("12/10")
  ),
});
const area = fc.record({
  kind: fc.constantFrom("main", "main", "bonus", "deduction"),
  criteria: fc.array(criterion, { minLength: 1, maxLength: 5 }),
});

describe("self-assessment scoring, generated tables", () => {
  it("keeps every row within [0, max] and the total within [0, main maximum + bonus cap]", () => {
    fc.assert(
      fc.property(fc.array(area, { minLength: 1, maxLength: 4 }), (areas) => {
        const values: CellValue[][] = [
          [
            "STT",
            "Tiêu chí, tiêu chí thành phần",
            "Điểm tối đa",
            "Số liệu kê khai",
            "Điểm tự đánh giá",
          ],
        ];
        let bonusCap = 0;
        areas.forEach((a, i) => {
          const name =
            a.kind === "bonus"
              ? "ĐIỂM THƯỞNG"
              : a.kind === "deduction"
                ? "ĐIỂM TRỪ"
                : `LĨNH VỰC ${i + 1}`;
          const cap = a.criteria.reduce((s, c) => s + c.max, 0) / 2;
          if (a.kind === "bonus") bonusCap += cap;
          values.push([String(i + 1), name, cap, "", ""]);
          a.criteria.forEach((c, k) => {
            values.push([`${i + 1}.${k + 1}`, `Tiêu chí ${k + 1}`, c.max, c.figure, c.self]);
            c.options.forEach((o, m) =>
              values.push(["", `Mức ${m}: ${o.points}`, o.points, "", o.mark])
            );
          });
        });
        const run = scoreWorkbook([{ sheetName: "S", values }], {
          criteria: null,
          today: "2025-11-20",
        });
        for (const table of run.results[0].tables) {
          for (const row of table.rows) {
            if (row.points === null) continue;
            expect(Number.isFinite(row.points)).toBe(true);
            expect(row.points).toBeGreaterThanOrEqual(0);
            expect(row.points).toBeLessThanOrEqual(row.maxPoints!);
          }
          expect(Number.isFinite(table.totals.points)).toBe(true);
          expect(table.totals.points).toBeGreaterThanOrEqual(0);
          expect(table.totals.points).toBeLessThanOrEqual(table.totals.maxPoints + bonusCap + 1e-9);
        }
      }),
      {
        numRuns: 200,
        // Found by this property: a bonus capped at 0,125 rounded to 0,13 above the total's maximum.
        examples: [
          [
            [
              {
                kind: "bonus",
                criteria: [
                  {
                    max: 0.25,
                    options: [
                      { points: 0, mark: "" },
                      { points: 0.25, mark: -5e-324 },
                    ],
                    self: Number.POSITIVE_INFINITY,
                    figure: "12/10",
                  },
                ],
              },
            ],
          ],
        ] as never,
      }
    );
  });
});
