/**
 * The bundled sample workbook's tables, transcribed from the seed plans in
 * ../shared/seeds/ (seed 000: La Khê ward's 2025 appendix; seed 002: Điện Bàn ward's
 * 2025 criteria assignment table), with the result, status and evidence columns an
 * office fills in during the year. Kept as data so that the workbook builder and the
 * tests read the same grids. The mess is deliberate: it is what real tables hold.
 */
import type { CellValue } from "../src/core/parse/values";

export interface SampleSheet {
  name: string;
  /** Rows of cells; merged title cells are written in the first column. */
  rows: CellValue[][];
  /** 0-based rows that are header rows (styled as headers). */
  headerRows: number[];
  /** Rows to merge across the table width (titles, section rows). */
  mergedRows: number[];
  /** Number formats by [row, column]. */
  numberFormats?: Array<[number, number, string]>;
  widths: number[];
}

const NFD = (text: string) => text.normalize("NFD");

const TASK_HEADER = [
  "STT",
  "Nội dung nhiệm vụ",
  "Yêu cầu năm 2025",
  "Thời gian\nhoàn thành",
  "Bộ phận thực hiện",
  "Tình trạng",
  "Kết quả thực hiện",
  "Tài liệu kiểm chứng",
];

/** Seed 000 (phường La Khê, quận Hà Đông): the plan's task appendix, split over "pages". */
export const TASK_SHEET: SampleSheet = {
  name: "Phụ lục KH CCHC",
  headerRows: [4, 19],
  mergedRows: [0, 1, 2, 6, 17, 23, 27],
  widths: [6, 48, 28, 24, 26, 16, 26, 26],
  rows: [
    ["PHỤ LỤC"],
    ["Các giải pháp, nhiệm vụ nhằm duy trì, cải thiện và nâng cao chỉ số cải cách hành chính năm 2025"],
    ["(Ban hành kèm theo Kế hoạch số /KH-UBND ngày /3/2025 của UBND phường La Khê)"],
    [],
    TASK_HEADER,
    ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"],
    ["I", "Công tác chỉ đạo điều hành CCHC"],
    [
      1,
      "Báo cáo kết quả thực hiện công tác CCHC định kỳ hàng tháng, quý, cả năm và chuyên đề, đột xuất (nếu có)",
      "100% báo cáo đầy đủ, đúng hạn",
      "-Báo cáo tháng: Trước\nngày 25 hàng tháng -Báo cáo quý, năm: Trước ngày 10 của tháng cuối kỳ báo cáo -Báo cáo chuyên đề, đột xuất: theo yêu cầu của Quận",
      "Các bộ phận chuyên môn, Văn phòng tổng hợp",
      "Đang thực hiện",
      "10/10 báo cáo tháng đúng hạn",
      "Báo cáo số 12/BC-UBND",
    ],
    [2, "Triển khai kế hoạch kiểm tra CCHC, Chuyển đổi số, đề án 06", "Đầy đủ, kịp thời", "Trong năm 2025", "Văn phòng UBND", "Đã hoàn thành", "Đã kiểm tra 5/5 bộ phận", "KH số 45/KH-UBND"],
    [3, "Triển khai kế hoạch đo lường sự hài lòng của người dân, tổ chức đối với sự phục vụ hành chính năm 2025", "Khảo sát đúng đối tượng, báo cáo đầy đủ, kịp thời", "Quý III/2025", "Bộ phận “Một cửa”", "Đang thực hiện", "", ""],
    [4, "Tổ chức giao ban BCĐ CCHC, Chuyển đổi số, đề án 06", "2 lần/năm", "Lần 1: tháng 6 Lần 2 tháng 11", "Văn phòng UBND", "Chưa thực hiện", "", ""],
    [5, "Tổ chức đối thoại của Lãnh đạo UBND phường với người dân, tổ chức về TTHC, giải quyết TTHC", "2 lần/năm", "Lần 1: tháng 6 Lần 2: tháng 11", "Văn phòng UBND", "Đang triển khai", "Đã đối thoại lần 1", "TB kết luận số 7/TB-UBND"],
    [6, "Tham gia các lớp bồi dưỡng công tác CCHC", "", "Tháng 8/2025", "Cán bộ, Công chức phường", "Hoàn thành", "12 lượt CBCC", ""],
    [7, "Tổ chức thực hiện kế hoạch tuyên truyền CCHC, chuyển đổi số, đề án 06", "Hoàn thành 100% kế hoạch", "Trong năm 2025", "Bộ phận Văn hoá thông tin", "Đang thực hiện", "80%", ""],
    [8, "Tổ chức thực hiện các nhiệm vụ được giao trên hệ thống Theo dõi nhiệm vụ của quận", "100% nhiệm vụ đúng hạn", "Thường xuyên", "Các bộ phận chuyên môn", "Đang thực hiện", "", ""],
    [9, "Triển khai tổ chức cuộc thi tìm kiếm sáng kiến, ý tưởng giải pháp CCHC", "Có ít nhất 02 sáng kiến gửi quận", "Trước ngày 15/11/2025", "Các bộ phận chuyên môn", "Chưa thực hiện", "", ""],
    [10, "Thực hiện các nhiệm vụ, quy định về thanh tra, kiểm tra, tiếp công dân, giải quyết khiếu nại, tố cáo, phản ánh kiến nghị", "Thực hiện đúng quy định", "Trong năm 2025", "Tư pháp – tiếp dân", "Đang thực hiện", "", ""],
    ["II", "Cải cách thể chế"],
    [11, "Tổ chức các hoạt động theo dõi thi hành pháp luật; xử lý kết quả theo dõi thi hành pháp luật", "Thực hiện 100% kế hoạch", "Quý IV", "Tư pháp - Hộ tịch", "Đang thực hiện", "", ""],
    TASK_HEADER,
    [12, "Tổ chức thực hiện kế hoạch rà soát văn bản QPPL; xử lý kết quả sau rà soát", "Hoàn thành 100% kế hoạch", "Hoàn thành trước 25/11/2025", "Tư pháp - Hộ tịch", "Đang thực hiện", "", ""],
    [13, "Tuyên truyền, phổ biến, giáo dục pháp luật", "Đầy đủ nội dung, đa dạng hình thức", "Thường xuyên", "Tư pháp - Hộ tịch", "", "", ""],
    [],
    ["III", "Cải cách TTHC và thực hiện cơ chế một cửa, một cửa liên thông"],
    [14, "Rà soát, lựa chọn TTHC hoặc nhóm TTHC thực hiện giải quyết theo hình thức liên thông", "", "Quý II, III/2025", "Các bộ phận chuyên môn", "Chưa thực hiện", "", ""],
    [15, NFD("Tổ chức thực hiện việc uỷ quyền giải quyết TTHC theo quy định"), "Thực hiện đúng quy định", "Theo chỉ đạo của quận", "Các bộ phận chuyên môn", "", "", ""],
    [16, "Xử lý phản ánh, kiến nghị về quy định hành chính, TTHC thuộc thẩm quyền", "100% kiến nghị được trả lời, xử lý, công khai đúng quy định", "Trước ngày 05/12/2025", NFD("Bộ phận Văn hóa thông tin"), "Đang thực hiện", "", ""],
    ["IV", "Cải cách tài chính công"],
    [17, "Xây dựng giải pháp đảm bảo thực hiện kế hoạch giải ngân vốn đầu tư công", "100% vốn đầu tư công được phân bổ kịp thời, đúng quy định", "Hoàn thành trong tháng 10/2025", "Tài chính - Kế toán", "Đang thực hiện", "", ""],
    [18, "Thực hiện chuyển đổi vị trí công tác theo Nghị định 59/2019/NĐ-CP của Chính phủ", "Thực hiện đúng quy định", "Hàng quý", "Văn phòng UBND", "Đang thực hiện", "", ""],
    [19, "Tổ chức tổng kết công tác CCHC giai đoạn 2021 – 2025", "Báo cáo đầy đủ, kịp thời", "sau khi có hướng dẫn", "Văn phòng UBND", "", "", ""],
  ],
};

