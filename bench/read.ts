/**
 * Reading benchmark (issue 9 "Reading", issue 10 "Time and memory"): time and peak memory
 * of reading each case with our reader (src/xlsx/read-workbook) and, as the "before"
 * figure, the way the CLI read until now (ExcelJS load, then its used range into a grid). Every run is its own child
 * process so that peak memory (VmHWM from /proc) belongs to that run alone.
 *
 *   npx tsx bench/read.ts            all cases
 *   npx tsx bench/read.ts ours       only our reader
 *
 * Case files are built once into $TMPDIR/par-read-bench (the 400 MB zip takes a while).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { Zip, ZipDeflate, strToU8, zipSync } from "fflate";
import { isPackageError } from "../src/xlsx/package-error";
import { readWorkbook } from "../src/xlsx/read-workbook";
import {
  appendixRows,
  numberCell,
  textCell,
  workbookParts,
  sheetXml,
} from "../test/xlsx/workbook-bytes";
import { syntheticGrid } from "./synthetic-table";

const DIR = path.join(os.tmpdir(), "par-read-bench");
const BEFORE_TIMEOUT_MS = 60_000;
const AFTER_TIMEOUT_MS = 60_000;

type Reader = "ours" | "exceljs";

interface Case {
  id: string;
  title: string;
  build: (file: string) => Promise<void> | void;
}

async function excelJsTable(file: string, rows: number): Promise<void> {
  const grid = syntheticGrid(rows);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(grid.sheetName);
  for (const row of grid.values) sheet.addRow(row);
  await workbook.xlsx.writeFile(file);
}

/** A sheet streamed into a zip chunk by chunk (never one string): for the huge cases. */
function streamedSheetZip(file: string, rowsXml: (emit: (xml: string) => void) => void): void {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  const parts = workbookParts([{ name: "Phụ lục" }], { withSheetParts: false });
  // workbookParts without sheet parts leaves the override out; put it back.
  parts["[Content_Types].xml"] = strToU8(
    new TextDecoder()
      .decode(parts["[Content_Types].xml"])
      .replace(
        "</Types>",
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
      )
  );
  for (const [name, bytes] of Object.entries(parts)) {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(bytes, true);
  }
  const sheet = new ZipDeflate("xl/worksheets/sheet1.xml", { level: 6 });
  zip.add(sheet);
  const [head, tail] = sheetXml({ name: "Phụ lục", rows: "\u0000" }).split("\u0000");
  sheet.push(strToU8(head));
  let buffer = "";
  rowsXml((xml) => {
    buffer += xml;
    if (buffer.length > 1 << 20) {
      sheet.push(strToU8(buffer));
      buffer = "";
    }
  });
  sheet.push(strToU8(buffer + tail), true);
  zip.end();
  writeFileSync(file, Buffer.concat(chunks));
}

