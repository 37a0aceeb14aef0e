/**
 * Units scored with different criteria sets (other codes, or the same codes with other
 * maxima) cannot be ranked against each other: they are put in separate groups, the
 * largest group first, and every unit outside it says how its set differs.
 */
import { formatNumberVi } from "../parse/numbers";
import type { SetEntry, UnitCriteriaSet, UnitResult } from "./unit-result";

export interface CriteriaGroup {
  /** 0 for the main group (the set most units use), then 1, 2… */
  index: number;
  set: UnitCriteriaSet | null;
  units: UnitResult[];
  /** Vietnamese: how this group's set differs from the main group's; "" for the main group. */
  difference: string;
}

/**
 * The key two sets share exactly when they have the same codes with the same maxima.
 *
 * @example setKey({ id: "a", name: "A", entries: [{ code: "I", name: "", maxPoints: 2, isArea: true }] }) === "I=2"
 */
export function setKey(set: UnitCriteriaSet | null): string {
  if (!set) return "";
  return set.entries.map((e) => `${e.code}=${e.maxPoints}`).join("|");
}

/** At most this many codes are named in a difference; the rest are counted. */
const LISTED = 6;

function listCodes(codes: string[]): string {
  const shown = codes.slice(0, LISTED).join(", ");
  return codes.length > LISTED ? `${shown} và ${codes.length - LISTED} mã khác` : shown;
}

/**
 * How `other` differs from `main`, in Vietnamese, for the note beside each unit.
 *
 * @example describeDifference(main, other) // "thiếu mã III.4; điểm tối đa khác: I.1 (1,5 → 2)"
 */
export function describeDifference(main: UnitCriteriaSet, other: UnitCriteriaSet): string {
  const mainByCode = new Map<string, SetEntry>(main.entries.map((e) => [e.code, e]));
  const otherCodes = new Set(other.entries.map((e) => e.code));
  const missing = main.entries.filter((e) => !otherCodes.has(e.code)).map((e) => e.code);
  const extra = other.entries.filter((e) => !mainByCode.has(e.code)).map((e) => e.code);
  const maxima = other.entries
    .filter((e) => {
      const m = mainByCode.get(e.code);
      return m !== undefined && Math.abs(m.maxPoints - e.maxPoints) > 0.001;
    })
    .map(
      (e) =>
        `${e.code} (${formatNumberVi(mainByCode.get(e.code)!.maxPoints)} → ${formatNumberVi(e.maxPoints)})`
    );
  const parts: string[] = [];
  if (missing.length > 0) parts.push(`thiếu mã ${listCodes(missing)}`);
  if (extra.length > 0) parts.push(`thêm mã ${listCodes(extra)}`);
  if (maxima.length > 0) parts.push(`điểm tối đa khác: ${listCodes(maxima)}`);
  return parts.length > 0 ? parts.join("; ") : "thứ tự tiêu chí khác";
}

/**
 * Groups units by criteria set. The main group is the set most units use (on a tie, the
 * one met first); units without a set form the last group.
 */
export function groupByCriteriaSet(units: UnitResult[]): CriteriaGroup[] {
  const byKey = new Map<string, UnitResult[]>();
  for (const unit of units) {
    const key = setKey(unit.criteriaSet);
    const list = byKey.get(key);
    if (list) list.push(unit);
    else byKey.set(key, [unit]);
  }
  const scored = [...byKey.entries()].filter(([key]) => key !== "");
  // A stable sort keeps first-met order among groups of the same size.
  scored.sort((a, b) => b[1].length - a[1].length);
  const main = scored[0]?.[1][0].criteriaSet ?? null;
  const groups: CriteriaGroup[] = scored.map(([, members], i) => ({
    index: i,
    set: members[0].criteriaSet,
    units: members,
    difference: i === 0 || !main ? "" : describeDifference(main, members[0].criteriaSet!),
  }));
  const unscored = byKey.get("");
  if (unscored) {
    groups.push({
      index: groups.length,
      set: null,
      units: unscored,
      difference:
        "chưa có bộ tiêu chí: tệp không có trang “Bộ tiêu chí” và chưa chọn bộ tiêu chí chung, nên chỉ theo dõi thời hạn",
    });
  }
  return groups;
}
