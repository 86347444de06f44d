"""The filters of the plenary, chair and source lists; every state is a URL."""

from functools import cached_property

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Value
from django.utils.choices import BaseChoiceIterator

from core.listing import (
    ForgivingFilterSet,
    WholeNumberFilter,
    YearFilter,
    text_query,
)
from members.models import Country
from plenaries.models import Chairmanship, Plenary

ORDER_CHOICES = [("oldest", "Oldest first"), ("newest", "Newest first")]


class CountryFilter(django_filters.ModelChoiceFilter):
    """Records related to a country, chosen by slug among the countries that some
    of `among` point to (by a `country` key). Those are found by a semi-join, which
    reads an index entry per country, where a join then DISTINCT read every
    plenary of a grown archive to find them."""

    def __init__(self, among, **kwargs):
        kwargs.setdefault("empty_label", "Any country")
        super().__init__(
            to_field_name="slug",
            queryset=Country.objects.filter(
                Exists(among.filter(country=OuterRef("pk")))
            ),
            **kwargs,
        )


class CountryChoices(BaseChoiceIterator):
    """A dropdown's choices, from its FilterSet's one query, read when the widget
    first lists them: an export validates the filters but renders no dropdown.
    (A choice iterator, so that the widget keeps it as it is rather than reading
    it into a list.)"""

    def __init__(self, filterset, name):
        self.filterset = filterset
        self.name = name

    def __iter__(self):
        return iter(self.filterset.country_choices[self.name])


class CountryChoicesFilterSet(ForgivingFilterSet):
    """Lists the choices of all its CountryFilters in one query, the UNION of each
    filter's own semi-join, rather than a query per dropdown. (A flag per filter
    in one SELECT made PostgreSQL scan whole tables once per country.) The
    filters' querysets still validate a chosen country."""

    def country_filters(self):
        return {
            name: filter_
            for name, filter_ in self.filters.items()
            if isinstance(filter_, CountryFilter)
        }

    @cached_property
    def country_choices(self):
        """{filter name: [("", empty label), (slug, country name), ...]}."""
        choices = {
            name: [("", filter_.extra["empty_label"])]
            for name, filter_ in self.country_filters().items()
        }
        parts = [
            self.filters[name]
            .queryset.order_by()
            .annotate(filter_name=Value(name))
            .values_list("filter_name", "slug", "name")
            for name in choices
        ]
        for name, slug, country in (
            parts[0].union(*parts[1:], all=True).order_by("name")
        ):
            choices[name].append((slug, country))
        return choices

    @property
    def form(self):
        if not hasattr(self, "_form"):
            form = super().form
            for name in self.country_filters():
                # The widget's, which the page renders: django-filter's model
                # choice fields take no plain choices.
                form.fields[name].widget.choices = CountryChoices(self, name)
        return self._form


class PlenaryFilter(CountryChoicesFilterSet):
    year_from = YearFilter(
        label="From year", field_name="start_date", lookup_expr="year__gte"
    )
    year_to = YearFilter(
        label="To year", field_name="start_date", lookup_expr="year__lte"
    )
    country = CountryFilter(
        Plenary.objects,
        label="Host country",
        field_name="country",
        empty_label="Any host",
    )
    chair_country = CountryFilter(
        Chairmanship.countries.through.objects,
        label="Chair",
        field_name="chairmanships_begun__countries",
        empty_label="Any chair",
        distinct=True,
    )
    # The full lists a country's page cuts short: the plenaries whose texts name
    # it, and those that name it as a country of concern.
    named = CountryFilter(
        Plenary.countries_named.through.objects,
        label="Country named",
        field_name="countries_named",
    )
    concern = CountryFilter(
        Plenary.countries_of_concern.through.objects,
        label="Country of concern",
        field_name="countries_of_concern",
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


class ChairmanshipFilter(CountryChoicesFilterSet):
    country = CountryFilter(
        Chairmanship.countries.through.objects, label="Country", field_name="countries"
    )
    year_from = YearFilter(
        label="From year",
        field_name="start_plenary__start_date",
        lookup_expr="year__gte",
    )
    year_to = YearFilter(
        label="To year", field_name="start_plenary__start_date", lookup_expr="year__lte"
    )
    q = django_filters.CharFilter(label="Name", method="filter_text", max_length=200)

    class Meta:
        model = Chairmanship
        fields = []

    def filter_text(self, queryset, name, value):
        matching = Chairmanship.objects.filter(
            text_query(value, "people__name", "countries__name", "notes", "announced")
        )
        return queryset.filter(pk__in=matching.values("pk"))
