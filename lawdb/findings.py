"""The checker's labels and categories (nlp.checker) in the interface language, shared by the
law pages' Flags tab and the advisers' draft reports."""

from django.utils.translation import gettext_lazy as _

FINDING_LABELS = {"conflict": _("Conflict"), "aligned": _("Aligned"), "neutral": _("Neutral")}
FINDING_CATEGORIES = {
    "paper_only": _("Paper-only filing"),
    "in_person_or_post": _("Filing in person or by post"),
    "handwritten_signature": _("Handwritten signature"),
    "signature_certification": _("Certification of signatures"),
    "originals_or_copies": _("Originals or certified copies"),
    "seal_or_stamp": _("Seal or stamp"),
    "fee_payment": _("Fee payment"),
    "filing_date": _("Filing-date conditions"),
    "other_conflict": _("Other conflict"),
    "aligned": _("Aligned"),
    "neutral": _("Neutral"),
}
