/**
 * The scoring page (dist/web/index.html) in Debian's Chromium (playwright-core): opened from
 * file:// and from a server under a sub-path, with every request but the page's own files
 * aborted. The downloaded copy is byte for byte the command line's; a folder of 30 wards with
 * broken files ranks as the CLI roll-up and lists the broken ones. Screenshots (320 and
 * 1280 px) go to test/.tmp/artefacts. The pane without Office.js shows a message.
 */
import { mkdtempSync, promises as fs, readFileSync, readdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { generateRollupFolder, type GeneratedFolder } from "../fixtures/rollup/generate";
import {
  buildPreviewOnce,
  describeInBrowser,
  launchChromium,
  PREVIEW_DIST,
  ROOT,
  serve,
} from "../support/browser";
import { runCli } from "../support/cli";
import { strToU8, zipSync } from "fflate";
import { TABLE_OWN_SET } from "../../src/app/options";
import { templateFile } from "../fixtures/assessment/generate";

const WEB = path.join(PREVIEW_DIST, "web");
const ARTEFACTS = path.join(ROOT, "test", ".tmp", "artefacts");
const SAMPLE = path.join(ROOT, "samples", "phu-luc-par-index-2025.xlsx");
const CORPUS = path.join(ROOT, "test", "fixtures", "corpus");
const TODAY = "2025-11-20";
const PREFIX = "/mot/duong/bat-ky";
const TABLE = templateFile("layout-3");

/** A context where only the page's own files load; every other request is aborted and kept. */
async function offlineContext(browser: Browser, own: string, width = 1280) {
  const context = await browser.newContext({
    acceptDownloads: true,
    viewport: { width, height: 900 },
  });
  const left: string[] = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(own) || url.startsWith("blob:") || url.startsWith("data:"))
      await route.continue();
    else {
      left.push(url);
      await route.abort();
    }
  });
  return { context, left };
}

async function openPage(
  context: BrowserContext,
  url: string
): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  // Playwright takes over the browser's file chooser once a listener is there; added before
  // the page loads, so that a chooser opened right after a key press is never missed.
  page.on("filechooser", () => undefined);
  await page.goto(url);
  await page.getByLabel("Tính đến ngày").fill(TODAY);
  return { page, errors };
}

/** Picks files as a user does: the Vietnamese button opens the browser's file chooser. */
async function choose(page: Page, button: "Chọn tệp…" | "Chọn thư mục…", files: string) {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: button, exact: true }).click();
  await (await chooser).setFiles(files);
}

/** Clicks a download button and returns the file's name and bytes. */
async function downloadFrom(page: Page, name: RegExp): Promise<{ name: string; bytes: Buffer }> {
  const button = page.getByRole("button", { name });
  await button.waitFor({ timeout: 60_000 });
  const download = page.waitForEvent("download");
  await button.click();
  const d = await download;
  return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
}

/** Picks one workbook and returns the downloaded copy's name and bytes. */
async function scoreIn(page: Page, file: string): Promise<{ name: string; bytes: Buffer }> {
  await choose(page, "Chọn tệp…", file);
  return downloadFrom(page, /Tải bản đã chấm/);
}

/** The CLI's copy of a file, or its error message. */
async function cliCopy(
  file: string,
  dir: string,
  extra: string[] = []
): Promise<{ bytes: Buffer | null; err: string }> {
  // A macro workbook's copy is an .xlsm (the CLI refuses another name), every other an .xlsx.
  const ext = path.extname(file).toLowerCase() === ".xlsm" ? ".xlsm" : ".xlsx";
  const out = path.join(dir, `${path.basename(file)}.cli${ext}`);
  const { code, err } = await runCli([file, "--today", TODAY, ...extra, "--out", out]);
  return code === 0 ? { bytes: readFileSync(out), err } : { bytes: null, err };
}

/**
 * The CLI's refusal of a file, run from the file's folder (as a clerk would: the message
 * then names the file as the page does, without a folder), without "Lỗi: ".
 */
async function cliRefusal(file: string, dir: string): Promise<string> {
  const before = process.env.INIT_CWD;
  process.env.INIT_CWD = path.dirname(file);
  try {
    const cli = await cliCopy(file, dir);
    expect(cli.bytes).toBeNull();
    return cli.err.replace(/^Lỗi: /, "").trimEnd();
  } finally {
    if (before === undefined) delete process.env.INIT_CWD;
    else process.env.INIT_CWD = before;
  }
}

