/**
 * Issue 19.5: a value a person typed over one of our "(tự động)" cells is theirs. A
 * re-run stops, writes nothing and names the cell, unless the cell holds what the last
 * run wrote there (its record, kept beside the block's marker) or what this run writes.
 * The scored copies are edited at the XML level, as Excel would save the typed value.
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { runCli } from "../support/cli";
import { templateFile } from "../fixtures/assessment/generate";

const dir = mkdtempSync(path.join(os.tmpdir(), "par-typed-over-"));
const today = "2025-11-20";
const PLAN = path.join(__dirname, "../../samples/phu-luc-par-index-2025.xlsx");

async function score(input: string, out: string) {
  return runCli([input, "--today", today, "--out", out]);
}

/** A copy of `file` whose part `part` went through `edit` (which must change it). */
function edited(file: string, part: string, edit: (xml: string) => string, name: string): string {
  const parts = unzipSync(readFileSync(file));
  const before = strFromU8(parts[part]);
  const after = edit(before);
  expect(after).not.toBe(before);
  parts[part] = strToU8(after);
  const out = path.join(dir, name);
  writeFileSync(out, zipSync(parts));
  return out;
}

/** Replaces the whole `<c r="ref" …>…</c>` (or self-closing) element. */
function replaceCell(xml: string, ref: string, cell: string): string {
  const re = new RegExp(`<c r="${ref}"(?:[^>]*/>|[^>]*>.*?</c>)`);
  expect(re.test(xml)).toBe(true);
  return xml.replace(re, cell);
}

let planCopy = "";
let assessmentCopy = "";
beforeAll(async () => {
  planCopy = path.join(dir, "plan.1.xlsx");
  assessmentCopy = path.join(dir, "layout-1.1.xlsx");
  expect((await score(PLAN, planCopy)).code).toBe(0);
  expect((await score(templateFile("layout-1"), assessmentCopy)).code).toBe(0);
});

describe("a value typed over one of our cells stops the re-run (issue 19.5)", () => {
  const sheet1 = "xl/worksheets/sheet1.xml";

  it("a date typed over our due date: refused, naming the cell and the date, nothing written", async () => {
    // Row 10 of the plan appendix: our due date L10 is 30/09/2025 (45930); the person types 15/10/2025.
    const input = edited(
      planCopy,
      sheet1,
      (xml) => replaceCell(xml, "L10", '<c r="L10" s="6"><v>45945</v></c>'),
      "plan.due-typed.xlsx"
    );
    const out = path.join(dir, "plan.due-typed.out.xlsx");
    const result = await score(input, out);
    expect(result.code).not.toBe(0);
    expect(result.err).toContain(
      "ô 'Phụ lục KH CCHC'!L10 trong cột do công cụ ghi (tự động) đã bị sửa tay thành «15/10/2025»"
    );
    expect(result.err).toContain(
      "hãy chuyển nội dung đó sang cột của đơn vị rồi xoá ô, hoặc xoá ô để công cụ ghi lại"
    );
    expect(result.err).toContain("Chưa có ô nào bị thay đổi.");
    expect(existsSync(out)).toBe(false);
  });

  it('"Đã hoàn thành" typed over our state formula: refused, naming the cell', async () => {
    const input = edited(
      planCopy,
      sheet1,
      (xml) =>
        replaceCell(xml, "M10", '<c r="M10" s="2" t="inlineStr"><is><t>Đã hoàn thành</t></is></c>'),
      "plan.state-typed.xlsx"
    );
    const result = await score(input, path.join(dir, "plan.state-typed.out.xlsx"));
    expect(result.code).not.toBe(0);
    expect(result.err).toContain("'Phụ lục KH CCHC'!M10");
    expect(result.err).toContain("đã bị sửa tay thành «Đã hoàn thành»");
  });

  it("a number typed over our points on a self-assessment table: refused, naming the cell", async () => {
    // Layout 1: our points column is H; 1.1.1 (row 7) scored 1 point. The person types 0,5.
    const input = edited(
      assessmentCopy,
      sheet1,
      (xml) => replaceCell(xml, "H7", '<c r="H7"><v>0.5</v></c>'),
      "layout-1.points-typed.xlsx"
    );
    const result = await score(input, path.join(dir, "layout-1.points-typed.out.xlsx"));
    expect(result.code).not.toBe(0);
    expect(result.err).toContain("H7 trong cột do công cụ ghi (tự động) đã bị sửa tay thành «0,5»");
  });

  it("a value equal to what we wrote, or a cleared cell, is no one's: the re-run goes on", async () => {
    const same = edited(
      assessmentCopy,
      sheet1,
      (xml) => replaceCell(xml, "H7", '<c r="H7"><v>1</v></c>'),
      "layout-1.points-same.xlsx"
    );
    const a = await score(same, path.join(dir, "layout-1.points-same.out.xlsx"));
    expect(a.err).toBe("");
    expect(a.code).toBe(0);
    const cleared = edited(
      planCopy,
      sheet1,
      (xml) => replaceCell(xml, "L10", '<c r="L10" s="6"/>'),
      "plan.due-cleared.xlsx"
    );
    const b = await score(cleared, path.join(dir, "plan.due-cleared.out.xlsx"));
    expect(b.err).toBe("");
    expect(b.code).toBe(0);
  });

  it("our cells that changed because the person changed an input are still ours", async () => {
    // The person moves the mark of 1.1.1 from "không kịp thời" (D9) to "kịp thời" (D8): our
    // points (H7), the area's (H6) and the warning (J7) all change; no refusal.
    const input = edited(
      assessmentCopy,
      sheet1,
      (xml) =>
        replaceCell(
          replaceCell(xml, "D9", ""),
          "C8",
          '<c r="C8" s="1"><v>1.5</v></c><c r="D8" t="inlineStr"><is><t>x</t></is></c>'
        ),
      "layout-1.input-changed.xlsx"
    );
    const out = path.join(dir, "layout-1.input-changed.out.xlsx");
    const result = await score(input, out);
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    const rescored = strFromU8(unzipSync(readFileSync(out))[sheet1]);
    expect(/<c r="H7"[^>]*><v>([^<]*)<\/v>/.exec(rescored)?.[1]).toBe("1.5");
  });
});

