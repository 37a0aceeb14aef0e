/**
 * Issue 12 through the add-in's adapter on the fake Excel with merged areas: the same
 * appendix shapes and hand counts as the core and CLI tests (fixtures/appendix-shapes).
 */
import { scoreActiveSheet } from "../../src/excel/score-active-sheet";
import { outputColumnIndex } from "../../src/core/read/output-columns";
import { DIEN_BAN_2025 } from "../core/fixtures";
import { FakeExcel, FakeSheet } from "../support/fake-excel";
import {
  FOOTERS_AND_NOTES,
  MERGED_DEADLINES,
  MERGED_DEADLINES_NOT_STARTED,
  MERGED_DEADLINES_OVERDUE,
  TWO_ROW_HEADER,
  type Shape,
} from "../fixtures/appendix-shapes/shapes";

beforeAll(() => {
  (globalThis as unknown as { Excel: unknown }).Excel = FakeExcel.enums;
});

const today = "2025-11-20";

function sheetOf(shape: Shape): FakeSheet {
  const width = Math.max(...shape.rows.map((row) => row.length));
  const values = shape.rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ""));
  const formats = values.map((row, r) =>
    row.map((_, c) => shape.formats?.[`${String.fromCharCode(65 + c)}${r + 1}`] ?? "General")
  );
  return new FakeSheet(shape.sheetName, values, formats, { merges: shape.merges });
}

async function scoreIn(sheet: FakeSheet, criteria: typeof DIEN_BAN_2025 | null) {
  const excel = new FakeExcel([sheet]);
  const outcome = await scoreActiveSheet(
    excel.context(),
    { criteria, today },
    { supports: (v) => excel.supports(v) }
  );
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.run;
}

describe("the add-in on appendices with merged cells", () => {
  it("counts 7 overdue (5 not started) under merged deadline, owner and status cells, and writes a date on each row", async () => {
    const sheet = sheetOf(MERGED_DEADLINES);
    const run = await scoreIn(sheet, null);
    const rows = run.results[0].tables[0].rows;
    expect(rows.filter((r) => r.overdue).map((r) => r.row)).toEqual(MERGED_DEADLINES_OVERDUE);
    expect(rows.filter((r) => r.overdue && r.status === "not_started").map((r) => r.row)).toEqual(
      MERGED_DEADLINES_NOT_STARTED
    );
    const dueColumn = 6 + outputColumnIndex("due");
    for (const row of MERGED_DEADLINES_OVERDUE)
      expect(typeof sheet.cell(row - 1, dueColumn)?.value).toBe("number");
    // The merged input cells keep their value in the top-left cell only.
    expect(sheet.cell(4, 3)?.value).toBe("Trước ngày 15/11/2025");
    expect(sheet.cell(5, 3)?.value ?? "").toBe("");
    expect(sheet.merges).toHaveLength(MERGED_DEADLINES.merges.length);
  });

  it('reads "Tỷ lệ" under a merged "Kết quả" and matches the hand count of 2,23', async () => {
    const run = await scoreIn(sheetOf(TWO_ROW_HEADER), DIEN_BAN_2025);
    const table = run.results[0].tables[0];
    expect(table.rows.map((r) => [r.row, r.criterion, r.points])).toEqual([
      [6, "I.1", null],
      [8, "III.4", 0],
      [10, "VII.4.1", 1.03],
      [11, "VII.4.2", 1.2],
    ]);
    expect(table.totals.points).toBe(2.23);
    expect(table.rows[0].warnings[0].message).toContain(
      "'Phân công 2025'!D6: công thức trong ô bị lỗi (#DIV/0!)"
    );
  });

  it("stops the owned block at the last task, above the totals, note and signature block", async () => {
    const sheet = sheetOf(FOOTERS_AND_NOTES);
    const run = await scoreIn(sheet, null);
    expect(run.results[0].tables[0].rows.map((r) => r.row)).toEqual([4, 5, 6, 8]);
    for (let r = 8; r < FOOTERS_AND_NOTES.rows.length; r++)
      for (let c = 6; c < 11; c++) expect(sheet.cell(r, c)?.value ?? "").toBe("");
  });
});
