"""What every list shares: forgiving filters, pagination that never fails, cut lists.

A researcher's URL may carry a mistyped year, an unknown country or a page that no
longer exists. The list then drops what it cannot read, says so, and shows the rest,
rather than answering with an error or an empty page.

A page that shows part of a list that grows with the archive (a country's plenaries,
the plenaries between two days) shows its first rows with `listed()`, which also
counts them all, so the page can say how many more there are and link to them.
"""

import django_filters
from django import forms
from django.core.paginator import Paginator
from django.db.models import Count, Q, Window


class ForgivingFilterSet(django_filters.FilterSet):
    """A FilterSet that applies the values it can read and reports the others."""

    def is_valid(self):
        # Validate the form, but filter on whatever cleaned: cleaned_data holds only
        # the fields that passed, so an invalid value is ignored, not fatal.
        self.form.is_valid()
        return True

    @property
    def ignored(self):
        """(label, message) for each filter value that could not be applied."""
        if not self.is_bound:
            return []
        return [
            (self.form.fields[name].label or name, " ".join(messages))
            for name, messages in self.form.errors.items()
            if name in self.form.fields
        ]

    @property
    def is_filtered(self):
        """Whether any filter (not the sort order) narrows the list."""
        data = getattr(self.form, "cleaned_data", {})
        return any(
            value not in (None, "", [])
            for name, value in data.items()
            if name not in self.unfiltering_fields
        )

    unfiltering_fields = ("order",)


class ClampedPaginationMixin:
    """Out-of-range or malformed page numbers show the nearest real page."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        number = self.page_wanted(paginator, queryset)
        page = paginator.page(min(max(number, 1), paginator.num_pages))
        return paginator, page, page.object_list, page.has_other_pages()

    def page_wanted(self, paginator, queryset):
        """The page number the URL asks for, in or out of range; 1 if unreadable."""
        wanted = self.request.GET.get(self.page_kwarg, 1)
        try:
            return paginator.num_pages if wanted == "last" else int(wanted)
        except (TypeError, ValueError):
            return 1


class KeysFirstPaginator(Paginator):
    """Reads a page in two queries: its keys, sorted alone, then its rows by key.

    SQLite sorts whole result rows. For a list whose rows bring others with them
    (a chair term, its two plenaries and their hosts) it joined those to every
    row of the table, only to keep 50; sorting the keys joins only what the
    order needs.
    """

    def page(self, number):
        page = super().page(number)
        keys = list(page.object_list.values_list("pk", flat=True))
        page.object_list = self.object_list.filter(pk__in=keys)
        return page


class EntryPaginationMixin(ClampedPaginationMixin):
    """Pages of a list whose entries other pages link to by anchor.

    Such a link is the list's URL with `?entry=<slug>#<slug>` (the models'
    get_absolute_url). Without a page number in the URL, the list opens at the
    page holding that entry, wherever the list's growth has moved it: the link
    stays right at any size of the archive, and writing it needs no query. The
    queryset says which entries come before it (`listed_before(slug)`: none if
    the filters leave it out, and the list opens at its first page).
    """

    entry_kwarg = "entry"

    def page_wanted(self, paginator, queryset):
        slug = self.request.GET.get(self.entry_kwarg)
        if slug and self.page_kwarg not in self.request.GET:
            return queryset.listed_before(slug).count() // paginator.per_page + 1
        return super().page_wanted(paginator, queryset)


class WholeNumberFilter(django_filters.NumberFilter):
    """A whole number within bounds, so no lookup ever sees year 0 or 10**30."""

    field_class = forms.IntegerField

    def __init__(self, *args, min_value=1, max_value=2**31 - 1, **kwargs):
        super().__init__(*args, min_value=min_value, max_value=max_value, **kwargs)


class YearFilter(WholeNumberFilter):
    """A year the archive could hold: four digits, and not before the regime."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, min_value=1900, max_value=2200, **kwargs)


class Listed(list):
    """The first items of a list, and `total`: how many there are in all."""

    def __init__(self, items=(), total=0):
        super().__init__(items)
        self.total = total

    @property
    def more(self):
        return self.total - len(self)


def listed(queryset, limit):
    """The first `limit` rows of the queryset and its count, in one query."""
    items = list(queryset.annotate(listed_of=Window(Count("pk")))[:limit])
    return Listed(items, items[0].listed_of if items else 0)


def text_query(value, *fields):
    """Rows with `value` in any of `fields`, ignoring case."""
    query = Q()
    for field in fields:
        query |= Q(**{f"{field}__icontains": value})
    return query
