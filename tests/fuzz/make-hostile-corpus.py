#!/usr/bin/env python3
"""Writes hostile spreadsheets that BizDesk's import must refuse cleanly and cheaply (issue 17 §1).

    make-hostile-corpus.py OUT_DIR            every file, full size (HostileImportTest uses these)
    make-hostile-corpus.py --corpus OUT_DIR   only files up to 64 KiB: the fuzzers' seed corpus

Files go to OUT_DIR/xlsx and OUT_DIR/csv. Python standard library only (zipfile, zlib).
The seed corpus in tests/fuzz/corpus/ is made with:  tests/fuzz/make-hostile-corpus.py --corpus tests/fuzz/corpus
"""
import io
import os
import sys
import zipfile

MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
WORKBOOK = (f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
RELATIONSHIPS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
                 'Target="worksheets/sheet1.xml"/></Relationships>')
STYLES = (f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN}">'
          '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>')
HEADER = ('<row r="1"><c r="A1" t="inlineStr"><is><t>客户名称</t></is></c>'
          '<c r="B1" t="inlineStr"><is><t>备注</t></is></c></row>')


def inline(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def sheet(rows, prolog='', dimension=''):
    return (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<worksheet xmlns="{MAIN}">{dimension}'
            f'<sheetData>{HEADER}{rows}</sheetData></worksheet>')


def entry(name):
    """A member with a fixed date, so that the corpus is the same on every run."""
    info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def package(parts, base=True):
    """The bytes of an .xlsx holding `parts` (name -> str/bytes), after the usual parts."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        if base:
            z.writestr(entry('xl/workbook.xml'), WORKBOOK)
            z.writestr(entry('xl/_rels/workbook.xml.rels'), RELATIONSHIPS)
            z.writestr(entry('xl/styles.xml'), STYLES)
        for name, content in parts.items():
            z.writestr(entry(name), content)
    return out.getvalue()


def bomb(inflated_bytes):
    """A well-formed sheet padded with XML comments of one letter: about 1000:1."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr(entry('xl/workbook.xml'), WORKBOOK)
        z.writestr(entry('xl/_rels/workbook.xml.rels'), RELATIONSHIPS)
        with z.open(entry('xl/worksheets/sheet1.xml'), 'w', force_zip64=True) as part:
            part.write(sheet('').replace('</sheetData></worksheet>', '').encode())
            piece = ('<!--' + 'x' * 1000 + '-->') * 1024
            written = 0
            while written < inflated_bytes:
                part.write(piece.encode())
                written += len(piece)
            part.write(b'</sheetData></worksheet>')
    return out.getvalue()


def xlsx_files(corpus):
    files = {}
    good_row = '<row r="2">' + inline('A2', '上海云杉科技') + '</row>'
    files['zip-bomb-ratio.xlsx'] = bomb(4 << 20 if corpus else 256 << 20)
    files['too-many-entries.xlsx'] = package({f'docProps/extra{i}.xml': '<a/>' for i in range(10_001)} |
                                             {'xl/worksheets/sheet1.xml': sheet(good_row)})
    files['entry-dot-dot.xlsx'] = package({'xl/worksheets/sheet1.xml': sheet(good_row), '../../etc/cron.d/evil': 'x'})
    files['entry-absolute.xlsx'] = package({'xl/worksheets/sheet1.xml': sheet(good_row), '/etc/passwd': 'x'})
    files['entry-name-too-long.xlsx'] = package({'xl/worksheets/sheet1.xml': sheet(good_row), 'xl/' + 'a' * 1100: 'x'})
    laughs = ('<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
              '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>')
    files['dtd-billion-laughs.xlsx'] = package({'xl/worksheets/sheet1.xml': sheet('<row r="2">' + inline('A2', '&d;') + '</row>', laughs)})
    files['dtd-external-entity.xlsx'] = package({
        'xl/worksheets/sheet1.xml': sheet('<row r="2"><c r="A2" t="s"><v>0</v></c></row>'),
        'xl/sharedStrings.xml': f'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]><sst xmlns="{MAIN}"><si><t>&x;</t></si></sst>'})
    wb = WORKBOOK.replace('<workbook', '<!DOCTYPE workbook SYSTEM "http://127.0.0.1:1/x.dtd"><workbook')
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr(entry('xl/workbook.xml'), wb)
        z.writestr(entry('xl/_rels/workbook.xml.rels'), RELATIONSHIPS)
        z.writestr(entry('xl/worksheets/sheet1.xml'), sheet(good_row))
    files['dtd-workbook.xlsx'] = out.getvalue()
    strings = f'<sst xmlns="{MAIN}"><si><t>上海云杉科技</t></si></sst>'
    files['shared-string-out-of-range.xlsx'] = package({'xl/worksheets/sheet1.xml': sheet('<row r="7"><c r="B7" t="s"><v>5</v></c></row>'),
                                                        'xl/sharedStrings.xml': strings})
    files['shared-string-negative.xlsx'] = package({'xl/worksheets/sheet1.xml': sheet('<row r="7"><c r="B7" t="s"><v>-1</v></c></row>'),
                                                    'xl/sharedStrings.xml': strings})
    files['style-out-of-range.xlsx'] = package({'xl/worksheets/sheet1.xml': sheet('<row r="3"><c r="A3" s="9"><v>1</v></c></row>')})
    files['style-negative.xlsx'] = package({'xl/worksheets/sheet1.xml': sheet('<row r="3"><c r="A3" s="-2"><v>1</v></c></row>')})
    files['column-beyond-xfd.xlsx'] = package({'xl/worksheets/sheet1.xml': sheet('<row r="2"><c r="XFE2"><v>1</v></c></row>')})
    files['row-beyond-limit.xlsx'] = package({'xl/worksheets/sheet1.xml': sheet('<row r="1048577">' + inline('A1048577', 'x') + '</row>')})
    spread = ''.join(f'<row r="{r}"><c r="XFD{r}"><v>1</v></c></row>' for r in range(2, 20_000))
    files['cells-spread-thin.xlsx'] = package({'xl/worksheets/sheet1.xml': sheet(spread).replace(
        HEADER, '<row r="1">' + inline('A1', '客户名称') + inline('XFD1', '远') + '</row>')})
    files['cell-too-long.xlsx'] = package({'xl/worksheets/sheet1.xml': sheet('<row r="7">' + inline('B7', 'x' * 40_000) + '</row>')})
    good = package({'xl/worksheets/sheet1.xml': sheet(good_row + ''.join(
        f'<row r="{r}">' + inline(f'A{r}', f'客户{r}号有限公司') + '</row>' for r in range(3, 400)))})
    files['truncated.xlsx'] = good[:len(good) // 2]
    files['not-a-zip.xlsx'] = '客户名称\n上海云杉科技\n'.encode()
    files['missing-workbook.xlsx'] = package({'xl/worksheets/sheet1.xml': sheet(good_row)}, base=False)
    files['missing-sheet.xlsx'] = package({})
    # Admitted: a declared dimension of the whole grid over two real rows allocates nothing.
    files['dimension-huge.xlsx'] = package({'xl/worksheets/sheet1.xml': sheet(good_row, dimension='<dimension ref="A1:XFD1048576"/>')})
    return files


def csv_files(corpus):
    header = 'Name,Notes\r\n'
    files = {}
    files['nul-byte.csv'] = (header + '上海云杉科技,ok\r\n广州\0星河,x\r\n').encode()
    files['field-too-long.csv'] = (header + '上海云杉科技,"' + 'x' * 40_000 + '"\r\n').encode()
    files['name-over-its-limit.csv'] = (header + '客' * 300 + ',ok\r\n').encode()
    files['too-many-fields.csv'] = (header + '上海云杉科技' + ',' * 20_000 + '\r\n').encode()
    files['line-without-newline.csv'] = (header + '上海云杉科技,' + 'x' * (2 << 20)).encode()
    files['unterminated-quote.csv'] = (header + '上海云杉科技,ok\r\n广州星河,"opens on line 3\r\n'
                                       + ''.join(f'客户{i},x\r\n' for i in range(5000))).encode()
    files['gb18030-bad-bytes.csv'] = header.encode('gb18030') + '上海云杉科技'.encode('gb18030') + b'\xff\xfe,x\r\n'
    return files


def main(argv):
    corpus = '--corpus' in argv
    args = [a for a in argv if a != '--corpus']
    if len(args) != 1:
        sys.exit(__doc__)
    for kind, files in (('xlsx', xlsx_files(corpus)), ('csv', csv_files(corpus))):
        folder = os.path.join(args[0], kind)
        os.makedirs(folder, exist_ok=True)
        for name, data in files.items():
            if corpus and len(data) > 64 * 1024:
                continue
            with open(os.path.join(folder, name), 'wb') as out:
                out.write(data)


if __name__ == '__main__':
    main(sys.argv[1:])
