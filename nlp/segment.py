"""Provision segmenter shared by the law import and the draft checker.

:func:`segment` splits a legal text into a flat, document-ordered list of
:class:`Segment` objects; :func:`segments_to_tree` nests them for JSON export.

Provisions start only at the beginning of a line, so cross references in running text
("as provided in Article 5", "依照本法第五条") never split a provision; a line that starts
with a reference ("Section 12 of the principal Act is amended by …", "第五条规定的…")
is recognised by the words that follow the number and stays ordinary text.

Kinds and eids (Akoma Ntoso style; numbers in eids are Arabic, letters lower case),
as ``marker → kind: eid``:

- Part II, PART 2, 第一编 → part: ``part_2``
- SCHEDULE, FIRST SCHEDULE, Schedule 2 → part: ``sched``, ``sched_1``, ``sched_2``
- Chapter III, 第三章 → chapter: ``chp_3``
- 第一节 (numbering restarts in each chapter) → section: ``chp_3__sec_1``
- Article 12, ARTICLE 12, Art. 12, 第十二条 → article: ``art_12``
- Section 5, Sec. 5, "5. Heading", "12.—(1)" → section: ``sec_5``
- Rule 3, Regulation 4 → rule: ``rule_3``, ``reg_4``
- (1); "1." inside an article; 第一款; an implicit 款 → paragraph: ``art_12__para_1``
- (a), (b) … (h), (i), (j) … → subparagraph: ``…__subpara_a``
- (i), (ii) …; Chinese （一）, (一) → item: ``…__item_ii``, ``…__item_1``
- Chinese 1., １．, (1); English (A) → item: ``…__point_1``, ``…__point_a``
- text before the first provision → paragraph: ``preface``

A "(i)" is the letter i when it follows "(h)" in an open list of letters, and the Roman
numeral otherwise (likewise "(v)", "(x)" …); "(ii)" and longer numerals are Roman.

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
``para_1``, ``para_2`` … (with an empty ``num``, as the law prints none).

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

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_NUM = "零〇一二三四五六七八九十百千两0-9０-９"
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_ROMAN_STEPS = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)
_ORDINALS = {
    "FIRST": 1,
    "SECOND": 2,
    "THIRD": 3,
    "FOURTH": 4,
    "FIFTH": 5,
    "SIXTH": 6,
    "SEVENTH": 7,
    "EIGHTH": 8,
    "NINTH": 9,
    "TENTH": 10,
}

# English headings: the keyword, then a number (Arabic with an optional suffix, or Roman).
_EN_HEADING = re.compile(
    r"(?P<word>Part|PART|Chapter|CHAPTER|Article|ARTICLE|Art\.|ART\.|Section|SECTION|Sec\.|"
    r"SEC\.|Rule|RULE|Regulation|REGULATION|Reg\.)\s{1,5}"
    r"(?P<num>\d{1,4}[A-Za-z]{0,3}|[IVXLC]{1,7})(?![\w(])"
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
_REFERENCE_VERBS = {"shall", "may", "must", "is", "are", "and", "or", "to", "applies", "apply"}
_TERMINAL = tuple(".;:,。；：，！？!?")
_MAX_HEADING_CHARS = 100
_MAX_HEADING_WORDS = 12
_DASHES = "—–"
_LOOKBEHIND_CHARS = 200
# "12.—(1)(a)(i)(A)" is as deep as statutes chain numbers on one line.
_MAX_CHAINED_MARKERS = 4


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


@dataclass
class _Node:
    kind: str
    prefix: str
    rank: int
    key: str
    num: str
    start: int
    marker_end: int
    heading: str = ""
    heading_end: int = 0
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)
    # (start, end) spans of the provision's own text lines in the input.
    pieces: list[tuple[int, int]] = field(default_factory=list)
    in_schedule: bool = False


def segment(text: str, lang: str | None = None) -> list[Segment]:
    """Split ``text`` into provisions in document order (see the module docstring).

    ``lang`` is ``"en"`` or ``"zh"``; it is detected when omitted. Never raises on any
    string input; an empty or blank text gives an empty list.
    """
    lang = lang or detect_lang(text)
    parser = _Parser(text, lang)
    roots = parser.run()
    if not parser.found_marker:
        return _paragraph_segments(text)
    segments: list[Segment] = []
    used: dict[str, int] = {}
    for root in roots:
        _flatten(root, text, None, 0, used, segments)
    return segments


def segments_to_tree(segments: list[Segment]) -> list[dict[str, Any]]:
    """Nest a flat segment list into dicts with a ``children`` list, for JSON export."""
    nodes: dict[str, dict[str, Any]] = {}
    roots: list[dict[str, Any]] = []
    for seg in segments:
        node = {
            "eid": seg.eid,
            "kind": seg.kind,
            "num": seg.num,
            "heading": seg.heading,
            "text": seg.text,
            "start": seg.start,
            "end": seg.end,
            "children": [],
        }
        nodes[seg.eid] = node
        parent = nodes.get(seg.parent_eid) if seg.parent_eid else None
        (parent["children"] if parent else roots).append(node)
    return roots


def chinese_number(text: str) -> int | None:
    """Convert a Chinese (十二, 一百零五, 二百三十), Arabic or full-width numeral to int."""
    text = text.translate(_FULLWIDTH_DIGITS)
    if text.isascii() and text.isdigit():
        return int(text)
    total = digit = 0
    for char in text:
        if char in _CN_DIGITS:
            digit = _CN_DIGITS[char]
        elif char in _CN_UNITS:
            total += (digit or 1) * _CN_UNITS[char]
            digit = 0
        else:
            return None
    return total + digit


def roman_number(text: str) -> int | None:
    """Convert a Roman numeral (any case) to int, or None if it is not a canonical one."""
    values = [_ROMAN.get(char) for char in text.lower()]
    if not values or None in values:
        return None
    total = 0
    for index, value in enumerate(values):
        following = values[index + 1] if index + 1 < len(values) else 0
        total += -value if value < following else value
    if total <= 0 or _to_roman(total) != text.lower():
        return None
    return total


def _to_roman(value: int) -> str:
    out = []
    for number, letters in _ROMAN_STEPS:
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)


def _next_letter(key: str) -> str:
    """The letter that follows ``key`` in a list: h → i, z → aa, aa → bb."""
    if key == "z":
        return "aa"
    if len(key) == 2 and key[0] == key[1] and key < "zz":
        return chr(ord(key[0]) + 1) * 2
    return chr(ord(key[-1]) + 1) if len(key) == 1 else ""


def _number_key(num: str) -> str:
    """eid key for an English heading number: digits kept, Roman numerals converted."""
    if num[0].isdigit():
        return num.lower()
    value = roman_number(num)
    return str(value) if value else num.lower()


def _looks_like_heading(text: str) -> bool:
    """A short title without a verb and without sentence punctuation at its end."""
    if not text or len(text) > _MAX_HEADING_CHARS or text.endswith(_TERMINAL[1:]):
        return False
    if ":" in text or len(text.split()) > _MAX_HEADING_WORDS:
        return False
    if _EN_SENTENCE_WORDS.search(text):
        return False
    first = text[0]
    return first.isupper() or first.isdigit() or not first.isascii()


def _starts_sentence_about_reference(rest: str) -> bool:
    """True for "of the principal Act …", ", as amended", "is repealed" after a number."""
    rest = rest.lstrip()
    return bool(rest) and (rest[0].islower() or rest[0] in ",;)")


def _continues_reference(token: str, line: str, end: int) -> bool:
    """True for a wrapped line such as "(2) shall apply" or "(2) of section 5", which goes
    on with a sentence about "subsection (2)" rather than starting a paragraph."""
    after = line[end : end + 12].lstrip()
    if after.startswith(("of ", ",", ")")):
        return True
    # A lettered item may start with a verb ("(a) is a national of …"); a paragraph cannot.
    return token[0].isdigit() and after.split(" ", 1)[0] in _REFERENCE_VERBS


class _Parser:
    """Reads the text line by line, keeping a stack of open provisions."""

    def __init__(self, text: str, lang: str):
        self.text = text
        self.lang = lang
        self.roots: list[_Node] = []
        self.stack: list[_Node] = []
        self.found_marker = False
        # Whether the last line ended a sentence: then a new Chinese line is a new 款.
        self.sentence_closed = True
        # The node that received the previous line as text, for headings printed above.
        self.last_text_node: _Node | None = None
        # The same, as it was before the current line started.
        self.text_node_above: _Node | None = None

    def run(self) -> list[_Node]:
        lines = _lines(self.text)
        for index, (start, end) in enumerate(lines):
            following = lines[index + 1][0] if index + 1 < len(lines) else None
            self._line(start, end, following)
        return self.roots

    # -- one line ------------------------------------------------------------------------
    def _line(self, start: int, end: int, following: int | None) -> None:
        line = self.text[start:end]
        stripped = line.lstrip()
        pos = start + len(line) - len(stripped)
        self.text_node_above = self.last_text_node
        consumed = self._top_marker(stripped, pos)
        consumed = self._paren_markers(stripped, consumed, pos)
        if consumed:
            self.found_marker = True
            rest = pos + consumed
            while rest < end and self.text[rest].isspace():
                rest += 1
            self.last_text_node = None
            if rest < end:
                self._text(rest, end, following, own_line=False)
            return
        self._text(pos, end, following, own_line=True)

    def _text(self, start: int, end: int, following: int | None, own_line: bool) -> None:
        text = self.text[start:end]
        if not self.stack:
            preface = _Node("paragraph", "preface", _RANK_PREFACE, "", "", start, start)
            self.roots.append(preface)
            self.stack.append(preface)
        node = self.stack[-1]
        if own_line and self._is_heading_line(node, text, following):
            node.heading = text.rstrip(".")
            node.heading_end = end
            self.last_text_node = None
            return
        if self.lang == "zh" and own_line:
            node = self._zh_paragraph(node, start)
        node.pieces.append((start, end))
        self.last_text_node = node if own_line else None
        self.sentence_closed = text.endswith(("。", "！", "？"))

    def _is_heading_line(self, node: _Node, text: str, following: int | None) -> bool:
        """A title-like first line under a part, chapter or (English) article."""
        if node.heading or node.pieces or node.children or node.rank > _RANK_TOP:
            return False
        if node.rank == _RANK_TOP and self.lang == "zh":
            return False
        if not _looks_like_heading(text):
            return False
        if following is None:
            return node.rank < _RANK_TOP
        # A sentence wrapped over two lines continues in lower case.
        return not self.text[following].islower()

    def _zh_paragraph(self, node: _Node, start: int) -> _Node:
        """Open an implicit 款 when a line follows a finished sentence inside an article."""
        article = next((n for n in reversed(self.stack) if n.rank == _RANK_TOP), None)
        if article is None or not self.sentence_closed:
            return node
        if not article.pieces and not article.children:
            return article
        paragraphs = [c for c in article.children if c.kind == "paragraph"]
        if not paragraphs and article.pieces:
            # The article's first line was its first 款: move it into a node of its own.
            first = _Node(
                "paragraph",
                "para",
                _RANK_PARA,
                "1",
                "",
                article.pieces[0][0],
                article.pieces[0][0],
                parent=article,
                pieces=article.pieces,
                children=article.children,
            )
            for child in first.children:
                child.parent = first
            article.pieces, article.children = [], [first]
            paragraphs = [first]
        while self.stack[-1] is not article:
            self.stack.pop()
        para = _Node("paragraph", "para", _RANK_PARA, str(len(paragraphs) + 1), "", start, start)
        self._attach(para)
        return para

    # -- markers -------------------------------------------------------------------------
    def _top_marker(self, line: str, pos: int) -> int:
        """Open a part/chapter/article/section/rule/item marker at the line start.

        Returns how many characters of ``line`` the marker (and its heading) used, 0 if none.
        """
        match = _ZH_HEADING.match(line)
        if match:
            return self._zh_heading(line, pos, match)
        match = _ZH_ITEM.match(line)
        if match:
            value = chinese_number(match.group("num"))
            if value is None:
                return 0
            self._open(
                "item", "item", _RANK_ITEM, str(value), match.group(0), pos, pos + match.end()
            )
            return match.end()
        if self.lang == "zh":
            match = _ZH_POINT.match(line)
            if not match:
                return 0
            key = match.group("num").translate(_FULLWIDTH_DIGITS)
            self._open(
                "item", "point", _RANK_POINT, str(int(key)), match.group(0), pos, pos + match.end()
            )
            return match.end()
        return self._en_top_marker(line, pos)

    def _zh_heading(self, line: str, pos: int, match: re.Match[str]) -> int:
        value = chinese_number(match.group("num"))
        following = line[match.end() : match.end() + 1]
        if value is None or following in _ZH_REFERENCE_FOLLOWERS:
            return 0
        kind, prefix, rank = _ZH_UNIT_KIND[match.group("unit")]
        end = match.end()
        heading = ""
        bracket = _ZH_BRACKET.match(line, end)
        if bracket and chinese_number(bracket.group("head")) is None:
            heading, end = bracket.group("head").strip(), bracket.end()
        elif rank < _RANK_TOP and line[end:].strip():
            heading, end = line[end:].strip(), len(line)
        self._open(
            kind,
            prefix,
            rank,
            str(value),
            match.group(0),
            pos,
            pos + match.end(),
            heading,
            pos + end,
        )
        return end

    def _en_top_marker(self, line: str, pos: int) -> int:
        match = _EN_SCHEDULE.match(line)
        if match and not _starts_sentence_about_reference(line[match.end() :]):
            number = match.group("num")
            key = str(_ORDINALS.get((match.group("ord") or "").upper(), "")) or (
                _number_key(number) if number else ""
            )
            self._open(
                "part", "sched", _RANK_PART, key, match.group(0).strip(), pos, pos + match.end()
            )
            return self._after_heading_number(line, match.end(), pos, container=True)
        match = _EN_HEADING.match(line)
        if match and not _starts_sentence_about_reference(line[match.end() :]):
            kind, prefix, rank = _EN_WORD_KIND[match.group("word").lower()]
            self._open(
                kind,
                prefix,
                rank,
                _number_key(match.group("num")),
                match.group(0),
                pos,
                pos + match.end(),
            )
            return self._after_heading_number(line, match.end(), pos, rank < _RANK_TOP)
        match = _BARE_NUMBER.match(line)
        if not match or _starts_sentence_about_reference(line[match.end() :]):
            return 0
        after = line[match.end() :].lstrip()
        if after and not (after[0].isupper() or after[0] in "(—–-\"“'‘"):
            return 0
        key = match.group("num").lower()
        open_top = next((n for n in reversed(self.stack) if n.rank == _RANK_TOP), None)
        section_style = _dash_before_paren(line[match.end() :]) >= 0
        if not section_style and open_top is not None and open_top.kind in ("article", "rule"):
            # "1." inside an article is a numbered paragraph (European style).
            self._open("paragraph", "para", _RANK_PARA, key, match.group(0), pos, pos + match.end())
            return match.end()
        self._open("section", "sec", _RANK_TOP, key, match.group(0), pos, pos + match.end())
        return self._after_heading_number(line, match.end(), pos, container=False)

    def _after_heading_number(self, line: str, index: int, pos: int, container: bool) -> int:
        """Consume the heading after "Article 12", or else take the title printed above it.

        Returns the index where the next marker or the provision's text starts.
        """
        consumed = self._heading_on_line(line, index, pos, container)
        node = self.stack[-1]
        if node.rank == _RANK_TOP and not node.heading and self.text_node_above is not None:
            self._heading_from_line_above(node, self.text_node_above)
        return consumed

    def _heading_on_line(self, line: str, index: int, pos: int, container: bool) -> int:
        """Consume "Electronic filing", "— Title" or "Title.—(1)" after a number."""
        node = self.stack[-1]
        rest = line[index:]
        offset = _dash_before_paren(rest)
        if offset >= 0:
            title = rest[:offset].strip(" .:-\t")
            if title:
                node.heading, node.heading_end = title, pos + index + offset
            return index + offset + 1
        body = rest.lstrip(" .:—–-\t")
        start = index + len(rest) - len(body)
        if not body or body.startswith("("):
            return start
        if container or _looks_like_heading(body):
            node.heading, node.heading_end = body.rstrip(". "), pos + len(line)
            return len(line)
        return start

    def _paren_markers(self, line: str, index: int, pos: int) -> int:
        """Open "(1)", "(a)", "(i)", "(A)" markers in sequence from ``index``."""
        for _ in range(_MAX_CHAINED_MARKERS):
            start = index
            while start < len(line) and line[start] == " " and start - index < 2:
                start += 1
            match = _PAREN.match(line, start)
            if not match or _continues_reference(match.group("tok"), line, match.end()):
                return index
            level = self._paren_level(match.group("tok"))
            if level is None:
                return index
            kind, prefix, rank, key = level
            self._open(kind, prefix, rank, key, match.group(0), pos + start, pos + match.end())
            index = match.end()
        return index

    def _paren_level(self, token: str) -> tuple[str, str, int, str] | None:
        if token[0].isdigit():
            if self.lang == "zh":
                return "item", "point", _RANK_POINT, token.lower()
            return "paragraph", "para", _RANK_PARA, token.lower()
        if token.isupper():
            return ("item", "point", _RANK_POINT, token.lower()) if len(token) < 3 else None
        if not token.islower():
            return None
        roman = roman_number(token)
        letter = len(token) == 1 or (len(token) == 2 and token[0] == token[1])
        if roman and letter:
            roman = self._prefers_roman(token, roman)
        if roman:
            return "item", "item", _RANK_ITEM, token
        if letter:
            return "subparagraph", "subpara", _RANK_SUBPARA, token
        return None

    def _prefers_roman(self, token: str, value: int) -> int | None:
        """Decide whether an ambiguous "(i)", "(v)", "(x)" … is Roman, from open lists."""
        open_item = next((n for n in reversed(self.stack) if n.prefix == "item"), None)
        if open_item is not None and roman_number(open_item.key) == value - 1:
            return value
        open_sub = next((n for n in reversed(self.stack) if n.prefix == "subpara"), None)
        if open_sub is not None and _next_letter(open_sub.key) == token:
            return None
        return value if open_sub is not None or token == "i" or len(token) > 1 else None

    # -- the tree ------------------------------------------------------------------------
    def _open(
        self,
        kind: str,
        prefix: str,
        rank: int,
        key: str,
        num: str,
        start: int,
        marker_end: int,
        heading: str = "",
        heading_end: int = 0,
    ) -> None:
        while self.stack and self.stack[-1].rank >= rank:
            self.stack.pop()
        node = _Node(kind, prefix, rank, key, num, start, marker_end, heading, heading_end)
        self._attach(node)
        self.sentence_closed = True
        self.last_text_node = None

    def _attach(self, node: _Node) -> None:
        parent = self.stack[-1] if self.stack else None
        node.parent = parent
        if parent is None:
            self.roots.append(node)
        else:
            parent.children.append(node)
            node.in_schedule = parent.in_schedule or parent.prefix == "sched"
        self.stack.append(node)

    def _heading_from_line_above(self, node: _Node, above: _Node) -> None:
        """Take a title printed alone on the line above "Article 12" as its heading.

        Text before the first provision is left alone: it is the law's own title.
        """
        if not above.pieces or above.rank == _RANK_PREFACE:
            return
        start, end = above.pieces[-1]
        candidate = self.text[start:end]
        if not _looks_like_heading(candidate) or self.text[end : node.start].count("\n") != 1:
            return
        # The title stands on its own: first under its node's number or heading, or after a
        # blank line, a finished sentence, or nothing.
        before = self.text[max(0, start - _LOOKBEHIND_CHARS) : start].rstrip(" \t")
        stands_alone = (
            len(above.pieces) == 1
            or not before
            or before.endswith("\n\n")
            or before.rstrip().endswith(_TERMINAL)
        )
        if not stands_alone:
            return
        above.pieces.pop()
        node.heading, node.start, node.heading_end = candidate.rstrip("."), start, end


def _dash_before_paren(rest: str) -> int:
    """Offset of the dash in "Title.—(1)" or "—(1)" near the start of ``rest``, else -1."""
    window = rest[: _MAX_HEADING_CHARS + 20]
    found = -1
    for dash in _DASHES:
        offset = window.find(dash)
        while offset >= 0:
            if window[offset + 1 : offset + 4].lstrip().startswith("("):
                found = offset if found < 0 else min(found, offset)
                break
            offset = window.find(dash, offset + 1)
    return found


def _flatten(
    node: _Node,
    text: str,
    parent_eid: str | None,
    depth: int,
    used: dict[str, int],
    out: list[Segment],
) -> int:
    """Append ``node`` and its descendants to ``out``; return the node's end offset."""
    eid = f"{node.prefix}_{node.key}" if node.key else node.prefix
    if node.rank == _RANK_TOP:
        schedule = _schedule_ancestor_eid(node, parent_eid)
        eid = f"{schedule}__{eid}" if schedule else eid
    elif parent_eid and node.rank != _RANK_PREFACE:
        eid = f"{parent_eid}__{eid}"
    # Keys are alphanumeric, so a "-2" suffix cannot collide with another provision's eid.
    copy = used.get(eid, 0) + 1
    used[eid] = copy
    unique = eid if copy == 1 else f"{eid}-{copy}"
    segment = Segment(
        eid=unique,
        parent_eid=parent_eid,
        kind=node.kind,
        num=node.num,
        heading=node.heading,
        text="\n".join(text[s:e].strip() for s, e in node.pieces),
        depth=depth,
        start=node.start,
        end=0,
    )
    out.append(segment)
    end = max([node.marker_end, node.heading_end, *(e for _, e in node.pieces)])
    for child in node.children:
        end = max(end, _flatten(child, text, unique, depth + 1, used, out))
    segment.end = end
    return end


