from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DraftsConfig(AppConfig):
    """The advisers' "Check a draft" workflow: reports from the nlp checker."""

    name = "lawdb.drafts"
    label = "drafts"
    verbose_name = _("Draft checks")
