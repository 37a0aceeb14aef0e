import {
  endsTable,
  footerKind,
  isAppendixTitle,
  isLinkNote,
  isNoteText,
  isRecipientsText,
  isSignatureText,
  isTotalLabel,
} from "../../../src/core/read/footer-rows";

describe("footer patterns", () => {
  it.each(["Tổng cộng", "TỔNG CỘNG:", "Cộng", "Tổng"])("totals label %p", (text) => {
    expect(isTotalLabel(text)).toBe(true);
    expect(isTotalLabel(text.normalize("NFD"))).toBe(true);
  });
  it.each(["Tổng kết công tác CCHC", "Cộng tác viên", "Tổng hợp báo cáo"])(
    "not a totals label: %p",
    (text) => {
      expect(isTotalLabel(text)).toBe(false);
    }
  );

  it.each([
    "Ghi chú: Điểm thẩm định do quận chấm",
    "Lưu ý: số liệu tính đến 15/11",
    "* Nhiệm vụ trọng tâm",
    "(*) Theo Quyết định 1187",
  ])("note %p", (text) => {
    expect(isNoteText(text)).toBe(true);
  });
  it.each(["Ghi chép sổ sách", "Chú trọng công tác tuyên truyền"])("not a note: %p", (text) => {
    expect(isNoteText(text)).toBe(false);
  });

  it("link notes", () => {
    expect(
      isLinkNote("Tài liệu kiểm chứng lưu tại: https://lakhe.hadong.hanoi.gov.vn/cchc-2025")
    ).toBe(true);
    expect(isLinkNote("https://dichvucong.gov.vn")).toBe(true);
    expect(isLinkNote("Link: drive.google.com/abc")).toBe(true);
    expect(isLinkNote("Cập nhật cổng thông tin điện tử phường")).toBe(false);
  });

  it.each([
    "TM. ỦY BAN NHÂN DÂN",
    "TM. UBND PHƯỜNG",
    "KT. CHỦ TỊCH",
    "CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    "NGƯỜI LẬP BIỂU",
    "(Ký, ghi rõ họ tên)",
    "(Ký tên, đóng dấu)",
    "La Khê, ngày 20 tháng 11 năm 2025",
    "Điện Bàn, ngày    tháng 11 năm 2025",
  ])("signature line %p", (text) => {
    expect(isSignatureText(text)).toBe(true);
    expect(isSignatureText(text.normalize("NFD"))).toBe(true);
  });
  it.each([
    "Chủ tịch UBND phường chỉ đạo rà soát",
    "Văn phòng UBND",
    "Trước ngày 30 tháng 11 năm 2025",
  ])("not a signature line: %p", (text) => {
    expect(isSignatureText(text)).toBe(false);
  });

  it.each(["Nơi nhận:", "- Như trên;", "- Lưu: VT.", "Lưu VT"])("recipients line %p", (text) => {
    expect(isRecipientsText(text)).toBe(true);
  });
});

describe("footerKind", () => {
  it("classifies rows by their texts", () => {
    expect(footerKind(["Tổng cộng", "04 nhiệm vụ"])).toBe("total");
    expect(footerKind(["Ghi chú: Điểm thẩm định do UBND quận chấm."])).toBe("note");
    expect(footerKind(["Tài liệu kiểm chứng lưu tại: https://lakhe.hadong.hanoi.gov.vn"])).toBe(
      "link"
    );
    expect(footerKind(["NGƯỜI LẬP BIỂU", "TM. ỦY BAN NHÂN DÂN"])).toBe("signature");
    expect(footerKind(["Nơi nhận:", "TM. ỦY BAN NHÂN DÂN"])).toBe("recipients");
    expect(footerKind(["- Như trên;"])).toBe("recipients");
  });

  it("leaves task rows alone", () => {
    expect(
      footerKind(["1", "Tổ chức giải quyết hồ sơ TTHC", "Thường xuyên", "Các bộ phận chuyên môn"])
    ).toBeNull();
    expect(footerKind(["2.2. Tham gia góp ý sửa đổi Bộ tiêu chí", "CBCC"])).toBeNull();
    expect(footerKind(["Ghi chú: việc cần làm", "Quý IV/2025", "VP"])).toBeNull();
    expect(footerKind([])).toBeNull();
  });

  it("ends the table at a signature or the recipients, not at a total, note or link", () => {
    expect(
      ["total", "note", "link", "signature", "recipients"].map((k) => endsTable(k as never))
    ).toEqual([false, false, false, true, true]);
  });
});

describe("isAppendixTitle", () => {
  it.each([
    ["PHỤ LỤC II"],
    ["Phụ lục 2: Nhiệm vụ chuyển đổi số"],
    ["BIỂU SỐ 02"],
    ["Biểu mẫu số 3"],
    ["PHỤ LỤC I".normalize("NFD")],
  ])("the next appendix's title: %p", (text) => {
    expect(isAppendixTitle([text])).toBe(true);
  });

  it.each([
    [["Phụ lục kèm theo hồ sơ"]],
    [["Phụ lục cải cách hành chính"]],
    [["Biểu dương khen thưởng"]],
    [["PHỤ LỤC II", "Văn phòng UBND"]],
  ])("not a title: %p", (texts) => {
    expect(isAppendixTitle(texts)).toBe(false);
  });
});
