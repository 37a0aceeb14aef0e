/** The messages between the page and its Web Worker (plain data, structured-cloned). */
import type { Summary } from "../core/score/summary";
import type { UnitFailure } from "../core/rollup";

export interface PageOptions {
  today?: string;
  soonDays?: number;
  planYear?: number;
  criteriaSetId?: string;
}

export type WorkerRequest =
  | { kind: "score"; name: string; bytes: Uint8Array; options: PageOptions }
  | { kind: "rollup"; files: { name: string; bytes: Uint8Array }[]; options: PageOptions };

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
  | { kind: "error"; message: string };
