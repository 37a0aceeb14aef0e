/**
 * "Tổng hợp nhiều đơn vị" in the built task pane (Debian's Chromium, playwright-core): the
 * user picks the wards' files through the page, the pane's Web Worker reads and scores them
 * (Office restarts a pane that does not answer for 5 seconds) and the pane writes the
 * roll-up sheets into the fake workbook of the preview page.
 */
import { existsSync, mkdtempSync, promises as fs } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { generateRollupFolder, type GeneratedFolder } from "../fixtures/rollup/generate";
import { WATCH_WORKERS, type Watch } from "../support/watch-workers";
import {
  buildPreviewOnce,
  describeInBrowser,
  launchChromium,
  PREVIEW_DIST,
  ROOT,
  serve,
} from "../support/browser";

const OUT = PREVIEW_DIST;
const OFFICE_JS = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");

interface FakeSheetView {
  name: string;
  cells: Map<string, { value: unknown; fill?: string }>;
  charts: unknown[];
}

describeInBrowser("roll-up in the task pane (Chromium)", () => {
  let server: http.Server;
  let browser: Browser;
  let base: string;
  let folder: GeneratedFolder;
  let district: GeneratedFolder;
  const dir = mkdtempSync(path.join(os.tmpdir(), "rollup-browser-"));

  beforeAll(async () => {
    folder = await generateRollupFolder(dir, 30);
    // 100 wards, 30 of them written and the others copies under their own names (seconds).
    district = await generateRollupFolder(path.join(dir, "district"), 100, {
      assessment: false,
      distinct: 30,
    });
    await buildPreviewOnce();
    server = await serve(OUT);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await fs.rm(dir, { recursive: true, force: true });
  });

  /**
   * The preview page (the real pane, a fake workbook), with Office.js from the local
   * package, no other host, and its workers watched: what the pane posts (and whether the
   * bytes left its thread), what each worker answers, and a heartbeat of the pane's thread.
   */
  async function openPreview(): Promise<{ page: Page; errors: string[]; external: string[] }> {
    const page = await browser.newPage({ viewport: { width: 380, height: 1400 } });
    const errors: string[] = [];
    const external: string[] = [];
    page.on("console", (msg) => {
      if (msg.type() === "error") errors.push(msg.text());
    });
    page.on("pageerror", (error) => errors.push(String(error)));
    await page.route("**/*", async (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === "appsforoffice.microsoft.com") {
        const file = path.join(OFFICE_JS, path.basename(url.pathname));
        if (existsSync(file)) {
          await route.fulfill({ path: file, contentType: "text/javascript" });
          return;
        }
      }
      if (url.hostname !== "127.0.0.1") {
        external.push(url.href);
        await route.abort();
        return;
      }
      await route.continue();
    });
    await page.addInitScript(WATCH_WORKERS);
    await page.goto(`${base}/preview.html`);
    // The preview's Excel global carries the fake's enums; its run() drives the same fake.
    await page.evaluate(() => {
      const w = window as unknown as {
        Excel: Record<string, unknown>;
        fakeExcel: { context: () => unknown };
      };
      w.Excel.run = (batch: (context: unknown) => Promise<unknown>) => batch(w.fakeExcel.context());
    });
    return { page, errors, external };
  }

  it("reads 39 picked files in the page (plan appendices, self-assessment tables, two broken), lists the two broken ones, flags the other set and writes the four sheets", async () => {
    const { page, errors, external } = await openPreview();
    const names = [...folder.wards, ...folder.assessment, ...folder.broken].map((f) => f.file);
    expect(names).toHaveLength(39);
    await page
      .getByLabel("Chọn tệp của các đơn vị")
      .setInputFiles(names.map((n) => path.join(dir, n)));
    await page.getByRole("button", { name: "Tổng hợp 39 tệp" }).click();
    await page.getByText("Đã tổng hợp 37 đơn vị").waitFor({ timeout: 120_000 });
    await page.getByText("Tệp không đọc được (2)").waitFor();
    for (const broken of folder.broken)
      await page.getByText(new RegExp(`^${broken.file}: `)).waitFor();
    await page
      .getByText(
        /bộ tiêu chí khác \(điểm tối đa khác: VI \(1 → 2\), VI\.1 \(1 → 2\)\), xếp hạng riêng/
      )
      .waitFor();
    const firstRank = await page
      .getByRole("list", { name: "Xếp hạng" })
      .getByRole("listitem")
      .first()
      .textContent();
    expect(firstRank).toMatch(/^Hạng 1: .+ — \d+(,\d+)?\/8,5 điểm$/);

    const workbook = await page.evaluate(() => {
      const w = window as unknown as { fakeExcel: { sheets: FakeSheetView[] } };
      return w.fakeExcel.sheets.map((s) => ({
        name: s.name,
        cells: [...s.cells.entries()].map(
          ([key, cell]) => [key, cell.value, cell.fill ?? null] as const
        ),
        charts: s.charts.length,
      }));
    });
    expect(workbook.map((s) => s.name)).toEqual(
      expect.arrayContaining(["Xếp hạng", "Theo tiêu chí", "Cảnh báo", "Việc quá hạn"])
    );
    const ranking = workbook.find((s) => s.name === "Xếp hạng")!;
    const unitNames = ranking.cells.filter(([key]) => key.endsWith(",1")).map(([, value]) => value);
    for (const ward of folder.wards) expect(unitNames).toContain(ward.expectedName);
    expect(ranking.charts).toBe(1);
    const criteria = workbook.find((s) => s.name === "Theo tiêu chí")!;
    expect(criteria.cells.some(([, , fill]) => fill === "#F8CBAD")).toBe(true);
    const warnings = workbook.find((s) => s.name === "Cảnh báo")!;
    const brokenRows = warnings.cells.filter(([, value]) => value === "Không đọc được tệp");
    expect(brokenRows).toHaveLength(2);
    // Read in the worker: one request with every file's bytes handed over.
    const watch = await page.evaluate(() => (window as unknown as { watch: Watch }).watch);
    expect(watch.workers.map((w) => w.posted)).toEqual([
      [{ kind: "rollup-sheets", files: 39, transferred: 39, emptiedHere: true }],
    ]);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  }, 240_000);

  it("reads 100 wards in the pane's Web Worker: the bytes leave the pane's thread, the worker reads and reports each file, the pane shows it and writes the sheets", async () => {
    const { page, errors, external } = await openPreview();
    const names = district.wards.map((f) => f.file);
    expect(names).toHaveLength(100);
    await page
      .getByLabel("Chọn tệp của các đơn vị")
      .setInputFiles(names.map((n) => path.join(district.dir, n)));
    await page.evaluate(() => {
      (window as unknown as { watch: Watch }).watch.beating = true;
    });
    await page.getByRole("button", { name: "Tổng hợp 100 tệp" }).click();
    await page.getByText("Đã tổng hợp 100 đơn vị").waitFor({ timeout: 180_000 });
    const watch = await page.evaluate(() => {
      const w = window as unknown as { watch: Watch };
      w.watch.beating = false;
      return w.watch;
    });
    // Measured, not asserted (a shared 2-core machine): the pane thread's longest pause.
    expect(watch.beats).toBeGreaterThan(0);
    process.stdout.write(
      `Ngăn tác vụ, 100 phường trong Web Worker: luồng chính dừng lâu nhất ${Math.round(watch.longestPause)} ms (${watch.beats} nhịp, ${watch.statuses.length} dòng trạng thái)\n`
    );
    // One worker, from the inlined bundle (the pane's CSP allows blob: for workers only).
    expect(watch.workers).toHaveLength(1);
    const [worker] = watch.workers;
    expect(worker.url).toMatch(/^blob:http:\/\/127\.0\.0\.1:/);
    // The bytes were handed over (emptied on the pane's thread), not copied.
    expect(worker.posted).toEqual([
      { kind: "rollup-sheets", files: 100, transferred: 100, emptiedHere: true },
    ]);
    // The worker read every file (its progress) and built the sheets.
    expect(worker.replies).toEqual([...Array(100).fill("progress"), "rolled-up-sheets"]);
    // The pane said what it was doing, in order, file by file.
    expect(watch.statuses[0]).toBe("Đang mở 100 tệp…");
    expect(watch.statuses[1]).toBe(`Đang đọc tệp 1/100: ${names[0]}`);
    const reading = watch.statuses
      .map((t) => /^Đang đọc tệp (\d+)\/100: (.+)$/.exec(t))
      .filter((m) => m !== null);
    for (const m of reading) expect(m[2]).toBe(names[Number(m[1]) - 1]);
    const order = reading.map((m) => Number(m[1]));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const sheets = await page.evaluate(() =>
      (window as unknown as { fakeExcel: { sheets: FakeSheetView[] } }).fakeExcel.sheets.map(
        (s) => s.name
      )
    );
    expect(sheets).toEqual(expect.arrayContaining(["Xếp hạng", "Theo tiêu chí", "Cảnh báo"]));
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  }, 300_000);
});
