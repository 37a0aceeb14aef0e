/**
 * The CLI's reading and writing on the 10,000-row benchmark workbook, side by side with
 * merely reading and writing the same file with ExcelJS (the yardstick, target
 * ≤ 0.8×) and with a bare unzip + rezip (the floor).
 *   npx tsx bench/cli-write.ts [rows]
 * The whole CLI runs as a child process: the compiled command (build/cli/bin/main.js,
 * `npm run build:cli`) when it exists, else `tsx src/cli/main.ts` (the report says which).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { unzipSync, zipSync, type Zippable } from "fflate";
import { findBuiltInSet } from "../src/core/criteria-sets";
import { scoreWorkbook } from "../src/core/run";
import { NODE_COMPRESSOR, NODE_INFLATE } from "../src/cli/node-zlib";
import { patchWorkbook } from "../src/xlsx/patch-workbook";
import { readWorkbook } from "../src/xlsx/read-workbook";
import { syntheticGrid } from "./synthetic-table";

const ROOT = path.join(__dirname, "..");
const COMPILED_CLI = path.join(ROOT, "build", "cli", "bin", "main.js");
const TODAY = "2025-11-20";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function measure(fn: () => unknown, runs: number): Promise<number> {
  await fn(); // warm-up: JIT, caches, file system
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** The benchmark workbook, written by ExcelJS as bench/run.ts writes it. */
export async function benchmarkWorkbook(rows: number, file: string): Promise<void> {
  const grid = syntheticGrid(rows);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(grid.sheetName);
  for (const row of grid.values) sheet.addRow(row);
  await workbook.xlsx.writeFile(file);
}

export interface CliWriteFigures {
  rows: number;
  inputBytes: number;
  excelJsInProcessMs: number;
  excelJsChildMs: number;
  unzipRezipMs: number;
  readMs: number;
  readPlainMs: number;
  patchOwnPassMs: number;
  coreMs: number;
  patchMs: number;
  patchLevel1Ms: number;
  patchNodeMs: number;
  outputBytes: number;
  outputLevel1Bytes: number;
  cliChildMs: number;
  /** Median over rounds of (CLI ÷ ExcelJS), the two run in turns. */
  childRatio: number;
  childRounds: number;
  cliCommand: string;
}

