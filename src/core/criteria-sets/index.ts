/**
 * The criteria sets that ship with the add-in, validated when first used.
 */
import { parseCriteriaSet, type CriteriaSet } from "../criteria/schema";
import dienBan2025 from "./dien-ban-2025.json";
import haDong2024 from "./ha-dong-phuong-2024.json";
import hungYen2024 from "./hung-yen-xa-2024.json";

const SOURCES: unknown[] = [dienBan2025, haDong2024, hungYen2024];

let cache: CriteriaSet[] | null = null;

/** Every built-in set. A set that fails validation is a bug in this repository: it throws. */
export function builtInCriteriaSets(): CriteriaSet[] {
  if (cache) return cache;
  cache = SOURCES.map((source) => {
    const parsed = parseCriteriaSet(source);
    if (!parsed.ok)
      throw new Error(
        `Bộ tiêu chí có sẵn không hợp lệ: ${parsed.problems.map((p) => p.message).join("; ")}`
      );
    return parsed.value;
  });
  return cache;
}

export function findBuiltInSet(id: string): CriteriaSet | undefined {
  return builtInCriteriaSets().find((set) => set.id === id);
}
