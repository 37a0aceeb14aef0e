/* global Office, Excel */
/**
 * The ribbon's "Chấm điểm" button (ExecuteFunction): scores the active sheet with no pane
 * and tells the user what happened in a short dialog. The user stays on the sheet they
 * scored, so the next click scores it again.
 *
 * Without a shared runtime, the function's runtime ends when it calls
 * `event.completed()`: a dialog opened from it closes with it, and its "Đóng" button
 * would talk to nothing. So completed() is called only once the dialog is closed (by its
 * button: DialogMessageReceived; by the user: DialogEventReceived 12006) or could not
 * open, and exactly once ("Dialog API in Office Add-ins" and "Add-in commands",
 * learn.microsoft.com; OfficeDev/office-js#428).
 */
import { headline } from "../core/score/summary";
import { loadWorkbookSettings } from "../excel/settings";
import { officeSupports } from "../excel/score-active-sheet";
import { createWorkbookApi, describeError } from "../excel/workbook-api";
import { dialogUrl } from "./dialog-url";
import { keepLastResult } from "./last-result";
import { busyMessage, RUN_LOCK_MS, runLock, type RunLock } from "./run-lock";

/** Where the command's runtime comes from, for tests (defaults: the browser's). */
export interface CommandEnvironment {
  /** One scoring at a time, across the runtimes of every click. */
  lock?: RunLock;
  /** Schedules `run` after `ms` (setTimeout); returns what cancels it, if anything. */
  later?: (run: () => void, ms: number) => (() => void) | void;
  now?: () => number;
}

/**
 * How long the result dialog may stay open: the function's runtime ends about five
 * minutes after the click, and a dialog left open past it talks to a parent that is gone.
 */
export const DIALOG_LIFETIME_MS = RUN_LOCK_MS - 30_000;

/** Runs one click of the ribbon button; `event.completed()` is called exactly once, last. */
export async function scoreActiveSheetCommand(
  event: Office.AddinCommands.Event,
  {
    lock = runLock(),
    later = (run, ms) => {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    },
    now = () => Date.now(),
  }: CommandEnvironment = {}
): Promise<void> {
  const started = now();
  let completed = false;
  const complete = () => {
    if (completed) return;
    completed = true;
    event.completed();
  };
  let message: string;
  let kind: "ok" | "error";
  // A second click while a scoring runs (in another runtime) would write the same rules,
  // names and sheets at the same time: it says so instead.
  const held = lock.acquire();
  if ("heldSince" in held) {
    kind = "error";
    message = busyMessage(held.heldSince);
  } else {
    try {
      const api = createWorkbookApi((batch) => Excel.run(batch));
      const settings = await Excel.run((context) =>
        loadWorkbookSettings(context, Office.context.document.settings, officeSupports)
      );
      const outcome = await api.score(settings);
      kind = outcome.ok ? "ok" : "error";
      message = outcome.ok
        ? [
            `Đã chấm trang "${outcome.sheet}". ${headline(outcome.run.summary)}`,
            ...outcome.notices,
          ].join("\n")
        : outcome.message;
    } catch (error) {
      kind = "error";
      message = describeError(error, { place: "settings" });
    } finally {
      held.release();
    }
  }
  const unsaid = () => keepLastResult({ message, kind, at: started });
  try {
    showMessage(message, kind, complete, unsaid, (close) =>
      later(close, Math.max(0, DIALOG_LIFETIME_MS - (now() - started)))
    );
  } catch {
    unsaid();
    complete();
  }
}

/**
 * Opens the result dialog; `done` runs once the dialog is closed or could not open, and
 * `unsaid` when it could not (12009 declined, 12011 pop-ups blocked, 12007 another open):
 * the pane then shows the result. `closeLater` closes the dialog before the runtime ends.
 */
function showMessage(
  message: string,
  kind: "ok" | "error",
  done: () => void,
  unsaid: () => void,
  closeLater: (close: () => void) => (() => void) | void
): void {
  Office.context.ui.displayDialogAsync(
    dialogUrl(window.location.href, message, kind),
    { height: 30, width: 35, displayInIframe: true },
    (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        unsaid();
        done();
        return;
      }
      const dialog = result.value;
      let open = true;
      // A dialog closed early needs no closing later: its timer goes with it.
      let cancelClose: (() => void) | void = undefined;
      const finish = (close: boolean) => {
        if (!open) return;
        open = false;
        cancelClose?.();
        if (close) dialog.close();
        done();
      };
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => finish(true));
      // 12006: the user closed the dialog with its X; any other event also ends it.
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => finish(false));
      cancelClose = closeLater(() => finish(true));
    }
  );
}

/** Makes the function the manifest names reachable by Excel. */
export function registerCommands(): void {
  // Older Excel builds look the function up on the global object; newer ones use associate.
  (globalThis as unknown as Record<string, unknown>).scoreActiveSheet = scoreActiveSheetCommand;
  Office.actions?.associate?.("scoreActiveSheet", scoreActiveSheetCommand);
}
