"""Split an e-mailed consultation submission into answers per issue and per question.

Used by ``manage.py import_submission``. The caller passes the submission as plain text
(already read from TXT, DOCX or PDF) and the issues of the consultation in the fixture shape::

    [{"number": 1, "title": "...", "background": "...",
      "questions": [{"number": "i", "text": "..."}, ...]}, ...]

and gets back a list of ``{"issue": N | None, "question": "i" | None, "text": "..."}``:
``question`` None is a comment on the issue as a whole, ``issue`` None a general comment.

How the text is read, line by line:

* **Issue headings**: ``Issue 7 - Infringement and Exceptions``, ``Re: Issue 3 (Inventive step)``,
  ``议题 7：侵权和例外``, ``议题七``, or a short line that is (almost) exactly an issue title.
* **Question markers**: ``(ii)``, ``（ii）``, ``Q(ii):``, ``Question 3(ii).``, ``10(vi):``,
  ``问题（ii）``, ``问题 3（ii）``; a question of another issue also moves to that issue.
* **Paraphrased questions**: a line ending in a question mark (or a colon) that reads like one of
  the paper's questions (rapidfuzz) counts as that question's marker.
* **Answer markers**: ``意见观点：``, ``Answer:``, ``Response:``, ``Our view:``. When a submission
  uses them (it reproduces the paper and answers after each question, like the Chinese sample in
  the seeds), the reproduced questions and background paragraphs are left out: they are the
  paper's words, not the commenter's. Copied text is recognised by the question markers, the
  paper's numbered paragraphs and fuzzy matching against the issues; other text is kept.
* **General comment headings**: ``General comments``, ``Concluding remarks``, ``总体意见``,
  ``其他意见``…, and closing formulas (``Yours sincerely``, ``此致``) send what follows to the
  general comment, as does any text before the first heading.

Answers for the same issue and question are joined, in order of first appearance. Line breaks that
only wrap a sentence (PDF and e-mail artefacts) are removed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from nlp.lang import detect_lang

_CHINESE_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

# A paraphrase must read at least this much like a question (0-100, rapidfuzz scale), and beat
# the runner-up by a margin, before a line is taken as that question's marker.
PARAPHRASE_MIN_SCORE = 72
PARAPHRASE_MARGIN = 4
# A bare line is taken as an issue heading when it matches an issue title this closely.
TITLE_HEADING_MIN_SCORE = 92
# A line this similar to the paper's own text, inside an answer-marked submission, is the paper
# reproduced (it ends the current answer).
REPRODUCED_MIN_SCORE = 90
REPRODUCED_MIN_CHARS = 14
_HEADING_MAX_CHARS = 120
_SHORT_HEADING_MAX_CHARS = 12
# A line shorter than this is taken to end where its author ended it, not where a wrap cut it.
_SHORTEST_WRAPPED_CJK = 16
_SHORTEST_WRAPPED_LATIN = 40

_ROMAN = r"(?P<q>x{0,2}(?:ix|iv|v?i{0,3}))"
_OPEN = r"[(（]\s*"
_CLOSE = r"\s*[)）]"

_ISSUE_HEADING = re.compile(
    r"^(?:(?:re|subject|fw|fwd)\s*[:：]\s*)*"
    r"(?:(?:issue|topic)\s*(?:no\.?\s*)?(?P<n>\d{1,2})"
    r"|议题\s*(?P<zn>\d{1,2}|[一二三四五六七八九十]{1,3})"
    r"|第\s*(?P<ordinal>\d{1,2}|[一二三四五六七八九十]{1,3})\s*个?议题)"
    r"(?![\d(（])(?P<rest>.*)$",
    re.IGNORECASE,
)
_QUESTION_WITH_ISSUE = re.compile(
    r"^(?:(?:question|issue|q)\s*\.?\s*|问题\s*|议题\s*)?(?P<n>\d{1,2})\s*"
    + _OPEN
    + _ROMAN
    + _CLOSE
    + r"(?P<rest>.*)$",
    re.IGNORECASE,
)
_QUESTION_ALONE = re.compile(
    r"^(?:(?:question|q)\s*\.?\s*|问题\s*)?" + _OPEN + _ROMAN + _CLOSE + r"(?P<rest>.*)$",
    re.IGNORECASE,
)
_ANSWER_MARKER = re.compile(
    r"^(?:意见观点|意见|观点|回答|答复|answer|response|reply|our view|comment)"
    r"\s*[:：]\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_ANSWER_MARKER_STRICT = re.compile(
    r"^(?:意见观点|answer|response|our view)\s*[:：]", re.IGNORECASE | re.MULTILINE
)
_GENERAL_HEADING = re.compile(
    r"^(?:general comments?|general remarks|overall comments?|other comments|other issues|"
    r"concluding remarks|closing remarks|final remarks|conclusions?|"
    r"总体意见|一般性意见|一般意见|其他意见|其它意见|结束语|结语|总结)\s*[:：.。]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_CLOSING_FORMULA = re.compile(
    r"^(?:yours (?:sincerely|faithfully|truly)|sincerely|kind regards|best regards|regards|"
    r"respectfully)\b|^(?:此致|敬礼|顺颂)",
    re.IGNORECASE,
)
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
# An e-mail signature delimiter or a rule line: what follows is not an answer to a question.
_SEPARATOR = re.compile(r"^(?:-{2,}|_{3,}|\*{3,}|={3,}|—{2,})\s*$")
_PUNCT_EDGES = " \t-–—:：.。,，;；()（）[]【】\"'“”‘’"
_SENTENCE_END = re.compile(r"[.。!！?？;；:：…]$")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass
class _Segment:
    issue: int | None
    question: str | None
    lines: list[str] = field(default_factory=list)


@dataclass
class _Paper:
    """What the splitter knows about the consultation's issues, normalised for matching."""

    titles: dict[int, str]
    questions: dict[int, dict[str, str]]
    corpus: str

    @classmethod
    def from_issues(cls, issues: Iterable[dict]) -> _Paper:
        titles: dict[int, str] = {}
        questions: dict[int, dict[str, str]] = {}
        corpus_parts: list[str] = []
        for issue in issues:
            number = int(issue["number"])
            titles[number] = _normalise(issue.get("title") or "")
            questions[number] = {
                str(q["number"]).lower(): _normalise(q.get("text") or "")
                for q in issue.get("questions") or []
            }
            corpus_parts.append(_normalise(issue.get("background") or ""))
            corpus_parts.extend(questions[number].values())
        return cls(titles, questions, " ".join(part for part in corpus_parts if part))

    def has_question(self, issue: int | None, question: str) -> bool:
        return issue is not None and question in self.questions.get(issue, {})


