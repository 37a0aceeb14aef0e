/**
 * @jest-environment jsdom
 */
/**
 * The pane's roll-up reads and scores in the Web Worker (issue 24 item 8): Office restarts
 * an add-in that does not answer for 5 seconds, and 100 wards take longer. A fake Worker
 * stands in for the real one (test/browser/rollup.test.ts runs the real one in Chromium);
 * every reader, scorer and sheet builder is watched, and none may run on the pane's thread.
 */
import "../support/jsdom-shims";
import { readFileSync } from "node:fs";
import path from "node:path";
import * as React from "react";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { RollupPanel } from "../../src/taskpane/components/RollupPanel";
import { FakeExcel, FakeSheet } from "../support/fake-excel";
import type { WorkerReply, WorkerRequest } from "../../src/web/protocol";
import * as app from "../../src/app/rollup-files";
import * as core from "../../src/core/rollup";
import * as reader from "../../src/xlsx/read-workbook";
import { findBuiltInSet } from "../../src/core/criteria-sets";

/** Every function of a module, still working, with its calls counted. */
function watched(modulePath: string): Record<string, unknown> {
  const actual = jest.requireActual<Record<string, unknown>>(modulePath);
  return Object.fromEntries(
    Object.entries(actual).map(([key, value]) => [
      key,
      typeof value === "function" ? jest.fn(value as (...args: unknown[]) => unknown) : value,
    ])
  );
}
jest.mock("../../src/app/rollup-files", () => watched("../../src/app/rollup-files"));
jest.mock("../../src/core/rollup", () => watched("../../src/core/rollup"));
jest.mock("../../src/xlsx/read-workbook", () => watched("../../src/xlsx/read-workbook"));

/** The reading, scoring and roll-up work that must stay off the pane's thread. */
const WORK = [
  ["readWorkbook", reader.readWorkbook],
  ["rollupBytes", app.rollupBytes],
  ["rollUpFiles", app.rollUpFiles],
  ["rollUpToSheets", app.rollUpToSheets],
  ["rollUpOutcomes", app.rollUpOutcomes],
  ["rollupUnit", core.rollupUnit],
  ["scoreUnit", core.scoreUnit],
  ["rollUp", core.rollUp],
  ["buildRollupSheets", core.buildRollupSheets],
] as const;
const callsOnThisThread = () =>
  WORK.filter(([, fn]) => (fn as jest.Mock).mock.calls.length > 0).map(([name]) => name);

