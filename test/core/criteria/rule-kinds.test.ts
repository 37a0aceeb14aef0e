/**
 * The registry of rule kinds (src/core/criteria/rules/): every kind it lists has a label, a
 * worked example that scores what it says, and round-trips through the "Bộ tiêu chí" sheet;
 * and a kind added as one file (test/fixtures/rule-kinds/pass-mark.ts) plus its line in the
 * list is validated, written, read back and scored with nothing else changed.
 */
import { RULE_DEFINITIONS, RULE_KINDS, ruleKind } from "../../../src/core/criteria/rules";
import { Rule, parseCriteriaSet, type CriteriaSetInput } from "../../../src/core/criteria/schema";
import {
  criteriaSetToSheet,
  readCriteriaSheet,
  RULE_LABELS,
  SHEET_COLUMNS,
} from "../../../src/core/criteria/criteria-sheet";
import { applyRule } from "../../../src/core/score/rules";
import type { Grid } from "../../../src/core/read/grid";
import { METHOD_PATTERNS } from "../../../src/core/assessment/method-text";

interface Example {
  kind: string;
  example: { rule: unknown; maxPoints: number; result: unknown; points: number };
}

/** A set with one criterion per example, in one area. */
function setOf(examples: readonly Example[]): CriteriaSetInput {
  return {
    id: "rule-kinds",
    name: "Mỗi loại quy tắc một tiêu chí",
    areas: [
      {
        code: "I",
        name: "Lĩnh vực thử",
        maxPoints: examples.reduce((sum, e) => sum + e.example.maxPoints, 0),
        criteria: examples.map((e, i) => ({
          code: `I.${i + 1}`,
          name: `Tiêu chí ${e.kind}`,
          maxPoints: e.example.maxPoints,
          rule: e.example.rule,
        })) as NonNullable<CriteriaSetInput["areas"][number]["criteria"]>,
      },
    ],
  };
}

describe("the registry of rule kinds", () => {
  it("lists each kind once, and the set's Rule union accepts exactly those kinds", () => {
    expect(new Set(RULE_KINDS).size).toBe(RULE_KINDS.length);
    expect(RULE_KINDS).toEqual(RULE_DEFINITIONS.map((d) => d.kind));
    expect(Rule.options.map((o) => o.shape.kind.value)).toEqual([...RULE_KINDS]);
    const refused = Rule.safeParse({ kind: "pass_mark" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0].message).toBe(
      `Loại quy tắc (kind) phải là một trong: ${RULE_KINDS.join(", ")}`
    );
  });

  it("gives every kind a distinct Vietnamese label, the one the sheet shows", () => {
    const labels = RULE_KINDS.map((kind) => ruleKind(kind).label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const kind of RULE_KINDS) {
      expect(RULE_LABELS[kind]).toBe(ruleKind(kind).label);
      expect(RULE_LABELS[kind]).not.toBe(kind);
    }
  });

  it.each(RULE_KINDS.map((kind) => [kind]))("scores the %s example as its file says", (kind) => {
    const { rule, maxPoints, result, points } = ruleKind(kind).example;
    const parsed = Rule.parse(rule);
    expect(applyRule(parsed, { value: result as string | number }, maxPoints).points).toBe(points);
  });

  it("round-trips every kind's example through the criteria sheet", () => {
    const parsed = parseCriteriaSet(setOf(RULE_DEFINITIONS));
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join("\n"));
    const grid: Grid = {
      sheetName: "Bộ tiêu chí",
      values: criteriaSetToSheet(parsed.value).values,
    };
    const back = readCriteriaSheet(grid);
    expect(back.ok && back.value).toEqual(parsed.value);
    expect(parsed.value.areas[0].criteria.map((c) => c.rule?.kind)).toEqual([...RULE_KINDS]);
  });

  it("reads the result column each kind names: a ratio for tiers, a count for count", () => {
    expect(ruleKind("tiers").resultColumn).toBe("ratio");
    expect(ruleKind("all_of").resultColumn).toBe("ratio");
    expect(ruleKind("count").resultColumn).toBe("count");
    expect(ruleKind("options").resultColumn).toBe("other");
  });

  it("tries the kinds' method phrasings in the order they always had, the most specific first", () => {
    expect(METHOD_PATTERNS.map(([name]) => name)).toEqual([
      "weightedTargets",
      "namedRatios",
      "optionList",
      "proportionalFromThreshold",
      "fullAbove",
      "gateBelow",
      "proportional",
      "gateAtFull",
      "countAtLeast",
    ]);
  });

  it("keeps the sheet's columns where they were: every kind's columns are laid-out ones", () => {
    expect(SHEET_COLUMNS).toHaveLength(20);
    for (const definition of RULE_DEFINITIONS)
      for (const column of definition.sheetColumns)
        expect(SHEET_COLUMNS.indexOf(column.name)).toBeGreaterThanOrEqual(0);
  });
});

