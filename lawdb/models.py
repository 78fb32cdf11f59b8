from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class TreatyProvision(models.Model):
    """A provision of the PLT or the STLT, cited in the catalogue's form (e.g. "PLT Art. 8(4)(b)")."""

    citation = models.CharField(
        max_length=40, unique=True, help_text=_("Stable citation, e.g. 'PLT Art. 8(4)(b)'.")
    )

    def __str__(self):
        return self.citation


class LegalTextPage(Page):
    """An act, regulation, decree or draft bill of one jurisdiction."""

    class Meta:
        verbose_name = _("legal text")


class JudgmentPage(Page):
    """A court judgment on intellectual property."""

    class Meta:
        verbose_name = _("judgment")
