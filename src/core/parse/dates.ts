/**
 * Calendar helpers on ISO dates ("2025-11-30"). The core keeps dates as ISO strings so
 * that results are plain JSON and independent of the machine's time zone; date-fns does
 * the arithmetic on local-midnight Date objects.
 */
// One module per function: the package's index loads all of date-fns (about 0,1 s at
// every start of the CLI).
import { addDays } from "date-fns/addDays";
import { format } from "date-fns/format";
import { isValid } from "date-fns/isValid";
import { lastDayOfMonth } from "date-fns/lastDayOfMonth";
import { parseISO } from "date-fns/parseISO";
import { memoize } from "./text";

export type IsoDate = string;

/**
 * Local-midnight Date of an ISO date. Every row asks for the same few dates (today, the
 * end of a quarter…), so parsed dates are kept; callers never mutate them.
 */
export const toDate: (iso: IsoDate) => Date = memoize((iso) => parseISO(iso));

/** ISO date of a Date (its local calendar day). */
export function toIso(date: Date): IsoDate {
  const year = date.getFullYear();
  // Built by hand for the years dates have here (date-fns' format costs more than the
  // scoring of a row); date-fns keeps the others (before year 1000, after 9999).
  if (year < 1000 || year > 9999) return format(date, "yyyy-MM-dd");
  return `${year}-${twoDigits(date.getMonth() + 1)}-${twoDigits(date.getDate())}`;
}

function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** True for a real "YYYY-MM-DD" date. */
export function isIsoDate(text: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(text) && isValid(parseISO(text)) && toIso(parseISO(text)) === text
  );
}

/**
 * Builds an ISO date, or null when the day does not exist in that month.
 *
 * @example makeDate(2025, 2, 29) === null
 * @example makeDate(2025, 11, 30) === "2025-11-30"
 */
export function makeDate(year: number, month: number, day: number): IsoDate | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const last = lastDayOfMonth(new Date(year, month - 1, 1)).getDate();
  if (day > last) return null;
  return toIso(new Date(year, month - 1, day));
}

/**
 * The last day of a month.
 *
 * @example endOfMonthIso(2025, 11) === "2025-11-30"
 */
export function endOfMonthIso(year: number, month: number): IsoDate {
  return monthEnds(`${year}-${month}`);
}

/**
 * The last day of a quarter.
 *
 * @example endOfQuarterIso(2025, 3) === "2025-09-30"
 */
export function endOfQuarterIso(year: number, quarter: number): IsoDate {
  return endOfMonthIso(year, quarter * 3);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  // Every row of every table asks (due date against today): whole days counted on the
  // proleptic Gregorian calendar, with no Date object and no time zone.
  return dayNumber(to) - dayNumber(from);
}

/**
 * Days from 1970-01-01 to an ISO date (negative before it), by the civil-calendar
 * arithmetic of 400-year eras (146,097 days each).
 *
 * @example dayNumber("1970-01-02") === 1
 */
export function dayNumber(iso: IsoDate): number {
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  // Years start in March, so that the leap day is the last day of the year.
  const year = Number(iso.slice(0, 4)) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function addDaysIso(iso: IsoDate, days: number): IsoDate {
  return shiftedDates(`${iso}|${days}`);
}

const shiftedDates = memoize((key: string) => {
  const [iso, days] = key.split("|");
  return toIso(addDays(toDate(iso), Number(days)));
});

/** The ISO date of the last day of a month, computed once per month. */
const monthEnds = memoize((yearMonth: string) => {
  const [year, month] = yearMonth.split("-").map(Number);
  return toIso(lastDayOfMonth(new Date(year, month - 1, 1)));
});

/**
 * The Excel serial number of a date (1900 date system, as Excel and LibreOffice use).
 *
 * @example excelSerial("2025-11-30") === 45991
 */
export function excelSerial(iso: IsoDate): number {
  // Every dated row writes one: days since 1970-01-01 (serial 25,569), by arithmetic.
  return dayNumber(iso) + UNIX_EPOCH_SERIAL;
}

/** Excel's serial number of 1970-01-01 (1900 date system). */
const UNIX_EPOCH_SERIAL = 25_569;

/** The serials Excel shows as dates: 1 (01/01/1900) to 2,958,465 (31/12/9999). */
export const EXCEL_FIRST_SERIAL = 1;
export const EXCEL_LAST_SERIAL = 2_958_465;

/**
 * True for a number Excel can show as a date. 20251215 (a date typed as yyyymmdd) or
 * 3e9 in a date-formatted cell are not dates: Excel shows "#######".
 *
 * @example isExcelDateSerial(45991) === true
 * @example isExcelDateSerial(20251215) === false
 */
export function isExcelDateSerial(serial: number): boolean {
  return Number.isFinite(serial) && serial >= EXCEL_FIRST_SERIAL && serial < EXCEL_LAST_SERIAL + 1;
}

/**
 * The date of an Excel serial number (whole days; the time of day is dropped), or null
 * for a number outside Excel's dates.
 *
 * @example fromExcelSerial(45991) === "2025-11-30"
 * @example fromExcelSerial(3e9) === null
 */
export function fromExcelSerial(serial: number): IsoDate | null {
  if (!isExcelDateSerial(serial)) return null;
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Formats an ISO date the Vietnamese way.
 *
 * @example formatDateVi("2025-07-25") === "25/07/2025"
 */
export function formatDateVi(iso: IsoDate, withYear = true): string {
  const [y, m, d] = iso.split("-");
  return withYear ? `${d}/${m}/${y}` : `${d}/${m}`;
}
