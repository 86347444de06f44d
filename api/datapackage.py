"""A data release as a Frictionless Data Package (https://specs.frictionlessdata.io/).

`write_package(folder, version, created)` writes, from the database:

- `data/<table>.csv`: the bulk-data tables of /data/ (api.data), each described
  by a Table Schema: its columns with their types, titles and descriptions (from
  the models' verbose names and help texts), its primary key (the record's
  natural key) and its foreign keys (a related record by its natural key);
- `archive.json`: the fixture of the whole archive, loadable by load_archive;
- `datapackage.json`: the package's descriptor, with the version, the time of
  the release and each file's size and sha256 checksum.
"""

import hashlib
import json

from django.db import models

from core.addresses import absolute_url

from . import data

TITLE = "MTCR Plenary Archive"
AUTHOR = "The MTCR Plenary Archive team"
DESCRIPTION = (
    "The plenary history of the Missile Technology Control Regime (MTCR): every "
    "plenary meeting since 1987, its public statement, who chaired it, which "
    "countries were partners or adherents, the revisions of the Annex, and the "
    "source documents with the passages that state each fact. One CSV per table, "
    "related records given by their natural keys (a country by its ISO code, a "
    "plenary by its slug, a source by its file name), lists joined with '; '; a "
    "text cell that a spreadsheet would run as a formula (starting with =, +, -, "
    "@, a tab or a carriage return) has a leading apostrophe. archive.json holds "
    "the same records as a Django fixture, loadable by `manage.py load_archive`."
)

# Each table's primary key: the columns holding its records' natural key, in the
# order of natural_key() (a test checks that they agree).
KEYS = {
    "countries": ("iso_code",),
    "regions": ("slug",),
    "resolutions": ("number",),
    "plenaries": ("slug",),
    "memberships": ("country",),
    "adherences": ("country", "kind"),
    "chairmanships": ("slug",),
    "people": ("key",),
    "chair-people": ("chairmanship", "person"),
    "events": ("slug",),
    "annex-revisions": ("slug",),
    "sources": ("file_name",),
    "citations": ("key",),
}

TABLE_OF = {model: name for name, model in data.TABLES.items()}

TYPES = {
    "AutoField": "integer",
    "BigAutoField": "integer",
    "BigIntegerField": "integer",
    "IntegerField": "integer",
    "PositiveBigIntegerField": "integer",
    "PositiveIntegerField": "integer",
    "PositiveSmallIntegerField": "integer",
    "SmallIntegerField": "integer",
    "BooleanField": "boolean",
    "DateField": "date",
    "DateTimeField": "datetime",
    "DecimalField": "number",
    "FloatField": "number",
}


def field_type(field):
    if field.is_relation:
        target = field.related_model
        key = KEYS[TABLE_OF[target]]
        if len(key) == 1:
            return field_type(column(target, key[0]))
        return "string"
    return TYPES.get(field.get_internal_type(), "string")


def column(model, name):
    return model._meta.get_field(name)


def sentence(text):
    text = str(text).strip()
    return text[:1].upper() + text[1:]


def field_description(field, many=False):
    """What a column holds: the help text, and how a related record is written."""
    parts = [sentence(field.help_text)] if field.help_text else []
    if field.is_relation:
        target = field.related_model
        key = " and ".join(KEYS[TABLE_OF[target]])
        name = target._meta.verbose_name_plural if many else target._meta.verbose_name
        how = "by their" if many else "by its"
        parts.append(f"The {name} {how} natural key ({TABLE_OF[target]}: {key}).")
        if len(KEYS[TABLE_OF[target]]) > 1:
            parts.append("The parts of a key are joined with '/'.")
        if many:
            parts.append("Joined with '; '.")
    elif isinstance(field, models.JSONField):
        parts.append("A list, its items joined with '; '.")
    return " ".join(part if part.endswith(".") else part + "." for part in parts)


