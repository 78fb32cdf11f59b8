"""The draft alignment checker: flag clauses that conflict with PLT/STLT filing obligations.

``classify`` labels one clause; ``check_document`` segments a whole law or draft, labels every
provision and builds the compliance matrix. The reasoning is data-driven (``nlp/data``):
concepts + modality + scope give *facts*, ordered rules turn facts into a label, and every
citation comes from the treaty catalogue.
"""

import html
import json
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from nlp import catalogue
from nlp.lang import detect_lang
from nlp.pipeline import DATA_DIR, Hit, analyse, fold, lexicon, normalise

LABELS = ("conflict", "aligned", "neutral")
CATEGORIES = (
    "paper_only",
    "in_person_or_post",
    "handwritten_signature",
    "signature_certification",
    "originals_or_copies",
    "seal_or_stamp",
    "fee_payment",
    "filing_date",
    "other_conflict",
    "aligned",
    "neutral",
)
# Longer inputs are not clauses; the checker reads this much and says so in the explanation.
MAX_CLAUSE_CHARS = 20_000
_POLARITIES = {"required", "refused", "not_required", "accepted", "permitted", "mentioned"}
_MODAL = _POLARITIES - {"mentioned"}
_PERIOD_TOKEN = re.compile(r"^period(<|>=)(\d+(?:\.\d+)?)$")


@dataclass
class Rule:
    id: str
    label: str
    category: str
    all: list[str]
    any: list[str]
    none: list[str]
    refs: dict[str, list[str]]


@lru_cache(maxsize=1)
def rules() -> list[Rule]:
    raw = json.loads((DATA_DIR / "rules.json").read_text(encoding="utf-8"))["rules"]
    loaded = [Rule(**r) for r in raw]
    known = catalogue.load()
    for rule in loaded:
        for citation in rule.refs["patent"] + rule.refs["trademark"]:
            known.get(citation)  # fail early on a citation the catalogue does not hold
    return loaded


@lru_cache(maxsize=1)
def wordings() -> dict:
    return json.loads((DATA_DIR / "wordings.json").read_text(encoding="utf-8"))


# ---------------------------------------------------------------- facts


@dataclass
class Facts:
    concepts: dict[str, set[str]]  # concept -> polarities
    hits: dict[str, list[Hit]]  # concept -> occurrences
    units_with: dict[str, set[int]]  # concept -> scope unit indexes
    cues: dict[str, list[Hit]]
    periods: list[float]
    subject: str  # patent | trademark | both | unknown
    office_only: bool  # every concept sits in a scope unit where the Office is the actor

    def holds(self, token: str) -> bool:
        if "|" in token:
            return any(self.holds(t) for t in token.split("|"))
        period = _PERIOD_TOKEN.match(token)
        if period:
            op, limit = period.group(1), float(period.group(2))
            if op == "<":
                return any(p < limit for p in self.periods)
            return any(p >= limit for p in self.periods)
        kind, _, arg = token.partition(":")
        if kind == "cue":
            return arg in self.cues
        if kind == "subject":
            return self.subject == arg
        if kind == "actor":
            return arg == "office" and self.office_only
        if kind == "with":
            a, b = arg.split(",")
            return bool(self.units_with.get(a, set()) & self.units_with.get(b, set()))
        polarities = self.concepts.get(kind)
        if not polarities:
            return False
        if arg == "any":
            return True
        if arg == "ok":
            return bool(polarities - {"refused"})
        if arg == "modal":
            return bool(polarities & _MODAL)
        return arg in polarities


def _subject(cues: dict, hint: str | None) -> str:
    patent, trademark = "subject_patent" in cues, "subject_trademark" in cues
    if patent and trademark:
        return "both"
    if patent or trademark:
        return "patent" if patent else "trademark"
    return hint or "unknown"


def _facts(doc, subject_hint: str | None, inserted_text: bool = False) -> Facts:
    analysis = doc.user_data["concord"]
    concepts: dict[str, set[str]] = {}
    hits: dict[str, list[Hit]] = {}
    units_with: dict[str, set[int]] = {}
    for hit, polarity, unit in analysis.concepts:
        if inserted_text and polarity == "mentioned":
            polarity = "required"  # wording inserted into a statute is normative, modal or not
        concepts.setdefault(hit.name, set()).add(polarity)
        hits.setdefault(hit.name, []).append(hit)
        units_with.setdefault(hit.name, set()).add(unit)
    office = analysis.cues.get("office_act", [])
    office_units = {
        i
        for i, (start, end, _) in enumerate(analysis.units)
        if any(start <= c.start < end for c in office)
    }
    return Facts(
        office_only=bool(office) and all(units <= office_units for units in units_with.values()),
        concepts=concepts,
        hits=hits,
        units_with=units_with,
        cues=analysis.cues,
        periods=analysis.periods_months + ([0.0] if "exc_at_filing" in analysis.cues else []),
        subject=_subject(analysis.cues, subject_hint),
    )


