/**
 * Synthetic appendix tables of any size, with realistic text, deadlines and results,
 * for the benchmark and the round-trip tests.
 */
import type { Grid } from "../src/core/read/grid";
import type { CellValue } from "../src/core/parse/values";

const CONTENTS = [
  "1. Hoàn thành kế hoạch CCHC của phường",
  "4. Kết quả giải quyết hồ sơ TTHC",
  "1. Tổ chức thực hiện công tác tài chính - ngân sách",
  "4.1 Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình",
  "4.2 Tỷ lệ hồ sơ thanh toán trực tuyến",
  "Tổ chức thực hiện kế hoạch tuyên truyền CCHC, chuyển đổi số, đề án 06",
  "Triển khai kế hoạch kiểm tra CCHC, Chuyển đổi số, đề án 06",
  "Tổ chức đối thoại của Lãnh đạo UBND phường với người dân về TTHC",
];
const SECTIONS = ["I", "III", "VI", "VII", "VII", "I", "I", "III"];
const DEADLINES = [
  "Hoàn thành trước ngày 15/12/2025",
  "Quý II, III/2025",
  "Trước ngày 25 hàng tháng",
  "Thường xuyên",
  "Theo chỉ đạo của quận",
  "Lần 1: tháng 6 Lần 2 tháng 11",
  "Hoàn thành Trước ngày 31/11/2025",
  "Trong năm 2025",
];
const RESULTS: CellValue[] = ["85%", "93,5%", 0.82, "41/60", "52%", "", "Đã kiểm tra 5/5 bộ phận", "vượt: 3; đạt: 5; tổng: 10"];
const STATUSES = ["Đang thực hiện", "Đã hoàn thành", "Chưa thực hiện", "", "60%"];
const OWNERS = ["Văn phòng UBND", "Bộ phận Văn hoá thông tin", "Tư pháp - Hộ tịch", "Phòng Kinh tế", "Trung tâm Phục vụ hành chính công"];

export const SYNTHETIC_HEADER = ["TT", "Nội dung", "Thời gian hoàn thành", "Cơ quan chủ trì", "Tình trạng", "Kết quả", "Điểm tự chấm", "Tài liệu kiểm chứng"];

/**
 * A sheet with a title, a header and `rows` data rows (a section row every 8 rows).
 */
export function syntheticGrid(rows: number, sheetName = "Phụ lục"): Grid {
  const values: CellValue[][] = [["KẾ HOẠCH CẢI THIỆN CHỈ SỐ CCHC NĂM 2025"], [], SYNTHETIC_HEADER];
  for (let i = 0; i < rows; i++) {
    const k = i % 8;
    if (k === 0) values.push([`${SECTIONS[(i / 8) % SECTIONS.length | 0]}. LĨNH VỰC`, "", "", "", "", "", "", ""]);
    values.push([i + 1, CONTENTS[k], DEADLINES[(i * 3) % 8], OWNERS[i % 5], STATUSES[i % 5], RESULTS[k], k === 0 ? 1.28 : "", i % 3 === 0 ? "" : `Báo cáo số ${i}/BC-UBND`]);
  }
  return { sheetName, values, numberFormats: values.map((row) => row.map(() => "General")) };
}
