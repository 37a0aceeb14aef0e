import {
  buildRollupSheets,
  rollUp,
  ROLLUP_SHEET_NAMES,
  WARNING_DETAIL_ROWS_PER_UNIT,
  type UnitResult,
  type UnitWarning,
} from "../../../src/core/rollup";

const SET = {
  id: "s",
  name: "Bộ",
  entries: [{ code: "I", name: "Chỉ đạo", maxPoints: 300, isArea: true }],
};

function warning(row: number, code: UnitWarning["code"], pointsAtStake: number): UnitWarning {
  return {
    sheet: "Phụ lục",
    row,
    cell: `E${row}`,
    code,
    label: code === "missing_evidence" ? "Thiếu tài liệu kiểm chứng" : "Chưa có kết quả",
    message: `Ô 'Phụ lục'!E${row}: cảnh báo ở dòng ${row}`,
    pointsAtStake,
  };
}

function unit(name: string, warnings: UnitWarning[]): UnitResult {
  return {
    file: `${name}.xlsx`,
    name,
    nameSource: "label",
    criteriaSet: SET,
    selfPoints: null,
    points: 100,
    maxPoints: 300,
    appraisedPoints: null,
    areas: [],
    criterionPoints: {},
    warnings,
    overdue: [],
    tableCount: 1,
  };
}

describe("the warnings sheet at district scale", () => {
  it("holds 1,000 units × 300 warned rows: a summary row per unit and a capped detail", () => {
    const units = Array.from({ length: 1000 }, (_, u) =>
      unit(
        `Phường ${u + 1}`,
        Array.from({ length: 300 }, (_, r) => warning(r + 7, "missing_result", r === 299 ? 2 : 0))
      )
    );
    // Before: SheetBuilder.build spread 300,000 rows into Math.max (RangeError).
    const sheets = buildRollupSheets(rollUp(units, [], "2025-11-20"));
    const sheet = sheets.find((s) => s.name === ROLLUP_SHEET_NAMES.warnings)!;
    const perUnit = WARNING_DETAIL_ROWS_PER_UNIT + 1;
    expect(sheet.values.length).toBeLessThanOrEqual(10 + units.length * (perUnit + 1));
    const more = sheet.values.filter((r) =>
      String(r[3]).startsWith("… và 280 cảnh báo khác, xem tệp của đơn vị")
    );
    expect(more).toHaveLength(1000);
    // The row that costs points comes first in its unit's detail.
    const detailHeader = sheet.headerRows[1];
    expect(sheet.values[detailHeader + 1][1]).toBe(2);
    expect(sheet.values[detailHeader + 1][6]).toBe("E306");
  });

  it("sorts units by points at stake, counts a row with two warnings once, and counts by kind", () => {
    const units = [
      unit("Xã Ít", [warning(7, "missing_result", 0.5)]),
      unit("Xã Nhiều", [
        warning(7, "missing_result", 1.5),
        warning(7, "missing_evidence", 1.5),
        warning(8, "missing_evidence", 1),
      ]),
      unit("Xã Không", []),
    ];
    const sheet = buildRollupSheets(rollUp(units, [], "2025-11-20")).find(
      (s) => s.name === ROLLUP_SHEET_NAMES.warnings
    )!;
    const header = sheet.headerRows[0];
    expect(sheet.values[header + 1].slice(0, 4)).toEqual([
      "Xã Nhiều",
      2.5,
      3,
      "Thiếu tài liệu kiểm chứng: 2 · Chưa có kết quả: 1",
    ]);
    expect(sheet.values[header + 2].slice(0, 4)).toEqual(["Xã Ít", 0.5, 1, "Chưa có kết quả: 1"]);
    // A unit without warnings has no summary row.
    expect(sheet.values.some((r) => r[0] === "Xã Không")).toBe(false);
    expect(sheet.numberFormats[header + 1][1]).toBe("0.00");
  });
});
