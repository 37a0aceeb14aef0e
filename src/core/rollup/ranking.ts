/**
 * Ranks: units with the same points share a rank and the next rank skips (1, 2, 2, 4),
 * as rankings are published ("xếp hạng" by competition ranking).
 */
import { roundHalfAwayFromZero } from "../parse/numbers";

export interface Ranked<T> {
  item: T;
  rank: number;
}

/**
 * Sorts by points, highest first, and gives equal points (to 2 decimals) the same rank.
 * Items with equal points keep their given order.
 *
 * @example rankByPoints([{ p: 9 }, { p: 8 }, { p: 9 }, { p: 7 }], (x) => x.p).map((r) => r.rank) // [1, 1, 3, 4]
 */
export function rankByPoints<T>(items: T[], points: (item: T) => number): Ranked<T>[] {
  const keyed = items.map((item, order) => ({
    item,
    order,
    key: roundHalfAwayFromZero(points(item), 2),
  }));
  keyed.sort((a, b) => b.key - a.key || a.order - b.order);
  const ranked: Ranked<T>[] = [];
  keyed.forEach((entry, i) => {
    const rank = i > 0 && entry.key === keyed[i - 1].key ? ranked[i - 1].rank : i + 1;
    ranked.push({ item: entry.item, rank });
  });
  return ranked;
}
