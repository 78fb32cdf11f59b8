"""Property tests: the checker never crashes, whatever the input."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp.checker import CATEGORIES, LABELS, check_document, classify

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WORDS = st.sampled_from(
    ["shall", "not", "no", "notarised", "seal", "fax", "within", "7", "days", "unless", "paper",
     "electronically", "only", "；", "应当", "无需", "公证", "签名", "(a)", "Section", "第一条",
     "\n"]
)  # fmt: skip


def _valid(finding, text):
    assert finding.label in LABELS and finding.category in CATEGORIES
    for ev in finding.evidence:
        assert 0 <= ev["start"] <= ev["end"] <= len(text)


@FAST
@given(st.text())
def test_random_unicode_never_crashes(text):
    _valid(classify(text), text)


@FAST
@given(st.lists(WORDS, max_size=60).map(" ".join), st.sampled_from(["en", "zh", None]))
def test_legal_word_salad_never_crashes(text, lang):
    _valid(classify(text, lang), text)
    report = check_document(text, lang)
    assert report.to_html() and report.to_text()


@settings(max_examples=5, deadline=None)
@given(
    st.sampled_from(["a", "签", "shall be notarised ", "\x00", "\ud7ff"]),
    st.integers(50_000, 300_000),
)
def test_enormous_lines_are_bounded(piece, repeat):
    text = piece * (repeat // len(piece))
    finding = classify(text)
    _valid(finding, text)


@FAST
@given(st.binary(max_size=2000))
def test_binary_decoded_leniently_never_crashes(data):
    text = data.decode("utf-8", errors="replace")
    _valid(classify(text), text)
    check_document(text)


def test_empty_inputs():
    assert classify("").label == "neutral"
    assert check_document("").provisions == []
