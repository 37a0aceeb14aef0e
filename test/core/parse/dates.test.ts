import fc from "fast-check";
import { differenceInCalendarDays } from "date-fns/differenceInCalendarDays";
import { format } from "date-fns/format";
import { dayNumber, daysBetween, excelSerial, makeDate, toIso } from "../../../src/core/parse/dates";

/** Any calendar day from year 1 to 9999, as a local-midnight Date. */
const anyDay = fc
  .record({
    year: fc.integer({ min: 1, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ year, month, day }) => {
    const date = new Date(2000, month - 1, Math.min(day, 28));
    date.setFullYear(year);
    return date;
  });

describe("toIso", () => {
  it("writes a date as date-fns' yyyy-MM-dd does, years 1–9999", () => {
    fc.assert(
      fc.property(anyDay, (date) => {
        expect(toIso(date)).toBe(format(date, "yyyy-MM-dd"));
      }),
      { numRuns: 2000 }
    );
    expect(toIso(new Date(2025, 10, 5))).toBe("2025-11-05");
  });
});

describe("daysBetween", () => {
  it("counts calendar days as date-fns does, across years and leap days", () => {
    fc.assert(
      fc.property(anyDay, anyDay, (a, b) => {
        expect(daysBetween(toIso(a), toIso(b))).toBe(differenceInCalendarDays(b, a));
      }),
      { numRuns: 2000 }
    );
  });

  it.each([
    ["2025-11-20", "2025-11-30", 10],
    ["2025-11-30", "2025-11-20", -10],
    ["2024-02-28", "2024-03-01", 2],
    ["2025-12-31", "2026-01-01", 1],
    ["0050-01-01", "0051-01-01", 365],
  ])("from %s to %s is %i days", (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe("dayNumber", () => {
  it("counts days from 1970-01-01 as JavaScript's UTC clock does", () => {
    fc.assert(
      fc.property(anyDay, (date) => {
        const utc = new Date(0);
        utc.setUTCFullYear(date.getFullYear(), date.getMonth(), date.getDate());
        expect(dayNumber(toIso(date))).toBe(utc.getTime() / 86_400_000);
      }),
      { numRuns: 2000 }
    );
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("1969-12-31")).toBe(-1);
    expect(dayNumber("2000-03-01")).toBe(11_017);
  });
});

describe("makeDate", () => {
  it("refuses a day the month does not have", () => {
    expect(makeDate(2025, 2, 29)).toBeNull();
    expect(makeDate(2024, 2, 29)).toBe("2024-02-29");
    expect(makeDate(2025, 11, 31)).toBeNull();
  });
});

describe("excelSerial", () => {
  it("gives Excel's serial numbers (1900 date system, from 1 March 1900 on)", () => {
    expect(excelSerial("1900-03-01")).toBe(61);
    expect(excelSerial("1970-01-01")).toBe(25_569);
    expect(excelSerial("2025-11-30")).toBe(45_991);
    expect(excelSerial("9999-12-31")).toBe(2_958_465);
  });

  it("counts the days from 30/12/1899 as UTC calendar arithmetic does, years 100–9999", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (year, month, day) => {
          const iso = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
          const utc = Date.UTC(year, month - 1, day);
          expect(excelSerial(iso)).toBe(Math.round((utc - Date.UTC(1899, 11, 30)) / 86_400_000));
        }
      )
    );
  });
});
