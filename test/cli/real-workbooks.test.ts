/**
 * The 27 workbooks written by Microsoft Excel (test/fixtures/real-workbooks, see INDEX.md):
 * each is read without a crash, scored where it holds a table (else refused in Vietnamese),
 * its copy keeps every part of the original, the copy re-scored changes nothing, and a set
 * derived from a self-assessment table round-trips through the "Bộ tiêu chí" sheet.
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openPackage, relsPathOf } from "../../src/xlsx/package";
import { runCli } from "../support/cli";
import { comparePackages, unzipParts } from "../support/package-compare";

const DIR = path.join(__dirname, "../fixtures/real-workbooks");
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith(".xlsx"))
  .sort();
const dir = mkdtempSync(path.join(os.tmpdir(), "par-real-"));
const today = "2025-11-20";

/** Files that hold a table we score (the others are refused: no appendix table). */
const SCORED = [
  "c07_TDKT_DanhSachTapTheDeNghiKT_lifephong.xlsx",
  "c08_TDKT_DanhSachCaNhanDeNghiKT_lifephong.xlsx",
  "c13_BTXH_DanhMucTroCap_49merges_Excel2007_lifephong.xlsx",
  "c16_NganSach_Mau68NS_TT342_PHBApi.xlsx",
  "c17_NganSach_Mau70NS_TT342_PHBApi.xlsx",
  "c20_NganSach_Bieu1c_XetDuyetQuyetToan_PHBApi.xlsx",
];

function differingParts(a: Uint8Array, b: Uint8Array): string[] {
  const pa = unzipParts(a);
  const pb = unzipParts(b);
  return [...new Set([...pa.keys(), ...pb.keys()])].filter((name) => {
    const x = pa.get(name);
    const y = pb.get(name);
    return !x || !y || !Buffer.from(x).equals(Buffer.from(y));
  });
}

describe("the real workbooks written by Excel", () => {
  it("are all here (27)", () => {
    expect(FILES).toHaveLength(27);
  });

  it.each(FILES)("%s: read without a crash, scored or refused in Vietnamese", async (file) => {
    const input = path.join(DIR, file);
    const before = readFileSync(input);
    const out = path.join(dir, file);
    const first = await runCli([input, "--today", today, "--out", out, "--json"]);
    expect(readFileSync(input).equals(before)).toBe(true);
    if (!SCORED.includes(file)) {
      expect({ code: first.code, err: first.err }).toEqual({
        code: 1,
        err: expect.stringMatching(/^Lỗi: Không tìm thấy bảng phụ lục nào trong /),
      });
      return;
    }
    expect({ code: first.code, err: first.err }).toEqual({ code: 0, err: "" });
    expect(JSON.parse(first.out).tables.length).toBeGreaterThan(0);
    const copy = new Uint8Array(readFileSync(out));
    // Every part of the original is in the copy; untouched parts byte for byte.
    const pkg = openPackage(new Uint8Array(before));
    const allowed = new Set([
      "[Content_Types].xml",
      pkg.workbookPath,
      relsPathOf(pkg.workbookPath),
      ...(pkg.stylesPath ? [pkg.stylesPath] : []),
      ...pkg.sheets.map((s) => s.partPath),
    ]);
    expect(
      comparePackages(new Uint8Array(before), copy, {
        changedParts: (part) => allowed.has(part),
        // Empty formatted cells where our block now stands, and <col> ranges it splits.
        mayChange: (_part, element) =>
          (element.localName === "c" && !element.firstChild) || element.localName === "col",
      })
    ).toEqual([]);
    // Re-scored: nothing changes, part for part.
    const again = path.join(dir, `again-${file}`);
    const second = await runCli([out, "--today", today, "--out", again, "--json"]);
    expect({ code: second.code, err: second.err }).toEqual({ code: 0, err: "" });
    expect(differingParts(copy, readFileSync(again))).toEqual([]);
  });

  it.each(FILES)(
    "%s: a derived set, where there is one, round-trips through 'Bộ tiêu chí'",
    async (file) => {
      const input = path.join(DIR, file);
      const printed = await runCli(["criteria-sheet", "--from", input]);
      if (printed.code !== 0) {
        expect(printed.err).toMatch(/^Lỗi: Không tìm thấy bảng tự đánh giá trong /);
        return;
      }
      const out = path.join(dir, `set-${file}`);
      expect((await runCli(["criteria-sheet", "--from", input, "--out", out])).code).toBe(0);
      const exported = await runCli(["criteria-sheet", "--export", out]);
      expect(exported.code).toBe(0);
      expect(JSON.parse(exported.out)).toEqual(JSON.parse(printed.out));
    }
  );
});
