/**
 * The command line as a user meets it (issue 9 items 4–5, issue 10): paths compared as
 * real files, relative paths from the user's folder, the default output never replacing a
 * file, file-system errors and bad inputs as Vietnamese messages with the documented exit
 * code, and the input's bytes unchanged in every case (sha256 before and after).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { main } from "../../src/cli/main";
import { runCli } from "../support/cli";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "samples", "phu-luc-par-index-2025.xlsx");
const CRITERIA = path.join(ROOT, "src", "core", "criteria-sets", "dien-ban-2025.json");
const TODAY = ["--today", "2025-11-20"];

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** A fresh folder holding a copy of the sample as phu-luc.xlsx. */
function workspace(): { dir: string; input: string; hash: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "par-front-"));
  const input = path.join(dir, "phu-luc.xlsx");
  copyFileSync(SAMPLE, input);
  return { dir, input, hash: sha256(input) };
}

/** Runs the CLI in-process as if npm had been started in `folder` (INIT_CWD). */
async function runFrom(folder: string, args: string[]) {
  const saved = process.env.INIT_CWD;
  process.env.INIT_CWD = folder;
  try {
    return await runCli(args);
  } finally {
    if (saved === undefined) delete process.env.INIT_CWD;
    else process.env.INIT_CWD = saved;
  }
}

describe("output path: the input is never the output", () => {
  it("refuses --out that is the input through a symbolic link (exit 2, input unchanged)", async () => {
    const { dir, input, hash } = workspace();
    const link = path.join(dir, "ban-sao.xlsx");
    symlinkSync(input, link);
    const result = await runCli([input, ...TODAY, "--out", link]);
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      `Lỗi: Tệp kết quả (--out "${link}") là chính tệp đầu vào: công cụ luôn ghi ra một bản sao, không bao giờ ghi đè tệp gốc. Chọn --out khác.\n`
    );
    expect(sha256(input)).toBe(hash);
  });

  it("refuses --out that is the input written with .. (exit 2, input unchanged)", async () => {
    const { dir, input, hash } = workspace();
    mkdirSync(path.join(dir, "con"));
    const result = await runFrom(path.join(dir, "con"), [
      "../phu-luc.xlsx",
      ...TODAY,
      "--out",
      "../con/../phu-luc.xlsx",
    ]);
    expect(result.code).toBe(2);
    expect(result.err).toContain("là chính tệp đầu vào");
    expect(sha256(input)).toBe(hash);
  });
});

describe("the default output never replaces a file", () => {
  it("leaves a scored copy the user edited alone and writes the next free name, saying so", async () => {
    const { dir, input, hash } = workspace();
    const first = await runCli([input, ...TODAY]);
    expect(first.code).toBe(0);
    const edited = path.join(dir, "phu-luc.scored.xlsx");
    // The user's edits since: whatever the bytes, they must survive the next run.
    writeFileSync(edited, Buffer.concat([readFileSync(edited), Buffer.from("sửa tay")]));
    const editedHash = sha256(edited);

    const second = await runCli([input, ...TODAY]);
    expect(second.code).toBe(0);
    const next = path.join(dir, "phu-luc.scored (2).xlsx");
    expect(second.out).toContain(
      `Đã có "${edited}" (có thể đã được sửa) nên không ghi đè: kết quả ghi ra "${next}".`
    );
    expect(sha256(edited)).toBe(editedHash);
    expect(existsSync(next)).toBe(true);
    expect(sha256(input)).toBe(hash);
  });
});

describe("relative paths are the user's", () => {
  it("reads a relative input from INIT_CWD (npm --prefix from another folder) and writes beside it", async () => {
    const { dir, input, hash } = workspace();
    const result = await runFrom(dir, ["phu-luc.xlsx", ...TODAY, "--json"]);
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).output).toBe("phu-luc.scored.xlsx");
    expect(existsSync(path.join(dir, "phu-luc.scored.xlsx"))).toBe(true);
    expect(sha256(input)).toBe(hash);
  });

  it("takes a built-in criteria set by its id, so no repository path is needed", async () => {
    const { dir } = workspace();
    const result = await runFrom(dir, [
      "phu-luc.xlsx",
      ...TODAY,
      "--criteria",
      "xa-2025-dien-ban",
      "--json",
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).criteriaSet.id).toBe("xa-2025-dien-ban");
  });
});