const CASES: Case[] = [
  {
    id: "table-10k",
    title: "10,000-row benchmark workbook (bench/synthetic-table.ts, written by ExcelJS)",
    build: (file) => excelJsTable(file, 10_000),
  },
  {
    id: "table-100k",
    title: "100,000-row appendix (legitimate, must read)",
    build: (file) => excelJsTable(file, 100_000),
  },
  {
    id: "stray-xfd1048576",
    title: "3 KB file, one stray empty styled cell at XFD1048576",
    build: (file) => {
      const styles = `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
      const rows = `${appendixRows(5)}<row r="1048576"><c r="XFD1048576" s="1"/></row>`;
      writeFileSync(file, zipSync(workbookParts([{ name: "Phụ lục", rows }], { styles })));
    },
  },
  {
    id: "lone-a1048576",
    title: "a table and one value at A1048576",
    build: (file) => {
      const rows = `${appendixRows(5)}<row r="1048576">${numberCell("A1048576", 1)}</row>`;
      writeFileSync(file, zipSync(workbookParts([{ name: "Phụ lục", rows }])));
    },
  },
  {
    id: "dense-1m-400mb",
    title: "zip of a dense 1,000,000-row sheet (8 columns, 240 MB of XML)",
    build: (file) =>
      streamedSheetZip(file, (emit) => {
        for (let r = 1; r <= 1_000_000; r++) {
          let row = `<row r="${r}">`;
          for (let c = 0; c < 8; c++)
            row += `<c r="${"ABCDEFGH"[c]}${r}"><v>${(r * 7 + c) % 1000}</v></c>`;
          emit(`${row}</row>`);
        }
      }),
  },
  {
    id: "narrow-1m",
    title: "1,000,000 rows of one number each (~40 MB sheet, under the part limit)",
    build: (file) =>
      streamedSheetZip(file, (emit) => {
        for (let r = 1; r <= 1_000_000; r++)
          emit(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
      }),
  },
  {
    id: "sheets-10k",
    title: "10,000 sheets",
    build: (file) => {
      const sheets = Array.from({ length: 10_000 }, (_, i) => ({
        name: `Trang ${i + 1}`,
        rows: `<row r="1">${textCell("A1", `Bảng ${i + 1}`)}</row>`,
      }));
      writeFileSync(file, zipSync(workbookParts(sheets)));
    },
  },
  {
    id: "long-text-20",
    title: "20 rows with a 32,767-digit text in 'Kết quả'",
    build: (file) => {
      const rows = Array.from(
        { length: 20 },
        (_, i) =>
          `<row r="${i + 2}">${numberCell(`A${i + 2}`, i + 1)}${textCell(`E${i + 2}`, "9".repeat(32_767))}</row>`
      ).join("");
      const header = `<row r="1">${textCell("A1", "STT")}${textCell("E1", "Kết quả")}</row>`;
      writeFileSync(file, zipSync(workbookParts([{ name: "Phụ lục", rows: header + rows }])));
    },
  },
];

/** In the child: read the file once and print what happened. */
async function child(reader: Reader, file: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(file));
  const start = performance.now();
  let outcome: string;
  try {
    if (reader === "ours") {
      const result = readWorkbook(bytes);
      const rows = result.sheets.reduce((n, s) => n + s.grid.values.length, 0);
      outcome = `read: ${result.sheets.length} sheet(s), ${rows} rows`;
    } else {
      // What the CLI did before (src/cli/xlsx.ts at 48b2727): ExcelJS load, then every
      // cell of rowCount × columnCount into a grid.
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      let rows = 0;
      workbook.eachSheet((sheet) => {
        const grid: unknown[][] = [];
        const rowCount = sheet.rowCount;
        const columnCount = sheet.columnCount;
        for (let r = 1; r <= rowCount; r++) {
          const row = sheet.getRow(r);
          const values: unknown[] = [];
          // ExcelJS, not Office.js: the add-in rule about load() does not apply.
          // eslint-disable-next-line office-addins/load-object-before-read
          for (let c = 1; c <= columnCount; c++) values.push(row.getCell(c).value);
          grid.push(values);
        }
        rows += grid.length;
      });
      outcome = `read: ${workbook.worksheets.length} sheet(s), ${rows} rows`;
    }
  } catch (error) {
    outcome = isPackageError(error)
      ? `refused: ${error.message}`
      : `crashed: ${error instanceof Error ? error.message : String(error)}`;
  }
  const ms = performance.now() - start;
  process.stdout.write(`${JSON.stringify({ ms, outcome })}\n`);
}

/** Peak resident memory of a process so far, in MB (VmHWM), or 0 when it is gone. */
function peakMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

interface Run {
  ms: number | null;
  peakMb: number;
  outcome: string;
}

function runChild(reader: Reader, file: string): Promise<Run> {
  return new Promise((resolve) => {
    // One node process (tsx as a loader, not its CLI, which would run a second process).
    const proc = spawn(
      process.execPath,
      [
        reader === "exceljs" ? "--max-old-space-size=4096" : "--max-old-space-size=2048",
        "--import",
        "tsx",
        __filename,
        "--child",
        reader,
        file,
      ],
      { stdio: ["ignore", "pipe", "pipe"] }
    );
    let peak = 0;
    let out = "";
    let err = "";
    const poll = setInterval(() => (peak = Math.max(peak, peakMb(proc.pid!))), 50);
    const limit = reader === "exceljs" ? BEFORE_TIMEOUT_MS : AFTER_TIMEOUT_MS;
    const timer = setTimeout(() => proc.kill("SIGKILL"), limit);
    proc.stdout.on("data", (d) => (out += d));
    proc.stderr.on("data", (d) => (err += d));
    proc.on("exit", (code, signal) => {
      clearInterval(poll);
      clearTimeout(timer);
      const line = out.trim().split("\n").pop() ?? "";
      try {
        const parsed = JSON.parse(line) as { ms: number; outcome: string };
        resolve({ ms: parsed.ms, peakMb: peak, outcome: parsed.outcome });
      } catch {
        const why =
          signal === "SIGKILL"
            ? `stopped after ${limit / 1000} s`
            : /heap out of memory/i.test(err)
              ? "V8 heap out of memory"
              : `exit ${code}`;
        resolve({ ms: null, peakMb: peak, outcome: why });
      }
    });
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === "--child") return child(args[1] as Reader, args[2]);
  const readers: Reader[] = args.includes("ours") ? ["ours"] : ["exceljs", "ours"];
  const only = args.filter((a) => a !== "ours" && a !== "exceljs");
  mkdirSync(DIR, { recursive: true });
  const say = (line = "") => process.stdout.write(`${line}\n`);
  say(
    `## Reading: time and peak memory per case (one child process per run; ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)})`
  );
  say();
  say("| case | file | reader | read ms | peak RSS MB | outcome |");
  say("|---|---:|---|---:|---:|---|");
  for (const c of CASES) {
    if (only.length > 0 && !only.includes(c.id)) continue;
    const file = path.join(DIR, `${c.id}.xlsx`);
    if (!existsSync(file)) await c.build(file);
    const size = readFileSync(file).length;
    for (const reader of readers) {
      // Three runs of our reader on the tables (median); one of everything else.
      const repeats = reader === "ours" && c.id.startsWith("table-") ? 3 : 1;
      const runs: Run[] = [];
      for (let i = 0; i < repeats; i++) runs.push(await runChild(reader, file));
      runs.sort((a, b) => (a.ms ?? Infinity) - (b.ms ?? Infinity));
      const run = runs[Math.floor(runs.length / 2)];
      const outcome = run.outcome.length > 110 ? `${run.outcome.slice(0, 107)}…` : run.outcome;
      say(
        `| ${c.title} | ${(size / 1024).toFixed(0)} KB | ${reader === "ours" ? "ours (after)" : "ExcelJS + grid (before)"} | ${run.ms === null ? "—" : run.ms.toFixed(0)} | ${run.peakMb.toFixed(0)} | ${outcome.replace(/\|/g, "\\|")} |`
      );
    }
  }
}

void main();
