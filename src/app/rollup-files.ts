/**
 * The roll-up of many units' workbooks, from their bytes to the ranking workbook's bytes:
 * the same for the command line (in worker threads), the task pane and the page (in a Web
 * Worker). Input files are only read.
 */
import type { Grid } from "../core/read/grid";
import {
  buildRollupSheets,
  pointsText,
  rollUp,
  rollupUnit,
  type Rollup,
  type RollupSheet,
  type UnitFailure,
  type UnitOptions,
  type UnitResult,
} from "../core/rollup";
import { isPackageError } from "../xlsx/package-error";
import { DEFAULT_LIMITS, inputTooLarge } from "../xlsx/limits";
import type { InflateRaw } from "../xlsx/package";
import type { ZipOptions } from "../xlsx/zip-package";
import { readWorkbook } from "../xlsx/read-workbook";
import { rollupWorkbook } from "../xlsx/rollup-workbook";

export type FileOutcome = { ok: true; unit: UnitResult } | { ok: false; failure: UnitFailure };

const UNREADABLE =
  "tệp không phải .xlsx hợp lệ hoặc bị hỏng. Hãy mở bằng Excel và lưu lại dạng Excel Workbook (.xlsx) rồi tổng hợp lại.";

/** Why a file too large to read is left out of the roll-up. */
export function tooLargeReason(size: number): string | null {
  return size > DEFAULT_LIMITS.maxInputBytes ? inputTooLarge(size, DEFAULT_LIMITS).message : null;
}

/** One unit's workbook bytes to its roll-up row, or the reason (Vietnamese) it cannot be used. */
export function rollupBytes(
  bytes: Uint8Array,
  file: string,
  options: UnitOptions,
  inflateRaw?: InflateRaw
): FileOutcome {
  const tooLarge = tooLargeReason(bytes.length);
  if (tooLarge) return { ok: false, failure: { file, reason: tooLarge } };
  let grids: Grid[];
  try {
    grids = readWorkbook(bytes, undefined, inflateRaw ? { inflateRaw } : {}).sheets.map(
      (sheet) => sheet.grid
    );
  } catch (error) {
    // The reader's own message says what the file is and what to do (Vietnamese).
    const reason = isPackageError(error) ? error.message : `Không đọc được: ${UNREADABLE}`;
    return { ok: false, failure: { file, reason } };
  }
  try {
    return rollupUnit(grids, file, options);
  } catch (error) {
    // A core error on one file must not stop the others; its message is already Vietnamese.
    return {
      ok: false,
      failure: {
        file,
        reason: `Không chấm được tệp này (${error instanceof Error ? error.message : String(error)}). Hãy chấm riêng tệp bằng lệnh score để xem chi tiết.`,
      },
    };
  }
}

/** The ranking workbook's bytes. */
export function rollupWorkbookBytes(
  rollup: Rollup,
  compressor?: ZipOptions["compressor"]
): Uint8Array {
  return rollupWorkbook(buildRollupSheets(rollup), compressor ? { compressor } : {});
}

export interface RollUpFilesOptions extends UnitOptions {
  inflateRaw?: InflateRaw;
  compressor?: ZipOptions["compressor"];
  /** Called after each file, with how many are done. */
  progress?: (done: number, total: number) => void;
}

/**
 * Picked files (name and bytes) to the roll-up and its workbook, one file in memory at a
 * time besides its row. Throws an Error with the Vietnamese message when none can be used.
 */
export function rollUpFiles(
  files: readonly { name: string; bytes: Uint8Array }[],
  options: RollUpFilesOptions
): { rollup: Rollup; workbook: Uint8Array } {
  const outcomes = files.map((file, i) => {
    const outcome = rollupBytes(file.bytes, file.name, options, options.inflateRaw);
    options.progress?.(i + 1, files.length);
    return outcome;
  });
  const rollup = rollUpOutcomes(outcomes, options.today);
  return { rollup, workbook: rollupWorkbookBytes(rollup, options.compressor) };
}

/** The outcomes of every file to the roll-up; an Error when no file could be used. */
export function rollUpOutcomes(
  outcomes: readonly FileOutcome[],
  today: UnitOptions["today"],
  duplicates: UnitFailure[] = []
): Rollup {
  const units: UnitResult[] = [];
  const failures: UnitFailure[] = [];
  for (const outcome of outcomes) {
    if (outcome.ok) units.push(outcome.unit);
    else failures.push(outcome.failure);
  }
  if (units.length === 0) {
    throw new Error(
      `Không tổng hợp được tệp nào, chưa ghi tệp tổng hợp:\n${failures.map((f) => `  - ${f.file}: ${f.reason}`).join("\n")}`
    );
  }
  return rollUp(units, failures, today, duplicates);
}

/** A file picked in a browser: its bytes, or null when the browser could not open it. */
export interface PickedFile {
  name: string;
  bytes: Uint8Array | null;
}

/** What the task pane shows of a roll-up beside the sheets it writes (plain data). */
export interface RollupSummary {
  /** Units in the ranking. */
  units: number;
  /** The main group's ranked units, best first. */
  ranked: Array<{ rank: number; name: string; file: string; points: string }>;
  /** The groups ranked apart (another criteria set) or not at all (no set). */
  apart: Array<{ names: string[]; otherSet: boolean; difference: string }>;
  failures: UnitFailure[];
}

/** The roll-up as the pane shows it. */
export function rollupSummary(rollup: Rollup): RollupSummary {
  return {
    units: rollup.ranking.length,
    ranked: rollup.ranking.flatMap((r) =>
      r.group === 0 && r.rank !== null
        ? [
            {
              rank: r.rank,
              name: r.unit.name,
              file: r.unit.file,
              points: pointsText(r.unit.points, r.unit.maxPoints),
            },
          ]
        : []
    ),
    apart: rollup.groups.slice(1).map((g) => ({
      names: g.units.map((u) => u.name),
      otherSet: g.set !== null,
      difference: g.difference,
    })),
    failures: rollup.failures,
  };
}

export interface RollUpSheetsOptions extends UnitOptions {
  inflateRaw?: InflateRaw;
  /** Called after each file, with how many are done. */
  progress?: (done: number, total: number) => void;
}

/**
 * Picked files to the roll-up sheets the task pane writes into the open workbook (in its
 * Web Worker: Office restarts a pane that does not answer for 5 seconds), and what it
 * shows of them. Throws an Error with the Vietnamese message when no file can be used.
 */
export function rollUpToSheets(
  files: readonly PickedFile[],
  options: RollUpSheetsOptions
): { sheets: RollupSheet[]; summary: RollupSummary } {
  const outcomes = files.map((file, i): FileOutcome => {
    const outcome: FileOutcome = file.bytes
      ? rollupBytes(file.bytes, file.name, options, options.inflateRaw)
      : { ok: false, failure: { file: file.name, reason: "Không mở được tệp: hãy chọn lại tệp." } };
    options.progress?.(i + 1, files.length);
    return outcome;
  });
  if (!outcomes.some((o) => o.ok)) {
    const reasons = outcomes.map((o) => (o.ok ? "" : `${o.failure.file}: ${o.failure.reason}`));
    throw new Error(`Không đọc được tệp nào, chưa ghi trang tổng hợp nào. ${reasons.join(" ")}`);
  }
  const rollup = rollUpOutcomes(outcomes, options.today);
  return { sheets: buildRollupSheets(rollup), summary: rollupSummary(rollup) };
}
