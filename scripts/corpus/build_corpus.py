"""
Builds the LibreOffice-written corpus (test/fixtures/corpus/lo-*.xlsx): each workbook is
made through LibreOffice's own API (python3-uno) in a running headless soffice and saved
by LibreOffice's own xlsx export filter, so the files are exactly what LibreOffice Calc
writes. Run through `npm run corpus` (scripts/build-corpus.ts starts soffice and this).

Usage: python3 build_corpus.py <pipe-name> <out-dir> <image.png>
"""
import sys
import time
import datetime

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.table import CellRangeAddress, BorderLine2
from com.sun.star.table.CellHoriJustify import CENTER as H_CENTER
from com.sun.star.table.CellVertJustify2 import CENTER as V_CENTER
from com.sun.star.awt import Rectangle, Size, Point
from com.sun.star.table import CellAddress
from com.sun.star.sheet.ValidationType import LIST as VALIDATION_LIST
from com.sun.star.sheet.ConditionOperator import EQUAL as OP_EQUAL

PIPE, OUT_DIR, IMAGE = sys.argv[1], sys.argv[2], sys.argv[3]
XLSX_FILTER = "Calc MS Excel 2007 XML"
XLSM_FILTER = "Calc MS Excel 2007 VBA XML"


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect():
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(120):
        try:
            return resolver.resolve(
                "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % PIPE)
        except Exception:
            time.sleep(0.5)
    raise RuntimeError("soffice did not answer on pipe " + PIPE)


CTX = connect()
SMGR = CTX.ServiceManager
DESKTOP = SMGR.createInstanceWithContext("com.sun.star.frame.Desktop", CTX)


def new_doc():
    return DESKTOP.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))


def save(doc, name, filter_name=XLSX_FILTER):
    url = uno.systemPathToFileUrl("%s/%s" % (OUT_DIR, name))
    doc.storeToURL(url, (prop("FilterName", filter_name),))
    doc.close(True)
    print("wrote", name)


def rng(sheet, a1):
    return sheet.getCellRangeByName(a1)


def addr(sheet_index, c1, r1, c2, r2):
    a = CellRangeAddress()
    a.Sheet, a.StartColumn, a.StartRow, a.EndColumn, a.EndRow = sheet_index, c1, r1, c2, r2
    return a


def number_format(doc, code):
    formats = doc.NumberFormats
    locale = uno.createUnoStruct("com.sun.star.lang.Locale")
    locale.Language, locale.Country = "en", "US"  # codes in the en-US notation ("0.0%")
    key = formats.queryKey(code, locale, False)
    if key == -1:
        key = formats.addNew(code, locale)
    return key


def put(sheet, a1, value):
    cell = rng(sheet, a1)
    if isinstance(value, str):
        if value.startswith("="):
            cell.Formula = value
        else:
            cell.String = value
    else:
        cell.Value = value
    return cell


def merge(sheet, a1):
    rng(sheet, a1).merge(True)


def line(width=26):
    b = BorderLine2()
    b.OuterLineWidth = width
    b.LineWidth = width
    b.Color = 0x000000
    return b


def border_grid(sheet, a1):
    r = rng(sheet, a1)
    for side in ("TopBorder", "BottomBorder", "LeftBorder", "RightBorder"):
        r.setPropertyValue(side, line())


def font(sheet, a1, name="Times New Roman", height=13, bold=False):
    r = rng(sheet, a1)
    r.CharFontName = name
    r.CharHeight = height
    if bold:
        r.CharWeight = 150.0


def serial(doc, y, m, d):
    """The serial of a date in the document's own date system (its null date)."""
    nd = doc.NullDate
    return (datetime.date(y, m, d) - datetime.date(nd.Year, nd.Month, nd.Day)).days


HEADER = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành",
          "Tình trạng", "Kết quả", "Tài liệu kiểm chứng", "Ghi chú"]
