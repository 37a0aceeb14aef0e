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

/** Runs one click of the ribbon button; `event.completed()` is called exactly once, last. */
export async function scoreActiveSheetCommand(event: Office.AddinCommands.Event): Promise<void> {
  let completed = false;
  const complete = () => {
    if (completed) return;
    completed = true;
    event.completed();
  };
  let message: string;
  let kind: "ok" | "error";
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
        ].join(" ")
      : outcome.message;
  } catch (error) {
    kind = "error";
    message = describeError(error);
  }
  try {
    showMessage(message, kind, complete);
  } catch {
    complete();
  }
}

/** Opens the result dialog; `done` runs once the dialog is closed or could not open. */
function showMessage(message: string, kind: "ok" | "error", done: () => void): void {
  Office.context.ui.displayDialogAsync(
    dialogUrl(window.location.href, message, kind),
    { height: 30, width: 35, displayInIframe: true },
    (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        // The dialog could not open (e.g. another one is open): nothing more to wait for.
        done();
        return;
      }
      const dialog = result.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
        dialog.close();
        done();
      });
      // 12006: the user closed the dialog with its X; any other event also ends it.
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => done());
    }
  );
}

/** Makes the function the manifest names reachable by Excel. */
export function registerCommands(): void {
  // Older Excel builds look the function up on the global object; newer ones use associate.
  (globalThis as unknown as Record<string, unknown>).scoreActiveSheet = scoreActiveSheetCommand;
  Office.actions?.associate?.("scoreActiveSheet", scoreActiveSheetCommand);
}
