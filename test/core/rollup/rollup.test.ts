import {
  buildRollupSheets,
  describeDifference,
  groupByCriteriaSet,
  rollUp,
  rollupReport,
  ROLLUP_SHEET_NAMES,
  type UnitCriteriaSet,
  type UnitResult,
} from "../../../src/core/rollup";

const MAIN: UnitCriteriaSet = {
  id: "main",
  name: "Bộ chính",
  entries: [
    { code: "I", name: "Chỉ đạo", maxPoints: 3, isArea: true },
    { code: "I.1", name: "Kế hoạch", maxPoints: 1, isArea: false },
    { code: "I.2", name: "Báo cáo", maxPoints: 2, isArea: false },
    { code: "II", name: "Thể chế", maxPoints: 2, isArea: true },
    { code: "II.1", name: "Văn bản", maxPoints: 2, isArea: false },
  ],
};
const OTHER: UnitCriteriaSet = {
  id: "other",
  name: "Bộ khác",
  entries: MAIN.entries.map((e) => (e.code === "I.2" ? { ...e, maxPoints: 3 } : e)),
};

function unit(
  name: string,
  points: Record<string, number>,
  set: UnitCriteriaSet | null = MAIN
): UnitResult {
  const total = Object.entries(points)
    .filter(([code]) => code !== "I")
    .reduce((sum, [, p]) => sum + p, 0);
  return {
    file: `${name}.xlsx`,
    name,
    nameSource: "label",
    criteriaSet: set,
    selfPoints: null,
    points: total,
    maxPoints: set ? 5 : 0,
    appraisedPoints: null,
    areas: set
      ? [
          {
            code: "I",
            name: "Chỉ đạo",
            points: (points["I.1"] ?? 0) + (points["I.2"] ?? 0),
            maxPoints: 3,
          },
          { code: "II", name: "Thể chế", points: points["II.1"] ?? 0, maxPoints: 2 },
        ]
      : [],
    criterionPoints: points,
    warnings: [
      {
        sheet: "Phụ lục",
        row: 7,
        cell: "E7",
        code: "missing_result",
        label: "Chưa có kết quả",
        message: `Chưa có kết quả ở ${name}`,
        pointsAtStake: 0,
      },
    ],
    overdue: [
      {
        sheet: "Phụ lục",
        row: 9,
        cell: "D9",
        content: "Báo cáo quý",
        owner: "Văn phòng",
        due: "2025-10-01",
        daysLate: 50,
      },
    ],
    tableCount: set ? 1 : 0,
  };
}

describe("criteria-set groups", () => {
  it("puts the set most units use first and says how the others differ", () => {
    const units = [unit("X", {}, OTHER), unit("A", {}), unit("B", {}), unit("N", {}, null)];
    const groups = groupByCriteriaSet(units);
    expect(groups.map((g) => [g.set?.id ?? null, g.units.map((u) => u.name)])).toEqual([
      ["main", ["A", "B"]],
      ["other", ["X"]],
      [null, ["N"]],
    ]);
    expect(groups[0].difference).toBe("");
    expect(groups[1].difference).toBe("điểm tối đa khác: I.2 (2 → 3)");
    expect(groups[2].difference).toContain("chưa có bộ tiêu chí");
  });

  it("names missing and extra codes", () => {
    const fewer: UnitCriteriaSet = {
      ...MAIN,
      entries: MAIN.entries.filter((e) => e.code !== "II.1"),
    };
    const more: UnitCriteriaSet = {
      ...MAIN,
      entries: [...MAIN.entries, { code: "II.2", name: "Mới", maxPoints: 1, isArea: false }],
    };
    expect(describeDifference(MAIN, fewer)).toBe("thiếu mã II.1");
    expect(describeDifference(MAIN, more)).toBe("thêm mã II.2");
  });
});

