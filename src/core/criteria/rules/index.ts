/**
 * The registry of rule kinds, derived from the one list in kinds.ts: the kind names, the
 * zod schemas the set's `Rule` union is made of, and the lookup by kind the scorer, the
 * "Bộ tiêu chí" sheet and the table reader use.
 */
import type { z } from "zod";
import type { ResultCell } from "../../parse/values";
import { RULE_DEFINITIONS } from "./kinds";
import type { RuleKindDefinition, RuleOutcome } from "./define";

export type {
  RuleIssue,
  RuleKindDefinition,
  RuleOutcome,
  SheetColumn,
  SheetRowReader,
  SheetRowWriter,
} from "./define";
export { RULE_DEFINITIONS } from "./kinds";

type Definitions = typeof RULE_DEFINITIONS;
// Mapped over a type parameter, so that a tuple maps to a tuple.
type KindsOf<T extends readonly unknown[]> = {
  -readonly [I in keyof T]: T[I] extends { kind: infer K } ? K : never;
};
type SchemasOf<T extends readonly unknown[]> = {
  -readonly [I in keyof T]: T[I] extends { schema: infer S } ? S : never;
};

/** Every kind's name, in the list's order. */
export const RULE_KINDS = RULE_DEFINITIONS.map((d) => d.kind) as unknown as KindsOf<Definitions>;

/** Every kind's schema, in the list's order (the members of the `Rule` union). */
export const RULE_SCHEMAS = RULE_DEFINITIONS.map(
  (d) => d.schema
) as unknown as SchemasOf<Definitions>;

export type RuleKind = Definitions[number]["kind"];

/** A definition with its rule type erased, as the derived code (sheet, scorer) uses it. */
export type AnyRuleKind = RuleKindDefinition<z.ZodObject> & {
  score(rule: { kind: string }, cell: ResultCell, max: number): RuleOutcome;
};

const BY_KIND = new Map<string, AnyRuleKind>(
  RULE_DEFINITIONS.map((d) => [d.kind, d as unknown as AnyRuleKind])
);

/**
 * A kind's definition.
 *
 * @example ruleKind("tiers").label === "Theo mức"
 */
export function ruleKind(kind: RuleKind): AnyRuleKind {
  const found = BY_KIND.get(kind);
  if (!found) throw new Error(`Loại quy tắc ${kind} không có trong danh sách`);
  return found;
}

/** Every kind's definition, in the list's order. */
export function ruleKinds(): readonly AnyRuleKind[] {
  return [...BY_KIND.values()];
}
