"""The moderation queue and the secretariat's tools in the Wagtail admin."""

import django_filters
from django import forms
from django.db.models import Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import BooleanRadioSelect
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from . import admin_views, moderation
from .campaigns.filters import CampaignFilters
from .countries import COUNTRY_CHOICES
from .forms import PlainTextField
from .models import (
    SUBMISSION_LANGUAGES,
    ConsultationPage,
    ReportStatus,
    StakeholderType,
    Submission,
    SubmissionStatus,
)


class SubmissionFilterSet(CampaignFilters, WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=SubmissionStatus.choices, label=_("Status"))
    consultation = django_filters.ModelChoiceFilter(
        label=_("Consultation"), method="filter_consultation",
        queryset=ConsultationPage.objects.filter(locale__language_code="en"),
    )
    issue = django_filters.NumberFilter(
        label=_("Issue number"), method="filter_issue",
    )
    stakeholder_type = django_filters.ChoiceFilter(
        choices=StakeholderType.choices, label=_("Stakeholder type"))
    country = django_filters.ChoiceFilter(choices=COUNTRY_CHOICES, label=_("Country"))
    language = django_filters.ChoiceFilter(choices=SUBMISSION_LANGUAGES, label=_("Language"))
    reported = django_filters.BooleanFilter(
        label=_("Open false-attribution report"), method="filter_reported",
        widget=BooleanRadioSelect,
    )

    class Meta:
        model = Submission
        fields = ["status", "stakeholder_type", "country", "language"]

    def filter_consultation(self, queryset, name, value):
        # Submissions made on any translation of the consultation.
        return queryset.filter(consultation__translation_key=value.translation_key)

    def filter_issue(self, queryset, name, value):
        return queryset.filter(answers__issue__number=value).distinct()

    def filter_reported(self, queryset, name, value):
        reported = Q(false_attribution_reports__status=ReportStatus.OPEN)
        return (queryset.filter(reported) if value else queryset.exclude(reported)).distinct()


class SubmissionIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("consultation")


class SubmissionViewSet(SnippetViewSet):
    """The moderation queue. A submission's "edit" page is the moderation page; "add" is the
    import of an e-mailed submission."""

    model = Submission
    icon = "comment"
    menu_label = _("Submissions")
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = SubmissionIndexView
    list_display = ["reference", "name", "consultation", "status", "stakeholder_type",
                    "country", "language", "source", "created_at"]
    list_export = ["reference", "status", "stakeholder_type", "country", "language",
                   "created_at"]
    filterset_class = SubmissionFilterSet
    search_fields = ["reference", "name", "organisation"]
    copy_view_enabled = False

    @property
    def edit_view(self):
        return admin_views.moderate_submission

    @property
    def add_view(self):
        return admin_views.import_view


register_snippet(SubmissionViewSet)


class ReasonForm(forms.Form):
    reason = PlainTextField(label=_("Reason (recorded in the audit log)"), required=False,
                            max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))


class DecisionBulkAction(SnippetBulkAction):
    """Approve or reject the selected submissions with one reason."""

    models = [Submission]
    form_class = ReasonForm
    template_name = "consultations/admin/bulk_decision.html"
    target_status = None

    def check_perm(self, obj):
        return self.request.user.has_perm("consultations.change_submission")

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        reason = kwargs.get("reason", "")
        changed = moderation.decide(objects, cls.target_status, user, reason)
        return changed, 0

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user,
                "reason": self.cleaned_form.cleaned_data["reason"]}

    def get_success_message(self, num_parent_objects, num_child_objects):
        return _("%(count)d submissions: %(status)s.") % {
            "count": num_parent_objects, "status": self.target_status.label}


@hooks.register("register_bulk_action")
class ApproveBulkAction(DecisionBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve the selected submissions")
    target_status = SubmissionStatus.APPROVED


@hooks.register("register_bulk_action")
class RejectBulkAction(DecisionBulkAction):
    display_name = _("Reject")
    action_type = "reject"
    aria_label = _("Reject the selected submissions")
    target_status = SubmissionStatus.REJECTED


@hooks.register("register_admin_urls")
def register_secretariat_urls():
    return [
        path("consultations/statistics/", admin_views.statistics_view,
             name="consultations_statistics"),
        path("consultations/attachments/<int:pk>/", admin_views.download_attachment,
             name="consultations_attachment"),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_statistics_menu_item():
    return PermissionMenuItem(
        _("Consultation statistics"), reverse("consultations_statistics"), icon_name="table",
        order=260, permission="consultations.view_submission",
    )
