"""The stored checker result turned into what the report page and both exports show.

The HTML page, the PDF and the DOCX are all built from :func:`build_report`, so they always
contain the same findings, matrix and alignment.
"""

from dataclasses import dataclass

from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from lawdb.findings import FINDING_CATEGORIES, FINDING_LABELS
from lawdb.models import TreatyProvision
from nlp.diff import redline

MATRIX_STATUSES = {
    "aligned": _("Aligned"),
    "conflict": _("Conflict"),
    "not addressed": _("Not addressed"),
}
ALIGNMENT_STATUSES = {
    "new": _("New"),
    "changed": _("Changed"),
    "deleted": _("Deleted"),
    "unchanged": _("Unchanged"),
}
# Which provisions a report lists: the page offers "all" and "conflicts"; the exports list
# the flagged ones, so a long draft prints the findings, not every neutral provision.
SHOW_LABELS = {
    "all": {"conflict", "aligned", "neutral"},
    "conflicts": {"conflict"},
    "flagged": {"conflict", "aligned"},
}
# Redline chunk operation -> the HTML element that shows it.
REDLINE_TAGS = {"insert": "ins", "delete": "del"}


def treaty_provisions(citations):
    """The catalogued treaty provisions cited in a report, by citation, in one query."""
    provisions = TreatyProvision.objects.filter(citation__in=set(citations)).select_related(
        "treaty"
    )
    return {provision.citation: provision for provision in provisions}


def evidence_chunks(text, evidence):
    """Split ``text`` into ``(piece, is_evidence)`` chunks from the evidence offsets.

    Overlapping spans (two concepts in one phrase) are merged by clipping.
    """
    chunks, position = [], 0
    for span in sorted(evidence, key=lambda span: span["start"]):
        start = max(position, span["start"])
        end = max(start, span["end"])
        if start > position:
            chunks.append((text[position:start], False))
        if end > start:
            chunks.append((text[start:end], True))
        position = end
    if position < len(text):
        chunks.append((text[position:], False))
    return chunks


def evidence_html(chunks):
    """Evidence in ``<mark>``; every piece of text is escaped."""
    return format_html_join(
        "",
        "{}",
        ((format_html("<mark>{}</mark>", piece) if marked else piece,) for piece, marked in chunks),
    )