/** Runs every measurement and returns the figures (medians in ms). */
export async function measureCliWrite(rows = 10_000, runs = 5): Promise<CliWriteFigures> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "par-cli-write-"));
  try {
    const input = path.join(dir, "input.xlsx");
    await benchmarkWorkbook(rows, input);
    const bytes = new Uint8Array(readFileSync(input));
    const criteria = findBuiltInSet("xa-2025-dien-ban")!;

    const excelJsInProcessMs = await measure(async () => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(input);
      await book.xlsx.writeFile(path.join(dir, "exceljs.xlsx"));
    }, runs);
    const excelJsScript = `const E=require("exceljs");(async()=>{const b=new E.Workbook();await b.xlsx.readFile(${JSON.stringify(input)});await b.xlsx.writeFile(${JSON.stringify(path.join(dir, "exceljs-child.xlsx"))});})()`;
    const excelJsChild = () =>
      execFileSync(process.execPath, ["-e", excelJsScript], { cwd: ROOT, stdio: "pipe" });
    const unzipRezipMs = await measure(() => {
      const files = unzipSync(bytes);
      const zippable: Zippable = {};
      for (const [name, data] of Object.entries(files)) zippable[name] = [data, { level: 6 }];
      zipSync(zippable);
    }, runs);

    const readPlainMs = await measure(() => readWorkbook(bytes), runs);
    // As the CLI reads: Node's inflate, the sheets' layouts recorded in the same pass.
    const read = () =>
      readWorkbook(bytes, undefined, { keepLayouts: true, inflateRaw: NODE_INFLATE });
    const readMs = await measure(read, runs);
    const book = read();
    const options = {
      criteria,
      today: TODAY,
      workbook: { sheetNames: book.package.sheets.map((s) => s.name), names: book.names },
    };
    const coreMs = await measure(
      () =>
        scoreWorkbook(
          book.sheets.map((s) => s.grid),
          options
        ),
      runs
    );
    const run = scoreWorkbook(
      book.sheets.map((s) => s.grid),
      options
    );
    const edits = {
      plans: run.plans,
      summary: run.summarySheet,
    };
    const patchMs = await measure(() => patchWorkbook(bytes, edits, {}, book), runs);
    const patchNodeMs = await measure(
      () => patchWorkbook(bytes, edits, { compressor: NODE_COMPRESSOR }, book),
      runs
    );
    // Without the recorded layouts the patcher passes over the sheet again.
    const patchOwnPassMs = await measure(
      () => patchWorkbook(bytes, edits, { compressor: NODE_COMPRESSOR }, { package: book.package }),
      runs
    );
    const patchLevel1Ms = await measure(
      () => patchWorkbook(bytes, edits, { level: 1 }, book),
      runs
    );
    const output = patchWorkbook(bytes, edits, {}, book);
    const outputLevel1 = patchWorkbook(bytes, edits, { level: 1 }, book);
    writeFileSync(path.join(dir, "patched.xlsx"), output);

    const compiled = existsSync(COMPILED_CLI);
    const command = compiled
      ? [process.execPath, COMPILED_CLI]
      : [
          process.execPath,
          path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"),
          path.join(ROOT, "src", "cli", "main.ts"),
        ];
    // As the README tells users: the workbook, a built-in criteria set, the text report.
    const cliArgs = [input, "--criteria", "xa-2025-dien-ban", "--today", TODAY, "--out"];
    let n = 0;
    const cliChild = () =>
      execFileSync(
        command[0],
        [...command.slice(1), ...cliArgs, path.join(dir, `cli-${n++}.xlsx`)],
        { cwd: dir, stdio: ["ignore", "ignore", "pipe"] }
      );
    // The two whole processes run in turns, round after round: this machine's speed drifts
    // by tens of percent within a minute, and a ratio of two series taken minutes apart
    // measured the drift as much as the programs.
    const childRounds = Math.max(9, runs);
    const cliSamples: number[] = [];
    const excelJsSamples: number[] = [];
    const roundRatios: number[] = [];
    cliChild();
    excelJsChild();
    for (let round = 0; round < childRounds; round++) {
      const start = performance.now();
      cliChild();
      const middle = performance.now();
      excelJsChild();
      const end = performance.now();
      cliSamples.push(middle - start);
      excelJsSamples.push(end - middle);
      roundRatios.push((middle - start) / (end - middle));
    }
    const cliChildMs = median(cliSamples);
    const excelJsChildMs = median(excelJsSamples);
    const childRatio = median(roundRatios);
    return {
      rows,
      inputBytes: bytes.length,
      excelJsInProcessMs,
      excelJsChildMs,
      unzipRezipMs,
      readMs,
      readPlainMs,
      patchOwnPassMs,
      coreMs,
      patchMs,
      patchLevel1Ms,
      patchNodeMs,
      outputBytes: output.length,
      outputLevel1Bytes: outputLevel1.length,
      cliChildMs,
      childRatio,
      childRounds,
      cliCommand: compiled
        ? "node build/cli/bin/main.js"
        : "node tsx src/cli/main.ts (no compiled build)",
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The figures as a Markdown section. */
export function cliWriteReport(f: CliWriteFigures): string[] {
  const ms = (v: number) => `${Math.round(v)} ms`;
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  return [
    `## CLI read + write on the ${f.rows.toLocaleString("en")}-row workbook (package patcher)`,
    "",
    `Input ${Math.round(f.inputBytes / 1024)} KB; scored copy ${Math.round(f.outputBytes / 1024)} KB at deflate level 6 (${Math.round(f.outputLevel1Bytes / 1024)} KB at level 1).`,
    "",
    "| step | median |",
    "|---|---|",
    `| ExcelJS read + write, in process | ${ms(f.excelJsInProcessMs)} |`,
    `| ExcelJS read + write, as a child process (node start included; in turns with the CLI) | ${ms(f.excelJsChildMs)} |`,
    `| bare unzip + rezip (fflate, level 6), in process: the floor | ${ms(f.unzipRezipMs)} |`,
    `| read (readWorkbook), Node's inflate, layouts recorded in the same pass: what the CLI does | ${ms(f.readMs)} |`,
    `| read (readWorkbook), fflate's inflate, without layouts | ${ms(f.readPlainMs)} |`,
    `| core (scoreWorkbook) | ${ms(f.coreMs)} |`,
    `| patch (patchWorkbook, fflate level 6) | ${ms(f.patchMs)} |`,
    `| patch (patchWorkbook, fflate level 1) | ${ms(f.patchLevel1Ms)} |`,
    `| patch (patchWorkbook, Node zlib level 6, recorded layouts: what the CLI does) | ${ms(f.patchNodeMs)} |`,
    `| patch (patchWorkbook, Node zlib level 6, a pass of its own over the sheet) | ${ms(f.patchOwnPassMs)} |`,
    `| whole CLI, child process: ${f.cliCommand} | ${ms(f.cliChildMs)} |`,
    "",
    `Whole CLI ÷ ExcelJS read + write (both child processes, run in turns, median of ${f.childRounds} rounds' ratios): **${f.childRatio.toFixed(2)}×** (target ≤ 0.8×; ratio of the medians ${ratio(f.cliChildMs, f.excelJsChildMs)}×). ` +
      `Whole CLI ÷ ExcelJS in process: ${ratio(f.cliChildMs, f.excelJsInProcessMs)}×. ` +
      `In-process read + core + patch (as the CLI) ÷ bare unzip + rezip: ${ratio(f.readMs + f.coreMs + f.patchNodeMs, f.unzipRezipMs)}×.`,
  ];
}

if (require.main === module) {
  const rows = Number(process.argv[2] ?? 10_000);
  measureCliWrite(rows).then((figures) => {
    process.stdout.write(`${cliWriteReport(figures).join("\n")}\n`);
  });
}
