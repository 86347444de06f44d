"""The filters of the plenary, chair and source lists; every state is a URL."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef

from core.listing import (
    ForgivingFilterSet,
    WholeNumberFilter,
    YearFilter,
    text_query,
)
from members.models import Country
from plenaries.models import Chairmanship, Plenary

ORDER_CHOICES = [("oldest", "Oldest first"), ("newest", "Newest first")]


def countries_in(records):
    """The countries that some of `records` point to (by a `country` key)."""
    return Country.objects.filter(Exists(records.filter(country=OuterRef("pk"))))


class PlenaryFilter(ForgivingFilterSet):
    year_from = YearFilter(
        label="From year", field_name="start_date", lookup_expr="year__gte"
    )
    year_to = YearFilter(
        label="To year", field_name="start_date", lookup_expr="year__lte"
    )
    country = django_filters.ModelChoiceFilter(
        label="Host country",
        field_name="country",
        to_field_name="slug",
        queryset=countries_in(Plenary.objects),
        empty_label="Any host",
    )
    chair_country = django_filters.ModelChoiceFilter(
        label="Chair",
        field_name="chairmanships_begun__countries",
        to_field_name="slug",
        queryset=countries_in(Chairmanship.countries.through.objects),
        empty_label="Any chair",
        distinct=True,
    )
    # The full lists a country's page cuts short: the plenaries whose texts name
    # it, and those that name it as a country of concern.
    named = django_filters.ModelChoiceFilter(
        label="Country named",
        field_name="countries_named",
        to_field_name="slug",
        queryset=countries_in(Plenary.countries_named.through.objects),
        empty_label="Any country",
    )
    concern = django_filters.ModelChoiceFilter(
        label="Country of concern",
        field_name="countries_of_concern",
        to_field_name="slug",
        queryset=countries_in(Plenary.countries_of_concern.through.objects),
        empty_label="Any country",
    )
    has_statement = django_filters.BooleanFilter(
        label="Public statement",
        method="filter_has_statement",
        widget=forms.Select(
            choices=[("", "Either"), ("true", "With a statement"), ("false", "Without")]
        ),
    )
    resolution = WholeNumberFilter(
        label="UNSC resolution cited",
        field_name="resolutions__number",
        lookup_expr="exact",
        distinct=True,
    )
    q = django_filters.CharFilter(label="Text", method="filter_text", max_length=200)
    order = django_filters.ChoiceFilter(
        label="Order", choices=ORDER_CHOICES, method="order_by", empty_label=None
    )

    class Meta:
        model = Plenary
        fields = []

    def filter_has_statement(self, queryset, name, value):
        if value is None:
            return queryset
        return (
            queryset.exclude(statement="") if value else queryset.filter(statement="")
        )

    def filter_text(self, queryset, name, value):
        return queryset.filter(
            text_query(
                value, "city", "country__name", "opened_by", "statement", "summary"
            )
        )

    def order_by(self, queryset, name, value):
        if value == "newest":
            return queryset.order_by("-start_date")
        return queryset.order_by("start_date")


class ChairmanshipFilter(ForgivingFilterSet):
    country = django_filters.ModelChoiceFilter(
        label="Country",
        field_name="countries",
        to_field_name="slug",
        queryset=countries_in(Chairmanship.countries.through.objects),
        empty_label="Any country",
    )
    year_from = YearFilter(
        label="From year",
        field_name="start_plenary__start_date",
        lookup_expr="year__gte",
    )
    year_to = YearFilter(
        label="To year", field_name="start_plenary__start_date", lookup_expr="year__lte"
    )
    person = django_filters.CharFilter(
        label="Person", field_name="people__person__key", max_length=200,
        widget=forms.HiddenInput,
    )  # fmt: skip
    q = django_filters.CharFilter(label="Name", method="filter_text", max_length=200)

    class Meta:
        model = Chairmanship
        fields = []

    def filter_text(self, queryset, name, value):
        matching = Chairmanship.objects.filter(
            text_query(
                value, "people__person__name", "countries__name", "notes", "announced"
            )
        )
        return queryset.filter(pk__in=matching.values("pk"))
