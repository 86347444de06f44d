"""The filtered timeline as a sequence that is only ever read a page at a time.

One query counts the entries of every kind by month; a page then fetches only
the months it covers. A page therefore costs the same few queries, and about the
same time, however large the archive grows.
"""

import bisect
import dataclasses
import datetime
import itertools
from functools import cached_property

from django.db.models import Count, Value

from core.dates import DatePrecision, period_end
from core.functions import MonthOf
from timeline.kinds import SOURCES


@dataclasses.dataclass(frozen=True)
class Filters:
    kinds: tuple = ()
    year_from: int | None = None
    year_to: int | None = None
    country: object = None
    q: str = ""
    newest_first: bool = False


class Chronology:
    """Entries of the chosen kinds (all when none) in date order, sliced lazily.

    Works with Django's Paginator: `count()` and slicing are all it uses.
    """

    def __init__(self, filters=Filters()):
        self.filters = filters
        self.sources = [SOURCES[kind] for kind in filters.kinds or SOURCES]

    def records(self, source, start=None, last=None):
        """The source's records under the filters, between two days (both
        included) if given."""
        queryset = source.select(self.filters.country, self.filters.q)
        if queryset is None:
            return None
        field = source.date_field
        bounds = {f"{field}__isnull": False}
        if self.filters.year_from is not None:
            bounds[f"{field}__gte"] = datetime.date(self.filters.year_from, 1, 1)
        if self.filters.year_to is not None:
            bounds[f"{field}__lte"] = datetime.date(self.filters.year_to, 12, 31)
        if start is not None:
            bounds[f"{field}__gte"] = max(start, bounds.get(f"{field}__gte", start))
            bounds[f"{field}__lte"] = min(last, bounds.get(f"{field}__lte", last))
        return queryset.filter(**bounds)

    @cached_property
    def months(self):
        """[(first day of month, {kind: entries})] in the order shown."""
        counts = []
        for source in self.sources:
            queryset = self.records(source)
            if queryset is not None:
                counts.append(
                    queryset.order_by()
                    .prefetch_related(None)
                    .annotate(month=MonthOf(source.date_field))
                    .values("month")
                    .annotate(entries=Count("pk"), kind=Value(source.kind))
                    .values_list("month", "kind", "entries")
                )
        by_month = {}
        if counts:
            for month, kind, entries in counts[0].union(*counts[1:], all=True):
                first_day = datetime.date(*divmod(month, 100), 1)
                by_month.setdefault(first_day, {})[kind] = entries
        return sorted(by_month.items(), reverse=self.filters.newest_first)

    @cached_property
    def _offsets(self):
        """Where each month's entries begin in the whole sequence."""
        totals = [sum(kinds.values()) for _, kinds in self.months]
        return [0, *itertools.accumulate(totals)]

    def count(self):
        return self._offsets[-1]

    def __len__(self):
        return self.count()

    def years(self):
        """[(year, index of its first entry)], in the order shown."""
        first = {}
        for (month, _), offset in zip(self.months, self._offsets, strict=False):
            first.setdefault(month.year, offset)
        return list(first.items())

    def __getitem__(self, index):
        if isinstance(index, int):
            return self[index : index + 1][0]
        start, stop, _ = index.indices(self.count())
        if start >= stop:
            return []
        # The months holding entries start..stop-1, fetched whole, then cut.
        first = bisect.bisect_right(self._offsets, start) - 1
        last = bisect.bisect_left(self._offsets, stop) - 1
        window = self.months[first : last + 1]
        days = [month for month, _ in window]
        # The window's last day, not the next month's first: the archive may hold
        # a record of December 9999 (an "open-ended" date), which has no next.
        begin, end = min(days), period_end(max(days), DatePrecision.MONTH)
        entries = []
        for source in self.sources:
            # Every kind is asked, present in the window or not: a page runs the
            # same queries whatever it shows.
            queryset = self.records(source, begin, end)
            if queryset is not None:
                entries.extend(source.entries(source.rows(queryset), begin, end))
        entries.sort(key=lambda e: e.sort_key, reverse=self.filters.newest_first)
        skip = start - self._offsets[first]
        return entries[skip : skip + stop - start]


def group_by_year(entries):
    """[(year, [entries])], in the entries' order."""
    return [
        (year, list(group))
        for year, group in itertools.groupby(entries, key=lambda e: e.date.year)
    ]


def jump_bar(links):
    """[(decade, [(year, href)])] for [(year, href)], in their order."""
    return [
        (decade, list(group))
        for decade, group in itertools.groupby(
            links, key=lambda link: link[0] // 10 * 10
        )
    ]
