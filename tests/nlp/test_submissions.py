"""Splitting e-mailed submissions into answers per issue and question (nlp.submissions)."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.submissions import split_submission

ROOT = Path(__file__).resolve().parents[2]
CONSULTATION = json.loads(
    (ROOT / "fixtures/consultations/ai-and-ip.json").read_text(encoding="utf-8")
)
SAMPLES = ROOT / "fixtures/submissions"
EXPECTED = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))
SEEDS = ROOT.parent / "shared/seeds"


def issues(lang):
    return CONSULTATION["translations"][lang]["issues"]


def keys(result):
    return [(item["issue"], item["question"]) for item in result]


def seed_004():
    found = sorted(SEEDS.glob("004_*.txt"))
    if not found:
        pytest.skip("seed 004 (the Chinese submission) is not available")
    return found[0].read_text(encoding="utf-8")


def test_seed_004_maps_every_question_of_all_13_issues():
    result = split_submission(seed_004(), issues("zh-hans"))
    expected = [
        (issue["number"], question["number"])
        for issue in issues("zh-hans")
        for question in issue["questions"]
    ]
    assert len(expected) == 41
    assert keys(result) == expected
    assert {item["issue"] for item in result} == set(range(1, 14))


def test_seed_004_answers_are_the_text_after_the_answer_marker_not_the_question():
    result = {
        (i["issue"], i["question"]): i["text"]
        for i in split_submission(seed_004(), issues("zh-hans"))
    }
    assert (
        result[(1, "ii")] == "应该引入，否则 Ai 开发者，AI 使用者等多主体对于专利所有权会有争议。"
    )
    assert result[(2, "i")] == "不应该。"
    assert result[(7, "iii")] == "可以"
    assert result[(10, "viii")] == "无意见。"
    assert result[(13, "ii")] == "可以考虑。"
    # A wrapped answer is rejoined without the line-break artefacts of the original.
    assert "AI算法的特别案例" in result[(2, "iii")]
    for text in result.values():
        assert "意见观点" not in text
        assert "议题" not in text  # neither headings nor reproduced background paragraphs
        assert not any(
            question["text"][:12] in text for question in issues("zh-hans")[0]["questions"]
        )


def test_seed_004_maps_by_numbering_even_against_the_english_issues():
    result = split_submission(seed_004(), issues("en"))
    assert len(result) == 41
    assert {item["issue"] for item in result} == set(range(1, 14))


def test_text_after_an_issue_number_is_kept_unless_it_is_the_title():
    result = split_submission("Issue 10: No new rights are needed.", issues("en"))
    assert result == [{"issue": 10, "question": None, "text": "No new rights are needed."}]
    assert split_submission("议题 7：侵权和例外", issues("zh-hans")) == []


def test_seed_004_has_no_general_comment_from_the_reproduced_paper():
    result = split_submission(seed_004(), issues("zh-hans"))
    assert all(item["issue"] is not None for item in result)


@pytest.mark.parametrize("name", sorted(k for k in EXPECTED if not k.startswith("_")))
def test_sample_submission_maps_as_expected(name):
    spec = EXPECTED[name]
    text = (SAMPLES / name).read_text(encoding="utf-8")
    result = split_submission(text, issues(spec["lang"]))
    assert keys(result) == [tuple(pair) for pair in spec["pairs"]]
    general = "\n".join(item["text"] for item in result if item["issue"] is None)
    for phrase in spec["general_contains"]:
        assert phrase in general
    for item in result:
        assert item["text"].strip()


def test_numbered_heading_variants_in_english():
    text = "\n\n".join(
        [
            "Issue 7 - Infringement and Exceptions",
            "Training on works without a licence should need an exception.",
            "Re: Issue 3 (Inventive step)",
            "Q(ii): Keep the skilled person.",
            "Question 4(v). Expertise need not be disclosed.",
            "10(vi): New data rights would hinder the flow of data.",
        ]
    )
    result = split_submission(text, issues("en"))
    assert keys(result) == [(7, None), (3, "ii"), (4, "v"), (10, "vi")]
    assert result[0]["text"] == "Training on works without a licence should need an exception."
    assert result[1]["text"] == "Keep the skilled person."


def test_question_number_of_an_issue_without_that_question_is_not_a_marker():
    result = split_submission("Issue 8\n\n(iii) There is no third question here.", issues("en"))
    assert keys(result) == [(8, None)]
    assert "(iii)" in result[0]["text"]


def test_chinese_headings_numbers_and_ordinals():
    text = (
        "议题十：与数据相关的其他权利\n"
        "（ii）个人数据不应成为知识产权的客体。\n"
        "问题 3（i）：应以发明所属领域为准。"
    )
    result = split_submission(text, issues("zh-hans"))
    assert keys(result) == [(10, "ii"), (3, "i")]
    assert result[0]["text"] == "个人数据不应成为知识产权的客体。"


def test_paraphrased_question_without_number_is_recognised():
    text = (
        "Should machine-generated material count as prior art?\n"
        "Yes, once it is available to the public."
    )
    result = split_submission(text, issues("en"))
    assert keys(result) == [(3, "iv")]
    assert result[0]["text"] == "Yes, once it is available to the public."


def test_answer_marked_submission_keeps_its_own_words_and_drops_the_copied_paper():
    question = issues("en")[2]["questions"][3]["text"]  # 3(iv), reproduced without its number
    text = "\n\n".join(
        [
            "Dear Secretariat, we answer one question only.",
            "Issue 3: Inventive step or non-obviousness",
            "9. " + issues("en")[2]["background"].split(" ", 1)[1],
            question,
            "Answer: Only if it was made available to the public.",
        ]
    )
    result = split_submission(text, issues("en"))
    assert result == [
        {"issue": None, "question": None, "text": "Dear Secretariat, we answer one question only."},
        {"issue": 3, "question": "iv", "text": "Only if it was made available to the public."},
    ]


def test_unmatched_text_becomes_one_general_comment():
    text = "Thank you for organising this consultation.\nWe have no views on the individual issues."
    result = split_submission(text, issues("en"))
    assert result == [
        {
            "issue": None,
            "question": None,
            "text": "Thank you for organising this consultation.\n"
            "We have no views on the individual issues.",
        }
    ]


@pytest.mark.parametrize("text", ["", "   \n\n\t", "\x00\x01\x02", "----\n****", "。。。"])
def test_empty_or_garbage_text_gives_nothing(text):
    assert split_submission(text, issues("en")) == []


def test_no_issues_at_all_keeps_everything_as_a_general_comment():
    assert keys(split_submission("Issue 3: some view.\n(ii) another.", [])) == [(None, None)]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_any_text_splits_without_crashing(text):
    result = split_submission(text, issues("en"))
    assert isinstance(result, list)
    for item in result:
        assert set(item) == {"issue", "question", "text"}
        assert item["text"].strip()
        assert item["issue"] is None or 1 <= item["issue"] <= 13


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.sampled_from(["议题 3", "（ii）", "意见观点：", "Q(i):", "10(vi):", "无意见。", "x"])
    )
)
def test_marker_soup_never_crashes(parts):
    result = split_submission("\n".join(parts), issues("zh-hans"))
    assert all(item["text"].strip() for item in result)
