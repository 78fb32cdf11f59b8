"""Moderators' campaign views in the Wagtail admin: the list, one campaign with each member's
differences from the representative, decisions on a whole campaign, and splitting."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from consultations import moderation
from consultations.models import ConsultationPage, Submission, SubmissionStatus
from nlp.diff import redline_html

from .clustering import comment_texts, split
from .models import Campaign

VIEW_PERMISSION = "campaigns.view_campaign"
SPLIT_PERMISSION = "campaigns.change_campaign"
DECIDE_PERMISSION = "consultations.change_submission"
PER_PAGE = 50
EXCERPT_CHARS = 240


def require(request, *permissions):
    if not all(request.user.has_perm(p) for p in permissions):
        raise PermissionDenied


class CampaignFilterForm(forms.Form):
    consultation = forms.ModelChoiceField(
        queryset=ConsultationPage.objects.none(), required=False,
        label=gettext_lazy("Consultation"), empty_label=gettext_lazy("All consultations"),
    )
    flagged = forms.BooleanField(required=False, label=gettext_lazy("Flagged only"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One entry per consultation: the translations share the campaigns.
        self.fields["consultation"].queryset = ConsultationPage.objects.filter(
            locale__language_code="en"
        ).order_by("-closes_at")


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=gettext_lazy("Decision"), choices=[
        (SubmissionStatus.APPROVED, gettext_lazy("Approve all")),
        (SubmissionStatus.REJECTED, gettext_lazy("Reject all")),
    ])
    reason = forms.CharField(
        label=gettext_lazy("Reason"), required=False, max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Recorded in the audit log of every submission; required to "
                               "reject."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == SubmissionStatus.REJECTED and not data.get("reason"):
            self.add_error("reason", _("Give a reason for rejecting."))
        return data


class SplitForm(forms.Form):
    members = forms.ModelMultipleChoiceField(
        queryset=Submission.objects.none(), widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Members to move out"),
    )
    separately = forms.BooleanField(
        required=False, label=gettext_lazy("Make each a comment of its own"),
        help_text=gettext_lazy("Otherwise the chosen members form a new campaign together."),
    )

    def __init__(self, *args, campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = Submission.objects.filter(
            campaign_membership__campaign=campaign
        )


class CampaignAdminMixin(WagtailAdminTemplateMixin):
    header_icon = "group"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("campaigns_admin:list"), "label": _("Campaigns")}
        ]


class CampaignListView(CampaignAdminMixin, TemplateView):
    template_name = "campaigns/admin/campaign_list.html"
    page_title = gettext_lazy("Campaigns")

    def dispatch(self, request, *args, **kwargs):
        require(request, VIEW_PERMISSION)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        form = CampaignFilterForm(self.request.GET or None)
        campaigns = Campaign.objects.campaigns().select_related("consultation").largest_first()
        if form.is_valid():
            if form.cleaned_data["consultation"]:
                campaigns = campaigns.of_consultation(form.cleaned_data["consultation"])
            if form.cleaned_data["flagged"]:
                campaigns = campaigns.filter(suspected_computer_generated=True)
        page = Paginator(campaigns, PER_PAGE).get_page(self.request.GET.get("p"))
        texts = comment_texts([c.representative_id for c in page if c.representative_id])
        rows = [(c, texts.get(c.representative_id, "")) for c in page]
        return super().get_context_data(
            filter_form=form, page_obj=page, rows=rows, excerpt_chars=EXCERPT_CHARS, **kwargs
        )


class CampaignDetailView(CampaignAdminMixin, TemplateView):
    """GET shows the campaign; POST with ``action`` = ``decide`` or ``split`` acts on it."""

    template_name = "campaigns/admin/campaign_detail.html"

    def dispatch(self, request, *args, **kwargs):
        require(request, VIEW_PERMISSION)
        self.campaign = get_object_or_404(
            Campaign.objects.select_related("consultation", "representative"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return str(self.campaign)

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [{"url": "", "label": self.get_page_title()}]

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action == "decide":
            require(request, DECIDE_PERMISSION)
            form = DecisionForm(request.POST)
            if form.is_valid():
                return self.decide(form.cleaned_data)
            return self.render_to_response(self.get_context_data(decision_form=form), status=400)
        if action == "split":
            require(request, SPLIT_PERMISSION)
            form = SplitForm(request.POST, campaign=self.campaign)
            if form.is_valid() and len(form.cleaned_data["members"]) < self.campaign.size:
                return self.split(form.cleaned_data)
            form.add_error(None, _("Choose some members to move out, but not all of them."))
            return self.render_to_response(self.get_context_data(split_form=form), status=400)
        return self.render_to_response(self.get_context_data(), status=400)

    def decide(self, data):
        submissions = Submission.objects.filter(
            campaign_membership__campaign=self.campaign
        ).select_for_update()
        changed = moderation.decide(submissions, data["decision"], self.request.user,
                                    data["reason"])
        messages.success(self.request, _("%(count)d submissions changed.") % {"count": changed})
        return redirect("campaigns_admin:detail", pk=self.campaign.pk)

    def split(self, data):
        created = split(self.campaign, [s.pk for s in data["members"]], self.request.user,
                        separately=data["separately"])
        messages.success(self.request, _("%(count)d members moved out.") % {
            "count": len(data["members"])})
        if len(created) == 1 and created[0].size > 1:
            return redirect("campaigns_admin:detail", pk=created[0].pk)
        return redirect("campaigns_admin:detail", pk=self.campaign.pk)

    def get_context_data(self, decision_form=None, split_form=None, **kwargs):
        campaign = self.campaign
        memberships = campaign.memberships.select_related("submission").order_by(
            "-is_representative", "-similarity", "pk"
        )
        page = Paginator(memberships, PER_PAGE).get_page(self.request.GET.get("p"))
        texts = comment_texts([m.submission_id for m in page] + [campaign.representative_id])
        representative_text = texts[campaign.representative_id]
        members = [
            {
                "membership": m,
                "submission": m.submission,
                # nlp.diff.redline_html escapes every piece of text it emits.
                "redline": mark_safe(redline_html(representative_text, texts[m.submission_id]))
                if texts[m.submission_id] != representative_text else "",
            }
            for m in page
        ]
        user = self.request.user
        return super().get_context_data(
            campaign=campaign,
            representative_text=representative_text,
            members=members,
            page_obj=page,
            decision_form=decision_form or DecisionForm(),
            split_form=split_form or SplitForm(campaign=campaign),
            can_decide=user.has_perm(DECIDE_PERMISSION),
            can_split=user.has_perm(SPLIT_PERMISSION),
            list_url=reverse_lazy("campaigns_admin:list"),
            **kwargs,
        )
