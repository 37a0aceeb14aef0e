/**
 * Reads and scores one unit's workbook for the roll-up, in a worker thread (one workbook
 * in memory per worker) or in the calling thread. Input files are only read, never written.
 */
import { readFileSync, statSync } from "node:fs";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import type { Grid } from "../core/read/grid";
import type { UnitOptions } from "../core/rollup";
import { readWorkbook } from "../xlsx/read-workbook";
import { rollupBytes, tooLargeReason, type FileOutcome } from "../app/rollup-files";
import { NODE_INFLATE } from "./node-zlib";

export type { FileOutcome };

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

/** The workbook's sheets as grids (the platform-neutral reader, here with Node's inflate). */
export function readUnitGrids(bytes: Uint8Array): Grid[] {
  return readWorkbook(bytes, undefined, { inflateRaw: NODE_INFLATE }).sheets.map(
    (sheet) => sheet.grid
  );
}

/** Reads one file and scores it (src/app); a file that cannot be read is a failure with its reason. */
export async function rollupFile(file: string, options: UnitOptions): Promise<FileOutcome> {
  let bytes: Uint8Array;
  try {
    // A folder may hold any file (a video, a backup): its size is checked before reading.
    const tooLarge = tooLargeReason(statSync(file).size);
    if (tooLarge) return { ok: false, failure: { file, reason: tooLarge } };
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
  return rollupBytes(bytes, file, options, NODE_INFLATE);
}

if (!isMainThread && (workerData as WorkerSetup | undefined)?.rollupWorker) {
  const { options } = workerData as WorkerSetup;
  parentPort!.on("message", (task: WorkerTask) => {
    void rollupFile(task.file, options).then((outcome) => {
      parentPort!.postMessage({ id: task.id, outcome } satisfies WorkerReply);
    });
  });
}