def split_submission(text: str, issues: list[dict], lang: str | None = None) -> list[dict]:
    """Split ``text`` into answers per issue and question; see the module docstring.

    ``lang`` ("en" or "zh"/"zh-hans") only tunes fuzzy matching; it is detected when omitted.
    Empty or unreadable-looking text yields ``[]``; text that matches nothing yields one
    general comment.
    """
    if not text or not text.strip():
        return []
    paper = _Paper.from_issues(issues)
    language = (lang or detect_lang(text)).lower()
    chinese = language.startswith("zh")
    lines = _clean_lines(text)
    answer_mode = bool(_ANSWER_MARKER_STRICT.search("\n".join(lines)))
    segments = _read(lines, paper, answer_mode, chinese)
    return _merge(segments)


def _read(lines: list[str], paper: _Paper, answer_mode: bool, chinese: bool) -> list[_Segment]:
    segments: list[_Segment] = []
    issue: int | None = None
    question: str | None = None
    # In answer mode, outside an open answer, text that copies the paper is set aside in
    # ``pending`` (it identifies an unnumbered reproduced question); ``reproducing`` stays on from
    # the first copied line (or a question marker) to the next marker. Other text is kept.
    answer_open = not answer_mode
    pending: list[str] = []
    reproducing = False
    # True while the current question was named by its number and has not been answered yet.
    numbered = False

    def start(new_issue: int | None, new_question: str | None, first_line: str = "") -> None:
        nonlocal issue, question
        if segments:
            _drop_trailing_heading(segments[-1])
        issue, question = new_issue, new_question
        segments.append(_Segment(issue, question))
        if first_line:
            segments[-1].lines.append(first_line)

    start(None, None)
    for line in lines:
        marker = _match_question_marker(line, issue, paper)
        if marker is not None:
            number, numeral, rest = marker
            pending = [rest] if rest else []
            numbered, reproducing = True, answer_mode
            answer_open = not answer_mode
            start(
                number,
                numeral,
                _strip_reproduced_question(rest, paper, number, numeral) if answer_open else "",
            )
            continue

        heading = _match_issue_heading(line, paper)
        if heading is not None:
            number, rest = heading
            pending, numbered, reproducing = [], False, False
            answer_open = not answer_mode
            start(number, None, rest if answer_open else "")
            continue

        general = _GENERAL_HEADING.match(_fold(line))
        if general and len(line) <= _HEADING_MAX_CHARS:
            pending, numbered, reproducing, answer_open = [], False, False, True
            start(None, None, _rest(general, line))
            continue
        if _CLOSING_FORMULA.match(_fold(line)) or _SEPARATOR.match(line):
            pending, numbered, reproducing, answer_open = [], False, False, True
            start(None, None, "" if _SEPARATOR.match(line) else line)
            continue

        answer = _ANSWER_MARKER.match(_fold(line)) if answer_mode else None
        if answer is not None:
            if pending and not numbered:
                # The paper's words reproduced before this answer: which question were they?
                guessed = _guess_question(" ".join(pending), paper, issue, chinese, strict=False)
                issue, question = guessed if guessed is not None else (issue, None)
            pending, numbered, reproducing, answer_open = [], False, False, True
            start(issue, question, _rest(answer, line))
            continue

        if answer_mode and answer_open and _is_reproduced(line, paper):
            _drop_trailing_heading(segments[-1])
            answer_open = False
        if not answer_open:
            reproducing = reproducing or _is_reproduced(line, paper)
            if reproducing:
                pending.append(line)
            elif not _is_short_heading(line):
                segments[-1].lines.append(line)
            continue

        paraphrase = _paraphrase_marker(line, issue, paper, chinese)
        if paraphrase is not None:
            start(*paraphrase, _after_first_question(line))
            continue
        segments[-1].lines.append(line)
    return segments


