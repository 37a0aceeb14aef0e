#!/usr/bin/env node
/**
 * Command line: score an .xlsx workbook, or manage its "Bộ tiêu chí" sheet. Type-checked
 * and compiled to build/cli/cli/main.js (tsconfig.cli.json), and bundled from these sources
 * with its modules into build/cli/bin/main.js (esbuild: one file loads faster than a
 * hundred, and the libraries' ES modules leave out what is not used), installed as the
 * `cham-diem-cchc` command.
 *   cham-diem-cchc <workbook.xlsx> [--criteria set.json] [--today YYYY-MM-DD] [--out scored.xlsx] [--json] [--sheet name]
 *   cham-diem-cchc criteria-sheet <set.json> --into <workbook.xlsx> [--out new.xlsx]
 *   cham-diem-cchc criteria-sheet --export <workbook.xlsx>
 *   cham-diem-cchc rollup <files or folders…> [--recursive] [--criteria set.json] [--out tong-hop.xlsx] [--json]
 * (or `npm run score -- …` in the repository). Exit 0 when scored (warnings included),
 * 1 when a file or the criteria set cannot be used or written, 2 on wrong usage.
 */
import { promises as fs } from "node:fs";
import { Command, CommanderError, Help, InvalidArgumentError } from "commander";
import { runScore, type ScoreCommandOptions } from "./score-command";
import { runCriteriaSheet, type CriteriaSheetOptions } from "./criteria-sheet-command";
import { registerRollupCommand } from "./rollup-command";
import {
  CliError,
  isFileSystemError,
  unexpectedErrorMessage,
  writeFailureMessage,
} from "./messages";
import { commandVersion, todayOption } from "./options";
import { resolveUserPath } from "./files";
import { MAX_SOON_DAYS, TABLE_OWN_SET, planYearValue, soonDaysValue } from "../app/options";

/** The command's name once installed (package.json "bin"). */
export const COMMAND_NAME = "cham-diem-cchc";

/** Longest "due soon" window (src/app's options schema, the same in every front end). */
export { MAX_SOON_DAYS };

function soonDays(value: string): number {
  const n = soonDaysValue(value);
  if (n === null)
    throw new InvalidArgumentError(
      `--soon-days "${value}" phải là số ngày nguyên từ 0 đến ${MAX_SOON_DAYS} (ví dụ --soon-days 7).`
    );
  return n;
}

function planYear(value: string): number {
  const n = planYearValue(value);
  if (n === null)
    throw new InvalidArgumentError(
      `--year "${value}" phải là năm có bốn chữ số, ví dụ --year 2025.`
    );
  return n;
}

/** commander's help is English: its titles and placeholders in Vietnamese. */
const HELP_WORDS: Record<string, string> = {
  "Usage:": "Cách dùng:",
  "Arguments:": "Tham số:",
  "Options:": "Tuỳ chọn:",
  "Commands:": "Lệnh:",
  "[options]": "[tuỳ chọn]",
  "[command]": "[lệnh]",
};

const inVietnamese = (text: string) =>
  text.replace(
    /Usage:|Arguments:|Options:|Commands:|\[options\]|\[command\]/g,
    (word) => HELP_WORDS[word]
  );

const VIETNAMESE_HELP: Partial<Help> = {
  styleTitle: (title) => inVietnamese(title),
  commandUsage: (cmd) => inVietnamese(Help.prototype.commandUsage.call(new Help(), cmd)),
  subcommandTerm: (cmd) => inVietnamese(Help.prototype.subcommandTerm.call(new Help(), cmd)),
};

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

