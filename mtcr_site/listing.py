"""What every filtered list shares: forgiving filters and pagination that never fails.

A researcher's URL may carry a mistyped year, an unknown country or a page that no
longer exists. The list then drops what it cannot read, says so, and shows the rest,
rather than answering with an error or an empty page.
"""

import django_filters
from django import forms
from django.core.paginator import Paginator

from .widgets import renderer


class ForgivingFilterSet(django_filters.FilterSet):
    """A FilterSet that applies the values it can read and reports the others."""

    def get_form_class(self):
        form_class = super().get_form_class()
        form_class.default_renderer = renderer  # widgets written in Python
        return form_class

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
        paginator = Paginator(queryset, page_size, allow_empty_first_page=True)
        wanted = self.request.GET.get(self.page_kwarg, 1)
        try:
            number = paginator.num_pages if wanted == "last" else int(wanted)
        except (TypeError, ValueError):
            number = 1
        page = paginator.page(min(max(number, 1), paginator.num_pages))
        return paginator, page, page.object_list, page.has_other_pages()


class WholeNumberFilter(django_filters.NumberFilter):
    """A whole number within bounds, so no lookup ever sees year 0 or 10**30."""

    field_class = forms.IntegerField

    def __init__(self, *args, min_value=1, max_value=2**31 - 1, **kwargs):
        super().__init__(*args, min_value=min_value, max_value=max_value, **kwargs)


class YearFilter(WholeNumberFilter):
    """A year the archive could hold: four digits, and not before the regime."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, min_value=1900, max_value=2200, **kwargs)
