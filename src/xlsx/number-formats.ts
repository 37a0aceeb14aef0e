/**
 * Number format codes: the built-in ids of ECMA-376 (§18.8.30) and whether a code shows a
 * calendar date (which decides whether a 1904-system serial is converted).
 */

/** Built-in number formats by id (ECMA-376 Part 1, §18.8.30). Ids not listed read as "General". */
const BUILT_IN: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  5: '"$"#,##0_);\\("$"#,##0\\)',
  6: '"$"#,##0_);[Red]\\("$"#,##0\\)',
  7: '"$"#,##0.00_);\\("$"#,##0.00\\)',
  8: '"$"#,##0.00_);[Red]\\("$"#,##0.00\\)',
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** Ids 27–36 and 50–58 are East Asian locale dates; their codes depend on the locale. */
const LOCALE_DATE_IDS = new Set([
  27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/**
 * The format code of a built-in id.
 *
 * @example builtInFormat(14) === "mm-dd-yy"
 */
export function builtInFormat(id: number): string {
  if (LOCALE_DATE_IDS.has(id)) return "yyyy-mm-dd";
  return BUILT_IN[id] ?? "General";
}

/**
 * The part of a format code that is pattern: quoted text, escaped characters and bracketed
 * sections ([Red], [$-42A], [h]) removed. Linear, no backtracking.
 *
 * @example formatPattern('dd/mm/yyyy" (hạn)"') === "dd/mm/yyyy"
 */
export function formatPattern(code: string): string {
  let out = "";
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      i = end < 0 ? code.length : end;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      i++; // the next character is literal (or padding)
    } else if (ch === "[") {
      const end = code.indexOf("]", i + 1);
      i = end < 0 ? code.length : end;
    } else {
      out += ch;
    }
  }
  return out;
}

/**
 * Whether a format shows a calendar date (day, month or year), not only a time of day.
 * "m" next to "h" or "s" is minutes.
 *
 * @example isDateFormat("dd/mm/yyyy") === true
 * @example isDateFormat("h:mm") === false
 * @example isDateFormat("0.00%") === false
 */
export function isDateFormat(code: string): boolean {
  if (code === "General" || code === "@") return false;
  const pattern = formatPattern(code.split(";")[0]).toLowerCase();
  if (/[dy]/.test(pattern)) return true;
  return pattern.includes("m") && !/[hs]/.test(pattern);
}
