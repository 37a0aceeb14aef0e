/**
 * The repository tests itself: everything a test reads is committed, and nothing points
 * outside it (a fresh clone has no ../shared). .ci/run proves the whole of it in CI by
 * running the suite in a fresh clone; this catches the usual slip earlier, on any machine:
 * a fixture added to the folder but not to git.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.join(__dirname, "..");
const git = (...args: string[]) =>
  execFileSync("git", args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

let isGitCheckout = true;
try {
  git("rev-parse", "--is-inside-work-tree");
} catch {
  // An unpacked npm tarball has no .git: nothing to compare with.
  isGitCheckout = false;
}

(isGitCheckout ? describe : describe.skip)("the repository holds what its tests read", () => {
  it("tracks every file under test/fixtures and samples (none untracked or ignored)", () => {
    const folders = ["test/fixtures", "samples"];
    const untracked = git("ls-files", "--others", "--exclude-standard", "--", ...folders);
    const ignored = git(
      "ls-files",
      "--others",
      "--ignored",
      "--exclude-standard",
      "--",
      ...folders
    );
    expect(`${untracked}${ignored}`.split("\n").filter(Boolean)).toEqual([]);
  });

  // In a string, where a path is read from; a comment may say where a fixture came from.
  it("has no test, script or benchmark that reads ../shared or another folder beside the checkout", () => {
    const sources = git("ls-files", "--", "test", "scripts", "bench", "jest.config.js")
      .split("\n")
      .filter((file) => /\.(ts|tsx|js|mjs|cjs)$/.test(file) && file !== "test/repository.test.ts");
    const outside = sources.filter((file) =>
      /["'`][^"'`\n]*\.\.[\\/]shared\b|["'`]\/work\//.test(
        readFileSync(path.join(ROOT, file), "utf8")
      )
    );
    expect(outside).toEqual([]);
  });
});
