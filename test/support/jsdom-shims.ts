/**
 * What jsdom lacks and the pane's libraries use: Fluent's MessageBar observes its size
 * (ResizeObserver); the adapter sizes requests with TextEncoder; the workbook reader the
 * roll-up panel uses decodes with TextDecoder; the roll-up panel reads picked files with
 * Blob.arrayBuffer (jsdom 20 has only FileReader). Layout does not exist in jsdom, so the
 * observer never has anything to report.
 */
import { TextDecoder, TextEncoder } from "node:util";

class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const g = globalThis as unknown as Record<string, unknown>;
g.ResizeObserver ??= NoLayoutResizeObserver;
g.TextEncoder ??= TextEncoder;
g.TextDecoder ??= TextDecoder;

if (
  typeof Blob !== "undefined" &&
  typeof FileReader !== "undefined" &&
  !Blob.prototype.arrayBuffer
) {
  Blob.prototype.arrayBuffer = function (this: Blob): Promise<ArrayBuffer> {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(this);
    });
  };
}