export function buildProgram(io: Io): Command {
  const program = new Command();
  program
    .name(COMMAND_NAME)
    .description(
      "Chấm điểm bảng phụ lục Chỉ số CCHC (PAR INDEX) trong tệp Excel .xlsx/.xlsm. Tệp gốc không bao giờ bị ghi; kết quả ghi ra một bản sao."
    )
    .argument("<tệp.xlsx>", "tệp .xlsx/.xlsm cần chấm (đường dẫn tính từ thư mục đang đứng)")
    .option(
      "-c, --criteria <set.json>",
      `tệp bộ tiêu chí (JSON), mã bộ có sẵn (xa-2025-dien-ban, phuong-2024-ha-dong, xa-2024-hung-yen), hoặc ${TABLE_OWN_SET}: bộ của chính bảng tự đánh giá, bỏ qua trang "Bộ tiêu chí"`
    )
    .option(
      "--today <ngày>",
      "tính đến ngày, dạng 20/11/2025 hoặc 2025-11-20 (mặc định: hôm nay)",
      todayOption
    )
    .option("--year <năm>", "năm kế hoạch cho các thời hạn không ghi năm", planYear)
    .option(
      "--soon-days <số ngày>",
      `số ngày coi là sắp đến hạn, 0 đến ${MAX_SOON_DAYS} (mặc định: 7)`,
      soonDays
    )
    .option(
      "-o, --out <scored.xlsx>",
      'tệp kết quả; có sẵn thì được thay (trừ tệp gốc). Mặc định <tên>.scored.xlsx (.xlsm cho tệp .xlsm) cạnh tệp gốc; nếu tên đó đã có thì không ghi đè mà ghi ra "<tên>.scored (2).xlsx", "(3)"… và báo tên tệp'
    )
    .option("--sheet <tên trang>", "chỉ chấm một trang (không phân biệt hoa thường)")
    .option("--json", "chỉ in kết quả dạng JSON ra stdout")
    .version(commandVersion(), "-V, --version", "in phiên bản của công cụ")
    .enablePositionalOptions()
    .helpOption("-h, --help", "hiển thị hướng dẫn")
    .helpCommand(false)
    // Set before the subcommands are added: they inherit it.
    .configureHelp(VIETNAMESE_HELP)
    // commander's own errors are English: main() prints a Vietnamese one instead.
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => undefined })
    .exitOverride()
    .action(async (workbook: string, options: ScoreCommandOptions) => {
      await refuseFolder(workbook);
      await runScore(workbook, options, io);
    });
  program
    .command("criteria-sheet")
    .description(
      'Thêm bộ tiêu chí vào tệp thành trang "Bộ tiêu chí" để sửa trong Excel, hoặc xuất trang đó ra JSON'
    )
    .argument("[set.json]", "tệp bộ tiêu chí (JSON)")
    .option("--into <workbook.xlsx>", "tệp Excel cần thêm trang")
    .option(
      "-o, --out <new.xlsx>",
      'tệp kết quả (mặc định: <tên>.bo-tieu-chi.xlsx; đã có thì ghi ra "<tên>.bo-tieu-chi (2).xlsx")'
    )
    .option("--export <workbook.xlsx>", "in bộ tiêu chí trong trang của tệp ra dạng JSON")
    .option(
      "--from <table.xlsx>",
      'lấy bộ tiêu chí từ chính bảng tự đánh giá: in JSON, hoặc ghi thành trang "Bộ tiêu chí" với --into/--out'
    )
    .option("--replace", 'thay trang "Bộ tiêu chí" đã có trong tệp (mặc định: không thay, báo lỗi)')
    .helpOption("-h, --help", "hiển thị hướng dẫn")
    .action(async (setFile: string | undefined, options: CriteriaSheetOptions) => {
      await runCriteriaSheet(setFile, options, io);
    });
  registerRollupCommand(program, io);
  return program;
}

/** A folder given to the score command: the user meant a roll-up of its files. */
async function refuseFolder(given: string): Promise<void> {
  const stats = await fs.stat(resolveUserPath(given)).catch(() => null);
  if (stats?.isDirectory()) {
    throw new CliError(
      `"${given}" là một thư mục: lệnh chấm điểm nhận một tệp .xlsx. Để tổng hợp, xếp hạng các tệp trong thư mục, dùng: ${COMMAND_NAME} rollup "${given}" (hoặc "npm run score -- rollup ${given}").`,
      2
    );
  }
}

/** " Có phải ý anh/chị là --criteria?" from commander's "(Did you mean --criteria?)". */
function suggestion(message: string): string {
  const guess = /Did you mean (?:one of )?([^?]+)\?/.exec(message)?.[1]?.trim();
  return guess ? ` Có phải ý anh/chị là ${guess}?` : "";
}

/** A Vietnamese message for a usage error commander reports in English. */
export function usageMessage(error: CommanderError): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? "";
  const hint = `Xem "${COMMAND_NAME} --help" (hoặc "npm run score -- --help").`;
  switch (error.code) {
    case "commander.missingArgument":
      return `Thiếu tên tệp cần chấm: ${COMMAND_NAME} <tệp.xlsx> [--criteria <bộ-tiêu-chí.json>]. ${hint}`;
    case "commander.unknownOption":
      return `Không có tuỳ chọn ${quoted}.${suggestion(error.message)} ${hint}`;
    case "commander.optionMissingArgument":
      return `Tuỳ chọn ${quoted} cần một giá trị. ${hint}`;
    case "commander.excessArguments":
      return `Thừa tham số: mỗi lần chấm một tệp. ${hint}`;
    case "commander.invalidArgument":
      // Our own parsers word these in Vietnamese; commander puts them after "is invalid.".
      return error.message.split("is invalid.").pop()!.trim();
    default:
      return `Sai cách gọi lệnh. ${hint}`;
  }
}

/**
 * Runs the CLI and returns the exit code: 0 done, 1 a file or criteria set that cannot be
 * used or written, 2 wrong usage. Every error ends here as a Vietnamese message.
 */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return 0;
      io.err(`Lỗi: ${usageMessage(error)}\n`);
      return 2;
    }
    if (error instanceof CliError) {
      io.err(`Lỗi: ${error.message}\n`);
      return error.exitCode;
    }
    // A file-system call no front door anticipated (they all map their own): still words.
    if (isFileSystemError(error)) {
      io.err(`Lỗi: ${writeFailureMessage(error.code, error.path ?? "tệp")}\n`);
      return 1;
    }
    io.err(unexpectedErrorMessage(error));
    return 1;
  }
}

/** The last resort for the process: anything that escapes main() (a stray rejection). */
export function installLastResort(
  exit: (code: number) => void = (code) => process.exit(code),
  write: (text: string) => void = processIo.err
): void {
  const handler = (error: unknown) => {
    write(unexpectedErrorMessage(error));
    exit(1);
  };
  process.on("uncaughtException", handler);
  process.on("unhandledRejection", handler);
  // `… --json | head`: the reader closed the pipe; that is the user's choice, not a bug.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") exit(process.exitCode === undefined ? 0 : Number(process.exitCode));
    else handler(error);
  });
}

if (require.main === module) {
  installLastResort();
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
