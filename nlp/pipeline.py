"""spaCy pipelines for the draft checker: blank EN/ZH plus Concord's own components.

Components, all built from the JSON rule data in ``nlp/data``:

- ``concord_concepts`` finds concept terms (paper, fax, handwritten signature, notarisation…);
  English with a case-insensitive ``PhraseMatcher``, Chinese by literal search (jieba's word
  boundaries do not reliably line up with legal terms such as 电子签名).
- ``concord_cues`` finds modality, exception, actor, subject and amendment cues.
- ``concord_scope`` cuts the text into scope units (the stretch a modal verb or a negation governs)
  and gives each concept occurrence a polarity: required, refused, not_required, accepted,
  permitted or mentioned.

Results are stored on the Doc: ``doc.spans["concepts"]`` (labelled spans) and
``doc.user_data["concord"]`` (an :class:`Analysis`).
"""

import json
import logging
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import spacy
from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.matcher import PhraseMatcher

DATA_DIR = Path(__file__).resolve().parent / "data"
LANGS = ("en", "zh")
# Modal cue names in order of precedence when several govern the same scope unit.
POLARITY_ORDER = ("not_required", "refused", "accepted", "required", "permitted")
# OCR slips inside long words only: short words ("failing"/"filing") are too close to each other.
_FUZZY_MIN_LEN = 8
_FUZZY_CUTOFF = 88


@dataclass
class Lexicon:
    lang: str
    concepts: dict[str, list[str]]
    concept_patterns: dict[str, re.Pattern]
    cues: dict[str, re.Pattern]
    cue_anchors: dict[str, tuple[str, ...]]
    scope_breaks: re.Pattern
    soft_breaks: re.Pattern
    periods: re.Pattern
    period_units: dict[str, float]
    numbers: dict[str, int]
    directional: frozenset[str]
    precondition_unit: re.Pattern
    coordinated_list: re.Pattern
    vocabulary: frozenset[str] = field(default_factory=frozenset)


@dataclass
class Hit:
    name: str
    start: int
    end: int


@dataclass
class Analysis:
    """What the components found in one clause (character offsets into ``doc.text``)."""

    concepts: list[tuple[Hit, str, int]]  # (hit, polarity, scope unit index)
    cues: dict[str, list[Hit]]
    units: list[tuple[int, int, bool]]
    periods_months: list[float]


@cache
def lexicon(lang: str) -> Lexicon:
    raw = json.loads((DATA_DIR / f"lexicon.{lang}.json").read_text(encoding="utf-8"))
    # Patterns are written in lower case and run on lower-cased text (see ``fold``): several
    # times faster than re.IGNORECASE, which defeats the regex engine's literal-prefix search.
    flags = 0
    cues = {
        name: re.compile("|".join(f"(?:{p})" for p in patterns), flags)
        for name, patterns in raw["cues"].items()
    }
    vocabulary = frozenset(
        word
        for terms in [*raw["concepts"].values(), raw.get("ocr_vocabulary", [])]
        for term in terms
        for word in re.findall(r"[a-z]{5,}", term.lower())
    )
    return Lexicon(
        lang=lang,
        concepts=raw["concepts"],
        concept_patterns={
            name: re.compile("|".join(f"(?:{p})" for p in patterns), flags)
            for name, patterns in raw.get("concept_patterns", {}).items()
        },
        cues=cues,
        cue_anchors={k: tuple(v) for k, v in raw.get("cue_anchors", {}).items()},
        scope_breaks=re.compile(raw["scope_breaks"], flags),
        soft_breaks=re.compile(raw["soft_breaks"], flags),
        periods=re.compile(raw["periods"]["pattern"], flags),
        period_units=raw["periods"]["units"],
        numbers=raw["numbers"],
        directional=frozenset(raw["directional_concepts"]),
        precondition_unit=re.compile(raw["precondition_unit"], flags),
        coordinated_list=re.compile(raw["coordinated_list"], flags),
        vocabulary=vocabulary,
    )


# ---------------------------------------------------------------- OCR / spelling normalisation


class OffsetMap:
    """Maps offsets in a normalised string back to the original string."""

    def __init__(self, pieces: list[tuple[int, int]]):
        # pieces: (normalised start, original start) at every point where the two drift apart
        self._norm = [n for n, _ in pieces]
        self._orig = [o for _, o in pieces]

    def __call__(self, pos: int) -> int:
        i = bisect_right(self._norm, pos) - 1
        return self._orig[i] + (pos - self._norm[i])


