/**
 * Hostile and unlucky inputs found by scripted attacks (issue 10): each case scored
 * wrong points, crashed or misread a value before its fix.
 */
import { criteriaSetToSheet, readCriteriaSheet } from "../../src/core/criteria/criteria-sheet";
import { fromExcelSerial, isExcelDateSerial } from "../../src/core/parse/dates";
import { parseDeadline } from "../../src/core/parse/deadlines";
import type { Grid } from "../../src/core/read/grid";
import { roundHalfAwayFromZero } from "../../src/core/parse/numbers";
import { isReservedSheet, sameSheetName } from "../../src/core/read/output-columns";
import { applyRule } from "../../src/core/score/rules";
import { MAX_SOON_DAYS, scoreWorkbook } from "../../src/core/run";
import {
  MAX_CRITERIA_DEPTH,
  MAX_MAX_POINTS,
  parseCriteriaSet,
  type CriteriaSet,
  type CriteriaSetInput,
} from "../../src/core/criteria/schema";
import { scoreSheet } from "../../src/core/score/sheet";
import {
  MAX_RESULT_LENGTH,
  parseCount,
  parseRatio,
  parseRatioList,
  parseWeightedShare,
} from "../../src/core/parse/values";
import { warning } from "../../src/core/parse/warnings";
import { applyPlan } from "./apply-plan";
import { DIEN_BAN_2025 } from "./fixtures";

const today = "2025-11-20";

function setOf(input: CriteriaSetInput): CriteriaSet {
  const parsed = parseCriteriaSet(input);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join("\n"));
  return parsed.value;
}

/** Every number a result can carry: points, totals, what a warning says was lost. */
function everyNumber(sheet: ReturnType<typeof scoreSheet>): number[] {
  return sheet.tables.flatMap((t) => [
    t.totals.points,
    t.totals.maxPoints,
    ...t.totals.areas.flatMap((a) => [a.points, a.maxPoints]),
    ...t.rows.flatMap((r) => [
      r.points ?? 0,
      r.pointsAtStake ?? 0,
      ...r.warnings.map((w) => w.pointsLost ?? 0),
    ]),
  ]);
}

describe("a criterion listed on several rows", () => {
  const grid: Grid = {
    sheetName: "Tự chấm",
    values: [
      ["Mã", "Nội dung", "Kết quả"],
      ["VII.4", "Dịch vụ công trực tuyến", ""],
      ["VII.4.1", "Tỷ lệ hồ sơ trực tuyến toàn trình", "100%"],
      ["VII.4.1", "Tỷ lệ hồ sơ trực tuyến toàn trình", "100%"],
      ["VII.4.2", "Tỷ lệ thanh toán trực tuyến", "70%"],
      ["VII.4.1", "Tỷ lệ hồ sơ trực tuyến toàn trình (nhập lại)", "100%"],
    ],
  };
  const table = scoreSheet(grid, { criteria: DIEN_BAN_2025, today }).tables[0];

  it("counts the criterion once: the parent scores at most its maximum", () => {
    const parent = table.rows.find((r) => r.criterion === "VII.4")!;
    expect(parent.points).toBe(3);
    expect(parent.points!).toBeLessThanOrEqual(parent.maxPoints!);
  });

  it("keeps the area and the table total within their maxima", () => {
    const area = table.totals.areas.find((a) => a.code === "VII")!;
    expect(area.points).toBe(3);
    expect(table.totals.points).toBeLessThanOrEqual(table.totals.maxPoints);
  });

  it("says on each repeated row which rows list the criterion and which one counts", () => {
    const repeated = table.rows.filter((r) => r.criterion === "VII.4.1");
    expect(repeated.map((r) => r.row)).toEqual([3, 4, 6]);
    for (const row of repeated) {
      const w = row.warnings.find((x) => x.code === "duplicate_criterion");
      expect(w?.message).toContain("VII.4.1");
      expect(w?.message).toContain("3, 4, 6");
      expect(w?.message).toContain("dòng 3");
    }
    expect(
      table.rows.find((r) => r.criterion === "VII.4.2")!.warnings.map((w) => w.code)
    ).not.toContain("duplicate_criterion");
  });

  it("counts the first row with a readable result when an earlier copy is empty", () => {
    const g: Grid = {
      sheetName: "Tự chấm",
      values: [
        ["Mã", "Nội dung", "Kết quả"],
        ["VII.4.1", "Toàn trình", ""],
        ["VII.4.1", "Toàn trình", "80%"],
      ],
    };
    const t = scoreSheet(g, { criteria: DIEN_BAN_2025, today }).tables[0];
    expect(t.totals.points).toBe(t.rows[1].points);
    expect(t.rows[0].warnings.find((w) => w.code === "duplicate_criterion")?.message).toContain(
      "dòng 3"
    );
  });
});