describe("rollUp", () => {
  const units = [
    unit("Phường A", { "I.1": 1, "I.2": 1.5, "II.1": 2 }),
    unit("Xã B", { "I.1": 1, "I.2": 2, "II.1": 2 }),
    unit("Xã C", { "I.1": 0.5, "I.2": 2, "II.1": 2 }),
    unit("Phường D", { "I.1": 1, "I.2": 1.5, "II.1": 1 }),
    unit("Xã Khác", { "I.1": 1, "I.2": 3, "II.1": 2 }, OTHER),
    unit("Không bộ", {}, null),
  ];
  const rollup = rollUp(
    units,
    [{ file: "hong.xlsx", reason: "Không đọc được: tệp hỏng." }],
    "2025-11-20"
  );

  it("ranks within the main group with shared ranks, then the other set, then units without a set", () => {
    expect(rollup.ranking.map((r) => [r.unit.name, r.group, r.rank])).toEqual([
      ["Xã B", 0, 1],
      ["Phường A", 0, 2],
      ["Xã C", 0, 2],
      ["Phường D", 0, 4],
      ["Xã Khác", 1, 1],
      ["Không bộ", 2, null],
    ]);
    expect(rollup.ranking[4].note).toContain("Bộ tiêu chí khác nhóm chính");
    expect(rollup.ranking[4].note).toContain("I.2 (2 → 3)");
    expect(rollup.ranking[5].note).toContain("Không xếp hạng");
    expect(rollup.ranking[0].note).toBe("");
  });

  it("computes each criterion's average and the units at full points, per group", () => {
    const main = rollup.matrix[0];
    expect(main.columns.map((c) => [c.code, c.average, c.fullCount])).toEqual([
      ["I.1", 0.88, 3],
      ["I.2", 1.75, 2],
      ["II.1", 1.75, 3],
    ]);
    expect(rollup.matrix).toHaveLength(2);
    expect(rollup.matrix[1].columns.find((c) => c.code === "I.2")).toMatchObject({
      maxPoints: 3,
      fullCount: 1,
    });
  });

  const sheets = buildRollupSheets(rollup);
  const byName = Object.fromEntries(sheets.map((s) => [s.name, s]));

  it("builds the four sheets with Vietnamese headers, rectangular values and aligned formats", () => {
    expect(sheets.map((s) => s.name)).toEqual([
      "Xếp hạng",
      "Theo tiêu chí",
      "Cảnh báo",
      "Việc quá hạn",
    ]);
    for (const sheet of sheets) {
      const width = sheet.values[0].length;
      expect(sheet.values.every((row) => row.length === width)).toBe(true);
      expect(sheet.numberFormats.map((row) => row.length)).toEqual(sheet.values.map(() => width));
      expect(sheet.widths).toHaveLength(width);
      expect(sheet.frozenRows).toBeGreaterThan(0);
      for (const row of sheet.values)
        for (const value of row)
          if (typeof value === "number") expect(Number.isFinite(value)).toBe(true);
    }
  });

  it("lists the ranking sorted by rank with its chart over the main group, and the unreadable file with its reason", () => {
    const ranking = byName[ROLLUP_SHEET_NAMES.ranking];
    const header = ranking.headerRows[0];
    expect(ranking.values[header].slice(0, 6)).toEqual([
      "Hạng",
      "Đơn vị",
      "Tổng điểm tính toán",
      "Tổng điểm tự chấm",
      "Tổng điểm thẩm định",
      "Điểm tối đa",
    ]);
    expect(ranking.values[header]).toContain("I. Chỉ đạo");
    const rows = ranking.values.slice(header + 1, header + 7);
    expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      [1, "Xã B", 5],
      [2, "Phường A", 4.5],
      [2, "Xã C", 4.5],
      [4, "Phường D", 3.5],
      [1, "Xã Khác", 6],
      ["", "Không bộ", ""],
    ]);
    expect(ranking.chart).toMatchObject({
      categoryColumn: 1,
      valueColumns: [2],
      headerRow: header,
      firstRow: header + 1,
      lastRow: header + 4,
      // Right of the table, one column apart, level with the first row that scrolls.
      anchor: { row: ranking.frozenRows, column: ranking.values[0].length + 1 },
    });
    // Each row names its group; the groups' sets are listed under the ranking.
    const groupColumn = ranking.values[header].indexOf("Nhóm bộ tiêu chí");
    expect(rows.map((r) => r[groupColumn])).toEqual([
      "Nhóm 1",
      "Nhóm 1",
      "Nhóm 1",
      "Nhóm 1",
      "Nhóm 2",
      "(chưa có bộ tiêu chí)",
    ]);
    const [, legendHeader, failureHeader] = ranking.headerRows;
    expect(ranking.values[legendHeader].slice(0, 3)).toEqual([
      "",
      "Nhóm bộ tiêu chí",
      "Bộ tiêu chí",
    ]);
    expect(ranking.values[legendHeader + 1][1]).toBe("Nhóm 1");
    expect(ranking.values[legendHeader + 2][1]).toBe("Nhóm 2");
    // The unreadable file in column B, which is as wide as the longest name or file.
    expect(ranking.values[failureHeader + 1].slice(0, 3)).toEqual([
      "",
      "hong.xlsx",
      "Không đọc được: tệp hỏng.",
    ]);
  });

  it("plans the ranking for paper: one page wide, the chart beside its first rows, widths from the labels", () => {
    const ranking = byName[ROLLUP_SHEET_NAMES.ranking];
    const header = ranking.headerRows[0];
    // The header row repeats at the top of every printed page.
    expect(ranking.print).toEqual({
      landscape: true,
      fitToWidth: true,
      titleRows: { first: header, last: header },
    });
    expect(ranking.chart).toMatchObject({
      anchor: { row: header + 1, column: ranking.widths.length + 1 },
      size: { columns: 8, rows: 16 },
      firstOnTop: true,
    });
    // Column B fits the longest unit name; the file column the longest file.
    const longest = (texts: string[]) => Math.max(...texts.map((t) => t.length));
    const names = ranking.values.slice(header + 1, header + 7).map((r) => String(r[1]));
    expect(ranking.widths[1]).toBe(Math.max(14, longest(names) + 2));
    const notes = ranking.values[header].indexOf("Ghi chú");
    const wrappedRows = ranking.wrappedCells.filter((c) => c.column === notes).map((c) => c.row);
    const notedRows = ranking.values.flatMap((row, r) =>
      r > header && row[notes] !== "" ? [r] : []
    );
    expect(wrappedRows).toEqual(notedRows);
    // The other sheets print one page wide while that stays readable (as the warnings do).
    // Its two tables have different headers: none repeats.
    expect(byName[ROLLUP_SHEET_NAMES.warnings].print).toEqual({
      landscape: true,
      fitToWidth: true,
      titleRows: null,
    });
    const overdue = byName[ROLLUP_SHEET_NAMES.overdue];
    expect(overdue.print?.titleRows).toEqual({
      first: overdue.headerRows[0],
      last: overdue.headerRows[0],
    });
  });

  it("highlights exactly the cells below the criterion's maximum, and adds average and full-count rows", () => {
    const criteria = byName[ROLLUP_SHEET_NAMES.criteria];
    const lost = new Set(criteria.highlightedCells.map((c) => `${c.row},${c.column}`));
    const header = criteria.headerRows[0];
    const maxRow = criteria.values[header + 2];
    expect(maxRow.slice(1, 5)).toEqual(["Điểm tối đa", 1, 2, 2]);
    let checked = 0;
    for (let r = header + 3; r < header + 7; r++) {
      for (let c = 2; c < 5; c++) {
        const value = criteria.values[r][c] as number;
        expect(lost.has(`${r},${c}`)).toBe(value < (maxRow[c] as number));
        checked++;
      }
    }
    expect(checked).toBe(12);
    expect(criteria.values[header + 7].slice(1, 5)).toEqual(["Trung bình", 0.88, 1.75, 1.75]);
    expect(criteria.values[header + 8].slice(1, 5)).toEqual(["Số đơn vị đạt điểm tối đa", 3, 2, 3]);
    // The second group (the other set) has its own average and count rows.
    expect(criteria.summaryRows.slice(0, 2)).toEqual([header + 7, header + 8]);
    expect(criteria.summaryRows).toHaveLength(4);
  });

  it("summarises warnings per unit, then lists the detail with unit, sheet and cell, and the unreadable file", () => {
    const warnings = byName[ROLLUP_SHEET_NAMES.warnings];
    const [summaryHeader, detailHeader] = warnings.headerRows;
    expect(warnings.values[summaryHeader].slice(0, 5)).toEqual([
      "Đơn vị",
      "Điểm có thể mất ở các dòng có cảnh báo",
      "Số cảnh báo",
      "Số cảnh báo theo loại",
      "Tệp",
    ]);
    const summaryRows = warnings.values.slice(summaryHeader + 1, summaryHeader + 1 + units.length);
    expect(summaryRows.map((r) => r[3])).toEqual(units.map(() => "Chưa có kết quả: 1"));
    expect(warnings.values[detailHeader]).toEqual([
      "Đơn vị",
      "Điểm có thể mất",
      "Loại cảnh báo",
      "Nội dung",
      "Tệp",
      "Trang",
      "Ô",
    ]);
    expect(warnings.values[detailHeader + 1]).toEqual([
      "",
      "",
      "Không đọc được tệp",
      "Không đọc được: tệp hỏng.",
      "hong.xlsx",
      "",
      "",
    ]);
    const detail = warnings.values.slice(detailHeader + 2);
    expect(detail.map((r) => r[0]).sort()).toEqual(rollup.ranking.map((r) => r.unit.name).sort());
    expect(detail[0].slice(5, 7)).toEqual(["Phụ lục", "E7"]);
    const overdue = byName[ROLLUP_SHEET_NAMES.overdue];
    const oh = overdue.headerRows[0];
    expect(overdue.values[oh + 1]).toEqual([
      "Xã B",
      "Phụ lục",
      "D9",
      "Báo cáo quý",
      "Văn phòng",
      "01/10/2025",
      50,
      "Xã B.xlsx",
    ]);
    expect(overdue.values.length - oh - 1).toBe(units.length);
  });

  it("summarises in Vietnamese: the ranking, the other set, the unit without a set, the unreadable file", () => {
    const text = rollupReport(rollup, "tong-hop.xlsx");
    expect(text).toContain("Tổng hợp 6 đơn vị");
    expect(text).toContain("1 tệp không đọc được");
    expect(text).toMatch(/1\. Xã B: 5\/5 điểm/);
    expect(text).toMatch(/2\. Xã C: 4,5\/5 điểm/);
    expect(text).toContain(
      "⚠ Chấm theo bộ tiêu chí khác (điểm tối đa khác: I.2 (2 → 3)), xếp hạng riêng: Xã Khác."
    );
    expect(text).toContain("hong.xlsx: Không đọc được: tệp hỏng.");
    expect(text).toContain("Đã ghi tệp tổng hợp: tong-hop.xlsx");
    expect(text.split("\n").length).toBeLessThan(25);
  });
});
