import fc from "fast-check";
import { criteriaSetToSheet, readCriteriaSheet, RULE_LABELS, SHEET_COLUMNS } from "../../../src/core/criteria/criteria-sheet";
import type { Grid } from "../../../src/core/read/grid";
import { parseCriteriaSet, type CriteriaSet, type CriteriaSetInput, type Rule } from "../../../src/core/criteria/schema";
import { DIEN_BAN_2025, HA_DONG_2024 } from "../fixtures";
import { builtInCriteriaSets } from "../../../src/core/criteria-sets";

const asGrid = (set: CriteriaSet): Grid => ({ sheetName: "Bộ tiêu chí", values: criteriaSetToSheet(set).values });

function read(grid: Grid): CriteriaSet {
  const result = readCriteriaSheet(grid);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join("\n"));
  return result.value;
}

describe("readCriteriaSheet on many workbooks carrying the same set (a roll-up)", () => {
  it("validates a set once per content: the same sheet gives the same set, a changed one a new set", () => {
    const first = read(asGrid(DIEN_BAN_2025));
    expect(read(asGrid(DIEN_BAN_2025))).toBe(first);
    const changed = structuredClone(DIEN_BAN_2025);
    changed.areas[0].name = "Lĩnh vực đã đổi tên";
    const other = read(asGrid(changed));
    expect(other).not.toBe(first);
    expect(other.areas[0].name).toBe("Lĩnh vực đã đổi tên");
    expect(read(asGrid(DIEN_BAN_2025)).areas[0].name).toBe(DIEN_BAN_2025.areas[0].name);
  });

  it("reads a sheet again when its cells changed, even as the same grid object", () => {
    const grid = asGrid(DIEN_BAN_2025);
    const before = read(grid);
    const row = grid.values.findIndex((r) => r[0] === "I.1");
    grid.values[row][2] = "Tên tiêu chí đã sửa";
    const after = read(grid);
    expect(after).not.toBe(before);
    expect(after.areas[0].criteria[0].name).toBe("Tên tiêu chí đã sửa");
  });
});

/** 1-based Excel row of the sheet row whose code is `code`. */
function rowOf(grid: Grid, code: string): number {
  return grid.values.findIndex((row) => row[0] === code) + 1;
}

describe("the criteria sheet", () => {
  it.each(builtInCriteriaSets().map((set) => [set.id, set] as const))("round-trips the bundled set %s", (_id, set) => {
    expect(read(asGrid(set))).toEqual(set);
  });

  it("writes one row per area and criterion with readable rule columns", () => {
    const { values, numberFormats, headerRow } = criteriaSetToSheet(DIEN_BAN_2025);
    expect(values[headerRow]).toEqual([...SHEET_COLUMNS]);
    const i1 = values.find((row) => row[0] === "I.1")!;
    expect(i1.slice(0, 7)).toEqual(["I.1", "Tiêu chí", "Hoàn thành kế hoạch CCHC của phường", 1.5, "Tỷ lệ", 0.8, 1]);
    expect(numberFormats[values.indexOf(i1)][5]).toBe("0%");
    const viii4 = values.find((row) => row[0] === "VIII.4")!;
    expect(viii4[4]).toBe(RULE_LABELS.weighted_share);
    expect(viii4.slice(9, 12)).toEqual([1.5, 1, 0.7]);
    const tiers = criteriaSetToSheet(HA_DONG_2024).values.find((row) => row[0] === "7.5")!;
    expect(tiers[12]).toBe("100%: 1; 0%: 0,5");
  });

  it("scores by an edit made in one cell (a threshold)", () => {
    const grid = asGrid(DIEN_BAN_2025);
    const r = rowOf(grid, "III.4") - 1;
    grid.values[r][5] = "90%"; // typed as text
    const edited = read(grid);
    const rule = edited.areas[1].criteria[0].rule as Extract<Rule, { kind: "ratio" }>;
    expect(rule.min).toBe(0.9);
  });

  it("accepts a new criterion typed as one row, and the Vietnamese or JSON name of the rule", () => {
    const grid = asGrid(DIEN_BAN_2025);
    const r = rowOf(grid, "I.1");
    grid.values.splice(r, 0, ["I.2", "Tiêu chí", "Thực hiện chế độ báo cáo", 0.5, "gate", "100%"]);
    grid.values[rowOf(grid, "I") - 1][3] = 2;
    const set = read(grid);
    expect(set.areas[0].criteria[1]).toEqual({ code: "I.2", name: "Thực hiện chế độ báo cáo", maxPoints: 0.5, rule: { kind: "gate", min: 1 } });
  });

  describe("locates every problem at its cell", () => {
    function problems(edit: (grid: Grid) => void): string[] {
      const grid = asGrid(HA_DONG_2024);
      edit(grid);
      const result = readCriteriaSheet(grid);
      return result.ok ? [] : result.problems.map((p) => p.message);
    }

    it("a maximum of zero", () => {
      expect(problems((g) => (g.values[rowOf(g, "1.6") - 1][3] = 0))).toEqual([`'Bộ tiêu chí'!D${rowOf(asGrid(HA_DONG_2024), "1.6")}: Điểm tối đa phải là số lớn hơn 0`]);
    });

    it("a duplicated code, naming the first row", () => {
      const grid = asGrid(HA_DONG_2024);
      const first = rowOf(grid, "4.1");
      const second = rowOf(grid, "4.2");
      expect(problems((g) => (g.values[second - 1][0] = "4.1"))).toEqual([`'Bộ tiêu chí'!A${second}: mã 4.1 bị trùng với dòng ${first}`]);
    });

    it("an area whose criteria exceed its maximum", () => {
      const grid = asGrid(HA_DONG_2024);
      const area = rowOf(grid, "4");
      expect(problems((g) => (g.values[area - 1][3] = 3))).toEqual([`'Bộ tiêu chí'!D${area}: Tổng điểm các tiêu chí của lĩnh vực 4 (4) vượt điểm tối đa 3`]);
    });

    it("an unknown rule, a bad threshold, a bad list", () => {
      const grid = asGrid(HA_DONG_2024);
      const r = rowOf(grid, "1.1");
      expect(problems((g) => (g.values[r - 1][4] = "Phần trăm"))[0]).toMatch(new RegExp(`^'Bộ tiêu chí'!E${r}: cách chấm "Phần trăm" không có`));
      expect(
        problems((g) => {
          g.values[r - 1][4] = "Tỷ lệ";
          g.values[r - 1][5] = "150%";
        })
      ).toContain(`'Bộ tiêu chí'!F${r}: Ngưỡng tối thiểu (min) không được lớn hơn 1 (viết 0.95 cho 95%)`);
      const t = rowOf(grid, "7.5");
      expect(problems((g) => (g.values[t - 1][12] = "100% = 1"))).toEqual([`'Bộ tiêu chí'!M${t}: ghi các mức dạng "100%: 1; 0%: 0,5"`]);
    });

    it("a missing header", () => {
      expect(readCriteriaSheet({ sheetName: "Bộ tiêu chí", values: [["abc"]] })).toMatchObject({ ok: false, problems: [{ address: "'Bộ tiêu chí'!A1" }] });
    });
  });
});