describe("file-system errors are Vietnamese, with what to do", () => {
  it("--out into a missing folder: exit 2, names the folder", async () => {
    const { dir, input, hash } = workspace();
    const result = await runCli([input, ...TODAY, "--out", path.join(dir, "khong-co", "a.xlsx")]);
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      `Lỗi: Thư mục "${path.join(dir, "khong-co")}" không tồn tại: tạo thư mục hoặc chọn --out khác.\n`
    );
    expect(sha256(input)).toBe(hash);
  });

  it("--out onto a folder: exit 2", async () => {
    const { dir, input, hash } = workspace();
    const result = await runCli([input, ...TODAY, "--out", dir]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`"${dir}" là một thư mục: --out phải là tên tệp`);
    expect(sha256(input)).toBe(hash);
  });

  it("--out onto a read-only file: exit 1, the file untouched", async () => {
    const { dir, input, hash } = workspace();
    const locked = path.join(dir, "chi-doc.xlsx");
    writeFileSync(locked, "của người dùng", { mode: 0o444 });
    const result = await runCli([input, ...TODAY, "--out", locked]);
    expect(result.code).toBe(1);
    expect(result.err).toContain("tệp đang mở trong Excel?");
    expect(result.err).not.toMatch(/\n\s+at |EACCES|EPERM/);
    expect(readFileSync(locked, "utf8")).toBe("của người dùng");
    expect(sha256(input)).toBe(hash);
  });
});

describe("only regular files are read", () => {
  it("refuses a FIFO and /dev/zero at once (exit 1)", async () => {
    const { dir } = workspace();
    const fifo = path.join(dir, "ong.xlsx");
    execFileSync("mkfifo", [fifo]);
    // Neither has a writer or an end: a CLI that waited or read would run into the test's
    // time-out instead of answering.
    const pipe = await runCli([fifo, ...TODAY, "--out", path.join(dir, "a.xlsx")]);
    const zero = await runCli(["/dev/zero", ...TODAY, "--out", path.join(dir, "b.xlsx")]);
    expect(pipe.code).toBe(1);
    expect(pipe.err).toBe(
      `Lỗi: "${fifo}" là một đường ống (FIFO), không phải tệp Excel: hãy chỉ tới một tệp đã lưu trên máy.\n`
    );
    expect(zero.code).toBe(1);
    expect(zero.err).toContain('"/dev/zero" là một thiết bị');
  });

  it("refuses a file over the reader's size limit from its size, at once", async () => {
    const { dir } = workspace();
    const huge = path.join(dir, "lon.xlsx");
    writeFileSync(huge, "");
    truncateSync(huge, 101 * 1024 * 1024); // sparse: 101 MB by its size, nothing to read
    const result = await runCli([huge, ...TODAY, "--out", path.join(dir, "a.xlsx")]);
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      `Lỗi: Không đọc được "${huge}": Tệp quá lớn (101 MB, giới hạn 100 MB): tách bảng ra một tệp nhỏ hơn (chỉ giữ trang cần chấm) rồi chạy lại.\n`
    );
    // 64 GiB by its size and sparse: read instead of judged by its size, it would outlast
    // the test's time-out by far.
    const vast = path.join(dir, "rat-lon.xlsx");
    writeFileSync(vast, "");
    truncateSync(vast, 64 * 1024 ** 3);
    const refused = await runCli([vast, ...TODAY, "--out", path.join(dir, "b.xlsx")]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("Tệp quá lớn");
  });

  it("refuses a folder as input as wrong usage (exit 2) and points to rollup", async () => {
    const { dir } = workspace();
    const result = await runCli([dir, ...TODAY]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`"${dir}" là một thư mục: lệnh chấm điểm nhận một tệp .xlsx`);
    expect(result.err).toContain(`cham-diem-cchc rollup "${dir}"`);
  });

  it("names the kind of a 0-byte, .xls, CSV, password-protected, .ods or truncated file, input unchanged", async () => {
    const { dir } = workspace();
    const cases: Array<[string, Buffer, string]> = [
      ["rong.xlsx", Buffer.alloc(0), "Tệp rỗng (0 byte)"],
      [
        "cu.xls",
        Buffer.concat([
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
          Buffer.alloc(600),
        ]),
        "Excel 97-2003 (.xls)",
      ],
      ["bang.csv", Buffer.from("STT,Nội dung\n1,Kế hoạch CCHC\n"), "tệp văn bản (CSV"],
      [
        "mat-khau.xlsx",
        Buffer.concat([
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
          Buffer.alloc(100),
          Buffer.from("EncryptedPackage", "utf16le"),
        ]),
        "Tệp có mật khẩu",
      ],
    ];
    cases.push(
      [
        "bang.ods",
        Buffer.from(
          zipSync({
            mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet"),
            "content.xml": strToU8("<office:document-content/>"),
          })
        ),
        "tệp OpenDocument (.ods)",
      ],
      ["cat-do.xlsx", readFileSync(SAMPLE).subarray(0, 4000), "Tệp bị hỏng hoặc chưa tải/chép xong"]
    );
    for (const [name, bytes, expected] of cases) {
      const file = path.join(dir, name);
      writeFileSync(file, bytes);
      const hash = sha256(file);
      const result = await runCli([file, ...TODAY, "--out", path.join(dir, "x.xlsx")]);
      expect(result.code).toBe(1);
      expect(result.err).toContain(`Lỗi: Không đọc được "${file}": `);
      expect(result.err).toContain(expected);
      expect(sha256(file)).toBe(hash);
      expect(existsSync(path.join(dir, "x.xlsx"))).toBe(false);
    }
  });
});

