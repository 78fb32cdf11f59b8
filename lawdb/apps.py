from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LawdbConfig(AppConfig):
    name = "lawdb"
    verbose_name = _("Legal knowledge base")
