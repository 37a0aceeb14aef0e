/**
 * Issue 12 through the command line: the appendix-shape workbooks (written by ExcelJS, and
 * re-saved by LibreOffice Calc) read as a careful reader reads them. Hand counts are in
 * test/fixtures/appendix-shapes/shapes.ts.
 */
import { mkdtempSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cellAt } from "../../src/core/read/grid";
import { OUTPUT_COLUMNS, outputColumnIndex } from "../../src/core/read/output-columns";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { runCli } from "../support/cli";
import { convertWithLibreOffice, describeWithLibreOffice } from "../support/libreoffice";
import { shapeFile } from "../fixtures/appendix-shapes/generate";
import {
  MERGED_DEADLINES_NOT_STARTED,
  MERGED_DEADLINES_OVERDUE,
} from "../fixtures/appendix-shapes/shapes";

const CRITERIA = path.join(
  __dirname,
  "..",
  "..",
  "src",
  "core",
  "criteria-sets",
  "dien-ban-2025.json"
);
const dir = mkdtempSync(path.join(os.tmpdir(), "par-shapes-"));

interface JsonRow {
  row: number;
  criterion: string | null;
  points: number | null;
  overdue: boolean;
  status: string;
  due: string | null;
  dueLabel: string;
  owner: string;
  warnings: Array<{ code: string; message: string }>;
}

async function score(file: string, extra: string[] = []) {
  const out = path.join(dir, `${path.basename(file, ".xlsx")}-${extra.length}.scored.xlsx`);
  const before = await fs.readFile(file);
  const {
    code,
    out: stdout,
    err,
  } = await runCli([file, "--today", "2025-11-20", "--out", out, "--json", ...extra]);
  expect(err).toBe("");
  expect(code).toBe(0);
  // The input file is never written.
  expect((await fs.readFile(file)).equals(before)).toBe(true);
  const json = JSON.parse(stdout) as {
    tables: Array<{ rows: JsonRow[] }>;
    notices: string[];
    summary: { overdueByOwner: Array<{ owner: string; items: unknown[] }> };
  };
  return { json, rows: json.tables[0].rows, out };
}

describe.each(["exceljs", "libreoffice"] as const)(
  "merged deadlines, owners and statuses (written by %s)",
  (writer) => {
    it("counts 7 overdue, 5 of them not started, and marks each of their rows in the scored copy", async () => {
      const { json, rows, out } = await score(shapeFile("merged-deadlines", writer));
      expect(rows.filter((r) => r.overdue).map((r) => r.row)).toEqual(MERGED_DEADLINES_OVERDUE);
      expect(rows.filter((r) => r.overdue && r.status === "not_started").map((r) => r.row)).toEqual(
        MERGED_DEADLINES_NOT_STARTED
      );
      const byOwner = Object.fromEntries(
        json.summary.overdueByOwner.map((g) => [g.owner, g.items.length])
      );
      expect(byOwner).toEqual({
        "Các bộ phận chuyên môn": 3,
        "Văn phòng UBND": 1,
        "Bộ phận “Một cửa”": 1,
        "Bộ phận Văn hoá thông tin": 1,
        "Tư pháp - Hộ tịch": 1,
      });
      expect(rows.find((r) => r.row === 11)).toMatchObject({
        owner: "Các bộ phận chuyên môn",
        due: "2025-09-30",
      });

      const grid = readWorkbook(await fs.readFile(out)).sheets.find(
        (s) => s.name === "Phụ lục"
      )!.grid;
      const dueColumn = 6 + outputColumnIndex("due"); // the block starts at G, right of F
      expect(cellAt(grid, 2, dueColumn)).toBe(OUTPUT_COLUMNS[outputColumnIndex("due")].header);
      // A real date in the due cell of every overdue row: the conditional format makes each red.
      for (const row of MERGED_DEADLINES_OVERDUE)
        expect(typeof cellAt(grid, row - 1, dueColumn)).toBe("number");
      expect(cellAt(grid, 14, dueColumn)).toBe("Định kỳ: trước ngày 25 hằng tháng");
      // The input's merged areas are still there.
      expect(grid.merges).toEqual(
        expect.arrayContaining([
          { top: 4, left: 3, bottom: 7, right: 3 },
          { top: 8, left: 4, bottom: 10, right: 4 },
        ])
      );
    });
  }
);

