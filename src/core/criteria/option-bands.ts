/**
 * The band an option label describes ("từ 50% - dưới 100%", "dưới ¾ số lượng", "từ 70%
 * trở lên", "trong tháng 01", "sau tháng 02"), and which band a figure ("82%", "11/12
 * báo cáo", "15/01/2025") falls in. Labels that name no band ("Ban hành kịp thời",
 * "Không ban hành") give null: such options are chosen by a mark, never by a figure.
 */
import { methodKey, shareOf } from "./method-words";

export interface Band {
  unit: "ratio" | "month";
  /** Lower bound, or null for none. */
  from: number | null;
  fromIncluded: boolean;
  /** Upper bound, or null for none. */
  to: number | null;
  toIncluded: boolean;
  /** True when the label said "trở lên" / "dưới" itself; false for a bound implied by the next band. */
  openEnded?: boolean;
}

const SHARE = String.raw`(\d{1,3}(?:\.\d{1,3})?\s?%|\d\s?/\s?\d(?!\d)|một nửa)`;
const PCT_BARE = String.raw`(\d{1,3}(?:\.\d{1,3})?)`;

/**
 * Two-sided bands: "từ 50% - dưới 100%", "từ 50% đến dưới 100%", "90 - <100%", "từ 50% - 70%".
 *
 * @example rangeBand("Hoàn thành từ 50% - dưới 100% kế hoạch") // { unit: "ratio", from: 0.5, fromIncluded: true, to: 1, toIncluded: false }
 */
export function rangeBand(label: string): Band | null {
  const key = methodKey(label);
  const match = new RegExp(
    String.raw`(?:từ |trên )?${PCT_BARE}\s?(%?)\s?(?:-|–|đến) ?(dưới |<|đến dưới )?${PCT_BARE}\s?%`
  ).exec(key);
  if (!match) return null;
  const from = Number(match[1]) / 100;
  const to = Number(match[4]) / 100;
  if (from > to) return null;
  return {
    unit: "ratio",
    from,
    fromIncluded: !match[0].startsWith("trên"),
    to,
    toIncluded: match[3] === undefined,
  };
}

/**
 * One-sided bands: "từ 70% trở lên", "đạt ¾ số lượng trở lên", "trên 70%", ">= 80%", "dưới
 * ¾ số lượng", "<90%", "Hoàn thành 100%", "Đầy đủ".
 *
 * @example oneSidedBand("Báo cáo đạt dưới ¾ số lượng") // { unit: "ratio", from: null, fromIncluded: false, to: 0.75, toIncluded: false, openEnded: true }
 * @example oneSidedBand("Hoàn thành từ 70% trở lên") // { unit: "ratio", from: 0.7, fromIncluded: true, to: null, toIncluded: false, openEnded: true }
 */
export function oneSidedBand(label: string): Band | null {
  const key = methodKey(label);
  const below = new RegExp(String.raw`(?:dưới|<|không đạt|chưa đạt) ?${SHARE}`).exec(key);
  if (below)
    return {
      unit: "ratio",
      from: null,
      fromIncluded: false,
      to: shareOf(below[1]),
      toIncluded: false,
      openEnded: true,
    };
  const atMost = new RegExp(String.raw`(?:<=|tối đa|không quá) ?${SHARE}`).exec(key);
  if (atMost)
    return {
      unit: "ratio",
      from: null,
      fromIncluded: false,
      to: shareOf(atMost[1]),
      toIncluded: true,
      openEnded: true,
    };
  const above = new RegExp(String.raw`(?:trên|>) ?${SHARE}`).exec(key);
  if (above)
    return {
      unit: "ratio",
      from: shareOf(above[1]),
      fromIncluded: false,
      to: null,
      toIncluded: false,
      openEnded: true,
    };
  const from = new RegExp(String.raw`(?:từ|>=|đạt|hoàn thành|được) ?${SHARE}`).exec(key);
  if (from) {
    return {
      unit: "ratio",
      from: shareOf(from[1]),
      fromIncluded: true,
      to: null,
      toIncluded: false,
      openEnded: /trở lên/.test(key),
    };
  }
  if (/^(?:(?:có|gửi|thực hiện|báo cáo) )?đầy đủ|100\s?%/.test(key))
    return {
      unit: "ratio",
      from: 1,
      fromIncluded: true,
      to: null,
      toIncluded: false,
      openEnded: false,
    };
  return null;
}

