"""
Writes test/fixtures/bad-input's files that need LibreOffice itself: two small Excel 97-2003 workbooks with LibreOffice's own .xls export (python3-uno,
a headless soffice listening on a pipe): one saved with a password (LibreOffice encrypts
it: the Workbook stream starts BOF, FILEPASS), one without. They are the outside truth for
src/xlsx/file-kind.ts telling a password-protected .xls from a plain one.

Usage (the committed files in test/fixtures/bad-input were made so):
  soffice -env:UserInstallation=file:///tmp/lo-pw --headless --invisible --norestore \
    "--accept=pipe,name=pw;urp;StarOffice.ComponentContext" &
  /usr/bin/python3 scripts/corpus/password_xls.py pw test/fixtures/bad-input
  cp test/fixtures/bad-input/password.xls test/fixtures/bad-input/password-renamed.xlsx
(then stop that soffice by its process id).
"""
import sys
import time

import uno
from com.sun.star.beans import PropertyValue

PIPE, OUT_DIR = sys.argv[1], sys.argv[2]


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
DESKTOP = CTX.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", CTX)


def fill(sheet):
    for c, text in enumerate(["STT", "Nội dung nhiệm vụ", "Thời gian hoàn thành", "Tình trạng"]):
        sheet.getCellByPosition(c, 0).String = text
    sheet.getCellByPosition(0, 1).Value = 1
    sheet.getCellByPosition(1, 1).String = "Ban hành kế hoạch CCHC năm 2025"
    sheet.getCellByPosition(2, 1).String = "Trước ngày 15/11/2025"
    sheet.getCellByPosition(3, 1).String = "Đang thực hiện"


def write(name, password):
    doc = DESKTOP.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
    sheet = doc.Sheets.getByIndex(0)
    sheet.Name = "Phụ lục"
    fill(sheet)
    options = [prop("FilterName", "MS Excel 97")]
    if password:
        options.append(prop("Password", password))
    doc.storeToURL(uno.systemPathToFileUrl("%s/%s" % (OUT_DIR, name)), tuple(options))
    doc.close(True)


def write_protected(name):
    doc = DESKTOP.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
    first = doc.Sheets.getByIndex(0)
    first.Name = "Phụ lục"
    fill(first)
    doc.Sheets.insertNewByName("Phụ lục 2", 1)
    fill(doc.Sheets.getByName("Phụ lục 2"))
    first.protect("")
    doc.storeToURL(uno.systemPathToFileUrl("%s/%s" % (OUT_DIR, name)),
                   (prop("FilterName", "Calc MS Excel 2007 XML"),))
    doc.close(True)


write("plain.xls", None)
write("password.xls", "matkhau")
write_protected("protected-sheet.xlsx")
