/**
 * The roll-up of many units: criteria-set groups, ranks within each group, and the
 * units × criteria matrix with its averages and counts at full points.
 */
import type { IsoDate } from "../parse/dates";
import { roundHalfAwayFromZero } from "../parse/numbers";
import { groupByCriteriaSet, type CriteriaGroup } from "./criteria-groups";
import { rankByPoints } from "./ranking";
import { distinctUnitNames } from "./duplicates";
import type { SetEntry, UnitFailure, UnitResult } from "./unit-result";
import { appendAll } from "../arrays";

export interface RankedUnit {
  unit: UnitResult;
  /** Index of the unit's criteria-set group (0: the main group). */
  group: number;
  /** Rank within the group (ties share a rank); null for units without a criteria set. */
  rank: number | null;
  /** Vietnamese note: a different set, no set, no table… "" when nothing to say. */
  note: string;
}

export interface MatrixColumn extends SetEntry {
  /** Mean points of the units that have a value, rounded to 2 decimals; null if none. */
  average: number | null;
  /** Units at the criterion's maximum. */
  fullCount: number;
  /** Units that have a value for the criterion. */
  scoredCount: number;
}

export interface MatrixBlock {
  group: CriteriaGroup;
  columns: MatrixColumn[];
  /** Units in rank order, each with its points per column (null: no row scored it). */
  rows: Array<{ ranked: RankedUnit; points: Array<number | null> }>;
}

export interface Rollup {
  today: IsoDate;
  groups: CriteriaGroup[];
  /** Every unit: the main group by rank, then the other groups, then units without a set. */
  ranking: RankedUnit[];
  matrix: MatrixBlock[];
  failures: UnitFailure[];
  /** Files not counted because another file of the same unit is (see duplicates.ts). */
  duplicates: UnitFailure[];
}

const FULL_TOLERANCE = 0.001;

/** True when a criterion lost points: below its maximum. */
export function lostPoints(points: number, maxPoints: number): boolean {
  return points < maxPoints - FULL_TOLERANCE;
}

function noteFor(unit: UnitResult, group: CriteriaGroup, mainName: string | null): string {
  const notes: string[] = [];
  if (group.set === null) notes.push(`Không xếp hạng: ${group.difference}`);
  else if (group.index > 0)
    notes.push(
      `Bộ tiêu chí khác nhóm chính${mainName ? ` (“${mainName}”)` : ""}: ${group.difference}; chỉ xếp hạng trong nhóm ${group.index + 1}, không so sánh với nhóm chính`
    );
  if (unit.tableCount === 0) notes.push("Không tìm thấy bảng phụ lục nào trong tệp");
  return notes.join(". ");
}

function matrixBlock(group: CriteriaGroup, ranked: RankedUnit[]): MatrixBlock {
  const entries = (group.set?.entries ?? []).filter((e) => !e.isArea);
  const rows = ranked.map((r) => ({
    ranked: r,
    points: entries.map((e) => {
      const p = r.unit.criterionPoints[e.code];
      return p === undefined ? null : p;
    }),
  }));
  const columns = entries.map((entry, k) => {
    const values = rows.map((row) => row.points[k]).filter((p): p is number => p !== null);
    const sum = values.reduce((total, p) => total + p, 0);
    return {
      ...entry,
      average: values.length > 0 ? roundHalfAwayFromZero(sum / values.length, 2) : null,
      fullCount: values.filter((p) => !lostPoints(p, entry.maxPoints)).length,
      scoredCount: values.length,
    };
  });
  return { group, columns, rows };
}

/**
 * Rolls up the units' results: groups by criteria set, ranks by computed points within
 * each group, builds the criteria matrix. Units that would share a name get their file's
 * name in it. Failures and duplicates are carried through to be listed.
 */
export function rollUp(
  units: UnitResult[],
  failures: UnitFailure[],
  today: IsoDate,
  duplicates: UnitFailure[] = []
): Rollup {
  const groups = groupByCriteriaSet(distinctUnitNames(units));
  const mainName = groups[0]?.set?.name ?? null;
  const ranking: RankedUnit[] = [];
  const matrix: MatrixBlock[] = [];
  for (const group of groups) {
    const ranked: RankedUnit[] =
      group.set === null
        ? group.units.map((unit) => ({
            unit,
            group: group.index,
            rank: null,
            note: noteFor(unit, group, mainName),
          }))
        : rankByPoints(group.units, (u) => u.points).map(({ item, rank }) => ({
            unit: item,
            group: group.index,
            rank,
            note: noteFor(item, group, mainName),
          }));
    appendAll(ranking, ranked);
    if (group.set !== null) matrix.push(matrixBlock(group, ranked));
  }
  return { today, groups, ranking, matrix, failures, duplicates };
}
