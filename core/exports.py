"""A list's rows, as its `?format=csv|json` export and the API give them.

Each list's app declares its rows once (`Rows`, in `<app>/rows.py`): the columns,
the records as the rows read them, and a function building a dict per record.
The list page's export and the API endpoint both filter those records with the
list's own FilterSet and answer the same rows.

An export may hold every row of the archive, thousands of them at scale, so it is
read in a constant number of queries and built a row at a time: a row builder
reads each list its rows carry (chairs, evidence) in one query, keyed by row,
then iterates the rows themselves in chunks, as instances holding only the
columns exported. The answer is still one ordinary HttpResponse, not a streaming
one, so that the page cache stores it.
"""

import csv
import io
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import chain

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, HttpResponseBadRequest

from core.addresses import absolute_url

FORMATS = ("csv", "json")
# Rows read from the database at a time: bounds the instances held in memory.
CHUNK_SIZE = 500


@dataclass(frozen=True)
class Rows:
    """The rows of a list, one dict per record with `fields` as its keys, in order.

    `records()` gives the records as the rows read them, before the list's
    filters; `build(records, absolute)` yields the row of each of the (filtered)
    records, in their order, `absolute` turning a path into an absolute URL.
    JSON keeps lists as lists, CSV joins them with "; ".
    """

    fields: tuple[str, ...]
    records: Callable
    build: Callable[..., Iterable[dict]]

    def __call__(self, records, absolute):
        return self.build(records, absolute)

    def where(self, absolute, **lookup):
        """The rows of the records matching `lookup`, as a list."""
        return list(self(self.records().filter(**lookup), absolute))

    def filtered(self, filterset_class, request):
        """The list's filters, read from the request, over the rows' records."""
        filterset = filterset_class(
            data=request.GET or None, request=request, queryset=self.records()
        )
        filterset.is_valid()
        return filterset


class ExportMixin:
    """Adds CSV and JSON exports to a FilterView.

    A view sets `export_name` (the file's base name) and `export_rows`, the list's
    `Rows`. Every row its filters select is exported, not only the current page.
    """

    export_name = "export"
    # A view that forgets its rows fails when its class is defined, not when a
    # visitor first asks for an export.
    export_hooks = ("export_rows",)

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        missing = [name for name in cls.export_hooks if not hasattr(cls, name)]
        if missing:
            raise TypeError(f"{cls.__name__} must define {' and '.join(missing)}")

    def get(self, request, *args, **kwargs):
        wanted = request.GET.get("format")
        if wanted is None:
            return super().get(request, *args, **kwargs)
        if wanted not in FORMATS:
            return HttpResponseBadRequest(
                f"Unknown format. Choose one of: {', '.join(FORMATS)}.",
                content_type="text/plain; charset=utf-8",
            )
        filterset = self.export_rows.filtered(self.get_filterset_class(), request)
        rows = self.export_rows(filterset.qs, absolute_url)
        if wanted == "json":
            response = HttpResponse(
                json.dumps(list(rows), cls=DjangoJSONEncoder, indent=1),
                content_type="application/json",
            )
        else:
            response = HttpResponse(
                csv_content(rows, self.export_rows.fields),
                content_type="text/csv; charset=utf-8",
            )
        response["Content-Disposition"] = (
            f'attachment; filename="{self.export_name}.{wanted}"'
        )
        return response


def grouped(rows):
    """{key: [value, ...]} from rows (key, value), or (key, *values) for a tuple of
    values, each list in the rows' order."""
    lists = defaultdict(list)
    for key, *values in rows:
        lists[key].append(values[0] if len(values) == 1 else tuple(values))
    return lists


def evidence(passages):
    """Each (source title, passage) on one line, for an export."""
    return [f"{title}: “{' '.join(passage.split())}”" for title, passage in passages]


def csv_content(rows, fieldnames):
    """The rows under a header of their field names, each list joined with "; "."""
    # Plain rows of the values in order: a DictWriter checks each row's keys,
    # which the row builders set, and costs more.
    values = (
        [
            "; ".join(map(str, value)) if type(value) is list else value
            for value in map(row.__getitem__, fieldnames)
        ]
        for row in rows
    )
    return csv_text(chain([fieldnames], values))


# What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_text(rows):
    """Rows of values as CSV: the one writer of the list exports and the bulk data.

    Text a spreadsheet would run as a formula is kept text by a leading
    apostrophe; numbers and dates are written as they are (-2 is a number).
    """
    out = io.StringIO()
    csv.writer(out).writerows(
        [
            "'" + value
            if isinstance(value, str) and value.startswith(FORMULA_STARTS)
            else value
            for value in row
        ]
        for row in rows
    )
    return out.getvalue()