# A look-ahead so that every word start is tried ("the signa- ture" must still find "signa- ture").
_EN_SPLIT_WORD = re.compile(r"(?=\b([A-Za-z]{2,})(-\s+|\s)([a-z]{2,})\b)")
# OCR letter/digit confusions that keep the length: "shaII", "fiIed", "n0tarised", "sea1".
_OCR_LOOKALIKE = re.compile(r"(?<=[a-z])[I1]|[I1](?=[a-z]{2})|(?<=[a-z])0|0(?=[a-z]{2})")
_OCR_REPAIR = {"I": "l", "1": "l", "0": "o"}
_ORDINAL = re.compile(r"\b1(?=st\b)")
_EN_LONG_WORD = re.compile(rf"\b[A-Za-z]{{{_FUZZY_MIN_LEN},}}\b")
_ZH_SPACED = re.compile(r"(?<=[\u4e00-\u9fff])[ \t\u3000]+(?=[\u4e00-\u9fff])")


@lru_cache(maxsize=20_000)
def _closest_term_word(word: str, lang: str) -> str | None:
    candidates = [
        v
        for v in lexicon(lang).vocabulary
        if v[0] == word[0] and abs(len(v) - len(word)) <= 1 and len(v) >= _FUZZY_MIN_LEN
    ]
    match = process.extractOne(word, candidates, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)
    return match[0] if match else None


@lru_cache(maxsize=1)
def _traditional_to_simplified() -> dict[int, str]:
    raw = json.loads((DATA_DIR / "zh_variants.json").read_text(encoding="utf-8"))
    return str.maketrans(raw["map"])


def normalise(text: str, lang: str) -> tuple[str, OffsetMap]:
    """Repair OCR damage that hides concept terms; return the text and an offset map.

    English: look-alike characters inside words are repaired ("shaII", "n0tarised"); words split
    by a line-break hyphen are joined ("re- quired"), and so are words split by a stray space when
    the joined word is a lexicon word ("elec tronic"); long unknown words within a small edit
    distance of a lexicon word ("notarlsed") are replaced by it. Chinese: stray spaces
    between ideographs (common in PDF text) are removed and traditional characters are read as
    simplified ones (Taiwan, Hong Kong and Macao texts).
    """
    edits: list[tuple[int, int, str]] = []
    if lang == "zh":
        text = text.translate(_traditional_to_simplified())  # one character for one: offsets hold
        edits = [(m.start(), m.end(), "") for m in _ZH_SPACED.finditer(text)]
    else:
        ordinals = {m.start() for m in _ORDINAL.finditer(text)}
        for _ in range(2):  # twice, so that "shaII" → "shalI" → "shall"
            text = _OCR_LOOKALIKE.sub(
                lambda m: m.group() if m.start() in ordinals else _OCR_REPAIR[m.group()], text
            )
        vocab = lexicon(lang).vocabulary
        taken_until = -1
        for m in _EN_SPLIT_WORD.finditer(text):
            joined = m.group(1) + m.group(3)
            end = m.start() + len(m.group(1)) + len(m.group(2)) + len(m.group(3))
            # a line-break hyphen ("re-\nquired") always joins; a stray space only into a known word
            line_break = m.group(2).startswith("-")
            if (line_break or joined.lower() in vocab) and m.start() >= taken_until:
                edits.append((m.start(), end, joined))
                taken_until = end
        for m in _EN_LONG_WORD.finditer(text):
            if m.start() < taken_until and any(s <= m.start() < e for s, e, _ in edits):
                continue
            word = m.group().lower()
            if word in vocab:
                continue
            closest = _closest_term_word(word, lang)
            if closest and closest != word:
                edits.append((m.start(), m.end(), closest))
        edits.sort()
    if not edits:
        return text, OffsetMap([(0, 0)])
    out, pieces, pos, shift = [], [(0, 0)], 0, 0
    for start, end, repl in edits:
        out.append(text[pos:start])
        out.append(repl)
        shift += len(repl) - (end - start)
        pieces.append((end + shift, end))
        pos = end
    out.append(text[pos:])
    return "".join(out), OffsetMap(pieces)


# ---------------------------------------------------------------- components


