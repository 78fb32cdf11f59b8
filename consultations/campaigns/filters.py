"""Filters for the moderation queue of submissions: by campaign, or unique vs campaign.
The consultations app's SubmissionFilterSet inherits them (see the class docstring)."""

import django_filters
from django.utils.translation import gettext_lazy as _


class CampaignFilters(django_filters.FilterSet):
    """Mix into a Submission FilterSet: ``class SubmissionFilterSet(CampaignFilters,
    WagtailFilterSet)``."""

    CLUSTERING_CHOICES = [
        ("campaign", _("In a campaign")),
        ("unique", _("Unique comment")),
        ("flagged", _("In a possibly computer-generated campaign")),
    ]

    campaign = django_filters.NumberFilter(
        label=_("Campaign number"), field_name="campaign_membership__campaign",
    )
    clustering = django_filters.ChoiceFilter(
        label=_("Campaign cluster"), choices=CLUSTERING_CHOICES, method="filter_clustering",
    )

    def filter_clustering(self, queryset, name, value):
        campaign = "campaign_membership__campaign__"
        if value == "campaign":
            return queryset.filter(**{campaign + "size__gte": 2})
        if value == "unique":
            return queryset.filter(**{campaign + "size": 1})
        return queryset.filter(**{campaign + "suspected_computer_generated": True})
