/**
 * Which option of a "chọn một mức" list one cell designates: the option's points (a
 * self-score), its label, or a figure ("82%", "11/12 báo cáo", "15/01/2025", "tháng 2")
 * that falls in the option's band. Anything else is a problem, worded for the user:
 * never a silent guess.
 */
import { formatNumberVi } from "../parse/numbers";
import { cellText, collapseSpaces, normalizeVi } from "../parse/text";
import { parseRatio, shareFromNumber, type ResultCell } from "../parse/values";
import { describeBand, inBand, listBands, type Band } from "./option-bands";

export interface OptionEntry {
  label: string;
  points: number;
}

export type OptionChoice = { option: OptionEntry; index: number } | { problem: string };

function isPercentFormat(format: string | undefined): boolean {
  return format !== undefined && format.replace(/"[^"]*"/g, "").includes("%");
}

/**
 * The month a figure names: "15/01/2025" → 1, "tháng 02" → 2, "01/2025" → 1.
 *
 * @example monthOf("15/01/2025") === 1
 */
export function monthOf(text: string): number | null {
  const key = normalizeVi(text);
  const date = /(?:^|\D)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*\d{4}/.exec(key);
  if (date) return validMonth(Number(date[2]));
  const named = /tháng\s*(\d{1,2})/.exec(key);
  if (named) return validMonth(Number(named[1]));
  const monthYear = /^(\d{1,2})\s*\/\s*\d{4}$/.exec(key);
  return monthYear ? validMonth(Number(monthYear[1])) : null;
}

function validMonth(m: number): number | null {
  return m >= 1 && m <= 12 ? m : null;
}

function listOptions(options: OptionEntry[]): string {
  return options.map((o) => `"${o.label}" (${formatNumberVi(o.points)})`).join(", ");
}

/** Picks the option whose band holds the value; a problem when none or several do. */
function byBand(
  options: OptionEntry[],
  bands: Array<Band | null>,
  unit: Band["unit"],
  value: number,
  shown: string
): OptionChoice {
  const hits = bands
    .map((band, index) => ({ band, index }))
    .filter((b) => b.band !== null && b.band.unit === unit && inBand(b.band, value));
  if (hits.length === 1) return { option: options[hits[0].index], index: hits[0].index };
  if (hits.length === 0)
    return {
      problem: `Số liệu ${shown} không thuộc mức nào (${bands
        .filter((b): b is Band => b !== null)
        .map(describeBand)
        .join("; ")}): chọn mức bằng tay hoặc sửa các mức của tiêu chí`,
    };
  return {
    problem: `Số liệu ${shown} thuộc cùng lúc ${hits.length} mức (${hits
      .map((h) => `"${options[h.index].label}"`)
      .join(", ")}): các mức chồng nhau, chọn mức bằng tay`,
  };
}

/**
 * Chooses an option from one cell.
 *
 * @example chooseOption([{ label: "Từ 100%", points: 1 }, { label: "Từ 50% - dưới 100%", points: 0.5 }, { label: "Dưới 50%", points: 0 }], { value: "82%" }) // { option: { label: "Từ 50% - dưới 100%", points: 0.5 }, index: 1 }
 */
export function chooseOption(options: OptionEntry[], cell: ResultCell): OptionChoice {
  const bands = listBands(options.map((o) => o.label));
  const hasRatioBands = bands.some((b) => b?.unit === "ratio");
  const hasMonthBands = bands.some((b) => b?.unit === "month");
  const byPoints = (points: number): OptionChoice | null => {
    const index = options.findIndex((o) => Math.abs(o.points - points) < 0.0005);
    return index >= 0 ? { option: options[index], index } : null;
  };
  if (typeof cell.value === "number") {
    if (isPercentFormat(cell.numberFormat) && hasRatioBands)
      return byBand(options, bands, "ratio", cell.value, `${formatNumberVi(cell.value * 100)}%`);
    const exact = byPoints(cell.value);
    if (exact) return exact;
    const share = shareFromNumber(cell.value);
    if (hasRatioBands && share !== null && cell.value > 1)
      return byBand(options, bands, "ratio", share, formatNumberVi(cell.value));
    return {
      problem: `Điểm ${formatNumberVi(cell.value)} không trùng điểm của mức nào (${listOptions(options)}): nhập đúng điểm của một mức`,
    };
  }
  const text = collapseSpaces(cellText(cell.value));
  const key = normalizeVi(text);
  const named = options.findIndex((o) => normalizeVi(o.label) === key);
  if (named >= 0) return { option: options[named], index: named };
  const decimal = /^\d+(?:[.,]\d+)?$/.test(text) ? Number(text.replace(",", ".")) : null;
  if (decimal !== null) return chooseOption(options, { value: decimal });
  if (hasMonthBands) {
    const month = monthOf(text);
    if (month !== null) return byBand(options, bands, "month", month, `"${text}"`);
  }
  if (hasRatioBands && /[%/]/.test(text)) {
    const ratio = parseRatio({ value: text });
    if (ratio !== null) return byBand(options, bands, "ratio", ratio, `"${text}"`);
  }
  return {
    problem: `Không xác định được mức từ "${text.slice(0, 80)}": nhập điểm của một mức (${listOptions(options)}) hoặc đánh dấu x vào dòng của mức đó`,
  };
}
