"""The whole archive in bulk: a loadable fixture (zipped) and one CSV per table.

Both are read from the database, so they hold what the site shows, staff edits
included. Records carry natural keys, never database ids: a plenary is its slug,
a country its ISO code, in the fixture as in the CSV.
"""

import io
import zipfile

from django.apps import apps
from django.core import serializers
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from core import exports
from core.addresses import absolute_url
from core.metadata import DC_DATASET, SITE_NAME, Metadata, publisher_node, with_links
from ingest import tables
from members.models import Adherence, Membership
from plenaries.models import ChairPerson

from . import releases

# Table name -> model, in load order: every record after those it refers to.
TABLES = {table.name: apps.get_model(table.label) for table in tables.TABLES}

# Model -> its dates in EDTF, written after its columns (record properties).
EDTF = {apps.get_model(table.label): table.edtf for table in tables.TABLES}

# Related records whose natural key needs one more step (a partnership is its
# country's code).
DEEPER = {Membership: "country", Adherence: "country", ChairPerson: "chairmanship"}

SKIPPED = {"id", "loaded_digest", "archive_key"}

DATA_DESCRIPTION = (
    "The whole MTCR Plenary Archive as it stands, staff corrections included: "
    "every record as a loadable Django fixture and one CSV per table, related "
    "records given by their natural keys."
)


def columns(model):
    fields = [
        field
        for field in model._meta.concrete_fields
        if field.name not in SKIPPED and field.attname not in SKIPPED
    ]
    return fields, list(model._meta.many_to_many)


def table_queryset(model):
    fields, many = columns(model)
    related = []
    for field in fields:
        if field.is_relation:
            target = field.related_model
            related.append(
                f"{field.name}__{DEEPER[target]}" if target in DEEPER else field.name
            )
    return (
        model._default_manager.select_related(*related)
        .prefetch_related(*(field.name for field in many))
        .order_by(*(model._meta.ordering or ["pk"]))
    )


def natural(obj):
    if obj is None:
        return ""
    return "/".join(str(part) for part in obj.natural_key())


def table_rows(model):
    """The header and rows of a table, related records by natural key."""
    fields, many = columns(model)
    yield columns_names(model)
    for obj in table_queryset(model):
        row = []
        for field in fields:
            value = getattr(obj, field.name)
            if field.is_relation:
                value = natural(value)
            elif isinstance(value, list):
                value = "; ".join(map(str, value))
            row.append("" if value is None else value)
        for field in many:
            row.append(
                "; ".join(natural(item) for item in getattr(obj, field.name).all())
            )
        row.extend(getattr(obj, name) for name in EDTF[model])
        yield row


def archive_json():
    """Every record as one fixture, loadable by `manage.py load_archive`."""
    stream = io.StringIO()
    objects = (obj for model in TABLES.values() for obj in table_queryset(model))
    serializers.serialize(
        "json",
        objects,
        stream=stream,
        indent=1,
        use_natural_foreign_keys=True,
        use_natural_primary_keys=True,
    )
    return stream.getvalue()


@require_safe
def data_index(request):
    tables = [
        (name, model._meta.verbose_name_plural, columns_names(model))
        for name, model in TABLES.items()
    ]
    metadata = data_metadata(tables)
    context = {"tables": tables, "metadata": metadata, "release": releases.latest()}
    response = render(request, "api/data.html", context)
    return with_links(response, metadata)


def data_metadata(tables):
    """The bulk data as a schema.org Dataset: the zip and each table's CSV.

    No license: the project states none for the data."""
    url = absolute_url(reverse("api:data"))
    distribution = [
        {
            "@type": "DataDownload",
            "name": "archive.zip",
            "description": "Every record as a fixture, and every table as CSV.",
            "contentUrl": absolute_url(reverse("api:archive-zip")),
            "encodingFormat": "application/zip",
        }
    ]
    distribution.extend(
        {
            "@type": "DataDownload",
            "name": f"{name}.csv",
            "description": f"The {label}, one per row.",
            "contentUrl": absolute_url(
                reverse("api:table-csv", kwargs={"table": name})
            ),
            "encodingFormat": "text/csv",
        }
        for name, label, _columns in tables
    )
    title = f"{SITE_NAME}: bulk data"
    schema = {
        "@type": "Dataset",
        "@id": url,
        "name": title,
        "description": DATA_DESCRIPTION,
        "url": url,
        "isAccessibleForFree": True,
        "publisher": publisher_node(),
        "distribution": distribution,
    }
    return Metadata(title=title, url=url, dc_type=DC_DATASET, schema=schema)


def columns_names(model):
    """The CSV's header: the columns, the many-to-many relations, the EDTF dates."""
    fields, many = columns(model)
    return [field.name for field in fields + many] + list(EDTF[model])


@require_safe
def archive_zip(request):
    stamp = timezone.localdate().isoformat()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mtcr-archive/archive.json", archive_json())
        for name, model in TABLES.items():
            archive.writestr(f"mtcr-archive/csv/{name}.csv", csv_text(model))
        archive.writestr("mtcr-archive/README.txt", README.format(date=stamp))
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="mtcr-archive-{stamp}.zip"'
    return response


def csv_text(model):
    return exports.csv_text(table_rows(model))


@require_safe
def table_csv(request, table):
    model = TABLES.get(table)
    if model is None:
        raise Http404("No such table.")
    response = HttpResponse(csv_text(model), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="mtcr-{table}.csv"'
    return response


README = """MTCR Plenary Archive: the whole archive, as of {date}.

archive.json  every record as a Django fixture with natural keys; load it with
              `manage.py load_archive --fixtures <folder holding archive.json>`.
csv/          one table per file; related records are given by natural key
              (a country by ISO code, a plenary by slug, a source by file name),
              lists are joined with "; ".
"""
