/**
 * The command line's files: where a relative path points, reading an input (only a regular
 * file, size checked before reading, bounded read), choosing the output (never the input,
 * compared as real files; the default never replaces an existing file) and writing it
 * atomically (a temporary file beside the target, renamed over it).
 */
import { constants as fsConstants, promises as nodeFs, type Stats } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { CliError, readFailureMessage, writeFailureMessage } from "./messages";

/** Largest criteria set (JSON) read; the workbook's limit is the reader's (src/xlsx/limits.ts). */
export const MAX_CRITERIA_BYTES = 20 * 1024 * 1024;

/**
 * The folder relative paths are taken from: where the user typed the command. npm runs a
 * script in the package folder but keeps the caller's folder in INIT_CWD
 * (`npm --prefix <repo> run score -- phu-luc.xlsx` from the user's own folder).
 */
export function userBaseDir(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const init = env.INIT_CWD;
  return init && path.isAbsolute(init) ? init : cwd;
}

/** A path the user typed, made absolute from their folder. */
export function resolveUserPath(given: string, base = userBaseDir()): string {
  return path.resolve(base, given);
}

/** How a path is shown back: relative to the user's folder when inside it, else absolute. */
export function shownPath(absolute: string, base = userBaseDir()): string {
  const relative = path.relative(base, absolute);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : absolute;
}

/** What the reading functions need from `fs.promises`; tests pass a fake. */
export type ReadFs = Pick<typeof nodeFs, "stat" | "open">;

function describeNonFile(stats: Stats): string {
  if (stats.isDirectory()) return "là một thư mục";
  if (stats.isFIFO()) return "là một đường ống (FIFO)";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "là một thiết bị";
  if (stats.isSocket()) return "là một socket";
  return "không phải tệp thông thường";
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toLocaleString("vi-VN", { maximumFractionDigits: 1 });
}

export interface ReadInputOptions {
  /** Larger files are refused before reading. */
  maxBytes: number;
  /** What the file is, for messages: "tệp Excel", "tệp bộ tiêu chí". */
  kind: string;
  /** The whole message for a file over maxBytes; a generic one with tooLargeHint otherwise. */
  tooLargeMessage?: (bytes: number) => string;
  /** How to make a too-large file smaller. */
  tooLargeHint?: string;
  /** The whole message for a 0-byte file; a generic one otherwise. */
  emptyMessage?: string;
  /** Added to the message for a missing file. */
  notFoundHint?: string;
}

