from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from home.nlp_messages import unreadable_reason
from nlp.errors import UnreadableInput
from nlp.readers import read_document

from .models import LegalTextPage

MAX_UPLOAD_BYTES = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE


class ImportVersionForm(forms.Form):
    """Upload a law's text as a new version. The file is read (and rejected) here, by its
    content, before anything is saved."""

    law = forms.ModelChoiceField(
        label=_("Law"),
        queryset=LegalTextPage.objects.order_by("title"),
        help_text=_("The law page this text is a version of. Create the page first."),
    )
    effective_date = forms.DateField(
        label=_("Effective date"),
        help_text=_(
            "Date from which this version applies (YYYY-MM-DD). An existing version "
            "with the same date is replaced."
        ),
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=300,
        help_text=_("What changed, e.g. 'As amended by Act No. 8 of 2019'."),
    )
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "Plain text (UTF-8), DOCX, PDF with a text layer, or Akoma Ntoso XML; at most 10 MB."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is too large (max %(size)d MB)."),
                params={"size": MAX_UPLOAD_BYTES // 2**20},
            )
        try:
            self.document = read_document(upload.read(), filename=upload.name)
        except UnreadableInput as exc:
            raise forms.ValidationError(unreadable_reason(exc)) from exc
        return upload
