/**
 * The rollup command end to end, on a generated folder of 30 ward workbooks in mixed
 * layouts with two broken files (worker threads, as users run it).
 */
import { createHash } from "node:crypto";
import { mkdtempSync, promises as fs, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { generateRollupFolder, type GeneratedFolder } from "../fixtures/rollup/generate";
import { runCli } from "../support/cli";
import { defaultJobs, MIN_FILES_FOR_WORKERS } from "../../src/cli/rollup-command";

jest.setTimeout(180_000);

interface RankingJson {
  rank: number | null;
  group: number;
  note: string;
  name: string;
  nameSource: string;
  file: string;
  points: number;
  maxPoints: number;
  selfPoints: number | null;
  appraisedPoints: number | null;
  warnings: Array<{ sheet: string; cell: string; code: string }>;
  overdue: Array<{ sheet: string; cell: string; daysLate: number }>;
}

const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;

describe("rollup command", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "rollup-cli-"));
  const input = path.join(dir, "don-vi");
  const out = path.join(dir, "tong-hop.xlsx");
  let folder: GeneratedFolder;
  let hashes: Map<string, string>;
  let json: {
    ranking: RankingJson[];
    failures: Array<{ file: string; reason: string }>;
    groups: Array<{ units: number; difference: string }>;
  };
  let code: number;

  const hashAll = async () => {
    const map = new Map<string, string>();
    for (const name of await fs.readdir(input)) {
      map.set(
        name,
        createHash("sha256")
          .update(await fs.readFile(path.join(input, name)))
          .digest("hex")
      );
    }
    return map;
  };

  beforeAll(async () => {
    folder = await generateRollupFolder(input, 30);
    hashes = await hashAll();
    const run = await runCli(["rollup", input, "--today", "2025-11-20", "--out", out, "--json"]);
    code = run.code;
    expect(run.err).toBe("");
    json = JSON.parse(run.out);
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("rolls up every readable workbook and lists the two broken ones with their reasons", () => {
    expect(code).toBe(0);
    expect(json.ranking).toHaveLength(30 + folder.assessment.length);
    expect(json.failures.map((f) => path.basename(f.file)).sort()).toEqual(
      folder.broken.map((b) => b.file).sort()
    );
    for (const failure of json.failures)
      expect(failure.reason).toMatch(/(hỏng|không phải sổ làm việc).*chạy lại|lưu.*\.xlsx/);
  });

  it("names each unit from its Tên đơn vị line, its title, or else its file name", () => {
    const byFile = new Map(json.ranking.map((r) => [path.basename(r.file), r]));
    for (const ward of folder.wards) {
      expect(byFile.get(ward.file)).toMatchObject({
        name: ward.expectedName,
        nameSource: ward.nameStyle,
      });
    }
  });

  it("ranks the main group by computed points with shared ranks (1, 2, 2, 4 style)", () => {
    const main = json.ranking.filter((r) => r.group === 0);
    expect(main).toHaveLength(29);
    for (const r of main) expect(r.rank).toBe(1 + main.filter((o) => o.points > r.points).length);
    for (let i = 1; i < main.length; i++)
      expect(main[i].points).toBeLessThanOrEqual(main[i - 1].points);
    // Wards 4 and 5 sent the same figures in different layouts: same points, same rank.
    const [a, b] = ["don-vi-004.xlsx", "don-vi-005.xlsx"].map((f) =>
      main.find((r) => path.basename(r.file) === f)!
    );
    expect(a.points).toBe(b.points);
    expect(a.rank).toBe(b.rank);
    const after = main.find((r) => r.points < a.points);
    if (after) expect(after.rank).toBe(a.rank! + 2);
  });

  it("flags the unit scored with a different criteria set instead of ranking it with the others", () => {
    const other = folder.wards.find((w) => w.set === "other")!;
    const unit = json.ranking.find((r) => path.basename(r.file) === other.file)!;
    expect(unit.group).toBeGreaterThan(0);
    expect(json.ranking.filter((r) => r.group === unit.group)).toEqual([unit]);
    expect(unit.rank).toBe(1);
    expect(unit.note).toContain("Bộ tiêu chí khác nhóm chính");
    expect(unit.note).toContain("VI.1 (1 → 2)");
    expect(json.groups[0].units).toBe(29);
    expect(json.groups.reduce((n, g) => n + g.units, 0)).toBe(json.ranking.length);
  });

  it("scores the self-assessment tables with their own criteria, in a group of their own, as the score command does", async () => {
    const units = folder.assessment.map((a) =>
      json.ranking.find((r) => path.basename(r.file) === a.file)!
    );
    for (const unit of units) {
      expect(unit.group).toBeGreaterThan(0);
      expect(unit.note).toContain("Bộ tiêu chí khác nhóm chính");
    }
    // Layouts 1, 3 and 4 number their criteria alike (1.1, 1.1.1…): one group, and their
    // equal points share rank 1. The others number them otherwise (A.I.1…): other groups.
    const alike = ["layout-1.xlsx", "layout-3.xlsx", "layout-4.xlsx"].map(
      (source) => units[folder.assessment.findIndex((a) => a.source === source)]
    );
    expect(new Set(alike.map((u) => u.group)).size).toBe(1);
    expect(alike.map((u) => u.rank)).toEqual([1, 1, 1]);
    expect(json.ranking.filter((r) => r.group === alike[0].group)).toHaveLength(3);
    expect(new Set(units.map((u) => u.group)).size).toBeGreaterThan(1);
    for (const copy of folder.assessment.filter(
      (a) => a.source === "layout-1.xlsx" || a.source === "layout-3.xlsx"
    )) {
      const single = await runCli([
        path.join(input, copy.file),
        "--today",
        "2025-11-20",
        "--out",
        path.join(dir, `${copy.file}.scored.xlsx`),
        "--json",
      ]);
      expect(single.code).toBe(0);
      const scored = JSON.parse(single.out);
      const unit = json.ranking.find((r) => path.basename(r.file) === copy.file)!;
      expect(unit.points).toBe(scored.summary.points);
      expect(unit.selfPoints).toBe(scored.appraisal.self);
      expect(unit.appraisedPoints).toBe(scored.appraisal.appraised);
    }
    expect(units.some((u) => u.appraisedPoints !== null)).toBe(true);
    expect(units.some((u) => u.appraisedPoints === null)).toBe(true);
  });

  it("totals the self-scores and the appraised scores as the wards wrote them", () => {
    for (const ward of folder.wards) {
      const unit = json.ranking.find((r) => path.basename(r.file) === ward.file)!;
      expect(unit.selfPoints).toBe(sum(Object.values(ward.selfScores)));
      expect(unit.appraisedPoints).toBe(ward.appraised ? sum(Object.values(ward.appraised)) : null);
      expect(unit.points).toBeGreaterThanOrEqual(0);
      expect(unit.points).toBeLessThanOrEqual(unit.maxPoints);
    }
    expect(folder.wards.filter((w) => w.appraised).length).toBeGreaterThanOrEqual(5);
  });

  it("gives each unit the points the score command gives the same file alone", async () => {
    for (const ward of [folder.wards[0], folder.wards[3], folder.wards[29]]) {
      const single = await runCli([
        path.join(input, ward.file),
        "--today",
        "2025-11-20",
        "--out",
        path.join(dir, `${ward.file}.scored.xlsx`),
        "--json",
      ]);
      expect(single.code).toBe(0);
      const points = JSON.parse(single.out).summary.points;
      expect(json.ranking.find((r) => path.basename(r.file) === ward.file)!.points).toBe(points);
    }
  });

  it("lists every overdue task with its sheet and deadline cell", () => {
    for (const ward of folder.wards) {
      const unit = json.ranking.find((r) => path.basename(r.file) === ward.file)!;
      expect(unit.overdue).toHaveLength(ward.overdueTasks);
      for (const task of unit.overdue) {
        expect(task.sheet).toBe("Phụ lục KH CCHC");
        expect(task.cell).toMatch(/^C\d+$/);
      }
    }
  });

  it("writes the four sheets, readable without the tool, and leaves every input file unchanged", async () => {
    expect(await hashAll()).toEqual(hashes);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      "Xếp hạng",
      "Theo tiêu chí",
      "Cảnh báo",
      "Việc quá hạn",
    ]);
    const ranking = workbook.getWorksheet("Xếp hạng")!;
    const cellText = (ws: ExcelJS.Worksheet, r: number, c: number) => ws.getCell(r, c).text;
    expect([cellText(ranking, 3, 1), cellText(ranking, 3, 2)]).toEqual(["Hạng", "Đơn vị"]);
    expect(ranking.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    const first = json.ranking[0];
    expect(ranking.getRow(4).getCell(2).value).toBe(first.name);
    expect(ranking.getRow(4).getCell(3).value).toBe(first.points);
    // The native bar chart of the main group's totals, beside the ranking.
    const parts = unzipSync(new Uint8Array(await fs.readFile(out)));
    const chart = strFromU8(parts["xl/charts/chart1.xml"]);
    const mainCount = json.ranking.filter((r) => r.group === 0).length;
    expect(chart).toContain(`<c:f>'Xếp hạng'!$C$4:$C$${3 + mainCount}</c:f>`);
    expect(chart).toContain(`<c:f>'Xếp hạng'!$B$4:$B$${3 + mainCount}</c:f>`);
    expect(chart).toContain(`<c:v>${first.name}</c:v>`);
    expect(chart).toContain("Tổng điểm tính toán theo đơn vị");
    // Rank 1 on top, as in the table; the value axis at the bottom.
    expect(chart).toMatch(/<c:catAx>.*<c:orientation val="maxMin"\/>/);
    expect(chart).toMatch(/<c:valAx>.*<c:crosses val="max"\/>/);
    // Anchored one blank column right of the table, beside its first rows.
    const drawing = strFromU8(parts["xl/drawings/drawing1.xml"]);
    const width = ranking.getRow(3).cellCount;
    expect(drawing).toContain(
      `<xdr:from><xdr:col>${width + 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>3</xdr:row>`
    );
    expect(strFromU8(parts["xl/worksheets/sheet1.xml"])).toContain('<drawing r:id="rId1"/>');
    expect(strFromU8(parts["[Content_Types].xml"])).toContain("/xl/charts/chart1.xml");
    const criteria = workbook.getWorksheet("Theo tiêu chí")!;
    let lostFills = 0;
    criteria.eachRow((row) =>
      row.eachCell((cell) => {
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        if (fill?.fgColor?.argb === "FFF8CBAD") lostFills++;
      })
    );
    expect(lostFills).toBeGreaterThan(0);
    const labels: unknown[] = [];
    criteria.eachRow((row) => labels.push(row.getCell(2).value));
    expect(labels).toContain("Trung bình");
    expect(labels).toContain("Số đơn vị đạt điểm tối đa");
    const overdue = workbook.getWorksheet("Việc quá hạn")!;
    expect(overdue.rowCount - 3).toBe(json.ranking.reduce((n, r) => n + r.overdue.length, 0));
    expect(overdue.rowCount - 3).toBeGreaterThanOrEqual(
      sum(folder.wards.map((w) => w.overdueTasks))
    );
  });

  it("prints a one-screen Vietnamese summary, lists a missing path without stopping, and never writes over an input", async () => {
    const missing = path.join(dir, "khong-co.xlsx");
    const run = await runCli([
      "rollup",
      path.join(input, "don-vi-001.xlsx"),
      path.join(input, "don-vi-002.xlsx"),
      missing,
      "--today",
      "2025-11-20",
      "--out",
      path.join(dir, "hai.xlsx"),
      "--jobs",
      "2",
    ]);
    expect(run.code).toBe(0);
    expect(run.out).toContain("Tổng hợp 2 đơn vị (tính đến 20/11/2025), 1 tệp không đọc được.");
    expect(run.out).toContain("Không tìm thấy tệp hoặc thư mục này");
    expect(run.out.split("\n").length).toBeLessThan(30);
    const clash = await runCli(["rollup", input, "--out", path.join(input, "don-vi-001.xlsx")]);
    expect(clash.code).toBe(2);
    expect(clash.err).toContain("trùng một tệp đầu vào");
    // The same input through a link: still refused, the input untouched.
    const link = path.join(dir, "lien-ket-don-vi-001.xlsx");
    symlinkSync(path.join(input, "don-vi-001.xlsx"), link);
    const throughLink = await runCli(["rollup", input, "--out", link]);
    expect(throughLink.code).toBe(2);
    expect(throughLink.err).toContain("trùng một tệp đầu vào");
    expect(await hashAll()).toEqual(hashes);
  });

  it("uses a worker thread (two threads at most) only when there are enough files to repay starting it", () => {
    expect(defaultJobs(MIN_FILES_FOR_WORKERS - 1)).toBe(1);
    expect(defaultJobs(300)).toBe(Math.min(2, os.availableParallelism()));
  });

  it("gives the same roll-up on this thread and a worker as on one thread (the default run above)", async () => {
    expect(folder.wards.length + folder.assessment.length).toBeLessThan(MIN_FILES_FOR_WORKERS);
    const run = await runCli([
      "rollup",
      input,
      "--today",
      "2025-11-20",
      "--out",
      path.join(dir, "hai-luong.xlsx"),
      "--json",
      "--jobs",
      "2",
    ]);
    expect(run.code).toBe(0);
    const pooled = JSON.parse(run.out);
    const strip = (r: RankingJson) => ({ ...r, file: path.basename(r.file) });
    expect(pooled.ranking.map(strip)).toEqual(json.ranking.map(strip));
    expect(pooled.failures.length).toBe(json.failures.length);
  });

  it("says in Vietnamese what is missing when no file or folder is given", async () => {
    const run = await runCli(["rollup"]);
    expect(run.code).toBe(2);
    expect(run.err).toContain("Thiếu tệp hoặc thư mục cần tổng hợp: cham-diem-cchc rollup");
  });

  it("scores every file with one shared set given by --criteria: one group, nothing flagged", async () => {
    const run = await runCli([
      "rollup",
      input,
      "--criteria",
      path.join(__dirname, "..", "..", "src", "core", "criteria-sets", "dien-ban-2025.json"),
      "--today",
      "2025-11-20",
      "--out",
      path.join(dir, "chung.xlsx"),
      "--json",
    ]);
    expect(run.code).toBe(0);
    const shared = JSON.parse(run.out);
    expect(shared.groups).toHaveLength(1);
    expect(shared.ranking).toHaveLength(json.ranking.length);
    expect(shared.ranking.every((r: RankingJson) => r.group === 0 && r.note === "")).toBe(true);
  });

  it("looks into sub-folders only with --recursive, and says so when a folder has no workbook", async () => {
    const nested = path.join(dir, "tinh");
    await fs.mkdir(path.join(nested, "huyen-a"), { recursive: true });
    await fs.copyFile(
      path.join(input, "don-vi-001.xlsx"),
      path.join(nested, "huyen-a", "don-vi-001.xlsx")
    );
    const flat = await runCli(["rollup", nested, "--out", path.join(dir, "r1.xlsx")]);
    expect(flat.code).toBe(1);
    expect(flat.err).toContain("--recursive");
    const deep = await runCli([
      "rollup",
      nested,
      "--recursive",
      "--today",
      "2025-11-20",
      "--out",
      path.join(dir, "r2.xlsx"),
      "--json",
      "--jobs",
      "0",
    ]);
    expect(deep.code).toBe(0);
    expect(JSON.parse(deep.out).ranking).toHaveLength(1);
  });
});
