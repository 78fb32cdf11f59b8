"""The knowledge base in the read-only open-data API (/api/v1/). Filters are the public list
filters (lawdb.filters); invalid filter values get a 422 with the reason."""

import datetime

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination, paginate

from . import knowledge_search
from .export import provision_tree
from .filters import JudgmentFilterSet, LegalTextFilterSet
from .models import JudgmentPage, Jurisdiction, LegalTextPage, TreatyProvision

router = Router(tags=["knowledge base"])
PAGE_SIZE = 50


def filtered(filterset_class, filters, queryset):
    filterset = filterset_class(filters.dict(exclude_none=True), queryset=queryset)
    if not filterset.is_valid():
        raise HttpError(422, "; ".join(f"{k}: {' '.join(v)}" for k, v in filterset.errors.items()))
    return filterset.qs


class CommonFilters(Schema):
    jurisdiction: str | None = Field(None, description="ISO 3166 code, e.g. KE.")
    region: str | None = Field(None, description="WIPO region key, e.g. africa.")
    subject: str | None = Field(None, description="e.g. patents, trademarks, e_government.")
    language: str | None = Field(None, description="en or zh-hans.")
    year: int | None = None
    year_from: int | None = None
    year_to: int | None = None


class LawFilters(CommonFilters):
    kind: str | None = Field(None, description="act, regulation, decree or draft_bill.")
    status: str | None = Field(None, description="in_force, repealed, superseded or draft.")


class JudgmentFilters(CommonFilters):
    level: str | None = Field(None, description="first_instance, appellate or final.")


class MembershipOut(Schema):
    treaty: str
    since: datetime.date | None


class JurisdictionOut(Schema):
    iso_code: str
    name_en: str
    name_zh: str
    region: str
    development_status: str
    memberships: list[MembershipOut]

    @staticmethod
    def resolve_memberships(obj):
        return list(obj.memberships.all())


class LawOut(Schema):
    id: int
    title: str
    title_original: str
    title_en: str
    jurisdiction: str = Field(..., alias="jurisdiction.iso_code")
    kind: str
    subject: str
    number: str
    year: int
    date_adopted: datetime.date | None
    date_in_force: datetime.date | None
    date_repealed: datetime.date | None
    status: str
    language: str
    official_source: str
    illustrative: bool
    amends: int | None = Field(None, alias="amends_id")
    url: str

    @staticmethod
    def resolve_url(obj):
        return obj.full_url or ""


class VersionOut(Schema):
    effective_date: datetime.date
    note: str
    is_current: bool


class ProvisionOut(Schema):
    eid: str
    kind: str
    num: str
    heading: str
    text: str
    treaty_refs: list[str]
    children: list["ProvisionOut"]


class LawDetailOut(LawOut):
    """``shown_version`` is set by the view: today's version or the one asked for."""

    tags: list[str]
    versions: list[VersionOut]
    version: VersionOut | None
    provisions: list[ProvisionOut]

    @staticmethod
    def resolve_tags(obj):
        return sorted(tag.name for tag in obj.tags.all())

    @staticmethod
    def resolve_versions(obj):
        return obj.version_list

    @staticmethod
    def resolve_version(obj):
        return obj.shown_version

    @staticmethod
    def resolve_provisions(obj):
        return provision_tree(obj.shown_version) if obj.shown_version else []


class CitationOut(Schema):
    law: int = Field(..., alias="law_id")
    provision_eid: str


class JudgmentOut(Schema):
    id: int
    title: str
    jurisdiction: str = Field(..., alias="jurisdiction.iso_code")
    court: str
    level: str
    decision_date: datetime.date
    case_number: str
    parties: str
    subject: str
    procedure_type: str
    keywords: list[str]
    summary: str
    outcome: str
    language: str
    illustrative: bool
    cited: list[CitationOut]
    url: str

    @staticmethod
    def resolve_keywords(obj):
        return sorted(tag.name for tag in obj.keywords.all())

    @staticmethod
    def resolve_cited(obj):
        return list(obj.citations.all())

    @staticmethod
    def resolve_url(obj):
        return obj.full_url or ""


class TreatyProvisionOut(Schema):
    citation: str
    treaty: str = Field(..., alias="treaty.code")
    parent: str | None = Field(None, alias="parent.citation")
    kind: str
    number: str
    heading_en: str
    heading_zh: str
    summary_en: str
    summary_zh: str
    is_summary: bool
    official_text: str
    obligation: dict | None
    categories: list[str]


class SearchHitOut(Schema):
    title: str
    url: str
    snippet: str = Field(..., description="HTML: escaped text, matches in <mark>.")
    detail: str


class SearchOut(Schema):
    query: str
    type: str
    counts: dict[str, int] = Field(
        ..., description="Matches per type, counted up to 1001: 1001 means more than 1000."
    )
    count: int = Field(..., description="Matches of this type (capped like counts).")
    page: int
    items: list[SearchHitOut]


@router.get("/laws/", response=list[LawOut], summary="Laws and draft bills")
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def list_laws(request, filters: Query[LawFilters]):
    laws = LegalTextPage.objects.live().select_related("jurisdiction").order_by("pk")
    return filtered(LegalTextFilterSet, filters, laws)


@router.get("/laws/{law_id}/", response=LawDetailOut, summary="A law with its provisions")
def get_law(request, law_id: int, date: datetime.date | None = None):
    """The provisions of the version in force today, or on ``date`` (YYYY-MM-DD)."""
    law = get_object_or_404(LegalTextPage.objects.live(), pk=law_id)
    law.shown_version = law.version_on(date) if date else law.current_version()
    return law


@router.get("/judgments/", response=list[JudgmentOut], summary="Judgments")
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def list_judgments(request, filters: Query[JudgmentFilters]):
    judgments = (
        JudgmentPage.objects.live()
        .select_related("jurisdiction")
        .prefetch_related("citations", "keywords")
        .order_by("pk")
    )
    return filtered(JudgmentFilterSet, filters, judgments)


@router.get("/jurisdictions/", response=list[JurisdictionOut], summary="Jurisdictions")
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def list_jurisdictions(request, region: str | None = None):
    jurisdictions = Jurisdiction.objects.prefetch_related("memberships")
    return jurisdictions.filter(region=region) if region else jurisdictions


@router.get("/treaty-provisions/", response=list[TreatyProvisionOut], summary="PLT/STLT provisions")
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def list_treaty_provisions(request, treaty: str | None = Query(None, description="PLT or STLT")):
    provisions = TreatyProvision.objects.select_related("treaty", "parent")
    return provisions.of_treaty(treaty) if treaty else provisions


@router.get("/search/", response=SearchOut, summary="Full-text search")
def search(
    request,
    q: str,
    filters: Query[LawFilters],
    type: str = Query("provisions", description="provisions, laws, judgments or treaty."),
    page: int = Query(1, ge=1),
):
    if type not in knowledge_search.RESULT_TYPES:
        raise HttpError(422, f"type must be one of {', '.join(knowledge_search.RESULT_TYPES)}")
    results = knowledge_search.search(q[:200], filters.dict(exclude_none=True))
    matches = results.querysets[type]
    start = (page - 1) * PAGE_SIZE
    counts = {key: results.count(key) for key in knowledge_search.RESULT_TYPES}
    return {
        "query": q,
        "type": type,
        "counts": counts,
        "count": counts[type],
        "page": page,
        "items": [
            absolute(request, knowledge_search.to_hit(type, obj, q, request))
            for obj in matches[start : start + PAGE_SIZE]
        ],
    }


def absolute(request, hit):
    hit.url = request.build_absolute_uri(hit.url)
    return hit
