/**
 * Benchmarks (npm run bench). Prints a Markdown report; `--write` also saves it to
 * docs/performance.md; `npm run bench -- core` (or adapter, cli) runs one part.
 *   1. Core: synthetic appendix tables of 1,000 / 10,000 / 100,000 rows; rows per second
 *      and the cost per row across sizes (linear within ±25%?). Target: 10,000 rows < 150 ms.
 *   2. Office.js adapter against the counting fake: round trips and the largest request.
 *   3. CLI end to end on a 10,000-row workbook against reading and writing the same file
 *      with ExcelJS (target ≤ 0.8×) and a bare unzip + rezip (the floor): bench/cli-write.ts.
 *   4. Reading: time and peak memory of each hostile case, before and after: bench/read.ts.
 *   5. Roll-up of 10 → 300 workbooks: bench/rollup.ts.
 *   6. Hostile texts and shapes the parsers must not blow up on: bench/hostile-text.ts.
 *   7. The scoring page in headless Chromium from file:// against the CLI: bench/page.ts.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { scoreWorkbook } from "../src/core/run";
import { findBuiltInSet } from "../src/core/criteria-sets";
import { scoreActiveSheet } from "../src/excel/score-active-sheet";
import { execFileSync } from "node:child_process";
import { cliWriteReport, measureCliWrite } from "./cli-write";
import { FakeExcel, FakeSheet } from "../test/support/fake-excel";
import { syntheticGrid } from "./synthetic-table";

const criteria = findBuiltInSet("xa-2025-dien-ban")!;
const today = "2025-11-20";
const lines: string[] = [];
const say = (line = "") => {
  lines.push(line);
  process.stdout.write(`${line}\n`);
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(fn: () => void, runs: number): number {
  for (let i = 0; i < 3; i++) fn(); // warm-up: JIT and caches
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

async function timeAsync(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

function benchCore(): void {
  say("## 1. Core (scoreWorkbook: read table, rules, deadlines, write plan, summary)");
  say();
  say("| rows | median ms | rows/s | µs per row | vs 10,000-row cost |");
  say("|---:|---:|---:|---:|---:|");
  const sizes = [1_000, 10_000, 100_000];
  const results = sizes.map((rows) => {
    const grid = syntheticGrid(rows);
    const ms = time(() => scoreWorkbook([grid], { criteria, today }), rows >= 100_000 ? 5 : rows >= 10_000 ? 21 : 201);
    return { rows, ms, perRow: (ms * 1000) / rows };
  });
  const reference = results.find((r) => r.rows === 10_000)!.perRow;
  for (const r of results) {
    say(`| ${r.rows.toLocaleString("en")} | ${r.ms.toFixed(1)} | ${Math.round(r.rows / (r.ms / 1000)).toLocaleString("en")} | ${r.perRow.toFixed(2)} | ${((r.perRow / reference - 1) * 100).toFixed(0)}% |`);
  }
  const ten = results.find((r) => r.rows === 10_000)!;
  say();
  say(`10,000 rows: ${ten.ms.toFixed(1)} ms (target < 150 ms: ${ten.ms < 150 ? "met" : "NOT met"}).`);
  const spread = Math.max(...results.map((r) => Math.abs(r.perRow / reference - 1)));
  say(`Largest per-row deviation from the 10,000-row cost: ${(spread * 100).toFixed(0)}% (linear within ±25%: ${spread <= 0.25 ? "yes" : "no"}).`);
  say();
}

async function benchAdapter(): Promise<void> {
  say("## 2. Office.js adapter (counting fake)");
  say();
  say("| rows | context.sync() round trips | largest request (bytes) | median ms |");
  say("|---:|---:|---:|---:|");
  (globalThis as unknown as { Excel: unknown }).Excel = FakeExcel.enums;
  for (const rows of [10, 1_000, 10_000, 100_000]) {
    const grid = syntheticGrid(rows);
    let excel = new FakeExcel([new FakeSheet(grid.sheetName, grid.values)]);
    const ms = await timeAsync(async () => {
      excel = new FakeExcel([new FakeSheet(grid.sheetName, grid.values)]);
      const outcome = await scoreActiveSheet(excel.context(), { criteria, today });
      if (!outcome.ok) throw new Error(outcome.message);
    }, rows >= 100_000 ? 1 : 3);
    say(`| ${rows.toLocaleString("en")} | ${excel.syncs} | ${Math.max(...excel.requestBytes).toLocaleString("en")} | ${ms.toFixed(0)} |`);
  }
  say();
  say("The ms column includes the fake's own bookkeeping; it is not Excel's time.");
  say();
}

async function benchCli(): Promise<void> {
  say("## 3. Command line end to end (issue 9: ≤ 0.8× of ExcelJS read + write)");
  say();
  for (const line of cliWriteReport(await measureCliWrite(10_000, 5))) say(line);
  say();
}

/** Runs a standalone benchmark script (its own child processes) and keeps its report. */
function benchScript(title: string, script: string, args: string[] = []): void {
  say(title);
  say();
  const output = execFileSync(
    process.execPath,
    [require.resolve("tsx/cli"), path.join(__dirname, script), ...args],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "inherit"] }
  );
  for (const line of output.trimEnd().split("\n")) say(line);
  say();
}

async function run(): Promise<void> {
  say("# Performance");
  say();
  say(`Measured by \`npm run bench\` on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}. Medians of repeated runs after a warm-up.`);
  say();
  const only = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const wanted = (name: string) => only.length === 0 || only.includes(name);
  if (wanted("core")) benchCore();
  if (wanted("adapter")) await benchAdapter();
  if (wanted("cli")) await benchCli();
  if (wanted("read"))
    benchScript("## 4. Reading, limits and hostile files (issue 10: < 5 s, < 1 GB each)", "read.ts");
  if (wanted("rollup"))
    benchScript(
      "## 5. Roll-up of 10 → 300 ward workbooks (issue 14: 300 files ≤ 10 s, ≤ 1.5× parsing, < 1 GB)",
      "rollup.ts"
    );
  if (wanted("hostile"))
    benchScript("## 6. Hostile texts and shapes (once asserted as wall-clock bounds in unit tests)", "hostile-text.ts");
  if (wanted("page"))
    benchScript(
      "## 7. The scoring page (issue 20: page ≤ 1.5× CLI, 300 wards < 10 s, JS gzip < 400 KB)",
      "page.ts"
    );
  if (process.argv.includes("--write")) {
    await fs.writeFile(path.join(__dirname, "..", "docs", "performance.md"), `${lines.join("\n")}\n`);
    process.stdout.write("Đã ghi docs/performance.md\n");
  }
}

run().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
