/**
 * Writing the roll-up sheets into the open workbook (Office.js) against the strict fake:
 * the ward workbooks are read with the package reader and scored with the core, as the
 * task pane does with the files the user picks.
 */
import {
  buildRollupSheets,
  rollUp,
  rollupUnit,
  WARNING_DETAIL_ROWS_PER_UNIT,
  type UnitFailure,
  type UnitResult,
} from "../../src/core/rollup";
import {
  freeSheetName,
  ROLLUP_MARKERS,
  sheetOfReference,
  writeRollup,
} from "../../src/excel/write-rollup";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { wardSpec, wardWorkbook } from "../fixtures/rollup/generate";
import { FAKE_PAYLOAD_LIMIT, FakeExcel, FakeSheet } from "../support/fake-excel";

beforeAll(() => {
  (globalThis as unknown as { Excel: unknown }).Excel = FakeExcel.enums;
});

const today = "2025-11-20";

async function wardUnits(count: number): Promise<UnitResult[]> {
  const units: UnitResult[] = [];
  for (let i = 0; i < count; i++) {
    const spec = wardSpec(i, count);
    const grids = readWorkbook(new Uint8Array(await wardWorkbook(spec))).sheets.map((s) => s.grid);
    const outcome = rollupUnit(grids, spec.file, { criteria: null, today });
    if (!outcome.ok) throw new Error(outcome.failure.reason);
    units.push(outcome.unit);
  }
  return units;
}

const failures: UnitFailure[] = [
  { file: "hong.xlsx", reason: "Tệp bị hỏng: lưu lại dạng .xlsx rồi chạy lại." },
];

describe("sheet names and references", () => {
  it("reads the sheet a marker points at, and none once the sheet is gone", () => {
    expect(sheetOfReference("'Xếp hạng (2)'!$A$1")).toBe("Xếp hạng (2)");
    expect(sheetOfReference("=Sheet1!$A$1")).toBe("Sheet1");
    expect(sheetOfReference("'It''s'!$A$1")).toBe("It's");
    expect(sheetOfReference("#REF!")).toBeNull();
  });

  it("finds a free name without regard to case", () => {
    expect(freeSheetName("Xếp hạng", ["Phụ lục"])).toBe("Xếp hạng");
    expect(freeSheetName("Xếp hạng", ["XẾP HẠNG", "xếp hạng (2)"])).toBe("Xếp hạng (3)");
  });
});

