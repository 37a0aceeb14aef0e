/* global Office */
/**
 * The short result dialog of the ribbon command. The message is shown with textContent,
 * never as HTML.
 */
import { readDialogParams } from "../commands/dialog-url";

function render(): void {
  const { message, kind } = readDialogParams(window.location.search);
  const title = document.getElementById("title")!;
  const body = document.getElementById("message")!;
  title.textContent = kind === "error" ? "Chưa chấm được" : "Đã chấm điểm";
  title.className = kind;
  body.textContent = message;
  document.getElementById("close")!.addEventListener("click", () => {
    Office.context.ui.messageParent("close");
  });
}

// Where the ES5 guard (legacy-webview-guard.js) took over, the page already shows its message.
if (!(window as { parIndexLegacyWebview?: boolean }).parIndexLegacyWebview)
  void Office.onReady(render);
