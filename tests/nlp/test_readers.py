"""Tests for reading TXT, DOCX, PDF and Akoma Ntoso input, good and bad."""

import importlib.util
import io
import zipfile
from pathlib import Path

import pypdf
import pytest

from nlp.errors import UnreadableInput
from nlp.lang import detect_lang
from nlp.readers import read_document, read_path

FILES = Path(__file__).parent / "files"
_spec = importlib.util.spec_from_file_location("nlp_test_files", FILES / "make_files.py")
make_files = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_files)


@pytest.mark.parametrize(
    ("name", "fmt", "lang", "expected"),
    [
        ("law_en.txt", "txt", "en", "(b) the signature of the applicant to be certified; or"),
        (
            "law_zh.txt",
            "txt",
            "zh",
            "第二条【电子申请】申请人可以以纸件形式或者电子形式提交专利申请。",
        ),
        ("law_en.docx", "docx", "en", "(c) any document to be legalised."),
        ("law_zh.docx", "docx", "zh", "（二）说明书及其摘要；"),
        ("law_en.pdf", "pdf", "en", "(2) The Office shall not require—"),
        ("law_zh.pdf", "pdf", "zh", "第四条 申请人应当在申请文件上签字或者盖章。"),
        ("law_en.akn.xml", "akn", "en", "(2) No legalisation shall be required."),
    ],
)
def test_committed_files_are_read_by_content(name, fmt, lang, expected):
    document = read_path(FILES / name)
    assert document.format == fmt
    assert document.lang == lang
    assert expected in document.text.splitlines()


def test_committed_files_match_the_generator():
    for name, data in make_files.build_all().items():
        assert (FILES / name).read_bytes() == data, name


def test_txt_keeps_text_and_strips_bom_and_crlf():
    document = read_document("\ufeffArticle 1\r\nText.\r\n".encode())
    assert document.text == "Article 1\nText.\n"
    assert document.akn_tree is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("Loi sur les brevets".encode("utf-16"), "not valid UTF-8"),
        ("Société".encode("latin-1"), "not valid UTF-8"),
        (b"text\x00with nul", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
        (b"", "empty"),
        (b"  \n ", "empty"),
    ],
)
def test_bad_text_is_rejected(data, message):
    with pytest.raises(UnreadableInput, match=message):
        read_document(data)


def test_docx_table_cells_are_read_in_order():
    data = make_files.build_docx(["Before", "After"], table=[["Fee", "Amount"], ["Cash", "10"]])
    assert read_document(data, "draft.docx").text.splitlines() == [
        "Before",
        "Fee",
        "Amount",
        "Cash",
        "10",
        "After",
    ]