class FakeWorker {
  static made: FakeWorker[] = [];
  posted: Array<{ message: WorkerRequest; transfer: Transferable[] }> = [];
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor(readonly url: string) {
    FakeWorker.made.push(this);
  }
  postMessage(message: WorkerRequest, transfer: Transferable[] = []): void {
    this.posted.push({ message, transfer });
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(data: WorkerReply): void {
    act(() => this.onmessage!({ data } as MessageEvent<WorkerReply>));
  }
}

const SAMPLE = readFileSync(
  path.join(__dirname, "..", "..", "samples", "phu-luc-par-index-2025.xlsx")
);
const settings = { today: "2025-11-20", soonDays: 7, criteriaSetId: "xa-2025-dien-ban" };

beforeEach(() => {
  FakeWorker.made = [];
  const g = globalThis as unknown as Record<string, unknown>;
  g.Worker = FakeWorker;
  g.Excel = FakeExcel.enums;
  URL.createObjectURL = () => "blob:worker";
});

/** The panel over a fake workbook, with `names` picked (the sample's bytes in each). */
async function pickAndStart(names: string[]) {
  const excel = new FakeExcel([new FakeSheet("Phụ lục", [["Bảng của người dùng"]])]);
  render(<RollupPanel settings={settings} disabled={false} run={excel.run} />);
  const files = names.map((name) => new File([SAMPLE], name));
  fireEvent.change(screen.getByLabelText("Chọn tệp của các đơn vị"), { target: { files } });
  fireEvent.click(screen.getByRole("button", { name: `Tổng hợp ${names.length} tệp` }));
  await waitFor(() => expect(FakeWorker.made).toHaveLength(1));
  await waitFor(() => expect(FakeWorker.made[0].posted).toHaveLength(1));
  return { excel, worker: FakeWorker.made[0] };
}

const bar = () => screen.getByRole("progressbar");

describe("RollupPanel", () => {
  it("hands the picked files' bytes to the worker without a copy, shows its progress, and only writes the sheets itself", async () => {
    // What the real worker answers for these files (computed before the pane starts).
    const picked = ["la-khe.xlsx", "phu-la.xlsx", "van-quan.xlsx"];
    const answer = app.rollUpToSheets(
      picked.map((name) => ({ name, bytes: new Uint8Array(SAMPLE) })),
      {
        criteria: null,
        fallbackCriteria: findBuiltInSet(settings.criteriaSetId) ?? null,
        today: settings.today,
        soonDays: settings.soonDays,
      }
    );
    expect(answer.summary.ranked).toHaveLength(3);
    jest.clearAllMocks();

    const { excel, worker } = await pickAndStart(picked);
    const { message, transfer } = worker.posted[0];
    expect(worker.url).toBe("blob:worker");
    expect(message.kind).toBe("rollup-sheets");
    if (message.kind !== "rollup-sheets") throw new Error("unreachable");
    expect(message.options).toEqual({
      today: "2025-11-20",
      soonDays: 7,
      criteriaSetId: "xa-2025-dien-ban",
    });
    expect(message.files.map((f) => f.name)).toEqual(picked);
    for (const [i, file] of message.files.entries()) {
      expect(Buffer.from(file.bytes!)).toEqual(SAMPLE);
      // Transferred, not cloned: the list holds each file's own buffer.
      expect(transfer[i]).toBe(file.bytes!.buffer);
    }
    expect(transfer).toHaveLength(3);

    expect(screen.getByRole("status").textContent).toBe("Đang đọc tệp 1/3: la-khe.xlsx");
    expect(bar().getAttribute("aria-valuenow")).toBe("0");
    worker.reply({ kind: "progress", done: 1, total: 3 });
    expect(screen.getByRole("status").textContent).toBe("Đang đọc tệp 2/3: phu-la.xlsx");
    worker.reply({ kind: "progress", done: 2, total: 3 });
    expect(screen.getByRole("status").textContent).toBe("Đang đọc tệp 3/3: van-quan.xlsx");
    expect(Number(bar().getAttribute("aria-valuenow"))).toBeCloseTo(2 / 3);
    expect(screen.getByRole("button", { name: "Tổng hợp 3 tệp" })).toHaveProperty("disabled", true);

    worker.reply({ kind: "rolled-up-sheets", ...answer });
    await screen.findByText(`Đã tổng hợp ${answer.summary.units} đơn vị`);
    expect(worker.terminated).toBe(true);
    expect(screen.queryByRole("progressbar")).toBeNull();
    // The sheets the worker built, written by the Office.js adapter; the user's sheet kept.
    expect(excel.sheets.map((s) => s.name)).toEqual([
      "Phụ lục",
      ...answer.sheets.map((s) => s.name),
    ]);
    expect(excel.sheets[0].valueAt("A1")).toBe("Bảng của người dùng");
    expect(excel.sheets[1].valueAt("A1")).toBe(answer.sheets[0].values[0][0]);
    expect(screen.getByRole("list", { name: "Xếp hạng" }).textContent).toContain(
      `Hạng ${answer.summary.ranked[0].rank}: ${answer.summary.ranked[0].name} — ${answer.summary.ranked[0].points} điểm`
    );
    expect(callsOnThisThread()).toEqual([]);
  });

  it("shows the worker's error and writes nothing", async () => {
    jest.clearAllMocks();
    const { excel, worker } = await pickAndStart(["a.xlsx", "b.xlsx"]);
    worker.reply({
      kind: "error",
      message: "Không đọc được tệp nào, chưa ghi trang tổng hợp nào. a.xlsx: hỏng",
    });
    expect((await screen.findByRole("alert")).textContent).toContain("a.xlsx: hỏng");
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(excel.sheets.map((s) => s.name)).toEqual(["Phụ lục"]);
    expect(screen.getByRole("button", { name: "Tổng hợp 2 tệp" })).toHaveProperty(
      "disabled",
      false
    );
    expect(callsOnThisThread()).toEqual([]);
  });

  it("says what to do when the pane cannot start a worker", async () => {
    (globalThis as unknown as { Worker: unknown }).Worker = class {
      constructor() {
        throw new Error("denied by the Content Security Policy");
      }
    };
    const excel = new FakeExcel([new FakeSheet("Phụ lục", [["x"]])]);
    render(<RollupPanel settings={settings} disabled={false} run={excel.run} />);
    fireEvent.change(screen.getByLabelText("Chọn tệp của các đơn vị"), {
      target: { files: [new File([SAMPLE], "a.xlsx")] },
    });
    fireEvent.click(screen.getByRole("button", { name: "Tổng hợp 1 tệp" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Content Security Policy");
    expect(alert.textContent).toContain("Hãy cập nhật Office");
    expect(excel.sheets.map((s) => s.name)).toEqual(["Phụ lục"]);
  });
});
