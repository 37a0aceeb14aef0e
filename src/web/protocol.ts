/**
 * The messages between the page, or the task pane, and their Web Worker (plain data,
 * structured-cloned; file bytes are transferred, not copied).
 */
import type { Summary } from "../core/score/summary";
import type { RollupSheet, UnitFailure } from "../core/rollup";
import type { PickedFile, RollupSummary } from "../app/rollup-files";

export interface PageOptions {
  today?: string;
  soonDays?: number;
  planYear?: number;
  /** The set choice of src/app/options.ts: absent, a built-in id, or TABLE_OWN_SET. */
  criteriaSetId?: string;
}

export type WorkerRequest =
  | { kind: "score"; name: string; bytes: Uint8Array; options: PageOptions }
  | { kind: "rollup"; files: { name: string; bytes: Uint8Array }[]; options: PageOptions }
  /** The task pane's roll-up: the sheets it writes into the open workbook (Office.js). */
  | { kind: "rollup-sheets"; files: PickedFile[]; options: PageOptions }
  /** "Lấy bộ tiêu chí từ bảng này": the workbook with its table's set as "Bộ tiêu chí". */
  | { kind: "criteria-sheet"; name: string; bytes: Uint8Array };

export interface RankedRow {
  rank: number | null;
  name: string;
  file: string;
  points: string;
}

export type WorkerReply =
  | { kind: "progress"; done: number; total: number }
  | { kind: "scored"; copy: Uint8Array; summary: Summary; messages: string[] }
  | {
      kind: "rolled-up";
      workbook: Uint8Array;
      ranking: RankedRow[];
      failures: UnitFailure[];
    }
  | { kind: "rolled-up-sheets"; sheets: RollupSheet[]; summary: RollupSummary }
  | { kind: "criteria-sheet"; copy: Uint8Array; sheetName: string; setName: string }
  | { kind: "error"; message: string };

/** The reply kind each request ends with (besides "error"). */
interface FinalReplies {
  score: "scored";
  rollup: "rolled-up";
  "rollup-sheets": "rolled-up-sheets";
  "criteria-sheet": "criteria-sheet";
}

/** The final reply to a request of kind K: its result or an error. */
export type ReplyTo<K extends WorkerRequest["kind"]> = Extract<
  WorkerReply,
  { kind: FinalReplies[K] | "error" }
>;