describe("maxima with three decimals", () => {
  const set = setOf({
    id: "ba-so-le",
    name: "Bộ thử điểm lẻ",
    areas: [
      {
        code: "A",
        name: "Lĩnh vực A",
        maxPoints: 0.505,
        criteria: [
          { code: "A.1", name: "Một", maxPoints: 0.125, rule: { kind: "ratio" } },
          { code: "A.2", name: "Hai", maxPoints: 0.005, rule: { kind: "ratio" } },
          { code: "A.3", name: "Ba", maxPoints: 0.375, rule: { kind: "manual" } },
        ],
      },
    ],
  });

  it.each([0.125, 0.005, 0.375])("a full result never scores above the maximum %p", (max) => {
    for (const rule of [
      { kind: "ratio", min: 0, full: 1 },
      { kind: "boolean" },
      { kind: "gate", min: 1 },
    ] as const) {
      const value = rule.kind === "boolean" ? "Đạt" : "100%";
      const points = applyRule(rule, { value }, max).points!;
      expect(points).toBeLessThanOrEqual(max);
      expect(points).toBeGreaterThan(max - 0.01);
    }
    expect(applyRule({ kind: "manual" }, { value: max }, max).points!).toBeLessThanOrEqual(max);
  });

  it("keeps rows and totals within their maxima", () => {
    const grid: Grid = {
      sheetName: "Điểm lẻ",
      values: [
        ["Mã", "Nội dung", "Kết quả"],
        ["A.1", "Một", "100%"],
        ["A.2", "Hai", "100%"],
        ["A.3", "Ba", 0.375],
      ],
    };
    const table = scoreSheet(grid, { criteria: set, today }).tables[0];
    for (const row of table.rows) expect(row.points!).toBeLessThanOrEqual(row.maxPoints!);
    expect(table.totals.points).toBeLessThanOrEqual(table.totals.maxPoints);
    expect(table.totals.areas[0].points).toBeLessThanOrEqual(table.totals.areas[0].maxPoints);
  });
});

