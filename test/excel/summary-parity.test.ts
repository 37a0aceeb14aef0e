/**
 * The add-in writes the CLI's summary sheet (issue 23.1). One workbook is scored twice: by
 * the command line's copy (src/app `scoreFile`, the package writer) and by the add-in
 * (`scoreActiveSheet` on the strict fake). Both summary sheets are read back as a user
 * sees them (sheet name, values, column widths, the title's look, header rows, wrapped
 * labels, the chart's cells, place and title) and must be equal, and so must the notices
 * each front end shows: also when the office has its own "Tổng hợp", and on a re-run.
 */
import { strFromU8, unzipSync } from "fflate";
import { scoreFile } from "../../src/app/score-file";
import { scoreActiveSheet } from "../../src/excel/score-active-sheet";
import { newWorkbook } from "../../src/xlsx/new-workbook";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import type { CellValue } from "../../src/core/parse/values";
import { columnIndex, columnLetter } from "../../src/core/read/grid";
import { CRITERIA_SHEET, TASK_SHEET, type SampleSheet } from "../../samples/sample-tables";
import { DIEN_BAN_2025 } from "../core/fixtures";
import { FakeExcel, FakeSheet } from "../support/fake-excel";

beforeAll(() => {
  (globalThis as unknown as { Excel: unknown }).Excel = FakeExcel.enums;
});

const today = "2025-11-20";
const SUMMARY_MARKER = "_ParIndex_TongHop";
const POINTS_PER_CHAR = 5.25;

/** What a user sees of a summary sheet, the same shape whoever wrote it. */
interface SeenSummary {
  sheets: string[];
  name: string;
  values: CellValue[][];
  /** Column widths in characters, by 0-based column. */
  widths: Record<number, number>;
  title: { bold: boolean; size: number | null };
  /** 0-based rows whose first cell is bold and filled. */
  headerRows: number[];
  /** 0-based rows whose first cell wraps. */
  wrappedRows: number[];
  chart: { source: string; position: string; title: string } | null;
  notices: string[];
}

