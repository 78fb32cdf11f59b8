"""The import pipeline: a file (TXT, DOCX, PDF, Akoma Ntoso XML) becomes a version of a law,
segmented into provisions by the segmenter shared with the draft checker, then checked
against the PLT/STLT catalogue. Used by ``manage.py import_law``, the admin upload and the
demo loader, so every law enters the database the same way."""

from dataclasses import dataclass

from django.db import transaction

from nlp.readers import read_document
from nlp.segment import segment

from .models import LegalTextVersion, Provision, TreatyProvision

# The segmenter's kinds are the provision kinds; Akoma Ntoso input maps onto them in nlp.
NLP_LANG = {"en": "en", "zh-hans": "zh"}
# The checker cites the PLT for patents and the STLT for trademarks.
CHECKER_SUBJECT = {"patents": "patent", "industrial_designs": "patent", "trademarks": "trademark"}


@dataclass
class ProvisionRow:
    eid: str
    parent_eid: str | None
    kind: str
    num: str
    heading: str
    text: str
    depth: int


def provision_rows(document):
    """Flat, document-ordered rows from a read document: its own Akoma Ntoso hierarchy when
    it has one, otherwise the segmenter's."""
    if document.akn_tree:
        rows = []
        _flatten_akn(document.akn_tree, None, 0, rows, set())
        return rows
    return [
        ProvisionRow(s.eid, s.parent_eid, s.kind, s.num, s.heading, s.text, s.depth)
        for s in segment(document.text, document.lang)
    ]


def _flatten_akn(nodes, parent_eid, depth, rows, used):
    for index, node in enumerate(nodes, 1):
        # Akoma Ntoso files without eIds still need unique, stable anchors.
        eid = node["eid"] or f"{parent_eid + '__' if parent_eid else ''}{node['kind']}_{index}"
        base, copy = eid, 1
        while eid in used:
            copy += 1
            eid = f"{base}-{copy}"
        used.add(eid)
        rows.append(
            ProvisionRow(
                eid, parent_eid, node["kind"], node["num"], node["heading"], node["text"], depth
            )
        )
        _flatten_akn(node["children"], eid, depth + 1, rows, used)


def import_version(law, data, filename, effective_date, note=""):
    """Read ``data`` and store it as the version of ``law`` effective on ``effective_date``,
    replacing a version with the same date. Raises ``nlp.errors.UnreadableInput`` (nothing is
    saved) when the file cannot be read."""
    document = read_document(data, filename=filename)
    return import_document(law, document, filename, effective_date, note)


@transaction.atomic
def import_document(law, document, filename, effective_date, note=""):
    """Store an already read ``nlp.readers.Document`` as a version of ``law``."""
    rows = provision_rows(document)
    law.versions.filter(effective_date=effective_date).delete()
    version = LegalTextVersion.objects.create(
        law=law,
        effective_date=effective_date,
        note=note,
        source_format=document.format,
        source_filename=filename[:255],
        text=document.text,
    )
    by_eid = {}
    for position, row in enumerate(rows):
        provision = Provision.objects.create(
            version=version,
            eid=row.eid[:200],
            parent=by_eid.get(row.parent_eid),
            kind=row.kind,
            num=row.num[:60],
            heading=row.heading[:500],
            text=row.text,
            depth=row.depth,
            position=position,
        )
        by_eid[row.eid] = provision
    version.provisions.all().refresh_search_document()
    check_provisions(version, NLP_LANG.get(law.language, document.lang))
    law.refresh_current_version()
    return version


def check_provisions(version, lang):
    """Store the alignment checker's finding on each provision and link the treaty
    provisions it cites, so law pages and treaty pages need not rerun the checker."""
    from nlp.checker import classify  # loads the spaCy pipelines: only when importing

    subject = CHECKER_SUBJECT.get(version.law.subject)
    treaty_provisions = {t.citation: t for t in TreatyProvision.objects.all()}
    for provision in version.provisions.exclude(text=""):
        finding = classify(provision.text, lang=lang, subject=subject)
        provision.finding = finding.to_dict()
        provision.save(update_fields=["finding"])
        linked = [treaty_provisions[c] for c in finding.treaty_refs if c in treaty_provisions]
        provision.treaty_provisions.set(linked)
