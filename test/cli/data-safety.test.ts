import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "../support/cli";
import { buildSample } from "../../scripts/build-sample";

const run = runCli;

async function edit(file: string, target: string, change: (sheet: ExcelJS.Worksheet) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  change(workbook.getWorksheet("Phụ lục KH CCHC")!);
  await workbook.xlsx.writeFile(target);
}

describe("owned cells on a re-run", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "par-safety-"));
  const input = path.join(dir, "in.xlsx");
  const scored = path.join(dir, "scored.xlsx");

  beforeAll(async () => {
    await buildSample(input);
    expect((await run([input, "--today", "2025-11-20", "--out", scored])).code).toBe(0);
  });

  async function refused(name: string, change: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
    const edited = path.join(dir, `${name}.xlsx`);
    const out = path.join(dir, `${name}.out.xlsx`);
    await edit(scored, edited, change);
    const result = await run([edited, "--today", "2025-11-20", "--out", out]);
    expect(result.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(result.err).toContain("Chưa có ô nào bị thay đổi");
    return result.err;
  }

  it("finds its block by the workbook's defined name even when a header was retyped, and refuses to overwrite it", async () => {
    const err = await refused("header", (sheet) => {
      sheet.getCell("I5").value = "Điểm";
    });
    expect(err).toContain("tiêu đề cột tự động ở 'Phụ lục KH CCHC'!I5 đã bị sửa");
  });

  it("refuses when a column was inserted inside the block", async () => {
    // Excel and LibreOffice widen a defined name when a column is inserted inside it;
    // ExcelJS cannot insert a column next to shared formulas, so the test widens it the same way.
    const err = await refused("inserted", (sheet) => {
      const names = sheet.workbook.definedNames as unknown as { model: Array<{ name: string; ranges: string[] }> };
      names.model = names.model.map((n) =>
        n.ranges[0].startsWith("'Phụ lục KH CCHC'") ? { ...n, ranges: ["'Phụ lục KH CCHC'!$I$5:$N$5"] } : n
      );
      sheet.getCell("N5").value = "Tình trạng hạn (tự động)";
      sheet.getCell("K5").value = "Ghi chú của tôi";
    });
    expect(err).toContain("đã bị chèn hoặc xoá cột");
  });

  it("refuses when a note was typed into an owned column, naming the cell", async () => {
    const err = await refused("note", (sheet) => {
      sheet.getCell("K9").value = "Đã bổ sung hồ sơ ngày 18/11";
    });
    expect(err).toContain("các ô 'Phụ lục KH CCHC'!K9 trong cột \"(tự động)\" đã bị nhập tay");
  });

  it("accepts its own block again after the user changed only input cells", async () => {
    const edited = path.join(dir, "input-edit.xlsx");
    await edit(scored, edited, (sheet) => {
      sheet.getCell("F10").value = "Đã hoàn thành";
    });
    const out = path.join(dir, "input-edit.out.xlsx");
    const result = await run([edited, "--today", "2025-11-20", "--out", out, "--json"]);
    expect(result.code).toBe(0);
    const row = JSON.parse(result.out).tables[0].rows.find((r: { row: number }) => r.row === 10);
    expect(row).toMatchObject({ status: "done", overdue: false });
  });
});