def redline_chunks_html(chunks):
    """Deletions in ``<del>``, insertions in ``<ins>``; every piece of text is escaped."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html("<{0}>{1}</{0}>", REDLINE_TAGS[op], text) if op in REDLINE_TAGS else text,)
            for op, text in chunks
        ),
    )


def provision_title(provision):
    """Number and heading ("Art. 5 Filing date"), or the eid when a provision has neither."""
    title = " ".join(filter(None, (provision.get("num"), provision.get("heading"))))
    return title or provision.get("eid", "")


def draft_metadata(draft):
    """(label, value) pairs describing the draft, shown at the top of the report."""
    rows = [
        (_("Jurisdiction"), draft.jurisdiction or "—"),
        (_("Language"), draft.get_language_display()),
        (_("Submitted"), formats.date_format(timezone.localtime(draft.created), "DATETIME_FORMAT")),
    ]
    if draft.amends:
        rows.append((_("Amends"), draft.amends.display_title))
    if draft.source_filename:
        rows.append((_("File"), draft.source_filename))
    return rows


def _provision_text(provision):
    return "\n".join(filter(None, (provision.get("heading"), provision.get("text"))))


@dataclass
class Finding:
    eid: str
    num: str
    heading: str
    text: str
    label: str
    category: str
    treaty_refs: list
    explanation: str
    suggestion: str
    chunks: list
    treaty_links: list  # (citation, URL of its page or "" when it is not catalogued)

    @property
    def label_display(self):
        return FINDING_LABELS.get(self.label, self.label)

    @property
    def category_display(self):
        return FINDING_CATEGORIES.get(self.category, self.category)

    @property
    def text_html(self):
        return evidence_html(self.chunks)

    @property
    def title(self):
        return provision_title({"num": self.num, "heading": self.heading, "eid": self.eid})


@dataclass
class MatrixRow:
    citation: str
    url: str
    heading: str
    provisions: list  # (eid, title) of the provisions that address the obligation
    status: str

    @property
    def status_display(self):
        return MATRIX_STATUSES.get(self.status, self.status)

    @property
    def badge(self):
        """The badge style: a gap in the draft is shown like a neutral provision."""
        return "neutral" if self.status == "not addressed" else self.status


@dataclass
class AlignmentRow:
    status: str
    old: dict | None
    new: dict | None
    similarity: float
    chunks: list

    @property
    def status_display(self):
        return ALIGNMENT_STATUSES.get(self.status, self.status)

    @property
    def title(self):
        return provision_title(self.new or self.old)

    @property
    def redline_html(self):
        return redline_chunks_html(self.chunks)


@dataclass
class DraftReport:
    findings: list
    matrix: list
    alignment: list | None
    counts: dict
    show: str

    @property
    def changes(self):
        """Alignment rows for provisions the draft adds, changes or deletes."""
        return [row for row in self.alignment or [] if row.status != "unchanged"]

    @property
    def unchanged_note(self):
        count = sum(1 for row in self.alignment or [] if row.status == "unchanged")
        return ngettext(
            "%(count)s provision is unchanged.", "%(count)s provisions are unchanged.", count
        ) % {"count": count}

    @property
    def unlisted_note(self):
        """Exports leave out neutral provisions; this says how many."""
        count = self.counts["neutral"] if self.show == "flagged" else 0
        if not count:
            return ""
        return ngettext(
            "%(count)s provision does not deal with a filing formality governed by the "
            "treaties and is not listed.",
            "%(count)s provisions do not deal with a filing formality governed by the "
            "treaties and are not listed.",
            count,
        ) % {"count": count}


def build_report(result, show="all"):
    """The report from a stored result (see :mod:`lawdb.drafts.tasks` for its shape)."""
    checker = result["report"]
    cited = {ref for item in checker["provisions"] for ref in item["finding"]["treaty_refs"]}
    cited.update(row["citation"] for row in checker["matrix"])
    catalogued = treaty_provisions(cited)

    def url(citation):
        provision = catalogued.get(citation)
        return provision.get_absolute_url() if provision else ""

    findings = [_finding(item, url) for item in checker["provisions"]]
    titles = {finding.eid: finding.title for finding in findings}
    matrix = [
        MatrixRow(
            citation=row["citation"],
            url=url(row["citation"]),
            heading=row["heading"],
            provisions=[(eid, titles.get(eid, eid)) for eid in row["eids"]],
            status=row["status"],
        )
        for row in checker["matrix"]
    ]
    findings = [f for f in findings if f.label in SHOW_LABELS[show]]
    alignment = None
    if result["alignment"] is not None:
        alignment = [_alignment_row(item) for item in result["alignment"]]
    return DraftReport(
        findings=findings, matrix=matrix, alignment=alignment, counts=checker["counts"], show=show
    )


def _finding(item, url):
    finding = item["finding"]
    return Finding(
        eid=item["eid"],
        num=item["num"],
        heading=item["heading"],
        text=item["text"],
        label=finding["label"],
        category=finding["category"],
        treaty_refs=finding["treaty_refs"],
        explanation=finding["explanation"],
        suggestion=finding["suggestion"],
        chunks=evidence_chunks(item["text"], _evidence_in_provision(item)),
        treaty_links=[(citation, url(citation)) for citation in finding["treaty_refs"]],
    )


def _evidence_in_provision(item):
    """Evidence spans as offsets into the provision's own text.

    The checker gives document offsets; a provision's text is its lines joined, which can
    differ from the document slice, so a span that does not line up is found by its text.
    """
    text, spans = item["text"], []
    for span in item["finding"]["evidence"]:
        start = span["start"] - item["start"]
        if text[start : start + len(span["text"])] != span["text"]:
            start = text.find(span["text"])
        if start >= 0 and span["text"]:
            spans.append({"start": start, "end": start + len(span["text"])})
    return spans


def _alignment_row(item):
    old, new = item["old"], item["new"]
    if old and new:
        # Word-level redline; an unchanged provision comes out as one "equal" chunk.
        chunks = redline(_provision_text(old), _provision_text(new))
    elif new:
        chunks = [("insert", _provision_text(new))]
    else:
        chunks = [("delete", _provision_text(old))]
    return AlignmentRow(
        status=item["status"],
        old=item["old"],
        new=item["new"],
        similarity=item["similarity"],
        chunks=chunks,
    )