describe("tiny and huge numbers", () => {
  it.each<string | number>(["0,0000001", 5e-324, "0.0000000000000000000001%", 1e-300])(
    "a ratio rule with min 0 gives finite points for %p",
    (value) => {
      const outcome = applyRule({ kind: "ratio", min: 0, full: 1 }, { value }, 1.5);
      expect(Number.isFinite(outcome.points)).toBe(true);
      expect(outcome.points).toBe(0);
      for (const w of outcome.warnings) expect(w.message).not.toMatch(/NaN|Infinity/);
    }
  );

  it("rounds numbers of any magnitude without NaN", () => {
    expect(roundHalfAwayFromZero(1.5e-7, 2)).toBe(0);
    expect(roundHalfAwayFromZero(5e-324, 2)).toBe(0);
    expect(roundHalfAwayFromZero(-1.5e-7, 2)).toBe(0);
    expect(roundHalfAwayFromZero(1.2345e21, 2)).toBe(1.2345e21);
    expect(roundHalfAwayFromZero(0.005, 2)).toBe(0.01);
    expect(roundHalfAwayFromZero(1.5 * 0.85, 2)).toBe(1.28);
  });

  it("a threshold warning on a tiny ratio names a number, not NaN", () => {
    const outcome = applyRule({ kind: "ratio", min: 0.5, full: 1 }, { value: "0,0000001" }, 1.5);
    expect(outcome.points).toBe(0);
    expect(outcome.warnings[0].message).toContain("Tỷ lệ 0%");
  });

  it("scores a table of tiny and huge values with finite numbers everywhere", () => {
    const grid: Grid = {
      sheetName: "Số lạ",
      values: [
        ["Mã", "Nội dung", "Kết quả"],
        ["I.1", "Kế hoạch", 5e-324],
        ["VII.4.1", "Toàn trình", "0,0000001"],
        ["VII.4.2", "Thanh toán", 1e308],
        ["VIII.4", "Chỉ tiêu", `vượt: ${"9".repeat(400)}; đạt: 1; tổng: ${"9".repeat(400)}`],
      ],
    };
    const sheet = scoreSheet(grid, { criteria: DIEN_BAN_2025, today });
    for (const n of everyNumber(sheet)) expect(Number.isFinite(n)).toBe(true);
    for (const row of sheet.tables[0].rows)
      for (const w of row.warnings) expect(w.message).not.toMatch(/NaN|Infinity/);
  });
});

describe("values that used to be misread as another number", () => {
  it.each([
    ["9".repeat(400) + "%", "400 nines then %"],
    ["-5%", "a negative percentage"],
    ["−5%", "a negative percentage with a minus sign"],
    ["1" + "0".repeat(400), "a number past Number's range"],
    ["1" + "0".repeat(400) + "/2", "a fraction past Number's range"],
    ["-3/4", "a negative fraction"],
  ])("parseRatio refuses %p (%s)", (value) => {
    expect(parseRatio({ value })).toBeNull();
  });

  it("an unreadable ratio is an invalid_value warning, not points", () => {
    for (const value of ["9".repeat(400) + "%", "-5%"]) {
      const outcome = applyRule({ kind: "ratio", min: 0, full: 1 }, { value }, 1.5);
      expect(outcome.points).toBeNull();
      expect(outcome.warnings.map((w) => w.code)).toEqual(["invalid_value"]);
    }
  });

  it("refuses a list with a negative or oversized percentage", () => {
    expect(parseRatioList({ value: "82%; -5%" })).toBeNull();
    expect(parseRatioList({ value: `82%; ${"9".repeat(400)}%` })).toBeNull();
  });

  it("refuses counts and labelled counts past exact integers", () => {
    expect(parseCount({ value: `${"9".repeat(30)} sáng kiến` })).toBeNull();
    expect(parseWeightedShare({ value: `vượt: 1; đạt: 1; tổng: ${"9".repeat(400)}` })).toBeNull();
  });

  it("still reads the ordinary forms", () => {
    expect(parseRatio({ value: "96,5%" })).toBeCloseTo(0.965, 10);
    expect(parseRatio({ value: "Tỷ lệ 41/42 hồ sơ" })).toBeCloseTo(41 / 42, 10);
    expect(parseRatio({ value: "Kết quả - 95%" })).toBeCloseTo(0.95, 10);
    expect(parseRatioList({ value: "82%; 47%" })).toEqual([0.82, 0.47]);
  });
});

