/**
 * The task pane's roll-up and the pane's own thread (issue 24 item 8): Office restarts an
 * add-in that does not answer for 5 seconds. The built preview page (the real pane over a
 * fake workbook) in Debian's Chromium rolls up 100 ward workbooks of ~300 rows, and one of
 * 10,000 and one of 50,000 task rows; a heartbeat on the pane's thread (every 20 ms) records its longest
 * pause from the click to "Đã tổng hợp".
 *   npx tsx bench/pane-rollup.ts [--rounds 3] [[<label>=]<built dist> …]
 * The default dist is the browser tests' build (test/.tmp/browser-dist, `npx jest
 * test/browser/rollup.test.ts` makes it); give the build of an older commit too to compare
 * (webpack --mode production --env preview --env outputPath=<dir>). Prints Markdown.
 */
import { existsSync, promises as fs } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { generateRollupFolder } from "../test/fixtures/rollup/generate";
import { launchChromium, PREVIEW_DIST, ROOT, serve } from "../test/support/browser";
import { WATCH_WORKERS, type Watch } from "../test/support/watch-workers";

const OFFICE_JS = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const say = (line = "") => process.stdout.write(`${line}\n`);

const args = process.argv.slice(2);
const roundsAt = args.indexOf("--rounds");
const ROUNDS = roundsAt >= 0 ? Number(args.splice(roundsAt, 2)[1]) : 3;
/** Builds to compare, each "label=dir" or "dir". */
const DISTS = (args.length > 0 ? args : [PREVIEW_DIST]).map((a) => {
  const [label, dir] = a.includes("=") ? a.split("=", 2) : [path.basename(a), a];
  return { label, dir: path.resolve(dir) };
});

async function folder(name: string, count: number, tasks: number): Promise<string[]> {
  const dir = path.join(os.tmpdir(), `pane-rollup-bench-${name}`);
  if (!existsSync(path.join(dir, ".done"))) {
    await fs.rm(dir, { recursive: true, force: true });
    const made = await generateRollupFolder(dir, count, {
      assessment: false,
      tasks,
      distinct: Math.min(count, 30),
    });
    await fs.writeFile(path.join(dir, ".done"), "");
    return made.wards.map((w) => path.join(dir, w.file));
  }
  return (await fs.readdir(dir))
    .filter((f) => f.endsWith(".xlsx") && !f.startsWith("hong-"))
    .sort()
    .map((f) => path.join(dir, f));
}

/** One roll-up in the pane: seconds from the click to the result, and the longest pause. */
async function once(
  browser: Browser,
  base: string,
  files: string[]
): Promise<{ seconds: number; pause: number; workers: number }> {
  const page = await browser.newPage({ viewport: { width: 380, height: 1400 } });
  await page.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "appsforoffice.microsoft.com") {
      await route.fulfill({
        path: path.join(OFFICE_JS, path.basename(url.pathname)),
        contentType: "text/javascript",
      });
    } else if (url.hostname !== "127.0.0.1") await route.abort();
    else await route.continue();
  });
  await page.addInitScript(WATCH_WORKERS);
  await page.goto(`${base}/preview.html`);
  await page.evaluate(() => {
    const w = window as unknown as {
      Excel: Record<string, unknown>;
      fakeExcel: { context: () => unknown };
    };
    w.Excel.run = (batch: (context: unknown) => Promise<unknown>) => batch(w.fakeExcel.context());
  });
  await page.getByLabel("Chọn tệp của các đơn vị").setInputFiles(files);
  await page.evaluate(() => {
    (window as unknown as { watch: Watch }).watch.beating = true;
  });
  const start = Date.now();
  await page.getByRole("button", { name: `Tổng hợp ${files.length} tệp` }).click();
  await page.getByText(/^Đã tổng hợp \d+ đơn vị$/).waitFor({ timeout: 600_000 });
  const seconds = (Date.now() - start) / 1000;
  const watch = await page.evaluate(() => (window as unknown as { watch: Watch }).watch);
  await page.close();
  return { seconds, pause: watch.longestPause, workers: watch.workers.length };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

async function main(): Promise<void> {
  const workloads = [
    { title: "100 wards × ~300 rows", files: await folder("100x300", 100, 290) },
    { title: "1 ward × 10,000 rows", files: await folder("1x10000", 1, 10_000) },
    { title: "1 ward × 50,000 rows", files: await folder("1x50000", 1, 50_000) },
  ];
  const browser = await launchChromium();
  const servers = await Promise.all(DISTS.map((dist) => serve(dist.dir)));
  const bases = servers.map((s) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`);
  try {
    say(
      `Load average before: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}, ${os.cpus().length} cores; ${ROUNDS} rounds in turns, medians.`
    );
    say();
    say("| Workload | Build | Roll-up (s) | Longest pause of the pane's thread (ms) | Workers |");
    say("|---|---|---|---|---|");
    for (const workload of workloads) {
      const runs = DISTS.map(() => [] as Array<Awaited<ReturnType<typeof once>>>);
      for (let round = 0; round < ROUNDS; round++)
        for (const [i, base] of bases.entries())
          runs[i].push(await once(browser, base, workload.files));
      for (const [i, dist] of DISTS.entries()) {
        const r = runs[i];
        say(
          `| ${workload.title} | ${dist.label} | ${median(r.map((x) => x.seconds)).toFixed(2)} | ${Math.round(median(r.map((x) => x.pause)))} (max ${Math.round(Math.max(...r.map((x) => x.pause)))}) | ${r[0].workers} |`
        );
      }
    }
    say();
    say(
      `Load average after: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}.`
    );
  } finally {
    await browser.close();
    for (const s of servers) s.close();
  }
}

void main();