SECTIONS = {
    6: ("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH"),
    10: ("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
}
TASKS = [
    # row, STT, task, owner, deadline, status, result, evidence, note
    (7, 1, "Ban hành Kế hoạch cải cách hành chính năm 2025", "Văn phòng HĐND-UBND",
     "Trước ngày 31/3/2025", "Đã hoàn thành", "Đã ban hành", "KH số 45/KH-UBND", "Đúng hạn"),
    (8, 2, "Báo cáo kết quả công tác CCHC định kỳ hằng quý", None, None, None,
     "3/3 báo cáo đúng hạn", "BC số 12/BC-UBND", ""),
    (9, 3, "Kiểm tra công tác CCHC tại các bộ phận chuyên môn", None, None, None,
     "Đạt 100%", "KL số 03/KL-UBND", ""),
    (11, 4, "Công khai đầy đủ thủ tục hành chính tại Bộ phận Một cửa", "Bộ phận Một cửa",
     "Quý III/2025", "Đang thực hiện", "95%", "", "Cập nhật cổng DVC"),
    (12, 5, "Tỷ lệ hồ sơ giải quyết đúng hạn", "Bộ phận Một cửa",
     "Trước ngày 15/11/2025", "Đang thực hiện", 0.985, "Báo cáo tháng 10", ""),
    (13, 6, "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Công chức Tư pháp - Hộ tịch",
     "DATE", "Chưa thực hiện", 1.5, "", ""),
]
LAST_TABLE_ROW = 13  # 0-based: row 14 in Excel


def appendix(doc, sheet, wide_grid=False, note_merged=True):
    """The ward's task appendix: titles, header, sections, tasks with vertical merges,
    a "Ghi chú" column merged over H:I, a footnote and a signature block below."""
    put(sheet, "A1", "ỦY BAN NHÂN DÂN PHƯỜNG LA KHÊ")
    merge(sheet, "A1:C1")
    put(sheet, "E1", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    merge(sheet, "E1:I1")
    put(sheet, "A2", "PHỤ LỤC")
    merge(sheet, "A2:I2")
    put(sheet, "A3", "Nhiệm vụ cải thiện, nâng cao Chỉ số CCHC (PAR INDEX) năm 2025")
    merge(sheet, "A3:I3")
    put(sheet, "A4", "(Kèm theo Kế hoạch số 45/KH-UBND ngày 20/3/2025 của UBND phường La Khê)")
    merge(sheet, "A4:I4")
    for i, text in enumerate(HEADER):
        sheet.getCellByPosition(i, 5).String = text
    if note_merged:
        merge(sheet, "H6:I6")
    for row, (stt, title) in SECTIONS.items():
        sheet.getCellByPosition(0, row).String = stt
        sheet.getCellByPosition(1, row).String = title
        rng(sheet, "B%d:G%d" % (row + 1, row + 1)).merge(True)
        if note_merged:
            merge(sheet, "H%d:I%d" % (row + 1, row + 1))
    date_key = number_format(doc, "DD/MM/YYYY")
    percent_key = number_format(doc, "0.0%")
    decimal_key = number_format(doc, "0.0")
    for (row, stt, task, owner, deadline, status, result, evidence, note) in TASKS:
        cells = [stt, task, owner, deadline, status, result, evidence, note]
        for col, value in enumerate(cells):
            cell = sheet.getCellByPosition(col, row)
            if value is None or value == "":
                continue
            if value == "DATE":
                cell.Value = serial(doc, 2025, 12, 15)
                cell.NumberFormat = date_key
            elif isinstance(value, str):
                cell.String = value
            else:
                cell.Value = value
                if value == 0.985:
                    cell.NumberFormat = percent_key
                elif value == 1.5:
                    cell.NumberFormat = decimal_key
        if note_merged:
            merge(sheet, "H%d:I%d" % (row + 1, row + 1))
    # One owner, deadline and status for tasks 1-3 (rows 8-10): vertical merges.
    for col in "CDE":
        merge(sheet, "%s8:%s10" % (col, col))
    put(sheet, "A16", "Ghi chú: Các bộ phận báo cáo kết quả về Văn phòng HĐND-UBND trước ngày 25 hằng tháng; "
                      "tình trạng cập nhật theo Kế hoạch số 45/KH-UBND.")
    merge(sheet, "A16:I16")
    put(sheet, "A18", "Nơi nhận:")
    put(sheet, "A19", "- UBND quận Hà Đông;")
    put(sheet, "A20", "- Lưu: VT.")
    put(sheet, "F18", "TM. ỦY BAN NHÂN DÂN")
    merge(sheet, "F18:I18")
    put(sheet, "F19", "CHỦ TỊCH")
    merge(sheet, "F19:I19")
    put(sheet, "F23", "Nguyễn Văn An")
    merge(sheet, "F23:I23")
    widths = [1200, 7000, 4200, 4200, 3600, 3600, 4000, 2000, 2000]
    for i, w in enumerate(widths):
        sheet.Columns.getByIndex(i).Width = w
    rng(sheet, "A6:I14").IsTextWrapped = True
    for a1 in ("C8:C10", "D8:D10", "E8:E10"):
        rng(sheet, a1).VertJustify = 2  # centre
    font(sheet, "A6:I6", bold=True)
    if wide_grid:
        # The office's template: a bordered grid in Times New Roman 13 wider and longer than the table.
        border_grid(sheet, "A6:Z40")
        font(sheet, "A1:Z40")
    else:
        border_grid(sheet, "A6:I14")
        font(sheet, "A1:I23")


def first_sheet(doc, name):
    sheet = doc.Sheets.getByIndex(0)
    sheet.Name = name
    return sheet


# 1. Merged cells in and around the table.
def lo_merged():
    doc = new_doc()
    appendix(doc, first_sheet(doc, "Phụ lục"))
    save(doc, "lo-merged.xlsx")


# 2. A Times New Roman 13 Normal style and a bordered grid wider than the table.
def lo_styled_grid():
    doc = new_doc()
    default = doc.StyleFamilies.getByName("CellStyles").getByName("Default")
    default.CharFontName = "Times New Roman"
    default.CharHeight = 13
    appendix(doc, first_sheet(doc, "Phụ lục"), wide_grid=True)
    save(doc, "lo-styled-grid.xlsx")


# 3. Charts, an image and comments (notes).
def lo_chart_image_comments():
    doc = new_doc()
    sheet = first_sheet(doc, "Phụ lục")
    appendix(doc, sheet)
    data = doc.Sheets.insertNewByName("Số liệu", 1) or doc.Sheets.getByName("Số liệu")
    data = doc.Sheets.getByName("Số liệu")
    put(data, "A1", "Lĩnh vực")
    put(data, "B1", "Số nhiệm vụ")
    for i, (name, n) in enumerate([("Chỉ đạo điều hành", 3), ("Thủ tục hành chính", 3), ("Chuyển đổi số", 2)]):
        put(data, "A%d" % (i + 2), name)
        put(data, "B%d" % (i + 2), n)
    rect = Rectangle()
    rect.X, rect.Y, rect.Width, rect.Height = 1000, 3000, 12000, 7000
    data.Charts.addNewByName("BieuDoNhiemVu", rect, (addr(1, 0, 0, 1, 3),), True, True)
    # A second chart on the appendix sheet itself, right of the table.
    rect2 = Rectangle()
    rect2.X, rect2.Y, rect2.Width, rect2.Height = 40000, 1000, 10000, 6000
    sheet.Charts.addNewByName("BieuDoPhuLuc", rect2, (addr(1, 0, 0, 1, 3),), True, True)
    provider = SMGR.createInstanceWithContext("com.sun.star.graphic.GraphicProvider", CTX)
    graphic = provider.queryGraphic((prop("URL", uno.systemPathToFileUrl(IMAGE)),))
    shape = doc.createInstance("com.sun.star.drawing.GraphicObjectShape")
    shape.Graphic = graphic
    sheet.DrawPage.add(shape)
    size = Size()
    size.Width, size.Height = 2000, 2000
    shape.setSize(size)
    pos = Point()
    pos.X, pos.Y = 500, 42000
    shape.setPosition(pos)
    for col, row, text in [(5, 11, "Chờ số liệu tháng 11 của Bộ phận Một cửa"),
                           (1, 7, "Kế hoạch đã gửi quận ngày 21/3/2025")]:
        a = CellAddress()
        a.Sheet, a.Column, a.Row = 0, col, row
        sheet.Annotations.insertNew(a, text)
    save(doc, "lo-chart-image-comments.xlsx")


# 4. A status dropdown whose list is on another sheet; the user's conditional formats.
def lo_validation_cf():
    doc = new_doc()
    sheet = first_sheet(doc, "Phụ lục")
    appendix(doc, sheet)
    lists = doc.Sheets.insertNewByName("Danh mục", 1)
    lists = doc.Sheets.getByName("Danh mục")
    for i, text in enumerate(["Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Không thực hiện"]):
        put(lists, "A%d" % (i + 1), text)
    target = rng(sheet, "E8:E14")
    validation = target.Validation
    validation.Type = VALIDATION_LIST
    validation.ShowList = 1
    validation.setFormula1("$'Danh mục'.$A$1:$A$4")
    validation.ShowErrorMessage = True
    validation.ErrorMessage = "Chọn tình trạng trong danh sách"
    target.Validation = validation
    styles = doc.StyleFamilies.getByName("CellStyles")
    done = doc.createInstance("com.sun.star.style.CellStyle")
    styles.insertByName("Hoàn thành xanh", done)
    done.CellBackColor = 0xC6EFCE
    conditional = target.ConditionalFormat
    conditional.addNew((prop("Operator", OP_EQUAL), prop("Formula1", '"Đã hoàn thành"'),
                        prop("StyleName", "Hoàn thành xanh")))
    target.ConditionalFormat = conditional
    save(doc, "lo-validation-cf.xlsx")


# 5. Print setup: fit to one page wide, a print area, print titles, manual page breaks; frozen panes.
def lo_print_frozen():
    doc = new_doc()
    sheet = first_sheet(doc, "Phụ lục")
    appendix(doc, sheet)
    page = doc.StyleFamilies.getByName("PageStyles").getByName(sheet.PageStyle)
    page.IsLandscape = True
    page.ScaleToPagesX = 1
    page.ScaleToPagesY = 0
    sheet.setPrintAreas((addr(0, 0, 0, 8, 22),))
    sheet.setPrintTitleRows(True)
    sheet.setTitleRows(addr(0, 0, 5, 8, 5))
    sheet.Rows.getByIndex(10).IsStartOfNewPage = True
    sheet.Rows.getByIndex(15).IsStartOfNewPage = True
    # Frozen panes: LibreOffice headless writes none without a window; build-corpus.ts adds them.
    save(doc, "lo-print-frozen.xlsx")


# 6. Defined names (workbook and sheet scope); hidden rows and hidden spare columns I:Z.
def lo_names_hidden():
    doc = new_doc()
    sheet = first_sheet(doc, "Phụ lục")
    appendix(doc, sheet, note_merged=False)
    other = doc.Sheets.insertNewByName("Phụ lục 2", 1)
    other = doc.Sheets.getByName("Phụ lục 2")
    put(other, "A1", "Bảng phụ")
    for col in range(8, 26):  # I:Z, spare columns the office hid
        sheet.Columns.getByIndex(col).IsVisible = False
    sheet.Rows.getByIndex(4).IsVisible = False  # the empty row under the titles
    sheet.Rows.getByIndex(20).IsVisible = False  # "- Lưu: VT."
    base = CellAddress()
    doc.NamedRanges.addNewByName("BangNhiemVu", "$'Phụ lục'.$A$6:$I$14", base, 0)
    doc.NamedRanges.addNewByName("NamKeHoach", "2025", base, 0)
    sheet.NamedRanges.addNewByName("VungKetQua", "$'Phụ lục'.$F$8:$F$14", base, 0)
    other.NamedRanges.addNewByName("VungKetQua", "$'Phụ lục 2'.$A$1", base, 0)
    save(doc, "lo-names-hidden.xlsx")


# 7. A database range with an autofilter over the table (what crashes ExcelJS).
def lo_autofilter():
    doc = new_doc()
    sheet = first_sheet(doc, "Phụ lục")
    appendix(doc, sheet, note_merged=False)
    doc.DatabaseRanges.addNewByName("BangPhuLuc", addr(0, 0, 5, 7, 13))
    db = doc.DatabaseRanges.getByName("BangPhuLuc")
    db.AutoFilter = True
    save(doc, "lo-autofilter.xlsx")


# 8. The 1904 date system (a workbook made on a Mac), dates typed 10/11/2025.
def lo_1904():
    doc = new_doc()
    null_date = uno.createUnoStruct("com.sun.star.util.Date")
    null_date.Year, null_date.Month, null_date.Day = 1904, 1, 1
    doc.NullDate = null_date
    sheet = first_sheet(doc, "Phụ lục")
    appendix(doc, sheet)
    date_key = number_format(doc, "DD/MM/YYYY")
    cell = rng(sheet, "D12")
    cell.Value = serial(doc, 2025, 11, 10)
    cell.NumberFormat = date_key
    save(doc, "lo-1904.xlsx")


# 9. The office's own "Tổng hợp" sheet, with formulas and a name pointing into it.
def lo_tong_hop():
    doc = new_doc()
    sheet = first_sheet(doc, "Phụ lục")
    appendix(doc, sheet)
    summary = doc.Sheets.insertNewByName("Tổng hợp", 1)
    summary = doc.Sheets.getByName("Tổng hợp")
    put(summary, "A1", "TỔNG HỢP KẾT QUẢ THỰC HIỆN")
    put(summary, "A3", "Đã hoàn thành")
    put(summary, "B3", "=COUNTIF($'Phụ lục'.$E$8:$E$14;A3)")
    put(summary, "A4", "Đang thực hiện")
    put(summary, "B4", "=COUNTIF($'Phụ lục'.$E$8:$E$14;A4)")
    put(summary, "A5", "Tổng số nhiệm vụ")
    put(summary, "B5", "=COUNT($'Phụ lục'.$A$8:$A$14)")
    put(summary, "A7", "Ghi chú: số liệu do Văn phòng tổng hợp, không sửa tay.")
    base = CellAddress()
    doc.NamedRanges.addNewByName("TongSoNhiemVu", "$'Tổng hợp'.$B$5", base, 0)
    save(doc, "lo-tong-hop.xlsx")


# 10. Macro-enabled: LibreOffice's VBA-capable xlsx filter (the script adds vbaProject.bin after).
def lo_macro():
    doc = new_doc()
    appendix(doc, first_sheet(doc, "Phụ lục"))
    props = doc.DocumentProperties.UserDefinedProperties
    props.addProperty("Người lập", 0, "Nguyễn Thị Bình")
    save(doc, "lo-macro.xlsm", XLSM_FILTER)


# 11. Everything at once, as a real office file accumulates it.
def lo_everything():
    doc = new_doc()
    default = doc.StyleFamilies.getByName("CellStyles").getByName("Default")
    default.CharFontName = "Times New Roman"
    default.CharHeight = 13
    sheet = first_sheet(doc, "Phụ lục")
    appendix(doc, sheet, wide_grid=True)
    for col in range(9, 26):
        sheet.Columns.getByIndex(col).IsVisible = False
    page = doc.StyleFamilies.getByName("PageStyles").getByName(sheet.PageStyle)
    page.ScaleToPagesX = 1
    page.ScaleToPagesY = 0
    sheet.Rows.getByIndex(10).IsStartOfNewPage = True
    a = CellAddress()
    a.Sheet, a.Column, a.Row = 0, 5, 12
    sheet.Annotations.insertNew(a, "Số liệu đến hết tháng 10")
    base = CellAddress()
    sheet.NamedRanges.addNewByName("KetQua", "$'Phụ lục'.$F$8:$F$14", base, 0)
    props = doc.DocumentProperties.UserDefinedProperties
    props.addProperty("Đơn vị", 0, "UBND phường La Khê")
    # Frozen panes (rows 1-6): added by build-corpus.ts, see there.
    save(doc, "lo-everything.xlsx")


CASES = [lo_merged, lo_styled_grid, lo_chart_image_comments, lo_validation_cf, lo_print_frozen,
         lo_names_hidden, lo_autofilter, lo_1904, lo_tong_hop, lo_macro, lo_everything]

only = sys.argv[4:] if len(sys.argv) > 4 else None
for case in CASES:
    if only and case.__name__ not in only:
        continue
    case()
