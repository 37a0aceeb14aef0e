/**
 * Issue 19: real form shapes, re-saved by LibreOffice, score the totals the forms state.
 * Expected totals are the forms' own arithmetic, written by hand here.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "../support/cli";
import { unzipParts } from "../support/package-compare";
import { issue19File, PROVINCE_60, RATING_FORM } from "../fixtures/assessment/issue19";
import type { Template } from "../fixtures/assessment/templates";
import { templateGrid } from "../core/assessment/template-grid";
import { readAssessments } from "../../src/core/assessment/read-table";
import { checkSet } from "../../src/core/assessment/set-checks";
import { scoreAssessments } from "../../src/core/assessment/score-table";
import { deriveSet } from "../../src/core/assessment/derive-set";

const dir = mkdtempSync(path.join(os.tmpdir(), "par-issue19-"));
const today = "2025-11-20";

interface JsonRow {
  row: number;
  criterion: string | null;
  points: number | null;
  maxPoints: number | null;
  warnings: Array<{ code: string; message: string }>;
}

async function scoreJson(input: string, out: string) {
  const result = await runCli([input, "--today", today, "--out", out, "--json"]);
  expect(result.err).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.out);
}

function samePackage(a: Uint8Array, b: Uint8Array): string[] {
  const pa = unzipParts(a);
  const pb = unzipParts(b);
  return [...new Set([...pa.keys(), ...pb.keys()])].filter(
    (k) => !pa.get(k) || !pb.get(k) || !Buffer.from(pa.get(k)!).equals(Buffer.from(pb.get(k)!))
  );
}

/** A copy of a template with some rows replaced (0-based row index → new row). */
function edited(template: Template, rows: Record<number, Template["rows"][number]>): Template {
  return { ...template, rows: template.rows.map((row, i) => rows[i] ?? row) };
}

describe("the Mẫu 03 staff-rating form (parts, bands, a bonus section, summary lines)", () => {
  it("scores 90,75 of 100 + 2 bonus = 92,75, as the form's own arithmetic gives", async () => {
    const json = await scoreJson(issue19File("rating-form"), path.join(dir, "rating.xlsx"));
    const [table] = json.tables;
    expect(
      table.totals.areas.map((a: { code: string; points: number; maxPoints: number }) => [
        a.code,
        a.points,
        a.maxPoints,
      ])
    ).toEqual([
      ["A", 28.75, 30], // 4,75 + 5 + 2,5 + 2,5 + 4 + 10
      ["B", 62, 70], // band b (15) + 27 + "Có" (20)
      ["C", 2, 2],
    ]);
    expect(table.assessment.formation.text).toBe(
      "Tổng = 90,75 (các lĩnh vực, tối đa 100) + 2 (điểm thưởng, tối đa 2) = 92,75"
    );
    // The summary lines (30 / 70 / 100 / 2) agree: no finding, and they are not criteria.
    expect(table.assessment.setChecks).toEqual([]);
    const rows: JsonRow[] = table.rows;
    expect(rows.every((r) => r.row <= 36)).toBe(true);
    // The lettered items a … g under "1. Phẩm chất chính trị" are parts, each self-scored.
    expect(
      rows.filter((r) => /^A\.I\.1\./.test(r.criterion ?? "")).map((r) => [r.criterion, r.points])
    ).toEqual([
      ["A.I.1.a", 0.75],
      ["A.I.1.b", 0.5],
      ["A.I.1.c", 0.5],
      ["A.I.1.d", 0.75],
      ["A.I.1.đ", 0.75],
      ["A.I.1.e", 0.75],
      ["A.I.1.ê", 0.5],
      ["A.I.1.g", 0.25],
    ]);
    expect(rows.find((r) => r.criterion === "A.I.1")).toMatchObject({ points: 4.75, maxPoints: 5 });
    // The bands under B.1 are levels, one chosen.
    expect(rows.find((r) => r.criterion === "B.1")).toMatchObject({ points: 15, maxPoints: 20 });
    expect(
      rows.flatMap((r) => r.warnings).filter((w) => /mức được đánh dấu/.test(w.message))
    ).toEqual([]);
  });

  it("a summary line that disagrees is named at its cell, with the computed maximum", () => {
    // Row 39 (0-based 38): "1. Điểm tiêu chí chung: 35".
    const grid = templateGrid(edited(RATING_FORM, { 38: ["", "1. Điểm tiêu chí chung: 35"] }));
    const [read] = readAssessments(grid);
    const [table] = scoreAssessments(grid, deriveSet(read, grid).set).tables;
    expect(table.assessment.setChecks).toEqual([
      {
        kind: "stated_total",
        address: "'Mẫu 03'!B39",
        message:
          "Ô 'Mẫu 03'!B39: dòng \"1. Điểm tiêu chí chung: 35\" ghi 35 điểm nhưng lĩnh vực A trong bảng cộng lại tối đa 30 điểm (đạt 28,75); kiểm tra điểm tối đa các tiêu chí hoặc dòng này",
      },
    ]);
  });

  it("rows that neither add up nor have the maximum as their best are a warning naming the cell", () => {
    // The parts of "1. Tác phong" (5): 2 + 2,5 = 4,5 (rising, so not a scale), the best 2,5.
    const grid = templateGrid(
      edited(RATING_FORM, {
        18: ["a", "Có tinh thần trách nhiệm với công việc", 2, 2, "", "", ""],
      })
    );
    const [read] = readAssessments(grid);
    const findings = checkSet(read, grid).filter((f) => (f.kind as string) === "structure_ambiguous");
    expect(findings).toEqual([
      {
        kind: "structure_ambiguous",
        address: "'Mẫu 03'!C18",
        message:
          "Ô 'Mẫu 03'!C18: các dòng dưới tiêu chí 1 cộng lại 4,5 điểm, dòng cao nhất 2,5 điểm, không khớp điểm tối đa 5: chưa rõ là các phần cộng lại hay các mức chọn một; đã đọc là các mức chọn một, sửa điểm trong bảng cho khớp",
      },
    ]);
  });
});