describe("a person's formatting of our columns stays on a re-run (issue 19.5)", () => {
  it("a custom width and a hidden column of the block are kept; the others keep ours", async () => {
    // The person widens our warnings column (K) to 80 and hides our maximum column (J).
    const input = edited(
      planCopy,
      "xl/worksheets/sheet1.xml",
      (xml) =>
        xml
          .replace(
            '<col min="10" max="10" width="14" customWidth="1"/>',
            '<col min="10" max="10" width="14" hidden="1" customWidth="1"/>'
          )
          .replace(
            '<col min="11" max="11" width="48" customWidth="1"/>',
            '<col min="11" max="11" width="80" customWidth="1"/>'
          ),
      "plan.formatted.xlsx"
    );
    const out = path.join(dir, "plan.formatted.out.xlsx");
    const result = await score(input, out);
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    const xml = strFromU8(unzipSync(readFileSync(out))["xl/worksheets/sheet1.xml"]);
    expect(xml).toContain('<col min="10" max="10" width="14" hidden="1" customWidth="1"/>');
    expect(xml).toContain('<col min="11" max="11" width="80" customWidth="1"/>');
    expect(xml).toContain('<col min="12" max="12" width="38" customWidth="1"/>');
  });
});

describe("a person's cell format on our columns stays on a re-run (issue 19.5)", () => {
  it("a fill or number format given to one of our cells is kept; the untouched cells keep ours", async () => {
    const sheet1 = "xl/worksheets/sheet1.xml";
    const scored = strFromU8(unzipSync(readFileSync(planCopy))[sheet1]);
    const styleOf = (xml: string, ref: string) =>
      new RegExp(`<c r="${ref}"(?: [^>]*)? s="(\\d+)"`).exec(xml)?.[1];
    // The person formats our due date L10 as one of their own cells, with a format none of
    // our cells (columns I:M) has.
    const oursAll = new Set(
      [...scored.matchAll(/<c r="[I-M]\d+"(?: [^>]*)? s="(\d+)"/g)].map((m) => m[1])
    );
    const theirs = [...scored.matchAll(/<c r="[A-H]\d+"(?: [^>]*)? s="(\d+)"/g)]
      .map((m) => m[1])
      .find((s) => s !== "0" && !oursAll.has(s))!;
    expect(theirs).toBeDefined();
    const input = edited(
      planCopy,
      sheet1,
      (xml) => xml.replace(/<c r="L10"( [^>]*)? s="\d+"/, `<c r="L10"$1 s="${theirs}"`),
      "plan.cell-format.xlsx"
    );
    const out = path.join(dir, "plan.cell-format.out.xlsx");
    const result = await score(input, out);
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    const rescored = strFromU8(unzipSync(readFileSync(out))[sheet1]);
    expect(styleOf(rescored, "L10")).toBe(theirs);
    expect(styleOf(rescored, "L11")).toBe(styleOf(scored, "L11"));
    expect(styleOf(rescored, "I10")).toBe(styleOf(scored, "I10"));
  });
});
