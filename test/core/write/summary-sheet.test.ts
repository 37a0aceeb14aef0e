import {
  isToolSheet,
  ownSummarySheet,
  planSummarySheet,
  sameSheetName,
  summarySheetPlan,
  SUMMARY_MARKER_NAME,
} from "../../../src/core/write/summary-sheet";
import { SUMMARY_LINE_LENGTH } from "../../../src/core/score/summary";
import { scoreWorkbook } from "../../../src/core/run";
import { DIEN_BAN_2025, gridOf } from "../fixtures";
import { CRITERIA_SHEET } from "../../../samples/sample-tables";

const marker = (sheet: string) => ({ name: SUMMARY_MARKER_NAME, reference: `='${sheet}'!$A$1` });

describe("planSummarySheet", () => {
  it('takes "Tổng hợp" when the name is free and marks it', () => {
    expect(planSummarySheet(["Phụ lục"], [])).toEqual({
      name: "Tổng hợp",
      replaces: false,
      marker: { name: SUMMARY_MARKER_NAME, reference: "='Tổng hợp'!$A$1" },
      notice: null,
    });
  });

  it("never takes the user's sheet of that name, in any case, and says so", () => {
    const placement = planSummarySheet(["Phụ lục", "tổng HỢP"], []);
    expect(placement.name).toBe("Tổng hợp (tự động)");
    expect(placement.replaces).toBe(false);
    expect(placement.notice).toContain('trang "tổng HỢP" của đơn vị');
    expect(planSummarySheet(["Tổng hợp", "Tổng hợp (tự động)"], []).name).toBe(
      "Tổng hợp (tự động 2)"
    );
  });

  it("replaces the sheet its marker points at, and only that one", () => {
    expect(planSummarySheet(["Phụ lục", "Tổng hợp"], [marker("Tổng hợp")])).toMatchObject({
      name: "Tổng hợp",
      replaces: true,
      notice: null,
    });
    expect(
      planSummarySheet(["Tổng hợp", "Tổng hợp (tự động)"], [marker("Tổng hợp (tự động)")])
    ).toMatchObject({
      name: "Tổng hợp (tự động)",
      replaces: true,
    });
    // The marked sheet was deleted (Excel turns the reference into #REF!) or renamed away.
    expect(
      planSummarySheet(["Tổng hợp"], [{ name: SUMMARY_MARKER_NAME, reference: "=#REF!$A$1" }])
        .replaces
    ).toBe(false);
    expect(planSummarySheet(["Tổng hợp"], [marker("Cũ")]).name).toBe("Tổng hợp (tự động)");
  });
});

describe("the notice that the office's own summary was kept", () => {
  it("is the same on the first run and on every re-run into our sheet", () => {
    const first = planSummarySheet(["Phụ lục", "Tổng hợp"], []);
    const again = planSummarySheet(["Phụ lục", "Tổng hợp", first.name], [first.marker]);
    expect(first.notice).toBe(
      'Tệp đã có trang "Tổng hợp" của đơn vị: trang đó được giữ nguyên, kết quả tổng hợp ghi vào trang "Tổng hợp (tự động)".'
    );
    expect(again).toMatchObject({ name: first.name, replaces: true, notice: first.notice });
  });

  it("goes away once the office's own sheet is gone", () => {
    const own = "Tổng hợp (tự động)";
    expect(planSummarySheet(["Phụ lục", own], [marker(own)]).notice).toBeNull();
  });
});

describe("ownSummarySheet and isToolSheet", () => {
  it("match sheet names as Excel does (case-insensitive, NFC)", () => {
    expect(sameSheetName("TỔNG HỢP", "Tổng hợp".normalize("NFD"))).toBe(true);
    expect(ownSummarySheet(["TỔNG HỢP"], [marker("Tổng hợp")])).toBe("TỔNG HỢP");
    expect(isToolSheet("Bộ Tiêu Chí", null)).toBe(true);
    expect(isToolSheet("Tổng hợp", null)).toBe(false);
    expect(isToolSheet("Tổng hợp", "Tổng hợp")).toBe(true);
  });
});

describe("summarySheetPlan: the whole summary sheet, for every front end", () => {
  const long = "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường, Bộ phận Một cửa";
  const content = {
    values: [
      ["TỔNG HỢP"],
      [long],
      [""],
      ["Lĩnh vực", "Tên lĩnh vực", "Điểm đạt", "Điểm tối đa", "Điểm tối đa của lĩnh vực"],
      ["I", "Chỉ đạo", 1, 2, 2],
      ["II", "Thể chế", 0.5, 1, 1],
      [long, 1],
      ["Bộ phận Tư pháp", 2],
    ],
    headerRows: [3],
    chartRows: { first: 4, last: 5 },
    firstColumnWidth: 45,
  };

  it("lays it out: widths, title, wrapped labels, print, the chart under the sheet's rows", () => {
    const plan = summarySheetPlan(content, planSummarySheet(["Phụ lục"], []));
    expect(plan).toMatchObject({
      name: "Tổng hợp",
      replaces: false,
      notices: [],
      widths: [45, 50, 12, 18, 18],
      titleSize: 14,
      headerRows: [3],
      frozenRows: 0,
      print: { landscape: true, fitToWidth: true },
      chart: {
        title: "Điểm từng lĩnh vực so với điểm tối đa",
        categoryColumn: 1,
        valueColumns: [2, 3],
        headerRow: 3,
        firstRow: 4,
        lastRow: 5,
        // Two rows under the last one, in column A: beside the table it widened the page.
        anchor: { row: plan.values.length + 1, column: 0 },
      },
    });
    // A label alone on its row overflows; in a table row, one too long for column A wraps.
    expect(plan.wrappedCells).toEqual([{ row: 6, column: 0 }]);
    expect(plan.values.every((row) => row.length === 5)).toBe(true);
  });

  it("says where it went when the office's own 'Tổng hợp' was kept", () => {
    const plan = summarySheetPlan(content, planSummarySheet(["Phụ lục", "TỔNG HỢP"], []));
    expect(plan.name).toBe("Tổng hợp (tự động)");
    expect(plan.notices).toEqual([expect.stringContaining('trang "TỔNG HỢP" của đơn vị')]);
  });

  it("is what the run returns, placed from the workbook's sheet names and names", () => {
    const grid = gridOf(CRITERIA_SHEET);
    const run = scoreWorkbook([grid], {
      criteria: DIEN_BAN_2025,
      today: "2025-11-20",
      workbook: { sheetNames: [grid.sheetName, "Tổng hợp"], names: [] },
    });
    expect(run.summarySheet.name).toBe("Tổng hợp (tự động)");
    expect(run.summarySheet.notices).toHaveLength(1);
    // The notice is on the sheet too, under "Ghi chú", in lines that stay within A:E.
    const lines = run.summarySheet.values.filter((row) => row.slice(1).every((v) => v === ""));
    const text = lines.map((row) => row[0]).join(" ");
    expect(text).toContain(run.summarySheet.notices[0]);
    for (const [line] of lines)
      expect(String(line).length).toBeLessThanOrEqual(SUMMARY_LINE_LENGTH);
    expect(run.summary.notices).toContain(run.summarySheet.notices[0]);
  });
});
