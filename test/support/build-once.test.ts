import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { buildOnce } from "./build-once";

describe("buildOnce (one build per test run, shared by jest's workers)", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), "build-once-"));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("builds when the folder that holds the build does not exist yet (a clean clone)", async () => {
    const target = path.join(root, "not-yet", "dist");
    let builds = 0;
    await buildOnce({
      target,
      runId: "run-1",
      waitMs: 2000,
      pollMs: 10,
      build: (dir) => {
        builds += 1;
        writeFileSync(path.join(dir, "out.js"), "ok");
      },
    });
    expect(builds).toBe(1);
    expect(readFileSync(path.join(target, "out.js"), "utf8")).toBe("ok");
    expect(existsSync(`${target}.lock`)).toBe(false);
  });

  it("builds once for concurrent callers of one run, and again for the next run", async () => {
    const target = path.join(root, "dist");
    let builds = 0;
    const build = () => {
      builds += 1;
    };
    await Promise.all([
      buildOnce({ target, runId: "a", build, pollMs: 10 }),
      buildOnce({ target, runId: "a", build, pollMs: 10 }),
    ]);
    expect(builds).toBe(1);
    await buildOnce({ target, runId: "b", build, pollMs: 10 });
    expect(builds).toBe(2);
  });

  it("takes over a lock left by a process that has died", async () => {
    const target = path.join(root, "dist");
    const dead = spawnSync(process.execPath, ["-e", "process.exit(0)"]).pid!;
    mkdirSync(`${target}.lock`, { recursive: true });
    writeFileSync(path.join(`${target}.lock`, "owner"), String(dead));
    let builds = 0;
    await buildOnce({ target, runId: "r", waitMs: 2000, pollMs: 10, build: () => (builds += 1) });
    expect(builds).toBe(1);
  });

  it("fails with a message, instead of waiting for ever, while a live process holds the lock", async () => {
    const target = path.join(root, "dist");
    mkdirSync(`${target}.lock`, { recursive: true });
    writeFileSync(path.join(`${target}.lock`, "owner"), String(process.pid));
    await expect(
      buildOnce({ target, runId: "r", waitMs: 100, pollMs: 10, build: () => undefined })
    ).rejects.toThrow(/Chờ quá .* chưa xong/);
  });

  it("passes on a build's failure and frees the lock", async () => {
    const target = path.join(root, "dist");
    await expect(
      buildOnce({
        target,
        runId: "r",
        build: () => {
          throw new Error("webpack failed");
        },
      })
    ).rejects.toThrow("webpack failed");
    expect(existsSync(`${target}.lock`)).toBe(false);
  });
});