def field_descriptor(field, many=False):
    descriptor = {
        "name": field.name,
        "type": "string" if many else field_type(field),
        "title": sentence(field.verbose_name),
    }
    description = field_description(field, many)
    if description:
        descriptor["description"] = description
    if descriptor["type"] == "date":
        descriptor["format"] = "default"  # ISO 8601, YYYY-MM-DD
    constraints = {}
    if field.choices and not many:
        constraints["enum"] = [str(value) for value, _label in field.flatchoices]
    if not many and not field.null and not field.blank:
        constraints["required"] = True
    if constraints:
        descriptor["constraints"] = constraints
    return descriptor


def edtf_descriptor(model, name):
    """A column of dates in EDTF, described by the property that writes it."""
    doc = " ".join(getattr(model, name).__doc__.split())
    return {
        "name": name,
        "type": "string",
        "title": f"{sentence(name.removesuffix('_edtf').replace('_', ' '))} (EDTF)",
        "description": f"{doc} Extended Date/Time Format (EDTF, ISO 8601-2): an "
        "uncertain day as [earliest..latest], a span as start/end, '..' open.",
    }


def table_schema(name, model):
    """The Table Schema of one bulk-data table: its columns in CSV order."""
    fields, many = data.columns(model)
    schema = {
        "fields": [field_descriptor(field) for field in fields]
        + [field_descriptor(field, many=True) for field in many]
        + [edtf_descriptor(model, edtf) for edtf in data.EDTF[model]],
        "missingValues": [""],
        "primaryKey": list(KEYS[name]),
    }
    foreign_keys = []
    for field in fields:
        if not field.is_relation:
            continue
        target_table = TABLE_OF[field.related_model]
        target_key = KEYS[target_table]
        if len(target_key) == 1:
            foreign_keys.append(
                {
                    "fields": field.name,
                    "reference": {"resource": target_table, "fields": target_key[0]},
                }
            )
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return schema


def checksum(path):
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def file_facts(path):
    return {"bytes": path.stat().st_size, "hash": f"sha256:{checksum(path)}"}


def write_tables(folder):
    """One CSV per table under folder/data/, and the resource describing each."""
    (folder / "data").mkdir()
    resources = []
    for name, model in data.TABLES.items():
        path = folder / "data" / f"{name}.csv"
        path.write_bytes(data.csv_text(model).encode("utf-8"))
        resources.append(
            {
                "name": name,
                "path": f"data/{name}.csv",
                "profile": "tabular-data-resource",
                "title": sentence(model._meta.verbose_name_plural),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": table_schema(name, model),
                **file_facts(path),
            }
        )
    return resources


def write_fixture(folder):
    path = folder / "archive.json"
    path.write_bytes(data.archive_json().encode("utf-8"))
    return {
        "name": "archive",
        "path": "archive.json",
        "profile": "data-resource",
        "title": "The whole archive as a Django fixture",
        "description": (
            "Every record with natural keys, never database ids: load it with "
            "`manage.py load_archive --fixtures <the folder holding archive.json>`."
        ),
        "format": "json",
        "mediatype": "application/json",
        "encoding": "utf-8",
        **file_facts(path),
    }


def descriptor(version, created, resources, url):
    return {
        "profile": "data-package",
        "name": "mtcr-plenary-archive",
        "id": url,
        "title": f"{TITLE}, data release {version}",
        "description": DESCRIPTION,
        "version": version,
        "created": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "homepage": url,
        "contributors": [{"title": AUTHOR, "role": "author"}],
        "sources": [{"title": TITLE, "path": absolute_url("/")}],
        "keywords": ["MTCR", "Missile Technology Control Regime", "arms control"],
        "resources": resources,
    }


def write_package(folder, version, created, url):
    """Write the package into the empty `folder`; `created` is an aware UTC
    datetime, `url` the release's page. Returns the descriptor written."""
    resources = [write_fixture(folder), *write_tables(folder)]
    package = descriptor(version, created, resources, url)
    (folder / "datapackage.json").write_text(
        json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return package
