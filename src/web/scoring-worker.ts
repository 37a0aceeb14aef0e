/**
 * Starts the page's worker from its inlined bundle through a Blob URL (works from file://
 * and under any path) and runs one request, reporting progress.
 */
import workerSource from "web-worker-bundle";
import type { WorkerReply, WorkerRequest } from "./protocol";

let url: string | null = null;

export function runInWorker(
  request: WorkerRequest,
  onProgress: (done: number, total: number) => void,
  transfer: Transferable[] = []
): Promise<Exclude<WorkerReply, { kind: "progress" }>> {
  url ??= URL.createObjectURL(new Blob([workerSource], { type: "text/javascript" }));
  const worker = new Worker(url);
  return new Promise((resolve) => {
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.kind === "progress") {
        onProgress(reply.done, reply.total);
        return;
      }
      worker.terminate();
      resolve(reply);
    };
    worker.onerror = (event) => {
      worker.terminate();
      resolve({
        kind: "error",
        message: `Không chạy được phần chấm điểm trong trình duyệt (${event.message || "lỗi không rõ"}). Hãy dùng Chrome, Edge hoặc Firefox bản mới.`,
      });
    };
    worker.postMessage(request, transfer);
  });
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
