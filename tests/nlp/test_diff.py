"""Tests for redlines and for aligning a draft's provisions with the law in force.

The statute snippets are illustrative, written by us.
"""

import pytest

from nlp.diff import align_provisions, redline, redline_html
from nlp.segment import Segment, segment

# Illustrative law in force and an amending draft: Article 2 is inserted, so the old
# Articles 2 and 3 become 3 and 4; the old Article 3 is also reworded; Article 4 is deleted.
LAW = """\
Article 1 Scope
This Act applies to applications for patents.
Article 2 Filing
Applications shall be filed in person at the counter of the Office.
Article 3 Signatures
Every application shall bear the handwritten signature of the applicant.
Article 4 Fees
Fees shall be paid in cash only.
"""
DRAFT = """\
Article 1 Scope
This Act applies to applications for patents.
Article 2 Electronic communications
The Office shall accept communications in electronic form.
Article 3 Filing
Applications shall be filed in person at the counter of the Office.
Article 4 Signatures
Every application shall bear the signature of the applicant, which may be electronic.
"""


def _join(chunks, keep):
    return "".join(text for op, text in chunks if op in keep)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The Office shall accept filings on paper.",
            "The Registry must accept filings on paper or electronically.",
        ),
        ("申请人应当提交纸件申请。", "申请人可以提交电子申请。"),
        ("", "New text."),
        ("Old text.", ""),
        ("same", "same"),
    ],
)
def test_redline_reconstructs_both_texts(old, new):
    chunks = redline(old, new)
    assert _join(chunks, {"equal", "delete"}) == old
    assert _join(chunks, {"equal", "insert"}) == new
    assert all(op in {"equal", "insert", "delete"} for op, _ in chunks)


def test_redline_is_word_level_in_english():
    chunks = redline(
        "The Office shall accept filings on paper.",
        "The Registry must accept filings on paper or electronically.",
    )
    assert ("delete", "Office shall") in chunks
    assert ("insert", "Registry must") in chunks
    assert ("insert", " or electronically") in chunks
    assert ("equal", " accept filings on paper") in chunks


def test_redline_is_character_level_in_chinese():
    chunks = redline("申请人应当提交纸件申请。", "申请人可以提交电子申请。")
    assert chunks[0] == ("equal", "申请人")
    assert ("delete", "应当") in chunks
    assert ("insert", "可以") in chunks


def test_redline_html_escapes_everything():
    markup = redline_html("Use <b>paper</b> & ink", "Use <script>x</script> & ink")
    assert markup.count("<del>") == markup.count("</del>") > 0
    assert markup.count("<ins>") == markup.count("</ins>") > 0
    for tag in ("<del>", "</del>", "<ins>", "</ins>"):
        markup = markup.replace(tag, "")
    assert "<" not in markup and ">" not in markup
    assert "&lt;" in markup and "&amp; ink" in markup


def test_align_detects_unchanged_renumbered_changed_new_and_deleted():
    alignments = align_provisions(segment(LAW, "en"), segment(DRAFT, "en"))
    summary = [
        (a.status, a.old.eid if a.old else None, a.new.eid if a.new else None, a.renumbered)
        for a in alignments
    ]
    assert summary == [
        ("unchanged", "art_1", "art_1", False),
        ("new", None, "art_2", False),
        ("unchanged", "art_2", "art_3", True),
        ("changed", "art_3", "art_4", True),
        ("deleted", "art_4", None, False),
    ]
    changed = alignments[3]
    assert 70 <= changed.similarity < 100
    assert "<del>handwritten </del>" in changed.redline_html
    assert "<ins>, which may be electronic</ins>" in changed.redline_html
    assert alignments[0].similarity == 100 and alignments[0].redline_html == ""


def test_same_eid_with_unrelated_text_is_not_a_change():
    old = segment("Article 5\nFees shall be paid in cash only.", "en")
    new = segment("Article 5\nTrade mark registrations expire after ten years.", "en")
    statuses = [a.status for a in align_provisions(old, new)]
    assert statuses == ["new", "deleted"]


def test_same_eid_with_similar_text_is_changed():
    old = segment("第五条 申请人应当以书面形式提交申请。", "zh")
    new = segment("第五条 申请人可以以书面形式或者电子形式提交申请。", "zh")
    (alignment,) = align_provisions(old, new)
    assert alignment.status == "changed"
    assert not alignment.renumbered
    assert "<ins>" in alignment.redline_html


def test_a_better_renumbered_match_beats_a_weak_same_eid_match():
    old = segment("Article 2\nApplications shall be filed on paper.", "en")
    new = segment(
        "Article 2\nA fee is payable for the late filing of papers.\n"
        "Article 3\nApplications shall be filed on paper or online.",
        "en",
    )
    summary = [
        (a.status, a.old and a.old.eid, a.new and a.new.eid) for a in align_provisions(old, new)
    ]
    assert summary == [("new", None, "art_2"), ("changed", "art_2", "art_3")]


def test_align_empty_inputs():
    assert align_provisions([], []) == []
    new = segment("Article 1\nText.", "en")
    assert [a.status for a in align_provisions([], new)] == ["new"]
    assert [a.status for a in align_provisions(new, [])] == ["deleted"]


def _articles(texts, offset=0):
    return [
        Segment(f"art_{i + offset}", None, "article", str(i + offset), "", text, 0, 0, 0)
        for i, text in enumerate(texts)
    ]


def test_align_two_thousand_renumbered_provisions():
    texts = [
        f"Provision {i}: the applicant shall file document number {i * 7919 % 10007} "
        f"with the Office within {i % 12 + 1} months of the request."
        for i in range(2000)
    ]
    old = _articles(texts)
    # Every provision is renumbered, and every third one is also reworded.
    new = _articles(
        [t + " No fee applies." if i % 3 == 0 else t for i, t in enumerate(texts)], offset=1
    )
    alignments = align_provisions(old, new)
    assert len(alignments) == 2000
    assert all(a.renumbered and a.old.text == texts[int(a.new.eid[4:]) - 1] for a in alignments)
    assert sum(a.status == "changed" for a in alignments) == 667