def _matches(rule: Rule, facts: Facts) -> bool:
    return (
        all(facts.holds(t) for t in rule.all)
        and (not rule.any or any(facts.holds(t) for t in rule.any))
        and not any(facts.holds(t) for t in rule.none)
    )


def decide(facts: Facts) -> Rule | None:
    """The first matching conflict rule, else the first aligned one; neutral rules gate both."""
    for wanted in (("neutral", "conflict"), ("aligned",)):
        for rule in rules():
            if rule.label in wanted and _matches(rule, facts):
                return None if rule.label == "neutral" else rule
    return None


def _refs(rule: Rule, subject: str) -> list[str]:
    patent, trademark = rule.refs["patent"], rule.refs["trademark"]
    if subject == "patent":
        return list(patent)
    if subject == "trademark":
        return list(trademark)
    return list(dict.fromkeys(patent + trademark))


# ---------------------------------------------------------------- findings


@dataclass
class Finding:
    label: str
    category: str
    treaty_refs: list[str] = field(default_factory=list)
    evidence: list[dict] = field(default_factory=list)
    explanation: str = ""
    suggestion: str = ""
    lang: str = "en"
    rule: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


def _explanation(rule: Rule | None, refs: list[str], lang: str) -> str:
    if rule is None:
        return (
            "该条款未涉及《专利法条约》或《商标法新加坡条约》规范的提交手续。"
            if lang == "zh"
            else "The clause does not deal with a filing formality governed by the PLT or the STLT."
        )
    parts = [wordings()["explain"][rule.id][lang]]
    cat = catalogue.load()
    labels = (
        {"may_require": "条约允许：", "exceptions": "例外：", "must_not_require": "条约不允许："}
        if lang == "zh"
        else {
            "may_require": "The treaty permits: ",
            "exceptions": "Exceptions: ",
            "must_not_require": "It does not allow: ",
        }
    )
    sep = "；" if lang == "zh" else "; "
    for citation in refs[:2]:
        prov = cat.get(citation)
        parts.append(f"{citation} ({prov.heading(lang)}): {prov.summary(lang)}")
        for key, label in labels.items():
            items = prov.obligation_items(key, lang)
            if items:
                parts.append(
                    label
                    + sep.join(i.rstrip("。.") for i in items)
                    + ("。" if lang == "zh" else ".")
                )
    return " ".join(parts)


def _suggestion(text: str, category: str, lang: str) -> str:
    options = wordings()["wordings"].get(category, {}).get(lang, [])
    if not options:
        return ""
    best = process.extractOne(text, options, scorer=fuzz.token_set_ratio)
    return best[0]


def _analysis_region(text: str, lang: str) -> tuple[int, int]:
    """For an amending provision, only the inserted wording says what the law will require."""
    cues = lexicon(lang).cues
    text = fold(text)
    if not cues["amend_scope"].search(text):
        return 0, len(text)
    inserted = cues["amend_insert"].search(text)
    if inserted:
        return inserted.end(), len(text)
    if cues["amend_delete"].search(text):
        return len(text), len(text)  # a pure deletion or repeal adds no requirement
    return 0, len(text)


def _evidence(rule: Rule, facts: Facts, source: str, offset: int, to_orig) -> list[dict]:
    names = set()
    for token in rule.all + rule.any:
        for part in token.split("|"):
            kind, _, arg = part.partition(":")
            if kind == "cue":
                names.add(("cue", arg))
            elif kind == "with":
                names.update(("concept", n) for n in arg.split(","))
            elif arg:
                names.add(("concept", kind))
    spans = []
    for kind, name in names:
        found = facts.cues.get(name, []) if kind == "cue" else facts.hits.get(name, [])
        spans.extend(found[:3])
    evidence = []
    for hit in sorted(spans, key=lambda h: h.start):
        start, end = to_orig(hit.start) + offset, to_orig(hit.end) + offset
        evidence.append({"start": start, "end": end, "text": source[start:end]})
    return evidence


