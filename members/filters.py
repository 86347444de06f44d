"""The filters of the partner and adherent lists."""

import django_filters
from django import forms
from django.db.models import Q

from core.listing import ForgivingFilterSet, YearFilter

from .models import Adherence, Membership


class MembershipFilter(ForgivingFilterSet):
    on = django_filters.DateFilter(
        label="Partners on (YYYY-MM-DD)",
        method="filter_on",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    founding = django_filters.BooleanFilter(
        label="Founding partners",
        field_name="founding",
        lookup_expr="exact",
        widget=forms.Select(
            choices=[("", "All partners"), ("true", "Founding"), ("false", "Later")]
        ),
    )
    # A partnership joined "from" a year certainly began on or after it; "to" a
    # year, by its end.
    year_from = YearFilter(
        label="Joined from year", field_name="since_earliest", lookup_expr="year__gte"
    )
    year_to = YearFilter(
        label="Joined to year", field_name="since_latest", lookup_expr="year__lte"
    )
    q = django_filters.CharFilter(label="Country", method="filter_text", max_length=200)

    class Meta:
        model = Membership
        fields = []

    def filter_on(self, queryset, name, value):
        """Partners on a day, certainly or possibly (the page groups them)."""
        return queryset.exclude(since_earliest__gt=value)

    def filter_text(self, queryset, name, value):
        return queryset.filter(
            Q(country__name__icontains=value) | Q(country__iso_code__iexact=value)
        )


class AdherenceFilter(ForgivingFilterSet):
    kind = django_filters.ChoiceFilter(
        label="Kind",
        field_name="kind",
        lookup_expr="exact",
        choices=Adherence.Kind.choices,
        empty_label="Any kind",
    )
    on = django_filters.DateFilter(
        label="Adherents on (YYYY-MM-DD)",
        method="filter_on",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    q = django_filters.CharFilter(label="Country", method="filter_text", max_length=200)

    class Meta:
        model = Adherence
        fields = []

    def filter_on(self, queryset, name, value):
        return queryset.on(value)

    def filter_text(self, queryset, name, value):
        return queryset.filter(
            Q(country__name__icontains=value) | Q(country__iso_code__iexact=value)
        )
