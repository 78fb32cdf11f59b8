from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def navigation(request):
    """The primary navigation, shared by every public template."""
    return {
        "primary_navigation": [
            {"label": _("Laws"), "url": reverse("lawdb:law_list")},
            {"label": _("Judgments"), "url": reverse("lawdb:judgment_list")},
            {"label": _("Treaties"), "url": reverse("lawdb:treaty_list")},
            {"label": _("Consultations"), "url": reverse("consultations:consultation_list")},
            {"label": _("Check a draft"), "url": reverse("drafts:check_draft")},
            {"label": _("Search"), "url": reverse("search")},
        ]
    }