def classify(text: str, lang: str | None = None, subject: str | None = None) -> Finding:
    """Label one clause. ``subject`` ("patent"/"trademark") is a hint from the enclosing law."""
    text = text if isinstance(text, str) else str(text)
    if not text.isascii():
        # Lone surrogates (from lenient decoding) cannot reach spaCy; "?" keeps every offset.
        text = text.encode("utf-8", "replace").decode("utf-8")
    lang = lang if lang in ("en", "zh") else detect_lang(text)
    clipped = text[:MAX_CLAUSE_CHARS]
    start, end = _analysis_region(clipped, lang)
    region = clipped[start:end]
    normalised, to_orig = normalise(region, lang)
    doc = analyse(normalised, lang)
    facts = _facts(doc, subject, inserted_text=start > 0)
    rule = decide(facts)
    if rule is None:
        finding = Finding("neutral", "neutral", lang=lang)
    else:
        refs = _refs(rule, facts.subject)
        finding = Finding(
            label=rule.label if refs else "neutral",
            category=rule.category if refs else "neutral",
            treaty_refs=refs,
            evidence=_evidence(rule, facts, text, start, to_orig) if refs else [],
            lang=lang,
            rule=rule.id,
        )
        if finding.label == "conflict":
            finding.suggestion = _suggestion(region, finding.category, lang)
    finding.explanation = _explanation(
        rule if finding.treaty_refs else None, finding.treaty_refs, lang
    )
    if len(text) > MAX_CLAUSE_CHARS:
        finding.explanation += (
            f"（仅检查了前 {MAX_CLAUSE_CHARS} 个字符。）"
            if lang == "zh"
            else f" (Only the first {MAX_CLAUSE_CHARS} characters were checked.)"
        )
    return finding


# ---------------------------------------------------------------- whole documents


@dataclass
class ProvisionFinding:
    eid: str
    num: str
    heading: str
    start: int
    end: int
    text: str
    finding: Finding

    def to_dict(self) -> dict:
        data = asdict(self)
        data["finding"] = self.finding.to_dict()
        return data


@dataclass
class MatrixRow:
    citation: str
    heading: str
    status: str  # conflict | aligned | not addressed
    eids: list[str]

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Report:
    lang: str
    subject: str
    provisions: list[ProvisionFinding]
    matrix: list[MatrixRow]

    @property
    def conflicts(self) -> list[ProvisionFinding]:
        return [p for p in self.provisions if p.finding.label == "conflict"]

    def to_dict(self) -> dict:
        counts = {label: 0 for label in LABELS}
        for p in self.provisions:
            counts[p.finding.label] += 1
        return {
            "lang": self.lang,
            "subject": self.subject,
            "counts": counts,
            "provisions": [p.to_dict() for p in self.provisions],
            "matrix": [row.to_dict() for row in self.matrix],
        }

    def to_text(self) -> str:
        zh = self.lang == "zh"
        lines = [
            f"草案审查报告：共 {len(self.provisions)} 条，冲突 {len(self.conflicts)} 条"
            if zh
            else f"Draft alignment report: {len(self.provisions)} provisions, "
            f"{len(self.conflicts)} conflicts"
        ]
        for p in self.provisions:
            f = p.finding
            if f.label == "neutral":
                continue
            lines.append("")
            lines.append(f"[{f.label.upper()}] {p.num or p.eid} {p.heading}".rstrip())
            lines.append(f"  category: {f.category}   treaty: {', '.join(f.treaty_refs)}")
            if f.evidence:
                lines.append("  evidence: " + " | ".join(e["text"] for e in f.evidence))
            lines.append(f"  {f.explanation}")
            if f.suggestion:
                lines.append(f"  suggested wording: {f.suggestion}")
        lines.append("")
        lines.append("合规矩阵" if zh else "Compliance matrix")
        for row in self.matrix:
            where = ", ".join(row.eids) if row.eids else "-"
            lines.append(f"  {row.citation:<20} {row.status:<14} {where}")
        return "\n".join(lines)

    def to_html(self) -> str:
        esc = html.escape
        zh = self.lang == "zh"
        out = [
            f'<section class="concord-report" lang="{esc(self.lang)}">',
            f"<h2>{esc('草案审查报告' if zh else 'Draft alignment report')}</h2>",
        ]
        for p in self.provisions:
            f = p.finding
            out.append(f'<article class="provision {esc(f.label)}" id="{esc(p.eid)}">')
            out.append(f"<h3>{esc(p.num)} {esc(p.heading)}</h3>")
            out.append(f"<p class='text'>{_highlight(p.text, p.start, f.evidence)}</p>")
            out.append(
                f"<p class='flag'><strong>{esc(f.label)}</strong> · {esc(f.category)} · "
                f"{esc(', '.join(f.treaty_refs))}</p>"
            )
            if f.label != "neutral":
                out.append(f"<p class='explanation'>{esc(f.explanation)}</p>")
            if f.suggestion:
                out.append(f"<blockquote class='suggestion'>{esc(f.suggestion)}</blockquote>")
            out.append("</article>")
        out.append(f"<h2>{esc('合规矩阵' if zh else 'Compliance matrix')}</h2><table>")
        for row in self.matrix:
            out.append(
                f"<tr class='{esc(row.status.replace(' ', '-'))}'><td>{esc(row.citation)}</td>"
                f"<td>{esc(row.heading)}</td><td>{esc(row.status)}</td>"
                f"<td>{esc(', '.join(row.eids))}</td></tr>"
            )
        out.append("</table></section>")
        return "\n".join(out)


