/**
 * What the browser tests share: Debian's Chromium (playwright-core, never a browser
 * download), one production build of the pane with its preview page, and a small static
 * server. The build takes minutes, so it is made once per test run even when jest runs
 * the browser test files in parallel workers: the first worker builds under a lock, the
 * others wait for its stamp.
 */
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  promises as fs,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import http from "node:http";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const ROOT = path.join(__dirname, "..", "..");
/** The production build with the preview page, shared by every browser test. */
export const PREVIEW_DIST = path.join(ROOT, "test", ".tmp", "browser-dist");

export const hasChromium = existsSync(CHROMIUM);
export const describeInBrowser = hasChromium ? describe : describe.skip;

const LOCK = `${PREVIEW_DIST}.lock`;
const STAMP = path.join(PREVIEW_DIST, ".built-by");

/**
 * Builds the pane into PREVIEW_DIST once for this test run (jest's parent process id
 * names the run), and waits when another worker is building it.
 */
export async function buildPreviewOnce(): Promise<string> {
  const run = String(process.ppid);
  const built = () => existsSync(STAMP) && readStamp() === run;
  while (!built()) {
    try {
      mkdirSync(LOCK, { recursive: false });
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      continue;
    }
    try {
      if (!built()) {
        rmSync(PREVIEW_DIST, { recursive: true, force: true });
        mkdirSync(PREVIEW_DIST, { recursive: true });
        execFileSync(
          process.execPath,
          [
            require.resolve("webpack-cli/bin/cli.js"),
            "--mode",
            "production",
            "--env",
            "preview",
            "--env",
            `outputPath=${PREVIEW_DIST}`,
          ],
          { cwd: ROOT, stdio: "pipe" }
        );
        writeFileSync(STAMP, run);
      }
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
  return PREVIEW_DIST;
}

function readStamp(): string {
  try {
    return readFileSync(STAMP, "utf8");
  } catch {
    return "";
  }
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
