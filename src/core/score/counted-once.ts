/**
 * A criterion counts once per workbook. Offices copy sheets ("Phụ lục (2)", last year's
 * appendix kept beside this year's, a detail sheet that lists a few criteria again); a
 * criterion scored by two tables would otherwise add its points twice, and a workbook's
 * total could pass its set's maximum and outrank every other unit in a roll-up.
 *
 * The first table that scores a criterion (sheets in order, tables top to bottom) counts
 * it; a later table adds only the criteria no earlier table counts, itself or through an
 * ancestor or a descendant. A self-assessment table forms its total as a whole (bonus and
 * deduction sections), so it adds all of it or, when it repeats a counted criterion,
 * nothing. Every table still shows and writes its own rows and totals: only what the
 * workbook adds up changes, and the summary says which table repeats which criteria.
 */
import { CriteriaIndex } from "../criteria/criteria-index";
import type { CriteriaSet } from "../criteria/schema";
import { totalsOfCounted, type TableResult, type TableTotals } from "./score";

export interface TableCounting {
  table: TableResult;
  /** What the table adds to the workbook's totals: its own totals unless it repeats a criterion. */
  adds: TableTotals;
  /** Codes the table scores that an earlier table already counts, in the table's order. */
  repeated: string[];
  /** The sheets that count them, in order of first mention. */
  countedIn: string[];
  /** True for a self-assessment table left out whole because it repeats counted criteria. */
  leftOut: boolean;
}

interface Claim {
  code: string;
  ancestors: string[];
}

/**
 * How much each table adds when every criterion counts once in the workbook.
 *
 * @example countEachCriterionOnce([sheet1Table, copyOfIt], set)[1].adds.points === 0
 */
export function countEachCriterionOnce(
  tables: TableResult[],
  criteria: CriteriaSet | null
): TableCounting[] {
  // Ancestors of a self-assessment table's codes come from the set (plan tables carry theirs).
  let index: CriteriaIndex | null | undefined;
  const ancestorsOf = (code: string) => {
    index ??= criteria ? new CriteriaIndex(criteria) : null;
    return index?.get(code)?.ancestors ?? [];
  };
  /** Counted codes, and the ancestors of counted codes, each with the sheet that counts it. */
  const counted = new Map<string, string>();
  const underCounted = new Map<string, string>();
  const countedBy = (claim: Claim): string | undefined =>
    counted.get(claim.code) ??
    underCounted.get(claim.code) ??
    claim.ancestors.map((code) => counted.get(code)).find((sheet) => sheet !== undefined);
  const count = (claim: Claim, sheet: string) => {
    if (!counted.has(claim.code)) counted.set(claim.code, sheet);
    for (const code of claim.ancestors) if (!underCounted.has(code)) underCounted.set(code, sheet);
  };
  return tables.map((table) => {
    const claims: Claim[] =
      table.totals.counted ??
      table.rows
        .filter((row) => row.criterion !== null && row.maxPoints !== null)
        .map((row) => ({
          code: row.criterion!,
          ancestors: ancestorsOf(row.criterion!),
        }));
    const repeated: string[] = [];
    const countedIn: string[] = [];
    for (const claim of claims) {
      const sheet = countedBy(claim);
      if (sheet === undefined) continue;
      repeated.push(claim.code);
      if (!countedIn.includes(sheet)) countedIn.push(sheet);
    }
    if (repeated.length === 0) {
      for (const claim of claims) count(claim, table.sheet);
      return { table, adds: table.totals, repeated, countedIn, leftOut: false };
    }
    if (!table.totals.counted) {
      return { table, adds: NOTHING, repeated, countedIn, leftOut: true };
    }
    const kept = table.totals.counted.filter((entry) => !repeated.includes(entry.code));
    for (const entry of kept) count(entry, table.sheet);
    return {
      table,
      adds: totalsOfCounted(kept, table.totals.areas),
      repeated,
      countedIn,
      leftOut: false,
    };
  });
}

const NOTHING: TableTotals = { points: 0, maxPoints: 0, areas: [] };