def fold(text: str) -> str:
    """Lower-case ``text`` for the cue patterns, unless that would shift offsets ("İ")."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text


def _drop_contained(hits: list[Hit]) -> list[Hit]:
    """Drop a hit lying inside a longer hit ("revenue stamp" is not a seal)."""
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept = []
    for hit in hits:
        if any(
            o.start <= hit.start and hit.end <= o.end and (o.end - o.start) > (hit.end - hit.start)
            for o in kept
            if o.end > hit.start
        ):
            continue
        kept.append(hit)
    return kept


@Language.factory("concord_concepts", default_config={"lang": "en"})
def make_concepts(nlp: Language, name: str, lang: str):
    return ConceptMatcher(nlp, lang)


class ConceptMatcher:
    def __init__(self, nlp: Language, lang: str):
        self.lang = lang
        self.lexicon = lexicon(lang)
        if lang == "en":
            self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
            for concept, terms in self.lexicon.concepts.items():
                self.matcher.add(concept, list(nlp.tokenizer.pipe(terms)))
        else:
            self.matcher = None
            self.patterns = {
                concept: re.compile("|".join(map(re.escape, sorted(terms, key=len, reverse=True))))
                for concept, terms in self.lexicon.concepts.items()
            }

    def __call__(self, doc):
        # Doc.text re-joins every token on each access; the components share one copy.
        if "concord_text" not in doc.user_data:
            doc.user_data["concord_text"] = fold(doc.text)
        text = doc.user_data["concord_text"]
        hits = []
        if self.matcher is not None:
            for match_id, start, end in self.matcher(doc):
                span = doc[start:end]
                hits.append(Hit(doc.vocab.strings[match_id], span.start_char, span.end_char))
        else:
            for concept, pattern in self.patterns.items():
                hits.extend(Hit(concept, m.start(), m.end()) for m in pattern.finditer(text))
        # Patterns catch the variants a term list cannot enumerate ("copy of the earlier patent
        # application", "signed by hand"); identical spans found both ways are counted once.
        for concept, pattern in self.lexicon.concept_patterns.items():
            hits.extend(Hit(concept, m.start(), m.end()) for m in pattern.finditer(text))
        hits = _drop_contained(list({(h.name, h.start, h.end): h for h in hits}.values()))
        spans = []
        for hit in hits:
            span = doc.char_span(hit.start, hit.end, label=hit.name, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans["concepts"] = spans
        doc.user_data["concord_hits"] = hits
        return doc


@Language.factory("concord_cues", default_config={"lang": "en"})
def make_cues(nlp: Language, name: str, lang: str):
    return CueMatcher(lang)


class CueMatcher:
    def __init__(self, lang: str):
        self.lexicon = lexicon(lang)

    def __call__(self, doc):
        text = doc.user_data["concord_text"]
        cues = {}
        if doc.user_data.get("concord_hits"):  # a clause without concepts needs no cue analysis
            for name, pattern in self.lexicon.cues.items():
                if name in ("lacking_prefix", "condition_word", "condition_participle"):
                    continue  # anchored look-behind cues: the scope component applies them
                anchors = self.lexicon.cue_anchors.get(name)
                if anchors and not any(a in text for a in anchors):
                    continue  # a substring test is far cheaper than running the pattern
                found = [Hit(name, m.start(), m.end()) for m in pattern.finditer(text)]
                if found:
                    cues[name] = found
        doc.user_data["concord_cues"] = cues
        return doc


@Language.factory("concord_scope", default_config={"lang": "en"})
def make_scope(nlp: Language, name: str, lang: str):
    return ScopeResolver(lang)


class ScopeResolver:
    """Scope units, polarity of each concept occurrence and the time periods in the clause."""

    def __init__(self, lang: str):
        self.lexicon = lexicon(lang)

    def units(self, text: str) -> list[tuple[int, int, bool]]:
        """(start, end, soft): a soft unit with no modal of its own inherits the previous one's."""
        breaks = {m.start(): False for m in self.lexicon.scope_breaks.finditer(text)}
        for m in self.lexicon.soft_breaks.finditer(text):
            breaks.setdefault(m.start(), True)
        bounds = [(0, False)] + sorted(breaks.items()) + [(len(text), False)]
        units = [
            (a, b, soft) for (a, soft), (b, _) in zip(bounds, bounds[1:], strict=False) if b > a
        ]
        return units or [(0, 0, False)]

    def periods(self, text: str) -> list[float]:
        months = []
        for m in self.lexicon.periods.finditer(text):
            number = _parse_number(m.group("num").lower(), self.lexicon.numbers)
            unit = self.lexicon.period_units.get(m.group("unit").lower())
            if number is not None and unit is not None:
                months.append(number * unit)
        return months

    def is_condition(self, hit: Hit, unit, found, text: str) -> bool:
        """Whether a means of filing only describes the case the clause applies to.

        Looks at the clause part before the concept (since the last comma): "where …" or
        "if …" makes it a condition, and so does a participle ("filed by", "sent through")
        when no modal verb governs that part.
        """
        part_start = max(unit[0], text.rfind(",", unit[0], hit.start) + 1)
        local = text[part_start : hit.start]
        if self.lexicon.cues["condition_word"].search(local):
            return True
        modal_before = any(unit[0] <= c.start < hit.start for cs in found.values() for c in cs)
        return not modal_before and bool(self.lexicon.cues["condition_participle"].search(local))

    @staticmethod
    def modals(unit: tuple[int, int, bool], cues: dict) -> dict[str, list[Hit]]:
        return {
            mod: [c for c in cues.get(f"mod_{mod}", []) if unit[0] <= c.start < unit[1]]
            for mod in POLARITY_ORDER
        }

    def polarity(self, hit: Hit, unit, found, previous, borrowed, text: str, cues: dict) -> str:
        """The modality governing one concept occurrence.

        ``found`` are the modal cues of its own scope unit, ``previous`` those of the unit before,
        ``borrowed`` those of a neighbouring soft unit it may inherit from.
        """
        lex = self.lexicon
        before = text[max(unit[0], hit.start - 60) : hit.start]
        for neg in cues.get("neg_prefix", []):
            # "without attestation or legalisation": the negation covers a short coordinated list
            if (
                unit[0] <= neg.start
                and neg.end <= hit.start
                and lex.coordinated_list.match(text[neg.end : hit.start])
            ):
                # "a request without the stamp shall be refused" makes the stamp a requirement
                return "required" if found["refused"] else "not_required"
        if not any(found.values()):
            if previous and lex.precondition_unit.search(text[unit[0] : unit[1]]):
                if previous["refused"] or previous["required"]:
                    return "required"  # "shall not be recorded unless … legalised"
            if borrowed is not None:
                found = borrowed
        if hit.name in lex.directional and self.is_condition(hit, unit, found, text):
            # "documents filed electronically shall…" only names a case, unless that case is what
            # the clause refuses ("applications sent by e-mail shall not be considered filed")
            return "refused" if found["refused"] and not found["not_required"] else "mentioned"
        if found["refused"] and lex.cues["lacking_prefix"].search(before):
            return "required"  # "not bearing a handwritten signature … shall be refused"
        exclusive = any(unit[0] <= c.start < unit[1] for c in cues.get("exclusive", []))
        for mod in POLARITY_ORDER:
            if found[mod]:
                if mod in ("accepted", "permitted") and exclusive:
                    return "required"  # "only X shall be accepted"
                return mod
        return "mentioned"

    def __call__(self, doc):
        text = doc.user_data["concord_text"]
        cues = doc.user_data.get("concord_cues", {})
        units = self.units(text)
        starts = [u[0] for u in units]
        hits = doc.user_data.get("concord_hits", [])
        modals = [self.modals(u, cues) for u in units] if hits else []
        concepts = []
        for hit in hits:
            index = max(0, bisect_right(starts, hit.start) - 1)
            previous = modals[index - 1] if index else None
            borrowed = previous if units[index][2] and _any_modal(previous) else None
            if borrowed is None and index + 1 < len(units) and units[index + 1][2]:
                # Chinese topic first: "优先权证明文件，应于…提交" takes the modal that follows
                borrowed = modals[index + 1]
            polarity = self.polarity(
                hit, units[index], modals[index], previous, borrowed, text, cues
            )
            concepts.append((hit, polarity, index))
        doc.user_data["concord"] = Analysis(
            concepts=concepts,
            cues=cues,
            units=units,
            periods_months=self.periods(text) if concepts else [],
        )
        return doc


