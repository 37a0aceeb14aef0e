/**
 * Free-text deadlines → a schedule and a due date.
 *
 * Offices write "Trước ngày 05/02/2025", "Quý II, III/2025", "Lần 1: tháng 6 Lần 2 tháng
 * 11", "Trước ngày 25 hàng tháng", "Thường xuyên", "Theo chỉ đạo của quận"... Each form
 * is one small pattern function below; `parseDeadline` tries them in a fixed order.
 */
import {
  endOfMonthIso,
  endOfQuarterIso,
  formatDateVi,
  fromExcelSerial,
  makeDate,
  toDate,
  type IsoDate,
} from "./dates";
import { MAX_MEMOIZED_LENGTH, cellText, collapseSpaces, memoize, normalizeVi } from "./text";
import type { CellValue } from "./values";
import { warning, type RowWarning } from "./warnings";

export type ScheduleKind = "date" | "recurring" | "continuous" | "external" | "none" | "unparsed";

export interface Deadline {
  schedule: ScheduleKind;
  /** The repeating pattern of a recurring deadline (the one whose next occurrence is `due`). */
  recurrence?: Recurrence;
  /** The final due date (date), the next occurrence (recurring), else null. */
  due: IsoDate | null;
  /** Earlier dates named in the same cell (date schedules), oldest first. */
  milestones: IsoDate[];
  warnings: RowWarning[];
}

export interface DeadlineContext {
  /** Year for deadlines that name none ("Quý IV", "tháng 6", "Trong năm"). */
  planYear: number;
  /** "Tính đến ngày": the day the workbook is looked at. */
  today: IsoDate;
  /** Address of the cell ("'Kế hoạch'!C7"), for warnings about a number that is no date. */
  cell?: string;
}

// ---------------------------------------------------------------------------
// Pattern functions. Each takes normalised text (normalizeVi) and returns what it found.
// ---------------------------------------------------------------------------

export interface FoundDate {
  date: IsoDate;
  /** Set when the written day does not exist and the last day of the month was used. */
  invalidText?: string;
}

/**
 * Full dates written dd/mm/yyyy (or with "-" or "."), "ngày 30 tháng 11 năm 2025", and
 * yyyy-mm-dd.
 * An impossible day ("31/11/2025") becomes the month's last day, flagged.
 *
 * @example findFullDates("hoàn thành trước 12/12/2025") // [{ date: "2025-12-12" }]
 */
export function findFullDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  const numeric = /(?<![\d/])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/g;
  const spelled = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/g;
  for (const pattern of [numeric, spelled]) {
    for (const match of text.matchAll(pattern)) {
      const date = fixDate(Number(match[3]), Number(match[2]), Number(match[1]), match[0]);
      if (date) found.push(date);
    }
  }
  // ISO dates, as other software exports them: 2025-11-30.
  for (const match of text.matchAll(/(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/g)) {
    const date = fixDate(Number(match[1]), Number(match[2]), Number(match[3]), match[0]);
    if (date) found.push(date);
  }
  return found;
}

/**
 * Day and month without a year, after "ngày" or "trước": "trước ngày 15/12".
 *
 * @example findDayMonthDates("trước ngày 15/12", 2025) // [{ date: "2025-12-15" }]
 */
export function findDayMonthDates(text: string, planYear: number): FoundDate[] {
  const found: FoundDate[] = [];
  for (const match of text.matchAll(/(?:ngày|trước)\s+(\d{1,2})\s*\/\s*(\d{1,2})(?![\d/])/g)) {
    const date = fixDate(planYear, Number(match[2]), Number(match[1]), match[0]);
    if (date) found.push(date);
  }
  return found;
}

/**
 * A bare day and month, the plan year understood: "30/11", "Hạn 30/11", "hoàn thành 30/11.".
 * Only when the cell names no other number, so that "41/42" in a sentence or "Quý
 * III/2025" are not read as dates.
 *
 * @example findBareDayMonth("30/11", 2025) // [{ date: "2025-11-30" }]
 */
export function findBareDayMonth(text: string, planYear: number): FoundDate[] {
  // The prefix class has no digits, so the split before the day is the only one (linear).
  const match = /^[\p{L}\s:,]*(\d{1,2})\s*\/\s*(\d{1,2})[\s.;]*$/u.exec(text);
  if (!match) return [];
  const date = fixDate(planYear, Number(match[2]), Number(match[1]), `${match[1]}/${match[2]}`);
  return date ? [date] : [];
}

function fixDate(year: number, month: number, day: number, written: string): FoundDate | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1990 || year > 2100) return null;
  const exact = makeDate(year, month, day);
  if (exact) return { date: exact };
  return { date: endOfMonthIso(year, month), invalidText: written.trim() };
}

const ROMAN_QUARTERS: Record<string, number> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  "1": 1,
  "2": 2,
  "3": 3,
  "4": 4,
};

/**
 * Quarters with an optional year: "quý i/2025", "quý i năm 2025", "quý ii, iii/2025",
 * "vào quý i và … vào quý iii". Each quarter maps to its last day.
 *
 * @example findQuarters("quý ii, iii/2025", 2024) // ["2025-06-30", "2025-09-30"]
 */
export function findQuarters(text: string, planYear: number): IsoDate[] {
  const dates: IsoDate[] = [];
  const pattern =
    /quý\s+((?:(?:iv|iii|ii|i|[1-4])\s*(?:,|và|-|–)\s*)*(?:iv|iii|ii|i|[1-4]))(?![a-z\d])\s*(?:(?:\/|năm)\s*(\d{4}))?/g;
  for (const match of text.matchAll(pattern)) {
    const year = match[2] ? Number(match[2]) : planYear;
    for (const part of match[1].split(/\s*(?:,|và|-|–)\s*/)) {
      const quarter = ROMAN_QUARTERS[part.trim()];
      if (quarter) dates.push(endOfQuarterIso(year, quarter));
    }
  }
  return dates;
}

/**
 * Months with an optional year: "tháng 8/2025", "trong tháng 1/2025", "tháng 6",
 * "lần 1: tháng 6 lần 2 tháng 11". Each month maps to its last day. "6 tháng đầu năm" is
 * the first half year.
 *
 * @example findMonths("lần 1: tháng 6 lần 2 tháng 11", 2025) // ["2025-06-30", "2025-11-30"]
 */
export function findMonths(text: string, planYear: number): IsoDate[] {
  const dates: IsoDate[] = [];
  for (const match of text.matchAll(
    /tháng\s+(\d{1,2})(?:\s*[/-]\s*(\d{4})|\s+năm\s+(\d{4}))?(?![\d/])/g
  )) {
    const month = Number(match[1]);
    if (month < 1 || month > 12) continue;
    const year = Number(match[2] ?? match[3] ?? planYear);
    dates.push(endOfMonthIso(year, month));
  }
  const halfYear = /6 tháng đầu năm(?:\s+(\d{4}))?/.exec(text);
  if (halfYear) dates.push(endOfMonthIso(Number(halfYear[1] ?? planYear), 6));
  return dates;
}

/**
 * Whole years: "năm 2025", "trong năm 2025", "trong năm" (the plan year), "cuối năm".
 *
 * @example findYears("trong năm 2025", 2024) // ["2025-12-31"]
 */
export function findYears(text: string, planYear: number): IsoDate[] {
  const dates: IsoDate[] = [];
  for (const match of text.matchAll(/năm\s+(\d{4})(?!\d)/g))
    dates.push(endOfMonthIso(Number(match[1]), 12));
  if (dates.length === 0 && /(?:^|\s)(?:trong|cả|cuối)\s+năm(?:\s|$|[.,;])/.test(text)) {
    dates.push(endOfMonthIso(planYear, 12));
  }
  if (dates.length === 0 && /^\d{4}$/.test(text)) dates.push(endOfMonthIso(Number(text), 12));
  return dates;
}

/** A repeating deadline and its next occurrence. */
export type Recurrence =
  | { every: "month"; day?: number }
  | { every: "quarter"; day?: number }
  | { every: "year" }
  | { every: "week" };

/**
 * Repeating deadlines: "trước ngày 25 hàng tháng", "hàng quý", "theo quý", "hàng năm",
 * "hàng tháng, quý, năm", "trước ngày 10 của tháng cuối kỳ báo cáo", "định kỳ".
 *
 * @example findRecurrences("trước ngày 25 hàng tháng") // [{ every: "month", day: 25 }]
 */
export function findRecurrences(text: string): Recurrence[] {
  const found: Recurrence[] = [];
  const monthly = /(?:ngày\s+(\d{1,2})\s+)?(?:hàng|hằng|mỗi)\s+tháng/g;
  for (const match of text.matchAll(monthly))
    found.push({ every: "month", day: match[1] ? Number(match[1]) : undefined });
  const endOfPeriod = /ngày\s+(\d{1,2})\s+(?:của\s+)?tháng\s+cuối\s+(?:kỳ|quý)/.exec(text);
  if (endOfPeriod) found.push({ every: "quarter", day: Number(endOfPeriod[1]) });
  if (/(?:hàng|hằng|mỗi|theo)\s+(?:tháng,\s*)?quý/.test(text)) found.push({ every: "quarter" });
  if (
    /(?:hàng|hằng|mỗi)\s+(?:tháng,\s*)?(?:quý,\s*)?năm|hàng tháng,\s*quý,?\s*(?:và\s+)?năm/.test(
      text
    )
  )
    found.push({ every: "year" });
  if (/(?:hàng|hằng|mỗi)\s+tuần/.test(text)) found.push({ every: "week" });
  if (found.length === 0 && /định kỳ/.test(text)) found.push({ every: "month" });
  return found;
}

/**
 * The next occurrence of a recurrence on or after `today`.
 *
 * @example nextOccurrence({ every: "month", day: 25 }, "2025-07-26") === "2025-08-25"
 */
export function nextOccurrence(recurrence: Recurrence, today: IsoDate): IsoDate {
  const now = toDate(today);
  const year = now.getFullYear();
  const month = now.getMonth() + 1;
  const onDay = (y: number, m: number, day?: number): IsoDate => {
    const normalised = m > 12 ? { y: y + 1, m: m - 12 } : { y, m };
    const last = endOfMonthIso(normalised.y, normalised.m);
    if (day === undefined) return last;
    return makeDate(normalised.y, normalised.m, day) ?? last;
  };
  switch (recurrence.every) {
    case "month": {
      const thisMonth = onDay(year, month, recurrence.day);
      return thisMonth >= today ? thisMonth : onDay(year, month + 1, recurrence.day);
    }
    case "quarter": {
      const quarterEnd = Math.ceil(month / 3) * 3;
      const thisQuarter = onDay(year, quarterEnd, recurrence.day);
      return thisQuarter >= today ? thisQuarter : onDay(year, quarterEnd + 3, recurrence.day);
    }
    case "year":
      return endOfMonthIso(year, 12);
    case "week": {
      const daysToSunday = (7 - now.getDay()) % 7;
      const sunday = new Date(year, month - 1, now.getDate() + daysToSunday);
      return onDay(sunday.getFullYear(), sunday.getMonth() + 1, sunday.getDate());
    }
  }
}

/**
 * The label of a recurring deadline, worded so that it stays true every period (a fixed
 * "lần tới 25/11" would be stale the next month).
 *
 * @example recurringLabel({ every: "month", day: 25 }) === "Định kỳ: trước ngày 25 hằng tháng"
 * @example recurringLabel({ every: "quarter" }) === "Định kỳ hằng quý"
 */
export function recurringLabel(recurrence: Recurrence): string {
  switch (recurrence.every) {
    case "month":
      return recurrence.day === undefined
        ? "Định kỳ hằng tháng"
        : `Định kỳ: trước ngày ${recurrence.day} hằng tháng`;
    case "quarter":
      return recurrence.day === undefined
        ? "Định kỳ hằng quý"
        : `Định kỳ: trước ngày ${recurrence.day} tháng cuối quý`;
    case "year":
      return "Định kỳ hằng năm";
    case "week":
      return "Định kỳ hằng tuần";
  }
}

/**
 * True for a label `recurringLabel` writes (so a re-run knows the cell is its own).
 *
 * @example isRecurringLabel("Định kỳ: trước ngày 25 hằng tháng") === true
 */
export function isRecurringLabel(text: string): boolean {
  return /^định kỳ(?: hằng (?:tháng|quý|năm|tuần)|: trước ngày \d{1,2} (?:hằng tháng|tháng cuối quý))$/.test(
    normalizeVi(text)
  );
}

/** "Thường xuyên", "Liên tục": ongoing work with no due date. */
export function isContinuous(text: string): boolean {
  return /thường xuyên|liên tục|hàng ngày|hằng ngày/.test(text);
}

/**
 * Deadlines set by someone else: "Theo chỉ đạo của quận", "Theo yêu cầu của huyện /
 * cấp trên", "Theo văn bản triển khai của Sở Nội vụ", "Hoàn thành theo thời gian quy
 * định của…", "Theo kế hoạch của cấp trên", "Theo quy định…".
 */
export function isExternal(text: string): boolean {
  return /theo\s+(?:sự\s+)?(?:chỉ đạo|yêu cầu|văn bản|kế hoạch|quy định|hướng dẫn|thông báo|lịch|thời gian|đề nghị)|thời (?:gian|hạn) quy định|khi có (?:yêu cầu|chỉ đạo)|khi phát sinh|đột xuất/.test(
    text
  );
}

// ---------------------------------------------------------------------------

function dateDeadline(found: FoundDate[], periods: IsoDate[], original: string): Deadline {
  const all = [...found.map((f) => f.date), ...periods].sort();
  const unique = [...new Set(all)];
  const warnings = found
    .filter((f) => f.invalidText !== undefined)
    .map((f) =>
      warning(
        "invalid_date",
        `Ngày "${f.invalidText}" không tồn tại (trong "${quoteShort(original)}"): đã dùng ngày cuối tháng ${formatDateVi(f.date)}; hãy sửa lại ngày`
      )
    );
  return {
    schedule: "date",
    due: unique[unique.length - 1],
    milestones: unique.slice(0, -1),
    warnings,
  };
}

/**
 * The warning for a number in a date cell that is no date Excel can show. A number that
 * reads as yyyymmdd is named as the date it probably means.
 */
function notADate(value: number, cell: string | undefined): RowWarning {
  const digits = Number.isInteger(value) ? String(value) : "";
  const typed = /^\d{8}$/.test(digits)
    ? makeDate(Number(digits.slice(0, 4)), Number(digits.slice(4, 6)), Number(digits.slice(6)))
    : null;
  const where = cell ? `Ô ${cell}: ` : "";
  const shown =
    Number.isFinite(value) && Math.abs(value) < 1e15 ? String(value) : value.toExponential(3);
  const hint = typed
    ? `nếu là ngày ${formatDateVi(typed)}, hãy nhập ${formatDateVi(typed)}`
    : "hãy nhập ngày dạng dd/mm/yyyy, ví dụ 30/11/2025";
  return warning(
    "invalid_date",
    `${where}số ${shown} không phải là ngày (Excel chỉ hiện ngày từ 01/01/1900 đến 31/12/9999): ${hint}`
  );
}

function quoteShort(text: string): string {
  const flat = collapseSpaces(text);
  return flat.length > 120 ? `${flat.slice(0, 117)}…` : flat;
}