describe("writeRollup", () => {
  let units: UnitResult[];
  beforeAll(async () => {
    units = await wardUnits(8);
  }, 60_000);

  it("adds the four sheets with their values, markers, highlights and chart in two round trips", async () => {
    const user = new FakeSheet("Phụ lục", [["Dữ liệu của người dùng"]]);
    const excel = new FakeExcel([user]);
    const sheets = buildRollupSheets(rollUp(units, failures, today));
    const outcome = await writeRollup(excel.context(), sheets);
    expect(outcome.sheetNames).toEqual(["Xếp hạng", "Theo tiêu chí", "Cảnh báo", "Việc quá hạn"]);
    expect(excel.syncs).toBe(2);
    expect(outcome.syncs).toBe(2);
    expect(excel.sheets.map((s) => s.name)).toEqual(["Phụ lục", ...outcome.sheetNames]);
    expect(user.valueAt("A1")).toBe("Dữ liệu của người dùng");
    sheets.forEach((content, k) => {
      const sheet = excel.sheets[k + 1];
      content.values.forEach((row, r) =>
        row.forEach((value, c) => {
          if (value !== "") expect(sheet.cell(r, c)?.value).toBe(value);
        })
      );
      expect(excel.names.get(ROLLUP_MARKERS[k])).toMatch(/!\$A\$1$/);
    });
    const ranking = excel.sheets[1];
    expect(ranking.activated).toBe(true);
    expect(ranking.charts).toHaveLength(1);
    const chart = sheets[0].chart!;
    // The header row too: the series is named as in the CLI's chart.
    expect(ranking.charts[0].source).toBe(`B${chart.headerRow + 1}:C${chart.lastRow + 1}`);
    // Where the plan puts it and as large as the plan says (fitted to the printed page 1).
    const cellAt = (row: number, column: number) =>
      `${String.fromCharCode(65 + Math.floor(column / 26) - 1).replace("@", "")}${String.fromCharCode(65 + (column % 26))}${row + 1}`;
    expect(ranking.charts[0].position).toBe(cellAt(chart.anchor.row, chart.anchor.column));
    expect(ranking.charts[0].end).toBe(
      cellAt(chart.anchor.row + chart.size!.rows, chart.anchor.column + chart.size!.columns)
    );
    const criteria = excel.sheets[2];
    expect(sheets[1].highlightedCells.length).toBeGreaterThan(0);
    for (const { row, column } of sheets[1].highlightedCells)
      expect(criteria.cell(row, column)?.fill).toBe("#F8CBAD");
    for (const r of sheets[1].headerRows) expect(criteria.cell(r, 0)?.bold).toBe(true);
  });

  it("never touches a user's sheet of the same name (any case): ours takes a free name", async () => {
    const user = new FakeSheet("XẾP HẠNG", [["Bảng xếp hạng tôi tự làm"], [1, "Phường A"]]);
    const excel = new FakeExcel([user]);
    const outcome = await writeRollup(
      excel.context(),
      buildRollupSheets(rollUp(units, failures, today))
    );
    expect(outcome.sheetNames[0]).toBe("Xếp hạng (2)");
    expect(user.valueAt("A1")).toBe("Bảng xếp hạng tôi tự làm");
    expect(user.valueAt("B2")).toBe("Phường A");
    expect(user.deleted).toBe(false);
  });

  it("replaces its own sheets on a second roll-up, even renamed, and keeps the user's", async () => {
    const user = new FakeSheet("Phụ lục", [["x"]]);
    const excel = new FakeExcel([user]);
    await writeRollup(excel.context(), buildRollupSheets(rollUp(units, failures, today)));
    excel.sheets[2].name = "Tiêu chí quý 3";
    const fewer = buildRollupSheets(rollUp(units.slice(0, 3), [], today));
    const outcome = await writeRollup(excel.context(), fewer);
    expect(outcome.sheetNames).toEqual(["Xếp hạng", "Theo tiêu chí", "Cảnh báo", "Việc quá hạn"]);
    expect(excel.sheets.map((s) => s.name)).toEqual(["Phụ lục", ...outcome.sheetNames]);
    // The first roll-up's longer ranking left nothing below the second's last row.
    const longer = buildRollupSheets(rollUp(units, failures, today))[0];
    const past = fewer[0].values.length;
    expect(String(longer.values[past]?.[1] ?? "")).not.toBe("");
    expect(excel.sheets[1].cell(past, 1)).toBeUndefined();
    expect([...excel.names.keys()].sort()).toEqual([...ROLLUP_MARKERS].sort());
  });

  it("keeps text as written: a cell starting with '-' or looking like a number stays text", async () => {
    const odd: UnitResult = {
      ...units[0],
      name: "- Phường có gạch đầu dòng",
      overdue: [
        {
          sheet: "Phụ lục",
          row: 5,
          cell: "C5",
          content: "=SUM(A1)",
          owner: "1.10",
          due: null,
          daysLate: 3,
        },
      ],
    };
    const excel = new FakeExcel([new FakeSheet("Phụ lục", [["x"]])]);
    const sheets = buildRollupSheets(rollUp([odd], [], today));
    await writeRollup(excel.context(), sheets);
    const overdue = excel.sheets[4];
    const header = sheets[3].headerRows[0];
    expect(overdue.cell(header + 1, 0)?.value).toBe("- Phường có gạch đầu dòng");
    expect(overdue.cell(header + 1, 3)?.value).toBe("=SUM(A1)");
    expect(overdue.cell(header + 1, 3)?.formula).toBeUndefined();
    expect(overdue.cell(header + 1, 4)?.value).toBe("1.10");
  });

  it("splits a large roll-up into requests under the limit", async () => {
    const many: UnitResult[] = Array.from({ length: 300 }, (_, i) => ({
      ...units[i % units.length],
      name: `Đơn vị ${i + 1}`,
      file: `don-vi-${i + 1}.xlsx`,
      warnings: Array.from({ length: 40 }, (_, k) => ({
        sheet: "Tự chấm điểm 2025",
        row: k + 5,
        cell: `F${k + 5}`,
        code: "self_score_mismatch" as const,
        label: "Điểm tự chấm khác điểm tính toán",
        message: `Ô 'Tự chấm điểm 2025'!F${k + 5}: điểm tự chấm 1,5 khác điểm tính toán 1,45 — ${"ghi chú dài ".repeat(20)}`,
        pointsAtStake: 0,
      })),
    }));
    const excel = new FakeExcel([new FakeSheet("Phụ lục", [["x"]])]);
    const outcome = await writeRollup(excel.context(), buildRollupSheets(rollUp(many, [], today)));
    expect(outcome.syncs).toBeGreaterThan(2);
    expect(Math.max(...excel.requestBytes)).toBeLessThan(FAKE_PAYLOAD_LIMIT);
    // The warnings sheet keeps WARNING_DETAIL_ROWS_PER_UNIT detail rows and a "… và N" line per unit.
    expect(excel.sheets[3].usedBounds()!.bottom).toBeGreaterThanOrEqual(
      300 * (WARNING_DETAIL_ROWS_PER_UNIT + 2)
    );
  }, 60_000);
});

