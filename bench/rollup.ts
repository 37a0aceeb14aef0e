/**
 * Roll-up benchmark (issue 14): 10 → 300 ward workbooks of ~300 rows each.
 *   npx tsx bench/rollup.ts [--sizes 10,30,100,300] [--rounds 3]
 * For each size: the compiled CLI (`npm run build:cli`, build/cli) rolling the files up
 * as a user runs it (two threads, this one and a worker, from MIN_FILES_FOR_WORKERS files)
 * and on one thread, against the floor of merely opening and parsing
 * the same files (fs read + the package reader, one thread). Wall time and peak memory
 * (max RSS of the process, all threads) come from /usr/bin/time. Prints Markdown.
 * Targets: 300 files ≤ 10 s, ≤ 1.5 × the parse floor, peak memory < 1 GB.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, promises as fs, readdirSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { MIN_FILES_FOR_WORKERS } from "../src/cli/rollup-command";
import { generateRollupFolder } from "../test/fixtures/rollup/generate";

const ROOT = path.join(__dirname, "..");
const BUILD = path.join(ROOT, "build", "cli");
const MAIN = path.join(BUILD, "bin", "main.js");
const READER = path.join(BUILD, "xlsx", "read-workbook.js");
const NODE_ZLIB = path.join(BUILD, "cli", "node-zlib.js");
const TASKS = 290; // + ~12 rows of titles, sections and tasks: ~300 rows per workbook

const say = (line = "") => process.stdout.write(`${line}\n`);

/**
 * The compiled CLI, rebuilt when any source it is built from (src/cli, src/core, src/xlsx)
 * is newer than its bundle: a change anywhere in the core changes what the roll-up runs.
 */
function ensureBuild(): void {
  const built = existsSync(MAIN) && existsSync(path.join(BUILD, "bin", "rollup-worker.js"));
  const builtAt = built ? statSync(MAIN).mtimeMs : 0;
  const stale =
    !built ||
    ["src/cli", "src/core", "src/xlsx"].some((folder) =>
      readdirSync(path.join(ROOT, folder), { recursive: true, encoding: "utf8" }).some(
        (file) => statSync(path.join(ROOT, folder, file)).mtimeMs > builtAt
      )
    );
  if (stale) {
    say("(compiling the CLI: npm run build:cli)");
    execFileSync("npm", ["run", "-s", "build:cli"], { cwd: ROOT, stdio: "inherit" });
  }
}

/** Distinct workbooks of the warned districts; the other wards are copies (generate.ts). */
const WARNED_DISTINCT = 30;

