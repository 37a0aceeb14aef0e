import { scoreSheet } from "../../../src/core/score/sheet";
import { buildSummarySheet, headline, summarize } from "../../../src/core/score/summary";
import { formatReport } from "../../../src/core/score/report-text";
import { CRITERIA_SHEET, TASK_SHEET } from "../../../samples/sample-tables";
import { DIEN_BAN_2025, HA_DONG_2024, gridOf } from "../fixtures";

const today = "2025-11-20";
const results = [
  scoreSheet(gridOf(TASK_SHEET), { today }),
  scoreSheet(gridOf(CRITERIA_SHEET), { criteria: DIEN_BAN_2025, today }),
];
const summary = summarize(results, DIEN_BAN_2025, today);

describe("summarize", () => {
  it("adds up points per area in the set's order", () => {
    expect(summary.points).toBe(4.24);
    expect(summary.maxPoints).toBe(8.5);
    expect(summary.areas.map((a) => [a.code, a.points, a.maxPoints])).toEqual([
      ["I", 1.28, 1.5],
      ["III", 0, 1.5],
      ["VI", 0.82, 1],
      ["VII", 2.14, 3],
      ["VIII", 0, 1.5],
    ]);
  });

  it("groups overdue rows by owner, most overdue work first, each owner's rows most overdue first", () => {
    expect(summary.overdueByOwner.map((g) => [g.owner, g.items.map((i) => i.daysLate)])).toEqual([
      ["Các bộ phận chuyên môn", [51, 5]],
      ["Bộ phận “Một cửa”", [51]],
      ["Tài chính - Kế toán", [20]],
      ["Phòng Kinh tế", [5]],
    ]);
    expect(summary.overdueTotal).toBe(5);
  });

  it("treats owners spelled with both tone placements and in NFD as one", () => {
    const rows = (owner: string, row: number) => ({
      row,
      criterion: null,
      criterionName: null,
      area: null,
      points: null,
      maxPoints: null,
      pointsAtStake: null,
      warnings: [],
      status: "in_progress" as const,
      schedule: "date" as const,
      due: "2025-11-01",
      overdue: true,
      dueSoon: false,
      daysLate: 19,
      milestones: [],
      dueLabel: "",
      content: "Việc",
      owner,
    });
    const layout = {
      headerRow: 0,
      dataRows: [],
      lastRow: 0,
      lastInputColumn: 0,
      ownedColumn: null,
      ownedWidth: null,
      marker: null,
      statusColumn: null,
      deadlineColumn: null,
    };
    const sheet = {
      sheet: "S",
      planYear: 2025,
      today,
      notices: [],
      tables: [
        {
          sheet: "S",
          headerRow: 1,
          missingCriteria: [],
          layout,
          totals: { points: 0, maxPoints: 0, areas: [] },
          rows: [
            rows("Bộ phận Văn hoá thông tin", 2),
            rows("Bộ phận Văn hóa thông tin".normalize("NFD"), 3),
          ],
        },
      ],
    };
    const grouped = summarize([sheet], null, today).overdueByOwner;
    expect(grouped).toHaveLength(1);
    expect(grouped[0].items.map((i) => i.row)).toEqual([2, 3]);
  });

  it("names an owner group by the spelling met first, also on a row that is not overdue", () => {
    const row = (owner: string, index: number, overdue: boolean) => ({
      row: index,
      criterion: null,
      criterionName: null,
      area: null,
      points: null,
      maxPoints: null,
      pointsAtStake: null,
      warnings: [],
      status: "in_progress" as const,
      schedule: "date" as const,
      due: "2025-11-01",
      overdue,
      dueSoon: false,
      daysLate: overdue ? 19 : 0,
      milestones: [],
      dueLabel: "",
      content: "Việc",
      owner,
    });
    const layout = {
      headerRow: 0,
      dataRows: [],
      lastRow: 0,
      lastInputColumn: 0,
      ownedColumn: null,
      ownedWidth: null,
      marker: null,
      statusColumn: null,
      deadlineColumn: null,
    };
    const nfd = "Bộ phận Văn hóa thông tin".normalize("NFD");
    const sheet = {
      sheet: "S",
      planYear: 2025,
      today,
      notices: [],
      tables: [
        {
          sheet: "S",
          headerRow: 1,
          missingCriteria: [],
          layout,
          totals: { points: 0, maxPoints: 0, areas: [] },
          rows: [row(nfd, 2, false), row("Bộ phận Văn hoá thông tin", 3, true), row("", 4, true)],
        },
      ],
    };
    const grouped = summarize([sheet], null, today).overdueByOwner;
    // The first spelling met (row 2, not overdue), in NFC; rows without an owner apart.
    expect(grouped.map((g) => [g.owner, g.items.map((i) => i.row)])).toEqual([
      ["(Chưa ghi đơn vị)", [4]],
      ["Bộ phận Văn hóa thông tin", [3]],
    ]);
    expect(grouped[1].owner).toBe("Bộ phận Văn hóa thông tin".normalize("NFC"));
  });

  it("lists criteria that lost points, most at stake first, without parent rows", () => {
    expect(summary.focus.map((f) => [f.criterion, f.atStake])).toEqual([
      ["III.4", 1.5],
      ["VIII.4", 1.5],
      ["VII.4.1", 0.47],
      ["VII.4.2", 0.39],
      ["I.1", 0.22],
      ["VI.1", 0.18],
    ]);
    expect(summary.focus[0].reason).toBe("Tỷ lệ 93,5% < 95%: không chấm điểm, mất 1,5 điểm");
  });

  it("says once that the set is partial, and once that a set is missing", () => {
    expect(summary.notices.filter((n) => n.startsWith("Bộ tiêu chí chưa đầy đủ"))).toHaveLength(1);
    expect(summarize(results, HA_DONG_2024, today).notices.join("\n")).toContain(
      "lĩnh vực 1 mới có 5,5/20 điểm"
    );
    expect(summarize(results, null, today).notices[0]).toContain("Chưa chọn bộ tiêu chí");
  });

  it("writes a headline with the counts", () => {
    expect(headline(summary)).toBe(
      "Tổng điểm 4,24/8,5 · 12 cảnh báo · 5 việc quá hạn · 2 việc sắp đến hạn (tính đến 20/11/2025)"
    );
  });
});