describe("writeRollup as Excel's levels and protection allow (issue 24)", () => {
  let units: UnitResult[];
  beforeAll(async () => {
    units = await wardUnits(3);
  }, 60_000);
  const content = () => buildRollupSheets(rollUp(units, [], today));

  it("freezes the header rows only where the host has ExcelApi 1.7, and still writes on 1.6 (the manifest's minimum)", async () => {
    const old = new FakeExcel([new FakeSheet("Phụ lục", [["x"]])], { apiVersion: "1.6" });
    const outcome = await writeRollup(old.context(), content(), (v) => old.supports(v));
    expect(outcome.sheetNames).toHaveLength(4);
    expect(old.sheets[1].frozen).toBeNull();
    const current = new FakeExcel([new FakeSheet("Phụ lục", [["x"]])], { apiVersion: "1.7" });
    const sheets = content();
    await writeRollup(current.context(), sheets, (v) => current.supports(v));
    expect(current.sheets[1].frozen).toEqual({
      rows: sheets[0].frozenRows,
      columns: sheets[0].frozenColumns,
    });
  });

  it("refuses before changing anything when the workbook structure is protected (ExcelApi 1.7)", async () => {
    const excel = new FakeExcel([new FakeSheet("Phụ lục", [["x"]])]);
    await writeRollup(excel.context(), content(), (v) => excel.supports(v));
    const namesBefore = [...excel.names.entries()];
    excel.structureProtected = true;
    const syncs = excel.syncs;
    await expect(writeRollup(excel.context(), content(), (v) => excel.supports(v))).rejects.toThrow(
      /bảo vệ cấu trúc.*Chưa có trang nào bị thay đổi/
    );
    expect(excel.syncs - syncs).toBe(1);
    expect([...excel.names.entries()]).toEqual(namesBefore);
  });

  it("keeps its sheets marked when a delete is refused (no protection check below 1.7), so the next run replaces them", async () => {
    const excel = new FakeExcel([new FakeSheet("Phụ lục", [["x"]])], { apiVersion: "1.6" });
    const supports = (v: string) => excel.supports(v);
    const first = await writeRollup(excel.context(), content(), supports);
    excel.structureProtected = true;
    await expect(writeRollup(excel.context(), content(), supports)).rejects.toThrow(/Tổng hợp lại/);
    expect([...excel.names.keys()].sort()).toEqual([...ROLLUP_MARKERS].sort());
    excel.structureProtected = false;
    const again = await writeRollup(excel.context(), content(), supports);
    expect(again.sheetNames).toEqual(first.sheetNames);
    expect(excel.sheets.map((s) => s.name)).toEqual(["Phụ lục", ...first.sheetNames]);
  });
});
