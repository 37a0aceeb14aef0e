/**
 * The CLI's files (src/cli/files.ts): relative paths from the user's folder, only regular
 * input files within a size, the output compared with the input as a file, the default name
 * never replacing anything, and an atomic write that leaves the old file whole on failure.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  promises as nodeFs,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  chooseOutput,
  defaultOutputPath,
  readInputFile,
  resolveUserPath,
  shownPath,
  userBaseDir,
  writeFileAtomic,
  type WriteFs,
} from "../../src/cli/files";
import { CliError, unexpectedErrorMessage } from "../../src/cli/messages";

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

function fsError(code: string): NodeJS.ErrnoException {
  const error = new Error(`${code}: simulated`) as NodeJS.ErrnoException;
  error.code = code;
  return error;
}

/** The CliError a promise rejects with (fails the test when it resolves). */
async function refusal(promise: Promise<unknown>): Promise<CliError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(CliError);
  return error as CliError;
}

const OPTIONS = { maxBytes: 1000, kind: "tệp Excel" };

describe("paths from the user's folder", () => {
  it("takes INIT_CWD (npm's caller folder) over the process folder", () => {
    expect(userBaseDir({ INIT_CWD: "/home/xa" }, "/repo")).toBe("/home/xa");
    expect(userBaseDir({}, "/repo")).toBe("/repo");
    expect(userBaseDir({ INIT_CWD: "relative" }, "/repo")).toBe("/repo");
    expect(resolveUserPath("phu-luc.xlsx", "/home/xa")).toBe("/home/xa/phu-luc.xlsx");
    expect(resolveUserPath("/tmp/a.xlsx", "/home/xa")).toBe("/tmp/a.xlsx");
  });

  it("shows a path relative to the user's folder when inside it, else absolute", () => {
    expect(shownPath("/home/xa/ket-qua/a.xlsx", "/home/xa")).toBe(path.join("ket-qua", "a.xlsx"));
    expect(shownPath("/tmp/a.xlsx", "/home/xa")).toBe("/tmp/a.xlsx");
  });

  it("names the default output .xlsm for a macro-enabled input, numbered when asked", () => {
    expect(defaultOutputPath("/d/phu-luc.xlsx", ".scored")).toBe("/d/phu-luc.scored.xlsx");
    expect(defaultOutputPath("/d/phu-luc.XLSM", ".scored")).toBe("/d/phu-luc.scored.xlsm");
    expect(defaultOutputPath("/d/phu-luc.xlsx", ".scored", 2)).toBe("/d/phu-luc.scored (2).xlsx");
  });
});

describe("readInputFile", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "par-files-in-"));

  it("reads a regular file's bytes exactly and leaves it unchanged", async () => {
    const file = path.join(dir, "a.bin");
    writeFileSync(file, Buffer.from([1, 2, 3, 250]));
    const before = sha256(file);
    const bytes = await readInputFile(file, OPTIONS);
    expect([...bytes]).toEqual([1, 2, 3, 250]);
    expect(sha256(file)).toBe(before);
  });

  it("refuses a folder before reading it", async () => {
    const error = await refusal(readInputFile(dir, OPTIONS));
    expect(error.message).toContain("là một thư mục, không phải tệp Excel");
    expect(error.exitCode).toBe(1);
  });

  it("refuses a FIFO at once instead of waiting for a writer", async () => {
    const fifo = path.join(dir, "pipe.xlsx");
    execFileSync("mkfifo", [fifo]);
    const error = await refusal(readInputFile(fifo, OPTIONS));
    expect(error.message).toContain("là một đường ống (FIFO)");
  });

  it("refuses /dev/zero at once instead of reading without end", async () => {
    const error = await refusal(readInputFile("/dev/zero", OPTIONS));
    expect(error.message).toBe(
      `"/dev/zero" là một thiết bị, không phải tệp Excel: hãy chỉ tới một tệp đã lưu trên máy.`
    );
  });

  it("refuses a 0-byte file with the given message", async () => {
    const empty = path.join(dir, "rong.xlsx");
    writeFileSync(empty, "");
    const error = await refusal(readInputFile(empty, { ...OPTIONS, emptyMessage: "rỗng!" }));
    expect(error.message).toBe("rỗng!");
    const generic = await refusal(readInputFile(empty, OPTIONS));
    expect(generic.message).toContain("rỗng (0 byte)");
  });

  it("refuses a file over the limit from its size, before reading", async () => {
    const big = path.join(dir, "lon.xlsx");
    writeFileSync(big, Buffer.alloc(1001));
    const opened: string[] = [];
    const spy = {
      stat: nodeFs.stat,
      open: (async (...args: Parameters<typeof nodeFs.open>) => {
        opened.push(String(args[0]));
        return nodeFs.open(...args);
      }) as typeof nodeFs.open,
    };
    const error = await refusal(
      readInputFile(big, { ...OPTIONS, tooLargeMessage: (n) => `quá lớn ${n}` }, spy)
    );
    expect(error.message).toBe("quá lớn 1001");
    expect(opened).toEqual([]);
  });

  it("refuses a file that grows after its size was checked, reading no more than size + 1", async () => {
    const growing = path.join(dir, "dang-ghi.xlsx");
    writeFileSync(growing, Buffer.alloc(10));
    const lying = {
      // The path's stat says 10 bytes; by the time it is open the file holds 5,000.
      stat: nodeFs.stat,
      open: (async (...args: Parameters<typeof nodeFs.open>) => {
        writeFileSync(growing, Buffer.alloc(5000));
        const handle = await nodeFs.open(...args);
        const realStat = handle.stat.bind(handle);
        return Object.assign(handle, {
          stat: async () => Object.assign(await realStat(), { size: 10 }),
        });
      }) as typeof nodeFs.open,
    };
    const error = await refusal(readInputFile(growing, OPTIONS, lying));
    expect(error.message).toContain("đang thay đổi trong lúc đọc");
  });

  it("says the file is missing, with a hint", async () => {
    const error = await refusal(
      readInputFile(path.join(dir, "khong-co.json"), { ...OPTIONS, notFoundHint: "Gợi ý." })
    );
    expect(error.message).toMatch(
      /^Không tìm thấy tệp ".*khong-co\.json": kiểm tra tên tệp và thư mục\. Gợi ý\.$/
    );
  });
});

