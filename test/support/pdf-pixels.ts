/** Counting a colour's pixels on the pages of a PDF (poppler's pdftoppm renders them). */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Pixels near `rgb` (each channel within 24) on every page of `pdf` rendered at 40 dpi,
 * page by page: how a test sees that a chart's bars were drawn, and on which page.
 */
export function colourPixelsPerPage(pdf: string, rgb: [number, number, number]): number[] {
  const out = mkdtempSync(path.join(os.tmpdir(), "pdf-pixels-"));
  // One image per page (binary PPM: "P6 w h 255" then RGB bytes).
  execFileSync("pdftoppm", ["-r", "40", pdf, path.join(out, "page")]);
  const near = (v: number, want: number) => Math.abs(v - want) < 24;
  return readdirSync(out)
    .filter((f) => f.endsWith(".ppm"))
    .sort()
    .map((file) => {
      const image = readFileSync(path.join(out, file));
      const header = image.subarray(0, 20).toString("latin1").split(/\s+/);
      const start = image.length - Number(header[1]) * Number(header[2]) * 3;
      let count = 0;
      for (let i = start; i + 2 < image.length; i += 3)
        if (near(image[i], rgb[0]) && near(image[i + 1], rgb[1]) && near(image[i + 2], rgb[2]))
          count++;
      return count;
    });
}