def _drop_trailing_heading(segment: _Segment) -> None:
    """A short unpunctuated last line after a finished sentence is the next section's heading."""
    lines = segment.lines
    if (
        len(lines) >= 2
        and len(lines[-1]) <= 30
        and not _SENTENCE_END.search(lines[-1])
        and _SENTENCE_END.search(lines[-2])
    ):
        lines.pop()


def _match_issue_heading(line: str, paper: _Paper) -> tuple[int, str] | None:
    """Return (issue number, text after the heading that is content) for an issue heading."""
    match = _ISSUE_HEADING.match(_fold(line))
    if match:
        number = _to_int(match.group("n") or match.group("zn") or match.group("ordinal"))
        if number in paper.titles:
            rest = _rest(match, line)
            if _looks_like_title(rest, paper.titles[number]):
                rest = ""
            return number, rest
        return None
    if len(line) <= 80 and not _SENTENCE_END.search(line):
        bare = _normalise(line.strip(_PUNCT_EDGES))
        scored = [(fuzz.ratio(bare, title), n) for n, title in paper.titles.items() if title]
        # Titles repeat across areas (“Authorship and ownership”); only a unique match counts.
        best = [n for score, n in scored if score >= TITLE_HEADING_MIN_SCORE]
        if len(best) == 1:
            return best[0], ""
    return None


