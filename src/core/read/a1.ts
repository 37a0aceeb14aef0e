/**
 * A1 references: column letters and quoted sheet names, the leaves that the grid, the
 * markers and the writers all spell addresses with. Imports nothing.
 */

/**
 * Excel column letters for a 0-based index.
 *
 * @example columnLetter(0) === "A"
 * @example columnLetter(27) === "AB"
 */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * The 0-based index of Excel column letters.
 *
 * @example columnIndex("AB") === 27
 */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Quotes a sheet name for use in an address or formula when it is not a plain word. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
