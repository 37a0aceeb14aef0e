/**
 * The scoring page (src/web) in headless Chromium (Debian's, playwright-core), opened from
 * file://, against the command line on the same files (issue 20):
 *   npx tsx bench/page.ts [--rounds 3] [--wards 300]
 * - one workbook: from setting the file input to the download button being there (the
 *   scored copy is in the page's memory), for the sample and the 10,000-row benchmark
 *   workbook; the CLI: the compiled command (build/cli/bin/main.js) as a fresh process,
 *   Node's start-up included, as a user runs it;
 * - a roll-up of 300 ward workbooks: setting the folder input to "Tải bảng xếp hạng"
 *   against `rollup <folder>` (the CLI uses its worker threads, the page one Web Worker);
 * - the page's JavaScript (dist/web/web.js, the worker's bundle inlined), gzip -9.
 * The page and the CLI take turns, round after round; each figure is a median. The copy the
 * page downloads is checked against the CLI's (byte for byte) once per file.
 * Goals: page ≤ 1.5 × CLI, 300 wards < 10 s, gzip < 400 KB. Prints Markdown.
 */
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  promises as fs,
  readFileSync,
  readdirSync,
  statSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "playwright-core";
import { generateRollupFolder } from "../test/fixtures/rollup/generate";
import { buildPreview } from "../test/support/browser";
import { benchmarkWorkbook } from "./cli-write";

const ROOT = path.join(__dirname, "..");
const CLI = path.join(ROOT, "build", "cli", "bin", "main.js");
const WEB_BUILD = path.join(ROOT, "build", "bench-web");
const SAMPLE = path.join(ROOT, "samples", "phu-luc-par-index-2025.xlsx");
const TODAY = "2025-11-20";
const TASKS = 290; // as bench/rollup.ts: ~300 rows per ward
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROUNDS = arg("--rounds", 3);
const WARDS = arg("--wards", 300);

const say = (line = "") => process.stdout.write(`${line}\n`);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Newest modification time of the files under `folder`. */
function newest(folder: string): number {
  return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: "utf8" }).reduce(
    (max, file) => Math.max(max, statSync(path.join(ROOT, folder, file)).mtimeMs),
    0
  );
}

/** The page and the compiled CLI, rebuilt when a source they are built from is newer. */
function ensureBuilds(): void {
  const sources = Math.max(...["src/app", "src/core", "src/xlsx"].map(newest));
  const page = path.join(WEB_BUILD, "web", "index.html");
  if (
    !existsSync(page) ||
    statSync(page).mtimeMs < Math.max(sources, newest("src/web"), newest("src/taskpane"))
  ) {
    say("(building the page: webpack --mode production --env preview)");
    buildPreview(WEB_BUILD, { stdio: ["ignore", "ignore", "inherit"] });
  }
  if (!existsSync(CLI) || statSync(CLI).mtimeMs < Math.max(sources, newest("src/cli"))) {
    say("(compiling the CLI: npm run build:cli)");
    execFileSync("npm", ["run", "-s", "build:cli"], { cwd: ROOT, stdio: "inherit" });
  }
}

/** Wall milliseconds of the compiled CLI as a fresh process. */
function cliMs(args: string[]): number {
  const start = performance.now();
  execFileSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    stdio: "pipe",
    maxBuffer: 256 * 1024 * 1024,
  });
  return performance.now() - start;
}

/** Milliseconds from setting `input` to `button` being there; the page is reloaded first. */
async function pageMs(
  page: Page,
  input: string,
  files: string | string[],
  button: RegExp,
  criteria = ""
): Promise<number> {
  await page.reload();
  await page.getByLabel("Tính đến ngày").fill(TODAY);
  await page.getByLabel("Bộ tiêu chí", { exact: true }).selectOption(criteria);
  const start = performance.now();
  await page.locator(input).setInputFiles(files);
  await page.getByRole("button", { name: button }).waitFor({ timeout: 300_000 });
  return performance.now() - start;
}

async function downloaded(page: Page, button: RegExp): Promise<Buffer> {
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: button }).click();
  return readFileSync((await (await download).path())!);
}

/** The roll-up folder of bench/rollup.ts (kept in the temp folder between runs). */
async function wardFolder(size: number): Promise<string> {
  const dir = path.join(os.tmpdir(), `rollup-bench-${size}x${TASKS}`);
  if (!existsSync(path.join(dir, ".done"))) {
    await fs.rm(dir, { recursive: true, force: true });
    await generateRollupFolder(dir, size, { assessment: false, tasks: TASKS });
    for (const broken of ["hong-khong-phai-xlsx.xlsx", "hong-cat-ngan.xlsx"])
      await fs.rm(path.join(dir, broken));
    await fs.writeFile(path.join(dir, ".done"), "");
  }
  return dir;
}

