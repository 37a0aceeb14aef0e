/**
 * Every file in a district's folder is accounted for: ranked, named as another file's
 * duplicate, or listed with the reason it cannot be used (the same as when named alone).
 */
import { mkdtempSync, promises as fs, utimesSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { zipSync, strToU8 } from "fflate";
import { wardSpec, wardWorkbook } from "../fixtures/rollup/generate";
import { runCli } from "../support/cli";

jest.setTimeout(120_000);

interface RollupJson {
  ranking: Array<{ name: string; file: string; rank: number | null }>;
  failures: Array<{ file: string; reason: string }>;
  duplicates: Array<{ file: string; reason: string }>;
}

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

describe("rollup of a folder as districts receive it", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "rollup-folder-"));
  const input = path.join(dir, "nop");
  let json: RollupJson;
  let text: string;
  const at = (name: string) => path.join(input, name);
  const reasonOf = (name: string) => json.failures.find((f) => path.basename(f.file) === name);

  beforeAll(async () => {
    await fs.mkdir(input);
    const laKhe = wardSpec(0, 10); // "Phường La Khê", named by its "Tên đơn vị" line
    const phuLa = wardSpec(3, 10); // "Xã Mộ Lao", also named by its line
    await fs.writeFile(at("phuong-la-khe.xlsx"), await wardWorkbook(laKhe));
    // The scored copy our score command writes beside the ward's file.
    const scored = await runCli([at("phuong-la-khe.xlsx"), "--today", "2025-11-20"]);
    expect(scored.code).toBe(0);
    // A ward that re-sent a corrected file, saved later than the first.
    await fs.writeFile(at("xa-mo-lao.xlsx"), await wardWorkbook(phuLa));
    await fs.writeFile(at("xa-mo-lao (1).xlsx"), await wardWorkbook(phuLa));
    utimesSync(at("xa-mo-lao.xlsx"), new Date("2025-11-01"), new Date("2025-11-01"));
    utimesSync(at("xa-mo-lao (1).xlsx"), new Date("2025-11-05"), new Date("2025-11-05"));
    // Two copies of one sample with the same unit name: two units that must be told apart.
    const sample = await wardWorkbook(wardSpec(6, 10));
    await fs.writeFile(at("mau-a.xlsx"), sample);
    await fs.writeFile(at("mau-b.xlsx"), sample);
    // Other formats a ward sends.
    await fs.writeFile(at("phuong-cu.xls"), Buffer.from([...CFB, ...new Array(1024).fill(0)]));
    await fs.writeFile(
      at("phuong-ods.ods"),
      zipSync({ mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet") })
    );
    await fs.writeFile(at("ghi-chu.txt"), "Danh sách đơn vị đã nộp\n");
    // A workbook without any table.
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet("Trang 1").getCell("A1").value = "Báo cáo gửi kèm";
    await fs.writeFile(at("khong-co-bang.xlsx"), Buffer.from(await empty.xlsx.writeBuffer()));
    // Excel's lock file of an open workbook: not a unit's file.
    await fs.writeFile(at("~$phuong-la-khe.xlsx"), Buffer.from([1, 2, 3]));
    const run = await runCli([
      "rollup",
      input,
      "--today",
      "2025-11-20",
      "--out",
      path.join(dir, "tong-hop.xlsx"),
      "--json",
    ]);
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    json = JSON.parse(run.out);
    const plain = await runCli([
      "rollup",
      input,
      "--today",
      "2025-11-20",
      "--out",
      path.join(dir, "tong-hop-2.xlsx"),
    ]);
    text = plain.out;
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("accounts for every file but Excel's lock file: ranked, duplicate, or failed", async () => {
    const named = [...json.ranking, ...json.failures, ...json.duplicates].map((e) =>
      path.basename(e.file)
    );
    const inFolder = (await fs.readdir(input)).filter((f) => !f.startsWith("~$"));
    expect(named.sort()).toEqual(inFolder.sort());
  });

  it("counts a ward's file and its scored copy once (the scored copy), and the later re-sent copy", () => {
    expect(json.duplicates.map((d) => path.basename(d.file)).sort()).toEqual([
      "phuong-la-khe.xlsx",
      "xa-mo-lao.xlsx",
    ]);
    const files = json.ranking.map((r) => path.basename(r.file));
    expect(files).toContain("phuong-la-khe.scored.xlsx");
    expect(files).toContain("xa-mo-lao (1).xlsx");
    expect(json.ranking.filter((r) => r.name === "Phường La Khê")).toHaveLength(1);
    expect(text).toContain("2 tệp trùng đơn vị không tính");
    expect(text).toContain("xa-mo-lao.xlsx: Trùng đơn vị “Xã Mộ Lao”");
  });

  it("lists a ward's .xls, .ods and text file with the reasons they get when named alone", async () => {
    for (const name of ["phuong-cu.xls", "phuong-ods.ods", "ghi-chu.txt"]) {
      const alone = await runCli([
        "rollup",
        at(name),
        at("mau-a.xlsx"),
        "--today",
        "2025-11-20",
        "--out",
        path.join(dir, `alone-${name}.xlsx`),
        "--json",
      ]);
      const failure = (JSON.parse(alone.out) as RollupJson).failures[0];
      expect(reasonOf(name)?.reason).toBe(failure.reason);
    }
    expect(reasonOf("phuong-cu.xls")?.reason).toContain("Excel 97-2003 (.xls)");
    expect(reasonOf("phuong-ods.ods")?.reason).toContain("OpenDocument (.ods)");
  });

  it("lists a workbook without a table as a failure, not as a unit with 0/0 points", () => {
    expect(reasonOf("khong-co-bang.xlsx")?.reason).toMatch(/^Không tìm thấy bảng phụ lục nào/);
    expect(json.ranking.some((r) => r.file.endsWith("khong-co-bang.xlsx"))).toBe(false);
  });

  it("tells two units of the same name apart by their file names in the name itself", () => {
    const names = json.ranking.map((r) => r.name);
    expect(names).toContain("Phường Phú Lãm (mau-a.xlsx)");
    expect(names).toContain("Phường Phú Lãm (mau-b.xlsx)");
  });
});
