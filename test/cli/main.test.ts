import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "../support/cli";
import { buildSample } from "../../scripts/build-sample";
import { toGridValue } from "../support/exceljs-grid";

const CRITERIA = path.join(__dirname, "..", "..", "src", "core", "criteria-sets", "dien-ban-2025.json");

const run = runCli;

async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** Every cell of a sheet up to a column: value and number format. */
function snapshot(sheet: ExcelJS.Worksheet, lastColumn: number): string[] {
  const cells: string[] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    for (let c = 1; c <= lastColumn; c++) {
      const cell = sheet.getCell(r, c);
      cells.push(`${cell.address}=${JSON.stringify(cell.value)}|${cell.numFmt ?? ""}`);
    }
  }
  return cells;
}

describe("score CLI", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "par-cli-"));
  const input = path.join(dir, "phu-luc.xlsx");
  const scored = path.join(dir, "phu-luc.scored.xlsx");
  const rescored = path.join(dir, "phu-luc.rescored.xlsx");

  beforeAll(async () => {
    await buildSample(input);
  });

  it("scores the sample, prints JSON only, and leaves every input cell as it was", async () => {
    const { code, out, err } = await run([input, "--criteria", CRITERIA, "--today", "2025-11-20", "--json"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.today).toBe("2025-11-20");
    expect(json.criteriaSet.id).toBe("xa-2025-dien-ban");
    expect(json.tables.map((t: { sheet: string; headerRow: number }) => [t.sheet, t.headerRow])).toEqual([
      ["Phụ lục KH CCHC", 5],
      ["Tự chấm điểm 2025", 4],
    ]);
    const criteriaTable = json.tables[1];
    expect(criteriaTable.totals.points).toBe(4.24);
    const row6 = criteriaTable.rows.find((r: { row: number }) => r.row === 6);
    expect(row6).toMatchObject({ criterion: "I.1", points: 1.28, maxPoints: 1.5, status: "in_progress", schedule: "date", due: "2025-11-30", overdue: false, dueSoon: false });

    const before = await readBook(input);
    const after = await readBook(scored);
    for (const sheet of before.worksheets) {
      const width = sheet.columnCount;
      expect(snapshot(after.getWorksheet(sheet.name)!, width)).toEqual(snapshot(sheet, width));
    }
    const task = after.getWorksheet("Phụ lục KH CCHC")!;
    expect(task.getCell("I5").value).toBe("Điểm tính toán (tự động)");
    expect(task.getCell("L10").value).toEqual(new Date(Date.UTC(2025, 8, 30)));
    expect(toGridValue(task.getCell("M10").value)).toBe("Quá hạn 51 ngày");
    expect(after.getWorksheet("Tổng hợp")).toBeDefined();
  });

  it("gives the same values and layout when run again on its own output", async () => {
    const { code } = await run([scored, "--criteria", CRITERIA, "--today", "2025-11-20", "--out", rescored, "--json"]);
    expect(code).toBe(0);
    const first = await readBook(scored);
    const second = await readBook(rescored);
    expect(second.worksheets.map((s) => s.name)).toEqual(first.worksheets.map((s) => s.name));
    for (const sheet of first.worksheets) {
      const other = second.getWorksheet(sheet.name)!;
      expect(other.columnCount).toBe(sheet.columnCount);
      expect(snapshot(other, sheet.columnCount)).toEqual(snapshot(sheet, sheet.columnCount));
      const rules = (s: ExcelJS.Worksheet) => (s as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings.length;
      expect(rules(other)).toBe(rules(sheet));
    }
  });

  it("prints a Vietnamese report without --json", async () => {
    const { code, out } = await run([input, "--criteria", CRITERIA, "--today", "2025-11-20", "--out", path.join(dir, "b.xlsx")]);
    expect(code).toBe(0);
    expect(out).toContain("Tổng điểm 4,24/8,5");
    expect(out).toContain("Tỷ lệ 93,5% < 95%: không chấm điểm, mất 1,5 điểm");
    expect(out).toContain("Việc quá hạn theo đơn vị chủ trì:");
  });

  it("tracks deadlines with no criteria set, with one notice", async () => {
    const { code, out } = await run([input, "--today", "2025-11-20", "--out", path.join(dir, "c.xlsx"), "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.criteriaSet).toBeNull();
    expect(json.notices.filter((n: string) => n.startsWith("Chưa chọn bộ tiêu chí"))).toHaveLength(1);
    expect(json.tables[0].rows.filter((r: { overdue: boolean }) => r.overdue).map((r: { row: number }) => r.row)).toEqual([10, 16, 25, 29]);
  });

  it("exits 1 with a clear message for a missing, broken or non-xlsx file", async () => {
    const missing = await run([path.join(dir, "khong-co.xlsx")]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("Không tìm thấy tệp");
    const fake = path.join(dir, "fake.xlsx");
    writeFileSync(fake, "không phải excel");
    const broken = await run([fake]);
    expect(broken.code).toBe(1);
    expect(broken.err).toContain(`Không đọc được "${fake}": Đây là tệp văn bản (CSV hoặc tương tự)`);
  });

  it("exits 1 for an invalid criteria set, listing the problems", async () => {
    const bad = path.join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ id: "x", name: "x", areas: [{ code: "I", name: "A", maxPoints: 0, criteria: [] }] }));
    const result = await run([input, "--criteria", bad]);
    expect(result.code).toBe(1);
    expect(result.err).toContain("areas[0].maxPoints: Điểm tối đa phải là số lớn hơn 0");
  });

  it("explains wrong usage in Vietnamese, never in commander's English", async () => {
    const missing = await run([]);
    expect(missing.err).toContain("Thiếu tên tệp cần chấm");
    const unknown = await run([input, "--bogus"]);
    expect(unknown.err).toContain("Không có tuỳ chọn --bogus");
    // 20/11/2025 is read (dd/mm/yyyy, test/cli/options.test.ts); a 13th month is not a date.
    const badDate = await run([input, "--today", "20/13/2025"]);
    expect(badDate.err).toBe(
      'Lỗi: "20/13/2025" không phải ngày hợp lệ: ghi ngày/tháng/năm (ví dụ 20/11/2025) hoặc YYYY-MM-DD (ví dụ 2025-11-20).\n'
    );
    for (const result of [missing, unknown, badDate]) expect(result.err).not.toMatch(/error:|invalid|unknown option/);
  });

  it("exits 2 on wrong usage", async () => {
    expect((await run([])).code).toBe(2);
    expect((await run([input, "--today", "20/13/2025"])).code).toBe(2);
    expect((await run([input, "--out", input])).code).toBe(2);
    expect((await run([input, "--sheet", "Không có"])).code).toBe(2);
  });
});
