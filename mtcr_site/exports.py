"""`?format=csv` and `?format=json` on a list: exactly the rows its filters select."""

import csv

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse

FORMATS = ("csv", "json")


class ExportMixin:
    """Adds CSV and JSON exports to a FilterView.

    A view sets `export_name` (the file's base name) and `export_fields` (the
    columns) and defines `export_row(obj)`, returning a dict with those keys; JSON
    keeps lists as lists, CSV joins them with "; ". Every filtered row is
    exported, not only the current page.
    """

    export_name = "export"
    export_fields = ()

    def get(self, request, *args, **kwargs):
        wanted = request.GET.get("format")
        if wanted is None:
            return super().get(request, *args, **kwargs)
        if wanted not in FORMATS:
            return HttpResponseBadRequest(
                f"Unknown format. Choose one of: {', '.join(FORMATS)}.",
                content_type="text/plain; charset=utf-8",
            )
        rows = [self.export_row(obj) for obj in self.get_export_queryset()]
        if wanted == "json":
            response = JsonResponse(
                rows,
                safe=False,
                encoder=DjangoJSONEncoder,
                json_dumps_params={"indent": 1},
            )
        else:
            response = csv_response(rows, self.export_fields)
        response["Content-Disposition"] = (
            f'attachment; filename="{self.export_name}.{wanted}"'
        )
        return response

    def get_export_queryset(self):
        filterset = self.get_filterset(self.get_filterset_class())
        filterset.is_valid()
        return filterset.qs

    def absolute(self, obj):
        return self.request.build_absolute_uri(obj.get_absolute_url())


def csv_response(rows, fieldnames):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    writer = csv.DictWriter(response, fieldnames=fieldnames)
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                key: "; ".join(map(str, value)) if isinstance(value, list) else value
                for key, value in row.items()
            }
        )
    return response


def evidence(citations):
    """Each passage with the title of its source, on one line, for an export."""
    return [f"{c.source.title}: “{' '.join(c.passage.split())}”" for c in citations]
