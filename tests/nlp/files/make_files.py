"""Build the small test documents in this folder: ``python tests/nlp/files/make_files.py``.

The legal texts are illustrative: written by us in statutory style, not real laws.
The builders are also imported by the tests to make bad or unusual inputs on the fly.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path

import docx

HERE = Path(__file__).resolve().parent
_FIXED_DATE = datetime.datetime(2026, 1, 1)

# Illustrative statute, English. Not a real law.
LAW_EN = """\
Patents (Electronic Procedures) Act (illustrative)

PART I
PRELIMINARY

Section 1 Short title
This Act may be cited as the Patents (Electronic Procedures) Act.

PART II
FILING OF APPLICATIONS

Electronic filing
Section 2
(1) An application for a patent may be filed with the Office on paper or in electronic form.
(2) The Office shall not require—
(a) the original of any document filed by facsimile, unless the original is furnished \
within one month;
(b) the signature of the applicant to be certified; or
(c) any document to be legalised.
(3) Nothing in subsection (2) applies in proceedings before the Appeal Board, as provided \
in Section 3.

Section 3 Fees
Fees payable under this Act shall be paid in cash at the counter of the Office.
"""

# Illustrative statute, Chinese. Not a real law.
LAW_ZH = """\
专利电子申请条例（示例）

第一章 总则
第一条 为了规范专利电子申请，制定本条例。
第二条【电子申请】申请人可以以纸件形式或者电子形式提交专利申请。
依照本条例第五条规定提交的文件，视为原件。
第二章 申请文件
第三条 申请人提交申请时，应当提交下列文件：
（一）请求书；
（二）说明书及其摘要；
（三）权利要求书。
第四条 申请人应当在申请文件上签字或者盖章。
"""

AKN_EN = """\
<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <act name="act">
    <meta/>
    <body>
      <chapter eId="chp_1">
        <num>Chapter 1</num>
        <heading>Filing</heading>
        <article eId="art_12">
          <num>Article 12</num>
          <heading>Electronic filing</heading>
          <paragraph eId="art_12__para_1">
            <num>(1)</num>
            <content><p>Applications may be filed electronically.</p></content>
          </paragraph>
          <paragraph eId="art_12__para_2">
            <num>(2)</num>
            <content><p>No legalisation shall be required.</p></content>
          </paragraph>
        </article>
      </chapter>
    </body>
  </act>
</akomaNtoso>
"""


def build_docx(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    """A DOCX with ``paragraphs`` and, after the first paragraph, an optional table."""
    document = docx.Document()
    for index, text in enumerate(paragraphs):
        document.add_paragraph(text)
        if index == 0 and table:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for row, values in zip(grid.rows, table, strict=True):
                for cell, value in zip(row.cells, values, strict=True):
                    cell.text = value
    # Fixed dates make the committed files reproducible byte for byte.
    document.core_properties.created = document.core_properties.modified = _FIXED_DATE
    out = io.BytesIO()
    document.save(out)
    return _with_fixed_zip_dates(out.getvalue())


def _with_fixed_zip_dates(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info))
    return out.getvalue()


def build_zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A ZIP archive with the given members (used for fake and bomb DOCX files)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _pdf(objects: list[bytes]) -> bytes:
    """Assemble numbered PDF objects (1-based, object 1 is the catalog) with an xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _stream(content: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(content), extra) + content + b"\nendstream"


def build_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds ``lines`` (Windows-1252 text, Helvetica)."""
    ops = [b"BT /F1 10 Tf 50 800 Td 12 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(b"(" + escaped.encode("cp1252") + b") Tj T*")
    ops.append(b"ET")
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            _stream(b"\n".join(ops)),
        ]
    )


def build_pdf_cjk(lines: list[str]) -> bytes:
    """A one-page PDF with Chinese text: two-byte codes mapped to Unicode by a ToUnicode CMap.

    No font is embedded, so viewers may not draw the glyphs, but the text layer is exact.
    """
    chars = sorted({char for line in lines for char in line})
    code = {char: index + 1 for index, char in enumerate(chars)}
    ops = [b"BT /F1 10 Tf 50 800 Td 12 TL"]
    for line in lines:
        ops.append(b"<" + "".join(f"{code[c]:04X}" for c in line).encode() + b"> Tj T*")
    ops.append(b"ET")
    bfchar = "".join(f"<{code[c]:04X}> <{ord(c):04X}>\n" for c in chars)
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        f"{len(chars)} beginbfchar\n{bfchar}endbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H "
            b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
            _stream(b"\n".join(ops)),
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /STSong-Light "
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
            b"/DW 1000 >>",
            _stream(cmap),
        ]
    )


def build_all() -> dict[str, bytes]:
    """The committed fixture files, by name."""
    en_lines = LAW_EN.splitlines()
    zh_lines = LAW_ZH.splitlines()
    return {
        "law_en.txt": LAW_EN.encode(),
        "law_zh.txt": LAW_ZH.encode(),
        "law_en.docx": build_docx(en_lines, table=[["Fee", "Amount"], ["Filing", "100"]]),
        "law_zh.docx": build_docx(zh_lines),
        "law_en.pdf": build_pdf([line for line in en_lines if line]),
        "law_zh.pdf": build_pdf_cjk([line for line in zh_lines if line]),
        "law_en.akn.xml": AKN_EN.encode(),
    }


if __name__ == "__main__":
    for name, data in build_all().items():
        (HERE / name).write_bytes(data)
