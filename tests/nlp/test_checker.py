import json
from pathlib import Path

import pytest

from nlp import catalogue
from nlp.checker import CATEGORIES, LABELS, check_document, classify, rules
from nlp.evaluate import evaluate, read_labelled

LABELLED = Path(__file__).resolve().parents[2] / "fixtures" / "labelled"


@pytest.mark.parametrize(
    "text, label, category, ref",
    [
        # The treaties let a Party keep paper, and let the applicant choose.
        (
            "Applications shall be filed on paper in the prescribed form.",
            "aligned",
            "aligned",
            "PLT Art. 8(1)",
        ),
        (
            "Documents may be filed on paper or electronically.",
            "aligned",
            "aligned",
            "PLT Art. 8(1)",
        ),
        # Electronic-only patent filing needs a paper route for the filing date and time limits.
        (
            "All patent applications shall be filed exclusively online.",
            "conflict",
            "filing_date",
            "PLT Art. 8(1)(d)",
        ),
        (
            "Patent applications shall be filed electronically, but a paper document shall be "
            "accepted for obtaining a filing date and for complying with a time limit.",
            "aligned",
            "aligned",
            "PLT Art. 8(1)(d)",
        ),
        (
            "Trade mark applications shall be filed online only.",
            "aligned",
            "aligned",
            "STLT Art. 8(1)",
        ),
        # Originals after a fax: at least one month.
        (
            "Where a document is sent by fax, the original shall be filed within 10 days.",
            "conflict",
            "originals_or_copies",
            "PLT Rule 8(1)",
        ),
        (
            "Where a document is sent by fax, the original shall be filed within one month.",
            "aligned",
            "aligned",
            "PLT Rule 8(1)",
        ),
        # Seals only from nationals and domestic entities.
        (
            "Every applicant shall affix its seal to the application.",
            "conflict",
            "seal_or_stamp",
            "PLT Rule 9(3)",
        ),
        (
            "A national residing here may be required to use a seal instead of a signature.",
            "aligned",
            "aligned",
            "PLT Rule 9(3)",
        ),
        # Certification: prohibited, except quasi-judicial (PLT) or surrender (STLT).
        (
            "The signature shall be notarised and legalised.",
            "conflict",
            "signature_certification",
            "PLT Art. 8(4)(b)",
        ),
        (
            "No legalisation of any signature shall be required.",
            "aligned",
            "aligned",
            "PLT Art. 8(4)(b)",
        ),
        (
            "Signatures on a notice of opposition shall be notarised.",
            "aligned",
            "aligned",
            "PLT Art. 8(4)(b)",
        ),
        (
            "A request to surrender a trade mark registration shall bear a notarised signature.",
            "aligned",
            "aligned",
            "STLT Art. 8(4)",
        ),
        # Priority documents: 16 months, digital library.
        (
            "A certified copy of the earlier patent application shall accompany the application.",
            "conflict",
            "originals_or_copies",
            "PLT Rule 4(1)",
        ),
        (
            "A copy of the earlier application shall be filed within 16 months of priority.",
            "aligned",
            "aligned",
            "PLT Rule 4(1)",
        ),
        (
            "No copy of the earlier application is required if it is in a digital library.",
            "aligned",
            "aligned",
            "PLT Art. 6(5)",
        ),
        # Evidence on reasonable doubt.
        (
            "The Office may require the original only where it reasonably doubts the copy.",
            "aligned",
            "aligned",
            "PLT Art. 6(6)",
        ),
        # Office-to-applicant notices are outside both treaties.
        (
            "The Registrar shall notify the applicant by registered post.",
            "neutral",
            "neutral",
            None,
        ),
        ("A patent is granted for twenty years.", "neutral", "neutral", None),
    ],
)
def test_the_law_as_the_treaties_state_it(text, label, category, ref):
    finding = classify(text, "en")
    assert (finding.label, finding.category) == (label, category), finding.rule
    if ref:
        assert ref in finding.treaty_refs


@pytest.mark.parametrize(
    "text, label, category",
    [
        ("外国申请人提交的委托书应当经过公证和认证。", "conflict", "signature_certification"),
        ("委托书无需公证或者认证。", "aligned", "aligned"),
        ("申请人应当在提出申请的同时提交在先申请文件副本。", "conflict", "originals_or_copies"),
        ("专利申请一律以电子形式提交，不再接受纸件。", "conflict", "filing_date"),
        ("申请文件应当由申请人签字或者盖章。", "aligned", "aligned"),
        ("商标局应当将注册证书送达申请人。", "neutral", "neutral"),
        ("申請書應由申請人親自簽名，不得以電子簽章代之。", "conflict", "handwritten_signature"),
    ],
)
def test_chinese_clauses(text, label, category):
    finding = classify(text)
    assert finding.lang == "zh"
    assert (finding.label, finding.category) == (label, category), finding.rule