describe("a very long result cell", () => {
  const digits = "9".repeat(32_767);

  it("is refused with a warning that says how long it may be", () => {
    const outcome = applyRule({ kind: "ratio", min: 0, full: 1 }, { value: digits }, 1.5);
    expect(outcome.points).toBeNull();
    expect(outcome.warnings[0].code).toBe("invalid_value");
    expect(outcome.warnings[0].message).toContain(MAX_RESULT_LENGTH.toLocaleString("vi-VN"));
  });

  it.each(["ratio", "all_of", "count", "weighted_share", "manual"] as const)(
    "every %s reader refuses it",
    (kind) => {
      const rule =
        kind === "all_of"
          ? { kind, conditions: [{ label: "A", min: 0.5 }] }
          : kind === "weighted_share"
            ? { kind, weights: { exceeded: 1, met: 1 }, cutoff: 0.5 }
            : kind === "count"
              ? { kind, target: 1, partial: false }
              : kind === "ratio"
                ? { kind, min: 0, full: 1 }
                : { kind };
      expect(applyRule(rule, { value: `${digits}%` }, 1).points).toBeNull();
    }
  );

  it("a count of 32,767 digits is not a full score", () => {
    const outcome = applyRule({ kind: "count", target: 2, partial: false }, { value: digits }, 1);
    expect(outcome.points).toBeNull();
    expect(outcome.warnings[0].code).toBe("invalid_value");
  });

  it("a text just under the limit is still read", () => {
    const text = `${"Kết quả ".repeat(Math.floor((MAX_RESULT_LENGTH - 10) / 8))} 85%`;
    expect(text.length).toBeLessThanOrEqual(MAX_RESULT_LENGTH);
    expect(parseRatio({ value: text })).toBeCloseTo(0.85, 10);
  });
});

describe("serial numbers outside Excel's dates", () => {
  it("has no date for them, and keeps the real ones", () => {
    expect(isExcelDateSerial(20251215)).toBe(false);
    expect(isExcelDateSerial(3e9)).toBe(false);
    expect(fromExcelSerial(3e9)).toBeNull();
    expect(fromExcelSerial(20251215)).toBeNull();
    expect(fromExcelSerial(45991)).toBe("2025-11-30");
    expect(fromExcelSerial(2958465)).toBe("9999-12-31");
  });

  it.each([20251215, 3e9, -5, Number.MAX_VALUE])(
    "a date-formatted %p is an unreadable date, not a crash",
    (value) => {
      const deadline = parseDeadline(value, "dd/mm/yyyy", { planYear: 2025, today });
      expect(deadline.due).toBeNull();
      expect(deadline.warnings.map((w) => w.code)).toEqual(["invalid_date"]);
    }
  );

  it("the row's warning names the cell", () => {
    const grid: Grid = {
      sheetName: "Kế hoạch",
      values: [
        ["TT", "Nội dung", "Thời gian hoàn thành"],
        [1, "Ban hành kế hoạch", 20251215],
        [2, "Báo cáo quý", 3e9],
      ],
      numberFormats: [
        ["General", "General", "General"],
        ["General", "General", "dd/mm/yyyy"],
        ["General", "General", "dd/mm/yyyy"],
      ],
    };
    const run = scoreWorkbook([grid], { criteria: null, today });
    const rows = run.results[0].tables[0].rows;
    expect(rows[0].warnings[0].message).toContain("'Kế hoạch'!C2");
    expect(rows[0].warnings[0].message).toContain("15/12/2025");
    expect(rows[1].warnings[0].message).toContain("'Kế hoạch'!C3");
    expect(rows.map((r) => r.due)).toEqual([null, null]);
  });
});

describe("soon-days", () => {
  const grid: Grid = {
    sheetName: "Kế hoạch",
    values: [
      ["TT", "Nội dung", "Thời gian hoàn thành"],
      [1, "Báo cáo", "Quý IV/2025"],
    ],
  };

  it.each([1_000_000_000, -1, 1.5, Number.NaN, MAX_SOON_DAYS + 1])(
    "refuses %p with a Vietnamese RangeError",
    (soonDays) => {
      expect(() => scoreWorkbook([grid], { criteria: null, today, soonDays })).toThrow(RangeError);
      expect(() => scoreWorkbook([grid], { criteria: null, today, soonDays })).toThrow(
        /từ 0 đến 366 ngày/
      );
    }
  );

  it("accepts the bounds", () => {
    for (const soonDays of [0, MAX_SOON_DAYS])
      expect(
        scoreWorkbook([grid], { criteria: null, today, soonDays }).results[0].tables[0].rows[0].due
      ).toBe("2025-12-31");
  });
});

