"""Tests for the provision segmenter. All statute snippets are illustrative, written by us."""

import pytest

from nlp.segment import chinese_number, roman_number, segment, segments_to_tree

# Illustrative English statute in Commonwealth style.
ACT_EN = """\
Trade Marks (Amendment) Act (illustrative)

PART II
REGISTRATION

Electronic filing
Section 12
(1) An application may be filed on paper or electronically, as provided in Section 5.
(2) The Registrar shall not require—
(a) a handwritten signature;
(b) the original of a document sent by facsimile; or
(c) legalisation of any signature.

13. Fees.—(1) Fees shall be paid as prescribed.
(2) Where the fee is paid by bank transfer—
(a) the date of payment is the date of the transfer; and
(b) the Registrar shall issue a receipt.
"""

# Illustrative treaty-style articles with European paragraph numbering.
ARTICLES_EN = """\
ARTICLE 7
Representation
1. Any Contracting Party may require the appointment of a representative.
2. A representative may be appointed in a separate communication.
Art. 8 Communications
(1) Communications may be filed on paper or in electronic form.
Rule 3 Details concerning the application
The application shall contain the name of the applicant.
Regulation 4. Signatures
(a) A seal may be used instead of a signature.
"""

# Illustrative Chinese statute.
LAW_ZH = """\
示例专利法

第一编 总则
第一章 一般规定
第十二条【电子申请】申请人可以以书面形式或者电子形式提交专利申请。
依照本法第五条规定提交的文件，与原件具有同等效力。
第五条规定的期限，自申请日起计算。
第一百零五条 申请人应当提交下列文件：
（一）请求书；
(二)说明书，包括：
1. 技术领域；
２．背景技术；
（三）权利要求书。
前款所列文件应当使用中文。
第二百三十条 本法自公布之日起施行。
"""


def _by_eid(segments):
    return {s.eid: s for s in segments}


def test_english_sections_subsections_and_paragraphs():
    segs = _by_eid(segment(ACT_EN, "en"))
    assert list(segs)[:2] == ["preface", "part_2"]
    section = segs["sec_12"]
    assert (section.kind, section.num, section.heading) == (
        "section",
        "Section 12",
        "Electronic filing",
    )
    assert section.parent_eid == "part_2"
    assert segs["sec_12__para_2"].text == "The Registrar shall not require—"
    item = segs["sec_12__para_2__subpara_b"]
    assert item.kind == "subparagraph"
    assert item.parent_eid == "sec_12__para_2"
    assert item.depth == 3
    assert item.text == "the original of a document sent by facsimile; or"


def test_dash_style_section_number_with_heading():
    segs = _by_eid(segment(ACT_EN, "en"))
    assert segs["sec_13"].heading == "Fees"
    assert segs["sec_13__para_1"].text == "Fees shall be paid as prescribed."
    assert segs["sec_13__para_2__subpara_b"].text == "the Registrar shall issue a receipt."


def test_chained_numbers_on_one_line():
    segs = segment("12.—(1)(a)(i) the applicant;\n(ii) the agent.", "en")
    assert [s.eid for s in segs] == [
        "sec_12",
        "sec_12__para_1",
        "sec_12__para_1__subpara_a",
        "sec_12__para_1__subpara_a__item_i",
        "sec_12__para_1__subpara_a__item_ii",
    ]
    assert segs[3].kind == "item"
    assert segs[3].text == "the applicant;"


def test_article_rule_and_regulation_markers():
    segs = _by_eid(segment(ARTICLES_EN, "en"))
    assert segs["art_7"].heading == "Representation"
    assert segs["art_7__para_1"].num == "1."
    assert segs["art_7__para_2"].text.startswith("A representative")
    assert segs["art_8"].heading == "Communications"
    assert segs["art_8__para_1"].parent_eid == "art_8"
    assert segs["rule_3"].heading == "Details concerning the application"
    assert segs["rule_3"].text == "The application shall contain the name of the applicant."
    assert segs["reg_4"].kind == "rule"
    assert segs["reg_4"].heading == "Signatures"
    assert segs["reg_4__subpara_a"].kind == "subparagraph"


