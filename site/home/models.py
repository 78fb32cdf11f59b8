from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from .statistics import site_counts


class HomePage(Page):
    """The front page of one locale: what Concord holds, with live counts and links to each area."""

    intro = models.TextField(
        blank=True,
        verbose_name=_("introduction"),
        help_text=_("One or two sentences under the site title, in this page's language."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["counts"] = site_counts()
        return context
