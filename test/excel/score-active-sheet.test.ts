import { scoreActiveSheet, MAX_REQUEST_BYTES } from "../../src/excel/score-active-sheet";
import { syntheticGrid } from "../../bench/synthetic-table";
import { CRITERIA_SHEET, TASK_SHEET } from "../../samples/sample-tables";
import { DIEN_BAN_2025 } from "../core/fixtures";
import { FAKE_PAYLOAD_LIMIT, FakeExcel, FakeSheet } from "../support/fake-excel";
import type { SampleSheet } from "../../samples/sample-tables";
import type { CellValue } from "../../src/core/parse/values";
import { criteriaSetToSheet, readCriteriaSheet } from "../../src/core/criteria/criteria-sheet";
import { insertCriteriaSheet } from "../../src/excel/criteria-sheet";

beforeAll(() => {
  (globalThis as unknown as { Excel: unknown }).Excel = FakeExcel.enums;
});

const options = { criteria: DIEN_BAN_2025, today: "2025-11-20" };
/** Scores the fake's active sheet, with the fake's ExcelApi version as the host's. */
const scoreIn = (excel: FakeExcel, runOptions: Parameters<typeof scoreActiveSheet>[1]) =>
  scoreActiveSheet(excel.context(), runOptions, { supports: (version) => excel.supports(version) });
const sheetOf = (sample: SampleSheet) =>
  new FakeSheet(
    sample.name,
    sample.rows.map((r) => r.map((v) => v ?? ""))
  );

/** Every input cell, to compare before and after. */
function inputSnapshot(sheet: FakeSheet, lastColumn: number): string[] {
  return [...sheet.cells.entries()]
    .filter(([key]) => Number(key.split(",")[1]) <= lastColumn)
    .map(([key, cell]) => `${key}=${JSON.stringify(cell)}`)
    .sort();
}

