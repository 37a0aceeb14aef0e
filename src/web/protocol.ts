/** The messages between the page and its Web Worker (plain data, structured-cloned). */
import type { Summary } from "../core/score/summary";
import type { UnitFailure } from "../core/rollup";

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
  | { kind: "criteria-sheet"; copy: Uint8Array; sheetName: string; setName: string }
  | { kind: "error"; message: string };
