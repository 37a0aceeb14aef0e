/**
 * The criteria set: a public JSON format (docs/criteria-format.md), validated with zod.
 * This one schema is the source of both the TypeScript types and the validation, so a
 * file that passes `parseCriteriaSet` is exactly a value of type `CriteriaSet`.
 */
import { z } from "zod";
import { formatNumberVi } from "../parse/numbers";
import { RULE_KINDS, RULE_SCHEMAS, ruleKind } from "./rules";

export { RULE_KINDS } from "./rules";

/** One rule: a member of the union of the kinds in rules/kinds.ts (one file per kind). */
export const Rule = z.discriminatedUnion("kind", RULE_SCHEMAS, {
  error: `Loại quy tắc (kind) phải là một trong: ${RULE_KINDS.join(", ")}`,
});
export type Rule = z.infer<typeof Rule>;
export type RuleKind = Rule["kind"];

const code = z
  .string({ error: "Mã phải là chuỗi ký tự" })
  .trim()
  .min(1, { error: "Mã không được để trống" });
/** A PAR index totals 100 points; a larger maximum is a typing slip (and 1e308 + 1e308 overflows the sums). */
export const MAX_MAX_POINTS = 1000;
const maxPoints = z
  .number({ error: "Điểm tối đa phải là số" })
  .gt(0, { error: "Điểm tối đa phải là số lớn hơn 0" })
  .max(MAX_MAX_POINTS, { error: `Điểm tối đa không được lớn hơn ${MAX_MAX_POINTS}` });

export const Criterion = z.object({
  code,
  name: z
    .string({ error: "Tên tiêu chí phải là chuỗi ký tự" })
    .min(1, { error: "Tên tiêu chí không được để trống" }),
  maxPoints,
  aliases: z.array(z.string()).optional(),
  rule: Rule.optional(),
  /** The scoring-method text the set was read from (a self-assessment table), kept to show why a rule is manual. */
  method: z.string().optional(),
  get children() {
    return z.array(Criterion).optional();
  },
});
export type Criterion = z.infer<typeof Criterion>;

export const Area = z.object({
  code,
  name: z
    .string({ error: "Tên lĩnh vực phải là chuỗi ký tự" })
    .min(1, { error: "Tên lĩnh vực không được để trống" }),
  maxPoints,
  partial: z.boolean().optional(),
  /** A bonus (điểm thưởng) or deduction (điểm trừ) section: added or subtracted within its maximum, outside the main total. */
  section: z
    .enum(["bonus", "deduction"], { error: 'Phần cộng/trừ phải là "bonus" hoặc "deduction"' })
    .optional(),
  criteria: z.array(Criterion),
});
export type Area = z.infer<typeof Area>;

const SUM_TOLERANCE = 0.001;