describe("criteria files with wrong types", () => {
  const valid = (): Record<string, unknown> =>
    JSON.parse(JSON.stringify(criteriaSetToSheetInput()));

  it("reports a wrong type as a wrong type, not as missing", () => {
    const input = { ...valid(), year: "2025" };
    const result = parseCriteriaSet(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0].message).toBe("year: Sai kiểu dữ liệu: cần số");
  });

  it("says areas must be a list", () => {
    const result = parseCriteriaSet({ ...valid(), areas: "abc" });
    if (result.ok) throw new Error("accepted");
    expect(result.problems.map((p) => p.message)).toEqual([
      "areas: Sai kiểu dữ liệu: cần danh sách",
    ]);
  });

  it("still calls an absent value missing", () => {
    const input = valid();
    delete input.name;
    const result = parseCriteriaSet(input);
    if (result.ok) throw new Error("accepted");
    expect(result.problems.map((p) => p.message)).toEqual([
      "name: Tên bộ tiêu chí phải là chuỗi ký tự",
    ]);
    const noYear = parseCriteriaSet({
      ...valid(),
      areas: [{ code: "I", name: "A", criteria: [] }],
    });
    if (noYear.ok) throw new Error("accepted");
    expect(noYear.problems.map((p) => p.message)).toContain(
      "areas[0].maxPoints: Điểm tối đa phải là số"
    );
  });
});

describe("criteria files with huge maxima", () => {
  it("refuses a maximum past 1000 points, so that no sum overflows to Infinity", () => {
    const input = criteriaSetToSheetInput();
    const area = input.areas[0];
    area.maxPoints = 1e308;
    area.criteria = [
      { code: "I.1", name: "Một", maxPoints: 1e308, rule: { kind: "boolean" } },
      { code: "I.2", name: "Hai", maxPoints: 1e308, rule: { kind: "boolean" } },
    ];
    const result = parseCriteriaSet(input);
    if (result.ok) throw new Error("accepted");
    const messages = result.problems.map((p) => p.message);
    expect(messages).toContain(
      `areas[0].criteria[0].maxPoints: Điểm tối đa không được lớn hơn ${MAX_MAX_POINTS}`
    );
    for (const message of messages) expect(message).not.toMatch(/NaN|Infinity/);
  });
});

/** A small valid set as plain JSON. */
function criteriaSetToSheetInput(): CriteriaSetInput {
  return {
    id: "nho",
    name: "Bộ nhỏ",
    areas: [
      {
        code: "I",
        name: "Chỉ đạo",
        maxPoints: 1,
        criteria: [{ code: "I.1", name: "Kế hoạch", maxPoints: 1, rule: { kind: "boolean" } }],
      },
    ],
  };
}

/** A set whose one area holds a chain of criteria `depth` levels deep (1.1, 1.1.1, …). */
function deepInput(depth: number): CriteriaSetInput {
  let code = "1";
  const root: Record<string, unknown> = { code, name: "Cấp 1", maxPoints: 1 };
  let node = root;
  for (let level = 2; level <= depth; level++) {
    code = `${code}.1`;
    const child: Record<string, unknown> = { code, name: `Cấp ${level}`, maxPoints: 1 };
    node.children = [child];
    node = child;
  }
  node.rule = { kind: "boolean" };
  return {
    id: "sau",
    name: "Bộ lồng sâu",
    areas: [{ code: "A", name: "A", maxPoints: 1, criteria: [root as never] }],
  };
}