describe("chooseOutput", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "par-files-out-"));
  const input = path.join(dir, "phu-luc.xlsx");
  writeFileSync(input, "gốc");

  it("refuses --out that is the input through a symbolic link", async () => {
    const link = path.join(dir, "lien-ket.xlsx");
    symlinkSync(input, link);
    const error = await refusal(chooseOutput(input, link, ".scored"));
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain("là chính tệp đầu vào");
  });

  it("refuses --out that is the input through .. and through a hard link", async () => {
    mkdirSync(path.join(dir, "con"), { recursive: true });
    const viaDots = path.join(dir, "con", "..", "phu-luc.xlsx");
    expect((await refusal(chooseOutput(input, viaDots, ".scored"))).exitCode).toBe(2);
    const hard = path.join(dir, "ban-cung.xlsx");
    linkSync(input, hard);
    expect((await refusal(chooseOutput(input, hard, ".scored"))).message).toContain(
      "là chính tệp đầu vào"
    );
  });

  it("refuses --out onto a folder, into a missing folder, onto a read-only file", async () => {
    const folder = await refusal(chooseOutput(input, path.join(dir, "con"), ".scored"));
    expect(folder.message).toContain("là một thư mục: --out phải là tên tệp");
    expect(folder.exitCode).toBe(2);
    const missing = await refusal(
      chooseOutput(input, path.join(dir, "khong-co", "a.xlsx"), ".scored")
    );
    expect(missing.message).toBe(
      `Thư mục "${path.join(dir, "khong-co")}" không tồn tại: tạo thư mục hoặc chọn --out khác.`
    );
    const locked = path.join(dir, "chi-doc.xlsx");
    writeFileSync(locked, "của người dùng");
    chmodSync(locked, 0o444);
    const readOnly = await refusal(chooseOutput(input, locked, ".scored"));
    expect(readOnly.message).toContain("tệp đang mở trong Excel?");
    expect(readFileSync(locked, "utf8")).toBe("của người dùng");
  });

  it("wants the input's extension on --out: .xlsm for .xlsm (macros kept), else .xlsx", async () => {
    const macros = path.join(dir, "co-macro.xlsm");
    writeFileSync(macros, "gốc");
    const toXlsx = await refusal(chooseOutput(macros, path.join(dir, "ra.xlsx"), ".scored"));
    expect(toXlsx.exitCode).toBe(2);
    expect(toXlsx.message).toBe(
      `Tệp kết quả "${path.join(dir, "ra.xlsx")}" phải có đuôi .xlsm: tệp gốc là .xlsm (có macro), bản sao giữ nguyên macro nên phải là .xlsm, nếu không Excel sẽ không mở được. Chọn --out <tên>.xlsm.`
    );
    expect(await chooseOutput(macros, path.join(dir, "ra.XLSM"), ".scored")).toEqual({
      path: path.join(dir, "ra.XLSM"),
    });
    for (const name of ["ra.xlsm", "ra", "ra.xls"]) {
      const error = await refusal(chooseOutput(input, path.join(dir, name), ".scored"));
      expect(error.message).toContain("phải có đuôi .xlsx: bản sao là sổ làm việc .xlsx");
    }
  });

  it("lets an explicit --out that exists be replaced, through its link", async () => {
    const other = path.join(dir, "khac.xlsx");
    writeFileSync(other, "cũ");
    const link = path.join(dir, "tro-toi-khac.xlsx");
    symlinkSync(other, link);
    expect(await chooseOutput(input, other, ".scored")).toEqual({ path: other });
    expect(await chooseOutput(input, link, ".scored")).toEqual({ path: other });
  });

  it("never replaces an existing default output: picks the next free name and says so", async () => {
    const first = await chooseOutput(input, undefined, ".scored");
    expect(first).toEqual({ path: path.join(dir, "phu-luc.scored.xlsx") });
    writeFileSync(first.path, "người dùng đã sửa");
    const second = await chooseOutput(input, undefined, ".scored");
    expect(second).toEqual({
      path: path.join(dir, "phu-luc.scored (2).xlsx"),
      keptExisting: first.path,
    });
    // A dangling link also takes a name.
    symlinkSync(path.join(dir, "khong-con"), second.path);
    expect((await chooseOutput(input, undefined, ".scored")).path).toBe(
      path.join(dir, "phu-luc.scored (3).xlsx")
    );
  });

  it("says the input is missing before anything else", async () => {
    const error = await refusal(
      chooseOutput(path.join(dir, "khong-co.xlsx"), undefined, ".scored")
    );
    expect(error.message).toContain("Không tìm thấy tệp");
  });
});

