/**
 * The application layer (src/app): the one scoring and roll-up path of the command line,
 * the pane and the page, and the one options schema.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "../support/cli";
import {
  AppError,
  MAX_SOON_DAYS,
  RunOptionsSchema,
  planYearValue,
  rollUpFiles,
  rollUpToSheets,
  scoreFile,
  scoredName,
  soonDaysValue,
} from "../../src/app";
import { readSettings } from "../../src/core/settings";
import { MAX_SOON_DAYS as CORE_MAX } from "../../src/core/run";
import { NODE_COMPRESSOR, NODE_INFLATE } from "../../src/cli/node-zlib";
import { findBuiltInSet } from "../../src/core/criteria-sets";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "phu-luc-par-index-2025.xlsx");
const sample = () => new Uint8Array(readFileSync(SAMPLE));

describe("the options schema", () => {
  it("has one soon-days limit, a year (366 days), for settings, core and front ends", () => {
    expect(MAX_SOON_DAYS).toBe(366);
    expect(CORE_MAX).toBe(MAX_SOON_DAYS);
    // The workbook settings took at most 365 before: a stored 366 fell back to 7.
    expect(readSettings((key) => ({ "parIndex.soonDays": 366 })[key]).soonDays).toBe(366);
    expect(readSettings((key) => ({ "parIndex.soonDays": 367 })[key]).soonDays).toBe(7);
    expect(soonDaysValue("366")).toBe(366);
    expect(soonDaysValue("367")).toBeNull();
    expect(soonDaysValue(" ")).toBeNull();
    expect(soonDaysValue("1.5")).toBeNull();
  });

  it("checks the plan year and the date", () => {
    expect(planYearValue("2025")).toBe(2025);
    expect(planYearValue("25")).toBeNull();
    expect(RunOptionsSchema.safeParse({ today: "2025-02-30" }).success).toBe(false);
    expect(RunOptionsSchema.safeParse({ today: "2025-11-20", soonDays: 7 }).success).toBe(true);
  });
});

describe("scoreFile", () => {
  it("writes the same copy as the command line, byte for byte (the page's compressor)", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "par-app-"));
    const out = path.join(dir, "copy.xlsx");
    const { code } = await runCli([SAMPLE, "--today", "2025-11-20", "--out", out]);
    expect(code).toBe(0);
    const { copy, run, messages } = scoreFile(sample(), {
      name: "phu-luc.xlsx",
      today: "2025-11-20",
    });
    expect(Buffer.from(copy).equals(readFileSync(out))).toBe(true);
    // Node's deflate would write other (equally valid) bytes: the CLI does not use it here.
    const native = scoreFile(sample(), {
      name: "a.xlsx",
      today: "2025-11-20",
      compressor: NODE_COMPRESSOR,
    }).copy;
    expect(Buffer.from(native).equals(Buffer.from(copy))).toBe(false);
    expect(run.summary.today).toBe("2025-11-20");
    expect(messages).toBe(run.summary.notices);
  });

  it("writes the same copy with fflate everywhere (the page's compressor), node or not", () => {
    const options = { name: "a.xlsx", today: "2025-11-20" };
    const a = scoreFile(sample(), options).copy;
    const b = scoreFile(sample(), { ...options, inflateRaw: NODE_INFLATE }).copy;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it("refuses a wrong file kind with the command line's message", () => {
    const csv = new TextEncoder().encode("a,b\n1,2\n");
    expect(() => scoreFile(csv, { name: "x.xlsx" })).toThrow(AppError);
    expect(() => scoreFile(csv, { name: "x.xlsx" })).toThrow(/^Không đọc được "x.xlsx": /);
    expect(() => scoreFile(new Uint8Array(), { name: "e.xlsx" })).toThrow(/"e.xlsx"/);
  });

  it("refuses a soon-days value past the limit as wrong usage", () => {
    let error: unknown;
    try {
      scoreFile(sample(), { name: "a.xlsx", soonDays: 367 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).exitCode).toBe(2);
  });

  it("names the scored copy as the command line does", () => {
    expect(scoredName("phu-luc.xlsx")).toBe("phu-luc.scored.xlsx");
    expect(scoredName("a.b.xlsm")).toBe("a.b.scored.xlsm");
  });
});

describe("rollUpFiles", () => {
  it("ranks the readable files and lists the broken one with its reason", () => {
    const broken = new TextEncoder().encode("không phải Excel");
    const progress: number[] = [];
    const { rollup, workbook } = rollUpFiles(
      [
        { name: "a.xlsx", bytes: sample() },
        { name: "hong.xlsx", bytes: broken },
      ],
      {
        criteria: findBuiltInSet("xa-2025-dien-ban") ?? null,
        today: "2025-11-20",
        progress: (done) => progress.push(done),
      }
    );
    expect(progress).toEqual([1, 2]);
    expect(rollup.ranking.map((r) => r.unit.file)).toEqual(["a.xlsx"]);
    expect(rollup.failures.map((f) => f.file)).toEqual(["hong.xlsx"]);
    expect(rollup.failures[0].reason).toMatch(/\S/);
    expect(workbook.subarray(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
  });

  it("throws the Vietnamese message when no file can be used", () => {
    expect(() =>
      rollUpFiles([{ name: "x.xlsx", bytes: new Uint8Array([1, 2, 3]) }], {
        criteria: null,
        today: "2025-11-20",
      })
    ).toThrow(/^Không tổng hợp được tệp nào/);
  });
});

describe("rollUpToSheets (the task pane's worker)", () => {
  it("builds the sheets the pane writes and what it shows; a file the browser could not open is listed", () => {
    const progress: string[] = [];
    const { sheets, summary } = rollUpToSheets(
      [
        { name: "a.xlsx", bytes: sample() },
        { name: "khoa.xlsx", bytes: null },
        { name: "hong.xlsx", bytes: new TextEncoder().encode("không phải Excel") },
      ],
      {
        criteria: null,
        fallbackCriteria: findBuiltInSet("xa-2025-dien-ban") ?? null,
        today: "2025-11-20",
        progress: (done, total) => progress.push(`${done}/${total}`),
      }
    );
    expect(progress).toEqual(["1/3", "2/3", "3/3"]);
    expect(sheets.map((s) => s.name)).toEqual([
      "Xếp hạng",
      "Theo tiêu chí",
      "Cảnh báo",
      "Việc quá hạn",
    ]);
    expect(summary.units).toBe(1);
    expect(summary.ranked).toEqual([
      { rank: 1, name: expect.any(String), file: "a.xlsx", points: "4,24/8,5" },
    ]);
    expect(summary.apart).toEqual([]);
    expect(summary.failures.map((f) => f.file)).toEqual(["khoa.xlsx", "hong.xlsx"]);
    expect(summary.failures[0].reason).toBe("Không mở được tệp: hãy chọn lại tệp.");
    // Plain data: it crosses from the worker to the pane as a structured clone.
    expect(structuredClone({ sheets, summary })).toEqual({ sheets, summary });
  });

  it("says in Vietnamese that nothing was written when no file can be used", () => {
    expect(() =>
      rollUpToSheets([{ name: "x.xlsx", bytes: new Uint8Array([1, 2, 3]) }], {
        criteria: null,
        today: "2025-11-20",
      })
    ).toThrow(/^Không đọc được tệp nào, chưa ghi trang tổng hợp nào\. x\.xlsx: /);
  });
});

describe("the copy does not depend on the time of the run", () => {
  it("scores the same bytes a few seconds apart (fixed zip entry times)", async () => {
    const options = { name: "a.xlsx", today: "2025-11-20" };
    const first = scoreFile(sample(), options).copy;
    const now = Date.now;
    // The clock two minutes later: a zip writer stamping the time would write other bytes.
    Date.now = () => now() + 120_000;
    const RealDate = Date;
    const later = new RealDate(now() + 120_000);
    global.Date = class extends RealDate {
      constructor(...args: unknown[]) {
        if (args.length === 0) super(later.getTime());
        else super(...(args as [number]));
      }
    } as DateConstructor;
    try {
      const second = scoreFile(sample(), options).copy;
      expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    } finally {
      global.Date = RealDate;
      Date.now = now;
    }
  });
});
