from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Page

from lawdb import knowledge_search
from lawdb.filters import LegalTextFilterSet
from lawdb.models import JudgmentIndexPage, JudgmentPage, LawIndexPage, LegalTextPage

RESULTS_PER_PAGE = 20
PREVIEW_PER_TYPE = 5
FACET_PARAMS = tuple(knowledge_search.LAW_FACETS) + ("year_from", "year_to")


def search(request):
    """Site-wide search: provisions, laws, judgments and treaty provisions with facets and
    highlighted snippets, plus the other published pages (consultations)."""
    query = request.GET.get("q", "").strip()[:200]
    result_type = request.GET.get("type", "")
    if result_type not in knowledge_search.RESULT_TYPES and result_type != "pages":
        result_type = ""
    context = {
        "query": query,
        "result_type": result_type,
        "filter_form": LegalTextFilterSet(request.GET).form,
        "active_filters": [
            (name, request.GET[name]) for name in FACET_PARAMS if request.GET.get(name)
        ],
    }
    if query:
        results = knowledge_search.search(query, request.GET)
        other_pages = (
            Page.objects.live()
            .public()
            .not_type(LegalTextPage, JudgmentPage, LawIndexPage, JudgmentIndexPage)
            .specific()
            .search(query)
        )
        tabs = [
            (key, label, results.count(key)) for key, label in knowledge_search.RESULT_TYPES.items()
        ]
        context.update(
            tabs=tabs,
            total=sum(count for _key, _label, count in tabs),
            total_is_capped=any(count > knowledge_search.COUNT_CAP for _k, _l, count in tabs),
            facets=[
                (
                    name,
                    context["filter_form"].fields[name].label,
                    facet_links(request, name, options),
                )
                for name, options in results.facets.items()
            ],
            other_pages=other_pages,
        )
        if result_type == "pages":
            context["page_obj"] = Paginator(other_pages, RESULTS_PER_PAGE).get_page(
                request.GET.get("page")
            )
        elif result_type:
            page_obj = Paginator(results.querysets[result_type], RESULTS_PER_PAGE).get_page(
                request.GET.get("page")
            )
            page_obj.hits = [
                knowledge_search.to_hit(result_type, obj, query, request) for obj in page_obj
            ]
            context["page_obj"] = page_obj
        else:
            context["groups"] = [
                (
                    key,
                    label,
                    count,
                    [
                        knowledge_search.to_hit(key, obj, query, request)
                        for obj in results.querysets[key][:PREVIEW_PER_TYPE]
                    ],
                )
                for key, label, count in tabs
                if count
            ]
    return render(request, "home/search.html", context)


def facet_links(request, name, options):
    """(label, count, url, active) per facet value; the URL toggles the value."""
    links = []
    for value, label, count in options:
        params = request.GET.copy()
        params.pop("page", None)
        active = params.get(name) == value
        if active:
            params.pop(name)
        else:
            params[name] = value
        links.append((label, count, f"?{params.urlencode()}", active))
    return links
