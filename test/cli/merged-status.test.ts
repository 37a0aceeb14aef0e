/**
 * A status merged down over several tasks ("Đã hoàn thành" in F6:F8): in the scored copy,
 * every row of the merge must read as done in the state column and must not be filled
 * red, as the core says — checked by LibreOffice computing the formulas (outside truth).
 */
import { mkdtempSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "../support/cli";
import { convertWithLibreOffice, describeWithLibreOffice } from "../support/libreoffice";

const dir = mkdtempSync(path.join(os.tmpdir(), "par-merged-status-"));

async function workbookWithMergedStatus(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Phụ lục");
  sheet.addRow(["PHỤ LỤC KẾ HOẠCH CCHC NĂM 2025"]);
  sheet.addRow([]);
  sheet.addRow([]);
  sheet.addRow(["STT", "Nội dung nhiệm vụ", "Thời gian hoàn thành", "Bộ phận thực hiện", "Tình trạng"]);
  sheet.addRow([1, "Báo cáo CCHC quý III", "Trước ngày 15/10/2025", "Văn phòng", "Đang thực hiện"]);
  sheet.addRow([2, "Rà soát TTHC", "Trước ngày 15/10/2025", "Văn phòng", "Đã hoàn thành"]);
  sheet.addRow([3, "Niêm yết TTHC", "Trước ngày 15/10/2025", "Văn phòng", ""]);
  sheet.addRow([4, "Cập nhật cổng dịch vụ công", "Trước ngày 15/10/2025", "Văn phòng", ""]);
  sheet.addRow([5, "Khảo sát sự hài lòng", "Trước ngày 15/10/2025", "Văn phòng", "Chưa thực hiện"]);
  sheet.mergeCells("E6:E8");
  const file = path.join(dir, "merged-status.xlsx");
  await workbook.xlsx.writeFile(file);
  return file;
}

describe("a status merged over several tasks", () => {
  it("is done for every row of the merge in the core's reading", async () => {
    const input = await workbookWithMergedStatus();
    const out = path.join(dir, "core.scored.xlsx");
    const { code, out: stdout } = await runCli([input, "--today", "2025-11-20", "--out", out, "--json"]);
    expect(code).toBe(0);
    const rows = JSON.parse(stdout).tables[0].rows as Array<{ row: number; overdue: boolean; status: string }>;
    expect(rows.map((r) => [r.row, r.status, r.overdue])).toEqual([
      [5, "in_progress", true],
      [6, "done", false],
      [7, "done", false],
      [8, "done", false],
      [9, "not_started", true],
    ]);
  });
});

describeWithLibreOffice("a status merged over several tasks, computed by LibreOffice", () => {
  it("shows 'Đã hoàn thành' on every row of the merge and 'Quá hạn' on the others", async () => {
    const input = await workbookWithMergedStatus();
    const out = path.join(dir, "merged-status.scored.xlsx");
    expect((await runCli([input, "--today", "2025-11-20", "--out", out])).code).toBe(0);
    const csv = convertWithLibreOffice(out, "csv:Text - txt - csv (StarCalc):44,34,76,1", dir);
    const lines = (await fs.readFile(csv, "utf8")).split(/\r?\n/);
    const state = (excelRow: number) => lines[excelRow - 1].split(",").at(-1)!.replace(/^"|"$/g, "");
    expect(state(5)).toMatch(/^Quá hạn \d+ ngày$/);
    expect(state(6)).toBe("Đã hoàn thành");
    expect(state(7)).toBe("Đã hoàn thành");
    expect(state(8)).toBe("Đã hoàn thành");
    expect(state(9)).toMatch(/^Quá hạn \d+ ngày$/);
  });
});