def test_ocr_noise_and_spelling_variants_do_not_hide_a_conflict():
    for text in (
        "The signa- ture on the power of attorney shall be notarlsed.",
        "The signature on the power of attorney shall be notarized.",
        "All patent applications shall be filed elec tronically only.",
        "The p0wer of attorney shall be n0tarised and 1egalised.",
        "Every applicant shaII affix its sea1 to the application.",
    ):
        assert classify(text, "en").label == "conflict", text


def test_finding_carries_evidence_explanation_and_suggestion_in_the_clause_language():
    text = "Every power of attorney shall be legalised by a consul."
    finding = classify(text, "en")
    assert finding.label == "conflict"
    assert {e["text"] for e in finding.evidence} >= {"legalised"}
    for ev in finding.evidence:
        assert text[ev["start"] : ev["end"]] == ev["text"]
    assert "quasi-judicial" in finding.explanation  # the permitted exception is explained
    assert "legalis" in finding.suggestion
    zh = classify("委托书应当经过公证。", "zh")
    assert "准司法" in zh.explanation and "公证" in zh.suggestion
    assert json.loads(json.dumps(zh.to_dict()))["label"] == "conflict"


def test_amending_bill_is_judged_on_the_inserted_wording():
    conflict = (
        "Section 12 of the principal Act is amended by substituting for subsection (2): "
        '"(2) Fees shall be paid in cash at the Registry."'
    )
    assert classify(conflict, "en").category == "fee_payment"
    repealing = 'Section 12 of the principal Act is amended by deleting the words "in person".'
    assert classify(repealing, "en").label == "neutral"


def test_every_rule_cites_catalogue_provisions_and_uses_known_categories():
    cat = catalogue.load()
    for rule in rules():
        assert rule.label in LABELS and rule.category in CATEGORIES
        for citation in rule.refs["patent"] + rule.refs["trademark"]:
            assert citation in cat


@pytest.mark.parametrize("lang, minimum", [("en", 0.9), ("zh", 0.85)])
def test_dev_split_conflict_f1(lang, minimum):
    records = read_labelled((LABELLED / f"clauses.{lang}.jsonl").open(encoding="utf-8"))
    dev = [r for r in records if r["split"] == "dev"]
    assert evaluate(dev).per_label["conflict"]["f1"] >= minimum


def test_labelled_sets_are_large_enough_and_split():
    for lang, minimum in (("en", 170), ("zh", 50)):
        records = read_labelled((LABELLED / f"clauses.{lang}.jsonl").open(encoding="utf-8"))
        assert len(records) >= minimum
        share = sum(r["split"] == "test" for r in records) / len(records)
        assert 0.25 <= share <= 0.35  # about 30 % held out


DRAFT = """Patents (Amendment) Bill
Section 3. Filing of applications
(1) An application for a patent shall be filed in person at the Office.
(2) The signature of the applicant shall be notarised.
Section 4. Fees
Fees shall be paid by bank transfer or online.
Section 5. Term
A patent shall expire twenty years after the filing date.
"""


def test_check_document_reports_each_provision_and_the_compliance_matrix():
    report = check_document(DRAFT, "en")
    by_eid = {p.eid: p.finding for p in report.provisions}
    conflicts = {p.eid: p.finding.category for p in report.conflicts}
    assert "in_person_or_post" in conflicts.values()
    assert "signature_certification" in conflicts.values()
    assert any(f.label == "aligned" for f in by_eid.values())
    for prov in report.provisions:
        for ev in prov.finding.evidence:
            assert DRAFT[ev["start"] : ev["end"]] == ev["text"]
    rows = {row.citation: row for row in report.matrix}
    assert report.subject == "patent" and not any(c.startswith("STLT") for c in rows)
    assert rows["PLT Art. 8(4)(b)"].status == "conflict"
    assert rows["PLT Art. 6(4)"].status == "aligned"
    assert rows["PLT Rule 4(1)"].status == "not addressed"
    data = report.to_dict()
    assert data["counts"]["conflict"] == len(report.conflicts)
    assert "Compliance matrix" in report.to_text()


def test_html_report_escapes_everything():
    report = check_document(
        "Section 1. <script>alert(1)</script>\nFees shall be paid in cash & kind.", "en"
    )
    page = report.to_html()
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "&amp; kind" in page


def test_empty_and_blank_input_is_neutral():
    assert classify("", "en").label == "neutral"
    assert classify("   \n", None).label == "neutral"
    assert check_document("").provisions == []