describe("buildSummarySheet and formatReport", () => {
  it("lays out areas, total, warnings and overdue owners for a colleague without the add-in", () => {
    const sheet = buildSummarySheet(summary);
    const text = sheet.values.map((row) => row.join(" | "));
    expect(text[0]).toBe("TỔNG HỢP CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX)");
    expect(text).toContain(
      "I | Công tác chỉ đạo, điều hành cải cách hành chính | 1.28 | 1.5 | 1.5"
    );
    expect(text).toContain(" | TỔNG CỘNG | 4.24 | 8.5 | ");
    expect(text).toContain(
      "Các bộ phận chuyên môn | 2 | 51 | Phụ lục KH CCHC!25, Phụ lục KH CCHC!16"
    );
    expect(sheet.chartRows).toEqual({ first: 6, last: 10 });
    expect(sheet.headerRows).toContain(5);
  });

  it("caps a long warning list and says where the rest is", () => {
    const many = [
      scoreSheet(
        {
          sheetName: "Lớn",
          values: [
            ["STT", "Nội dung", "Thời gian hoàn thành"],
            ...Array.from({ length: 250 }, (_, i) => [i + 1, `Việc ${i}`, "khi nào xong"]),
          ],
        },
        { today }
      ),
    ];
    const report = formatReport(summarize(many, null, today), many, null);
    expect(report).toContain("Cảnh báo (250):");
    expect(report).toContain("… và 50 cảnh báo khác");
    expect(report.split("\n").filter((line) => line.startsWith("  Lớn!"))).toHaveLength(200);
  });

  it("prints every warning with its sheet and row", () => {
    const report = formatReport(summary, results, "out.xlsx");
    expect(report).toContain(
      "Tự chấm điểm 2025!10 [III.4]: Tỷ lệ 93,5% < 95%: không chấm điểm, mất 1,5 điểm"
    );
    expect(report).toContain("Đã ghi tệp kết quả: out.xlsx");
  });
});