/** Trailing empty cells and rows dropped, so that padding does not count. */
function trimmed(values: CellValue[][]): CellValue[][] {
  const rows = values.map((row) => {
    const copy = row.map((v) => (v === null ? "" : v));
    while (copy.length > 0 && copy[copy.length - 1] === "") copy.pop();
    return copy;
  });
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

interface UserSheet {
  name: string;
  rows: CellValue[][];
}

const userSheet = (sample: SampleSheet): UserSheet => ({
  name: sample.name,
  rows: sample.rows.map((r) => r.map((v) => v ?? "")),
});
/** The sample's scored criteria (points by area: the summary has its chart). */
const criteriaSheet = userSheet(CRITERIA_SHEET);
/** The sample's task plan (deadlines by owner, no points), one owner's name too long for column A. */
const taskSheet = userSheet(TASK_SHEET);
taskSheet.rows[15][4] =
  "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường, Bộ phận Tiếp nhận và Trả kết quả";
/** The office's own summary, named as ours would be (in capitals). */
const officeSummary: UserSheet = {
  name: "TỔNG HỢP",
  rows: [["Bảng tổng hợp của phường"], ["Số nhiệm vụ", 12]],
};

function workbookBytes(sheets: UserSheet[]): Uint8Array {
  return newWorkbook(
    sheets.map((s) => ({
      name: s.name,
      sheet: { values: s.rows, lookAt: () => undefined, widths: [] },
    }))
  );
}

/** Attribute `name` of an XML start tag's text. */
const attribute = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

/** The summary sheet of a scored copy, read from its parts. */
function seenInCopy(copy: Uint8Array, notices: string[]): SeenSummary {
  const book = readWorkbook(copy);
  const parts = unzipSync(copy);
  const text = (path: string) => strFromU8(parts[path]);
  const marker = book.names.find((n) => n.name === SUMMARY_MARKER)!;
  const name = book.sheets.find((s) => marker.reference.includes(`'${s.name}'!`))!.name;
  const entry = book.sheets.find((s) => s.name === name)!;
  const sheetXml = text(entry.partPath);
  const grid = entry.grid;
  expect([grid.firstRow ?? 1, grid.firstColumn ?? 0]).toEqual([1, 0]);

  const widths: Record<number, number> = {};
  for (const col of sheetXml.match(/<col [^>]*>/g) ?? []) {
    for (let c = Number(attribute(col, "min")); c <= Number(attribute(col, "max")); c++)
      widths[c - 1] = Number(attribute(col, "width"));
  }
  const styles = text("xl/styles.xml");
  const section = (name: string) =>
    new RegExp(`<${name}[^>]*>(.*?)</${name}>`, "s").exec(styles)![1];
  const xfs = section("cellXfs").match(/<xf\b[^>]*?\/>|<xf\b[^>]*>.*?<\/xf>/gs)!;
  const fonts = section("fonts").match(/<font\b[^>]*?\/>|<font\b[^>]*>.*?<\/font>/gs)!;
  const styleOf = (row: number, column: number) => {
    const cell = new RegExp(`<c r="${columnLetter(column)}${row + 1}"[^>]*>`).exec(sheetXml)?.[0];
    const xf = xfs[Number(cell ? (attribute(cell, "s") ?? 0) : 0)];
    const font = fonts[Number(attribute(xf, "fontId") ?? 0)];
    return {
      bold: font.includes("<b/>"),
      size: Number(/<sz val="([\d.]+)"/.exec(font)?.[1] ?? NaN),
      filled: Number(attribute(xf, "fillId") ?? 0) !== 0,
      wrap: /wrapText="1"/.test(xf),
    };
  };
  const rows = grid.values.map((_, r) => r);
  const title = styleOf(0, 0);

  let chart: SeenSummary["chart"] = null;
  const drawing = Object.keys(parts).find((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p));
  const chartPart = Object.keys(parts).find((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
  if (drawing && chartPart) {
    const from = /<xdr:from><xdr:col>(\d+)<\/xdr:col>.*?<xdr:row>(\d+)<\/xdr:row>/.exec(
      text(drawing)
    )!;
    const chartXml = text(chartPart);
    // Every cell the chart reads (series names, categories, values), as one range.
    const cells = [
      ...chartXml.matchAll(/<c:f>[^<]*?!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?<\/c:f>/g),
    ];
    const columns = cells.flatMap((m) => [m[1], m[3] ?? m[1]]).map(columnIndex);
    const lines = cells.flatMap((m) => [Number(m[2]), Number(m[4] ?? m[2])]);
    chart = {
      source: `${columnLetter(Math.min(...columns))}${Math.min(...lines)}:${columnLetter(Math.max(...columns))}${Math.max(...lines)}`,
      position: `${columnLetter(Number(from[1]))}${Number(from[2]) + 1}`,
      title: /<a:t>([^<]*)<\/a:t>/.exec(chartXml)![1],
    };
  }
  return {
    sheets: book.sheets.map((s) => s.name),
    name,
    values: trimmed(grid.values),
    widths,
    title: { bold: title.bold, size: Number.isNaN(title.size) ? null : title.size },
    headerRows: rows.filter((r) => styleOf(r, 0).bold && styleOf(r, 0).filled),
    wrappedRows: rows.filter((r) => styleOf(r, 0).wrap),
    chart,
    notices,
  };
}

/** The summary sheet the add-in wrote into the fake workbook. */
function seenInExcel(excel: FakeExcel, notices: string[]): SeenSummary {
  const marker = excel.names.get(SUMMARY_MARKER)!;
  const sheet = excel.sheets.find((s) => marker.startsWith(`'${s.name}'!`))!;
  const bounds = sheet.usedBounds()!;
  expect([bounds.top, bounds.left]).toEqual([0, 0]);
  const values: CellValue[][] = [];
  for (let r = 0; r <= bounds.bottom; r++) {
    const row: CellValue[] = [];
    for (let c = 0; c <= bounds.right; c++) row.push(sheet.cell(r, c)?.value ?? "");
    values.push(row);
  }
  const widths: Record<number, number> = {};
  for (const [c, points] of sheet.columnWidths)
    widths[c] = Math.round((points / POINTS_PER_CHAR) * 100) / 100;
  const rows = values.map((_, r) => r);
  const a1 = sheet.cell(0, 0);
  const chart = sheet.charts[0];
  expect(sheet.charts.length).toBeLessThanOrEqual(1);
  return {
    sheets: excel.sheets.map((s) => s.name),
    name: sheet.name,
    values: trimmed(values),
    widths,
    title: { bold: a1?.bold === true, size: a1?.size ?? null },
    headerRows: rows.filter(
      (r) => sheet.cell(r, 0)?.bold === true && sheet.cell(r, 0)?.fill !== undefined
    ),
    wrappedRows: rows.filter((r) => sheet.cell(r, 0)?.wrap === true),
    chart: chart
      ? { source: chart.source, position: chart.position ?? "", title: chart.title ?? "" }
      : null,
    notices,
  };
}

/** Scores `sheets` both ways, `runs` times each (a re-run replaces our summary in place). */
async function bothWays(sheets: UserSheet[], runs: number) {
  let bytes = workbookBytes(sheets);
  let cli: SeenSummary | null = null;
  for (let run = 0; run < runs; run++) {
    const scored = scoreFile(bytes, {
      name: "phu-luc.xlsx",
      today,
      criteria: DIEN_BAN_2025,
      // As the add-in: the appendix sheet is scored, every sheet's name is known.
      sheet: sheets[0].name,
    });
    bytes = scored.copy;
    cli = seenInCopy(scored.copy, scored.messages);
  }

  const excel = new FakeExcel(sheets.map((s) => new FakeSheet(s.name, s.rows)));
  let addin: SeenSummary | null = null;
  let shown: string[] = [];
  for (let run = 0; run < runs; run++) {
    const outcome = await scoreActiveSheet(
      excel.context(),
      { criteria: DIEN_BAN_2025, today },
      { supports: (version) => excel.supports(version) }
    );
    if (!outcome.ok) throw new Error(outcome.message);
    // The pane lists the run's notices; the ribbon's message adds the outcome's.
    addin = seenInExcel(excel, outcome.run.summary.notices);
    shown = outcome.notices;
  }
  return { cli: cli!, addin: addin!, shown };
}

describe("the add-in's summary sheet is the CLI's", () => {
  it("for scored criteria: values, widths, title, header rows, the chart's cells, place and title", async () => {
    const { cli, addin } = await bothWays([criteriaSheet], 1);
    expect(cli.name).toBe("Tổng hợp");
    expect(cli.chart).toMatchObject({
      // Column A, two rows under the sheet's last row (27 rows here).
      position: "A29",
      title: "Điểm từng lĩnh vực so với điểm tối đa",
    });
    expect(cli.headerRows.length).toBeGreaterThan(1);
    expect(addin).toEqual(cli);
  });

  it("for a task plan: the owners' table, its labels wrapped where column A is too narrow", async () => {
    const { cli, addin } = await bothWays([taskSheet], 1);
    expect(cli.values.length).toBeGreaterThan(10);
    expect(cli.wrappedRows.filter((r) => !cli.headerRows.includes(r))).not.toEqual([]);
    expect(addin).toEqual(cli);
  });

  it("beside the office's own 'Tổng hợp': ours is 'Tổng hợp (tự động)', and both say so on the sheet and in the notices", async () => {
    const { cli, addin, shown } = await bothWays([criteriaSheet, officeSummary], 1);
    expect(cli.sheets).toEqual([CRITERIA_SHEET.name, "TỔNG HỢP", "Tổng hợp (tự động)"]);
    const kept = expect.stringContaining('trang "TỔNG HỢP" của đơn vị');
    expect(cli.notices).toEqual(expect.arrayContaining([kept]));
    expect(cli.values.flat()).toEqual(expect.arrayContaining([kept]));
    expect(addin).toEqual(cli);
    expect(shown).toEqual([expect.stringContaining("Tổng hợp (tự động)")]);
  });

  it("on a re-run, into the summary written the first time", async () => {
    const { cli, addin } = await bothWays([criteriaSheet, officeSummary], 2);
    expect(cli.sheets).toEqual([CRITERIA_SHEET.name, "TỔNG HỢP", "Tổng hợp (tự động)"]);
    expect(cli.chart).not.toBeNull();
    expect(addin).toEqual(cli);
  });
});