describe.each(["exceljs", "libreoffice"] as const)(
  "a two-row result header (written by %s)",
  (writer) => {
    it('scores from "Tỷ lệ", names the #DIV/0! cell, and takes no footer for a criterion', async () => {
      const { rows } = await score(shapeFile("two-row-header", writer), ["--criteria", CRITERIA]);
      expect(rows.map((r) => [r.row, r.criterion, r.points])).toEqual([
        [6, "I.1", null],
        [8, "III.4", 0],
        [10, "VII.4.1", 1.03],
        [11, "VII.4.2", 1.2],
      ]);
      expect(rows[0].warnings.map((w) => w.message)).toEqual([
        "Ô 'Phân công 2025'!D6: công thức trong ô bị lỗi (#DIV/0!) nên chưa chấm được: sửa công thức (ví dụ phép chia cho 0) rồi chấm lại",
      ]);
    });
  }
);

describe("footers, a ministry template and task numbering", () => {
  it("reads the four tasks above the totals, note, link and signature block", async () => {
    const { rows, out } = await score(shapeFile("footers-and-notes"));
    expect(rows.map((r) => r.row)).toEqual([4, 5, 6, 8]);
    const grid = readWorkbook(await fs.readFile(out)).sheets[0].grid;
    // The owned block stops at the last real row (Excel 8): nothing written beside the footer.
    for (let r = 8; r < grid.values.length; r++)
      for (let k = 0; k < OUTPUT_COLUMNS.length; k++) expect(cellAt(grid, r, 6 + k)).toBe("");
  });

  it('takes the template\'s explanation and formula rows as header and reads "30/11"', async () => {
    const { rows } = await score(shapeFile("ministry-template"));
    expect(rows.map((r) => [r.row, r.due, r.overdue])).toEqual([
      [6, "2025-11-30", false],
      [7, "2025-11-15", true],
      [8, "2025-12-31", false],
      [9, "2025-11-25", false],
    ]);
  });

  it("says once that a framework table's numbers are task numbers", async () => {
    const { rows, json } = await score(shapeFile("task-numbering"), ["--criteria", CRITERIA]);
    expect(rows).toHaveLength(9);
    expect(rows.flatMap((r) => r.warnings).filter((w) => w.code === "unknown_criterion")).toEqual(
      []
    );
    expect(json.notices.filter((n) => n.includes("số thứ tự nhiệm vụ"))).toHaveLength(1);
  });
});

describeWithLibreOffice("the scored copy in LibreOffice Calc (outside truth)", () => {
  it("computes a state on every row of a merged block, and the stable recurring label", async () => {
    const { out } = await score(shapeFile("merged-deadlines", "libreoffice"), [
      "--sheet",
      "Phụ lục",
    ]);
    const csvDir = mkdtempSync(path.join(os.tmpdir(), "par-shapes-csv-"));
    const csv = convertWithLibreOffice(out, "csv:Text - txt - csv (StarCalc):44,34,76,1", csvDir);
    const lines = (await fs.readFile(csv, "utf8")).split(/\r?\n/);
    const state = (excelRow: number) =>
      lines[excelRow - 1].split(",").at(-1)!.replace(/^"|"$/g, "");
    // TODAY() is the machine's day here, so only the kind of state is fixed.
    for (const row of MERGED_DEADLINES_OVERDUE) expect(state(row)).toMatch(/^Quá hạn \d+ ngày$/);
    expect(state(7)).toBe("Đã hoàn thành");
    expect(state(15)).toBe("Định kỳ: trước ngày 25 hằng tháng");
  });
});