def test_title_of_the_law_is_not_taken_as_the_first_heading():
    text = (
        "Patents (Amendment) Bill\nSection 3. Filing\nApplications may be filed online.\n"
        "Section 4\nThe Office shall publish its fees."
    )
    assert [(s.eid, s.heading, s.text) for s in segment(text, "en")] == [
        ("preface", "", "Patents (Amendment) Bill"),
        ("sec_3", "Filing", "Applications may be filed online."),
        ("sec_4", "", "The Office shall publish its fees."),
    ]


def test_heading_after_number_with_dash():
    segs = segment("Article 12. — Electronic filing\nApplications may be filed online.", "en")
    assert segs[0].heading == "Electronic filing"
    assert segs[0].text == "Applications may be filed online."


def test_letter_i_after_h_is_a_letter_and_roman_i_after_a_is_an_item():
    letters = "\n".join(f"({c}) text {c};" for c in "abcdefghij")
    segs = segment("Article 1\n" + letters, "en")
    assert [s.kind for s in segs[1:]] == ["subparagraph"] * 10
    assert segs[9].eid == "art_1__subpara_i"
    assert segs[9].parent_eid == "art_1"

    roman = segment("Article 1\n(a) where—\n(i) first;\n(ii) second;\n(b) other.", "en")
    assert [s.eid for s in roman] == [
        "art_1",
        "art_1__subpara_a",
        "art_1__subpara_a__item_i",
        "art_1__subpara_a__item_ii",
        "art_1__subpara_b",
    ]


def test_cross_references_and_amending_language_do_not_split():
    text = (
        "Section 3 Amendment of section 12\n"
        'Section 12 of the principal Act is amended by deleting "in person".\n'
        "Article 5 shall apply, as provided in Article 5 and Rule 3.\n"
        "Section 4 Repeal\n"
        "Section 9 is repealed."
    )
    segs = segment(text, "en")
    assert [s.eid for s in segs] == ["sec_3", "sec_4"]
    assert "Section 12 of the principal Act is amended" in segs[0].text
    assert "Article 5 shall apply" in segs[0].text
    assert segs[1].text == "Section 9 is repealed."


def test_wrapped_reference_to_a_subsection_does_not_start_a_paragraph():
    text = (
        "Section 7\n(1) The period referred to in subsection\n(2) shall be two months.\n"
        "(2) Where the applicant—\n(a) is a national; or\n(b) has a domicile,\nno agent is needed."
    )
    segs = segment(text, "en")
    assert [s.eid for s in segs] == [
        "sec_7",
        "sec_7__para_1",
        "sec_7__para_2",
        "sec_7__para_2__subpara_a",
        "sec_7__para_2__subpara_b",
    ]
    assert segs[1].text == "The period referred to in subsection\n(2) shall be two months."


def test_parts_chapters_and_schedule_numbering():
    text = (
        "Part II\nChapter III Fees\nSection 1 Scale\nFees are set out in the Schedule.\n"
        "SCHEDULE\nFEES\n1. Filing fee: 100.\n"
    )
    segs = _by_eid(segment(text, "en"))
    assert segs["part_2"].kind == "part"
    assert segs["part_2__chp_3"].heading == "Fees"
    assert segs["sec_1"].parent_eid == "part_2__chp_3"
    assert segs["sched"].heading == "FEES"
    # Sections in a schedule restart at 1, so they are prefixed by the schedule.
    assert segs["sched__sec_1"].text == "Filing fee: 100."


def test_chinese_articles_paragraphs_items():
    segs = _by_eid(segment(LAW_ZH))
    assert segs["part_1"].num == "第一编"
    assert segs["part_1__chp_1"].heading == "一般规定"
    art = segs["art_12"]
    assert (art.kind, art.num, art.heading) == ("article", "第十二条", "电子申请")
    assert art.parent_eid == "part_1__chp_1"
    # Three sentences on three lines are three 款.
    assert segs["art_12__para_1"].text == "申请人可以以书面形式或者电子形式提交专利申请。"
    assert segs["art_12__para_2"].text.startswith("依照本法第五条")
    assert segs["art_12__para_3"].text.startswith("第五条规定的期限")
    assert "art_5" not in segs

    assert segs["art_105__para_1"].text == "申请人应当提交下列文件："
    assert segs["art_105__para_1__item_1"].num == "（一）"
    assert segs["art_105__para_1__item_2"].num == "(二)"
    assert segs["art_105__para_1__item_2__point_1"].text == "技术领域；"
    assert segs["art_105__para_1__item_2__point_2"].num == "２．"
    assert segs["art_105__para_2"].text == "前款所列文件应当使用中文。"
    assert segs["art_230"].text == "本法自公布之日起施行。"


