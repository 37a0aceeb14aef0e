/**
 * Draws the add-in's icons (assets/*.png) from the SVGs below with headless Chromium.
 * Run once after editing: npx tsx scripts/draw-icons.ts (needs Debian's chromium).
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

/** "Chấm điểm": a score sheet with a check mark, in the pane's brand blue. */
const SCORE = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
  <rect x="4" y="2" width="22" height="28" rx="3" fill="#0f6cbd"/>
  <rect x="7" y="6" width="16" height="2.5" rx="1" fill="#cfe4fa"/>
  <rect x="7" y="11" width="10" height="2.5" rx="1" fill="#cfe4fa"/>
  <circle cx="22.5" cy="22.5" r="8" fill="#107c10" stroke="#ffffff" stroke-width="1.5"/>
  <path d="M18.5 22.5 l3 3 l5.5 -6" fill="none" stroke="#ffffff" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

/** "Kết quả": bars of area points against a dashed maximum. */
const RESULTS = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
  <rect x="2" y="2" width="28" height="28" rx="3" fill="#ffffff" stroke="#0f6cbd" stroke-width="2"/>
  <line x1="6" y1="8" x2="26" y2="8" stroke="#c50f1f" stroke-width="1.5" stroke-dasharray="2 2"/>
  <rect x="7" y="14" width="4" height="12" fill="#0f6cbd"/>
  <rect x="14" y="9" width="4" height="17" fill="#0f6cbd"/>
  <rect x="21" y="18" width="4" height="8" fill="#f7630c"/>
</svg>`;

const SIZES: Record<string, { svg: string; sizes: number[] }> = {
  icon: { svg: SCORE, sizes: [16, 32, 64, 80, 128] },
  results: { svg: RESULTS, sizes: [16, 32, 80] },
};

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  const out = path.join(__dirname, "..", "assets");
  await fs.mkdir(out, { recursive: true });
  for (const [name, { svg, sizes }] of Object.entries(SIZES)) {
    for (const size of sizes) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`);
      await page.screenshot({ path: path.join(out, `${name}-${size}.png`), omitBackground: true });
      await page.close();
    }
  }
  await browser.close();
}

main().then(() => process.stdout.write("Đã vẽ biểu tượng vào assets/\n"));
