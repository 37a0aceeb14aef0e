import fc from "fast-check";
import { collapseSpaces, foldTonePlacement, isBlankCell, memoize, normalizeVi, stripDiacritics } from "../../../src/core/parse/text";

describe("normalizeVi", () => {
  it.each([
    ["Văn hoá", "Văn hóa"],
    ["uỷ quyền", "ủy quyền"],
    ["THUỶ", "thủy"],
    ["Khoẻ", "khỏe"],
  ])("treats %s and %s as the same word", (a, b) => {
    expect(normalizeVi(a)).toBe(normalizeVi(b));
  });

  it("treats NFD text copied from a PDF like NFC", () => {
    const nfd = "Đã hoàn thành".normalize("NFD");
    expect(nfd).not.toBe("Đã hoàn thành");
    expect(normalizeVi(nfd)).toBe(normalizeVi("Đã hoàn thành"));
  });

  it("folds line breaks, non-breaking spaces and case", () => {
    expect(normalizeVi("Trước\nngày\u00a025  HÀNG tháng")).toBe("trước ngày 25 hàng tháng");
  });

  it("keeps words with different diacritics apart", () => {
    expect(normalizeVi("Đã")).not.toBe(normalizeVi("Da"));
    expect(normalizeVi("hoà")).not.toBe(normalizeVi("hoa"));
  });

  it("leaves qu + y alone", () => {
    expect(foldTonePlacement("quý")).toBe("quý");
  });
});

describe("stripDiacritics", () => {
  it("removes every mark and turns đ into d", () => {
    expect(stripDiacritics("Thời hạn ĐẠT")).toBe("thoi han dat");
  });
});

describe("collapseSpaces", () => {
  it("trims and folds runs of white space", () => {
    expect(collapseSpaces("  a \n\t b ")).toBe("a b");
  });
});

describe("memoize", () => {
  it("caches short texts and never keeps long ones (a 32,767-character cell must not stay in memory)", () => {
    let calls = 0;
    const length = memoize((text: string) => {
      calls++;
      return text.length;
    });
    length("Đã hoàn thành");
    length("Đã hoàn thành");
    expect(calls).toBe(1);
    const long = "9".repeat(32_767);
    length(long);
    length(long);
    expect(calls).toBe(3);
  });
});

describe("isBlankCell", () => {
  it.each([
    ["", true],
    [" \u00a0\u200b\t\n\u3000", true],
    ["\u00a0x", false],
    ["0", false],
    [" 0", false],
    ["Đã", false],
  ])("%j is blank: %s", (text, blank) => {
    expect(isBlankCell(text)).toBe(blank);
  });

  it("agrees with the white-space pattern for any text, whatever its first character", () => {
    const spaces = fc.constantFrom(" ", "\t", "\n", "\r", "\u00a0", "\u200b", "\u2003", "\u3000", "\ufeff");
    const texts = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.array(spaces).map((parts) => parts.join("")),
      fc.tuple(fc.array(spaces), fc.string({ minLength: 1 })).map(([parts, tail]) => parts.join("") + tail)
    );
    fc.assert(
      fc.property(texts, (text) => {
        expect(isBlankCell(text)).toBe(/^[\s\u00a0\u200b]*$/.test(text));
      })
    );
    expect(isBlankCell(null)).toBe(true);
    expect(isBlankCell(0)).toBe(false);
  });
});
