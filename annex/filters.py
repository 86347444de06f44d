"""The filters of the Annex revision list."""

import django_filters
from django.db.models import Q

from core.listing import ForgivingFilterSet, YearFilter

from .models import AnnexRevision


class AnnexRevisionFilter(ForgivingFilterSet):
    year_from = YearFilter(
        label="From year", field_name="date", lookup_expr="year__gte"
    )
    year_to = YearFilter(label="To year", field_name="date", lookup_expr="year__lte")
    q = django_filters.CharFilter(label="Text", method="filter_text", max_length=200)

    class Meta:
        model = AnnexRevision
        fields = []

    def filter_text(self, queryset, name, value):
        return queryset.filter(
            Q(summary__icontains=value)
            | Q(description__icontains=value)
            | Q(meeting__icontains=value)
        )