async function main(): Promise<void> {
  ensureBuilds();
  const work = mkdtempSync(path.join(os.tmpdir(), "page-bench-"));
  const tenThousand = path.join(work, "bang-10000-dong.xlsx");
  await benchmarkWorkbook(10_000, tenThousand);
  const wards = await wardFolder(WARDS);
  const wardFiles = readdirSync(wards)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => path.join(wards, f));
  const loadBefore = load();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
    ],
  });
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(pathToFileURL(path.join(WEB_BUILD, "web", "index.html")).href);

  say(
    `On ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, shared with other work; load average (1 / 5 / 15 min) ${loadBefore} at the start.`
  );
  say();
  say(
    `| input | page: input → download ready, ms | CLI, fresh process, ms | page ÷ CLI (median of ${ROUNDS} rounds' ratios) | same bytes |`
  );
  say("|---|---:|---:|---:|---|");
  const cases = [
    { label: "the sample (samples/phu-luc-par-index-2025.xlsx)", file: SAMPLE, criteria: "" },
    {
      label: "10,000-row benchmark workbook (bench/synthetic-table.ts)",
      file: tenThousand,
      criteria: "xa-2025-dien-ban",
    },
  ];
  const figures: Record<string, { page: number; cli: number; ratio: number }> = {};
  for (const c of cases) {
    const out = path.join(work, `${path.basename(c.file)}.cli.xlsx`);
    const cliArgs = [
      c.file,
      "--today",
      TODAY,
      ...(c.criteria ? ["--criteria", c.criteria] : []),
      "--out",
      out,
    ];
    // Warm-up, and the check that both write the same copy.
    await pageMs(page, "#chon-tep", c.file, /Tải bản đã chấm/, c.criteria);
    cliMs(cliArgs);
    const same = (await downloaded(page, /Tải bản đã chấm/)).equals(readFileSync(out));
    const pages: number[] = [];
    const clis: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      pages.push(await pageMs(page, "#chon-tep", c.file, /Tải bản đã chấm/, c.criteria));
      clis.push(cliMs(cliArgs));
    }
    const ratio = median(pages.map((p, i) => p / clis[i]));
    figures[c.label] = { page: median(pages), cli: median(clis), ratio };
    say(
      `| ${c.label} | ${median(pages).toFixed(0)} | ${median(clis).toFixed(0)} | ${ratio.toFixed(2)} | ${same ? "yes" : "NO"} |`
    );
  }

  // The roll-up: the page's one worker against the CLI as run (its worker threads).
  const rollupOut = path.join(work, "tong-hop.xlsx");
  const rollupArgs = ["rollup", wards, "--today", TODAY, "--out", rollupOut];
  const pages: number[] = [];
  const clis: number[] = [];
  const rollupRounds = Math.max(1, ROUNDS - 1);
  for (let round = 0; round < rollupRounds; round++) {
    pages.push(await pageMs(page, "#chon-thu-muc", wards, /Tải bảng xếp hạng/));
    clis.push(cliMs(rollupArgs));
  }
  const ranked = await page.getByRole("list", { name: "Xếp hạng" }).getByRole("listitem").count();
  const rollupRatio = median(pages.map((p, i) => p / clis[i]));
  say(
    `| roll-up of ${wardFiles.length} ward workbooks (~${TASKS + 12} rows each; ${ranked} ranked in the page) | ${median(pages).toFixed(0)} | ${median(clis).toFixed(0)} | ${rollupRatio.toFixed(2)} (median of ${rollupRounds}) | — |`
  );
  await browser.close();

  const js = readFileSync(path.join(WEB_BUILD, "web", "web.js"));
  const gzip = gzipSync(js, { level: 9 }).length;
  say();
  say(
    `The page's JavaScript (web/web.js, the worker's bundle inlined): ${js.length.toLocaleString("en")} bytes, ${gzip.toLocaleString("en")} bytes gzip -9 (${(gzip / 1024).toFixed(0)} KB).`
  );
  say();
  const worst = Math.max(...Object.values(figures).map((f) => f.ratio));
  say(
    `Goals: page ≤ 1.5 × CLI: ${worst <= 1.5 ? "met" : "NOT met"} (worst ${worst.toFixed(2)}×); ${WARDS} wards < 10 s in the page: ${median(pages) < 10_000 ? "met" : "NOT met"} (${(median(pages) / 1000).toFixed(1)} s); gzip < 400 KB: ${gzip < 400 * 1024 ? "met" : "NOT met"}. Load average at the end: ${load()}.`
  );
  await fs.rm(work, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
  );
  process.exit(1);
});