const CRITERIA_HEADER = [
  "TT",
  "Tiêu chí Chỉ số Cải cách hành chính cấp xã",
  "Yêu cầu",
  "Cơ quan chủ trì",
  "Tiến độ hoàn thành",
  "Kết quả",
  "Điểm tự chấm",
  "Tình trạng",
  "Tài liệu kiểm chứng",
];

/** Seed 002 (phường Điện Bàn, TP Đà Nẵng): criteria assigned to offices, with results. */
export const CRITERIA_SHEET: SampleSheet = {
  name: "Tự chấm điểm 2025",
  headerRows: [3, 13],
  mergedRows: [0, 1, 4, 8, 11, 15, 19],
  widths: [6, 44, 34, 24, 24, 22, 12, 16, 26],
  numberFormats: [[12, 5, "0%"]],
  rows: [
    ["BẢNG PHÂN CÔNG NHIỆM VỤ CÁC CƠ QUAN, ĐƠN VỊ THỰC HIỆN THEO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP XÃ NĂM 2025"],
    ["(Ban hành kèm theo Kế hoạch số /KH-UBND ngày tháng 11 năm 2025 của UBND phường Điện Bàn)"],
    [],
    CRITERIA_HEADER,
    ["I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH"],
    [
      "",
      "1. Hoàn thành kế hoạch CCHC của phường",
      "Hoàn thành 100% các nhiệm vụ trong Kế hoạch CCHC. Từ 80% kế hoạch trở lên mới chia điểm theo tỷ lệ; dưới 80% không chấm điểm.",
      "Phòng Văn hoá – Xã hội phường",
      "Hoàn thành\nTrước ngày\n31/11/2025",
      "85%",
      1.5,
      "Đang thực hiện",
      "QĐ 1673/QĐ-UBND",
    ],
    ["", "2. Thực hiện chế độ báo cáo CCHC định kỳ", "Các báo cáo đầy đủ số lượng, nội dung, đúng thời gian", "Phòng VHXH", "Hoàn thành theo thời gian quy định của Sở Nội vụ", "Quý I, 6 tháng, Quý III đúng hạn", "", "Đang thực hiện", ""],
    ["", "3. Thực hiện kiểm tra công tác CCHC", "Kiểm tra tối thiểu 20% các cơ quan chuyên môn", "Phòng VHXH", "Hoàn thành trước\n10/12/2025", "", "", "Chưa thực hiện", ""],
    ["III. CẢI CÁCH THỦ TỤC HÀNH CHÍNH"],
    ["", "4. Kết quả giải quyết hồ sơ TTHC", "100% đúng hạn; dưới 95% không chấm điểm và mất 1,5 điểm", "Trung tâm Phục vụ hành chính công phường", "Theo quy định thời gian báo cáo kiểm soát thủ tục hành chính năm", "93,5%", 1.5, "Đang thực hiện", "Báo cáo KSTTHC năm 2025"],
    ["", "5. Tiếp nhận, xử lý phản ánh, kiến nghị (PAKN) đối với TTHC", "100% PAKN đã xử lý được công khai", "Trung tâm Phục vụ hành chính công phường", "Thường xuyên", "41/42", "", "Đang thực hiện", ""],
    ["VI. CẢI CÁCH TÀI CHÍNH CÔNG"],
    ["", "1. Tổ chức thực hiện công tác tài chính - ngân sách", "Tỷ lệ giải ngân dưới 70% thì không chấm điểm", "Phòng Kinh tế", "Trước ngày 15/11/2025", 0.82, 0.82, "Đang thực hiện", ""],
    CRITERIA_HEADER,
    ["", "2. Công tác quản lý, sử dụng tài sản công", "Sắp xếp lại, xử lý tài sản theo quy định", "Phòng Kinh tế", "Trong năm", "", "", "Đã hoàn thành", "Báo cáo số 88/BC-UBND"],
    ["VII. CHUYỂN ĐỔI SỐ TRONG CÁC CƠ QUAN NHÀ NƯỚC"],
    ["", "4. Phát triển ứng dụng, dịch vụ phục vụ người dân, doanh nghiệp", "", "Trung tâm Phục vụ hành chính công phường", "Thường xuyên", "", "", "Đang thực hiện", ""],
    ["", "4.1 Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình", "Dưới 60% không chấm điểm, mất 1,5 điểm", "Trung tâm Phục vụ hành chính công phường", "Thường xuyên", "41/60", 1.03, "Đang thực hiện", "Số liệu Cổng DVC"],
    ["", "4.2 Tỷ lệ hồ sơ thanh toán trực tuyến", "Trên 70% thanh toán trực tuyến đạt tối đa 1,5 điểm", "Trung tâm Phục vụ hành chính công phường", "Thường xuyên", "52%", 1.5, "Đang thực hiện", ""],
    ["VIII. TÁC ĐỘNG CỦA CCHC ĐẾN NGƯỜI DÂN VÀ PHÁT TRIỂN KINH TẾ - XÃ HỘI"],
    ["", "4. Mức độ thực hiện các chỉ tiêu phát triển KT-XH do HĐND giao", "(b/a)*1,5 + (c/a)*1,0; nếu (b+c)/a < 0,7 thì 0 điểm", "Phòng Kinh tế", "Hoàn thành trước ngày 18/12/2025", "vượt: 3; đạt: 3; tổng: 10", 0.6, "Đang thực hiện", "Báo cáo KT-XH năm 2025"],
  ],
};