def _looks_like_title(rest: str, title: str) -> bool:
    """Is the text after "Issue N" the issue's title (dropped) rather than an answer (kept)?"""
    if not rest:
        return True
    if len(rest) > max(60, 2 * len(title)):
        return False
    similarity = fuzz.partial_ratio(_normalise(rest), title) if title else 0
    if _SENTENCE_END.search(rest):
        # A full sentence is an answer unless it is plainly the title itself.
        return similarity >= 85
    return True


def _match_question_marker(
    line: str, issue: int | None, paper: _Paper
) -> tuple[int, str, str] | None:
    """Return (issue, question numeral, rest of line) for an explicit question marker."""
    match = _QUESTION_WITH_ISSUE.match(_fold(line))
    if match:
        number, numeral = _to_int(match.group("n")), match.group("q").lower()
        if paper.has_question(number, numeral):
            return number, numeral, _rest(match, line)
    match = _QUESTION_ALONE.match(_fold(line))
    if match and match.group("q"):
        numeral = match.group("q").lower()
        if paper.has_question(issue, numeral):
            return issue, numeral, _rest(match, line)  # type: ignore[return-value]
    return None


def _paraphrase_marker(
    line: str, issue: int | None, paper: _Paper, chinese: bool
) -> tuple[int, str] | None:
    """A line that restates one of the questions (ending in ? or :) marks that question."""
    head = _first_question(line)
    if head is None:
        return None
    return _guess_question(head, paper, issue, chinese, strict=True)


def _guess_question(
    text: str, paper: _Paper, issue: int | None, chinese: bool, *, strict: bool
) -> tuple[int, str] | None:
    """Best-matching (issue, question) for ``text``; questions of the current issue come first."""
    needle = _normalise(text)
    if len(needle) < (6 if chinese else 15):
        return None
    scorer = fuzz.ratio if chinese else fuzz.token_set_ratio
    scored: list[tuple[float, int, str]] = []
    for number, questions in paper.questions.items():
        for numeral, question in questions.items():
            score = max(scorer(needle, question), fuzz.partial_ratio(needle, question) - 8)
            if number == issue:
                score += 5
            scored.append((score, number, numeral))
    if not scored:
        return None
    scored.sort(reverse=True)
    best = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else 0
    threshold = PARAPHRASE_MIN_SCORE if strict else PARAPHRASE_MIN_SCORE - 12
    if best[0] < threshold or (strict and best[0] - runner_up < PARAPHRASE_MARGIN):
        return None
    return best[1], best[2]


def _first_question(line: str) -> str | None:
    """The line's leading question, if the line starts with one (or is a heading ending in ':')."""
    match = re.match(r"^(.{10,400}?[?？])", line)
    if match:
        return match.group(1)
    if len(line) <= 200 and line.rstrip().endswith((":", "：")):
        return line.rstrip(" :：")
    return None


def _after_first_question(line: str) -> str:
    head = _first_question(line) or ""
    rest = line[len(head) :] if line.startswith(head) else ""
    return rest.lstrip(_PUNCT_EDGES)


def _strip_reproduced_question(rest: str, paper: _Paper, issue: int, numeral: str) -> str:
    """Drop the question's own words when a marker line repeats them before the answer."""
    head = _first_question(rest)
    if head is None:
        return rest
    question = paper.questions.get(issue, {}).get(numeral, "")
    if question and fuzz.partial_ratio(_normalise(head), question) >= 80:
        return _after_first_question(rest)
    return rest


def _is_reproduced(line: str, paper: _Paper) -> bool:
    """True when the line is the paper's own text (background or question) copied over."""
    needle = _normalise(line)
    if len(needle) < REPRODUCED_MIN_CHARS or not paper.corpus:
        return False
    if re.match(r"^\d{1,2}\.\s", line):  # the paper's numbered paragraphs
        return True
    return fuzz.partial_ratio(needle, paper.corpus) >= REPRODUCED_MIN_SCORE


