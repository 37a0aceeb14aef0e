/**
 * Option values as Vietnamese users type them, shared by the score and rollup commands:
 * the date of `--today` (20/11/2025 as written in Vietnam, or 2025-11-20), and the
 * command's version (`--version`) from the package it is installed from.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { InvalidArgumentError } from "commander";
import { isIsoDate, makeDate } from "../core/parse/dates";

/**
 * The ISO date of a `--today` value: dd/mm/yyyy (also with "-" or "." between, one-digit
 * day or month allowed) or YYYY-MM-DD.
 *
 * @example todayOption("20/11/2025") === "2025-11-20"
 * @example todayOption("2025-11-20") === "2025-11-20"
 */
export function todayOption(value: string): string {
  const text = value.trim();
  if (isIsoDate(text)) return text;
  const parts = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const date = parts ? makeDate(Number(parts[3]), Number(parts[2]), Number(parts[1])) : null;
  if (date) return date;
  throw new InvalidArgumentError(
    `"${value}" không phải ngày hợp lệ: ghi ngày/tháng/năm (ví dụ 20/11/2025) hoặc YYYY-MM-DD (ví dụ 2025-11-20).`
  );
}

/** The package this command runs from: the nearest package.json above it with our name. */
const PACKAGE_NAME = "par-index-scorer";

/** The version in package.json ("0.1.0"), or "không rõ" outside the package. */
export function commandVersion(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (existsSync(file)) {
      const json = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (json.name === PACKAGE_NAME && json.version) return json.version;
    }
    if (path.dirname(dir) === dir) return "không rõ";
  }
}
