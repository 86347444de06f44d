"""The filters of the source list."""

import django_filters

from core.listing import ForgivingFilterSet, text_query

from .models import SourceDocument


class SourceFilter(ForgivingFilterSet):
    kind = django_filters.ChoiceFilter(
        label="Kind",
        field_name="kind",
        lookup_expr="exact",
        choices=SourceDocument.Kind.choices,
        empty_label="Any kind",
    )
    q = django_filters.CharFilter(label="Text", method="filter_text", max_length=200)

    class Meta:
        model = SourceDocument
        fields = []

    def filter_text(self, queryset, name, value):
        return queryset.filter(text_query(value, "title", "publisher", "text"))
