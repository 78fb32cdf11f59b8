"""Property tests: readers, segmenter and diff never crash and keep their invariants."""

import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp.diff import align_provisions, redline
from nlp.errors import UnreadableInput
from nlp.lang import detect_lang
from nlp.readers import Document, read_document
from nlp.segment import segment, segments_to_tree

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces that exercise every marker and heading rule, glued in random order.
STATUTE_PIECES = [
    "Article 12",
    "ARTICLE 3",
    "Art. 4",
    "Section 5",
    "Sec. 6",
    "Rule 3",
    "Regulation 4",
    "12.—(1)",
    "12. (1)",
    "(1)",
    "(a)",
    "(h)",
    "(i)",
    "(ii)",
    "(v)",
    "(A)",
    "Part II",
    "PART 2",
    "Chapter III",
    "SCHEDULE",
    "Schedule 2",
    "1.",
    "１．",
    "第一编",
    "第一章",
    "第一节",
    "第十二条",
    "第一百零五条",
    "第一款",
    "（一）",
    "(二)",
    "【电子申请】",
    "Electronic filing",
    "The Office shall not require a seal.",
    "as provided in Article 5",
    "申请人应当提交。",
    "依照本法第五条",
    "of the principal Act is amended",
    "—",
    " ",
    "\n",
    "\n\n",
    "\t",
    "\r",
    "\u3000",
    "\x00",
    "\ufeff",
    "é",
    "𠀀",
]
statute_text = st.lists(st.sampled_from(STATUTE_PIECES), max_size=60).map("".join)
any_text = st.one_of(st.text(max_size=400), statute_text)


def _check_segments(text, segments):
    eids = [s.eid for s in segments]
    assert len(eids) == len(set(eids))
    seen = set()
    for seg in segments:
        assert 0 <= seg.start <= seg.end <= len(text)
        assert seg.kind in {
            "part",
            "chapter",
            "section",
            "article",
            "rule",
            "paragraph",
            "subparagraph",
            "item",
        }
        assert seg.parent_eid is None or seg.parent_eid in seen
        for line in seg.text.splitlines():
            assert line in text[seg.start : seg.end]
        seen.add(seg.eid)


@SETTINGS
@given(any_text, st.sampled_from([None, "en", "zh"]))
def test_segment_never_crashes_and_keeps_invariants(text, lang):
    segments = segment(text, lang)
    _check_segments(text, segments)
    tree = segments_to_tree(segments)
    assert sum(_count(node) for node in tree) == len(segments)


def _count(node):
    return 1 + sum(_count(child) for child in node["children"])


def test_segment_huge_single_line_and_empty():
    line = "Article 5 (a) 第十二条 as provided in Section 3 " * 20_000
    segments = segment(line)
    _check_segments(line, segments)
    # Only the line start is a provision; the rest of the line is running text.
    assert [s.eid for s in segments] == ["art_5", "art_5__subpara_a"]
    assert segments[1].end == len(line.rstrip())
    assert segment("") == []
    assert segment("\n" * 10_000) == []


@SETTINGS
@given(
    st.binary(max_size=2000),
    st.sampled_from(["", "law.txt", "law.pdf", "law.docx", "law.xml", "law.doc", "x"]),
)
def test_read_document_random_bytes(data, filename):
    _read_or_refuse(data, filename)


@SETTINGS
@given(
    st.sampled_from(
        [
            b"PK\x03\x04",
            b"%PDF-1.7\n",
            b"<?xml version='1.0'?>",
            b"<akomaNtoso>",
            b"\xef\xbb\xbf",
            b"\xff\xfe",
        ]
    ),
    st.binary(max_size=2000),
)
def test_read_document_random_bytes_behind_magic_numbers(magic, data):
    _read_or_refuse(magic + data, "")


@SETTINGS
@given(st.binary(max_size=3000))
def test_read_document_random_docx_member(data):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", data[:50])
        archive.writestr("word/document.xml", data)
    _read_or_refuse(out.getvalue(), "law.docx")


@SETTINGS
@given(st.text(max_size=500))
def test_read_document_any_utf8_text(text):
    document = _read_or_refuse(text.encode(), "law.txt")
    if document is not None:
        assert document.format in {"txt", "akn"}


def _read_or_refuse(data, filename):
    try:
        document = read_document(data, filename)
    except UnreadableInput as exc:
        assert str(exc).endswith((".", ")"))
        return None
    assert isinstance(document, Document)
    assert document.format in {"txt", "docx", "pdf", "akn"}
    assert document.lang in {"en", "zh"}
    assert document.text.strip()
    return document


@SETTINGS
@given(any_text, any_text)
def test_redline_reconstructs_both_sides(old, new):
    chunks = redline(old, new)
    assert "".join(t for op, t in chunks if op != "insert") == old
    assert "".join(t for op, t in chunks if op != "delete") == new


@SETTINGS
@given(statute_text, statute_text)
def test_align_accounts_for_every_provision_once(old_text, new_text):
    old, new = segment(old_text, "en"), segment(new_text, "en")
    alignments = align_provisions(old, new)
    assert [a.new.eid for a in alignments if a.new] == [s.eid for s in new]
    assert sorted(a.old.eid for a in alignments if a.old) == sorted(s.eid for s in old)
    for alignment in alignments:
        assert alignment.status in {"unchanged", "changed", "new", "deleted"}
        assert 0 <= alignment.similarity <= 100


@SETTINGS
@given(st.text(max_size=300))
def test_detect_lang_answers_en_or_zh(text):
    assert detect_lang(text) in {"en", "zh"}
