from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet


class ConsultationQuerySet(PageQuerySet):
    def open_for_comments(self, now=None):
        now = now or timezone.now()
        return self.filter(opens_at__lte=now, closes_at__gt=now)


class ConsultationPage(Page):
    """A public consultation on an issue paper or a draft law."""

    opens_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When comments start being accepted.")
    )
    closes_at = models.DateTimeField(
        null=True, blank=True, help_text=_("The deadline; the server refuses comments after it.")
    )

    objects = PageManager.from_queryset(ConsultationQuerySet)()

    class Meta:
        verbose_name = _("consultation")