def _any_modal(modals: dict | None) -> bool:
    return bool(modals) and any(modals.values())


def _parse_number(token: str, numbers: dict[str, int]) -> float | None:
    if token.isdigit():
        return float(token)
    if token in numbers:
        return float(numbers[token])
    # Chinese numerals such as 十六, 二十, 三十一
    total, current = 0, 0
    for char in token:
        value = numbers.get(char)
        if value is None:
            return None
        if value >= 10:
            total += (current or 1) * value
            current = 0
        else:
            current = value
    return float(total + current)


@cache
def get_pipeline(lang: str) -> Language:
    """The cached checker pipeline for ``lang`` ("en" or "zh")."""
    if lang not in LANGS:
        raise ValueError(f"unsupported language: {lang!r}")
    if lang == "zh":
        import jieba

        jieba.setLogLevel(logging.WARNING)  # its start-up chatter would pollute CLI stderr
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    else:
        nlp = spacy.blank("en")
    nlp.max_length = 2_000_000
    for component in ("concord_concepts", "concord_cues", "concord_scope"):
        nlp.add_pipe(component, config={"lang": lang})
    return nlp


def analyse(text: str, lang: str):
    """Run the pipeline on one clause; return the Doc (see ``doc.user_data["concord"]``)."""
    nlp = get_pipeline(lang)
    doc = nlp.make_doc(text)
    doc.user_data["concord_text"] = fold(text)  # rebuilding it from the tokens is costly
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc
