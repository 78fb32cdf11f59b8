from datetime import timedelta
from pathlib import Path

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.nlp_messages import unreadable_reason
from lawdb.models import Jurisdiction, LegalTextPage
from nlp.errors import UnreadableInput
from nlp.lang import detect_lang
from nlp.readers import read_document

from .models import DraftCheck

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# One adviser cannot flood the task queue: a few checks may wait at a time. Checks older than
# the window no longer count, so a check stranded by a crashed worker does not block anyone.
MAX_CHECKS_IN_PROGRESS = 3
IN_PROGRESS_WINDOW = timedelta(hours=1)
ACCEPTED_EXTENSIONS = (".docx", ".pdf", ".txt")
TITLE_FROM_TEXT_CHARS = 120


class LawInForceSelect(forms.Select):
    """A select whose options carry their jurisdiction, so a script can narrow the list."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if value:
            option["attrs"]["data-jurisdiction"] = str(value.instance.jurisdiction_id)
        return option


class DraftCheckForm(forms.ModelForm):
    """Paste the text of a draft or upload it; the file is read here, so a bad file is
    rejected with the form and nothing is saved."""

    text = forms.CharField(
        label=_("Paste the text of the draft"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
    )
    upload = forms.FileField(
        label=_("Or upload a file"),
        required=False,
        help_text=_("DOCX, PDF (with a text layer) or UTF-8 TXT, at most 10 MB."),
        widget=forms.FileInput(attrs={"accept": ",".join(ACCEPTED_EXTENSIONS)}),
    )

    class Meta:
        model = DraftCheck
        fields = ["title", "jurisdiction", "amends"]
        labels = {
            "title": _("Title"),
            "jurisdiction": _("Jurisdiction"),
            "amends": _("Law in force that the draft amends (optional)"),
        }
        help_texts = {
            "title": _("Leave empty to use the file name or the first line of the text."),
            "jurisdiction": _("The jurisdiction whose draft law this is."),
            "amends": _("The report will then show what the draft adds, changes and deletes."),
        }
        widgets = {"amends": LawInForceSelect}

    def __init__(self, owner, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner
        self.fields["title"].required = False
        self.fields["jurisdiction"].required = True
        self.fields["jurisdiction"].queryset = Jurisdiction.objects.all()
        self.fields["amends"].queryset = LegalTextPage.objects.live().in_force()
        self.fields["amends"].label_from_instance = lambda law: law.display_title
        self.document = None

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        if upload is None:
            return None
        if Path(upload.name).suffix.lower() not in ACCEPTED_EXTENSIONS:
            raise forms.ValidationError(
                _("Upload a DOCX, PDF or TXT file."), code="unsupported_type"
            )
        # Checked before reading, so an oversized upload is never loaded into memory.
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is too large: the limit is 10 MB."), code="too_large"
            )
        try:
            self.document = read_document(
                upload.read(), filename=upload.name, max_bytes=MAX_UPLOAD_BYTES
            )
        except UnreadableInput as exc:
            raise forms.ValidationError(
                _("This file cannot be read: %(reason)s"),
                code="unreadable",
                params={"reason": unreadable_reason(exc)},
            ) from exc
        return upload

    def clean(self):
        cleaned = super().clean()
        waiting = DraftCheck.objects.filter(owner=self.owner).in_progress(
            since=timezone.now() - IN_PROGRESS_WINDOW
        )
        if waiting.count() >= MAX_CHECKS_IN_PROGRESS:
            raise forms.ValidationError(
                _("You already have %(count)s checks in progress; submit again when one is done."),
                code="too_many",
                params={"count": MAX_CHECKS_IN_PROGRESS},
            )
        text = cleaned.get("text", "").strip()
        upload = cleaned.get("upload")
        if text and upload:
            raise forms.ValidationError(
                _("Paste the text or upload a file, not both."), code="both_sources"
            )
        if not text and not upload and "upload" not in self.errors:
            raise forms.ValidationError(
                _("Paste the text of the draft or upload a file."), code="no_source"
            )
        jurisdiction, amends = cleaned.get("jurisdiction"), cleaned.get("amends")
        if jurisdiction and amends and amends.jurisdiction_id != jurisdiction.pk:
            self.add_error("amends", _("Choose a law of the jurisdiction you picked above."))
        return cleaned

    def save(self):
        draft = super().save(commit=False)
        draft.owner = self.owner
        if self.document is not None:
            draft.source_text = self.document.text
            draft.language = self.document.lang
            draft.source_filename = Path(self.cleaned_data["upload"].name).name
        else:
            draft.source_text = self.cleaned_data["text"].strip()
            draft.language = detect_lang(draft.source_text)
        if not draft.title:
            draft.title = self._default_title(draft)
        draft.save()
        return draft

    @staticmethod
    def _default_title(draft):
        if draft.source_filename:
            return Path(draft.source_filename).stem
        first_line = draft.source_text.strip().split("\n", 1)[0]
        return first_line[:TITLE_FROM_TEXT_CHARS]