def _is_short_heading(line: str) -> bool:
    """A few words without punctuation: a section title of the paper (专利权, Data, 介绍)."""
    return len(line) <= _SHORT_HEADING_MAX_CHARS and not _SENTENCE_END.search(line)


def _merge(segments: list[_Segment]) -> list[dict]:
    merged: dict[tuple[int | None, str | None], list[str]] = {}
    for segment in segments:
        text = _join_lines(segment.lines)
        if not _has_words(text):
            continue
        merged.setdefault((segment.issue, segment.question), []).append(text)
    return [
        {"issue": issue, "question": question, "text": "\n\n".join(texts)}
        for (issue, question), texts in merged.items()
    ]


def _clean_lines(text: str) -> list[str]:
    """Non-empty lines, with lines that merely wrap a sentence inside a paragraph rejoined.

    A line is joined to the one before when both are in the same paragraph (no blank line
    between), the one before does not end a sentence, and the line is not itself a marker.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines: list[str] = []
    previous = ""  # the previous physical line, when it is in the same paragraph
    for raw in text.split("\n"):
        line = re.sub(r"[ \t\u00a0\u3000]+", " ", raw).strip()
        line = "".join(ch for ch in line if ch.isprintable())
        if not line:
            previous = ""
            continue
        if previous and _wraps(previous) and not _is_marker(line):
            lines[-1] += _glue(previous, line) + line
        else:
            lines.append(line)
        previous = line
    return lines


def _is_marker(line: str) -> bool:
    folded = _fold(line)
    return any(
        pattern.match(folded)
        for pattern in (
            _QUESTION_WITH_ISSUE,
            _QUESTION_ALONE,
            _ISSUE_HEADING,
            _ANSWER_MARKER,
            _GENERAL_HEADING,
            _CLOSING_FORMULA,
            _SEPARATOR,
        )
    )


def _join_lines(lines: list[str]) -> str:
    """Join lines that wrap a sentence; keep the other line breaks."""
    out = ""
    previous = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if not out:
            out = line
        else:
            out += (_glue(previous, line) if _wraps(previous) else "\n") + line
        previous = line
    return out.strip()


def _glue(previous: str, line: str) -> str:
    """What joins a wrapped line to the next: nothing between Chinese characters, else a space."""
    return "" if _CJK.search(previous[-1]) or _CJK.search(line[0]) else " "


def _wraps(line: str) -> bool:
    """Does ``line`` look cut by a line wrap: long enough and without a sentence end?

    Short unpunctuated lines are headings, letterhead or address lines, and keep their break.
    """
    shortest = _SHORTEST_WRAPPED_CJK if _CJK.search(line) else _SHORTEST_WRAPPED_LATIN
    return len(line) >= shortest and not _SENTENCE_END.search(line)


def _fold(line: str) -> str:
    """Full-width ASCII folded to ASCII, character for character (offsets stay valid)."""
    return line.translate(_FULL_WIDTH)


def _rest(match: re.Match[str], line: str) -> str:
    """The original text of ``line`` after a marker matched on its folded form."""
    return line[match.start("rest") :].lstrip(_PUNCT_EDGES)


def _has_words(text: str) -> bool:
    return bool(re.search(r"\w", text))


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return re.sub(r"\s+", " ", text).strip()


def _to_int(value: str) -> int:
    if value.isdigit():
        return int(value)
    if value == "十":
        return 10
    if value.startswith("十"):
        return 10 + _CHINESE_DIGITS[value[1]]
    if "十" in value:
        tens, _, units = value.partition("十")
        return _CHINESE_DIGITS[tens] * 10 + (_CHINESE_DIGITS[units] if units else 0)
    return _CHINESE_DIGITS[value]


__all__ = ["split_submission"]
