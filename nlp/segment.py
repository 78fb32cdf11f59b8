"""Provision segmenter shared by the law import and the draft checker.

:func:`segment` splits a legal text into a flat, document-ordered list of
:class:`Segment` objects; :func:`segments_to_tree` nests them for JSON export.

Provisions start only at the beginning of a line, so cross references in running text
("as provided in Article 5", "依照本法第五条") never split a provision; a line that starts
with a reference ("Section 12 of the principal Act is amended by …", "第五条规定的…")
is recognised by the words that follow the number and stays ordinary text.

Kinds and eids (Akoma Ntoso style; numbers in eids are Arabic, letters lower case):

=============================================  ============  ==========================
Marker                                         kind          eid
=============================================  ============  ==========================
Part II, PART 2, 第一编                        part          ``part_2``
Schedule, FIRST SCHEDULE, Schedule 2           part          ``sched_1``
Chapter III, 第三章                            chapter       ``chp_3``
第一节 (restarts in each chapter)              section       ``chp_3__sec_1``
Article 12, ARTICLE 12, Art. 12, 第十二条      article       ``art_12``
Section 5, Sec. 5, 5. Heading, 12.—(1)         section       ``sec_5``
Rule 3 / Regulation 4                          rule          ``rule_3`` / ``reg_4``
(1), 1. inside an article, 第一款, implicit 款  paragraph     ``art_12__para_1``
(a), (b) … (h), (i), (j) …                     subparagraph  ``…__subpara_a``
(i), (ii), 第（一）项 （一）/(一)              item          ``…__item_ii``, ``…__item_1``
1. / １． under a Chinese item, (A)            item          ``…__point_1``, ``…__point_a``
text before the first provision                paragraph     ``preface``
=============================================  ============  ==========================

This follows the PLT's own terminology (Art. 8(4)(b)(i): paragraph, subparagraph, item),
so English "12.—(1)(a)(i)" becomes ``sec_12__para_1__subpara_a__item_i``. Articles,
sections and rules are numbered through a whole law, so their eids are not prefixed by
their part or chapter (unless they sit in a schedule, whose numbering restarts);
containers are prefixed by their container parent (``part_1__chp_2`` in codes whose
chapters restart in each part); everything below an article is prefixed by its parent.
A repeated eid (a draft with two "Article 5") gets a ``-2``, ``-3`` … suffix.

In Chinese law each paragraph (款) of an article is usually unnumbered: a new line after a
sentence that ended with "。" starts a new 款. An article with a single 款 keeps its text
itself (items hang from the article: ``art_5__item_1``); an article with two or more gets
``para_1``, ``para_2`` ….

Text without any recognisable numbering becomes one ``paragraph`` segment per non-empty
paragraph (``para_1``, ``para_2`` …), so the checker can still work clause by clause.

``Segment.text`` is the provision's own text without its children; ``start``/``end`` are
offsets into the input covering the provision with its heading and its children.
The segmenter runs in linear time: every regular expression is anchored at a line start
and bounded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from nlp.lang import detect_lang

# Nesting ranks: a new provision closes every open provision of equal or deeper rank.
_RANK_PART, _RANK_CHAPTER, _RANK_ZH_SECTION, _RANK_TOP = 0, 1, 2, 3
_RANK_PARA, _RANK_SUBPARA, _RANK_ITEM, _RANK_POINT = 4, 5, 6, 7
_RANK_PREFACE = 99

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_NUM = "零〇一二三四五六七八九十百千两0-9０-９"
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_ORDINALS = {"FIRST": 1, "SECOND": 2, "THIRD": 3, "FOURTH": 4, "FIFTH": 5, "SIXTH": 6,
             "SEVENTH": 7, "EIGHTH": 8, "NINTH": 9, "TENTH": 10}

# English headings: the keyword, then a number (Arabic with an optional suffix, or Roman).
_EN_HEADING = re.compile(
    r"(?P<word>Part|PART|Chapter|CHAPTER|Article|ARTICLE|Art\.|ART\.|Section|SECTION|Sec\.|"
    r"SEC\.|Rule|RULE|Regulation|REGULATION|Reg\.)\s{1,5}"
    r"(?P<num>\d{1,4}[A-Za-z]{0,3}|[IVXLC]{1,7}|[ivxlc]{1,7})(?![\w(])"
)
_EN_SCHEDULE = re.compile(
    r"(?:(?P<ord>FIRST|SECOND|THIRD|FOURTH|FIFTH|SIXTH|SEVENTH|EIGHTH|NINTH|TENTH|First|"
    r"Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)\s{1,5})?"
    r"(?:SCHEDULE|Schedule|ANNEX|Annex)(?:\s{1,5}(?P<num>\d{1,3}|[IVX]{1,6}))?(?![\w(])"
)
_BARE_NUMBER = re.compile(r"(?P<num>\d{1,3}[A-Z]?)\s?[.．](?=\s|—|–|-|$)")
_ZH_POINT = re.compile(r"(?P<num>[0-9０-９]{1,3})\s?[.．、](?![0-9０-９])")
_PAREN = re.compile(r"\((?P<tok>\d{1,3}[A-Za-z]?|[A-Za-z]{1,6})\)")
_ZH_ITEM = re.compile(r"[（(](?P<num>[零〇一二三四五六七八九十百两]{1,6})[）)]")
_ZH_HEADING = re.compile(rf"第\s?(?P<num>[{_CN_NUM}]{{1,8}})\s?(?P<unit>[编章节条款])")
_ZH_BRACKET = re.compile(r"\s*[【［\[（(](?P<head>[^】］\]）)]{1,30})[】］\]）)]")

_EN_WORD_KIND = {
    "part": ("part", "part", _RANK_PART),
    "chapter": ("chapter", "chp", _RANK_CHAPTER),
    "article": ("article", "art", _RANK_TOP),
    "art.": ("article", "art", _RANK_TOP),
    "section": ("section", "sec", _RANK_TOP),
    "sec.": ("section", "sec", _RANK_TOP),
    "rule": ("rule", "rule", _RANK_TOP),
    "regulation": ("rule", "reg", _RANK_TOP),
    "reg.": ("rule", "reg", _RANK_TOP),
}
_ZH_UNIT_KIND = {
    "编": ("part", "part", _RANK_PART),
    "章": ("chapter", "chp", _RANK_CHAPTER),
    "节": ("section", "sec", _RANK_ZH_SECTION),
    "条": ("article", "art", _RANK_TOP),
    "款": ("paragraph", "para", _RANK_PARA),
}
# After "第五条", these characters mean the line cites the article rather than starting it.
_ZH_REFERENCE_FOLLOWERS = set("第规的所、和或至中之修增删款项，,及与起以")
# After "Section 12", a lower-case word means a sentence about it ("… of the Act is amended").
_EN_SENTENCE_WORDS = re.compile(
    r"\b(shall|must|may|is|are|was|were|be|been|has|have|will|applies|apply|means)\b"
)
_TERMINAL = tuple(".;:,。；：，！？!?")
_MAX_HEADING_CHARS = 100
_MAX_HEADING_WORDS = 12
_DASHES = "—–"


@dataclass
class Segment:
    """One provision: see the module docstring for kinds and the eid scheme."""

    eid: str
    parent_eid: str | None
    kind: str
    num: str
    heading: str
    text: str
    depth: int
    start: int
    end: int


