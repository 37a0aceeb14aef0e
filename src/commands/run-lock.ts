/**
 * One scoring at a time. Each click of the ribbon button runs in its own runtime (no
 * shared runtime), so a lock in memory is not enough: the lock is kept in the add-in's
 * localStorage, which every runtime of the add-in's origin shares where the browser or
 * webview gives them the same storage (assumed, not testable here: see the README). A
 * lock older than the runtime's five minutes is stale (its runtime has ended).
 */

/** The part of the Web Storage API the lock uses. */
export interface LockStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const RUN_LOCK_KEY = "par-index-scorer:scoring";
/** A function command's runtime lives at most five minutes: a lock older than that is stale. */
export const RUN_LOCK_MS = 5 * 60 * 1000;

export interface RunLock {
  /** A release function, or null with the start time (ms) of the run that holds the lock. */
  acquire(): { release: () => void } | { heldSince: number };
}

/** In-memory storage, for hosts without localStorage (and one runtime). */
function memoryStorage(): LockStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

/** localStorage where the page may use it; null where it throws (storage disabled). */
export function browserStorage(): LockStorage | null {
  try {
    const storage = (globalThis as { localStorage?: LockStorage }).localStorage;
    return storage ?? null;
  } catch {
    return null;
  }
}

const fallback = memoryStorage();

/** A lock in `storage` (default: localStorage, else memory). */
export function runLock(
  storage: LockStorage | null = browserStorage(),
  now: () => number = () => Date.now()
): RunLock {
  const store = storage ?? fallback;
  return {
    acquire() {
      const held = read(store);
      const time = now();
      if (held && time - held.since < RUN_LOCK_MS) return { heldSince: held.since };
      const token = `${time}-${Math.random().toString(36).slice(2)}`;
      try {
        store.setItem(RUN_LOCK_KEY, JSON.stringify({ token, since: time }));
      } catch {
        // Storage full or refused: run without the lock rather than not at all.
        return { release: () => undefined };
      }
      return {
        release: () => {
          if (read(store)?.token === token) store.removeItem(RUN_LOCK_KEY);
        },
      };
    },
  };
}

function read(store: LockStorage): { token: string; since: number } | null {
  try {
    const raw = store.getItem(RUN_LOCK_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as { token?: unknown; since?: unknown };
    return typeof parsed.token === "string" && typeof parsed.since === "number"
      ? { token: parsed.token, since: parsed.since }
      : null;
  } catch {
    return null;
  }
}

/**
 * What a second click is told while a scoring runs.
 *
 * @example busyMessage(new Date(2025, 10, 20, 8, 5).getTime()).includes("lúc 08:05") // true
 */
export function busyMessage(heldSince: number): string {
  const at = new Date(heldSince);
  const hhmm = `${String(at.getHours()).padStart(2, "0")}:${String(at.getMinutes()).padStart(2, "0")}`;
  return `Đang có một lần chấm điểm khác chạy (bắt đầu lúc ${hhmm}): hãy đợi lần đó xong (hộp thoại kết quả hiện ra) rồi bấm Chấm điểm lại nếu cần. Lần bấm này không thay đổi gì.`;
}
