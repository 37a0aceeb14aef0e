/**
 * Hostile texts and shapes: the inputs the unit tests feed the parsers to show they do not
 * blow up (no regular-expression backtracking, no cost per merged cell outside the grid).
 * The tests check the answers; the times are measured here, not asserted on a shared CI
 * machine. Run: npx tsx bench/hostile-text.ts (or npm run bench -- hostile).
 */
import { performance } from "node:perf_hooks";
import { methodRule } from "../src/core/assessment/method-text";
import { findBareDayMonth } from "../src/core/parse/deadlines";
import { isColumnNumberRow } from "../src/core/read/header-rows";
import { fillMergedDown, MergeCover } from "../src/core/read/merged-cells";
import { unitFromTitle } from "../src/core/rollup";

interface Case {
  name: string;
  /** The bound the old unit test asserted, kept as the target. */
  targetMs: number;
  run: () => unknown;
}

const cases: Case[] = [
  {
    name: "method text: 'dưới 9' × 20,000 and '(b/a)' × 5,000",
    targetMs: 1500,
    run: () => methodRule(`${"dưới 9".repeat(20_000)}% ${"(b/a)".repeat(5_000)}`),
  },
  {
    name: "unit name from a title of 'Phường ' × 20,000",
    targetMs: 2000,
    run: () => unitFromTitle(`${"Phường ".repeat(20_000)}năm`),
  },
  {
    name: "column-number row: 99 cells of '(n) =' + '(1+2)' × 2,000",
    targetMs: 500,
    run: () =>
      isColumnNumberRow(
        Array.from({ length: 99 }, (_, i) => `(${i + 1}) =${"(1+2)".repeat(2000)}`)
      ),
  },
  {
    name: "bare day/month after 'hạn ' × 20,000",
    targetMs: 500,
    run: () => findBareDayMonth(`${"hạn ".repeat(20_000)}x`, 2025),
  },
  {
    name: "one merge over 50,000 rows, filled down",
    targetMs: 1000,
    run: () =>
      fillMergedDown({
        sheetName: "S",
        values: Array.from({ length: 50_000 }, (_, r) => [r, r === 0 ? "Văn phòng" : ""]),
        merges: [{ top: 0, left: 1, bottom: 49_999, right: 1 }],
      }),
  },
  {
    name: "a whole-sheet merge indexed over a 10-row grid",
    targetMs: 200,
    run: () => new MergeCover([{ top: 0, left: 0, bottom: 1_048_575, right: 16_383 }], 4, 10),
  },
];

function medianOf(runs: number, fn: () => unknown): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

console.log("| input | first run ms | median of 5 ms | target ms | met |");
console.log("|---|---:|---:|---:|---|");
for (const c of cases) {
  const first = medianOf(1, c.run); // the cold run is what a unit test saw
  const warm = medianOf(5, c.run);
  console.log(
    `| ${c.name} | ${first.toFixed(1)} | ${warm.toFixed(1)} | ${c.targetMs} | ${first <= c.targetMs ? "yes" : "NO"} |`
  );
}
