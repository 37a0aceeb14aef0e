/**
 * Builds the test corpus in test/fixtures/corpus (npm run corpus): workbooks written by
 * LibreOffice Calc itself, plus a few hand-built ones shaped like small generators' output.
 * The committed files are what the tests read; this script is how they were made.
 *
 * 1. Starts a headless soffice (private profile, a named pipe) and runs
 *    scripts/corpus/build_corpus.py with the system python3 and python3-uno (Debian
 *    package): each workbook is built through LibreOffice's API and saved by LibreOffice's
 *    own xlsx export. (python3-uno is needed only to regenerate the corpus, not in CI.)
 * 2. Two additions LibreOffice cannot make headless, made to its output and said here:
 *    - frozen panes: without a window LibreOffice writes no <pane>; one <pane> element is
 *      inserted into the first sheet view of lo-print-frozen.xlsx and lo-everything.xlsx;
 *    - macros: LibreOffice writes no vbaProject.bin for a new document, even with the VBA
 *      filter; lo-macro.xlsm gets a small placeholder xl/vbaProject.bin (an OLE2 header, not a
 *      working VBA project) with its relationship and content type, so that the part and the
 *      .xlsm content type can be proven to travel byte for byte.
 *    The zip container of those two files is rewritten by fflate; every other part's bytes
 *    are LibreOffice's.
 * 3. Hand-built files (scripts/corpus/hand-built.ts).
 */
import { execFileSync, spawn } from "node:child_process";
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  copyFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { sofficePath } from "../test/support/libreoffice";
import { minimalNoRefs, openpyxlComments, prefixedNamespace } from "./corpus/hand-built";

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "test/fixtures/corpus");
const IMAGE = path.join(ROOT, "assets/icon-32.png");
const PYTHON = "/usr/bin/python3"; // the system python, where Debian's python3-uno lives

function buildWithLibreOffice(outDir: string): void {
  const soffice = sofficePath();
  if (!soffice)
    throw new Error("LibreOffice (soffice) not found: apt-get install libreoffice-calc-nogui");
  const profile = mkdtempSync(path.join(os.tmpdir(), "lo-corpus-profile-"));
  const pipe = `corpus${process.pid}`;
  const office = spawn(
    soffice,
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--invisible",
      "--norestore",
      "--nologo",
      `--accept=pipe,name=${pipe};urp;StarOffice.ComponentContext`,
    ],
    { stdio: "ignore" }
  );
  try {
    execFileSync(PYTHON, [path.join(__dirname, "corpus/build_corpus.py"), pipe, outDir, IMAGE], {
      stdio: "inherit",
      timeout: 600_000,
    });
  } finally {
    office.kill();
    rmSync(profile, { recursive: true, force: true });
  }
}

function rewriteZip(file: string, change: (parts: Record<string, Uint8Array>) => void): void {
  const parts = unzipSync(new Uint8Array(readFileSync(file)));
  change(parts);
  writeFileSync(file, zipSync(parts, { level: 6 }));
}

/** Freezes the first sheet's panes at `cell` (columns left of it and rows above it). */
function addFrozenPane(file: string, columns: number, rows: number, topLeft: string): void {
  rewriteZip(file, (parts) => {
    const name = "xl/worksheets/sheet1.xml";
    const xml = strFromU8(parts[name]);
    const pane = `<pane xSplit="${columns}" ySplit="${rows}" topLeftCell="${topLeft}" activePane="bottomRight" state="frozen"/>`;
    const changed = xml.replace(/(<sheetView\b[^>]*>)/, `$1${pane}`);
    if (changed === xml) throw new Error(`no <sheetView> in ${file}`);
    parts[name] = strToU8(changed);
  });
}

/** Adds a placeholder vbaProject.bin (see the header comment) to a LibreOffice .xlsm. */
function addVbaProject(file: string): void {
  rewriteZip(file, (parts) => {
    const bin = new Uint8Array(1536);
    bin.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bin.set(strToU8("PAR INDEX corpus: placeholder VBA project"), 512);
    parts["xl/vbaProject.bin"] = bin;
    const rels = "xl/_rels/workbook.xml.rels";
    parts[rels] = strToU8(
      strFromU8(parts[rels]).replace(
        "</Relationships>",
        '<Relationship Id="rIdVba1" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'
      )
    );
    const types = "[Content_Types].xml";
    parts[types] = strToU8(
      strFromU8(parts[types]).replace(
        "<Override ",
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Override '
      )
    );
  });
}

function main(): void {
  const temp = mkdtempSync(path.join(os.tmpdir(), "corpus-"));
  try {
    buildWithLibreOffice(temp);
    addFrozenPane(path.join(temp, "lo-print-frozen.xlsx"), 2, 6, "C7");
    addFrozenPane(path.join(temp, "lo-everything.xlsx"), 0, 6, "A7");
    addVbaProject(path.join(temp, "lo-macro.xlsm"));
    for (const file of readdirSync(temp)) copyFileSync(path.join(temp, file), path.join(OUT, file));
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  writeFileSync(path.join(OUT, "min-no-refs-inline.xlsx"), minimalNoRefs());
  writeFileSync(path.join(OUT, "min-x-prefix.xlsx"), prefixedNamespace());
  writeFileSync(path.join(OUT, "openpyxl-comments.xlsx"), openpyxlComments());
  for (const file of readdirSync(OUT)
    .filter((f) => /\.xls[xm]$/.test(f))
    .sort()) {
    const size = readFileSync(path.join(OUT, file)).length;
    process.stdout.write(`${file}\t${(size / 1024).toFixed(1)} KB\n`);
  }
}

main();
