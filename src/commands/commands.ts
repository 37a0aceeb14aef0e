/* global Office, Excel */
/**
 * The ribbon's "Chấm điểm" button (ExecuteFunction): scores the active sheet with no pane,
 * brings the "Tổng hợp" sheet forward, and tells the user what happened in a short dialog.
 * Works without the shared runtime (Excel 2019/2021).
 */
import { headline } from "../core/summary";
import { loadDocumentSettings } from "../excel/settings";
import { createWorkbookApi } from "../excel/workbook-api";
import { dialogUrl } from "./dialog-url";

/** Runs one click of the ribbon button; `event.completed()` is always called. */
export async function scoreActiveSheetCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const api = createWorkbookApi((batch) => Excel.run(batch));
    const outcome = await api.score(loadDocumentSettings(Office.context.document.settings), {
      showSummary: true,
    });
    const message = outcome.ok
      ? `Đã chấm trang "${outcome.sheet}". ${headline(outcome.run.summary)}`
      : outcome.message;
    await showMessage(message, outcome.ok ? "ok" : "error");
  } finally {
    event.completed();
  }
}

function showMessage(message: string, kind: "ok" | "error"): Promise<void> {
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(
      dialogUrl(window.location.origin, message, kind),
      { height: 30, width: 35, displayInIframe: true },
      (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          // The dialog could not open (e.g. another is open): the summary sheet is already in front.
          resolve();
          return;
        }
        const dialog = result.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => dialog.close());
        resolve();
      }
    );
  });
}

/** Makes the function the manifest names reachable by Excel. */
export function registerCommands(): void {
  // Older Excel builds look the function up on the global object; newer ones use associate.
  (globalThis as unknown as Record<string, unknown>).scoreActiveSheet = scoreActiveSheetCommand;
  Office.actions?.associate?.("scoreActiveSheet", scoreActiveSheetCommand);
}
