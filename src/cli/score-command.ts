/**
 * The score command: read the workbook and the criteria set, run the core, write a copy.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { toIso } from "../core/dates";
import { formatReport } from "../core/report-text";
import { scoreWorkbook } from "../core/run";
import { parseCriteriaSet, type CriteriaSet } from "../core/schema";
import { normalizeVi } from "../core/text";
import { isCriteriaSheet, readCriteriaSheet } from "../core/criteria-sheet";
import {
  applyMarkers,
  applySheetPlan,
  definedNames,
  worksheetToGrid,
  writeSummarySheet,
} from "./xlsx";

export interface ScoreCommandOptions {
  criteria?: string;
  today?: string;
  year?: number;
  soonDays?: number;
  out?: string;
  sheet?: string;
  json?: boolean;
}

/** An error the user can act on; exitCode 1 (unusable input) or 2 (wrong usage). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1
  ) {
    super(message);
  }
}

export async function loadCriteriaSet(file: string): Promise<CriteriaSet> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch {
    throw new CliError(`Không mở được tệp bộ tiêu chí "${file}": kiểm tra đường dẫn.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError(
      `Tệp bộ tiêu chí "${file}" không phải JSON hợp lệ (${(error as Error).message}).`
    );
  }
  const parsed = parseCriteriaSet(json);
  if (!parsed.ok) {
    throw new CliError(
      `Bộ tiêu chí "${file}" không hợp lệ:\n${parsed.problems.map((p) => `  - ${p.message}`).join("\n")}`
    );
  }
  return parsed.value;
}

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  try {
    await fs.access(file);
  } catch {
    throw new CliError(`Không tìm thấy tệp "${file}".`);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch {
    throw new CliError(
      `Không đọc được "${file}": tệp không phải .xlsx hợp lệ hoặc bị hỏng. Hãy mở bằng Excel và lưu lại dạng Excel Workbook (.xlsx).`
    );
  }
  return workbook;
}

/** The set in the workbook's "Bộ tiêu chí" sheet, null without one; exit 1 when it is invalid. */
export function criteriaFromWorkbook(workbook: ExcelJS.Workbook): CriteriaSet | null {
  const sheet = workbook.worksheets.find((ws) =>
    isCriteriaSheet({ sheetName: ws.name, values: [] })
  );
  if (!sheet) return null;
  const result = readCriteriaSheet(worksheetToGrid(sheet));
  if (result.ok) return result.value;
  throw new CliError(
    `Trang "${sheet.name}" có lỗi, chưa chấm điểm:\n${result.problems.map((p) => `  - ${p.message}`).join("\n")}`
  );
}

function defaultOutPath(input: string): string {
  const parsed = path.parse(input);
  return path.join(parsed.dir, `${parsed.name}.scored.xlsx`);
}

export async function runScore(
  file: string,
  options: ScoreCommandOptions,
  io: { out: (text: string) => void; err: (text: string) => void }
): Promise<void> {
  const outPath = options.out ?? defaultOutPath(file);
  if (path.resolve(outPath) === path.resolve(file)) {
    throw new CliError(
      "Tệp kết quả (--out) phải khác tệp đầu vào: công cụ luôn ghi ra một bản sao.",
      2
    );
  }
  const given = options.criteria ? await loadCriteriaSet(options.criteria) : null;
  const workbook = await loadWorkbook(file);
  // Without --criteria, a set kept in the workbook's own "Bộ tiêu chí" sheet is used.
  const criteria = given ?? criteriaFromWorkbook(workbook);
  const sheets = workbook.worksheets.filter(
    (ws) => !options.sheet || normalizeVi(ws.name) === normalizeVi(options.sheet)
  );
  if (options.sheet && sheets.length === 0) {
    throw new CliError(
      `Không có trang "${options.sheet}" trong tệp. Các trang: ${workbook.worksheets.map((ws) => ws.name).join(", ")}.`,
      2
    );
  }
  const today = options.today ?? toIso(new Date());
  const names = definedNames(workbook);
  const run = scoreWorkbook(
    sheets.map((ws) => worksheetToGrid(ws, names)),
    {
      criteria,
      today,
      soonDays: options.soonDays,
      planYear: options.year,
    }
  );
  if (run.blocked) throw new CliError(run.blocked);
  if (run.results.every((sheet) => sheet.tables.length === 0)) {
    throw new CliError(
      `Không tìm thấy bảng phụ lục nào trong "${file}", chưa ghi tệp nào:\n${run.summary.notices.map((n) => `  - ${n}`).join("\n")}`
    );
  }

  const scoredSheets = sheets.filter((ws) => run.plans.some((plan) => plan.sheet === ws.name));
  for (const plan of run.plans) {
    const sheet = scoredSheets.find((ws) => ws.name === plan.sheet);
    if (sheet) {
      applySheetPlan(sheet, plan);
      applyMarkers(workbook, plan);
    }
  }
  writeSummarySheet(workbook, run.summarySheet);
  await workbook.xlsx.writeFile(outPath);

  if (options.json) {
    io.out(`${JSON.stringify(toJson(run, criteria, outPath), null, 2)}\n`);
  } else {
    io.out(`${formatReport(run.summary, run.results, outPath)}\n`);
  }
}

function toJson(
  run: ReturnType<typeof scoreWorkbook>,
  criteria: CriteriaSet | null,
  outPath: string
) {
  return {
    today: run.summary.today,
    criteriaSet: criteria ? { id: criteria.id, name: criteria.name } : null,
    output: outPath,
    tables: run.results.flatMap((sheet) =>
      sheet.tables.map((table) => ({
        sheet: table.sheet,
        headerRow: table.headerRow,
        planYear: sheet.planYear,
        rows: table.rows,
        totals: table.totals,
        missingCriteria: table.missingCriteria,
      }))
    ),
    summary: {
      points: run.summary.points,
      maxPoints: run.summary.maxPoints,
      warningCounts: run.summary.warningCounts,
      overdueByOwner: run.summary.overdueByOwner,
    },
    notices: run.summary.notices,
  };
}
