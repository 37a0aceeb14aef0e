/**
 * Makes something once per test run even when jest runs several test files in parallel
 * workers: the first worker builds under a lock (a folder, created atomically), the others
 * wait for its stamp. Waiting is bounded and a lock left by a process that died is taken
 * over, so a test run can fail but never hang (a clean clone once spun here for an hour:
 * the lock's parent folder did not exist yet, and every attempt was taken for "locked").
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface BuildOnceOptions {
  /** The folder the build fills; its stamp file says which run built it. */
  target: string;
  /** Names this test run (jest's parent process id, shared by its workers). */
  runId: string;
  /** Fills `target` (which exists and is empty when it is called). */
  build: (target: string) => void;
  /** How long to wait for another worker's build before failing. */
  waitMs?: number;
  pollMs?: number;
}

const STAMP_NAME = ".built-by";
const OWNER_NAME = "owner";

export async function buildOnce(options: BuildOnceOptions): Promise<string> {
  const { target, runId, build, waitMs = 15 * 60_000, pollMs = 500 } = options;
  const lock = `${target}.lock`;
  const stamp = path.join(target, STAMP_NAME);
  const built = () => readText(stamp) === runId;
  mkdirSync(path.dirname(target), { recursive: true });
  const deadline = Date.now() + waitMs;
  while (!built()) {
    if (!takeLock(lock)) {
      if (Date.now() > deadline) {
        throw new Error(
          `Chờ quá ${Math.round(waitMs / 1000)} s mà bản dựng ${target} chưa xong (khoá ${lock}).`
        );
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
      continue;
    }
    try {
      if (!built()) {
        rmSync(target, { recursive: true, force: true });
        mkdirSync(target, { recursive: true });
        build(target);
        writeFileSync(stamp, runId);
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return target;
}

/** True when this process now holds the lock; a lock whose owner has died is removed. */
function takeLock(lock: string): boolean {
  try {
    mkdirSync(lock);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const owner = Number(readText(path.join(lock, OWNER_NAME)));
    // An owner that has not written its id yet is alive by definition (it just made the lock).
    if (Number.isInteger(owner) && owner > 0 && !isAlive(owner)) {
      rmSync(lock, { recursive: true, force: true });
    }
    return false;
  }
  writeFileSync(path.join(lock, OWNER_NAME), String(process.pid));
  return true;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}