describe("scoreActiveSheet", () => {
  it("scores the sample's criteria sheet in three round trips (facts, cells, writes) and writes the owned block", async () => {
    const sheet = sheetOf(CRITERIA_SHEET);
    const excel = new FakeExcel([sheet]);
    const before = inputSnapshot(sheet, 8);
    const outcome = await scoreIn(excel, options);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(excel.syncs).toBe(3);
    expect(outcome.run.summary.points).toBe(4.24);
    expect(inputSnapshot(sheet, 8)).toEqual(before);
    expect(sheet.valueAt("J4")).toBe("Điểm tính toán (tự động)");
    expect(sheet.valueAt("J6")).toBe(1.28);
    expect(sheet.valueAt("L10")).toBe(
      "⚠ Tỷ lệ 93,5% < 95%: không chấm điểm, mất 1,5 điểm\n⚠ Ô 'Tự chấm điểm 2025'!G10: điểm tự chấm 1,5 khác điểm tính toán 0"
    );
    expect(String(sheet.valueAt("N6"))).toMatch(/^=IF\(RC\[-1\]="",""/);
    expect(sheet.valueAt("N14")).toBe("Tình trạng hạn (tự động)"); // the repeated header row
    expect(sheet.conditionalFormats.map((cf) => cf.range)).toEqual(["A6:N21", "A6:N21"]);
    const summary = excel.sheets.find((s) => s.name === "Tổng hợp")!;
    expect(summary.valueAt("A1")).toBe("TỔNG HỢP CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX)");
    expect(summary.charts).toHaveLength(1);
    expect(summary.activated).toBe(false);
  });

  it("is idempotent: a second run keeps one block, one pair of rules and one summary sheet", async () => {
    const sheet = sheetOf(TASK_SHEET);
    const excel = new FakeExcel([sheet]);
    await scoreIn(excel, options);
    const first = [...sheet.cells.entries()].map(([k, c]) => `${k}=${JSON.stringify(c)}`).sort();
    const second = await scoreIn(excel, options);
    expect(second.ok).toBe(true);
    expect([...sheet.cells.entries()].map(([k, c]) => `${k}=${JSON.stringify(c)}`).sort()).toEqual(
      first
    );
    expect(sheet.conditionalFormats).toHaveLength(2);
    // The block's marker, the record of what was written beside it, the summary's marker.
    expect([...excel.names.keys()]).toEqual([
      "_ParIndex_yyexde_1",
      "_ParWrote_yyexde_1",
      "_ParIndex_TongHop",
    ]);
    expect(excel.names.get("_ParIndex_yyexde_1")).toBe("'Phụ lục KH CCHC'!$I$5:$M$5");
    expect(excel.sheets.filter((s) => s.name === "Tổng hợp")).toHaveLength(1);
    expect(excel.active).toBe(0); // the user stays on the sheet they scored
  });

  it.each([
    [10, 3],
    [50_000, 9],
  ])(
    "reads and writes %i rows in at most %i round trips, every request and response under the 5 MB limit",
    async (rows, most) => {
      const grid = syntheticGrid(rows);
      const excel = new FakeExcel([new FakeSheet(grid.sheetName, grid.values)]);
      const outcome = await scoreIn(excel, options);
      expect(outcome.ok).toBe(true);
      expect(excel.syncs).toBeLessThanOrEqual(most);
      expect(Math.max(...excel.requestBytes)).toBeLessThan(MAX_REQUEST_BYTES);
      expect(Math.max(...excel.responseBytes)).toBeLessThan(FAKE_PAYLOAD_LIMIT);
    }
  );

  it("counts the formulas of rows under a merged status in the request size (issue 24.10)", async () => {
    // Every second task shares its status cell with the one above (merged), so each lower
    // row gets its own ~1 KB state formula: thousands of them pass 5 MB unless counted.
    const grid = syntheticGrid(12_000);
    const values = grid.values.map((row) => [...row]);
    const merges: string[] = [];
    for (let r = 3; r + 1 < values.length; r++) {
      if (typeof values[r][0] !== "number" || typeof values[r + 1][0] !== "number") continue;
      values[r + 1][4] = "";
      merges.push(`E${r + 1}:E${r + 2}`);
      r++;
    }
    expect(merges.length).toBeGreaterThan(4_000);
    const excel = new FakeExcel([new FakeSheet(grid.sheetName, values, undefined, { merges })]);
    const outcome = await scoreIn(excel, options);
    expect(outcome.ok ? "" : outcome.message).toBe("");
    expect(Math.max(...excel.requestBytes)).toBeLessThan(MAX_REQUEST_BYTES);
  }, 120_000);

  describe("changes nothing and explains, in Vietnamese", () => {
    async function refused(sheet: FakeSheet): Promise<string> {
      const excel = new FakeExcel([sheet]);
      const before = JSON.stringify([...sheet.cells.entries()]);
      const outcome = await scoreIn(excel, options);
      expect(outcome.ok).toBe(false);
      expect(JSON.stringify([...sheet.cells.entries()])).toBe(before);
      expect(excel.sheets.map((s) => s.name)).toEqual([sheet.name]);
      expect(excel.names.size).toBe(0);
      return outcome.ok ? "" : outcome.message;
    }

    it("on a protected sheet", async () => {
      const sheet = sheetOf(TASK_SHEET);
      sheet.protected = true;
      expect(await refused(sheet)).toContain("đang được bảo vệ");
    });

    it("on an empty sheet", async () => {
      expect(await refused(new FakeSheet("Sheet1"))).toContain("đang trống");
    });

    it("on a sheet without a table", async () => {
      expect(
        await refused(new FakeSheet("Ghi chú", [["Danh sách cán bộ"], ["Nguyễn Văn A", 1980]]))
      ).toContain("không có bảng phụ lục");
    });

    it("when a header of its own block was retyped (found through the defined name)", async () => {
      const sheet = sheetOf(TASK_SHEET);
      const excel = new FakeExcel([sheet]);
      await scoreIn(excel, options);
      sheet.ensure(4, 8).value = "Điểm";
      const again = await scoreIn(excel, options);
      expect(again.ok ? "" : again.message).toContain("'Phụ lục KH CCHC'!I5 đã bị sửa");
    });
  });
});

describe("what real Excel would refuse or change (issue 11)", () => {
  /** Every string of the planned summary, read back from the sheet it was written to. */
  function summaryStrings(excel: FakeExcel, name: string, planned: CellValue[][]) {
    const sheet = excel.sheets.find((s) => s.name === name)!;
    const mismatches: string[] = [];
    planned.forEach((row, r) =>
      row.forEach((value, c) => {
        const cell = sheet.cell(r, c);
        if (typeof value === "string" && value !== "" && (cell?.value !== value || cell?.formula)) {
          mismatches.push(`${r},${c}: ${JSON.stringify(value)} → ${JSON.stringify(cell)}`);
        }
      })
    );
    return mismatches;
  }

  it("writes owner names starting with '-' and code-like text ('1.10') as text, on every run", async () => {
    const sheet = sheetOf(TASK_SHEET);
    sheet.ensure(15, 4).value = "- Văn phòng HĐND và UBND";
    sheet.ensure(10, 4).value = "1.10";
    const excel = new FakeExcel([sheet]);
    for (let run = 0; run < 2; run++) {
      const outcome = await scoreIn(excel, options);
      expect(outcome).toMatchObject({ ok: true });
      if (!outcome.ok) return;
      expect(outcome.run.summarySheet.values.flat()).toEqual(
        expect.arrayContaining([expect.stringContaining("- Văn phòng HĐND và UBND")])
      );
      expect(summaryStrings(excel, "Tổng hợp", outcome.run.summarySheet.values)).toEqual([]);
    }
  });

  it("never changes the user's own 'Tổng hợp' sheet: ours goes beside it, and the run says so", async () => {
    const own = new FakeSheet("TỔNG HỢP", [["Bảng tổng hợp của phường"], ["=SUM(B1:B3)"]]);
    const before = JSON.stringify([...own.cells.entries()]);
    const excel = new FakeExcel([sheetOf(TASK_SHEET), own]);
    const outcome = await scoreIn(excel, options);
    expect(outcome).toMatchObject({
      ok: true,
      notices: [expect.stringContaining("Tổng hợp (tự động)")],
    });
    expect(JSON.stringify([...own.cells.entries()])).toBe(before);
    expect(excel.sheets.map((s) => s.name)).toEqual([
      "Phụ lục KH CCHC",
      "TỔNG HỢP",
      "Tổng hợp (tự động)",
    ]);
    const again = await scoreIn(excel, options);
    expect(excel.sheets.map((s) => s.name)).toEqual([
      "Phụ lục KH CCHC",
      "TỔNG HỢP",
      "Tổng hợp (tự động)",
    ]);
    // The re-run tells the same: the office's sheet is still there and still kept.
    expect(again).toMatchObject({
      ok: true,
      notices: [expect.stringContaining("Tổng hợp (tự động)")],
    });
  });

  it("counts a very hidden sheet's name as taken", async () => {
    const hidden = new FakeSheet("Tổng hợp", [["dữ liệu ẩn"]], undefined, {
      visibility: "VeryHidden",
    });
    const excel = new FakeExcel([sheetOf(TASK_SHEET), hidden]);
    const outcome = await scoreIn(excel, options);
    expect(outcome).toMatchObject({ ok: true });
    expect(hidden.valueAt("A1")).toBe("dữ liệu ẩn");
  });

  it("refuses before writing anything when the workbook structure is protected and a sheet must be added", async () => {
    const sheet = sheetOf(TASK_SHEET);
    const before = JSON.stringify([...sheet.cells.entries()]);
    const excel = new FakeExcel([sheet], { structureProtected: true });
    const outcome = await scoreIn(excel, options);
    expect(outcome.ok ? "" : outcome.message).toContain("bảo vệ cấu trúc");
    expect(outcome.ok ? "" : outcome.message).toContain("Chưa có ô nào bị thay đổi");
    expect(JSON.stringify([...sheet.cells.entries()])).toBe(before);
  });

  it("says what was written when Excel stops a run part way, and the next run completes it", async () => {
    // ExcelApi 1.6 cannot see structure protection: the sheet add fails after the block was written.
    const sheet = sheetOf(TASK_SHEET);
    const excel = new FakeExcel([sheet], { structureProtected: true, apiVersion: "1.6" });
    const stopped = await scoreIn(excel, options);
    expect(stopped.ok).toBe(false);
    const message = stopped.ok ? "" : stopped.message;
    expect(message).not.toContain("Chưa có ô nào bị thay đổi");
    expect(message).toContain("một phần kết quả đã được ghi");
    expect(message).toContain("Chấm điểm lại");
    expect(sheet.valueAt("I5")).toBe("Điểm tính toán (tự động)");
    excel.structureProtected = false;
    const again = await scoreIn(excel, options);
    expect(again).toMatchObject({ ok: true });
    expect(excel.sheets.map((s) => s.name)).toEqual(["Phụ lục KH CCHC", "Tổng hợp"]);
    // Marker, record of what was written, summary marker: none twice.
    expect([...excel.names.keys()]).toHaveLength(3);
  });

  it("never writes into a merged area: a section row merged past the table moves the block or stops the run", async () => {
    const sheet = sheetOf(TASK_SHEET);
    sheet.merges.push({ top: 6, left: 0, bottom: 6, right: 10 });
    const excel = new FakeExcel([sheet]);
    const outcome = await scoreIn(excel, options);
    expect(outcome).toMatchObject({ ok: true });
    for (let c = 8; c <= 10; c++) expect(sheet.cell(6, c)).toBeUndefined();
    expect(sheet.valueAt("L5")).toBe("Điểm tính toán (tự động)");
  });

  it("gives rows under a merged status a state formula that reads the merge's top cell", async () => {
    const rows = TASK_SHEET.rows.map((r) => r.map((v) => v ?? ""));
    rows[9][5] = ""; // F10 and F11 under "Đã hoàn thành" merged from F9
    rows[10][5] = "";
    const sheet = new FakeSheet(TASK_SHEET.name, rows, undefined, { merges: ["F9:F11"] });
    const excel = new FakeExcel([sheet]);
    expect(await scoreIn(excel, options)).toMatchObject({ ok: true });
    expect(String(sheet.valueAt("M10"))).toContain("$F$9");
    expect(String(sheet.valueAt("M11"))).toContain("$F$9");
    expect(String(sheet.valueAt("M12"))).not.toContain("$F$9");
  });

  it("keeps out of hidden columns", async () => {
    const sheet = new FakeSheet(
      TASK_SHEET.name,
      TASK_SHEET.rows.map((r) => r.map((v) => v ?? "")),
      undefined,
      { hiddenColumns: ["I"] }
    );
    const excel = new FakeExcel([sheet]);
    expect(await scoreIn(excel, options)).toMatchObject({ ok: true });
    expect(sheet.valueAt("I5")).toBeUndefined();
    expect(sheet.valueAt("J5")).toBe("Điểm tính toán (tự động)");
  });

  it("makes the summary's first column wide enough to print the owners' names", async () => {
    const sheet = sheetOf(TASK_SHEET);
    const excel = new FakeExcel([sheet]);
    const outcome = await scoreIn(excel, options);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const summary = excel.sheets.find((s) => s.name === "Tổng hợp")!;
    const width = outcome.run.summarySheet.widths[0];
    expect(width).toBeGreaterThan(14);
    expect(summary.columnWidths.get(0)).toBeCloseTo(width * 5.25);
  });

  it("sets column widths in points (about 5.25 per character of Calibri 11)", async () => {
    const sheet = sheetOf(TASK_SHEET);
    const excel = new FakeExcel([sheet]);
    await scoreIn(excel, options);
    expect(sheet.columnWidths.get(10)).toBeCloseTo(48 * 5.25); // "Cảnh báo (tự động)", 48 characters
  });

  it("still scores on ExcelApi 1.1 (volume-licensed Excel 2016): no merged areas, no protection check", async () => {
    const excel = new FakeExcel([sheetOf(TASK_SHEET)], { apiVersion: "1.1" });
    expect(await scoreIn(excel, options)).toMatchObject({ ok: true });
  });
});

describe("the workbook's criteria sheet in the add-in", () => {
  const criteriaSheetOf = (grid: { values: Array<Array<string | number | boolean | null>> }) =>
    new FakeSheet(
      "Bộ tiêu chí",
      grid.values.map((r) => r.map((v) => v ?? ""))
    );

  it("scores with the set in the sheet, over the chosen one, read with the cells (no extra round trip)", async () => {
    const content = criteriaSetToSheet(DIEN_BAN_2025);
    const r = content.values.findIndex((row) => row[0] === "III.4");
    content.values[r][5] = 0.9;
    const excel = new FakeExcel([sheetOf(CRITERIA_SHEET), criteriaSheetOf(content)]);
    const outcome = await scoreIn(excel, { criteria: null, today: "2025-11-20" });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(excel.syncs).toBe(3);
    expect(outcome.run.summary.criteriaSet?.id).toBe("xa-2025-dien-ban");
    expect(
      outcome.run.results[0].tables[0].rows.find((row) => row.criterion === "III.4")!.points
    ).toBe(1.4);
  });

  it("stops with every problem located at its cell, writing nothing", async () => {
    const content = criteriaSetToSheet(DIEN_BAN_2025);
    const r = content.values.findIndex((row) => row[0] === "VI.1");
    content.values[r][3] = 0;
    const scored = sheetOf(CRITERIA_SHEET);
    const excel = new FakeExcel([scored, criteriaSheetOf(content)]);
    const before = JSON.stringify([...scored.cells.entries()]);
    const outcome = await scoreIn(excel, options);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toEqual([
      {
        address: `'Bộ tiêu chí'!D${r + 1}`,
        message: `'Bộ tiêu chí'!D${r + 1}: Điểm tối đa phải là số lớn hơn 0`,
      },
    ]);
    expect(JSON.stringify([...scored.cells.entries()])).toBe(before);
  });

  it("refuses to score the criteria sheet itself", async () => {
    const excel = new FakeExcel([criteriaSheetOf(criteriaSetToSheet(DIEN_BAN_2025))]);
    const outcome = await scoreIn(excel, options);
    expect(outcome).toMatchObject({ ok: false });
    expect(outcome.ok ? "" : outcome.message).toContain("không phải bảng phụ lục");
  });

  it("inserts a built-in set as the sheet once, and never overwrites it", async () => {
    const excel = new FakeExcel([sheetOf(CRITERIA_SHEET)]);
    expect(await insertCriteriaSheet(excel.context(), DIEN_BAN_2025)).toEqual({ ok: true });
    const inserted = excel.sheets.find((s) => s.name === "Bộ tiêu chí")!;
    const grid = {
      sheetName: "Bộ tiêu chí",
      values: criteriaSetToSheet(DIEN_BAN_2025).values.map((row, r) =>
        row.map((_, c) => inserted.cell(r, c)?.value ?? "")
      ),
    };
    expect(readCriteriaSheet(grid)).toEqual({ ok: true, value: DIEN_BAN_2025 });
    const again = await insertCriteriaSheet(excel.context(), DIEN_BAN_2025);
    expect(again).toMatchObject({ ok: false });
  });
});

describe("Excel's limits on a first read (issue 24)", () => {
  it("reads the merged areas, hidden columns and criteria sheet again when the first block is refused as too large (a failed sync loads nothing)", async () => {
    const grid = syntheticGrid(20_000);
    // Long contents: the first block, sized by a guess of 48 bytes a cell, is over 5 MB.
    const values = grid.values.map((row, r) =>
      r > 2 && typeof row[1] === "string"
        ? [row[0], `${row[1]} ${"ư".repeat(400)}`, ...row.slice(2)]
        : row
    );
    const criteria = criteriaSetToSheet(DIEN_BAN_2025);
    const excel = new FakeExcel([
      new FakeSheet(grid.sheetName, values),
      new FakeSheet("Bộ tiêu chí", criteria.values, criteria.numberFormats),
    ]);
    const outcome = await scoreIn(excel, { ...options, criteria: null });
    expect(outcome).toMatchObject({ ok: true });
    expect(Math.max(...excel.responseBytes)).toBeGreaterThan(FAKE_PAYLOAD_LIMIT); // it was refused once
  });
});

describe("a value typed over one of our cells stops the re-run (issue 19.5)", () => {
  /** Every cell of the sheet, to show that a refused run wrote nothing. */
  const allCells = (sheet: FakeSheet) =>
    [...sheet.cells.entries()].map(([key, cell]) => `${key}=${JSON.stringify(cell)}`).sort();

  it("names a date typed over our due date and a text typed over our state formula, writing nothing", async () => {
    const sheet = sheetOf(TASK_SHEET);
    const excel = new FakeExcel([sheet]);
    expect((await scoreIn(excel, options)).ok).toBe(true);
    // The record sits beside the marker, hidden, as text.
    const record = [...excel.names.entries()].find(([name]) => name.startsWith("_ParWrote_"));
    expect(record?.[1]).toMatch(/^v1\.\d\./);
    expect(excel.definedNames.find((n) => n.name === record![0])?.visible).toBe(false);
    // A plain re-run is no refusal.
    expect((await scoreIn(excel, options)).ok).toBe(true);

    expect(sheet.valueAt("L10")).toBe(45930); // 30/09/2025, ours
    sheet.cells.set("9,11", { value: 45945, numberFormat: "dd/mm/yyyy" });
    sheet.cells.set("10,12", { value: "Đã hoàn thành", numberFormat: "General" });
    const before = allCells(sheet);
    const names = [...excel.names.keys()].sort();
    const outcome = await scoreIn(excel, options);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.message).toContain(
      "các ô 'Phụ lục KH CCHC'!L10 («15/10/2025»), 'Phụ lục KH CCHC'!M11 («Đã hoàn thành») trong cột do công cụ ghi (tự động) đã bị sửa tay; hãy chuyển nội dung đó sang cột của đơn vị rồi xoá ô, hoặc xoá ô để công cụ ghi lại"
    );
    expect(allCells(sheet)).toEqual(before);
    expect([...excel.names.keys()].sort()).toEqual(names);
  });

  it("on a host without SpecialCells (ExcelApi 1.7) the record still catches a typed date", async () => {
    const sheet = sheetOf(TASK_SHEET);
    const excel = new FakeExcel([sheet], { apiVersion: "1.7" });
    expect((await scoreIn(excel, options)).ok).toBe(true);
    sheet.cells.set("9,11", { value: 45945, numberFormat: "dd/mm/yyyy" });
    const outcome = await scoreIn(excel, options);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(outcome.message).toContain(
        "ô 'Phụ lục KH CCHC'!L10 trong cột do công cụ ghi (tự động) đã bị sửa tay thành «15/10/2025»"
      );
  });
});

describe("a person's formatting of our columns stays on a re-run", () => {
  it("keeps a width the person gave one of our columns; a first run sets ours", async () => {
    const sheet = sheetOf(TASK_SHEET);
    const excel = new FakeExcel([sheet]);
    expect((await scoreIn(excel, options)).ok).toBe(true);
    expect(sheet.columnWidths.get(10)).toBe(48 * 5.25); // K, the warnings column: ours
    sheet.columnWidths.set(10, 420); // the person widens it
    expect((await scoreIn(excel, options)).ok).toBe(true);
    expect(sheet.columnWidths.get(10)).toBe(420);
    expect(sheet.columnWidths.get(11)).toBe(38 * 5.25);
  });
});