describe("the province 60-point template (codes 1.4.1, 1.4.2 under 1.3; a SUM total)", () => {
  it("keeps every criterion: maximum 60, total 41,5; the misnumbered children read as 1.3.1, 1.3.2", async () => {
    const json = await scoreJson(issue19File("province-60"), path.join(dir, "province.xlsx"));
    const [table] = json.tables;
    expect(table.totals).toMatchObject({ points: 41.5, maxPoints: 60 });
    const rows: JsonRow[] = table.rows;
    expect(
      rows
        .filter((r) => r.row >= 10 && r.row <= 15)
        .map((r) => [r.row, r.criterion, r.points, r.maxPoints])
    ).toEqual([
      [10, "1.3", 4, 5],
      [11, "1.3.1", 2, 2],
      [12, "1.3.2", 2, 3],
      [13, "1.4", 3.5, 5],
      [14, "1.4.1", 2.5, 2.5],
      [15, "1.4.2", 1, 2.5],
    ]);
    expect(rows.flatMap((r) => r.warnings)).toEqual([]);
    expect(
      table.assessment.setChecks.map((f: { kind: string; address: string }) => [f.kind, f.address])
    ).toEqual([
      ["code_not_under_parent", "'Tự chấm'!A11"],
      ["code_not_under_parent", "'Tự chấm'!A12"],
    ]);
    expect(table.assessment.setChecks[0].message).toContain("1.4.1 nằm dưới tiêu chí 1.3");
    expect(table.assessment.setChecks[0].message).toContain("đã đọc là 1.3.1");
  });

  it('the title "(60 điểm)" and the SUM total are checks: a maximum that does not reach them is named', () => {
    // 2.2 worth 15 instead of 20, area II still says 40.
    const grid = templateGrid(
      edited(PROVINCE_60, {
        17: ["2.2", "Công khai thủ tục hành chính", 15, 10, ""],
        15: ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 35, "", ""],
      })
    );
    const [read] = readAssessments(grid);
    expect(read.statedTotal).toBe(60);
    expect(checkSet(read, grid).map((f) => [f.kind, f.address])).toEqual([
      ["code_not_under_parent", "'Tự chấm'!A11"],
      ["code_not_under_parent", "'Tự chấm'!A12"],
      ["total_row", "'Tự chấm'!C19"],
      ["stated_total", "'Tự chấm'!C19"],
    ]);
  });
});

describe("the two forms re-scored", () => {
  it.each(["rating-form", "province-60"] as const)(
    "%s: a second run changes nothing",
    async (name) => {
      const once = path.join(dir, `${name}.1.xlsx`);
      const twice = path.join(dir, `${name}.2.xlsx`);
      await scoreJson(issue19File(name), once);
      await scoreJson(once, twice);
      expect(samePackage(readFileSync(once), readFileSync(twice))).toEqual([]);
    }
  );

  it.each(["rating-form", "province-60"] as const)(
    "%s: the derived set round-trips through the 'Bộ tiêu chí' sheet",
    async (name) => {
      const input = issue19File(name);
      const printed = await runCli(["criteria-sheet", "--from", input]);
      expect(printed.code).toBe(0);
      const out = path.join(dir, `${name}.set.xlsx`);
      expect((await runCli(["criteria-sheet", "--from", input, "--out", out])).code).toBe(0);
      const exported = await runCli(["criteria-sheet", "--export", out]);
      expect(exported.code).toBe(0);
      const set = JSON.parse(exported.out);
      expect(set).toEqual(JSON.parse(printed.out));
      const sum = set.areas
        .filter((a: { section?: string }) => !a.section)
        .reduce((s: number, a: { maxPoints: number }) => s + a.maxPoints, 0);
      expect(sum).toBe(name === "rating-form" ? 100 : 60);
    }
  );
});