def _schedule_ancestor_eid(node: _Node, parent_eid: str | None) -> str | None:
    """Eid of the schedule containing ``node``, whose numbering restarts, else None."""
    if not node.in_schedule or not parent_eid:
        return None
    parts = parent_eid.split("__")
    for index in range(len(parts), 0, -1):
        if parts[index - 1].split("-")[0].startswith("sched"):
            return "__".join(parts[:index])
    return None


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, trailing whitespace excluded."""
    spans = []
    start = 0
    for line in text.split("\n"):
        stripped = line.rstrip()
        if stripped.strip():
            spans.append((start, start + len(stripped)))
        start += len(line) + 1
    return spans


def _paragraph_segments(text: str) -> list[Segment]:
    """One ``paragraph`` segment per block (or per line when no blank line separates them)."""
    lines = _lines(text)
    blocks: list[tuple[int, int]] = []
    has_blank_lines = any(not line.strip() for line in text.strip().split("\n"))
    for start, end in lines:
        gap = text[blocks[-1][1] : start] if blocks else ""
        if blocks and has_blank_lines and gap.count("\n") < 2:
            blocks[-1] = (blocks[-1][0], end)
        else:
            blocks.append((start, end))
    return [
        Segment(
            eid=f"para_{index}",
            parent_eid=None,
            kind="paragraph",
            num="",
            heading="",
            text=text[start:end].strip(),
            depth=0,
            start=start,
            end=end,
        )
        for index, (start, end) in enumerate(blocks, 1)
    ]
