/**
 * Maximum, minimum and append over arrays of any length. Spreading an array into a call
 * (`Math.max(...x)`, `push(...x)`) puts every element on the stack and throws
 * "Maximum call stack size exceeded" past about 100,000 elements (a district's warnings);
 * these loop instead. ESLint's no-restricted-syntax keeps spread calls out of src/.
 */

/**
 * The largest value, or `start` when there is none (or all are smaller).
 *
 * @example maxOf([3, 7, 5]) === 7
 * @example maxOf([], 0) === 0
 */
export function maxOf(values: Iterable<number>, start = -Infinity): number {
  let max = start;
  for (const value of values) if (value > max) max = value;
  return max;
}

/**
 * The smallest value, or `start` when there is none (or all are larger).
 *
 * @example minOf([3, 7, 5]) === 3
 */
export function minOf(values: Iterable<number>, start = Infinity): number {
  let min = start;
  for (const value of values) if (value < min) min = value;
  return min;
}

/**
 * Appends every item to `target` (in place) and returns it.
 *
 * @example appendAll([1], [2, 3]) // [1, 2, 3]
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
