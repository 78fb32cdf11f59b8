"""Admin for the knowledge base: reference data as snippets, laws and judgments as page
listings with filters, versions listed and added through the import upload."""

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_views import IMPORT_PERMISSION, ImportVersionView
from .models import (
    JudgmentPage,
    Jurisdiction,
    LegalTextPage,
    LegalTextVersion,
    Treaty,
    TreatyProvision,
)


class JurisdictionViewSet(SnippetViewSet):
    model = Jurisdiction
    icon = "globe"
    list_display = ["name_en", "name_zh", "iso_code", "region", "development_status"]
    list_filter = ["region", "development_status"]
    search_fields = ["name_en", "name_zh", "iso_code"]
    ordering = ["name_en"]


class TreatyViewSet(SnippetViewSet):
    model = Treaty
    icon = "doc-full"
    list_display = ["code", "name_en", "name_zh", "in_force"]


class TreatyProvisionViewSet(SnippetViewSet):
    model = TreatyProvision
    icon = "list-ul"
    list_display = ["citation", "heading_en", "kind", "is_summary"]
    list_filter = ["treaty", "kind", "is_summary"]
    search_fields = ["citation", "heading_en", "heading_zh", "summary_en"]
    list_per_page = 50


class LegalTextVersionViewSet(SnippetViewSet):
    """Versions are read-only records of imported files; "Add" opens the import upload."""

    model = LegalTextVersion
    icon = "history"
    list_display = ["law", "effective_date", "source_format", "is_current", "note"]
    list_filter = ["source_format", "is_current", "law__jurisdiction"]
    search_fields = ["note", "source_filename"]
    form_fields = ["note"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "law",
        "effective_date",
        "note",
        "source_format",
        "source_filename",
        "is_current",
        "imported_at",
    ]
    copy_view_enabled = False

    @property
    def add_view(self):
        return lambda request: redirect("lawdb_import")


class KnowledgeBaseGroup(SnippetViewSetGroup):
    menu_label = _("Knowledge base")
    menu_icon = "doc-full-inverse"
    menu_order = 210
    items = (JurisdictionViewSet, TreatyViewSet, TreatyProvisionViewSet, LegalTextVersionViewSet)


register_snippet(KnowledgeBaseGroup)


class LawListingViewSet(PageListingViewSet):
    model = LegalTextPage
    icon = "doc-full"
    menu_label = _("Laws")
    menu_order = 200
    add_to_admin_menu = True
    list_filter = ["jurisdiction", "kind", "subject", "status", "language", "illustrative"]


class JudgmentListingViewSet(PageListingViewSet):
    model = JudgmentPage
    icon = "openquote"
    menu_label = _("Judgments")
    menu_order = 205
    add_to_admin_menu = True
    list_filter = ["jurisdiction", "level", "subject", "language", "illustrative"]


@hooks.register("register_admin_viewset")
def register_page_listings():
    return [LawListingViewSet("laws"), JudgmentListingViewSet("judgments")]


@hooks.register("register_admin_urls")
def register_import_url():
    return [path("lawdb/import/", ImportVersionView.as_view(), name="lawdb_import")]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(IMPORT_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Import a law's text"), reverse("lawdb_import"), icon_name="upload", order=215
    )