export const CriteriaSet = z
  .object({
    id: z
      .string({ error: "Mã bộ tiêu chí (id) phải là chuỗi ký tự" })
      .min(1, { error: "Mã bộ tiêu chí (id) không được để trống" }),
    name: z
      .string({ error: "Tên bộ tiêu chí phải là chuỗi ký tự" })
      .min(1, { error: "Tên bộ tiêu chí không được để trống" }),
    year: z.number().int().optional(),
    source: z.string().optional(),
    areas: z.array(Area).min(1, { error: "Bộ tiêu chí cần ít nhất một lĩnh vực" }),
  })
  .superRefine((set, ctx) => {
    const seen = new Map<string, Array<string | number>>();
    const claim = (codeValue: string, path: Array<string | number>) => {
      const first = seen.get(codeValue);
      if (first !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: [...path, "code"],
          message: `Mã ${codeValue} bị trùng với ${formatPath(first)}`,
          params: { related: first },
        });
      } else {
        seen.set(codeValue, path);
      }
    };
    set.areas.forEach((area, a) => {
      const areaPath = ["areas", a];
      claim(`lĩnh vực ${area.code}`, areaPath);
      const sum = area.criteria.reduce((total, c) => total + c.maxPoints, 0);
      // A bonus or deduction section's items may add up to more than its cap.
      // An overflowing sum (maxima of 1e308, refused above) would only repeat the problem as "Infinity".
      if (area.criteria.length > 0 && area.section === undefined && Number.isFinite(sum)) {
        if (
          area.partial
            ? sum > area.maxPoints + SUM_TOLERANCE
            : Math.abs(sum - area.maxPoints) > SUM_TOLERANCE
        ) {
          ctx.addIssue({
            code: "custom",
            path: [...areaPath, "maxPoints"],
            message: area.partial
              ? `Tổng điểm các tiêu chí của lĩnh vực ${area.code} (${formatNumberVi(sum)}) vượt điểm tối đa ${formatNumberVi(area.maxPoints)}`
              : `Tổng điểm các tiêu chí của lĩnh vực ${area.code} (${formatNumberVi(sum)}) khác điểm tối đa ${formatNumberVi(area.maxPoints)}; nếu bộ tiêu chí chưa đủ, đánh dấu lĩnh vực là chưa đầy đủ ("partial": true)`,
          });
        }
      }
      const visit = (
        criterion: Criterion,
        path: Array<string | number>,
        parent: Criterion | null
      ) => {
        claim(criterion.code, path);
        if (parent && !isChildCode(parent.code, criterion.code)) {
          ctx.addIssue({
            code: "custom",
            path: [...path, "code"],
            message: `Mã ${criterion.code} phải bắt đầu bằng mã tiêu chí cha ${parent.code} (ví dụ ${parent.code}.1)`,
          });
        }
        const hasChildren = (criterion.children?.length ?? 0) > 0;
        if (hasChildren === (criterion.rule !== undefined)) {
          ctx.addIssue({
            code: "custom",
            path,
            message: `Tiêu chí ${criterion.code} phải có đúng một trong hai: quy tắc chấm (rule) hoặc tiêu chí thành phần (children)`,
          });
        }
        if (hasChildren) {
          const childSum = criterion.children!.reduce((total, c) => total + c.maxPoints, 0);
          if (
            Number.isFinite(childSum) &&
            Math.abs(childSum - criterion.maxPoints) > SUM_TOLERANCE
          ) {
            ctx.addIssue({
              code: "custom",
              path: [...path, "maxPoints"],
              message: `Tổng điểm các tiêu chí thành phần của ${criterion.code} (${formatNumberVi(childSum)}) khác điểm tối đa ${formatNumberVi(criterion.maxPoints)}`,
            });
          }
          criterion.children!.forEach((child, i) =>
            visit(child, [...path, "children", i], criterion)
          );
        }
        const rule = criterion.rule;
        if (rule) {
          const issues = ruleKind(rule.kind).check?.(rule as never, criterion) ?? [];
          for (const issue of issues)
            ctx.addIssue({
              code: "custom",
              path: [...path, "rule", ...issue.path],
              message: issue.message,
            });
        }
      };
      area.criteria.forEach((criterion, c) => visit(criterion, [...areaPath, "criteria", c], null));
    });
  });
export type CriteriaSet = z.infer<typeof CriteriaSet>;
/** What a criteria set file holds before defaults are filled in. */
export type CriteriaSetInput = z.input<typeof CriteriaSet>;

/** True when `child` is `parent` followed by one more dotted part ("7.4" → "7.4.1"). */
export function isChildCode(parent: string, child: string): boolean {
  return child.startsWith(`${parent}.`) && child.length > parent.length + 1;
}

/** Formats a JSON path as users read it: areas[2].criteria[0].maxPoints. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((part, i) =>
      typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`
    )
    .join("");
}

export interface SchemaProblem {
  /** JSON path of the offending value, e.g. ["areas", 2, "maxPoints"]. */
  path: Array<string | number>;
  /** Vietnamese message that names the path. */
  message: string;
  /** The message without the path, for front ends that locate it themselves (a cell). */
  detail: string;
  /** For a duplicate code: the path of the first use. */
  related?: Array<string | number>;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: SchemaProblem[] };

/**
 * Validates a criteria set read from JSON (or from the "Bộ tiêu chí" sheet).
 *
 * @example parseCriteriaSet(JSON.parse(text)) // { ok: true, value } or { ok: false, problems }
 */
