/**
 * The Web Worker of the page and of the task pane: scores one workbook or rolls up many
 * with the application layer (src/app), so the page stays responsive and shows progress,
 * and the pane answers Office (which restarts an add-in silent for 5 seconds). Bundled on
 * its own and inlined into both as a Blob URL (a worker file cannot be loaded from file://).
 */
import {
  TABLE_OWN_SET,
  criteriaSheetFromTable,
  rollUpFiles,
  rollUpToSheets,
  scoreFile,
} from "../app";
import { pointsText } from "../core/rollup";
import { toIso } from "../core/parse/dates";
import { findBuiltInSet } from "../core/criteria-sets";
import type { PageOptions, WorkerReply, WorkerRequest } from "./protocol";

const post = (reply: WorkerReply, transfer: Transferable[] = []) =>
  (self as unknown as { postMessage(m: unknown, t: Transferable[]): void }).postMessage(
    reply,
    transfer
  );

/** The roll-up's options from the front end's choices: the bundled set when the file has none. */
const unitOptions = ({ criteriaSetId, today, soonDays }: PageOptions) => ({
  criteria: null,
  fallbackCriteria: criteriaSetId ? (findBuiltInSet(criteriaSetId) ?? null) : null,
  today: today ?? toIso(new Date()),
  soonDays,
});

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    if (request.kind === "score") {
      post({ kind: "progress", done: 0, total: 1 });
      const { copy, run, messages } = scoreFile(request.bytes, {
        name: request.name,
        ...request.options,
      });
      post({ kind: "scored", copy, summary: run.summary, messages }, [copy.buffer]);
    } else if (request.kind === "rollup-sheets") {
      // The pane's roll-up: the bundled set for the files that carry none (as it always did).
      const { sheets, summary } = rollUpToSheets(request.files, {
        ...unitOptions(request.options),
        progress: (done, total) => post({ kind: "progress", done, total }),
      });
      post({ kind: "rolled-up-sheets", sheets, summary });
    } else if (request.kind === "criteria-sheet") {
      const { copy, sheetName, set } = criteriaSheetFromTable(request.bytes, {
        name: request.name,
      });
      post({ kind: "criteria-sheet", copy, sheetName, setName: set.name }, [copy.buffer]);
    } else {
      const { criteriaSetId, today, soonDays } = request.options;
      // As `rollup --criteria <id>`: a built-in set is every unit's; otherwise each unit's own
      // (its "Bộ tiêu chí" sheet or its table's set).
      const shared =
        criteriaSetId && criteriaSetId !== TABLE_OWN_SET
          ? (findBuiltInSet(criteriaSetId) ?? null)
          : null;
      const { rollup, workbook } = rollUpFiles(request.files, {
        criteria: shared,
        today: today ?? toIso(new Date()),
        soonDays,
        progress: (done, total) => post({ kind: "progress", done, total }),
      });
      post(
        {
          kind: "rolled-up",
          workbook,
          ranking: rollup.ranking.map((r) => ({
            rank: r.rank,
            name: r.unit.name,
            file: r.unit.file,
            points: pointsText(r.unit.points, r.unit.maxPoints),
          })),
          failures: rollup.failures,
        },
        [workbook.buffer]
      );
    }
  } catch (error) {
    post({ kind: "error", message: error instanceof Error ? error.message : String(error) });
  }
};
