"""Public reading views: lists, the law page and its point-in-time, compare, flags and export
routes (called from LegalTextPage's routes), jurisdiction profiles and treaty pages."""

import datetime
import json
from collections import defaultdict

from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from nlp.diff import align_provisions
from nlp.segment import Segment

from .export import version_to_akn, version_to_dict
from .filters import JudgmentFilterSet, LegalTextFilterSet
from .models import (
    CITABLE_TOP_KINDS,
    JudgmentPage,
    Jurisdiction,
    LegalTextPage,
    Provision,
    Treaty,
    TreatyProvision,
    provision_label,
)

PER_PAGE = 25


def parse_day(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise Http404(_("Not a date: use YYYY-MM-DD.")) from None


def law_list(request):
    laws = (
        LegalTextPage.objects.live()
        .select_related("jurisdiction")
        .order_by("jurisdiction__name_en", "-year")
    )
    filterset = LegalTextFilterSet(request.GET, queryset=laws)
    page = Paginator(filterset.qs, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "lawdb/law_list.html", {"filter": filterset, "laws": page})


def judgment_list(request):
    judgments = (
        JudgmentPage.objects.live().select_related("jurisdiction").order_by("-decision_date")
    )
    filterset = JudgmentFilterSet(request.GET, queryset=judgments)
    page = Paginator(filterset.qs, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "lawdb/judgment_list.html", {"filter": filterset, "judgments": page})


def jurisdiction_list(request):
    return render(
        request,
        "lawdb/jurisdiction_list.html",
        {"jurisdictions": Jurisdiction.objects.prefetch_related("memberships")},
    )


def jurisdiction_detail(request, iso_code):
    jurisdiction = get_object_or_404(
        Jurisdiction.objects.prefetch_related("memberships"), iso_code=iso_code.upper()
    )
    laws_by_subject = defaultdict(list)
    for law in jurisdiction.laws.live().order_by("-year"):
        laws_by_subject[law.get_subject_display()].append(law)
    return render(
        request,
        "lawdb/jurisdiction_detail.html",
        {
            "jurisdiction": jurisdiction,
            "laws_by_subject": sorted(laws_by_subject.items()),
            "judgments": jurisdiction.judgments.live().order_by("-decision_date"),
        },
    )


def treaty_list(request):
    return render(request, "lawdb/treaty_list.html", {"treaties": Treaty.objects.all()})


def treaty_detail(request, code):
    treaty = get_object_or_404(Treaty, code=code)
    provisions = list(treaty.provisions.all())
    linked = defaultdict(list)
    national = (
        Provision.objects.current()
        .filter(treaty_provisions__treaty=treaty)
        .select_related("version__law__jurisdiction")
        .prefetch_related("treaty_provisions", "parent__parent__parent")
        .order_by("version__law__jurisdiction__name_en", "position")
    )
    for provision in national:
        for treaty_provision in provision.treaty_provisions.all():
            linked[treaty_provision.pk].append(provision)
    for provision in provisions:
        provision.linked = linked.get(provision.pk, [])
    return render(
        request,
        "lawdb/treaty_detail.html",
        {"treaty": treaty, "provisions": provisions, "members": treaty.members()},
    )


def treaty_provision_redirect(request, citation):
    """Stable link by citation (used by the checker's reports): /treaties/cite/PLT Art. 8(4)/."""
    return redirect(get_object_or_404(TreatyProvision, citation=citation).get_absolute_url())


# -- the law page (LegalTextPage routes) --------------------------------------------------------


def provision_citations(law, provisions):
    """Map provision pk -> citation, e.g. "Industrial Property Act (KE), Section 7(1)(a)"."""
    labels = {}
    for provision in provisions:  # document order: parents come first
        labels[provision.pk] = provision_label(
            provision.kind, provision.num, labels.get(provision.parent_id, "")
        )
    base = law.citation()
    return {pk: f"{base}, {label}" if label else base for pk, label in labels.items()}


def law_version(request, law, version, tab="text", allow_empty=False):
    """The text (or the flags) of one version; the law's own URL (``allow_empty``) renders
    even before any text has been imported."""
    if version is None and not allow_empty:
        raise Http404(_("No version of this law was in force on that date."))
    provisions = list(version.provisions.order_by("position")) if version else []
    citations = provision_citations(law, provisions)
    for provision in provisions:
        provision.citation = citations[provision.pk]
    flagged = [p for p in provisions if (p.finding or {}).get("label") in ("conflict", "aligned")]
    current = law.current_version()
    return law.render(
        request,
        template="lawdb/legal_text_page.html",
        context_overrides={
            "version": version,
            "current_version": current,
            "is_current": version is not None and current is not None and version.pk == current.pk,
            "provisions": provisions,
            "toc": [p for p in provisions if p.kind in CITABLE_TOP_KINDS | {"part", "chapter"}],
            "flagged": flagged,
            "conflict_count": sum(1 for p in flagged if p.finding["label"] == "conflict"),
            "tab": tab,
            "versions": law.version_list,
            "treaty_provisions": {t.citation: t for t in TreatyProvision.objects.all()},
        },
    )


def as_segment(provision):
    parent_eid = provision.parent.eid if provision.parent_id else None
    return Segment(
        provision.eid,
        parent_eid,
        provision.kind,
        provision.num,
        provision.heading,
        provision.text,
        provision.depth,
        0,
        0,
    )


def version_segments(version):
    return [as_segment(p) for p in version.provisions.select_related("parent").order_by("position")]


def law_compare(request, law, old=None, new=None):
    """Redline between two versions of ``law``, or (``old`` = "in-force") between a draft
    bill and the current version of the law it amends."""
    versions = law.version_list
    if old is None:
        # The version selector submits a GET form; the result has a stable URL.
        old, new = request.GET.get("from", ""), request.GET.get("to", "")
        if old and new:
            return redirect(law.url + law.reverse_subpage("compare", args=[old, new]))
        if law.amends_id and versions:
            old, new = "in-force", versions[0].date_slug
        elif len(versions) >= 2:
            old, new = versions[1].date_slug, versions[0].date_slug
        else:
            raise Http404(_("This law has only one version."))
        return redirect(law.url + law.reverse_subpage("compare", args=[old, new]))
    new_version = law.version_on(parse_day(new))
    if old == "in-force":
        if not law.amends_id:
            raise Http404(_("This text does not amend another law."))
        old_law = law.amends
        old_version = old_law.current_version()
    else:
        old_law, old_version = law, law.version_on(parse_day(old))
    if old_version is None or new_version is None:
        raise Http404(_("No version of this law was in force on that date."))
    alignments = align_provisions(version_segments(old_version), version_segments(new_version))
    changes = sum(1 for a in alignments if a.status != "unchanged")
    return law.render(
        request,
        template="lawdb/compare.html",
        context_overrides={
            "old_law": old_law,
            "old_version": old_version,
            "new_version": new_version,
            "alignments": alignments,
            "change_count": changes,
            "versions": versions,
            "tab": "compare",
        },
    )


def law_export(request, law, day, fmt):
    version = law.version_on(parse_day(day)) if day else law.current_version()
    if version is None:
        raise Http404(_("This law has no text yet."))
    filename = f"{law.slug}-{version.date_slug}"
    if fmt == "akn":
        response = HttpResponse(version_to_akn(version), content_type="application/akn+xml")
        response["Content-Disposition"] = f'inline; filename="{filename}.xml"'
        return response
    body = json.dumps(version_to_dict(version), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.json"'
    return response
