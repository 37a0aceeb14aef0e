/**
 * Reads and scores one unit's workbook for the roll-up, in a worker thread (one workbook
 * in memory per worker) or in the calling thread. Input files are only read, never written.
 */
import { readFileSync, statSync } from "node:fs";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import type { Grid } from "../core/read/grid";
import { rollupUnit, type UnitFailure, type UnitOptions, type UnitResult } from "../core/rollup";
import { isPackageError } from "../xlsx/package-error";
import { readWorkbook } from "../xlsx/read-workbook";
import { NODE_INFLATE } from "./node-zlib";
import { DEFAULT_LIMITS, inputTooLarge } from "../xlsx/limits";

export type FileOutcome = { ok: true; unit: UnitResult } | { ok: false; failure: UnitFailure };

/** A message to a worker: score this file. */
export interface WorkerTask {
  id: number;
  file: string;
}

/** A worker's answer. */
export interface WorkerReply {
  id: number;
  outcome: FileOutcome;
}

/** What a worker is started with. */
export interface WorkerSetup {
  rollupWorker: true;
  options: UnitOptions;
}

const UNREADABLE =
  "tệp không phải .xlsx hợp lệ hoặc bị hỏng. Hãy mở bằng Excel và lưu lại dạng Excel Workbook (.xlsx) rồi tổng hợp lại.";

/**
 * The workbook's sheets as grids. The one place the roll-up reads a package (the
 * platform-neutral reader the task pane uses too; here with Node's inflate).
 */
export function readUnitGrids(bytes: Uint8Array): Grid[] {
  return readWorkbook(bytes, undefined, { inflateRaw: NODE_INFLATE }).sheets.map(
    (sheet) => sheet.grid
  );
}

/** Reads one file and scores it; a file that cannot be read is a failure with its reason. */
export async function rollupFile(file: string, options: UnitOptions): Promise<FileOutcome> {
  let bytes: Uint8Array;
  try {
    // A folder may hold any file (a video, a backup): its size is checked before reading.
    const size = statSync(file).size;
    if (size > DEFAULT_LIMITS.maxInputBytes)
      return { ok: false, failure: { file, reason: inputTooLarge(size, DEFAULT_LIMITS).message } };
    // Read synchronously: a unit's file is small and scoring it waits for it anyway, while
    // 300 files cost half a second more through the thread pool's open/stat/read/close.
    // (The main thread answers its worker between two files, not during one.)
    bytes = readFileSync(file);
  } catch {
    return {
      ok: false,
      failure: { file, reason: "Không mở được tệp: kiểm tra đường dẫn và quyền đọc." },
    };
  }
  let grids: Grid[];
  try {
    grids = readUnitGrids(bytes);
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

if (!isMainThread && (workerData as WorkerSetup | undefined)?.rollupWorker) {
  const { options } = workerData as WorkerSetup;
  parentPort!.on("message", (task: WorkerTask) => {
    void rollupFile(task.file, options).then((outcome) => {
      parentPort!.postMessage({ id: task.id, outcome } satisfies WorkerReply);
    });
  });
}