describe("usage and criteria files", () => {
  it("bounds --soon-days to 0–366 (exit 2, Vietnamese)", async () => {
    const { input } = workspace();
    for (const value of ["1000000000", "-1", "abc", "367"]) {
      const result = await runCli([input, ...TODAY, "--soon-days", value]);
      expect(result.code).toBe(2);
      expect(result.err).toBe(
        `Lỗi: --soon-days "${value}" phải là số ngày nguyên từ 0 đến 366 (ví dụ --soon-days 7).\n`
      );
    }
  });

  it("bounds --year to 1900–9999 (exit 2, Vietnamese)", async () => {
    const { input } = workspace();
    const result = await runCli([input, ...TODAY, "--year", "25"]);
    expect(result.code).toBe(2);
    expect(result.err).toBe('Lỗi: --year "25" phải là năm có bốn chữ số, ví dụ --year 2025.\n');
  });

  it("accepts a criteria file with a UTF-8 byte-order mark", async () => {
    const { dir, input } = workspace();
    const withBom = path.join(dir, "bo-tieu-chi.json");
    writeFileSync(
      withBom,
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(CRITERIA)])
    );
    const result = await runCli([input, ...TODAY, "--criteria", withBom, "--json"]);
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).criteriaSet.id).toBe("xa-2025-dien-ban");
  });

  it("reports broken JSON with its line and column, and a wrong type as a problem (exit 1)", async () => {
    const { dir, input } = workspace();
    const broken = path.join(dir, "hong.json");
    writeFileSync(broken, '{\n  "id": "x",\n  "name": "x" "areas": []\n}');
    const syntax = await runCli([input, ...TODAY, "--criteria", broken]);
    expect(syntax.code).toBe(1);
    expect(syntax.err).toMatch(
      /^Lỗi: Tệp bộ tiêu chí ".*hong\.json" không phải JSON hợp lệ \(dòng 3, cột 15\): sửa tệp/
    );
    const wrongType = path.join(dir, "sai-kieu.json");
    writeFileSync(wrongType, JSON.stringify({ id: "x", name: "x", year: "2025", areas: "abc" }));
    const typed = await runCli([input, ...TODAY, "--criteria", wrongType]);
    expect(typed.code).toBe(1);
    expect(typed.err).toContain(`Lỗi: Bộ tiêu chí "${wrongType}" không hợp lệ:\n  - `);
    expect(typed.err).toContain("areas");
    expect(typed.err).not.toMatch(/\n\s+at /);
  });

  it("matches --sheet without regard to letter case", async () => {
    const { dir, input } = workspace();
    const result = await runCli([
      input,
      ...TODAY,
      "--sheet",
      "PHỤ LỤC KH CCHC",
      "--out",
      path.join(dir, "a.xlsx"),
      "--json",
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).tables.map((t: { sheet: string }) => t.sheet)).toEqual([
      "Phụ lục KH CCHC",
    ]);
  });
});

describe("help", () => {
  it("is Vietnamese, names the command and the default-output rule", async () => {
    for (const args of [["--help"], ["criteria-sheet", "--help"]]) {
      const result = await runCli(args);
      expect(result.code).toBe(0);
      expect(result.out).toContain("Cách dùng: cham-diem-cchc");
      expect(result.out).toContain("Tuỳ chọn:");
      expect(result.out).not.toMatch(/Usage:|Options:|Arguments:|Commands:|\[options\]/);
    }
    const main = (await runCli(["--help"])).out.replace(/\s+/g, " ");
    expect(main).toContain('nếu tên đó đã có thì không ghi đè mà ghi ra "<tên>.scored (2).xlsx"');
  });
});