describe("criteria nested too deep", () => {
  it("accepts the maximum depth", () => {
    expect(parseCriteriaSet(deepInput(MAX_CRITERIA_DEPTH)).ok).toBe(true);
  });

  it.each([MAX_CRITERIA_DEPTH + 1, 800, 20_000])(
    "refuses %p levels from JSON with a clear message",
    (depth) => {
      const result = parseCriteriaSet(deepInput(depth));
      if (result.ok) throw new Error("accepted");
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0].message).toContain(`tối đa ${MAX_CRITERIA_DEPTH} cấp`);
      expect(result.problems[0].message).not.toMatch(/call stack/i);
    }
  );

  it.each([MAX_CRITERIA_DEPTH + 1, 800, 5_000])(
    "refuses %p levels on the criteria sheet at the first row too deep",
    (depth) => {
      const shallow = criteriaSetToSheet(setOf(deepInput(MAX_CRITERIA_DEPTH)));
      const values = shallow.values.map((row) => [...row]);
      const last = values[values.length - 1];
      let code = String(last[0]);
      values[values.length - 1] = [...last.slice(0, 4), "", ...last.slice(5)];
      for (let level = MAX_CRITERIA_DEPTH + 1; level <= depth; level++) {
        code = `${code}.1`;
        const row = [...last];
        row[0] = code;
        row[2] = `Cấp ${level}`;
        values.push(row);
      }
      const firstTooDeep = shallow.values.length + 1;
      const result = readCriteriaSheet({ sheetName: "Bộ tiêu chí", values });
      if (result.ok) throw new Error("accepted");
      expect(result.problems[0].address).toBe(`'Bộ tiêu chí'!A${firstTooDeep}`);
      expect(result.problems[0].message).toContain(`tối đa ${MAX_CRITERIA_DEPTH} cấp`);
    }
  );
});

describe("warnings stay on one line", () => {
  it("a message with line breaks becomes one line", () => {
    expect(warning("invalid_value", "Tổng 10\nVượt 5\r\nĐạt 4\u2028x").message).toBe(
      "Tổng 10 Vượt 5 Đạt 4 x"
    );
  });

  it("an unreadable multi-line result gives a one-line warning, and the next run accepts the tool's own cells", () => {
    const grid: Grid = {
      sheetName: "Tự chấm",
      values: [
        ["Mã", "Nội dung", "Kết quả"],
        ["I.1", "Kế hoạch CCHC", "Tổng 10\nVượt 5\nĐạt 4"],
        ["VII.4.1", "Toàn trình", "85%"],
      ],
    };
    const first = scoreWorkbook([grid], { criteria: DIEN_BAN_2025, today });
    const warningCell = first.plans[0].tables[0].values[1][2] as string;
    expect(warningCell.split("\n")).toHaveLength(1);
    const second = scoreWorkbook([applyPlan(grid, first.plans[0])], {
      criteria: DIEN_BAN_2025,
      today,
    });
    expect(second.blocked).toBeNull();
    expect(second.plans[0].tables[0].values).toEqual(first.plans[0].tables[0].values);
  });
});

describe("sheet names compare as Excel compares them", () => {
  it.each(["TỔNG HỢP", "tổng hợp", "Tổng Hợp", "BỘ TIÊU CHÍ", "bộ tiêu chí"])(
    "%p is a reserved sheet",
    (name) => {
      expect(isReservedSheet(name)).toBe(true);
    }
  );

  it("matches names regardless of case, as Excel refuses a second sheet named so", () => {
    expect(sameSheetName("TỔNG HỢP", "Tổng hợp")).toBe(true);
    expect(sameSheetName("tổng hợp", "Tổng Hợp")).toBe(true);
    expect(sameSheetName("BỘ TIÊU CHÍ", "Bộ tiêu chí")).toBe(true);
    expect(sameSheetName("Tổng hợp", "Tổng hợp 2")).toBe(false);
  });
});