/**
 * Month bands: "trong tháng 01" (by the end of January), "tháng 02", "sau tháng 02".
 *
 * @example monthBand("Ban hành trong tháng 01") // { unit: "month", from: null, fromIncluded: false, to: 1, toIncluded: true }
 * @example monthBand("Sau tháng 02 hoặc không ban hành") // { unit: "month", from: 2, fromIncluded: false, to: null, toIncluded: false }
 */
export function monthBand(label: string): Band | null {
  const key = methodKey(label);
  const after = /sau tháng (\d{1,2})/.exec(key);
  if (after)
    return {
      unit: "month",
      from: Number(after[1]),
      fromIncluded: false,
      to: null,
      toIncluded: false,
    };
  const within = /(?:trong|trước hết|trước|đến hết) tháng (\d{1,2})/.exec(key);
  if (within)
    return {
      unit: "month",
      from: null,
      fromIncluded: false,
      to: Number(within[1]),
      toIncluded: !/trước tháng/.test(key),
    };
  const month = /^(?:ban hành )?tháng (\d{1,2})/.exec(key);
  if (month)
    return {
      unit: "month",
      from: Number(month[1]),
      fromIncluded: true,
      to: Number(month[1]),
      toIncluded: true,
    };
  return null;
}

/**
 * The band an option label describes, or null.
 *
 * @example optionBand("Hoàn thành từ 100% kế hoạch")?.from === 1
 */
export function optionBand(label: string): Band | null {
  return monthBand(label) ?? rangeBand(label) ?? oneSidedBand(label);
}

/**
 * Bands of a whole option list. A one-sided "từ X trở lên" ends where the next higher
 * band starts, as offices read their lists ("Đầy đủ: 1,5; đạt ¾ trở lên: 1; dưới ¾: 0").
 *
 * @example listBands(["Đầy đủ các báo cáo", "Báo cáo đạt ¾ số lượng trở lên"])[1]?.to === 1
 */
export function listBands(labels: string[]): Array<Band | null> {
  const bands = labels.map(optionBand);
  return bands.map((band) => {
    if (!band || band.to !== null || band.from === null) return band;
    const higher = bands
      .filter(
        (b): b is Band =>
          b !== null && b.unit === band.unit && b.from !== null && b.from > band.from!
      )
      .sort((a, b) => a.from! - b.from!)[0];
    return higher ? { ...band, to: higher.from, toIncluded: !higher.fromIncluded } : band;
  });
}

/** True when a value lies in a band. */
export function inBand(band: Band, value: number): boolean {
  const eps = 1e-9;
  if (
    band.from !== null &&
    (band.fromIncluded ? value < band.from - eps : value <= band.from + eps)
  )
    return false;
  if (band.to !== null && (band.toIncluded ? value > band.to + eps : value >= band.to - eps))
    return false;
  return true;
}

/**
 * Two bands of the same unit that share values, e.g. "từ 50% - 70%" and "từ 70% - 100%".
 *
 * @example bandsOverlap(rangeBand("từ 50% - 70%")!, rangeBand("từ 70% - 100%")!) === true
 */
export function bandsOverlap(a: Band, b: Band): boolean {
  if (a.unit !== b.unit) return false;
  const lowA = a.from ?? -Infinity;
  const lowB = b.from ?? -Infinity;
  const highA = a.to ?? Infinity;
  const highB = b.to ?? Infinity;
  if (highA < lowB || highB < lowA) return false;
  if (highA === lowB) return a.toIncluded && b.fromIncluded;
  if (highB === lowA) return b.toIncluded && a.fromIncluded;
  return true;
}

/** Describes a band for messages: "từ 50% đến dưới 100%". */
export function describeBand(band: Band): string {
  const show = (v: number) =>
    band.unit === "month"
      ? `tháng ${v}`
      : `${String(Math.round(v * 10000) / 100).replace(".", ",")}%`;
  if (band.from !== null && band.to !== null)
    return `${band.fromIncluded ? "từ" : "trên"} ${show(band.from)} đến ${band.toIncluded ? "" : "dưới "}${show(band.to)}`;
  if (band.from !== null) return `${band.fromIncluded ? "từ" : "trên"} ${show(band.from)}`;
  if (band.to !== null) return `${band.toIncluded ? "đến" : "dưới"} ${show(band.to)}`;
  return "mọi giá trị";
}
