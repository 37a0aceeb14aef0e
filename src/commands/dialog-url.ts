/**
 * The dialog page URL with the message in its query string (the dialog shows it as text).
 */
export const MAX_DIALOG_MESSAGE = 1500;

/**
 * The dialog's address, resolved against the command page's own address so that an
 * add-in served under a path (https://server/cham-diem-cchc/) opens
 * https://server/cham-diem-cchc/dialog.html, not a 404 at the server's root (error 12002).
 *
 * @example dialogUrl("https://server/cham-diem-cchc/commands.html", "Xong", "ok") // "https://server/cham-diem-cchc/dialog.html?m=Xong&k=ok"
 */
export function dialogUrl(pageUrl: string, message: string, kind: "ok" | "error"): string {
  const text =
    message.length > MAX_DIALOG_MESSAGE ? `${message.slice(0, MAX_DIALOG_MESSAGE - 1)}…` : message;
  const url = new URL("dialog.html", pageUrl);
  url.search = new URLSearchParams({ m: text, k: kind }).toString();
  return url.toString();
}

/** Reads what dialogUrl wrote. Unknown kinds become "ok"; the message is plain text. */
export function readDialogParams(search: string): { message: string; kind: "ok" | "error" } {
  const params = new URLSearchParams(search);
  return { message: params.get("m") ?? "", kind: params.get("k") === "error" ? "error" : "ok" };
}
