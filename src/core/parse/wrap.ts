/**
 * How many lines a text takes when a spreadsheet wraps it in a column: words go on a line
 * while they fit, as Excel and LibreOffice wrap them. The sheets we write choose their
 * column widths with it (a header that fits in a few lines, a name on one line) and the
 * package writer their row heights, so that what is printed is what was planned.
 */

/**
 * Characters of one line in a column `width` characters wide (Excel's width unit, the
 * digit "0"): one is left for the cell's padding and the wider letters of bold text.
 */
export function charactersPerLine(width: number): number {
  return Math.max(1, Math.floor(width) - 1);
}

/**
 * Lines `text` takes in a column `width` characters wide, words kept whole (a word longer
 * than a line is broken, as the spreadsheet does); each "\n" starts a line.
 *
 * @example wrappedLineCount("Tổng điểm tính toán", 12) === 2
 * @example wrappedLineCount("VIII. Tác động của CCHC đến người dân", 14) === 3
 */
export function wrappedLineCount(text: string, width: number): number {
  const perLine = charactersPerLine(width);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(/\s+/)) {
      if (word === "") continue;
      const needed = used === 0 ? word.length : used + 1 + word.length;
      if (needed <= perLine) {
        used = needed;
        continue;
      }
      if (used > 0) lines++;
      // A word longer than a line takes whole lines of its own, its end starting the next.
      lines += Math.ceil(word.length / perLine) - 1;
      used = word.length % perLine || perLine;
    }
  }
  return lines;
}

/**
 * The narrowest width in [min, max] at which `text` takes at most `lines` lines (max when
 * none does).
 *
 * @example widthForLines("Tổng điểm tính toán", 2, 6, 30) === 10
 */
export function widthForLines(text: string, lines: number, min: number, max: number): number {
  for (let width = Math.ceil(min); width < max; width++)
    if (wrappedLineCount(text, width) <= lines) return width;
  return max;
}