/** Plausible Excel serials of dates (1982–2119), to tell a date cell from a year or a count. */
function looksLikeSerialDate(value: number, numberFormat?: string): boolean {
  const formatted =
    numberFormat !== undefined && /[dmy]/i.test(numberFormat.replace(/"[^"]*"/g, ""));
  return formatted || (value >= 30_000 && value <= 80_000);
}

/**
 * Reads a deadline cell.
 *
 * @example parseDeadline("Quý II, III/2025", undefined, { planYear: 2025, today: "2025-07-01" })
 * // { schedule: "date", due: "2025-09-30", milestones: ["2025-06-30"], warnings: [] }
 */
export function parseDeadline(
  value: CellValue,
  numberFormat: string | undefined,
  ctx: DeadlineContext
): Deadline {
  const none: Deadline = { schedule: "none", due: null, milestones: [], warnings: [] };
  if (typeof value === "number") {
    if (Number.isInteger(value) && value >= 1990 && value <= 2100) {
      return { schedule: "date", due: endOfMonthIso(value, 12), milestones: [], warnings: [] };
    }
    if (looksLikeSerialDate(value, numberFormat)) {
      const due = fromExcelSerial(value);
      if (due !== null) return { schedule: "date", due, milestones: [], warnings: [] };
      return { ...none, warnings: [notADate(value, ctx.cell)] };
    }
  }
  return parseDeadlineText(cellText(value), ctx.planYear, ctx.today);
}

/**
 * A plan repeats the same few deadline texts on most rows ("Thường xuyên", "Quý IV/2025",
 * "Trước ngày 15/12/2025"), and a text's reading depends only on the plan year and today:
 * readings are kept, per (year, today, text), and shared (callers never mutate them).
 */
const textDeadlines = new Map<string, Deadline>();
const TEXT_DEADLINES_KEPT = 20_000;

function parseDeadlineText(original: string, planYear: number, today: IsoDate): Deadline {
  if (original.length > MAX_MEMOIZED_LENGTH) return readDeadlineText(original, planYear, today);
  const key = `${planYear}|${today}|${original}`;
  let deadline = textDeadlines.get(key);
  if (deadline === undefined) {
    if (textDeadlines.size >= TEXT_DEADLINES_KEPT) textDeadlines.clear();
    deadline = readDeadlineText(original, planYear, today);
    textDeadlines.set(key, deadline);
  }
  return deadline;
}

function readDeadlineText(original: string, planYear: number, today: IsoDate): Deadline {
  const ctx = { planYear, today };
  const none: Deadline = { schedule: "none", due: null, milestones: [], warnings: [] };
  const text = normalizeVi(original);
  if (text === "") return none;

  const full = findFullDates(text);
  const prefixed = full.length === 0 ? findDayMonthDates(text, ctx.planYear) : [];
  const dayMonth =
    full.length === 0 && prefixed.length === 0 ? findBareDayMonth(text, ctx.planYear) : prefixed;
  if (full.length + dayMonth.length > 0) return dateDeadline([...full, ...dayMonth], [], original);

  const recurrences = findRecurrences(text);
  if (recurrences.length > 0) {
    const [next] = recurrences
      .map((recurrence) => ({ recurrence, due: nextOccurrence(recurrence, ctx.today) }))
      .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
    return {
      schedule: "recurring",
      recurrence: next.recurrence,
      due: next.due,
      milestones: [],
      warnings: [],
    };
  }
  if (isContinuous(text))
    return { schedule: "continuous", due: null, milestones: [], warnings: [] };

  const periods = [...findQuarters(text, ctx.planYear), ...findMonths(text, ctx.planYear)];
  if (periods.length > 0) return dateDeadline([], periods, original);
  if (isExternal(text)) return { schedule: "external", due: null, milestones: [], warnings: [] };
  const years = findYears(text, ctx.planYear);
  if (years.length > 0) return dateDeadline([], years, original);

  return {
    schedule: "unparsed",
    due: null,
    milestones: [],
    warnings: [
      warning(
        "unparsed_deadline",
        `Không đọc được thời hạn "${quoteShort(original)}": hãy ghi rõ, ví dụ "Trước ngày 30/11/2025", "Quý III/2025", "Thường xuyên"`
      ),
    ],
  };
}

/**
 * The plan year: the most frequent 20xx year in the given texts (the sheet's title and
 * deadline cells), else the fallback (today's year).
 *
 * @example inferPlanYear(["KẾ HOẠCH … năm 2025", "Quý I/2025", "Năm 2024"], 2026) === 2025
 */
export function inferPlanYear(texts: Iterable<string>, fallback: number): number {
  const counts = new Map<number, number>();
  for (const text of texts) {
    for (const year of yearsIn(text)) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  let best = fallback;
  let bestCount = 0;
  for (const [year, count] of counts) {
    if (count > bestCount || (count === bestCount && year > best)) {
      best = year;
      bestCount = count;
    }
  }
  return best;
}

const NO_YEARS: readonly number[] = [];

/**
 * The 20xx years a text names, in order. Kept per text: a sheet's deadline cells repeat
 * a few texts ("Quý IV/2025", "Trước 31/12/2025") on every row.
 *
 * @example yearsIn("Từ 2024 đến 2025") // [2024, 2025]
 */
const yearsIn: (text: string) => readonly number[] = memoize((text) =>
  text.length < 4
    ? NO_YEARS
    : Array.from(text.matchAll(/(?<!\d)(20\d{2})(?!\d)/g), (match) => Number(match[1]))
);
