"""The public forms: a submission (with its answers and attachments) and a false-attribution
report. Everything the public writes is kept as plain text and escaped on output."""

import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

from . import antiabuse
from .countries import localized_country_choices
from .files import MAX_ATTACHMENTS, RejectedFile, check_upload
from .models import (
    SUBMISSION_LANGUAGES,
    Capacity,
    FalseAttributionReport,
    StakeholderType,
)

MAX_ANSWER_CHARS = 20_000
MAX_TOTAL_CHARS = 200_000
HONEYPOT_FIELD = "website"


def plain_text(value):
    """NFC-normalised text without control characters (line breaks and tabs kept)."""
    value = unicodedata.normalize("NFC", value or "").replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in value if ch in "\n\t" or unicodedata.category(ch)[0] != "C")


class PlainTextField(forms.CharField):
    def to_python(self, value):
        return plain_text(super().to_python(value)).strip()


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = [f for f in (data or []) if f] if isinstance(data, list | tuple) else (
            [data] if data else []
        )
        if len(files) > MAX_ATTACHMENTS:
            raise forms.ValidationError(
                _("Attach at most %(max)d files.") % {"max": MAX_ATTACHMENTS}
            )
        errors, checked = [], []
        for upload in files:
            super().clean(upload, initial)
            try:
                checked.append((upload, check_upload(upload)))
            except RejectedFile as error:
                errors.append(str(error))
        if errors:
            raise forms.ValidationError(errors)
        return checked


def answer_field_name(issue_number, question_number=None):
    if question_number:
        return f"answer_{issue_number}_{question_number}"
    return f"answer_{issue_number}"


GENERAL_COMMENT_FIELD = "general_comment"


class SubmissionForm(forms.Form):
    """Who is commenting, how they may be published, and their answers to the consultation's
    issues and questions (one field per question, one per issue as a whole, one general)."""

    name = PlainTextField(label=_("Your name"), max_length=200)
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("We send a confirmation link to this address. It is never published."),
    )
    organisation = PlainTextField(label=_("Organisation"), max_length=300, required=False)
    capacity = forms.ChoiceField(
        label=_("You are commenting"), choices=Capacity.choices, widget=forms.RadioSelect,
        initial=Capacity.PERSONAL,
    )
    stakeholder_type = forms.ChoiceField(
        label=_("Stakeholder type"), choices=[("", "—")] + StakeholderType.choices,
    )
    country = forms.ChoiceField(label=_("Country"))
    language = forms.ChoiceField(label=_("Language of your comments"), choices=SUBMISSION_LANGUAGES)
    consent = forms.ChoiceField(label=_("Publication"), widget=forms.RadioSelect)
    general_comment = PlainTextField(
        label=_("General comment"), required=False, max_length=MAX_ANSWER_CHARS,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Anything that is not about one particular issue."),
    )
    attachments = AttachmentsField(
        label=_("Attachments"), required=False,
        help_text=_("Up to 10 files (PDF, DOCX, ODT or plain text), 10 MB each."),
    )
    form_token = forms.CharField(widget=forms.HiddenInput)
    # A field people never see (hidden by CSS, skipped by keyboard and screen readers).
    website = forms.CharField(
        label=_("Leave this field empty"), required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, consultation, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.consultation = consultation
        self.editing = editing
        self.fields["country"].choices = [("", "—")] + localized_country_choices()
        self.fields["consent"].choices = consultation.publication_choices()
        self.issues = list(consultation.issues_with_questions())
        for issue in self.issues:
            for question in issue.questions.all():
                self.fields[answer_field_name(issue.number, question.number)] = PlainTextField(
                    label=_("Your answer to question (%(number)s)") % {"number": question.number},
                    required=False, max_length=MAX_ANSWER_CHARS,
                    widget=forms.Textarea(attrs={"rows": 4}),
                )
            # An article of a draft law has no questions: its field is the only one.
            label = _("Other comments on %(issue)s") if issue.questions.all() else _(
                "Your comments on %(issue)s")
            self.fields[answer_field_name(issue.number)] = PlainTextField(
                label=label % {"issue": issue.label()},
                required=False, max_length=MAX_ANSWER_CHARS,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        if editing:
            # The private link is the credential; the address stays the confirmed one.
            for name in ("email", "form_token", HONEYPOT_FIELD, "attachments"):
                del self.fields[name]

    def issue_fields(self):
        """For the template: each issue with its bound question fields and its own field."""
        for issue in self.issues:
            questions = [
                (question, self[answer_field_name(issue.number, question.number)])
                for question in issue.questions.all()
            ]
            issue_field = self[answer_field_name(issue.number)]
            fields = [field for _question, field in questions] + [issue_field]
            yield {
                "issue": issue,
                "questions": questions,
                "issue_field": issue_field,
                # Issues already answered (or in error) are shown unfolded.
                "open": any(field.value() or field.errors for field in fields),
            }

    def answers(self):
        """(issue, question, text) for every non-empty answer, in paper order."""
        result = []
        for issue in self.issues:
            for question in issue.questions.all():
                text = self.cleaned_data.get(answer_field_name(issue.number, question.number))
                if text:
                    result.append((issue, question, text))
            if text := self.cleaned_data.get(answer_field_name(issue.number)):
                result.append((issue, None, text))
        if text := self.cleaned_data.get(GENERAL_COMMENT_FIELD):
            result.append((None, None, text))
        return result

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT_FIELD):
            raise forms.ValidationError(_("Your submission could not be accepted."),
                                        code="honeypot")
        if not self.editing:
            token = antiabuse.read_form_token(self.data.get("form_token"))
            if token is None:
                raise forms.ValidationError(
                    _("The form has expired. Your text is kept below: please send it again."),
                    code="token",
                )
            if token.filled_too_fast():
                raise forms.ValidationError(
                    _("The form was sent too quickly. Please check it and send it again."),
                    code="too_fast",
                )
            self.token = token
        answers = self.answers() if not self.errors else []
        if not self.errors and not answers and not cleaned.get("attachments"):
            raise forms.ValidationError(
                _("Answer at least one question, comment on an issue, write a general comment "
                  "or attach a file."),
                code="empty",
            )
        if sum(len(text) for _issue, _question, text in answers) > MAX_TOTAL_CHARS:
            raise forms.ValidationError(
                _("Your comments are too long (at most %(max)d characters in all); please "
                  "attach a file instead.") % {"max": MAX_TOTAL_CHARS},
                code="too_long",
            )
        if cleaned.get("capacity") == Capacity.ORGANISATION and not cleaned.get("organisation"):
            self.add_error("organisation", _("Name the organisation you comment for."))
        return cleaned


class FalseAttributionForm(forms.ModelForm):
    reporter_name = PlainTextField(label=_("Your name"), max_length=200)
    explanation = PlainTextField(
        label=_("Why this comment is not yours"), max_length=5_000, widget=forms.Textarea,
    )

    class Meta:
        model = FalseAttributionReport
        fields = ["reporter_name", "reporter_email", "explanation"]
        labels = {"reporter_email": _("Your e-mail address")}
        help_texts = {"reporter_email": _("Only the secretariat sees it, to reply to you.")}
