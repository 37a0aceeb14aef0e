/**
 * Files of one unit counted once. A district's folder often holds a ward's file twice: the
 * `.scored.xlsx` copy our command line writes beside it, a re-sent corrected copy saved as
 * "phuong-la-khe (1).xlsx" or "phuong-la-khe - Copy.xlsx", the same name as .xlsm. Ranked
 * twice, the ward would push every other unit down a place. One of them is counted (the one
 * saved last; on a tie our scored copy) and the others are named as duplicates.
 */
import { normalizeVi } from "../parse/text";
import type { UnitNameSource } from "./unit-name";
import type { UnitFailure } from "./unit-result";

export interface UnitFileEntry {
  /** The file as shown to the user (path or name). */
  file: string;
  name: string;
  nameSource: UnitNameSource;
  /** Last modification time (ms since 1970); a larger one is the later save. */
  modifiedMs: number;
}

const EXTENSION = /\.(xlsx|xlsm|xls|ods)$/i;
const NUMBERED = /\s*\(\d{1,3}\)$/;
const SCORED = /\.scored$/;
const COPY_SUFFIX = /\s*-\s*(copy|bản sao)$/;
const COPY_PREFIX = /^(copy of|bản sao của)\s+/;

function splitPath(file: string): { folder: string; base: string } {
  const cut = Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\"));
  return { folder: file.slice(0, cut + 1), base: file.slice(cut + 1) };
}

/**
 * The name a file has before copies and our scoring decorated it.
 *
 * @example fileKey("Nộp/phuong-la-khe.scored (2).xlsx") === "phuong-la-khe"
 * @example fileKey("phuong-la-khe - Copy (1).xlsx") === "phuong-la-khe"
 * @example fileKey("don-vi-10.xlsx") === "don-vi-10"
 */
export function fileKey(file: string): string {
  let key = splitPath(file).base.normalize("NFC").replace(EXTENSION, "").toLocaleLowerCase("vi");
  for (let before = ""; before !== key;) {
    before = key;
    key = key
      .replace(NUMBERED, "")
      .replace(SCORED, "")
      .replace(COPY_SUFFIX, "")
      .replace(COPY_PREFIX, "")
      .trim();
  }
  return key;
}

/** True for the copy our score command writes (`<name>.scored.xlsx`, `.scored (2).xlsx`). */
export function isScoredCopy(file: string): boolean {
  const base = splitPath(file).base.replace(EXTENSION, "").replace(NUMBERED, "");
  return SCORED.test(base);
}

/**
 * Whether two files are one unit's: the same name once copies' and our scoring's marks are
 * taken off, and either in one folder (where a name read from the file itself must agree,
 * unless one of them is only named by its file) or, in different folders, the same unit
 * name read from inside both (two wards' sub-folders may each hold a "phu-luc.xlsx").
 */
function sameUnit(a: UnitFileEntry, b: UnitFileEntry): boolean {
  if (fileKey(a.file) !== fileKey(b.file)) return false;
  const inside = a.nameSource !== "file" && b.nameSource !== "file";
  const sameName = normalizeVi(a.name) === normalizeVi(b.name);
  if (splitPath(a.file).folder === splitPath(b.file).folder) return !inside || sameName;
  return inside && sameName;
}

/** Which of two files of one unit is counted: the later save; on a tie our scored copy. */
function preferred(a: UnitFileEntry, b: UnitFileEntry): boolean {
  if (a.modifiedMs !== b.modifiedMs) return a.modifiedMs > b.modifiedMs;
  return isScoredCopy(a.file) && !isScoredCopy(b.file);
}

function duplicateReason(dropped: UnitFileEntry, kept: UnitFileEntry): string {
  const why =
    isScoredCopy(kept.file) && kept.modifiedMs >= dropped.modifiedMs
      ? "tệp đó là bản đã chấm của tệp này"
      : isScoredCopy(dropped.file)
        ? "tệp này là bản đã chấm, tệp đó được lưu sau"
        : "tệp đó được lưu sau";
  return `Trùng đơn vị “${kept.name}” với tệp “${kept.file}” (${why}): chỉ tính tệp đó, tệp này không được xếp hạng. Nếu đây là hai đơn vị khác nhau, đổi tên một tệp rồi tổng hợp lại.`;
}

/**
 * Indices of the entries to count, and the others named as duplicates with their reason.
 * Entries keep their order.
 */
export function countEachUnitOnce(entries: UnitFileEntry[]): {
  kept: number[];
  duplicates: UnitFailure[];
} {
  // Files grouped by key first: only files of one key can be one unit's.
  const byKey = new Map<string, number[]>();
  entries.forEach((entry, i) => {
    const key = fileKey(entry.file);
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  });
  const winnerOf = new Map<number, number>();
  for (const indices of byKey.values()) {
    if (indices.length < 2) continue;
    // Each file joins the first group it is one unit with; the group keeps its preferred file.
    const groups: number[][] = [];
    for (const i of indices) {
      const group = groups.find((g) => sameUnit(entries[g[0]], entries[i]));
      if (group) group.push(i);
      else groups.push([i]);
    }
    for (const group of groups) {
      if (group.length < 2) continue;
      const best = group.reduce((a, b) => (preferred(entries[b], entries[a]) ? b : a));
      for (const i of group) if (i !== best) winnerOf.set(i, best);
    }
  }
  const kept: number[] = [];
  const duplicates: UnitFailure[] = [];
  entries.forEach((entry, i) => {
    const winner = winnerOf.get(i);
    if (winner === undefined) kept.push(i);
    else duplicates.push({ file: entry.file, reason: duplicateReason(entry, entries[winner]) });
  });
  return { kept, duplicates };
}

/**
 * Unit names that tell units apart: when several units would get the same name (five
 * copies of one sample, two files that both say "Phường La Khê"), each of those gets its
 * file name in the name itself, "Phường La Khê (la-khe-2.xlsx)", so the ranking's first page
 * tells them apart.
 */
export function distinctUnitNames<T extends { name: string; file: string }>(units: T[]): T[] {
  const byName = new Map<string, T[]>();
  for (const unit of units) {
    const key = normalizeVi(unit.name);
    const list = byName.get(key);
    if (list) list.push(unit);
    else byName.set(key, [unit]);
  }
  const renamed = new Map<T, string>();
  for (const list of byName.values()) {
    if (list.length < 2) continue;
    // The file's name alone, unless two of them share it (sub-folders): then its path.
    const bases = list.map((unit) => splitPath(unit.file).base);
    const basesDiffer = new Set(bases).size === bases.length;
    list.forEach((unit, i) =>
      renamed.set(unit, `${unit.name} (${basesDiffer ? bases[i] : unit.file})`)
    );
  }
  return units.map((unit) => {
    const name = renamed.get(unit);
    return name === undefined ? unit : { ...unit, name };
  });
}