describe("writeFileAtomic", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "par-files-write-"));
  const target = path.join(dir, "ket-qua.xlsx");
  const old = Buffer.from("bản cũ người dùng đã có, phải còn nguyên");

  /** Real fs with one call replaced. */
  function failing(overrides: Partial<WriteFs>): WriteFs {
    return {
      stat: nodeFs.stat,
      lstat: nodeFs.lstat,
      realpath: nodeFs.realpath,
      open: nodeFs.open,
      rename: nodeFs.rename,
      rm: nodeFs.rm,
      ...overrides,
    };
  }

  const leftovers = () => readdirSync(dir).filter((name) => name.endsWith(".tmp"));

  beforeEach(() => writeFileSync(target, old));

  it("replaces the target with the new bytes and leaves no temporary file", async () => {
    await writeFileAtomic(target, new Uint8Array([7, 8, 9]));
    expect([...readFileSync(target)]).toEqual([7, 8, 9]);
    expect(leftovers()).toEqual([]);
  });

  it("disk full halfway: message, temporary file removed, the old target untouched", async () => {
    const fs = failing({
      open: (async (...args: Parameters<typeof nodeFs.open>) => {
        const handle = await nodeFs.open(...args);
        return Object.assign(handle, {
          writeFile: async (data: Uint8Array) => {
            await handle.write(data.subarray(0, data.length / 2));
            throw fsError("ENOSPC");
          },
        });
      }) as typeof nodeFs.open,
    });
    const error = await refusal(writeFileAtomic(target, Buffer.alloc(60_000, 1), fs));
    expect(error.message).toBe(
      `Không ghi được "${target}": ổ đĩa đã đầy. Giải phóng chỗ trống hoặc chọn --out ở ổ đĩa khác; tệp cũ (nếu có) vẫn giữ nguyên.`
    );
    expect(error.exitCode).toBe(1);
    expect(readFileSync(target)).toEqual(old);
    expect(leftovers()).toEqual([]);
  });

  it("a locked target (rename refused): Excel hint, temporary file removed, target untouched", async () => {
    const fs = failing({
      rename: async () => {
        throw fsError("EPERM");
      },
    });
    const error = await refusal(writeFileAtomic(target, Buffer.from("mới"), fs));
    expect(error.message).toContain("tệp đang mở trong Excel?");
    expect(readFileSync(target)).toEqual(old);
    expect(leftovers()).toEqual([]);
  });

  it("a read-only disk or folder: says what to do", async () => {
    for (const [code, expected] of [
      ["EROFS", "ổ đĩa chỉ cho đọc"],
      ["EACCES", "chỉ cho đọc"],
      ["ENOENT", "không tồn tại: tạo thư mục hoặc chọn --out khác"],
    ] as const) {
      const fs = failing({
        open: async () => {
          throw fsError(code);
        },
      });
      const error = await refusal(writeFileAtomic(target, Buffer.from("mới"), fs));
      expect(error.message).toContain(expected);
      expect(readFileSync(target)).toEqual(old);
    }
    expect(existsSync(target)).toBe(true);
  });
});

describe("unexpectedErrorMessage", () => {
  const bug = new TypeError("Cannot read properties of null (reading 'theme')");

  it("is short and Vietnamese, says where to report, and has no stack", () => {
    const text = unexpectedErrorMessage(bug, {});
    expect(text).toContain("Lỗi không mong đợi");
    expect(text).toContain("Hãy gửi tệp và lệnh đã chạy tới");
    expect(text).toContain("TypeError: Cannot read properties of null (reading 'theme')");
    expect(text).not.toContain("    at ");
  });

  it("adds the stack with CHAM_DIEM_DEBUG=1", () => {
    expect(unexpectedErrorMessage(bug, { CHAM_DIEM_DEBUG: "1" })).toContain("    at ");
  });
});
