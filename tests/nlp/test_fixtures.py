"""The demo and consultation fixtures are complete and consistent with one another."""

import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
NOTE = "Illustrative text written for Concord's demo; not an official text."

QUESTIONS_PER_ISSUE = [3, 3, 4, 5, 2, 3, 6, 1, 1, 8, 2, 1, 2]
REGIONS = {"africa", "arab", "asia_pacific", "latin_america_caribbean", "transition_developed"}
STATUSES = {"developing", "ldc", "transition", "developed"}
TREATIES = {"PLT", "STLT", "Paris", "PCT", "Madrid", "Hague", "Berne", "WCT"}
KINDS = {"act", "regulation", "decree", "draft_bill"}
SUBJECTS = {
    "patents",
    "trademarks",
    "industrial_designs",
    "copyright",
    "ip_general",
    "e_government",
}
LAW_STATUSES = {"in_force", "repealed", "superseded", "draft"}
LEVELS = {"first_instance", "appellate", "final"}
ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii"]


def load(relative):
    return json.loads((FIXTURES / relative).read_text(encoding="utf-8"))


AI = load("consultations/ai-and-ip.json")
DRAFT = load("consultations/draft-law-consultation.json")
JURISDICTIONS = load("demo/jurisdictions.json")["jurisdictions"]
LAWS = load("demo/laws.json")["laws"]
JUDGMENTS = load("demo/judgments.json")["judgments"]
LAWS_BY_SLUG = {law["slug"]: law for law in LAWS}


def law_text(file_name):
    return (FIXTURES / "demo/laws" / file_name).read_bytes().decode("utf-8")


def current_text(law):
    return law_text(law["versions"][-1]["file"])


def provision_exists(text, provision):
    """True when ``provision`` ("Article 12", "Section 9", "Rule 3", "第八条") heads a provision."""
    if provision.startswith("第"):
        return re.search(rf"^{re.escape(provision)}", text, re.MULTILINE) is not None
    number = provision.split()[-1]
    pattern = rf"^(?:(?:Article|Section|Rule)\s+{number}\b|{number}\.(?:—|\s))"
    return re.search(pattern, text, re.MULTILINE) is not None


def count_provisions(text):
    """Top-level provisions in the numbering style the text uses."""
    for pattern in (
        r"^第[一二三四五六七八九十百零]+条",
        r"^Article \d+",
        r"^Section \d+",
        r"^Rule \d+",
        r"^\d+[A-Z]?\.(?:—|\s)",
    ):
        found = re.findall(pattern, text, re.MULTILINE)
        if found:
            return len(found)
    return 0


# --- AI and IP issues paper ---------------------------------------------------------------


def test_ai_consultation_identity_and_period():
    assert AI["slug"] == "ai-and-ip"
    assert AI["reference"] == "WIPO/IP/AI/2/GE/20/1"
    opens, closes = datetime.fromisoformat(AI["opens"]), datetime.fromisoformat(AI["closes"])
    assert opens.tzinfo is not None and closes.tzinfo is not None
    assert opens < closes
    assert closes.date() == date(2020, 2, 14)
    assert set(AI["translations"]) == {"en", "zh-hans"}


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_ai_consultation_has_13_issues_and_41_questions(lang):
    translation = AI["translations"][lang]
    for key in ("title", "introduction", "privacy_notice"):
        assert translation[key].strip()
    issues = translation["issues"]
    assert [issue["number"] for issue in issues] == list(range(1, 14))
    assert [len(issue["questions"]) for issue in issues] == QUESTIONS_PER_ISSUE
    assert sum(QUESTIONS_PER_ISSUE) == 41
    areas = [area["key"] for area in translation["areas"]]
    assert len(areas) == 6
    for issue in issues:
        assert issue["area"] in areas
        assert issue["title"].strip() and issue["background"].strip()
        numerals = [question["number"] for question in issue["questions"]]
        assert numerals == ROMAN[: len(numerals)]
        assert all(question["text"].strip() for question in issue["questions"])


def test_ai_consultation_numbering_is_identical_in_both_languages():
    def shape(lang):
        translation = AI["translations"][lang]
        return (
            [area["key"] for area in translation["areas"]],
            [
                (i["number"], i["area"], [q["number"] for q in i["questions"]])
                for i in translation["issues"]
            ],
        )

    assert shape("en") == shape("zh-hans")


def test_privacy_notice_says_email_is_never_published():
    assert "never published" in AI["translations"]["en"]["privacy_notice"]
    assert "绝不公布" in AI["translations"]["zh-hans"]["privacy_notice"]


def test_chinese_issue_texts_are_free_of_line_break_artefacts():
    for issue in AI["translations"]["zh-hans"]["issues"]:
        for question in issue["questions"]:
            assert "\n" not in question["text"]
            assert "意见观点" not in question["text"]


# --- draft-law consultation ---------------------------------------------------------------


def test_draft_law_consultation_comments_a_draft_bill_article_by_article():
    law = LAWS_BY_SLUG[DRAFT["law"]]
    assert law["kind"] == "draft_bill"
    assert datetime.fromisoformat(DRAFT["opens"]) < datetime.fromisoformat(DRAFT["closes"])
    en, zh = DRAFT["translations"]["en"], DRAFT["translations"]["zh-hans"]
    assert en["title"] and zh["title"]
    assert len(en["articles"]) >= 5
    assert [a["number"] for a in en["articles"]] == [a["number"] for a in zh["articles"]]
    bill = law_text(law["amending_text"])
    for article in en["articles"]:
        assert article["heading"] and article["text"]
        assert article["text"] in bill