def _highlight(text: str, base: int, evidence: list[dict]) -> str:
    """Escape ``text`` and wrap evidence spans (document offsets) in <mark>."""
    out, pos = [], 0
    for ev in sorted(evidence, key=lambda e: e["start"]):
        start, end = ev["start"] - base, ev["end"] - base
        if start < pos or end > len(text):
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def document_subject(text: str, lang: str) -> str | None:
    """Whether a law is about patents or trademarks, judged by which cue dominates."""
    cues = lexicon(lang).cues
    sample = fold(text[:200_000])
    patent = len(cues["subject_patent"].findall(sample))
    trademark = len(cues["subject_trademark"].findall(sample))
    if patent > 2 * trademark:
        return "patent"
    if trademark > 2 * patent:
        return "trademark"
    return None


# A provision introducing a list ("Fees shall be paid—", "下列文件：") lends its modal to the items.
_INTRODUCES_LIST = re.compile(r"(?:[:：—–-]|\bfollowing|\bby|\bin|\bon|\bto)\s*$", re.IGNORECASE)


def _with_context(seg, by_eid: dict) -> tuple[str, int]:
    """The text to classify for a segment and the length of borrowed parent text before it."""
    parent = by_eid.get(seg.parent_eid)
    if parent is not None and parent.text.strip() and _INTRODUCES_LIST.search(parent.text.strip()):
        prefix = parent.text.strip() + " "
        return prefix + seg.text, len(prefix)
    return seg.text, 0


_TREATY_OF_SUBJECT = {"patent": "PLT", "trademark": "STLT"}


def _matrix(provisions: list[ProvisionFinding], lang: str, subject: str | None) -> list[MatrixRow]:
    rows = []
    treaty = _TREATY_OF_SUBJECT.get(subject or "")
    for prov in catalogue.load().filing_obligations():
        if treaty and prov.treaty != treaty:
            continue
        addressing = [
            p
            for p in provisions
            if p.finding.label != "neutral" and _cites(p.finding, prov.citation)
        ]
        status = "not addressed"
        if any(p.finding.label == "conflict" for p in addressing):
            status = "conflict"
        elif addressing:
            status = "aligned"
        rows.append(
            MatrixRow(prov.citation, prov.heading(lang), status, [p.eid for p in addressing])
        )
    return rows


def _cites(finding: Finding, citation: str) -> bool:
    """A finding addresses a row if it cites the provision or one of its sub-provisions."""
    return any(ref == citation or ref.startswith(citation + "(") for ref in finding.treaty_refs)


def check_document(
    text: str, lang: str | None = None, progress: Callable[[int, int], None] | None = None
) -> Report:
    """Segment a law or draft, classify every provision and build the compliance matrix.

    Evidence offsets in the report point into ``text``. ``progress``, if given, is called as
    ``progress(done, total)`` before each provision (the site shows it as a progress bar).
    """
    from nlp.segment import segment  # written by another helper; imported when needed

    lang = lang if lang in ("en", "zh") else detect_lang(text)
    subject = document_subject(text, lang)
    segments = segment(text, lang)
    by_eid = {seg.eid: seg for seg in segments}
    provisions = []
    for done, seg in enumerate(segments):
        if progress is not None:
            progress(done, len(segments))
        if not seg.text.strip():
            continue
        clause, borrowed = _with_context(seg, by_eid)
        finding = classify(clause, lang, subject=subject)
        found_at = text.find(seg.text, seg.start)
        base = found_at if found_at >= 0 else seg.start
        finding.evidence = [
            {
                "start": e["start"] - borrowed + base,
                "end": e["end"] - borrowed + base,
                "text": e["text"],
            }
            for e in finding.evidence
            if e["start"] >= borrowed  # spans in the borrowed parent text belong to the parent
        ]
        provisions.append(
            ProvisionFinding(
                seg.eid, seg.num or "", seg.heading or "", base, base, seg.text, finding
            )
        )
        provisions[-1].end = base + len(seg.text)
    return Report(lang, subject or "unknown", provisions, _matrix(provisions, lang, subject))


def load_path(path: str | Path) -> str:
    """Read a TXT/DOCX/PDF file into text (for the CLI and the bench)."""
    from nlp.readers import read_document  # written by another helper

    data = Path(path).read_bytes()
    return read_document(data, filename=str(path)).text
