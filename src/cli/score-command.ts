/**
 * The score command: read the workbook and the criteria set, run the core, write a copy.
 */
import { formatReport } from "../core/score/report-text";
import { parseCriteriaSet, type CriteriaSet } from "../core/criteria/schema";
import { findBuiltInSet, builtInCriteriaSets } from "../core/criteria-sets";
import { DEFAULT_LIMITS, inputTooLarge } from "../xlsx/limits";
import { unreadableKind } from "../xlsx/file-kind";
import {
  AppError,
  criteriaOfBook,
  packageErrorMessage as appPackageErrorMessage,
  readBook,
  scoreFile,
  wrongKindMessage,
  type WorkbookRun,
} from "../app/score-file";
import {
  MAX_CRITERIA_BYTES,
  chooseOutput,
  pathExists,
  readInputFile,
  resolveUserPath,
  shownPath,
  writeFileAtomic,
} from "./files";
import { CliError } from "./messages";
import { NODE_INFLATE } from "./node-zlib";
import { TABLE_OWN_SET } from "../app/options";
import type { ReadWorkbookResult } from "../xlsx/read-workbook";

export interface ScoreCommandOptions {
  criteria?: string;
  today?: string;
  year?: number;
  soonDays?: number;
  out?: string;
  sheet?: string;
  json?: boolean;
}

export { CliError };

/**
 * A criteria set from a JSON file (path relative to the user's folder), or a built-in set
 * by its id (`--criteria xa-2025-dien-ban`) when no such file exists, so that the same
 * command works from any folder.
 */
export async function loadCriteriaSet(file: string): Promise<CriteriaSet> {
  const absolute = resolveUserPath(file);
  const builtIn = findBuiltInSet(file);
  if (builtIn && !(await pathExists(absolute))) return builtIn;
  const bytes = await readInputFile(absolute, {
    maxBytes: MAX_CRITERIA_BYTES,
    kind: "tệp bộ tiêu chí (JSON)",
    tooLargeHint: "bộ tiêu chí thật chỉ vài trăm KB, hãy kiểm tra đúng tệp.",
    notFoundHint: `Bộ tiêu chí có sẵn (dùng được ở mọi thư mục): ${builtInCriteriaSets()
      .map((set) => set.id)
      .join(", ")}.`,
  });
  // A UTF-8 byte-order mark (Notepad on Windows writes one) is not part of the JSON.
  const text = new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes);
  const shown = shownPath(absolute);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError(
      `Tệp bộ tiêu chí "${shown}" không phải JSON hợp lệ${jsonErrorPlace(text, error)}: sửa tệp bằng trình soạn thảo (thường do thiếu hoặc thừa dấu phẩy, ngoặc, dấu nháy).`
    );
  }
  const parsed = parseCriteriaSet(json);
  if (!parsed.ok) {
    throw new CliError(
      `Bộ tiêu chí "${shown}" không hợp lệ:\n${parsed.problems.map((p) => `  - ${p.message}`).join("\n")}`
    );
  }
  return parsed.value;
}

/** " (dòng 3, cột 14)" from JSON.parse's "at position 57", or "" when it gives none. */
function jsonErrorPlace(text: string, error: unknown): string {
  const position = /position (\d+)/.exec(String((error as Error)?.message))?.[1];
  if (position === undefined) return "";
  const before = text.slice(0, Number(position)).split("\n");
  return ` (dòng ${before.length}, cột ${before[before.length - 1].length + 1})`;
}

/** The workbook file's bytes: a regular file within the reader's size limit, read once. */
export async function readWorkbookBytes(file: string): Promise<Buffer> {
  const absolute = resolveUserPath(file);
  const shown = shownPath(absolute);
  const bytes = await readInputFile(absolute, {
    maxBytes: DEFAULT_LIMITS.maxInputBytes,
    kind: "tệp Excel",
    tooLargeMessage: (size) =>
      `Không đọc được "${shown}": ${inputTooLarge(size, DEFAULT_LIMITS).message}`,
    emptyMessage: `Không đọc được "${shown}": ${unreadableKind("empty").message}`,
  });
  // .xls, .ods, CSV, a password-protected file: the reader names the kind and what to do.
  const wrong = wrongKindMessage(shown, bytes);
  if (wrong) throw new CliError(wrong);
  return bytes;
}

/** The reader's refusal (PackageError) as a message that names the file. */
export function packageErrorMessage(file: string, error: unknown): string | null {
  return appPackageErrorMessage(shownPath(resolveUserPath(file)), error);
}

/** The application layer's refusal as the command's (same message, same exit code). */
function asCliError(error: unknown): unknown {
  return error instanceof AppError ? new CliError(error.message, error.exitCode) : error;
}

/** A workbook read once: its bytes (the copy is patched from them) and what the core reads. */
export interface LoadedWorkbook {
  bytes: Uint8Array;
  book: ReadWorkbookResult;
}

/**
 * Reads a workbook. `forPatching`: the sheets' layouts are recorded in the same pass, so
 * that writing the scored copy needs no second pass over them.
 */
export async function loadWorkbook(file: string, forPatching = false): Promise<LoadedWorkbook> {
  const bytes = await readWorkbookBytes(file);
  try {
    return {
      bytes,
      book: readBook(bytes, shownPath(resolveUserPath(file)), {
        keepLayouts: forPatching,
        inflateRaw: NODE_INFLATE,
      }),
    };
  } catch (error) {
    throw asCliError(error);
  }
}

/** The set in the workbook's "Bộ tiêu chí" sheet, null without one; exit 1 when it is invalid. */
export function criteriaFromWorkbook({ book }: LoadedWorkbook): CriteriaSet | null {
  try {
    return criteriaOfBook(book);
  } catch (error) {
    throw asCliError(error);
  }
}

export async function runScore(
  file: string,
  options: ScoreCommandOptions,
  io: { out: (text: string) => void; err: (text: string) => void }
): Promise<void> {
  const output = await chooseOutput(
    resolveUserPath(file),
    options.out === undefined ? undefined : resolveUserPath(options.out),
    ".scored"
  );
  const outPath = shownPath(output.path);
  // `--criteria theo-bang`: the table's own set, the "Bộ tiêu chí" sheet left aside (unless a
  // file of that name is there: a file given is always the file).
  const tableOwn =
    options.criteria === TABLE_OWN_SET && !(await pathExists(resolveUserPath(TABLE_OWN_SET)));
  const given = options.criteria && !tableOwn ? await loadCriteriaSet(options.criteria) : null;
  const bytes = await readWorkbookBytes(file);
  // The whole job is the application layer's, the same as the page's (src/app).
  let scored;
  try {
    scored = scoreFile(bytes, {
      name: shownPath(resolveUserPath(file)),
      criteria: given,
      ...(tableOwn ? { criteriaSetId: TABLE_OWN_SET } : {}),
      sheet: options.sheet,
      today: options.today,
      soonDays: options.soonDays,
      planYear: options.year,
      inflateRaw: NODE_INFLATE,
      // fflate's deflate, not Node's: the copy is then byte for byte the page's (src/web).
    });
  } catch (error) {
    throw asCliError(error);
  }
  const { run, copy, criteria } = scored;
  await writeFileAtomic(output.path, copy);
  if (output.keptExisting) {
    const note = `Đã có "${shownPath(output.keptExisting)}" (có thể đã được sửa) nên không ghi đè: kết quả ghi ra "${outPath}". Muốn ghi vào tên khác, dùng --out <tệp>.\n`;
    if (options.json) io.err(note);
    else io.out(note);
  }

  if (options.json) {
    io.out(`${JSON.stringify(toJson(run, criteria, outPath), null, 2)}\n`);
  } else {
    io.out(`${formatReport(run.summary, run.results, outPath)}\n`);
  }
}

function toJson(run: WorkbookRun, criteria: CriteriaSet | null, outPath: string) {
  return {
    today: run.summary.today,
    // The set the run used: the chosen one, or the one read from a self-assessment table.
    criteriaSet:
      run.summary.criteriaSet ?? (criteria ? { id: criteria.id, name: criteria.name } : null),
    output: outPath,
    tables: run.results.flatMap((sheet) =>
      sheet.tables.map((table) => ({
        sheet: table.sheet,
        headerRow: table.headerRow,
        planYear: sheet.planYear,
        rows: table.rows,
        // What the table counts; the workbook's totals count each criterion once (summary).
        totals: {
          points: table.totals.points,
          maxPoints: table.totals.maxPoints,
          areas: table.totals.areas,
        },
        missingCriteria: table.missingCriteria,
        ...(table.assessment ? { assessment: table.assessment } : {}),
      }))
    ),
    // A set read from the table itself: how each criterion got its rule.
    derivedSet: run.derivedSet
      ? {
          counts: run.derivedSet.counts,
          origins: run.derivedSet.origins,
          skipped: run.derivedSet.skipped,
        }
      : null,
    appraisal: run.summary.appraisal ?? null,
    summary: {
      points: run.summary.points,
      maxPoints: run.summary.maxPoints,
      warningCounts: run.summary.warningCounts,
      overdueByOwner: run.summary.overdueByOwner,
    },
    notices: run.summary.notices,
  };
}
