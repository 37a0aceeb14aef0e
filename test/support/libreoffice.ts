/**
 * LibreOffice Calc, headless: the outside spreadsheet program the tests use to write
 * corpus files, open our copies and evaluate our formulas. `.ci/run` installs it from
 * Debian; on a developer machine without it the tests that need it are skipped with a
 * message, but in CI (CI=true) its absence fails them.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describeNeeding } from "./required-program";

const CANDIDATES = [
  "/usr/bin/soffice",
  "/usr/bin/libreoffice",
  "/usr/lib/libreoffice/program/soffice",
];

/** Path of the soffice binary, or null. */
export function sofficePath(): string | null {
  return CANDIDATES.find((candidate) => existsSync(candidate)) ?? null;
}

/**
 * `describe` when LibreOffice is there; otherwise a skipped block with a note, or, in CI,
 * a failing test (CI must exercise the outside truth).
 */
export function describeWithLibreOffice(name: string, body: () => void): void {
  describeNeeding(
    {
      available: sofficePath() !== null,
      what: "LibreOffice (soffice)",
      install: "apt-get install libreoffice-calc-nogui",
    },
    name,
    body
  );
}

/**
 * Converts a file with LibreOffice headless (`--convert-to pdf|csv|xlsx|ods…`) into
 * `outDir` and returns the output path. Each call gets its own user profile so that
 * parallel test workers do not fight over one.
 *
 * @example convertWithLibreOffice("/tmp/a.xlsx", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "/tmp/out")
 */
export function convertWithLibreOffice(input: string, format: string, outDir: string): string {
  const soffice = sofficePath();
  if (!soffice) throw new Error("LibreOffice (soffice) not found");
  const profile = mkdtempSync(path.join(os.tmpdir(), "lo-profile-"));
  try {
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        format,
        "--outdir",
        outDir,
        input,
      ],
      { stdio: "pipe", timeout: 120_000 }
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const extension = format.split(":")[0];
  const output = path.join(outDir, `${path.parse(input).name}.${extension}`);
  if (!existsSync(output)) throw new Error(`LibreOffice did not write ${output}`);
  return output;
}
