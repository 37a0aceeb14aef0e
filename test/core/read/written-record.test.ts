import {
  parseWrittenRecord,
  recordEntry,
  recordHas,
  writtenRecord,
} from "../../../src/core/read/written-record";

/** Entries as a block of `rows` rows writes them: points, maximum and a due date per row. */
function entries(rows: number, salt = ""): string[] {
  const out: string[] = [];
  for (let i = 0; i < rows; i++) {
    const row = `${salt}Nhiệm vụ số ${i + 1}`;
    out.push(recordEntry("points", row, (i % 7) * 0.25));
    out.push(recordEntry("maxPoints", row, 2));
    out.push(recordEntry("due", row, 45900 + (i % 90)));
  }
  return out;
}

describe("the record of what a run wrote (issue 19.5)", () => {
  it.each([1, 50, 1_000, 20_000])(
    "%d rows: every written value reads as ours, and the record stays bounded",
    (rows) => {
      const written = entries(rows);
      const text = writtenRecord(written);
      // Excel keeps a text literal in a formula to 255 characters: "…"&"…" pieces.
      const pieces = text.split("&");
      expect(pieces.every((p) => /^"[^"]{1,255}"$/.test(p))).toBe(true);
      expect(pieces.length).toBeLessThanOrEqual(8);
      const record = parseWrittenRecord(`=${text}`)!;
      expect(record).not.toBeNull();
      expect(written.every((e) => recordHas(record, e))).toBe(true);
    }
  );

  it("reads back from the formula (with or without =) and from the text Office.js computes", () => {
    const text = writtenRecord(entries(300));
    const computed = text.replace(/"&"/g, "").replace(/"/g, "");
    const a = parseWrittenRecord(`=${text}`)!;
    const b = parseWrittenRecord(text)!;
    const c = parseWrittenRecord(computed)!;
    expect(b.bits).toEqual(a.bits);
    expect(c.bits).toEqual(a.bits);
    expect(c.hashes).toBe(a.hashes);
    expect(parseWrittenRecord("'Phụ lục'!$I$5:$M$5")).toBeNull();
    expect(parseWrittenRecord('="v9.1.AA"')).toBeNull();
  });

  it("a typed value is caught: a table of 100 rows lets through fewer than 1 in 100", () => {
    const record = parseWrittenRecord(writtenRecord(entries(100)))!;
    // Values a person might type over ours: other points, other dates, on the same rows.
    let missed = 0;
    let tried = 0;
    for (let i = 0; i < 100; i++) {
      const row = `Nhiệm vụ số ${i + 1}`;
      for (const points of [0.1, 0.3, 1.1, 3, 4.5]) {
        tried++;
        if (recordHas(record, recordEntry("points", row, points))) missed++;
      }
      for (const day of [45700, 45800, 46100, 46200, 46300]) {
        tried++;
        if (recordHas(record, recordEntry("due", row, day))) missed++;
      }
    }
    expect(tried).toBe(1000);
    expect(missed).toBeLessThan(10);
  });

  it("ties a value to its row and column: another row's value is not this row's", () => {
    const record = parseWrittenRecord(writtenRecord([recordEntry("points", "Tiêu chí A", 2)]))!;
    expect(recordHas(record, recordEntry("points", "Tiêu chí A", 2))).toBe(true);
    expect(recordHas(record, recordEntry("points", "Tiêu chí B", 2))).toBe(false);
    expect(recordHas(record, recordEntry("maxPoints", "Tiêu chí A", 2))).toBe(false);
    // Line ends as Excel or LibreOffice may give them back are the same text.
    const warn = parseWrittenRecord(writtenRecord([recordEntry("warnings", "A", "⚠ a\n⚠ b")]))!;
    expect(recordHas(warn, recordEntry("warnings", "A", "⚠ a\r\n⚠ b"))).toBe(true);
  });
});
