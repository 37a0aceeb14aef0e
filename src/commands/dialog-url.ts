/**
 * The dialog page URL with the message in its query string (the dialog shows it as text).
 */
export const MAX_DIALOG_MESSAGE = 1500;

export function dialogUrl(origin: string, message: string, kind: "ok" | "error"): string {
  const text =
    message.length > MAX_DIALOG_MESSAGE ? `${message.slice(0, MAX_DIALOG_MESSAGE - 1)}…` : message;
  const params = new URLSearchParams({ m: text, k: kind });
  return `${origin}/dialog.html?${params.toString()}`;
}

/** Reads what dialogUrl wrote. Unknown kinds become "ok"; the message is plain text. */
export function readDialogParams(search: string): { message: string; kind: "ok" | "error" } {
  const params = new URLSearchParams(search);
  return { message: params.get("m") ?? "", kind: params.get("k") === "error" ? "error" : "ok" };
}