def test_chinese_single_paragraph_article_has_no_para_node_and_wrapped_lines_join():
    text = (
        "第三条 申请人应当提交下列文件：\n（一）请求书；\n（二）说明书。\n"
        "第四条 申请人可以委托\n专利代理机构办理。"
    )
    segs = _by_eid(segment(text, "zh"))
    assert list(segs) == ["art_3", "art_3__item_1", "art_3__item_2", "art_4"]
    assert segs["art_4"].text == "申请人可以委托\n专利代理机构办理。"


def test_chinese_explicit_paragraph_and_section():
    text = (
        "第二章 申请\n第一节 一般规定\n第九条\n第一款 申请人可以委托代理机构。\n"
        "第二节 费用\n第十条 费用可以在线缴纳。"
    )
    segs = _by_eid(segment(text, "zh"))
    assert segs["chp_2__sec_1"].heading == "一般规定"
    assert segs["art_9__para_1"].text == "申请人可以委托代理机构。"
    assert segs["art_10"].parent_eid == "chp_2__sec_2"


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("十二", 12),
        ("一百零五", 105),
        ("二百三十", 230),
        ("十", 10),
        ("九百九十九", 999),
        ("两千", 2000),
        ("１２", 12),
        ("12", 12),
        ("甲", None),
    ],
)
def test_chinese_numbers(numeral, value):
    assert chinese_number(numeral) == value


@pytest.mark.parametrize(
    ("numeral", "value"), [("iv", 4), ("XII", 12), ("ii", 2), ("iiii", None), ("ab", None)]
)
def test_roman_numbers(numeral, value):
    assert roman_number(numeral) == value


@pytest.mark.parametrize("text", [ACT_EN, ARTICLES_EN, LAW_ZH])
def test_eids_unique_and_offsets_cover_the_segment(text):
    segs = segment(text)
    eids = [s.eid for s in segs]
    assert len(eids) == len(set(eids))
    known = set()
    for seg in segs:
        assert 0 <= seg.start < seg.end <= len(text)
        span = text[seg.start : seg.end]
        for line in seg.text.splitlines():
            assert line in span
        assert seg.num in span
        if seg.heading:
            assert seg.heading in span
        assert seg.parent_eid is None or seg.parent_eid in known
        known.add(seg.eid)


def test_duplicate_numbers_get_distinct_eids():
    segs = segment("Article 5\nFirst text.\nArticle 5\nSecond text.", "en")
    assert [s.eid for s in segs] == ["art_5", "art_5-2"]


def test_text_without_numbering_falls_back_to_paragraphs():
    text = "The Office accepts filings online.\n\nSignatures may be electronic\nin all cases.\n"
    segs = segment(text, "en")
    assert [s.eid for s in segs] == ["para_1", "para_2"]
    assert segs[1].text == "Signatures may be electronic\nin all cases."
    assert all(s.kind == "paragraph" and s.parent_eid is None for s in segs)
    lines = segment("一、关于问题一。\n二、关于问题二。", "zh")
    assert [s.text for s in lines] == ["一、关于问题一。", "二、关于问题二。"]


def test_empty_and_blank_text():
    assert segment("") == []
    assert segment(" \n\t\n") == []


def test_segments_to_tree_nests_children():
    tree = segments_to_tree(segment(ACT_EN, "en"))
    part = next(node for node in tree if node["eid"] == "part_2")
    section = part["children"][0]
    assert section["eid"] == "sec_12"
    assert [c["eid"] for c in section["children"]] == ["sec_12__para_1", "sec_12__para_2"]
    assert len(section["children"][1]["children"]) == 3


def test_large_law_segments_completely():
    # ~125,000 words; the timing itself is measured in bench/, not asserted here.
    body = "\n".join(
        f"Section {n} Heading {n}\n(1) The applicant shall file the request on paper or "
        f"electronically, as provided in Section {n + 1}.\n(2) The Office may require—\n"
        "(a) a translation;\n(b) a fee."
        for n in range(1, 4001)
    )
    segs = segment(body, "en")
    assert len(segs) == 4000 * 5
    assert segs[-1].eid == "sec_4000__para_2__subpara_b"