def test_corrupt_docx_is_rejected():
    data = make_files.build_docx(["Article 1"])
    with pytest.raises(UnreadableInput, match="DOCX file is corrupt"):
        read_document(data[: len(data) // 2], "law.docx")
    broken = make_files.build_zip({"word/document.xml": b"<not xml", "[Content_Types].xml": b""})
    with pytest.raises(UnreadableInput, match="DOCX file is corrupt"):
        read_document(broken, "law.docx")


def test_zip_without_word_document_is_not_docx():
    with pytest.raises(UnreadableInput, match="not a Word"):
        read_document(make_files.build_zip({"readme.txt": b"hello"}))


def test_zip_bomb_docx_is_rejected_before_decompression():
    # 200 MB of zeros compresses to about 200 KB: ratio and total size both trip.
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(200):
                member.write(chunk)
    with pytest.raises(UnreadableInput, match="too large once uncompressed|zip bomb"):
        read_document(out.getvalue(), "bomb.docx")


def test_highly_compressed_member_is_rejected():
    data = make_files.build_zip({"word/document.xml": b"a" * (5 * 1024 * 1024)})
    with pytest.raises(UnreadableInput, match="zip bomb"):
        read_document(data, "law.docx")


def test_pdf_without_text_layer_is_rejected():
    with pytest.raises(UnreadableInput, match="no text layer"):
        read_document(make_files.build_pdf([]), "scan.pdf")


def test_corrupt_pdf_is_rejected():
    data = make_files.build_pdf(["Article 1"])
    with pytest.raises(UnreadableInput, match="PDF"):
        read_document(b"%PDF-1.4\n" + b"garbage " * 100)
    with pytest.raises(UnreadableInput, match="PDF"):
        read_document(data[:60])


def test_encrypted_pdf_is_rejected_unless_the_user_password_is_empty():
    reader = pypdf.PdfReader(io.BytesIO(make_files.build_pdf(["Article 1 Filing"])))
    for user_password, readable in (("secret", False), ("", True)):
        writer = pypdf.PdfWriter()
        writer.append_pages_from_reader(reader)
        writer.encrypt(user_password, "owner", algorithm="RC4-128")
        out = io.BytesIO()
        writer.write(out)
        if readable:
            assert "Article 1 Filing" in read_document(out.getvalue()).text
        else:
            with pytest.raises(UnreadableInput, match="encrypted"):
                read_document(out.getvalue())


def test_akoma_ntoso_structure_is_returned():
    document = read_path(FILES / "law_en.akn.xml")
    chapter = document.akn_tree[0]
    assert (chapter["eid"], chapter["kind"], chapter["heading"]) == ("chp_1", "chapter", "Filing")
    article = chapter["children"][0]
    assert article["eid"] == "art_12"
    assert [p["text"] for p in article["children"]] == [
        "Applications may be filed electronically.",
        "No legalisation shall be required.",
    ]


@pytest.mark.parametrize(
    "data",
    [
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><akomaNtoso>&e;</akomaNtoso>',
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        b"<akomaNtoso>&e;</akomaNtoso>",
        b'<!DOCTYPE akomaNtoso SYSTEM "http://example.invalid/akn.dtd"><akomaNtoso/>',
    ],
)
def test_xml_with_doctype_or_entities_is_rejected(data):
    with pytest.raises(UnreadableInput, match="entity declarations"):
        read_document(data, "law.xml")


def test_deeply_nested_akoma_ntoso_is_rejected_cleanly():
    depth = 50_000
    data = b"<akomaNtoso>" + b"<part>" * depth + b"</part>" * depth + b"</akomaNtoso>"
    with pytest.raises(UnreadableInput, match="nested too deeply"):
        read_document(data, "law.xml")
    inline = b"<akomaNtoso><article><num>1</num><p>" + b"<b>" * depth + b"x" + b"</b>" * depth
    with pytest.raises(UnreadableInput, match="nested too deeply"):
        read_document(inline + b"</p></article></akomaNtoso>", "law.xml")


def test_other_or_malformed_xml_is_rejected():
    with pytest.raises(UnreadableInput, match="not an Akoma Ntoso"):
        read_document(b'<?xml version="1.0"?><html><p>x</p></html>')
    with pytest.raises(UnreadableInput, match="malformed"):
        read_document(b'<?xml version="1.0"?><akomaNtoso><act>')


@pytest.mark.parametrize(
    ("name", "filename"),
    [
        ("law_en.docx", "law.pdf"),
        ("law_en.txt", "law.docx"),
        ("law_en.pdf", "law.txt"),
        ("law_en.akn.xml", "law.pdf"),
        ("law_en.docx", "law.doc"),
    ],
)
def test_extension_contradicting_content_is_rejected(name, filename):
    with pytest.raises(UnreadableInput, match="file name ends in|Old Word"):
        read_document((FILES / name).read_bytes(), filename)


def test_unknown_or_missing_extension_is_accepted():
    data = (FILES / "law_en.pdf").read_bytes()
    assert read_document(data, "upload").format == "pdf"
    assert read_document(data, "law.bin").format == "pdf"


def test_too_large_is_rejected(tmp_path):
    with pytest.raises(UnreadableInput, match=r"too large \(max 1 MB\)"):
        read_document(b"a" * (1024 * 1024 + 1), max_bytes=1024 * 1024)
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2048)
    with pytest.raises(UnreadableInput, match="too large"):
        read_path(big, max_bytes=1024)


def test_missing_path_is_unreadable(tmp_path):
    with pytest.raises(UnreadableInput, match="cannot be opened"):
        read_path(tmp_path / "nope.txt")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The applicant shall file.", "en"),
        ("申请人应当提交申请。", "zh"),
        ("第12条 The Office 应当受理 electronic filings。", "zh"),
        ("12345 ...", "en"),
        ("", "en"),
    ],
)
def test_detect_lang(text, lang):
    assert detect_lang(text) == lang
