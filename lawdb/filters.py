"""Public listing filters, shared by the list views, the search facets and the API so that
a filter means the same thing everywhere."""

import django_filters
from django.utils.translation import gettext_lazy as _

from .models import (
    JudgmentLevel,
    JudgmentPage,
    Jurisdiction,
    Language,
    LegalTextKind,
    LegalTextPage,
    LegalTextStatus,
    Region,
    Subject,
)


class JurisdictionFilterMixin(django_filters.FilterSet):
    jurisdiction = django_filters.ModelChoiceFilter(
        label=_("Jurisdiction"),
        queryset=Jurisdiction.objects.all(),
        to_field_name="iso_code",
        empty_label=_("All jurisdictions"),
    )
    region = django_filters.ChoiceFilter(
        label=_("Region"),
        field_name="jurisdiction__region",
        choices=Region.choices,
        empty_label=_("All regions"),
    )
    subject = django_filters.ChoiceFilter(
        label=_("Subject"), choices=Subject.choices, empty_label=_("All subjects")
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=Language.choices, empty_label=_("All languages")
    )


class LegalTextFilterSet(JurisdictionFilterMixin):
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=LegalTextKind.choices, empty_label=_("All kinds")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=LegalTextStatus.choices, empty_label=_("All statuses")
    )
    year = django_filters.NumberFilter(label=_("Year"))
    year_from = django_filters.NumberFilter(
        label=_("From year"), field_name="year", lookup_expr="gte"
    )
    year_to = django_filters.NumberFilter(label=_("To year"), field_name="year", lookup_expr="lte")

    class Meta:
        model = LegalTextPage
        fields = []


class JudgmentFilterSet(JurisdictionFilterMixin):
    level = django_filters.ChoiceFilter(
        label=_("Level"), choices=JudgmentLevel.choices, empty_label=_("All levels")
    )
    year = django_filters.NumberFilter(label=_("Year"), field_name="decision_date__year")
    year_from = django_filters.NumberFilter(
        label=_("From year"), field_name="decision_date__year", lookup_expr="gte"
    )
    year_to = django_filters.NumberFilter(
        label=_("To year"), field_name="decision_date__year", lookup_expr="lte"
    )

    class Meta:
        model = JudgmentPage
        fields = []
