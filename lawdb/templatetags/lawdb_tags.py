from django import template

from lawdb.findings import FINDING_CATEGORIES, FINDING_LABELS
from lawdb.knowledge_search import COUNT_CAP

register = template.Library()

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
