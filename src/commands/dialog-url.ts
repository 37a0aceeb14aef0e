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
  // No raw line break in the address: a "%0A" in a dialog URL is reported to fail with
  // internal error 5001 in Excel on the web (OfficeDev/office-js#2762). Each line is its
  // own "m" parameter; other control characters become spaces.
  const params = new URLSearchParams();
  for (const line of text.split(/\r\n|\r|\n/))
    params.append("m", [...line].map((c) => (c < " " || c === "\u007f" ? " " : c)).join(""));
  params.append("k", kind);
  url.search = params.toString();
  return url.toString();
}

/** Reads what dialogUrl wrote (lines joined again). Unknown kinds become "ok"; the message is plain text. */
export function readDialogParams(search: string): { message: string; kind: "ok" | "error" } {
  const params = new URLSearchParams(search);
  return {
    message: params.getAll("m").join("\n"),
    kind: params.get("k") === "error" ? "error" : "ok",
  };
}
