"""The site search over the knowledge base: provisions, laws, judgments and treaty
provisions, with facets and highlighted snippets. The facets are the public list filters
(lawdb.filters), so a facet means the same as the filter of the same name."""

from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from .filters import JudgmentFilterSet, LegalTextFilterSet
from .models import (
    JudgmentPage,
    Jurisdiction,
    Language,
    LegalTextKind,
    LegalTextPage,
    LegalTextStatus,
    Provision,
    Region,
    Subject,
    TreatyProvision,
)
from .search import highlight

# Counting every match of a common word costs more than the search itself; beyond the cap
# the search page says "1000+".
COUNT_CAP = 1000
RANK_WINDOW = 1000
RESULT_TYPES = {
    "provisions": _("Provisions"),
    "laws": _("Laws"),
    "judgments": _("Judgments"),
    "treaty": _("Treaty provisions"),
}
# Facets counted over the laws that match (by title or by one of their provisions):
# facet name (= filter parameter) -> (column, choices for its labels).
LAW_FACETS = {
    "jurisdiction": ("jurisdiction__iso_code", None),
    "region": ("jurisdiction__region", Region.choices),
    "kind": ("kind", LegalTextKind.choices),
    "subject": ("subject", Subject.choices),
    "status": ("status", LegalTextStatus.choices),
    "language": ("language", Language.choices),
}


@dataclass
class Hit:
    title: str
    url: str
    snippet: str
    detail: str = ""
    language: str = ""


@dataclass
class SearchResults:
    query: str
    querysets: dict = field(default_factory=dict)
    facets: dict = field(default_factory=dict)
    # Provisions are counted before ranking, which only looks at a window of them.
    provision_matches: object = None

    def count(self, result_type):
        if result_type == "provisions":
            return capped_count(self.provision_matches)
        return capped_count(self.querysets[result_type])


def capped_count(queryset):
    """The number of matches, counted up to COUNT_CAP + 1 (shown as "1000+")."""
    return queryset.order_by().values("pk")[: COUNT_CAP + 1].count()


def provisions_matching(query, laws):
    """Provisions of the current versions of ``laws`` that match ``query``, unordered."""
    return Provision.objects.current().filter(version__law__in=laws).matching(query)


def ranked_provisions(matches, query):
    """The best matches first. Ranking costs microseconds per row, so only a window of the
    matches is ranked: a query matching tens of thousands of provisions stays fast, and the
    facets narrow the window."""
    # Fetched first: as a subquery the planner would scan the whole table to join it.
    window = list(matches.order_by().values_list("pk", flat=True)[:RANK_WINDOW])
    return (
        Provision.objects.filter(pk__in=window)
        .rank(query)
        .select_related("version__law__jurisdiction")
        .prefetch_related("parent__parent__parent")
        .order_by("-search_rank", "version__law_id", "position")
    )


def search(query, params):
    """Querysets of matches per result type (best first) and facet counts."""
    laws = LegalTextFilterSet(params, queryset=LegalTextPage.objects.live()).qs
    judgments = JudgmentFilterSet(params, queryset=JudgmentPage.objects.live()).qs
    matching_provisions = provisions_matching(query, laws)
    provisions = ranked_provisions(matching_provisions, query)
    matching_laws = (
        laws.matching(query).select_related("jurisdiction").order_by("-search_rank", "-year")
    )
    results = SearchResults(
        query,
        {
            "provisions": provisions,
            "laws": matching_laws,
            "judgments": judgments.matching(query)
            .select_related("jurisdiction")
            .order_by("-search_rank", "-decision_date"),
            "treaty": TreatyProvision.objects.matching(query)
            .select_related("treaty")
            .order_by("-search_rank", "sort_order"),
        },
        provision_matches=matching_provisions,
    )
    # The matching laws are listed once, so that each facet is a cheap query.
    law_ids = set(matching_laws.values_list("pk", flat=True))
    law_ids.update(
        matching_provisions.order_by().values_list("version__law_id", flat=True).distinct()
    )
    hit_laws = LegalTextPage.objects.filter(pk__in=law_ids)
    results.facets = {name: facet_options(hit_laws, *spec) for name, spec in LAW_FACETS.items()}
    return results


def facet_options(laws, column, choices):
    """(value, label, count) for each value of ``column`` among ``laws``, most frequent first."""
    counts = laws.values_list(column).annotate(count=Count("pk")).order_by("-count", column)
    if choices is None:  # jurisdictions: label by name in the interface language
        names = {j.iso_code: j.name for j in Jurisdiction.objects.all()}
    else:
        names = dict(choices)
    return [(value, names.get(value, value), count) for value, count in counts]


def to_hit(result_type, obj, query, request=None):
    """A display row for one match; snippets are escaped, matches wrapped in <mark>."""
    if result_type == "provisions":
        law = obj.version.law
        return Hit(
            title=f"{law.display_title}, {obj.label} {obj.heading}".strip(),
            url=f"{law.get_url(request)}#{obj.eid}",
            snippet=highlight(f"{obj.heading} {obj.text}", query),
            detail=law.jurisdiction.name,
            language=law.language,
        )
    if result_type == "laws":
        return Hit(
            title=obj.display_title,
            url=obj.get_url(request),
            snippet=highlight(f"{obj.title_original} {obj.title_en} {obj.number}", query),
            detail=f"{obj.jurisdiction.name} · {obj.get_kind_display()} · {obj.year}",
            language=obj.language,
        )
    if result_type == "judgments":
        return Hit(
            title=obj.title,
            url=obj.get_url(request),
            snippet=highlight(f"{obj.summary} {obj.full_text}", query),
            detail=f"{obj.jurisdiction.name} · {obj.court} · {obj.decision_date:%Y-%m-%d}",
            language=obj.language,
        )
    return Hit(
        title=f"{obj.citation} – {obj.heading}",
        url=obj.get_absolute_url(),
        snippet=highlight(obj.summary, query),
        detail=obj.treaty.name,
    )
