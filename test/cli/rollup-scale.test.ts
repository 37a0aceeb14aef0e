/**
 * A district at scale: 150 wards of ~300 rows, every row warned, rolled up by the command
 * line in a child process (two threads, as users run it). The roll-up is written, within
 * 1 GB of peak memory (the process's maximum resident set, all threads), and its warnings
 * sheet stays bounded. Before: RangeError "Maximum call stack size exceeded" in
 * SheetBuilder.build, nothing written. The 1,000-ward run is in `npm run bench -- rollup`
 * (bench/rollup.ts): generating and scoring it takes minutes on two busy cores.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, promises as fs, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { generateRollupFolder } from "../fixtures/rollup/generate";
import { WARNING_DETAIL_ROWS_PER_UNIT } from "../../src/core/rollup";

jest.setTimeout(240_000);

const WARDS = 150;
const TASKS = 290;
const ROOT = path.join(__dirname, "..", "..");
const MAX_RSS_BYTES = 1024 * 1024 * 1024;

describe("a district of 150 wards × 300 rows, every row warned", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "rollup-scale-"));
  const input = path.join(dir, "don-vi");
  const out = path.join(dir, "tong-hop.xlsx");
  let child: { code: number; maxRssBytes: number; stdout: string };

  beforeAll(async () => {
    await generateRollupFolder(input, WARDS, {
      assessment: false,
      tasks: TASKS,
      warned: true,
      distinct: 10,
    });
    for (const broken of ["hong-khong-phai-xlsx.xlsx", "hong-cat-ngan.xlsx"])
      await fs.rm(path.join(input, broken));
    // The command line in a process of its own, so that its peak memory is its own.
    const script = `
      require("tsx/cjs");
      const { main } = require(${JSON.stringify(path.join(ROOT, "src", "cli", "main.ts"))});
      let stdout = "";
      const io = { out: (t) => { stdout += t; }, err: (t) => process.stderr.write(t) };
      main(${JSON.stringify(["rollup", input, "--today", "2025-11-20", "--out", out, "--json"])}, io).then((code) => {
        const maxRssBytes = process.resourceUsage().maxRSS * 1024;
        require("node:fs").writeFileSync(${JSON.stringify(path.join(dir, "result.json"))}, JSON.stringify({ code, maxRssBytes, stdout }));
      });
    `;
    execFileSync(process.execPath, ["-e", script], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
      timeout: 200_000,
    });
    child = JSON.parse(readFileSync(path.join(dir, "result.json"), "utf8"));
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("writes the roll-up with every ward ranked and every row's warning counted", () => {
    expect(child.code).toBe(0);
    const json = JSON.parse(child.stdout) as {
      ranking: Array<{ warnings: unknown[]; rank: number | null }>;
    };
    expect(json.ranking).toHaveLength(WARDS);
    expect(json.ranking.every((r) => r.warnings.length >= TASKS)).toBe(true);
  });

  it("peaks below 1 GB", () => {
    expect(child.maxRssBytes).toBeGreaterThan(0);
    expect(child.maxRssBytes).toBeLessThan(MAX_RSS_BYTES);
  });

  it("keeps the warnings sheet to a summary row and a capped detail per ward", async () => {
    const parts = unzipSync(new Uint8Array(await fs.readFile(out)));
    const workbook = strFromU8(parts["xl/workbook.xml"]);
    const names = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    const index = names.indexOf("Cảnh báo");
    expect(index).toBeGreaterThanOrEqual(0);
    const sheet = strFromU8(parts[`xl/worksheets/sheet${index + 1}.xml`]);
    const rows = (sheet.match(/<row /g) ?? []).length;
    expect(rows).toBeLessThanOrEqual(10 + WARDS * (WARNING_DETAIL_ROWS_PER_UNIT + 2));
    expect(rows).toBeGreaterThan(WARDS * WARNING_DETAIL_ROWS_PER_UNIT);
    expect(sheet).toContain("… và ");
  });
});
