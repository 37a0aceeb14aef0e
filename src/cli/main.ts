#!/usr/bin/env node
/**
 * Command line: score an .xlsx workbook, or manage its "Bộ tiêu chí" sheet.
 *   npm run score -- <workbook.xlsx> [--criteria set.json] [--today YYYY-MM-DD] [--out scored.xlsx] [--json] [--sheet name]
 *   npm run score -- criteria-sheet <set.json> --into <workbook.xlsx> [--out new.xlsx]
 *   npm run score -- criteria-sheet --export <workbook.xlsx>
 * Exit 0 when scored (warnings included), 1 when the file or criteria set cannot be
 * used, 2 on wrong usage.
 */
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { runScore, CliError, type ScoreCommandOptions } from "./score-command";
import { runCriteriaSheet, type CriteriaSheetOptions } from "./criteria-sheet-command";
import { isIsoDate } from "../core/dates";

function isoDate(value: string): string {
  if (!isIsoDate(value))
    throw new InvalidArgumentError(
      `"${value}" không phải ngày hợp lệ, cần dạng YYYY-MM-DD (ví dụ 2025-11-20).`
    );
  return value;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new InvalidArgumentError(`"${value}" phải là số nguyên không âm.`);
  return n;
}

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
    .name("score")
    .description("Chấm điểm bảng phụ lục Chỉ số CCHC (PAR INDEX) trong tệp Excel .xlsx")
    .argument("<workbook>", "tệp .xlsx cần chấm")
    .option("-c, --criteria <set.json>", "tệp bộ tiêu chí (JSON)")
    .option("--today <YYYY-MM-DD>", "tính đến ngày (mặc định: hôm nay)", isoDate)
    .option("--year <năm>", "năm kế hoạch cho các thời hạn không ghi năm", positiveInteger)
    .option("--soon-days <số ngày>", "số ngày coi là sắp đến hạn (mặc định: 7)", positiveInteger)
    .option("-o, --out <scored.xlsx>", "tệp kết quả (mặc định: <tên>.scored.xlsx)")
    .option("--sheet <tên trang>", "chỉ chấm một trang")
    .option("--json", "chỉ in kết quả dạng JSON ra stdout")
    .enablePositionalOptions()
    .helpOption("-h, --help", "hiển thị hướng dẫn")
    .helpCommand(false)
    // commander's own errors are English: main() prints a Vietnamese one instead.
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => undefined })
    .exitOverride()
    .action(async (workbook: string, options: ScoreCommandOptions) => {
      await runScore(workbook, options, io);
    });
  program
    .command("criteria-sheet")
    .description(
      'Thêm bộ tiêu chí vào tệp thành trang "Bộ tiêu chí" để sửa trong Excel, hoặc xuất trang đó ra JSON'
    )
    .argument("[set.json]", "tệp bộ tiêu chí (JSON)")
    .option("--into <workbook.xlsx>", "tệp Excel cần thêm trang")
    .option("-o, --out <new.xlsx>", "tệp kết quả (mặc định: <tên>.bo-tieu-chi.xlsx)")
    .option("--export <workbook.xlsx>", "in bộ tiêu chí trong trang của tệp ra dạng JSON")
    .helpOption("-h, --help", "hiển thị hướng dẫn")
    .action(async (setFile: string | undefined, options: CriteriaSheetOptions) => {
      await runCriteriaSheet(setFile, options, io);
    });
  return program;
}

/** A Vietnamese message for a usage error commander reports in English. */
export function usageMessage(error: CommanderError): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? "";
  const hint = 'Xem "npm run score -- --help".';
  switch (error.code) {
    case "commander.missingArgument":
      return `Thiếu tên tệp cần chấm: npm run score -- <tệp.xlsx> [--criteria <bộ-tiêu-chí.json>]. ${hint}`;
    case "commander.unknownOption":
      return `Không có tuỳ chọn ${quoted}. ${hint}`;
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

/** Runs the CLI and returns the exit code. */
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
    throw error;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(
        `Lỗi không mong đợi: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
      );
      process.exit(1);
    }
  );
}
