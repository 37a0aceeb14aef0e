import fc from "fast-check";
import { scoreWorkbook } from "../../src/core/run";
import { OUTPUT_COLUMNS } from "../../src/core/output-columns";
import type { Grid } from "../../src/core/grid";
import type { CellValue } from "../../src/core/values";
import { DIEN_BAN_2025, HA_DONG_2024 } from "./fixtures";

const WORDS = [
  "STT", "Mã", "Nội dung", "Thời gian hoàn thành", "Kết quả", "Điểm tối đa", "Điểm tự chấm", "Tình trạng",
  "Tài liệu kiểm chứng", "Bộ phận thực hiện", "I", "II. CẢI CÁCH THỂ CHẾ", "1.1. Ban hành", "I.1", "VII.4.1", "4.2 Tỷ lệ",
  "85%", "41/42", "vượt: 3; đạt: 3; tổng: 10", "Quý II, III/2025", "Trước ngày 31/11/2025", "Thường xuyên",
  "Đã hoàn thành", "Đang thực hiện", "#N/A", "#DIV/0!", "Không phát sinh", "<script>alert(1)</script>", "",
  "Điểm tính toán (tự động)", "Hạn chót (tự động)",
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
            expect(table.left === layout.ownedColumn || table.left > layout.lastInputColumn).toBe(true);
            expect(table.values[0]).toHaveLength(OUTPUT_COLUMNS.length);
            // Any non-empty cell under a first-run block is reported as a conflict.
            if (layout.ownedColumn === null) {
              for (let r = table.top; r < table.top + table.values.length; r++) {
                for (let k = 0; k < OUTPUT_COLUMNS.length; k++) {
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