// ---------------------------------------------------------------------------
// Round trip over generated sets.

/** Letters Vietnamese text uses (a plain range such as À-ỹ would also hold exotic spaces). */
const VI = "A-Za-z0-9ĂÂĐÊÔƠƯăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ";
const text = fc.stringMatching(new RegExp(`^[${VI}][${VI} ,().\\-]{0,30}[${VI}]$`));
const ratio = fc.integer({ min: 0, max: 10_000 }).map((n) => n / 10_000);
const points = fc.integer({ min: 1, max: 400 }).map((n) => n / 4);

const rule: fc.Arbitrary<Rule> = fc.oneof(
  fc.record({ kind: fc.constant("manual" as const) }),
  fc.record({ kind: fc.constant("boolean" as const), noCaseFull: fc.boolean() }),
  fc.tuple(ratio, ratio).map(([a, b]) => ({ kind: "ratio" as const, min: Math.min(a, b), full: Math.max(a, b, 0.0001) })),
  fc.record({ kind: fc.constant("gate" as const), min: ratio }),
  fc.record({
    kind: fc.constant("tiers" as const),
    tiers: fc.array(fc.record({ min: ratio, points: fc.integer({ min: 0, max: 4 }).map((n) => n / 4) }), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant("count" as const), target: fc.integer({ min: 1, max: 20 }), partial: fc.boolean() }),
  fc.record({ kind: fc.constant("weighted_share" as const), weights: fc.record({ exceeded: points, met: points }), cutoff: ratio }),
  fc.record({ kind: fc.constant("all_of" as const), conditions: fc.array(fc.record({ min: ratio, label: text }), { minLength: 1, maxLength: 3 }) }),
  fc.record({
    kind: fc.constant("options" as const),
    options: fc.array(fc.record({ label: text, points: fc.integer({ min: 0, max: 6 }).map((n) => n / 4) }), { minLength: 2, maxLength: 4 }),
  })
);

function buildSet(spec: Array<{ name: string; partial: boolean; criteria: Array<{ name: string; rule: Rule | null; aliases: string[] }> }>): CriteriaSetInput {
  return {
    id: "sinh-ngau-nhien",
    name: "Bộ sinh ngẫu nhiên",
    year: 2025,
    source: "fast-check",
    areas: spec.map((area, a) => {
      const criteria = area.criteria.map((c, i) => {
        const code = `${a + 1}.${i + 1}`;
        const base = { code, name: c.name, maxPoints: 1, ...(c.aliases.length ? { aliases: c.aliases } : {}) };
        if (c.rule) return { ...base, maxPoints: c.rule.kind === "tiers" ? 1 : 1.5, rule: c.rule };
        return {
          ...base,
          maxPoints: 2,
          children: [
            { code: `${code}.1`, name: `${c.name} a`, maxPoints: 1.25, rule: { kind: "manual" as const } },
            { code: `${code}.2`, name: `${c.name} b`, maxPoints: 0.75, rule: { kind: "gate" as const, min: 0.5 } },
          ],
        };
      });
      const sum = criteria.reduce((total, c) => total + c.maxPoints, 0);
      return { code: String(a + 1), name: area.name, maxPoints: area.partial ? sum + 3 : Math.max(sum, 1), partial: area.partial || sum === 0, criteria };
    }),
  };
}

describe("JSON ⇄ sheet round trip", () => {
  it("reads back exactly the set it wrote, for generated sets", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            name: text,
            partial: fc.boolean(),
            criteria: fc.array(fc.record({ name: text, rule: fc.option(rule, { nil: null }), aliases: fc.array(text, { maxLength: 2 }) }), { maxLength: 4 }),
          }),
          { minLength: 1, maxLength: 4 }
        ),
        (spec) => {
          const parsed = parseCriteriaSet(buildSet(spec));
          if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join("\n"));
          expect(read(asGrid(parsed.value))).toEqual(parsed.value);
        }
      ),
      { numRuns: 300 }
    );
  });
});
