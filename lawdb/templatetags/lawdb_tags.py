from django import template
from django.utils.translation import gettext_lazy as _

from lawdb.knowledge_search import COUNT_CAP

register = template.Library()

# The checker's labels and categories (nlp.checker), in the interface language.
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


@register.filter
def result_count(value):
    """A capped search count (see lawdb.knowledge_search.COUNT_CAP) as "1000+"."""
    return f"{COUNT_CAP}+" if value > COUNT_CAP else str(value)


@register.filter
def get_item(mapping, key):
    return mapping.get(key)


@register.filter
def finding_label(value):
    return FINDING_LABELS.get(value, value)


@register.filter
def finding_category(value):
    return FINDING_CATEGORIES.get(value, value)
