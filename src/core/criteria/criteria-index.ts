/**
 * Look-ups in a criteria set: by code, by alias, by name; parents and areas.
 */
import type { Area, CriteriaSet, Criterion } from "./schema";
import { normalizeVi } from "../parse/text";

export interface IndexedCriterion {
  criterion: Criterion;
  area: Area;
  parent: Criterion | null;
  /** Codes of every ancestor, nearest first. */
  ancestors: string[];
}

export class CriteriaIndex {
  private readonly byCode = new Map<string, IndexedCriterion>();
  private readonly byAlias = new Map<string, IndexedCriterion>();
  private readonly byName = new Map<string, IndexedCriterion>();

  constructor(readonly set: CriteriaSet) {
    for (const area of set.areas) {
      const visit = (criterion: Criterion, parent: Criterion | null, ancestors: string[]) => {
        const entry: IndexedCriterion = { criterion, area, parent, ancestors };
        this.byCode.set(criterion.code, entry);
        this.byName.set(normalizeVi(criterion.name), entry);
        for (const alias of criterion.aliases ?? []) this.byAlias.set(normalizeVi(alias), entry);
        for (const child of criterion.children ?? [])
          visit(child, criterion, [criterion.code, ...ancestors]);
      };
      for (const criterion of area.criteria) visit(criterion, null, []);
    }
  }

  get(code: string): IndexedCriterion | undefined {
    return this.byCode.get(code);
  }

  /**
   * Finds the criterion a row names: its code as written, the code under the row's
   * section ("1" in section "I" → "I.1"), an alias, or a content equal to a name.
   */
  resolve(
    code: string | null,
    section: string | null,
    content: string
  ): IndexedCriterion | undefined {
    if (code !== null) {
      const direct = this.byCode.get(code) ?? this.byAlias.get(normalizeVi(code));
      if (direct) return direct;
      if (section !== null) {
        const sectioned = this.byCode.get(`${section}.${code}`);
        if (sectioned) return sectioned;
      }
    }
    const name = normalizeVi(content.replace(/^\s*[\dIVX]+(?:\.\d+)*\.?\s*/, ""));
    if (name === "") return undefined;
    return this.byAlias.get(name) ?? this.byName.get(name);
  }

  /** Every criterion, in set order (parents before children: the index is filled depth first). */
  all(): IterableIterator<IndexedCriterion> {
    return this.byCode.values();
  }
}
