/**
 * The command line as Vietnamese users type it: dates as dd/mm/yyyy, a mistyped option,
 * a folder given to the score command, --version, and a roll-up nobody can be ranked in.
 */
import { mkdtempSync, promises as fs, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { todayOption } from "../../src/cli/options";
import { runCli } from "../support/cli";

jest.setTimeout(60_000);

describe("--today", () => {
  it("reads 20/11/2025 as Vietnamese users write it, and still 2025-11-20", () => {
    expect(todayOption("20/11/2025")).toBe("2025-11-20");
    expect(todayOption("5/1/2026")).toBe("2026-01-05");
    expect(todayOption("20-11-2025")).toBe("2025-11-20");
    expect(todayOption("2025-11-20")).toBe("2025-11-20");
  });

  it("refuses a day that does not exist, in Vietnamese with both forms", () => {
    expect(() => todayOption("31/02/2025")).toThrow(/ví dụ 20\/11\/2025.*2025-11-20/);
    expect(() => todayOption("11/20/2025")).toThrow(/không phải ngày hợp lệ/);
  });
});

describe("the command line's usage help", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cli-options-"));
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("suggests the option a user meant", async () => {
    for (const args of [
      ["phu-luc.xlsx", "--criterias", "x.json"],
      ["rollup", dir, "--criterias", "x.json"],
    ]) {
      const run = await runCli(args);
      expect(run.code).toBe(2);
      expect(run.err).toContain("Không có tuỳ chọn --criterias. Có phải ý anh/chị là --criteria?");
    }
  });

  it("points a folder given to the score command to rollup", async () => {
    const run = await runCli([dir]);
    expect(run.code).toBe(2);
    expect(run.err).toContain(`là một thư mục`);
    expect(run.err).toContain(`cham-diem-cchc rollup "${dir}"`);
  });

  it("prints the package's version", async () => {
    const run = await runCli(["--version"]);
    const pkg = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"));
    expect(run.code).toBe(0);
    expect(run.out.trim()).toBe(pkg.version);
  });

  it("says on the console why nobody is ranked in a roll-up without criteria, and what to pass", async () => {
    // A plan appendix (deadlines only): no "Bộ tiêu chí" sheet and no self-assessment table.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Phụ lục");
    sheet.addRow(["Tên đơn vị:", "Phường La Khê"]);
    sheet.addRow([
      "STT",
      "Nội dung nhiệm vụ",
      "Thời gian hoàn thành",
      "Bộ phận thực hiện",
      "Tình trạng",
    ]);
    sheet.addRow([1, "Báo cáo quý", "Trước ngày 15/11/2025", "Văn phòng", "Đang thực hiện"]);
    const file = path.join(dir, "ke-hoach.xlsx");
    await fs.writeFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    const run = await runCli([
      "rollup",
      file,
      "--today",
      "20/11/2025",
      "--out",
      path.join(dir, "tong-hop.xlsx"),
    ]);
    expect(run.code).toBe(0);
    expect(run.out).toContain("tính đến 20/11/2025");
    expect(run.out).toContain("Chưa xếp hạng đơn vị nào: chưa chọn bộ tiêu chí");
    expect(run.out).toMatch(/--criteria <bộ-tiêu-chí\.json>, hoặc mã bộ có sẵn: xa-2025-dien-ban/);
  });
});
