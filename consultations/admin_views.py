"""Secretariat views in the Wagtail admin: the moderation page of one submission, the import of
an e-mailed submission, attachment downloads and the statistics. Each checks its permission."""

from collections import Counter

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models.functions import TruncDate
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.nlp_messages import unreadable_reason
from nlp.errors import UnreadableInput

from . import moderation
from .campaigns.publication import campaign_statistics
from .charts import bar_chart_svg
from .compilation import breakdowns
from .countries import localized_country_choices
from .forms import PlainTextField
from .importing import MAX_IMPORT_BYTES, import_submission
from .models import (
    Answer,
    Attachment,
    ConsultationPage,
    FalseAttributionReport,
    StakeholderType,
    Submission,
    SubmissionStatus,
)

MODERATION_URL = "wagtailsnippets_consultations_submission:edit"
LIST_URL = "wagtailsnippets_consultations_submission:list"


def require(user, *permissions):
    if not all(user.has_perm(f"consultations.{codename}") for codename in permissions):
        raise PermissionDenied


class DecisionForm(forms.Form):
    reason = PlainTextField(
        label=gettext_lazy("Reason (recorded in the audit log)"), max_length=1000, required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RedactionForm(forms.Form):
    answer = forms.IntegerField(widget=forms.HiddenInput)
    redacted_text = PlainTextField(label=gettext_lazy("Text to publish"), widget=forms.Textarea)
    reason = PlainTextField(label=gettext_lazy("Reason for the redaction"), max_length=300)


class NoteForm(forms.Form):
    text = PlainTextField(label=gettext_lazy("Internal note"), widget=forms.Textarea(
        attrs={"rows": 3}))


class ReportDecisionForm(forms.Form):
    report = forms.IntegerField(widget=forms.HiddenInput)
    uphold = forms.BooleanField(required=False)
    reason = PlainTextField(max_length=1000, required=False)


def moderate_submission(request, pk):
    """One submission: everything the moderator needs, and the actions (approve, reject, redact,
    note, resolve a false-attribution report). POST actions need the change permission."""
    require(request.user, "view_submission")
    submission = get_object_or_404(
        Submission.objects.select_related("consultation"), pk=pk
    )
    if request.method == "POST":
        response = handle_moderation_action(request, submission)
        if response is not None:
            return response
    answers = submission.answers.select_related("issue", "question").prefetch_related(
        "redactions")
    return TemplateResponse(request, "consultations/admin/moderate.html", {
        "submission": submission,
        "answers": answers,
        "decision_form": DecisionForm(),
        "note_form": NoteForm(),
        "reports": submission.false_attribution_reports.all(),
        "can_change": request.user.has_perm("consultations.change_submission"),
        "list_url": reverse(LIST_URL),
    })


def handle_moderation_action(request, submission):
    action = request.POST.get("action")
    back = redirect(MODERATION_URL, pk=submission.pk)
    if action in ("approve", "reject"):
        require(request.user, "change_submission")
        form = DecisionForm(request.POST)
        if form.is_valid():
            status = SubmissionStatus.APPROVED if action == "approve" else (
                SubmissionStatus.REJECTED)
            if moderation.decide([submission], status, request.user, form.cleaned_data["reason"]):
                messages.success(request, _("Submission %(reference)s: %(status)s.") % {
                    "reference": submission.reference, "status": status.label})
            else:
                messages.warning(request, _("Only confirmed submissions can be decided on."))
        return back
    if action == "redact":
        require(request.user, "change_submission", "add_redaction")
        form = RedactionForm(request.POST)
        if form.is_valid():
            answer = get_object_or_404(Answer, pk=form.cleaned_data["answer"],
                                       submission=submission)
            moderation.redact(answer, form.cleaned_data["redacted_text"],
                              form.cleaned_data["reason"], request.user)
            messages.success(request, _("The redaction is saved; the original text is kept."))
        else:
            messages.error(request, _("A redaction needs the text to publish and a reason."))
        return back
    if action == "note":
        require(request.user, "add_moderationnote")
        form = NoteForm(request.POST)
        if form.is_valid():
            moderation.add_note(submission, form.cleaned_data["text"], request.user)
        return back
    if action == "resolve_report":
        require(request.user, "change_falseattributionreport", "change_submission")
        form = ReportDecisionForm(request.POST)
        if form.is_valid():
            report = get_object_or_404(FalseAttributionReport, pk=form.cleaned_data["report"],
                                       submission=submission)
            moderation.resolve_report(report, form.cleaned_data["uphold"], request.user,
                                      form.cleaned_data["reason"])
        return back
    return None


def download_attachment(request, pk):
    require(request.user, "view_attachment")
    attachment = get_object_or_404(Attachment, pk=pk)
    return FileResponse(attachment.file.open("rb"), as_attachment=True,
                        filename=attachment.original_name,
                        content_type=attachment.content_type)


class ImportForm(forms.Form):
    consultation = forms.ModelChoiceField(
        label=gettext_lazy("Consultation"),
        queryset=ConsultationPage.objects.filter(locale__language_code="en"),
    )
    file = forms.FileField(label=gettext_lazy("The e-mailed submission (DOCX, PDF or TXT)"))
    name = PlainTextField(label=gettext_lazy("Sender's name"), max_length=200, required=False)
    email = forms.EmailField(label=gettext_lazy("Sender's e-mail address"), required=False)
    organisation = PlainTextField(label=gettext_lazy("Organisation"), max_length=300,
                                  required=False)
    country = forms.ChoiceField(label=gettext_lazy("Country"), required=False)
    stakeholder_type = forms.ChoiceField(
        label=gettext_lazy("Stakeholder type"), choices=StakeholderType.choices,
        initial=StakeholderType.INDIVIDUAL,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "—")] + localized_country_choices()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        return upload


