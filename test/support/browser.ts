/**
 * What the browser tests share: Debian's Chromium (playwright-core, never a browser
 * download), one production build of the pane with its preview page, and a small static
 * server. The build takes minutes, so it is made once per test run (see build-once.ts).
 */
import { execFileSync } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import http from "node:http";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { buildOnce } from "./build-once";
import { describeNeeding } from "./required-program";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const ROOT = path.join(__dirname, "..", "..");
/** The production build with the preview page, shared by every browser test. */
export const PREVIEW_DIST = path.join(ROOT, "test", ".tmp", "browser-dist");

export const hasChromium = existsSync(CHROMIUM);

/** `describe` with Chromium; without it skipped, or in CI (CI=true) a failing test. */
export function describeInBrowser(name: string, body: () => void): void {
  describeNeeding(
    { available: hasChromium, what: `Chromium (${CHROMIUM})`, install: "apt-get install chromium" },
    name,
    body
  );
}

/**
 * The production build of the pane, the page and the preview page into `target` (webpack,
 * as `npm run build` with `--env preview`), shared by the browser tests and the bench.
 */
export function buildPreview(
  target: string,
  options: { stdio: "pipe" | ["ignore", "ignore", "inherit"]; timeout?: number }
): void {
  execFileSync(
    process.execPath,
    [
      require.resolve("webpack-cli/bin/cli.js"),
      "--mode",
      "production",
      "--env",
      "preview",
      "--env",
      `outputPath=${target}`,
    ],
    { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, ...options }
  );
}

/**
 * Builds the pane into PREVIEW_DIST once for this test run (jest's parent process id
 * names the run), and waits when another worker is building it.
 */
export function buildPreviewOnce(): Promise<string> {
  return buildOnce({
    target: PREVIEW_DIST,
    runId: String(process.ppid),
    // Shorter than the browser tests' beforeAll (15 min), so a stuck build fails them with
    // this message rather than a bare hook timeout.
    waitMs: 12 * 60_000,
    build: (target) => buildPreview(target, { stdio: "pipe", timeout: 11 * 60_000 }),
  });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

/** Serves `dir` at `prefix` (e.g. "/cham-diem-cchc", as a deployment under a path would). */
export function serve(dir: string, prefix = ""): Promise<http.Server> {
  const server = http.createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (!pathname.startsWith(`${prefix}/`)) {
      res.writeHead(404).end();
      return;
    }
    const file = path.join(dir, pathname.slice(prefix.length));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await fs.readFile(file);
      res
        .writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" })
        .end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Chromium as the machine allows it: headless, no sandbox as root, no background traffic. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
