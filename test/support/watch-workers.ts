/**
 * A watch on a page's Web Workers and its own thread, for the browser tests and the pane's
 * roll-up benchmark: what the page posts to each worker (and whether the transferred bytes
 * left it), what comes back, the roll-up panel's status lines, and a heartbeat.
 */
/** What the page's watch (WATCH_WORKERS) saw of one worker. */
export interface WatchedWorker {
  url: string;
  /** Requests posted to it: kind, files, buffers handed over, and whether they left. */
  posted: Array<{ kind: string; files: number; transferred: number; emptiedHere: boolean }>;
  /** The kinds of its replies, in order. */
  replies: string[];
}

export interface Watch {
  workers: WatchedWorker[];
  /** The pane's status lines, in the order they appeared. */
  statuses: string[];
  /** The longest pause of the pane's thread (ms) while `beating` (measured, not asserted). */
  longestPause: number;
  beats: number;
  beating: boolean;
}

/**
 * Runs in the page before its own scripts (addInitScript, so written without imports or
 * closures): wraps Worker to record what the pane posts and what comes back, records the
 * status lines, and keeps a heartbeat on the pane's thread.
 */
export function WATCH_WORKERS(): void {
  const w = window as unknown as { Worker: typeof Worker; watch: Watch };
  const watch: Watch = { workers: [], statuses: [], longestPause: 0, beats: 0, beating: false };
  w.watch = watch;
  const Native = w.Worker;
  w.Worker = class extends Native {
    private readonly seen: WatchedWorker;
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      const seen: WatchedWorker = { url: String(url), posted: [], replies: [] };
      this.seen = seen;
      watch.workers.push(seen);
      this.addEventListener("message", (e) => seen.replies.push((e as MessageEvent).data.kind));
    }
    override postMessage(message: unknown, transfer?: Transferable[] | StructuredSerializeOptions) {
      const buffers = (Array.isArray(transfer) ? transfer : []) as ArrayBuffer[];
      super.postMessage(message, buffers);
      const request = message as { kind: string; files?: unknown[] };
      this.seen.posted.push({
        kind: request.kind,
        files: request.files?.length ?? 0,
        transferred: buffers.length,
        emptiedHere: buffers.length > 0 && buffers.every((b) => b.byteLength === 0),
      });
    }
  };
  new MutationObserver(() => {
    const panel = '[aria-label="Tổng hợp nhiều đơn vị"] [role="status"]';
    const text = document.querySelector(panel)?.textContent ?? "";
    if (text && watch.statuses[watch.statuses.length - 1] !== text) watch.statuses.push(text);
  }).observe(document, { subtree: true, childList: true, characterData: true });
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    if (watch.beating) {
      watch.longestPause = Math.max(watch.longestPause, now - last);
      watch.beats++;
    }
    last = now;
  }, 20);
}