def import_view(request):
    """Upload an e-mailed submission; it is split and stored as a pending submission."""
    require(request.user, "add_submission")
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        details = {key: form.cleaned_data[key] for key in
                   ("name", "email", "organisation", "country", "stakeholder_type")}
        try:
            result = import_submission(form.cleaned_data["consultation"], upload.read(),
                                       upload.name, details=details)
        except UnreadableInput as error:
            form.add_error("file", unreadable_reason(error))
        else:
            issues = {p["issue"] for p in result.parts if p["issue"] is not None}
            messages.success(request, _(
                "Imported as %(reference)s: %(answers)d answers on %(issues)d issues."
            ) % {"reference": result.submission.reference, "answers": len(result.parts),
                 "issues": len(issues)})
            return redirect(MODERATION_URL, pk=result.submission.pk)
    return TemplateResponse(request, "consultations/admin/import.html", {"form": form})


def statistics_view(request):
    """Submissions over time, per issue, per stakeholder type and region (confirmed ones)."""
    require(request.user, "view_submission")
    consultations = ConsultationPage.objects.filter(locale__language_code="en")
    selected = consultations.filter(pk=request.GET.get("consultation")).first() or (
        consultations.first())
    context = {"consultations": consultations, "selected": selected, "charts": []}
    if selected is not None:
        counted = selected.submissions_of_all_translations().counted()
        submissions = list(counted.only("stakeholder_type", "country"))
        per_day = Counter(
            counted.annotate(day=TruncDate("created_at")).values_list("day", flat=True)
        )
        issue_counts = Counter(
            number for _submission, number in
            Answer.objects.filter(submission__in=counted, issue__isnull=False)
            .values_list("submission_id", "issue__number").distinct()
        )
        by_stakeholder, by_region = breakdowns(submissions)
        status_counts = Counter(
            selected.submissions_of_all_translations().values_list("status", flat=True))
        context.update({
            "campaign_stats": campaign_statistics(selected),
            "total": len(submissions),
            "statuses": [(label, status_counts[value])
                         for value, label in SubmissionStatus.choices],
            "charts": [
                (title, bar_chart_svg(title, rows)) for title, rows in (
                    (_("Submissions per day"),
                     [(day.isoformat(), n) for day, n in sorted(per_day.items())]),
                    (_("Submissions per issue"),
                     [(str(issue.label()), issue_counts[issue.number])
                      for issue in selected.issues.all()]),
                    (_("Submissions per stakeholder type"), by_stakeholder),
                    (_("Submissions per region"), by_region),
                )
            ],
        })
    return TemplateResponse(request, "consultations/admin/statistics.html", context)
