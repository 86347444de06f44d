"""`?format=csv` and `?format=json` on a list: exactly the rows its filters select.

An export may hold every row of the archive, thousands of them at scale, so it is
read in a constant number of queries and built a row at a time: a view's
`export_rows` reads each list its rows carry (chairs, evidence) in one query,
keyed by row, then iterates the rows themselves in chunks, as instances holding
only the columns exported. The answer is still one ordinary HttpResponse, not a
streaming one, so that the page cache stores it.
"""

import csv
import io
import json
from collections import defaultdict

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, HttpResponseBadRequest

FORMATS = ("csv", "json")
# Rows read from the database at a time: bounds the instances held in memory.
CHUNK_SIZE = 500


class ExportMixin:
    """Adds CSV and JSON exports to a FilterView.

    A view sets `export_name` (the file's base name) and `export_fields` (the
    columns), and defines `get_export_queryset()` (the records as the export reads
    them, the list's filters applied after) and `export_rows(queryset)`, yielding
    for each record of the filtered queryset, in its order, a dict with those
    keys; JSON keeps lists as lists, CSV joins them with "; ". Every filtered row
    is exported, not only the current page.
    """

    export_name = "export"
    export_fields = ()
    # What each list view defines; a view that forgets one fails when its class
    # is defined, not when a visitor first asks for an export.
    export_hooks = ("get_export_queryset", "export_rows")

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
        rows = self.export_rows(self.get_export_filterset().qs)
        if wanted == "json":
            response = HttpResponse(
                json.dumps(list(rows), cls=DjangoJSONEncoder, indent=1),
                content_type="application/json",
            )
        else:
            response = HttpResponse(
                csv_content(rows, self.export_fields),
                content_type="text/csv; charset=utf-8",
            )
        response["Content-Disposition"] = (
            f'attachment; filename="{self.export_name}.{wanted}"'
        )
        return response

    def get_export_filterset(self):
        """The list's filters, over the rows as the export reads them."""
        filterset_class = self.get_filterset_class()
        kwargs = self.get_filterset_kwargs(filterset_class)
        kwargs["queryset"] = self.get_export_queryset()
        filterset = filterset_class(**kwargs)
        filterset.is_valid()
        return filterset

    def absolute(self, obj):
        return self.request.build_absolute_uri(obj.get_absolute_url())

    def absolute_by_slug(self, record):
        """A function of a slug giving `self.absolute(record(slug))`: the link of
        a row read as values, by way of an unsaved record holding its slug."""
        return lambda slug: self.absolute(record(slug))


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
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(fieldnames)
    # A plain writer given the values in order: a DictWriter checks each row's
    # keys, which the views set, and costs a third more.
    writer.writerows(
        [
            "; ".join(map(str, value)) if type(value) is list else value
            for value in map(row.__getitem__, fieldnames)
        ]
        for row in rows
    )
    return out.getvalue()
