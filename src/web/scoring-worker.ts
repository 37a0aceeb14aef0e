/**
 * Starts the worker (of the page and of the task pane) from its inlined bundle through a
 * Blob URL (works from file://, under any path and under a CSP with "worker-src blob:") and
 * runs one request, reporting progress. Bytes listed in `transfer` move to the worker
 * without a copy (they are empty here afterwards).
 */
import workerSource from "web-worker-bundle";
import type { ReplyTo, WorkerReply, WorkerRequest } from "./protocol";

let url: string | null = null;

export function runInWorker<R extends WorkerRequest>(
  request: R,
  onProgress: (done: number, total: number) => void,
  transfer: Transferable[] = [],
  /** What to do when no worker can run (Vietnamese); the pane's differs from the page's. */
  advice = "Hãy dùng Chrome, Edge hoặc Firefox bản mới."
): Promise<ReplyTo<R["kind"]>> {
  let worker: Worker;
  try {
    url ??= URL.createObjectURL(new Blob([workerSource], { type: "text/javascript" }));
    worker = new Worker(url);
  } catch (error) {
    // A Content-Security-Policy without "worker-src blob:" refuses here (Chromium).
    return Promise.resolve(
      cannotRun(error instanceof Error ? error.message : String(error), advice)
    );
  }
  return new Promise((resolve) => {
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.kind === "progress") {
        onProgress(reply.done, reply.total);
        return;
      }
      worker.terminate();
      resolve(reply as ReplyTo<R["kind"]>);
    };
    worker.onerror = (event) => {
      worker.terminate();
      resolve(cannotRun(event.message, advice));
    };
    worker.postMessage(request, transfer);
  });
}

function cannotRun(why: string, advice: string): { kind: "error"; message: string } {
  return {
    kind: "error",
    message: `Không chạy được phần chấm điểm trong trình duyệt (${why || "lỗi không rõ"}). ${advice}`,
  };
}

/** Offers bytes as a download named `name`. */
export function download(bytes: Uint8Array, name: string): void {
  const blob = new Blob([bytes as BlobPart], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const href = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
