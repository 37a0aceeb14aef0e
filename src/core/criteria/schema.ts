/**
 * The criteria set: a public JSON format (docs/criteria-format.md), validated with zod.
 * This one schema is the source of both the TypeScript types and the validation, so a
 * file that passes `parseCriteriaSet` is exactly a value of type `CriteriaSet`.
 */
import { z } from "zod";
import { formatNumberVi } from "../parse/numbers";

const ratio = (what: string) =>
  z
    .number({ error: `${what} phải là một số từ 0 đến 1 (ví dụ 0.95 cho 95%)` })
    .min(0, { error: `${what} không được nhỏ hơn 0` })
    .max(1, { error: `${what} không được lớn hơn 1 (viết 0.95 cho 95%)` });

const common = { noCaseFull: z.boolean().optional() };

export const ManualRule = z.object({ kind: z.literal("manual"), ...common });
export const BooleanRule = z.object({ kind: z.literal("boolean"), ...common });
export const RatioRule = z.object({
  kind: z.literal("ratio"),
  min: ratio("Ngưỡng tối thiểu (min)").default(0),
  full: ratio("Ngưỡng đạt tối đa (full)")
    .refine((v) => v > 0, { error: "Ngưỡng đạt tối đa (full) phải lớn hơn 0" })
    .default(1),
  ...common,
});
export const GateRule = z.object({
  kind: z.literal("gate"),
  min: ratio("Ngưỡng (min)").default(1),
  ...common,
});
export const TiersRule = z.object({
  kind: z.literal("tiers"),
  tiers: z
    .array(
      z.object({
        min: ratio("Ngưỡng của mức (min)"),
        points: z
          .number({ error: "Điểm của mức phải là số" })
          .min(0, { error: "Điểm của mức không được âm" }),
      })
    )
    .min(1, { error: "Quy tắc theo mức (tiers) cần ít nhất một mức" }),
  ...common,
});
export const CountRule = z.object({
  kind: z.literal("count"),
  target: z
    .number({ error: "Số lượng cần đạt (target) phải là số" })
    .int({ error: "Số lượng cần đạt (target) phải là số nguyên" })
    .min(1, { error: "Số lượng cần đạt (target) phải từ 1 trở lên" }),
  partial: z.boolean().default(false),
  ...common,
});
export const WeightedShareRule = z.object({
  kind: z.literal("weighted_share"),
  weights: z.object({
    exceeded: z
      .number({ error: "Hệ số vượt phải là số" })
      .min(0, { error: "Hệ số vượt không được âm" }),
    met: z.number({ error: "Hệ số đạt phải là số" }).min(0, { error: "Hệ số đạt không được âm" }),
  }),
  cutoff: ratio("Ngưỡng (cutoff)"),
  ...common,
});
export const AllOfRule = z.object({
  kind: z.literal("all_of"),
  conditions: z
    .array(
      z.object({
        min: ratio("Ngưỡng của điều kiện (min)"),
        label: z.string().min(1, { error: "Điều kiện cần có tên (label)" }),
      })
    )
    .min(1, { error: "Quy tắc all_of cần ít nhất một điều kiện" }),
  ...common,
});

export const OptionsRule = z.object({
  kind: z.literal("options"),
  options: z
    .array(
      z.object({
        label: z
          .string({ error: "Mức chọn cần có tên (label)" })
          .min(1, { error: "Mức chọn cần có tên (label)" }),
        points: z
          .number({ error: "Điểm của mức chọn phải là số" })
          .min(0, { error: "Điểm của mức chọn không được âm" }),
      })
    )
    .min(2, { error: "Quy tắc chọn một mức (options) cần ít nhất hai mức" }),
  ...common,
});

export const RULE_KINDS = [
  "manual",
  "boolean",
  "ratio",
  "gate",
  "tiers",
  "count",
  "weighted_share",
  "all_of",
  "options",
] as const;

export const Rule = z.discriminatedUnion(
  "kind",
  [
    ManualRule,
    BooleanRule,
    RatioRule,
    GateRule,
    TiersRule,
    CountRule,
    WeightedShareRule,
    AllOfRule,
    OptionsRule,
  ],
  { error: `Loại quy tắc (kind) phải là một trong: ${RULE_KINDS.join(", ")}` }
);
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
        if (criterion.rule?.kind === "tiers") {
          criterion.rule.tiers.forEach((tier, i) => {
            if (tier.points > criterion.maxPoints + SUM_TOLERANCE) {
              ctx.addIssue({
                code: "custom",
                path: [...path, "rule", "tiers", i, "points"],
                message: `Điểm của mức (${formatNumberVi(tier.points)}) vượt điểm tối đa ${formatNumberVi(criterion.maxPoints)} của tiêu chí ${criterion.code}`,
              });
            }
          });
        }
        if (criterion.rule?.kind === "options") {
          criterion.rule.options.forEach((option, i) => {
            if (option.points > criterion.maxPoints + SUM_TOLERANCE) {
              ctx.addIssue({
                code: "custom",
                path: [...path, "rule", "options", i, "points"],
                message: `Điểm của mức "${option.label}" (${formatNumberVi(option.points)}) vượt điểm tối đa ${formatNumberVi(criterion.maxPoints)} của tiêu chí ${criterion.code}`,
              });
            }
          });
        }
        if (criterion.rule?.kind === "ratio" && criterion.rule.min > criterion.rule.full) {
          ctx.addIssue({
            code: "custom",
            path: [...path, "rule", "min"],
            message: `Ngưỡng tối thiểu (min) không được lớn hơn ngưỡng đạt tối đa (full) ở tiêu chí ${criterion.code}`,
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