/** Whether anything (a file, folder, link) has this path. */
export async function pathExists(
  absolute: string,
  fs: Pick<ReadFs, "stat"> = nodeFs
): Promise<boolean> {
  try {
    await fs.stat(absolute);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads a regular file the user named, never more than `maxBytes`: a folder, a FIFO or a
 * device (`/dev/zero`) is refused from its stat, before it is opened, so nothing blocks or
 * grows without bound. The file is opened read-only: an input is never written.
 */
export async function readInputFile(
  absolute: string,
  options: ReadInputOptions,
  fs: ReadFs = nodeFs
): Promise<Buffer> {
  const shown = shownPath(absolute);
  let stats: Stats;
  try {
    stats = await fs.stat(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const hint = code === "ENOENT" && options.notFoundHint ? ` ${options.notFoundHint}` : "";
    throw new CliError(readFailureMessage(code, shown) + hint);
  }
  checkReadable(stats, shown, options);
  // O_NONBLOCK: if the path was swapped for a FIFO after the stat, open does not wait for a writer.
  const flags = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0);
  let handle: nodeFs.FileHandle;
  try {
    handle = await fs.open(absolute, flags);
  } catch (error) {
    throw new CliError(readFailureMessage((error as NodeJS.ErrnoException).code, shown));
  }
  try {
    const opened = await handle.stat();
    checkReadable(opened, shown, options);
    // One byte more than allowed tells a file that grew since the stat from one that did not.
    const buffer = Buffer.alloc(Math.min(opened.size, options.maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > options.maxBytes) throw tooLarge(length, shown, options);
    if (length > opened.size) {
      throw new CliError(
        `Tệp "${shown}" đang thay đổi trong lúc đọc (đang được lưu hoặc chép?): đợi xong rồi chạy lại.`
      );
    }
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(readFailureMessage((error as NodeJS.ErrnoException).code, shown));
  } finally {
    await handle.close();
  }
}

function checkReadable(stats: Stats, shown: string, options: ReadInputOptions): void {
  if (!stats.isFile()) {
    throw new CliError(
      `"${shown}" ${describeNonFile(stats)}, không phải ${options.kind}: hãy chỉ tới một tệp đã lưu trên máy.`
    );
  }
  if (stats.size > options.maxBytes) throw tooLarge(stats.size, shown, options);
  if (stats.size === 0) {
    throw new CliError(
      options.emptyMessage ??
        `Tệp "${shown}" rỗng (0 byte), không phải ${options.kind}: có thể tệp chưa lưu xong hoặc chép bị lỗi. Hãy mở tệp gốc và lưu lại.`
    );
  }
}

function tooLarge(size: number, shown: string, options: ReadInputOptions): CliError {
  return new CliError(
    options.tooLargeMessage?.(size) ??
      `Tệp "${shown}" nặng ${megabytes(size)} MB, quá giới hạn ${megabytes(options.maxBytes)} MB của ${options.kind}: ${options.tooLargeHint ?? "kiểm tra đúng tệp."}`
  );
}

/** What choosing and writing the output needs from `fs.promises`; tests pass a fake. */
export type WriteFs = Pick<typeof nodeFs, "stat" | "lstat" | "realpath" | "open" | "rename" | "rm">;

/**
 * The default output next to the input: `<name><suffix>.xlsx`, `.xlsm` kept for a
 * macro-enabled input (its macros travel with the copy).
 * @example defaultOutputPath("/d/phu-luc.xlsm", ".scored") === "/d/phu-luc.scored.xlsm"
 */
export function defaultOutputPath(input: string, suffix: string, copy = 1): string {
  const parsed = path.parse(input);
  const extension = parsed.ext.toLowerCase() === ".xlsm" ? ".xlsm" : ".xlsx";
  const numbered = copy > 1 ? ` (${copy})` : "";
  return path.join(parsed.dir, `${parsed.name}${suffix}${numbered}${extension}`);
}

export interface OutputChoice {
  /** The file to write: through a symbolic link, the file it points to. */
  path: string;
  /** Set when the default name was taken: the existing file that was left alone. */
  keptExisting?: string;
}

const MAX_NUMBERED_COPIES = 99;

async function statOrNull(fs: WriteFs, file: string): Promise<Stats | null> {
  try {
    return await fs.stat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new CliError(
      writeFailureMessage((error as NodeJS.ErrnoException).code, shownPath(file)),
      2
    );
  }
}

async function existsAsLink(fs: WriteFs, file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}

const sameFile = (a: Stats, b: Stats) => a.dev === b.dev && a.ino === b.ino;

/**
 * Where the output goes. The input is compared as a file (device and inode), not as a
 * string, so a symbolic link, `..`, another letter case or a hard link to the input is
 * refused. An explicit `--out` that exists is replaced (the user asked for it); the default
 * name never replaces anything: when taken (perhaps a scored copy the user edited since),
 * the next free `<name>.scored (2).xlsx` is used and reported.
 */
export async function chooseOutput(
  input: string,
  explicit: string | undefined,
  suffix: string,
  fs: WriteFs = nodeFs
): Promise<OutputChoice> {
  let inputStats: Stats;
  try {
    inputStats = await fs.stat(input);
  } catch (error) {
    throw new CliError(readFailureMessage((error as NodeJS.ErrnoException).code, shownPath(input)));
  }
  if (explicit !== undefined) {
    const target = await checkedTarget(explicit, inputStats, fs);
    checkExtension(input, explicit);
    return { path: target };
  }
  const first = defaultOutputPath(input, suffix);
  for (let copy = 1; copy <= MAX_NUMBERED_COPIES; copy++) {
    const candidate = defaultOutputPath(input, suffix, copy);
    // lstat: a dangling symbolic link also takes the name.
    if (await existsAsLink(fs, candidate)) continue;
    await checkFolder(candidate, fs);
    return copy === 1 ? { path: candidate } : { path: candidate, keptExisting: first };
  }
  throw new CliError(
    `Đã có "${shownPath(first)}" và ${MAX_NUMBERED_COPIES - 1} bản đánh số bên cạnh: chọn tên tệp kết quả bằng --out <tệp>.`,
    2
  );
}

/**
 * Excel opens a file by its extension and refuses one whose content disagrees: a copy of an
 * .xlsm (macros kept) must be .xlsm, a copy of an .xlsx must be .xlsx.
 */
function checkExtension(input: string, output: string): void {
  const wanted = path.extname(input).toLowerCase() === ".xlsm" ? ".xlsm" : ".xlsx";
  const given = path.extname(output).toLowerCase();
  if (given === wanted) return;
  const why =
    wanted === ".xlsm"
      ? "tệp gốc là .xlsm (có macro), bản sao giữ nguyên macro nên phải là .xlsm"
      : "bản sao là sổ làm việc .xlsx";
  throw new CliError(
    `Tệp kết quả "${shownPath(output)}" phải có đuôi ${wanted}: ${why}, nếu không Excel sẽ không mở được. Chọn --out <tên>${wanted}.`,
    2
  );
}

async function checkedTarget(target: string, inputStats: Stats, fs: WriteFs): Promise<string> {
  const shown = shownPath(target);
  const existing = await statOrNull(fs, target);
  if (!existing) {
    if (await existsAsLink(fs, target)) {
      throw new CliError(
        `"${shown}" là liên kết (symlink) tới một tệp không tồn tại: chọn --out khác.`,
        2
      );
    }
    await checkFolder(target, fs);
    return target;
  }
  if (sameFile(existing, inputStats)) {
    throw new CliError(
      `Tệp kết quả (--out "${shown}") là chính tệp đầu vào: công cụ luôn ghi ra một bản sao, không bao giờ ghi đè tệp gốc. Chọn --out khác.`,
      2
    );
  }
  if (existing.isDirectory()) throw new CliError(writeFailureMessage("EISDIR", shown), 2);
  if (!existing.isFile()) {
    throw new CliError(
      `"${shown}" ${describeNonFile(existing)}, không phải tệp: chọn --out là tên một tệp.`,
      2
    );
  }
  // Nobody may write it (no write bit at all): the user made it read-only on purpose.
  if ((existing.mode & 0o222) === 0) throw new CliError(writeFailureMessage("EACCES", shown));
  // Written through a symbolic link: the link stays, the file it points to is replaced.
  return fs.realpath(target);
}

async function checkFolder(target: string, fs: WriteFs): Promise<void> {
  const folder = path.dirname(target);
  let stats: Stats;
  try {
    stats = await fs.stat(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      writeFailureMessage(code === "ENOENT" ? "ENOENT" : code, shownPath(target)),
      2
    );
  }
  if (!stats.isDirectory())
    throw new CliError(writeFailureMessage("ENOTDIR", shownPath(target)), 2);
}

/**
 * Writes `bytes` to `target` so that it is either the whole new file or untouched: the bytes
 * go to a temporary file in the same folder (same disk, so the rename is atomic), flushed to
 * disk, then renamed over the target. On any failure the temporary file is removed and an
 * existing target keeps its old content. Errors become Vietnamese messages (exit 1).
 */
export async function writeFileAtomic(
  target: string,
  bytes: Uint8Array,
  fs: WriteFs = nodeFs
): Promise<void> {
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`
  );
  let created = false;
  try {
    const handle = await fs.open(temporary, "wx");
    created = true;
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, target);
  } catch (error) {
    if (created) await fs.rm(temporary, { force: true }).catch(() => undefined);
    throw new CliError(
      writeFailureMessage((error as NodeJS.ErrnoException).code, shownPath(target))
    );
  }
}