/** The page's refusal after picking `file`, once it shows `expected` (or what it shows). */
async function pageRefusal(page: Page, file: string, expected: string): Promise<string> {
  await choose(page, "Chọn tệp…", file);
  await page
    .waitForFunction(
      (want) => document.getElementById("thong-bao-loi")?.innerText === want,
      expected,
      { timeout: 30_000 }
    )
    .catch(() => undefined);
  return page.locator("#thong-bao-loi").innerText();
}

describeInBrowser("the scoring page (Chromium, offline)", () => {
  let browser: Browser;
  let server: http.Server;
  let base: string;
  let folder: GeneratedFolder;
  const dir = mkdtempSync(path.join(os.tmpdir(), "web-page-"));

  beforeAll(async () => {
    await fs.mkdir(ARTEFACTS, { recursive: true });
    folder = await generateRollupFolder(path.join(dir, "cac-phuong"), 30, { assessment: false });
    await buildPreviewOnce();
    server = await serve(PREVIEW_DIST, PREFIX);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${PREFIX}/`;
    browser = await launchChromium();
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("from file://: the sample's download is the CLI's copy byte for byte, nothing leaves, screenshots at 320 and 1280 px", async () => {
    const own = pathToFileURL(WEB).href;
    for (const width of [1280, 320]) {
      const { context, left } = await offlineContext(browser, own, width);
      const { page, errors } = await openPage(context, `${own}/index.html`);
      await page.getByText("Tệp không rời khỏi máy tính").waitFor();
      const got = await scoreIn(page, SAMPLE);
      expect(got.name).toBe("phu-luc-par-index-2025.scored.xlsx");
      const cli = await cliCopy(SAMPLE, dir);
      expect(cli.bytes).not.toBeNull();
      await fs.writeFile(path.join(ARTEFACTS, `web-page-${width}.download.xlsx`), got.bytes);
      await fs.writeFile(path.join(ARTEFACTS, `web-page-${width}.cli.xlsx`), cli.bytes!);
      expect(got.bytes.equals(cli.bytes!)).toBe(true);
      await expect(page.getByText("Việc quá hạn theo đơn vị")).toBeDefined();
      await page.getByRole("heading", { name: "Kết quả" }).waitFor();
      // Nothing wider than the window: the page never scrolls sideways, at 320 px either.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({
        path: path.join(ARTEFACTS, `web-page-${width}.png`),
        fullPage: true,
      });
      expect(left).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }
  }, 300_000);

  it("under a sub-path of a server: every workbook of the fidelity corpus downloads the CLI's copy, or the CLI's message", async () => {
    const { context, left } = await offlineContext(browser, base);
    const { page } = await openPage(context, `${base}web/index.html`);
    const files = readdirSync(CORPUS).filter((f) => /\.xlsx?m?$/.test(f));
    expect(files.length).toBeGreaterThan(5);
    let compared = 0;
    let refused = 0;
    for (const name of files) {
      const file = path.join(CORPUS, name);
      const cli = await cliCopy(file, dir);
      if (cli.bytes) {
        const got = await scoreIn(page, file);
        expect([name, got.bytes.equals(cli.bytes)]).toEqual([name, true]);
        compared++;
      } else {
        // A file the CLI refuses (min-x-prefix.xlsx): the page says the same words.
        const expected = await cliRefusal(file, dir);
        expect([name, await pageRefusal(page, file, expected)]).toEqual([name, expected]);
        refused++;
      }
    }
    expect(compared).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
    expect(left).toEqual([]);
    await context.close();
  }, 600_000);

  it("a folder of 30 wards with broken files: the ranking equals the CLI roll-up's and the broken files are listed", async () => {
    const { context, left } = await offlineContext(browser, base);
    const { page, errors } = await openPage(context, `${base}web/index.html`);
    await choose(page, "Chọn thư mục…", folder.dir);
    const button = page.getByRole("button", { name: /Tải bảng xếp hạng/ });
    await button.waitFor({ timeout: 120_000 });
    const items = await page
      .getByRole("list", { name: "Xếp hạng" })
      .getByRole("listitem")
      .allInnerTexts();
    const { code, out } = await runCli([
      "rollup",
      folder.dir,
      "--today",
      TODAY,
      "--json",
      "--out",
      path.join(dir, "th.xlsx"),
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(out) as {
      ranking: { rank: number | null; name: string }[];
      failures: { file: string }[];
    };
    expect(items.map((t) => t.replace(/ — .*$/, ""))).toEqual(
      json.ranking.map((r) => `${r.rank === null ? "Không xếp hạng" : `Hạng ${r.rank}`}: ${r.name}`)
    );
    const failed = await page
      .getByRole("list", { name: "Tệp không đọc được" })
      .getByRole("listitem")
      .allInnerTexts();
    expect(folder.broken.length).toBeGreaterThan(0);
    for (const broken of folder.broken)
      expect(failed.some((t) => t.includes(broken.file))).toBe(true);
    expect(failed).toHaveLength(json.failures.length);
    const download = page.waitForEvent("download");
    await button.click();
    const d = await download;
    expect(d.suggestedFilename()).toBe("tong-hop-cchc.xlsx");
    expect(
      readFileSync((await d.path())!)
        .subarray(0, 2)
        .toString("latin1")
    ).toBe("PK");
    expect(left).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);

  it("axe finds no serious or critical violation on the page with a result", async () => {
    const context = await browser.newContext({
      bypassCSP: true,
      viewport: { width: 1280, height: 900 },
    });
    const { page } = await openPage(context, `${pathToFileURL(WEB).href}/index.html`);
    await choose(page, "Chọn tệp…", SAMPLE);
    await page.getByRole("button", { name: /Tải bản đã chấm/ }).waitFor({ timeout: 60_000 });
    // The sample's result has notices: ResultView shows a notice bar, which axe then checks.
    const bars = page.getByRole("region", { name: "Kết quả chấm điểm" }).locator(".fui-MessageBar");
    expect(await bars.count()).toBeGreaterThan(0);
    await page.addScriptTag({
      content: readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"),
    });
    const violations = await page.evaluate(async () => {
      const result = await (
        window as unknown as {
          axe: {
            run(): Promise<{
              violations: { id: string; impact: string; nodes: { html: string }[] }[];
            }>;
          };
        }
      ).axe.run();
      return result.violations.map(
        (v) => `${v.impact}: ${v.id} ${v.nodes.map((n) => n.html).join(" ")}`
      );
    });
    // No exclusion: ResultView's notice bar is titled, so its aria-labelledby points at a
    // title that is there (untitled, it was a critical aria-valid-attr-value).
    expect(violations.filter((v) => /^(serious|critical)/.test(v))).toEqual([]);
    await context.close();
  }, 120_000);

  it("criteria: a bundled set, the table's own and 'Lấy bộ tiêu chí từ bảng này' download the CLI's bytes", async () => {
    const { context, left } = await offlineContext(browser, base);
    const { page, errors } = await openPage(context, `${base}web/index.html`);
    // "Lấy bộ tiêu chí từ bảng này": criteria-sheet --from <table> --out <new>.
    await choose(page, "Chọn tệp…", TABLE);
    const sheet = await downloadFrom(page, /^Lấy bộ tiêu chí từ bảng này$/);
    expect(sheet.name).toBe("layout-3.bo-tieu-chi.xlsx");
    const cliSheet = path.join(dir, "layout-3.bo-tieu-chi.cli.xlsx");
    const written = await runCli(["criteria-sheet", "--from", TABLE, "--out", cliSheet]);
    expect(written.code).toBe(0);
    expect(sheet.bytes.equals(readFileSync(cliSheet))).toBe(true);
    await page.getByText("Đã tải bản có bộ tiêu chí").waitFor();
    // That copy has a "Bộ tiêu chí" sheet (the table's own set): the three choices differ.
    const withSheet = path.join(dir, "bang-co-trang.xlsx");
    writeFileSync(withSheet, sheet.bytes);
    const choices: [string, string[]][] = [
      ["", []],
      [TABLE_OWN_SET, ["--criteria", TABLE_OWN_SET]],
      ["xa-2025-dien-ban", ["--criteria", "xa-2025-dien-ban"]],
    ];
    const copies: Buffer[] = [];
    for (const [value, args] of choices) {
      await page.getByLabel("Bộ tiêu chí", { exact: true }).selectOption(value);
      const got = await scoreIn(page, withSheet);
      const cli = await cliCopy(withSheet, dir, args);
      expect([value, got.bytes.equals(cli.bytes!)]).toEqual([value, true]);
      copies.push(got.bytes);
    }
    // The bundled set is not the table's: its copy differs from the other two.
    expect(copies[2].equals(copies[0])).toBe(false);
    // The plan year goes to the run as --year does.
    await page.getByLabel("Bộ tiêu chí", { exact: true }).selectOption("");
    await page.getByLabel(/^Năm kế hoạch/).fill("2024");
    const year = await scoreIn(page, SAMPLE);
    const cliYear = await cliCopy(SAMPLE, dir, ["--year", "2024"]);
    expect(year.bytes.equals(cliYear.bytes!)).toBe(true);
    expect(year.bytes.equals((await cliCopy(SAMPLE, dir)).bytes!)).toBe(false);
    expect(left).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);

  it("a refused file (.xls, a renamed .docx, a .txt) shows the CLI's message, word for word", async () => {
    const refusedDir = path.join(dir, "tu-choi");
    await fs.mkdir(refusedDir, { recursive: true });
    // An .xls: a compound file (its signature, then zeros).
    const xls = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(xls);
    writeFileSync(path.join(refusedDir, "bao-cao-cu.xls"), xls);
    const docx = zipSync({
      "[Content_Types].xml": strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
      ),
      "_rels/.rels": strToU8(
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
      ),
      "word/document.xml": strToU8("<w:document/>"),
    });
    writeFileSync(path.join(refusedDir, "van-ban-doi-ten.xlsx"), docx);
    writeFileSync(path.join(refusedDir, "ghi-chu.txt"), "Phụ lục kế hoạch CCHC\n");
    const { context, left } = await offlineContext(browser, base);
    const { page } = await openPage(context, `${base}web/index.html`);
    for (const name of ["bao-cao-cu.xls", "van-ban-doi-ten.xlsx", "ghi-chu.txt"]) {
      const file = path.join(refusedDir, name);
      const expected = await cliRefusal(file, dir);
      expect(expected).toMatch(new RegExp(`^Không đọc được "${name.replace(".", "\\.")}": `));
      expect([name, await pageRefusal(page, file, expected)]).toEqual([name, expected]);
    }
    expect(left).toEqual([]);
    await context.close();
  }, 120_000);

  it("the file buttons are Vietnamese, reached and pressed from the keyboard; the native inputs are hidden", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page } = await openPage(context, `${pathToFileURL(WEB).href}/index.html`);
    expect(await page.locator("input[type=file]").count()).toBe(2);
    for (const input of await page.locator("input[type=file]").all())
      expect(await input.isVisible()).toBe(false);
    // Tab from the top of the page to each button, then open it with Enter or Space.
    for (const [name, key] of [
      ["Chọn tệp…", "Enter"],
      ["Chọn thư mục…", "Space"],
    ] as const) {
      await page.locator("body").focus();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      let reached = false;
      for (let i = 0; i < 30 && !reached; i++) {
        await page.keyboard.press("Tab");
        reached = await page.evaluate(
          (want) => document.activeElement?.textContent?.trim() === want,
          name
        );
      }
      expect([name, reached]).toEqual([name, true]);
      const chooser = page.waitForEvent("filechooser", { timeout: 10_000 });
      await page.keyboard.press(key);
      const opened = await chooser;
      expect(opened.isMultiple()).toBe(name === "Chọn tệp…");
      if (name === "Chọn tệp…") {
        await opened.setFiles(SAMPLE);
        await page.getByRole("button", { name: /Tải bản đã chấm/ }).waitFor({ timeout: 60_000 });
      }
    }
    await context.close();
  }, 120_000);

  it("the pane without Office.js shows a Vietnamese message pointing to the page", async () => {
    const { context, left } = await offlineContext(browser, base);
    const page = await context.newPage();
    await page.goto(`${base}taskpane.html`);
    const message = page.locator("#no-office-message");
    await message.waitFor({ timeout: 30_000 });
    expect(await message.innerText()).toContain("web/index.html");
    expect(await page.locator("h1").innerText()).toContain("Không tải được Office.js");
    expect(left.some((u) => u.includes("appsforoffice.microsoft.com"))).toBe(true);
    await context.close();
  }, 60_000);
});
