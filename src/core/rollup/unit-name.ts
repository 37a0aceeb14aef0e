/**
 * The name of the unit (ward, commune, town) a workbook belongs to, as a district
 * officer would write it in a ranking: from a "Tên đơn vị" cell, else from a title such
 * as "(Ban hành kèm theo Kế hoạch … của UBND phường La Khê)", else from the file name.
 */
import { cellText, collapseSpaces, normalizeVi } from "../parse/text";
import type { Grid } from "../read/grid";
import { isReservedSheet } from "../read/output-columns";

export type UnitNameSource = "label" | "title" | "file";

export interface UnitName {
  name: string;
  source: UnitNameSource;
}

/** Rows at the top of a sheet where titles and the "Tên đơn vị" line are written. */
const TITLE_ROWS = 12;
const LABEL = normalizeVi("Tên đơn vị");

/**
 * The value of a "Tên đơn vị" label: after the colon in the same cell, else "".
 *
 * @example labelledValue("Tên đơn vị: UBND phường Phú La") === "UBND phường Phú La"
 */
export function labelledValue(text: string): string | null {
  const key = normalizeVi(text);
  if (!key.startsWith(LABEL)) return null;
  const rest = collapseSpaces(text).slice(LABEL.length);
  return rest.replace(/^\s*[:：-]?\s*/, "").trim();
}

const KINDS: Array<{ words: string[]; display: string }> = [
  { words: ["thị", "trấn"], display: "Thị trấn" },
  { words: ["phường"], display: "Phường" },
  { words: ["xã"], display: "Xã" },
];

/** Words that end a unit's name in a title ("phường La Khê năm 2025"). */
const STOP_WORDS = new Set(
  ["năm", "quận", "huyện", "tỉnh", "thành", "tp", "thị", "giai", "về", "theo", "và", "trong"].map(
    normalizeVi
  )
);

const isUpperInitial = (word: string) => /^[\p{Lu}\d]/u.test(word);

/** "LA KHÊ" → "La Khê"; names already in title case stay as written. */
function titleCase(word: string): string {
  if (word !== word.toLocaleUpperCase("vi-VN") || /^\d/.test(word)) return word;
  const lower = word.toLocaleLowerCase("vi-VN");
  return lower.charAt(0).toLocaleUpperCase("vi-VN") + lower.slice(1);
}

/**
 * The unit named in a title line: "phường", "xã" or "thị trấn" followed by words that
 * start with a capital letter or a digit (a ward may be "Phường 5"). Words are scanned
 * once, left to right.
 *
 * @example unitFromTitle("(Ban hành kèm theo Kế hoạch số /KH-UBND của UBND phường La Khê)") === "Phường La Khê"
 * @example unitFromTitle("các xã, phường, thị trấn năm 2024") === null
 */
export function unitFromTitle(text: string): string | null {
  const words = collapseSpaces(text.normalize("NFC"))
    .split(/[\s,;()“”"]+/)
    .filter((w) => w.length > 0);
  for (let i = 0; i < words.length; i++) {
    for (const kind of KINDS) {
      const matches = kind.words.every(
        (w, k) => i + k < words.length && normalizeVi(words[i + k]) === w
      );
      if (!matches) continue;
      const nameWords: string[] = [];
      for (let j = i + kind.words.length; j < words.length && nameWords.length < 5; j++) {
        const word = words[j].replace(/[.:]+$/, "");
        if (!isUpperInitial(word) || STOP_WORDS.has(normalizeVi(word))) break;
        nameWords.push(titleCase(word));
        if (word !== words[j]) break;
      }
      if (nameWords.length > 0) return `${kind.display} ${nameWords.join(" ")}`;
    }
  }
  return null;
}

/**
 * The file's name without folders and extension, for units whose sheets name nobody.
 *
 * @example unitFromFileName("C:\\Nộp\\phuong-la-khe.xlsx") === "phuong-la-khe"
 */
export function unitFromFileName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.(xlsx|xlsm|xls)$/i, "").normalize("NFC");
}

/**
 * Looks at the top rows of every sheet: a "Tên đơn vị" label wins over a title, which
 * wins over the file name.
 */
export function unitName(grids: Grid[], file: string): UnitName {
  let fromTitle: string | null = null;
  for (const grid of grids) {
    // The criteria sheet's title names the set's author, not this unit.
    if (isReservedSheet(grid.sheetName)) continue;
    const rows = Math.min(grid.values.length, TITLE_ROWS);
    for (let r = 0; r < rows; r++) {
      const row = grid.values[r];
      for (let c = 0; c < row.length; c++) {
        const text = cellText(row[c]);
        if (text === "") continue;
        const labelled = labelledValue(text);
        if (labelled !== null) {
          const value = labelled || nextText(row, c);
          if (value) return { name: collapseSpaces(value).normalize("NFC"), source: "label" };
          continue;
        }
        if (fromTitle === null) fromTitle = unitFromTitle(text);
      }
    }
  }
  if (fromTitle) return { name: fromTitle, source: "title" };
  return { name: unitFromFileName(file), source: "file" };
}

function nextText(row: Grid["values"][number], column: number): string {
  for (let c = column + 1; c < row.length; c++) {
    const text = collapseSpaces(cellText(row[c]));
    if (text) return text;
  }
  return "";
}