async function folderOf(size: number, warned = false): Promise<string[]> {
  const dir = path.join(os.tmpdir(), `rollup-bench-${size}x${TASKS}${warned ? "-warned" : ""}`);
  const done = path.join(dir, ".done");
  if (!existsSync(done)) {
    await fs.rm(dir, { recursive: true, force: true });
    await generateRollupFolder(dir, size, {
      assessment: false,
      tasks: TASKS,
      ...(warned ? { warned: true, distinct: WARNED_DISTINCT } : {}),
    });
    // The benchmark measures readable files only.
    for (const broken of ["hong-khong-phai-xlsx.xlsx", "hong-cat-ngan.xlsx"])
      await fs.rm(path.join(dir, broken));
    await fs.writeFile(done, "");
  }
  return (await fs.readdir(dir))
    .filter((f) => f.endsWith(".xlsx") && !f.startsWith("."))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Runs node with /usr/bin/time: wall and CPU (user + system) seconds, max RSS in MB. */
function timed(args: string[]): {
  seconds: number;
  cpu: number;
  megabytes: number;
  stdout: string;
} {
  const result = spawnSync("/usr/bin/time", ["-f", "%e %M %U %S", process.execPath, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`failed: ${result.stderr}`);
  const last = result.stderr.trim().split("\n").pop()!.split(" ");
  return {
    seconds: Number(last[0]),
    megabytes: Number(last[1]) / 1024,
    cpu: Number(last[2]) + Number(last[3]),
    stdout: result.stdout,
  };
}

/**
 * Opening and parsing only (fs read + readWorkbook with Node's inflate, as the roll-up
 * reads), one thread, in a fresh process.
 */
function parseFloor(
  files: string[],
  list: string
): { seconds: number; cpu: number; megabytes: number; inside: number } {
  const script = `
    const fs = require("node:fs");
    const { readWorkbook } = require(${JSON.stringify(READER)});
    const { NODE_INFLATE } = require(${JSON.stringify(NODE_ZLIB)});
    const files = fs.readFileSync(${JSON.stringify(list)}, "utf8").split("\\n");
    const start = performance.now();
    let cells = 0;
    for (const f of files) for (const s of readWorkbook(fs.readFileSync(f), undefined, { inflateRaw: NODE_INFLATE }).sheets) cells += s.grid.values.length;
    process.stdout.write(String((performance.now() - start) / 1000) + " " + cells);
  `;
  const run = timed(["-e", script]);
  return { ...run, inside: Number(run.stdout.split(" ")[0]) };
}

const roundsArg = process.argv.indexOf("--rounds");
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 3;

interface Timed {
  seconds: number;
  cpu: number;
  megabytes: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median wall and CPU seconds of several runs (each taken separately). */
function medianRun(runs: Timed[]): Timed {
  return {
    seconds: median(runs.map((r) => r.seconds)),
    cpu: median(runs.map((r) => r.cpu)),
    megabytes: median(runs.map((r) => r.megabytes)),
  };
}

const pair = (run: { seconds: number; cpu: number }) =>
  `${run.seconds.toFixed(2)} / ${run.cpu.toFixed(2)}`;

async function main(): Promise<void> {
  const sizesArg = process.argv.indexOf("--sizes");
  const sizes =
    sizesArg > 0 ? process.argv[sizesArg + 1].split(",").map(Number) : [10, 30, 100, 300];
  ensureBuild();
  const out = mkdtempSync(path.join(os.tmpdir(), "rollup-bench-out-"));
  say(
    `## Roll-up (issue 14): ward workbooks of ~${TASKS + 12} rows, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`
  );
  say();
  say(
    `| files | parse only, 1 thread: wall / CPU (s) | roll-up as run (2 threads from ${MIN_FILES_FOR_WORKERS} files): wall / CPU (s) | wall ratio (median of ${ROUNDS} rounds) | roll-up, 1 thread: wall / CPU (s) | peak memory, as run (MB) |`
  );
  say("|---:|---:|---:|---:|---:|---:|");
  for (const size of sizes) {
    const files = (await folderOf(size)).slice(0, size);
    const list = path.join(out, `files-${size}.txt`);
    await fs.writeFile(list, files.join("\n"));
    const common = [MAIN, "rollup", ...files, "--today", "2025-11-20", "--json"];
    // The three runs take turns, round after round, and each column is the median of its
    // rounds: this machine's speed drifts within a minute, and the ratio must compare runs
    // made under the same conditions.
    const floors: Timed[] = [];
    const pooledRuns: Timed[] = [];
    const serialRuns: Timed[] = [];
    const ratios: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const floor = parseFloor(files, list);
      // As a user runs it: the default number of threads (two here from 16 files on).
      const pooled = timed([...common, "--out", path.join(out, `p-${size}.xlsx`)]);
      const ranked = JSON.parse(pooled.stdout).ranking.length;
      if (ranked !== size) throw new Error(`${ranked} units ranked out of ${size}`);
      const serial = timed([...common, "--out", path.join(out, `s-${size}.xlsx`), "--jobs", "1"]);
      floors.push(floor);
      pooledRuns.push(pooled);
      serialRuns.push(serial);
      ratios.push(pooled.seconds / floor.seconds);
    }
    const floor = medianRun(floors);
    const pooled = medianRun(pooledRuns);
    const serial = medianRun(serialRuns);
    say(
      `| ${size} | ${pair(floor)} | ${pair(pooled)} | ${median(ratios).toFixed(2)} | ${pair(serial)} | ${pooledRuns.reduce((max, r) => Math.max(max, r.megabytes), 0).toFixed(0)} |`
    );
  }
  say();
  say(
    "Wall clock and CPU time (user + system, all threads) of a fresh `node` process, startup included. CPU time is less sensitive than wall time to other work on the machine."
  );
  await warnedDistricts(out);
  await fs.rm(out, { recursive: true, force: true });
}

/**
 * Issue 21: districts whose every row is warned (an unreadable deadline on each task row):
 * 300 wards against the parse floor in the same rounds, and 1,000 wards once, for memory.
 * Before issue 21 both stopped with "Maximum call stack size exceeded", nothing written.
 */
async function warnedDistricts(out: string): Promise<void> {
  const sizesArg = process.argv.indexOf("--warned-sizes");
  const sizes = sizesArg > 0 ? process.argv[sizesArg + 1].split(",").map(Number) : [300, 1000];
  say();
  say(
    `### Every row warned (issue 21): ~${TASKS + 12} rows per ward, ${WARNED_DISTINCT} distinct workbooks copied under the wards' names; load ${os.loadavg()[0].toFixed(1)}`
  );
  say();
  say(
    "| wards | warnings | parse only, 1 thread: wall / CPU (s) | roll-up as run: wall / CPU (s) | wall ratio (median) | rounds | peak memory, as run (MB) | roll-up file (KB) |"
  );
  say("|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const size of sizes) {
    const files = await folderOf(size, true);
    const list = path.join(out, `warned-${size}.txt`);
    await fs.writeFile(list, files.join("\n"));
    const target = path.join(out, `w-${size}.xlsx`);
    const rounds = size > 300 ? 1 : ROUNDS;
    const floors: Timed[] = [];
    const runs: Timed[] = [];
    const ratios: number[] = [];
    let warnings = 0;
    for (let round = 0; round < rounds; round++) {
      const floor = parseFloor(files, list);
      const run = timed([
        MAIN,
        "rollup",
        ...files,
        "--today",
        "2025-11-20",
        "--json",
        "--out",
        target,
      ]);
      const json = JSON.parse(run.stdout) as { ranking: Array<{ warnings: unknown[] }> };
      if (json.ranking.length !== size) throw new Error(`${json.ranking.length} of ${size} ranked`);
      warnings = json.ranking.reduce((total, r) => total + r.warnings.length, 0);
      floors.push(floor);
      runs.push(run);
      ratios.push(run.seconds / floor.seconds);
    }
    const peak = runs.reduce((max, r) => Math.max(max, r.megabytes), 0);
    say(
      `| ${size} | ${warnings.toLocaleString("en")} | ${pair(medianRun(floors))} | ${pair(medianRun(runs))} | ${median(ratios).toFixed(2)} | ${rounds} | ${peak.toFixed(0)} | ${(statSync(target).size / 1024).toFixed(0)} |`
    );
  }
  say();
  say(
    "`--json` is asked for, so the runs also print every warning (the largest output a user can ask for). Goal: ≤ 1.5 × the parse floor and < 1 GB."
  );
}

void main();
