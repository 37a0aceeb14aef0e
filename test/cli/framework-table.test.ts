import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { FRAMEWORK_GRID } from "../core/fixtures";

describe("a workbook shaped like seed 004's framework table, no criteria set", () => {
  it("gives the expected flags at a fixed day and lists overdue rows per owner, most overdue first", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "par-framework-"));
    const input = path.join(dir, "khung-nhiem-vu.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(FRAMEWORK_GRID.sheetName);
    for (const row of FRAMEWORK_GRID.values) sheet.addRow(row);
    await workbook.xlsx.writeFile(input);

    let out = "";
    const code = await main([input, "--today", "2025-07-15", "--soon-days", "10", "--out", path.join(dir, "out.xlsx"), "--json"], {
      out: (t) => (out += t),
      err: () => undefined,
    });
    expect(code).toBe(0);
    const rows: Array<{ row: number; status: string; schedule: string; due: string | null; overdue: boolean; dueSoon: boolean }> =
      JSON.parse(out).tables[0].rows;
    const flags = Object.fromEntries(rows.map((r) => [r.row, [r.status, r.schedule, r.due, r.overdue, r.dueSoon]]));
    expect(flags).toEqual({
      5: ["done", "date", "2025-02-05", false, false],
      6: ["not_started", "none", null, false, false],
      8: ["in_progress", "date", "2025-03-31", true, false],
      9: ["not_started", "date", "2025-09-30", false, false],
      11: ["not_started", "date", "2025-12-31", false, false],
      13: ["in_progress", "date", "2025-09-30", false, false],
      15: ["done", "date", "2025-01-31", false, false],
      16: ["in_progress", "recurring", "2025-09-30", false, false],
      17: ["not_started", "external", null, false, false],
      18: ["not_started", "recurring", "2025-12-31", false, false],
    });

    let report = "";
    await main([input, "--today", "2025-10-15", "--out", path.join(dir, "out2.xlsx")], { out: (t) => (report += t), err: () => undefined });
    const overdueSection = report.slice(report.indexOf("Việc quá hạn theo đơn vị chủ trì:"));
    expect(overdueSection.indexOf("Văn phòng – Thông kê (2)")).toBeGreaterThan(0);
    expect(overdueSection.indexOf("quá hạn 198 ngày")).toBeLessThan(overdueSection.indexOf("quá hạn 15 ngày"));
  });
});
