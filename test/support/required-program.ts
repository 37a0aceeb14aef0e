/**
 * Tests that need an outside program (LibreOffice, Chromium): run when it is installed;
 * on a developer's machine without it, skipped with a note; in CI (CI=true, as .ci/run and
 * every CI service set it) a failing test that names what is missing, never a skip, so a
 * CI image without the program cannot pass while testing nothing against outside truth.
 */

/** True in CI: CI set to anything but "", "0" or "false". */
export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env.CI ?? "").trim().toLowerCase();
  return value !== "" && value !== "0" && value !== "false";
}

export type ProgramPlan = "run" | "fail" | "skip";

/** What to do with the tests that need a program. */
export function programPlan(available: boolean, env: NodeJS.ProcessEnv = process.env): ProgramPlan {
  if (available) return "run";
  return inCi(env) ? "fail" : "skip";
}

/**
 * `describe(name, body)` when the program is there; else a skipped block whose title says
 * how to install it, or in CI one failing test.
 */
export function describeNeeding(
  program: { available: boolean; what: string; install: string },
  name: string,
  body: () => void
): void {
  const plan = programPlan(program.available);
  if (plan === "run") describe(name, body);
  else if (plan === "fail")
    describe(name, () => {
      it(`needs ${program.what}, which .ci/run installs`, () => {
        throw new Error(`${program.what} not found in CI (CI=true): ${program.install}`);
      });
    });
  else describe.skip(`${name} (${program.what} not installed: ${program.install})`, body);
}
