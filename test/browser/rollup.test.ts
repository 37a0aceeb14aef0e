/**
 * "Tổng hợp nhiều đơn vị" in the built task pane (Debian's Chromium, playwright-core): the
 * user picks 32 files through the page (30 ward workbooks, two broken), the pane reads
 * them itself and writes the roll-up sheets into the fake workbook of the preview page.
 */
import { existsSync, mkdtempSync, promises as fs } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { generateRollupFolder, type GeneratedFolder } from "../fixtures/rollup/generate";
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
  const dir = mkdtempSync(path.join(os.tmpdir(), "rollup-browser-"));

  beforeAll(async () => {
    folder = await generateRollupFolder(dir, 30);
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

  it("reads 39 picked files in the page (plan appendices, self-assessment tables, two broken), lists the two broken ones, flags the other set and writes the four sheets", async () => {
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
    await page.goto(`${base}/preview.html`);
    // The preview's Excel global carries the fake's enums; its run() drives the same fake.
    await page.evaluate(() => {
      const w = window as unknown as {
        Excel: Record<string, unknown>;
        fakeExcel: { context: () => unknown };
      };
      w.Excel.run = (batch: (context: unknown) => Promise<unknown>) => batch(w.fakeExcel.context());
    });
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
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  }, 240_000);
});
