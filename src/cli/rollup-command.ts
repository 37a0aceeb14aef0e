/**
 * rollup: many units' workbooks (files or folders) into one new roll-up workbook.
 *   cham-diem-cchc rollup <tệp hoặc thư mục…> [--recursive] [--criteria set.json]
 *     [--today YYYY-MM-DD] [--out tong-hop.xlsx] [--json]
 * Each file is read and scored on this thread or a worker thread (two threads on a
 * two-core machine, one workbook in memory per thread); a file that cannot be read is
 * listed with its reason and the others go on. Input files are only read.
 */
import { promises as fs, realpathSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { InvalidArgumentError, type Command } from "commander";
import cliProgress from "cli-progress";
import { toIso } from "../core/parse/dates";
import { todayOption } from "./options";
import {
  countEachUnitOnce,
  rollUp,
  rollupReport,
  type Rollup,
  type UnitFailure,
  type UnitOptions,
  type UnitResult,
} from "../core/rollup";
import type { CriteriaSet } from "../core/criteria/schema";
import { builtInCriteriaSets } from "../core/criteria-sets";
import { pathExists, resolveUserPath, shownPath, writeFileAtomic } from "./files";
import { CliError, loadCriteriaSet } from "./score-command";
import { NODE_COMPRESSOR } from "./node-zlib";
import { rollupWorkbookBytes as appRollupWorkbookBytes } from "../app/rollup-files";
import { MAX_SOON_DAYS } from "../app/options";
import { rollupFile, type FileOutcome, type WorkerReply, type WorkerSetup } from "./rollup-worker";

export interface RollupCommandOptions {
  recursive?: boolean;
  criteria?: string;
  today?: string;
  soonDays?: number;
  out?: string;
  json?: boolean;
  /** Threads that score, this one included (0 or 1: this one only). Default: cores, at most 2. */
  jobs?: number;
}

/**
 * Files of a folder that are not a unit's and are passed over without a word: Excel's
 * "~$name.xlsx" lock file (the workbook is open), hidden files (".DS_Store", our own
 * temporary ".tong-hop.xlsx.….tmp") and Windows' thumbnails. Every other file is read, so
 * a ward's .xls, .ods or PDF is listed with the same reason as when it is named alone.
 */
export function isPassedOver(name: string): boolean {
  return name.startsWith("~$") || name.startsWith(".") || /^(thumbs\.db|desktop\.ini)$/i.test(name);
}

/**
 * Natural order: "don-vi-2" before "don-vi-10". One collator for every comparison
 * (`localeCompare` with options builds one per call: 20 ms for a folder of 300).
 */
const byName = new Intl.Collator("vi", { numeric: true, sensitivity: "base" }).compare;

/**
 * The workbooks named: files as given, folders listed (their sub-folders only with
 * `recursive`). A path that does not exist is a failure, not a stop.
 */
export async function collectInputs(
  inputs: string[],
  recursive: boolean
): Promise<{ files: string[]; failures: UnitFailure[] }> {
  const files: string[] = [];
  const failures: UnitFailure[] = [];
  const walk = async (dir: string, depth: number) => {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => byName(a.name, b.name));
    for (const entry of entries) {
      const name = entry.name;
      const full = path.join(dir, name);
      if (entry.isDirectory()) {
        if (recursive) await walk(full, depth + 1);
      } else if (!isPassedOver(name)) {
        files.push(full);
      }
    }
  };
  for (const input of inputs) {
    let stats;
    try {
      stats = await fs.stat(input);
    } catch {
      failures.push({
        file: input,
        reason: "Không tìm thấy tệp hoặc thư mục này: kiểm tra đường dẫn.",
      });
      continue;
    }
    if (stats.isDirectory()) await walk(input, 0);
    else files.push(input);
  }
  // The same file named twice (a file and its folder) is scored once.
  const seen = new Set<string>();
  const unique = files.filter((f) => {
    const key = path.resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { files: unique, failures };
}

function workerFor(setup: WorkerSetup): Worker {
  const ext = path.extname(__filename);
  const file = path.join(__dirname, `rollup-worker${ext}`);
  // From the TypeScript sources (tsx, jest) the worker registers tsx first; the compiled
  // build (build/cli) loads plain JavaScript.
  if (ext === ".ts") {
    return new Worker(`require("tsx/cjs"); require(${JSON.stringify(file)});`, {
      eval: true,
      workerData: setup,
    });
  }
  return new Worker(file, { workerData: setup });
}

/**
 * Below this many files the roll-up scores in the calling thread. A worker pays for its
 * start (its modules, its own JIT warm-up), and two busy threads slow each other (V8's
 * background compiler and collector lose the free core): measured on two cores
 * (docs/performance.md), one thread was faster at 30 and 100 files, two at 300.
 */
export const MIN_FILES_FOR_WORKERS = 150;

/**
 * Default number of scoring threads: the machine's cores, at most two (one workbook each
 * in memory); this thread alone for a handful of files.
 *
 * @example defaultJobs(300) === 2 // on a two-core machine: this thread and one worker
 */
export function defaultJobs(files: number): number {
  if (files < MIN_FILES_FOR_WORKERS) return 1;
  return Math.max(1, Math.min(2, os.availableParallelism?.() ?? os.cpus().length));
}

/**
 * Scores every file on `jobs` threads: this one and `jobs − 1` worker threads (this thread
 * has the modules loaded already; a worker pays for its own start). Calls `onDone` as each
 * file finishes; outcomes come back in the order of `files`.
 */
export async function scoreFiles(
  files: string[],
  options: UnitOptions,
  jobs: number,
  onDone: () => void = () => undefined
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(files.length);
  let next = 0;
  const count = Math.max(0, Math.min(jobs - 1, files.length - 1));
  const workers = Array.from({ length: count }, () => workerFor({ rollupWorker: true, options }));
  const inWorkers = workers.map(
    (worker) =>
      new Promise<void>((resolve, reject) => {
        let pending = 0;
        const give = () => {
          if (next >= files.length) {
            if (pending === 0) resolve();
            return;
          }
          const id = next++;
          pending++;
          worker.postMessage({ id, file: files[id] });
        };
        worker.on("message", (reply: WorkerReply) => {
          outcomes[reply.id] = reply.outcome;
          pending--;
          onDone();
          give();
        });
        worker.on("error", reject);
        worker.on("exit", (code) => {
          if (code !== 0) reject(new Error(`worker exited with code ${code}`));
        });
        // Two files queued per worker: this thread answers only between its own files, and
        // a worker must not wait for that to get its next one.
        give();
        give();
      })
  );
  const inThisThread = async () => {
    while (next < files.length) {
      const id = next++;
      outcomes[id] = await rollupFile(files[id], options);
      onDone();
      // Lets the workers' answers in (each gets its next file) between two files.
      if (workers.length > 0) await new Promise((resolve) => setImmediate(resolve));
    }
  };
  try {
    await Promise.all([...inWorkers, inThisThread()]);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return outcomes;
}

/** The roll-up workbook as bytes (written whole by the package layer; Node's zlib deflates). */
export function rollupWorkbookBytes(rollup: Rollup): Uint8Array {
  return appRollupWorkbookBytes(rollup, NODE_COMPRESSOR);
}

function unitJson(unit: UnitResult) {
  return {
    name: unit.name,
    nameSource: unit.nameSource,
    file: unit.file,
    criteriaSet: unit.criteriaSet ? { id: unit.criteriaSet.id, name: unit.criteriaSet.name } : null,
    selfPoints: unit.selfPoints,
    points: unit.points,
    appraisedPoints: unit.appraisedPoints,
    maxPoints: unit.maxPoints,
    areas: unit.areas,
    criterionPoints: unit.criterionPoints,
    warnings: unit.warnings,
    overdue: unit.overdue,
  };
}

/** The roll-up for machines (--json). */
export function rollupJson(rollup: Rollup, output: string | null) {
  return {
    today: rollup.today,
    output,
    groups: rollup.groups.map((g) => ({
      index: g.index,
      criteriaSet: g.set ? { id: g.set.id, name: g.set.name } : null,
      units: g.units.length,
      difference: g.difference,
    })),
    ranking: rollup.ranking.map((r) => ({
      rank: r.rank,
      group: r.group,
      note: r.note,
      ...unitJson(r.unit),
    })),
    failures: rollup.failures,
    duplicates: rollup.duplicates,
  };
}

/** A file's last save, 0 when it cannot be asked (it was read a moment ago). */
function modifiedAt(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** Why nobody is ranked, and what to pass: said on the console, not only in a cell. */
export function noRankingHint(shared: CriteriaSet | null): string {
  if (shared)
    return `⚠ Chưa xếp hạng đơn vị nào: không tệp nào có bảng chấm theo bộ tiêu chí “${shared.name}”. Kiểm tra các tệp có bảng tự chấm điểm với mã tiêu chí của bộ này.`;
  return (
    "⚠ Chưa xếp hạng đơn vị nào: chưa chọn bộ tiêu chí, và không tệp nào có trang “Bộ tiêu chí” hay bảng tự đánh giá có điểm tối đa, nên chỉ tổng hợp cảnh báo và việc quá hạn. " +
    `Để xếp hạng, chạy lại với một bộ tiêu chí chung: --criteria <bộ-tiêu-chí.json>, hoặc mã bộ có sẵn: ${builtInCriteriaSets()
      .map((set) => set.id)
      .join(", ")} (ví dụ --criteria ${builtInCriteriaSets()[0].id}).`
  );
}

/** Numbered copies tried before asking for --out. */
const MAX_COPIES = 99;

/** The default roll-up file in the user's folder; an existing one is never replaced. */
async function defaultOut(today: string): Promise<string> {
  for (let copy = 1; copy <= MAX_COPIES; copy++) {
    const candidate = resolveUserPath(`tong-hop-cchc-${today}${copy > 1 ? ` (${copy})` : ""}.xlsx`);
    if (!(await pathExists(candidate))) return candidate;
  }
  throw new CliError("Đã có quá nhiều tệp tổng hợp cùng tên: chọn tên tệp bằng --out <tệp>.", 2);
}

/** The input that writing `out` would overwrite (through any path or link), if any. */
function inputAt(out: string, files: string[]): string | undefined {
  let real: string;
  try {
    real = realpathSync.native(out);
  } catch {
    // No file there yet (the usual case): writing it overwrites nothing.
    return undefined;
  }
  const resolvedOut = path.resolve(out);
  for (const file of files) {
    if (path.resolve(file) === resolvedOut) return file;
    try {
      // Synchronous: 2 ms for 300 inputs, against 40 ms through the thread pool one at a time.
      if (realpathSync.native(file) === real) return file;
    } catch {
      // An input that vanished meanwhile is not the output.
    }
  }
  return undefined;
}

export async function runRollup(
  inputs: string[],
  options: RollupCommandOptions,
  io: { out: (text: string) => void; err: (text: string) => void }
): Promise<void> {
  if (inputs.length === 0) {
    throw new CliError(
      'Thiếu tệp hoặc thư mục cần tổng hợp: cham-diem-cchc rollup <thư-mục-các-đơn-vị> [--out tong-hop.xlsx]. Xem "cham-diem-cchc rollup --help".',
      2
    );
  }
  const today = options.today ?? toIso(new Date());
  const out = options.out ? resolveUserPath(options.out) : await defaultOut(today);
  const shared: CriteriaSet | null = options.criteria
    ? await loadCriteriaSet(options.criteria)
    : null;
  const { files, failures: missing } = await collectInputs(
    inputs.map((input) => resolveUserPath(input)),
    options.recursive ?? false
  );
  if (inputAt(out, files) !== undefined) {
    throw new CliError(
      `Tệp tổng hợp (--out "${shownPath(out)}") trùng một tệp đầu vào: công cụ không bao giờ ghi vào tệp của đơn vị. Chọn tên khác.`,
      2
    );
  }
  if (files.length === 0) {
    throw new CliError(
      `Không có tệp .xlsx/.xlsm nào để tổng hợp trong: ${inputs.join(", ")}` +
        (options.recursive ? "." : " (thêm --recursive để tìm cả trong thư mục con).")
    );
  }
  const unitOptions: UnitOptions = { criteria: shared, today, soonDays: options.soonDays };
  const bar =
    process.stderr.isTTY && !options.json
      ? new cliProgress.SingleBar(
          {
            format: "Đang chấm {bar} {value}/{total} tệp · còn khoảng {eta}s",
            stream: process.stderr,
            hideCursor: true,
            clearOnComplete: true,
          },
          cliProgress.Presets.shades_classic
        )
      : null;
  bar?.start(files.length, 0);
  const jobs = options.jobs ?? defaultJobs(files.length);
  let outcomes: FileOutcome[];
  try {
    outcomes = await scoreFiles(files, unitOptions, jobs, () => bar?.increment());
  } finally {
    bar?.stop();
  }
  const scored: UnitResult[] = [];
  const modifiedMs: number[] = [];
  const failures: UnitFailure[] = missing.map((f) => ({ ...f, file: shownPath(f.file) }));
  for (const outcome of outcomes) {
    if (outcome.ok) {
      scored.push({ ...outcome.unit, file: shownPath(outcome.unit.file) });
      modifiedMs.push(modifiedAt(outcome.unit.file));
    } else failures.push({ ...outcome.failure, file: shownPath(outcome.failure.file) });
  }
  // One unit's two files (its scored copy, a re-sent copy) are counted once.
  const { kept, duplicates } = countEachUnitOnce(
    scored.map((unit, i) => ({
      file: unit.file,
      name: unit.name,
      nameSource: unit.nameSource,
      modifiedMs: modifiedMs[i],
    }))
  );
  const units = kept.map((i) => scored[i]);
  if (units.length === 0) {
    throw new CliError(
      `Không tổng hợp được tệp nào, chưa ghi tệp tổng hợp:\n${failures.map((f) => `  - ${f.file}: ${f.reason}`).join("\n")}`
    );
  }
  const rollup = rollUp(units, failures, today, duplicates);
  await writeFileAtomic(out, rollupWorkbookBytes(rollup));
  if (options.json) io.out(`${JSON.stringify(rollupJson(rollup, shownPath(out)), null, 2)}\n`);
  else {
    io.out(`${rollupReport(rollup, shownPath(out))}\n`);
    if (!rollup.ranking.some((r) => r.rank !== null)) io.out(`${noRankingHint(shared)}\n`);
  }
}

function wholeNumber(max: number, option: string) {
  return (value: string): number => {
    const n = Number(value.trim());
    if (value.trim() === "" || !Number.isInteger(n) || n < 0 || n > max)
      throw new InvalidArgumentError(`${option} "${value}" phải là số nguyên từ 0 đến ${max}.`);
    return n;
  };
}

/** Adds the rollup sub-command to the program (one line in main.ts). */
export function registerRollupCommand(
  program: Command,
  io: { out: (text: string) => void; err: (text: string) => void }
): void {
  program
    .command("rollup")
    .description(
      "Tổng hợp nhiều tệp của các đơn vị (phường, xã) thành một bảng xếp hạng trong tệp Excel mới"
    )
    // Optional for commander so that a missing one gets our own message, not the score command's.
    .argument("[tệp-hoặc-thư-mục...]", "các tệp .xlsx/.xlsm hoặc thư mục chứa chúng")
    .option("-r, --recursive", "tìm cả trong thư mục con")
    .option(
      "-c, --criteria <set.json>",
      "một bộ tiêu chí chung cho mọi tệp (mặc định: trang “Bộ tiêu chí” của từng tệp)"
    )
    .option(
      "--today <ngày>",
      "tính đến ngày, dạng 20/11/2025 hoặc 2025-11-20 (mặc định: hôm nay)",
      todayOption
    )
    .option(
      "--soon-days <số ngày>",
      "số ngày coi là sắp đến hạn (mặc định: 7)",
      wholeNumber(MAX_SOON_DAYS, "--soon-days")
    )
    .option("-o, --out <tong-hop.xlsx>", "tệp tổng hợp (mặc định: tong-hop-cchc-<ngày>.xlsx)")
    .option("--json", "chỉ in kết quả dạng JSON ra stdout")
    .option(
      "--jobs <số>",
      "số luồng cùng chấm, kể cả luồng chính (mặc định: số lõi, tối đa 2; 0 hoặc 1: chấm tuần tự)",
      wholeNumber(16, "--jobs")
    )
    .helpOption("-h, --help", "hiển thị hướng dẫn")
    .action(async (inputs: string[], options: RollupCommandOptions) => {
      await runRollup(inputs, options, io);
    });
}