describe("the last resort", () => {
  it("prints a short Vietnamese message, no stack, exit 1, for an error nobody foresaw", async () => {
    const { dir, input } = workspace();
    let err = "";
    const code = await main([input, ...TODAY, "--out", path.join(dir, "a.xlsx")], {
      out: () => {
        throw new TypeError("Cannot read properties of null (reading 'theme')");
      },
      err: (text) => (err += text),
    });
    expect(code).toBe(1);
    expect(err).toContain("Lỗi không mong đợi: công cụ gặp lỗi chưa lường trước");
    expect(err).toContain("Hãy gửi tệp và lệnh đã chạy tới");
    expect(err).not.toMatch(/\n\s+at /);
  });
});

describe("the compiled command (bin), spawned as a user runs it", () => {
  const BIN = path.join(ROOT, "build", "cli", "bin", "main.js");
  /** The environment of a plain terminal: no npm variables. */
  const terminal = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => key !== "INIT_CWD" && !key.startsWith("npm_"))
  );

  beforeAll(() => {
    // The same build `npm run score` does (tsc, then the bundle); type errors fail it.
    execFileSync("npm", ["run", "-s", "build:cli"], { cwd: ROOT, stdio: "pipe" });
  }, 180_000);

  it("is package.json's bin, a node script", () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(path.join(ROOT, pkg.bin["cham-diem-cchc"])).toBe(BIN);
    expect(readFileSync(BIN, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it("scores a relative path from the user's folder with plain node, no TypeScript at run time", () => {
    const { dir, input, hash } = workspace();
    const run = spawnSync(
      process.execPath,
      [BIN, "phu-luc.xlsx", ...TODAY, "--criteria", "xa-2025-dien-ban"],
      {
        cwd: dir,
        env: terminal,
        encoding: "utf8",
      }
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("phu-luc.scored.xlsx");
    expect(existsSync(path.join(dir, "phu-luc.scored.xlsx"))).toBe(true);
    expect(sha256(input)).toBe(hash);
  });

  it("rolls up with a worker thread: the bundle's worker file sits beside it", () => {
    const { dir, input, hash } = workspace();
    const units = path.join(dir, "don-vi");
    mkdirSync(units);
    copyFileSync(input, path.join(units, "phuong-a.xlsx"));
    copyFileSync(input, path.join(units, "phuong-b.xlsx"));
    const run = spawnSync(
      process.execPath,
      [BIN, "rollup", "don-vi", ...TODAY, "--jobs", "2", "--out", "tong-hop.xlsx", "--json"],
      { cwd: dir, env: terminal, encoding: "utf8" }
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).ranking).toHaveLength(2);
    expect(existsSync(path.join(dir, "tong-hop.xlsx"))).toBe(true);
    expect(sha256(input)).toBe(hash);
  });

  it("npm --prefix <repository> run score from another folder reads the user's relative path", () => {
    const { dir, input, hash } = workspace();
    const run = spawnSync(
      "npm",
      [
        "--prefix",
        ROOT,
        "run",
        "-s",
        "score",
        "--",
        "phu-luc.xlsx",
        ...TODAY,
        "--out",
        "ket-qua.xlsx",
      ],
      { cwd: dir, env: terminal, encoding: "utf8" }
    );
    expect(run.status).toBe(0);
    expect(existsSync(path.join(dir, "ket-qua.xlsx"))).toBe(true);
    expect(sha256(input)).toBe(hash);
  });

  it("ends an error that escapes everything with the short message, exit 1; the stack only with CHAM_DIEM_DEBUG=1", () => {
    const script = `require(${JSON.stringify(BIN)}).installLastResort(); setTimeout(() => { throw new TypeError("hỏng"); });`;
    const plain = spawnSync(process.execPath, ["-e", script], { env: terminal, encoding: "utf8" });
    expect(plain.status).toBe(1);
    expect(plain.stderr).toContain("Lỗi không mong đợi: công cụ gặp lỗi chưa lường trước");
    expect(plain.stderr).toContain("TypeError: hỏng");
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const debug = spawnSync(process.execPath, ["-e", script], {
      env: { ...terminal, CHAM_DIEM_DEBUG: "1" },
      encoding: "utf8",
    });
    expect(debug.status).toBe(1);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it("exits 1 with a Vietnamese message and no stack on a file it cannot use", () => {
    const { dir } = workspace();
    const run = spawnSync(process.execPath, [BIN, "khong-co.xlsx"], {
      cwd: dir,
      env: terminal,
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'Lỗi: Không tìm thấy tệp "khong-co.xlsx": kiểm tra tên tệp và thư mục.\n'
    );
  });
});