export function parseCriteriaSet(input: unknown): ParseResult<CriteriaSet> {
  // Checked before zod, whose validation recurses once per level: 800 levels overflowed the stack.
  const tooDeep = firstTooDeep(input);
  if (tooDeep !== null) {
    const detail = `tiêu chí lồng nhau quá sâu: bộ tiêu chí cho phép tối đa ${MAX_CRITERIA_DEPTH} cấp tiêu chí (tiêu chí, tiêu chí thành phần…) trong một lĩnh vực; hãy gộp bớt cấp`;
    return {
      ok: false,
      problems: [{ path: tooDeep, detail, message: `${formatPath(tooDeep)}: ${detail}` }],
    };
  }
  const result = CriteriaSet.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
      const where = formatPath(path);
      const detail = translateIssue(issue, hasValueAt(input, path));
      const related =
        issue.code === "custom"
          ? (issue.params as { related?: Array<string | number> } | undefined)?.related
          : undefined;
      return {
        path,
        detail,
        message: where ? `${where}: ${detail}` : detail,
        ...(related ? { related } : {}),
      };
    }),
  };
}

/** Levels of criteria an area may nest (criterion, sub-criterion…); real sets use 3. */
export const MAX_CRITERIA_DEPTH = 10;

/**
 * The path of the first criterion nested deeper than `MAX_CRITERIA_DEPTH`, or null.
 * Iterative, so that any depth is measured without recursion; tolerant of any shape
 * (zod reports wrong shapes afterwards).
 *
 * @example firstTooDeep({ areas: [{ criteria: [{ children: [] }] }] }) === null
 */
export function firstTooDeep(input: unknown): Array<string | number> | null {
  const areas = isRecord(input) ? input.areas : undefined;
  if (!Array.isArray(areas)) return null;
  const pending: Array<{ list: unknown; path: Array<string | number>; depth: number }> = [];
  areas.forEach((area, a) => {
    if (isRecord(area))
      pending.push({ list: area.criteria, path: ["areas", a, "criteria"], depth: 1 });
  });
  while (pending.length > 0) {
    const { list, path, depth } = pending.pop()!;
    if (!Array.isArray(list)) continue;
    for (let i = 0; i < list.length; i++) {
      const criterion: unknown = list[i];
      if (!isRecord(criterion)) continue;
      if (depth > MAX_CRITERIA_DEPTH) return [...path, i];
      if (Array.isArray(criterion.children) && criterion.children.length > 0)
        pending.push({
          list: criterion.children,
          path: [...path, i, "children"],
          depth: depth + 1,
        });
    }
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True when the input holds a value (not undefined) at a JSON path. */
function hasValueAt(input: unknown, path: ReadonlyArray<string | number>): boolean {
  let value: unknown = input;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return false;
    if (!Object.prototype.hasOwnProperty.call(value, key)) return false;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value !== undefined;
}

/**
 * zod's built-in messages are English; the ones we did not word ourselves get a
 * Vietnamese fallback. zod does not say whether a value of the wrong type was absent
 * or present, so the caller looks at the input: `"year": "2025"` is a wrong type, not a
 * missing value.
 */
function translateIssue(issue: z.core.$ZodIssue, present: boolean): string {
  const isAscii = [...issue.message].every((ch) => ch.charCodeAt(0) < 128);
  if (issue.code === "custom" || !isAscii) return issue.message;
  switch (issue.code) {
    case "invalid_type":
      return present
        ? `Sai kiểu dữ liệu: cần ${typeName(issue.expected)}`
        : "Thiếu giá trị bắt buộc";
    case "unrecognized_keys":
      return `Trường không được hỗ trợ: ${issue.keys.join(", ")}`;
    case "too_small":
      return `Giá trị quá nhỏ (tối thiểu ${String(issue.minimum)})`;
    case "too_big":
      return `Giá trị quá lớn (tối đa ${String(issue.maximum)})`;
    case "invalid_union":
      return "Giá trị không khớp với dạng nào được hỗ trợ";
    default:
      return `Giá trị không hợp lệ`;
  }
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    string: "chuỗi ký tự",
    number: "số",
    boolean: "true hoặc false",
    array: "danh sách",
    object: "đối tượng",
  };
  return names[expected] ?? expected;
}
