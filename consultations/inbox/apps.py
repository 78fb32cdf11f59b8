from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InboxConfig(AppConfig):
    """Write-ahead intake: submissions accepted as JSON, stored as received in one short
    transaction, then recorded as consultations.Submission rows by a background task."""

    name = "consultations.inbox"
    label = "inbox"
    verbose_name = _("Submission inbox")
    default_auto_field = "django.db.models.BigAutoField"
