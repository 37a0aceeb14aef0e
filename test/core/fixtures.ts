/** Grids shaped like the seed tables, for the core tests. */
import type { Grid } from "../../src/core/read/grid";
import { parseCriteriaSet, type CriteriaSet } from "../../src/core/criteria/schema";
import type { SampleSheet } from "../../samples/sample-tables";
import dienBan from "../../src/core/criteria-sets/dien-ban-2025.json";
import haDong from "../../src/core/criteria-sets/ha-dong-phuong-2024.json";

export function gridOf(sample: SampleSheet): Grid {
  return { sheetName: sample.name, values: sample.rows.map((row) => row.map((v) => v ?? "")) };
}

function load(json: unknown): CriteriaSet {
  const parsed = parseCriteriaSet(json);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join("\n"));
  return parsed.value;
}

export const DIEN_BAN_2025 = load(dienBan);
export const HA_DONG_2024 = load(haDong);

/** Seed 000's deduction table (La Khê, 2024 appraisal), split over two pages. */
export const DEDUCTION_GRID: Grid = {
  sheetName: "Bị trừ điểm",
  values: [
    ["3.1. Kết quả chỉ số của các tiêu chí, tiêu chí thành phần do quận thẩm định, phường La Khê bị trừ điểm"],
    ["TT", "Nội dung tiêu chí", "Điểm thẩm định", "Nguyên nhân", "Trách nhiệm tham mưu"],
    ["I. CHỈ ĐẠO ĐIỀU HÀNH", "", "", "", ""],
    [1, "1.1. Ban hành và triển khai các văn bản chỉ đạo của Quận ủy, HĐND, UBND quận về CCHC", "1,25/1,5", "Thiếu văn bản triển khai nâng cao chỉ số PAPI", "Văn phòng UBND phường"],
    [2, "1.6. Sáng kiến và áp dụng hiệu quả sáng kiến trong thực hiện công tác CCHC", "0 sáng kiến", "Năm 2024 phường không có sáng kiến", "Các bộ phận"],
    ["II. CẢI CÁCH TTHC VÀ THỰC HIỆN CƠ CHẾ MC, MCLT"],
    [5, "3.2.1. Tỷ lệ hồ sơ được giải quyết đúng và trước hạn tại Bộ phận “Một cửa” phường", "3,5/4,5", "Phường có hồ sơ xử lý quá hạn", "Bộ phận tư pháp"],
    [],
    ["TT", "Nội dung tiêu chí", "Điểm thẩm định", "Nguyên nhân", "Trách nhiệm tham mưu"],
    ["V. HIỆN ĐẠI HÓA HÀNH CHÍNH"],
    [10, "7.5. Thực hiện các nhiệm vụ về số hóa hồ sơ giải quyết TTHC", "95%", "Phường có dưới 100% TTHC được thực hiện số hóa", "Bộ phận Tư pháp – hộ tịch"],
    [13, "7.8 Áp dụng quy trình ISO 9001 trong hoạt động của phường.", "1,5/2", "Thiếu tài liệu kiểm chứng", "Bộ phận Văn phòng – thống kê"],
    [14, "9.9 Điều tra xhx", "29,94/30", "", "Các bộ phận"],
  ],
};

/** Seed 004's framework table (xã Cẩm Nhượng), with a status column added. */
export const FRAMEWORK_GRID: Grid = {
  sheetName: "Khung nhiệm vụ",
  values: [
    ["KHUNG NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH TRỌNG TÂM NĂM 2025"],
    ["(Kèm theo Quyết định số /QĐ-UBND ngày /01/2025 của Chủ tịch UBND xã)"],
    ["TT", "1- Mục tiêu/Chỉ tiêu/nội dung", "2- Nhiệm vụ", "3- Hoạt động", "4- Kết quả, sản phẩm", "5- Chủ trì", "6- Phối hợp", "7- Thời gian hoàn thành", "8- Kinh phí", "Tình trạng"],
    ["I", "CÔNG TÁC TRIỂN KHAI CÁC NHIỆM VỤ CCHC", "", "", "", "", "", "", "", ""],
    [1, "1.1. Nâng cao chất lượng công tác chỉ đạo, điều hành CCHC", "2.1. Ban hành Kế hoạch CCHC", "3.1. Xây dựng dự thảo", "Kế hoạch", "Văn phòng – Thống kê", "Các ngành", "Trước ngày 05/02/2025", "", "Đã hoàn thành"],
    ["2.2. Tham gia góp ý sửa đổi Bộ tiêu chí", "", "", "", "", "CBCC", "", "", "", ""],
    ["TT", "1- Mục tiêu/Chỉ tiêu/nội dung", "2- Nhiệm vụ", "3- Hoạt động", "4- Kết quả, sản phẩm", "5- Chủ trì", "6- Phối hợp", "7- Thời gian hoàn thành", "8- Kinh phí", "Tình trạng"],
    [2, "1.2. Cải thiện, nâng cao thứ hạng Chỉ số CCHC của xã", "2.4. Ban hành giải pháp khắc phục", "3.9. Văn bản chỉ đạo", "Văn bản", "Văn phòng – Thông kê", "", "Quý I năm 2025", "", "Đang thực hiện"],
    [4, "1.4. Tự kiểm tra tất cả các ngành phụ trách CCHC", "2.6. Tổ chức tự kiểm tra CCHC", "3.12 Ban hành Kế hoạch tự Kiểm tra", "Kế hoạch", "Văn phòng – Thông kê", "", "Quý II, III/2025", "", "Chưa thực hiện"],
    ["II", "CẢI CÁCH THỂ CHẾ", "", "", "", "", "", "", "", ""],
    [3, "1.3. Phần đầu đảm bảo tối thiểu 90% văn bản QPPL được tổ chức thực hiện", "2.3. Triển khai công tác TDTHPL", "3.3. Tổ chức triển khai", "Báo cáo", "Tư pháp", "", "Quý IV", "", ""],
    ["III", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", "", "", "", "", "", "", ""],
    [2, "1.2. Rà soát, đề xuất cắt giảm, đơn giản hóa TTHC", "2.2. Xây dựng kế hoạch rà soát", "3.2. Rà soát", "Báo cáo", "Văn phòng – thống kê", "", "Ban hành kế hoạch; tổ chức thực hiện vào quý I và báo cáo kết quả vào quý III", "", "Đang thực hiện"],
    ["VI", "CẢI CÁCH TÀI CHÍNH CÔNG", "", "", "", "", "", "", "", ""],
    [1, "1.1. Phân bổ dự toán kịp thời đúng quy định", "", "", "", "Công chức kế toán", "", "Hoàn thành trong tháng 1/2025", "", "Đã xong"],
    [2, "1.2. Thực hiện công khai ngân sách", "", "", "", "Công chức kế toán", "", "Theo quý", "", "Đang thực hiện"],
    [3, "1.3. Hoàn thành Tổng kiểm kê tài sản công", "", "", "", "Công chức kế toán", "", "Theo kế hoạch của cấp trên", "", ""],
    [4, "1.4. Sắp xếp lại, xử lý nhà đất", "", "", "", "Công chức kế toán", "", "Hàng Năm", "", ""],
  ],
};