describe("a kind added as one file", () => {
  type Modules = {
    schema: typeof import("../../../src/core/criteria/schema");
    sheet: typeof import("../../../src/core/criteria/criteria-sheet");
    rules: typeof import("../../../src/core/score/rules");
    method: typeof import("../../../src/core/assessment/method-text");
  };

  /** The core as it would be with pass-mark.ts listed in rules/kinds.ts. */
  function withPassMark(): Modules {
    let modules: Modules | undefined;
    jest.isolateModules(() => {
      jest.doMock("../../../src/core/criteria/rules/kinds", () => {
        const actual = jest.requireActual("../../../src/core/criteria/rules/kinds");
        const { passMark } = jest.requireActual("../../fixtures/rule-kinds/pass-mark");
        return { RULE_DEFINITIONS: [...actual.RULE_DEFINITIONS, passMark] };
      });
      modules = {
        schema: require("../../../src/core/criteria/schema"),
        sheet: require("../../../src/core/criteria/criteria-sheet"),
        rules: require("../../../src/core/score/rules"),
        method: require("../../../src/core/assessment/method-text"),
      };
    });
    jest.dontMock("../../../src/core/criteria/rules/kinds");
    return modules!;
  }

  const { schema, sheet, rules, method } = withPassMark();
  const { passMark } = jest.requireActual("../../fixtures/rule-kinds/pass-mark");
  const examples: Example[] = [...RULE_DEFINITIONS, passMark as Example];

  it("is accepted by the set's schema, and its label by the sheet", () => {
    expect(schema.RULE_KINDS).toContain("pass_mark");
    expect(schema.Rule.safeParse({ kind: "pass_mark", pass: 5 }).success).toBe(true);
    expect(sheet.RULE_LABELS["pass_mark" as never]).toBe("Điểm đạt");
  });

  it("gets its own sheet column after the laid-out ones, and round-trips", () => {
    expect(sheet.SHEET_COLUMNS).toEqual([...SHEET_COLUMNS, "Điểm đạt (thang 10)"]);
    const parsed = schema.parseCriteriaSet(setOf(examples));
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join("\n"));
    const values = sheet.criteriaSetToSheet(parsed.value).values;
    const row = values.find((r) => r[2] === "Tiêu chí pass_mark")!;
    expect(row[sheet.SHEET_COLUMNS.indexOf("Cách chấm")]).toBe("Điểm đạt");
    expect(row[sheet.SHEET_COLUMNS.indexOf("Điểm đạt (thang 10)")]).toBe(5);
    const back = sheet.readCriteriaSheet({ sheetName: "Bộ tiêu chí", values });
    expect(back.ok && back.value).toEqual(parsed.value);
  });

  it("points a bad value at its own column's cell", () => {
    const parsed = schema.parseCriteriaSet(setOf([passMark as Example]));
    if (!parsed.ok) throw new Error("the fixture set is valid");
    const values = sheet.criteriaSetToSheet(parsed.value).values;
    const column = sheet.SHEET_COLUMNS.indexOf("Điểm đạt (thang 10)");
    const r = values.findIndex((row) => row[0] === "I.1");
    values[r][column] = "mười";
    const back = sheet.readCriteriaSheet({ sheetName: "Bộ tiêu chí", values });
    expect(back.ok).toBe(false);
    const letter = String.fromCharCode(65 + column);
    expect(!back.ok && back.problems[0].address).toBe(`'Bộ tiêu chí'!${letter}${r + 1}`);
  });

  it("is scored by its own scorer, inside the shared checks", () => {
    const rule = schema.Rule.parse({ kind: "pass_mark", pass: 5 });
    expect(rules.applyRule(rule, { value: "7" }, 2)).toEqual({ points: 2, warnings: [] });
    expect(rules.applyRule(rule, { value: "4" }, 2).points).toBe(0);
    expect(rules.applyRule(rule, { value: "" }, 2).warnings[0].code).toBe("missing_result");
  });

  it("reads its own method phrasing from a self-assessment table's text, after the shipped ones", () => {
    expect(method.methodRule("Kết quả đạt từ 5 điểm (thang 10) trở lên")).toEqual({
      rule: { kind: "pass_mark", pass: 5 },
      pattern: "passMarkOutOf10",
    });
    expect(method.METHOD_PATTERNS.map(([name]) => name)).toEqual([
      ...METHOD_PATTERNS.map(([name]) => name),
      "passMarkOutOf10",
    ]);
  });

  it("leaves the shipped registry as it was", () => {
    expect(RULE_KINDS).not.toContain("pass_mark");
    expect(SHEET_COLUMNS).not.toContain("Điểm đạt (thang 10)");
  });
});