# --- jurisdictions ------------------------------------------------------------------------


def test_jurisdictions_cover_all_five_regions():
    assert len(JURISDICTIONS) >= 10
    assert {j["region"] for j in JURISDICTIONS} == REGIONS
    codes = [j["iso"] for j in JURISDICTIONS]
    assert len(set(codes)) == len(codes)
    for jurisdiction in JURISDICTIONS:
        assert re.fullmatch(r"[A-Z]{2}", jurisdiction["iso"])
        assert jurisdiction["name_en"] and jurisdiction["name_zh"]
        assert jurisdiction["development_status"] in STATUSES
        for membership in jurisdiction["treaties"]:
            assert membership["treaty"] in TREATIES
            if membership["since"] is not None:
                date.fromisoformat(membership["since"])
    assert {j["development_status"] for j in JURISDICTIONS} == STATUSES


# --- laws ---------------------------------------------------------------------------------


def test_laws_metadata():
    assert len(LAWS) >= 14
    assert sum(law["language"] == "zh-hans" for law in LAWS) >= 4
    assert sum(law["language"] == "en" for law in LAWS) >= 4
    assert {law["kind"] for law in LAWS} == KINDS
    assert {law["subject"] for law in LAWS} == SUBJECTS
    codes = {j["iso"] for j in JURISDICTIONS}
    assert len(LAWS_BY_SLUG) == len(LAWS)
    for law in LAWS:
        assert law["illustrative"] is True
        assert law["jurisdiction"] in codes
        assert law["kind"] in KINDS and law["subject"] in SUBJECTS
        assert law["status"] in LAW_STATUSES
        assert law["official_source"].startswith("https://example.gov/")
        assert law["title_original"] and law["title_en"] and law["tags"]
        assert (law["status"] == "repealed") == (law["repealed"] is not None)
        assert (law["status"] == "draft") == (law["kind"] == "draft_bill")


@pytest.mark.parametrize("law", LAWS, ids=lambda law: law["slug"])
def test_every_law_version_file_exists_is_utf8_marked_and_segmentable(law):
    dates = []
    for version in law["versions"]:
        text = law_text(version["file"])
        assert text.splitlines()[0] == NOTE
        assert 15 <= count_provisions(text) <= 60, version["file"]
        if version["effective_date"]:
            dates.append(date.fromisoformat(version["effective_date"]))
    assert dates == sorted(dates)


def test_versions_of_amended_laws_differ():
    amended = [law for law in LAWS if len(law["versions"]) >= 2]
    assert len(amended) >= 3
    for law in amended:
        texts = [law_text(version["file"]) for version in law["versions"]]
        assert len(set(texts)) == len(texts)


def test_draft_bill_amends_a_law_in_force_and_reads_as_the_amended_law():
    drafts = [law for law in LAWS if law["kind"] == "draft_bill"]
    assert drafts
    for draft in drafts:
        target = LAWS_BY_SLUG[draft["amends"]]
        assert target["status"] == "in_force"
        in_force = current_text(target)
        consolidated = current_text(draft)
        assert consolidated != in_force
        # Most provisions stay as they are, so a redline between the two is meaningful.
        assert count_provisions(consolidated) >= count_provisions(in_force)
        shared = set(in_force.splitlines()) & set(consolidated.splitlines())
        assert len(shared) > len(in_force.splitlines()) // 2
        assert law_text(draft["amending_text"]).splitlines()[0] == NOTE


# --- judgments ----------------------------------------------------------------------------


def test_judgments():
    assert len(JUDGMENTS) >= 12
    assert {j["language"] for j in JUDGMENTS} == {"en", "zh-hans"}
    assert len({j["jurisdiction"] for j in JUDGMENTS}) >= 5
    assert {j["level"] for j in JUDGMENTS} == LEVELS
    keywords = {k.lower() for j in JUDGMENTS for k in j["keywords"]}
    assert {"electronic signature", "filing date", "ai inventorship", "电子签名"} <= keywords
    codes = {j["iso"] for j in JURISDICTIONS}
    for judgment in JUDGMENTS:
        assert judgment["illustrative"] is True
        assert judgment["jurisdiction"] in codes
        date.fromisoformat(judgment["date"])
        for key in ("court", "case_number", "parties", "summary", "full_text", "outcome"):
            assert judgment[key].strip()


@pytest.mark.parametrize("judgment", JUDGMENTS, ids=lambda j: j["slug"])
def test_judgment_citations_point_at_existing_provisions(judgment):
    assert judgment["cited_provisions"]
    for citation in judgment["cited_provisions"]:
        law = LAWS_BY_SLUG[citation["law"]]
        assert law["jurisdiction"] == judgment["jurisdiction"]
        texts = [law_text(version["file"]) for version in law["versions"]]
        assert any(provision_exists(text, citation["provision"]) for text in texts)


# --- e-mailed submission samples ----------------------------------------------------------


def test_submission_samples_listed_in_expected_json_exist():
    expected = load("submissions/expected.json")
    names = [name for name in expected if not name.startswith("_")]
    assert len(names) >= 3
    for name in names:
        (FIXTURES / "submissions" / name).read_bytes().decode("utf-8")
