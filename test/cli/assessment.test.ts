import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "../support/cli";
import { templateFile } from "../fixtures/assessment/generate";
import type { TemplateName } from "../fixtures/assessment/templates";

const today = "2025-11-20";
const dir = mkdtempSync(path.join(os.tmpdir(), "par-assessment-"));

interface JsonRow {
  criterion: string | null;
  points: number | null;
  warnings: Array<{ code: string; message: string }>;
}

async function scoreJson(file: string, out: string, extra: string[] = []) {
  const result = await runCli([
    file,
    "--today",
    today,
    "--out",
    path.join(dir, out),
    "--json",
    ...extra,
  ]);
  expect(result.err).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.out);
}

const LAYOUTS: Array<[TemplateName, "exceljs" | "libreoffice"]> = [
  ["layout-1", "exceljs"],
  ["layout-2", "exceljs"],
  ["layout-2", "libreoffice"],
  ["layout-3", "exceljs"],
  ["layout-4", "exceljs"],
  ["layout-5", "exceljs"],
  ["layout-5", "libreoffice"],
];

describe("score a filled-in self-assessment table with no --criteria", () => {
  it.each(LAYOUTS)(
    "%s (%s): 8,57 / 10 with the total's formation and the appraisal",
    async (name, writer) => {
      const input = templateFile(name, writer);
      const before = readFileSync(input);
      const json = await scoreJson(input, `${name}.${writer}.scored.xlsx`);
      expect(json.criteriaSet.id).toBe("bang-tu-danh-gia");
      expect(json.summary.points).toBe(8.57);
      expect(json.summary.maxPoints).toBe(10);
      expect(json.tables[0].assessment.formation.text).toBe(
        "Tổng = 7,07 (các lĩnh vực, tối đa 10) + 2 (điểm thưởng, tối đa 2) − 0,5 (điểm trừ, tối đa 2) = 8,57"
      );
      expect(json.tables[0].assessment.setChecks).toEqual([]);
      expect(
        json.derivedSet.counts.options +
          json.derivedSet.counts.fromText +
          json.derivedSet.counts.manual
      ).toBe(10);
      expect(json.summary.warningCounts).toEqual([
        { code: "below_threshold", label: "Dưới ngưỡng chấm điểm", count: 4 },
      ]);
      // The input file is never written.
      expect(readFileSync(input).equals(before)).toBe(true);
    }
  );

  it("layout-1: the appraisal differences, largest first, in the JSON and the report", async () => {
    const json = await scoreJson(templateFile("layout-1"), "l1.json.xlsx");
    expect(
      json.appraisal.differences.map((d: { code: string; gap: number }) => [d.code, d.gap])
    ).toEqual([
      ["1.1.1", 0.5],
      ["2.3", 0.32],
      ["1.3", 0.25],
    ]);
    const text = await runCli([
      templateFile("layout-1"),
      "--today",
      today,
      "--out",
      path.join(dir, "l1.txt.xlsx"),
    ]);
    expect(text.code).toBe(0);
    expect(text.out).toContain("Đối chiếu điểm: tự chấm 8,57 · tính toán 8,57 · thẩm định 7,5");
    expect(text.out).toContain(
      "Tự chấm 2025!7 [1.1.1] tự chấm 1 · tính toán 1 · thẩm định 0,5 – Mức độ kịp thời trong ban hành kế hoạch CCHC năm"
    );
  });

  it("layout-3: each criterion's points from its marks, figures and method text", async () => {
    const json = await scoreJson(templateFile("layout-3"), "l3.xlsx");
    const points = Object.fromEntries(
      json.tables[0].rows.map((r: JsonRow) => [r.criterion, r.points])
    );
    expect(points).toEqual({
      "1.1": 1.5,
      "1.1.1": 1,
      "1.1.2": 0.5,
      "1.2": 1,
      "1.3": 1.25,
      "2.1": 1.5,
      "2.2": 0.5,
      "2.3": 1.32,
      "3.1": 1.5,
      "3.2": 1,
      "4.1": 0.5,
    });
    expect(json.derivedSet.counts).toEqual({ options: 3, fromText: 3, manual: 4 });
    expect(
      json.derivedSet.origins.map((o: { code: string; origin: string }) => `${o.code}:${o.origin}`)
    ).toEqual([
      "1.1.1:options",
      "1.1.2:options",
      "1.2:options",
      "1.3:manual",
      "2.1:gateBelow",
      "2.2:optionList",
      "2.3:proportionalFromThreshold",
      "3.1:manual",
      "3.2:manual",
      "4.1:manual",
    ]);
  });

  it("layout-6 (the plan appendix of seed 002): 7,24 / 9,5 from the notes' maxima and methods", async () => {
    const json = await scoreJson(templateFile("layout-6"), "l6.xlsx");
    expect(json.summary.points).toBe(7.24);
    expect(json.summary.maxPoints).toBe(9.5);
    expect(json.derivedSet.counts).toEqual({ options: 0, fromText: 6, manual: 1 });
    expect(json.derivedSet.skipped).toEqual([6]);
    const vi1 = json.tables[0].rows.find((r: JsonRow) => r.criterion === "VI.1");
    expect(vi1.warnings.map((w: { message: string }) => w.message)).toContain(
      "Tỷ lệ 65% < 70%: không chấm điểm, mất 1 điểm"
    );
  });

  it("the table with planted mistakes: every set check and every ward slip names its cell", async () => {
    const json = await scoreJson(templateFile("mistakes"), "mistakes.xlsx");
    expect(
      json.tables[0].assessment.setChecks.map(
        (f: { address: string; kind: string }) => `${f.kind} ${f.address}`
      )
    ).toEqual([
      "children_sum 'Biểu có lỗi'!C6",
      "best_option 'Biểu có lỗi'!C14",
      "code_not_under_parent 'Biểu có lỗi'!A20",
      "bands_overlap 'Biểu có lỗi'!B26",
      "code_ambiguous 'Biểu có lỗi'!A29",
      "bands_gap 'Biểu có lỗi'!B31",
      "total_row 'Biểu có lỗi'!C34",
      "stated_total 'Biểu có lỗi'!C34",
    ]);
    const slips = json.tables[0].rows.flatMap((r: JsonRow) =>
      r.warnings
        .filter((w) => w.code === "invalid_value")
        .map((w) => /^(?:Có 2 mức được đánh dấu \(|Ô )('[^']+'![A-Z]+\d+)/.exec(w.message)?.[1])
    );
    expect(slips).toEqual([
      "'Biểu có lỗi'!G8",
      "'Biểu có lỗi'!G14",
      "'Biểu có lỗi'!D24",
      "'Biểu có lỗi'!D30",
    ]);
    expect(json.notices).toContain(
      "Bộ tiêu chí trong bảng: Ô 'Biểu có lỗi'!C34: dòng tổng cộng ghi 6 điểm nhưng các lĩnh vực cộng lại 10 điểm; kiểm tra công thức tổng"
    );
  });
});

describe("criteria-sheet --from", () => {
  it("prints the table's own set as JSON, usable as --criteria", async () => {
    const printed = await runCli(["criteria-sheet", "--from", templateFile("layout-3")]);
    expect(printed.code).toBe(0);
    const set = JSON.parse(printed.out);
    expect(set.areas.map((a: { code: string }) => a.code)).toEqual(["I", "II", "III", "IV"]);
    expect(set.areas[2].section).toBe("bonus");
    const file = path.join(dir, "set.json");
    require("node:fs").writeFileSync(file, printed.out);
    const json = await scoreJson(templateFile("layout-3"), "with-set.xlsx", ["--criteria", file]);
    expect(json.criteriaSet.id).toBe("bang-tu-danh-gia");
    expect(json.derivedSet).toBeNull();
    expect(json.summary.points).toBe(8.57);
  });

  it("writes it as the 'Bộ tiêu chí' sheet of a copy, which then scores the same", async () => {
    const out = path.join(dir, "l5.bo-tieu-chi.xlsx");
    const written = await runCli([
      "criteria-sheet",
      "--from",
      templateFile("layout-5"),
      "--out",
      out,
    ]);
    expect(written.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet("Bộ tiêu chí")!;
    const cells: string[] = [];
    sheet.eachRow((row) => cells.push(String(row.getCell(5).value ?? "")));
    expect(cells).toContain("Chọn một mức");
    const exported = await runCli(["criteria-sheet", "--export", out]);
    expect(JSON.parse(exported.out).areas[0].criteria[0].children[0].rule.options).toHaveLength(3);
    const json = await scoreJson(out, "l5-with-sheet.xlsx");
    expect(json.derivedSet).toBeNull();
    expect(json.summary.points).toBe(8.57);
  });

  it("says in Vietnamese when the file has no self-assessment table", async () => {
    const empty = path.join(dir, "empty.xlsx");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Trang 1").getCell("A1").value = "Không có bảng";
    await workbook.xlsx.writeFile(empty);
    const result = await runCli(["criteria-sheet", "--from", empty]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^Lỗi: Không tìm thấy bảng tự đánh giá trong /);
  });
});
