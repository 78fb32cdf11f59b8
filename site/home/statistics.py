"""Live counts shown on the home page: one query per area, nothing cached."""

from django.utils.translation import gettext_lazy as _


def site_counts():
    """A list of {label, count, url_name} for the home page's "what Concord holds" panel."""
    from consultations.models import ConsultationPage
    from lawdb.models import JudgmentPage, LegalTextPage, TreatyProvision

    return [
        {
            "label": _("National laws and draft bills"),
            "count": LegalTextPage.objects.live().count(),
            "url_name": "lawdb:law_list",
        },
        {
            "label": _("Judgments"),
            "count": JudgmentPage.objects.live().count(),
            "url_name": "lawdb:judgment_list",
        },
        {
            "label": _("Treaty provisions (PLT, STLT)"),
            "count": TreatyProvision.objects.count(),
            "url_name": "lawdb:treaty_list",
        },
        {
            "label": _("Open consultations"),
            # A consultation and its translations are one consultation.
            "count": ConsultationPage.objects.live()
            .open_for_comments()
            .values("translation_key")
            .distinct()
            .count(),
            "url_name": "consultations:consultation_list",
        },
    ]
