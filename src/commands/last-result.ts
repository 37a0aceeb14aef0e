/**
 * The ribbon command's last result, kept where the task pane finds it: when the result
 * dialog cannot open (12009: the user declined it in Excel on the web; 12011: the
 * browser blocks pop-ups; 12007: another is open), the command has no other way to speak
 * (Excel has no notification API for add-ins), so the pane shows it when it opens next.
 */
import { browserStorage, type LockStorage } from "./run-lock";

export const LAST_RESULT_KEY = "par-index-scorer:last-command-result";

export interface LastResult {
  message: string;
  kind: "ok" | "error";
  /** When the command ran (ms since 1970). */
  at: number;
}

/** Keeps the result; a storage that refuses changes nothing. */
export function keepLastResult(
  result: LastResult,
  storage: LockStorage | null = browserStorage()
): void {
  try {
    storage?.setItem(LAST_RESULT_KEY, JSON.stringify(result));
  } catch {
    // Nothing more can be done without a dialog.
  }
}

/** The kept result, removed as it is read (the pane shows it once). */
export function takeLastResult(storage: LockStorage | null = browserStorage()): LastResult | null {
  try {
    const raw = storage?.getItem(LAST_RESULT_KEY);
    if (!raw) return null;
    storage!.removeItem(LAST_RESULT_KEY);
    const parsed = JSON.parse(raw) as Partial<LastResult>;
    if (typeof parsed.message !== "string" || typeof parsed.at !== "number") return null;
    return {
      message: parsed.message,
      kind: parsed.kind === "error" ? "error" : "ok",
      at: parsed.at,
    };
  } catch {
    return null;
  }
}

/** How the pane introduces it. */
export function lastResultNote(result: LastResult): string {
  const at = new Date(result.at);
  const hhmm = `${String(at.getHours()).padStart(2, "0")}:${String(at.getMinutes()).padStart(2, "0")}`;
  return `Kết quả lần bấm nút Chấm điểm lúc ${hhmm} (hộp thoại kết quả không mở được): ${result.message}`;
}
