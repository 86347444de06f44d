"""Loading fixtures/ into the database without losing what staff changed in admin.

Every record the loader writes carries a digest of the values it wrote. When a row
no longer matches its digest, someone edited it since: the loader keeps that
version (unless forced) and reports it as kept. Everything happens in one
transaction, so a bad fixture or an interrupted load changes nothing.
"""

import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import IntegrityError, connections, transaction

from core.records import ArchiveRecord, archive_changed
from ingest import tables
from ingest.fixture_values import value_problem

CHANGE_REASON = "load_archive"


class LoadError(Exception):
    """A fixture the loader cannot take; the message names the file and record."""


@dataclass
class ModelReport:
    label: str
    counts: Counter = field(default_factory=Counter)
    kept: list = field(default_factory=list)


@dataclass
class LoadReport:
    models: dict = field(default_factory=dict)

    def for_model(self, label):
        return self.models.setdefault(label, ModelReport(label))

    @property
    def changed(self):
        return any(
            report.counts["created"]
            + report.counts["updated"]
            + report.counts["removed"]
            for report in self.models.values()
        )


@dataclass
class FixtureRecord:
    path: Path
    index: int
    data: dict

    @property
    def where(self):
        where = f"{self.path.name}: record {self.index + 1}"
        model = self.data.get("model") if isinstance(self.data, dict) else None
        return f"{where} ({model})" if isinstance(model, str) else where


def read_fixtures(directory):
    """Every record of every fixtures/*.json, grouped by model, checked for shape."""
    directory = Path(directory)
    paths = sorted(directory.glob("*.json"))
    if not paths:
        raise LoadError(f"{directory}: no fixtures (*.json) to load")
    grouped = defaultdict(list)
    for path in paths:
        for index, data in enumerate(read_fixture(path)):
            record = FixtureRecord(path, index, data)
            model = check_shape(record)
            grouped[model._meta.label_lower].append(record)
    return grouped


def read_fixture(path):
    """The records of one fixture file, a JSON list; LoadError naming the file."""
    if not path.is_file():
        raise LoadError(f"{path.name}: not a file")
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as error:
        raise LoadError(f"{path.name}: not UTF-8 ({error.reason})") from error
    except json.JSONDecodeError as error:
        raise LoadError(
            f"{path.name}, line {error.lineno}: malformed JSON ({error.msg})"
        ) from error
    except OSError as error:
        raise LoadError(f"{path.name}: cannot be read ({error.strerror})") from error
    except RecursionError as error:
        raise LoadError(f"{path.name}: JSON nested too deeply") from error
    if not isinstance(records, list):
        raise LoadError(f"{path.name}: a fixture must be a JSON list of records")
    return records


def check_shape(record):
    """The record's model, once the record and each of its values has a shape the
    loader can take (what the values mean is for `build`)."""
    data = record.data
    if not (
        isinstance(data, dict)
        and isinstance(data.get("model"), str)
        and isinstance(data.get("fields"), dict)
    ):
        raise LoadError(f"{record.where}: needs a 'model' and a 'fields' object")
    if "pk" in data:
        raise LoadError(f"{record.where}: carries a pk; fixtures use natural keys only")
    try:
        model = apps.get_model(data["model"])
    except (LookupError, ValueError) as error:
        raise LoadError(f"{record.where}: unknown model") from error
    if model._meta.label_lower not in tables.BY_LABEL:
        raise LoadError(f"{record.where}: not an archive model")
    for name, value in data["fields"].items():
        problem = value_problem(model, name, value)
        if problem:
            raise LoadError(f"{record.where}: {name} {problem}")
    return model


def snapshot(instance, m2m_data):
    """The record's values as the loader compares them: own fields and M2M ids."""
    values = {}
    for model_field in instance._meta.concrete_fields:
        if model_field.primary_key or model_field.name == "loaded_digest":
            continue
        values[model_field.attname] = model_field.value_to_string(instance)
    for name, ids in m2m_data.items():
        values[name] = sorted(str(pk) for pk in ids)
    return values


def digest(values):
    encoded = json.dumps(values, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(encoded).hexdigest()


class ModelIndex:
    """The rows of one model in the database, by natural key, with their M2M ids.

    Built once per model and kept current as the load writes, so that resolving a
    natural key or comparing a record costs no query.
    """

    def __init__(self, model):
        relations = [f.name for f in model._meta.concrete_fields if f.is_relation]
        self.m2m_names = [m2m.name for m2m in model._meta.many_to_many]
        rows = model._default_manager.select_related(*relations).prefetch_related(
            *self.m2m_names
        )
        self.by_key = {}
        self.m2m = {}
        for row in rows:
            self.add(
                row,
                {
                    name: [related.pk for related in getattr(row, name).all()]
                    for name in self.m2m_names
                },
            )

    def add(self, row, m2m):
        self.by_key[row.natural_key()] = row
        self.m2m[row.pk] = m2m


class Indexes(dict):
    def __missing__(self, model):
        self[model] = ModelIndex(model)
        return self[model]


def build(record, indexes):
    """The record as an unsaved instance, its references resolved, and its M2M ids."""
    model = apps.get_model(record.data["model"])
    instance = model()
    m2m = {}
    for name, value in record.data["fields"].items():
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist as error:
            raise LoadError(
                f"{record.where}: {model.__name__} has no field {name!r}"
            ) from error
        if field.many_to_many:
            if not isinstance(value, list):
                raise LoadError(
                    f"{record.where}: {name} must be a list of natural keys"
                )
            m2m[name] = [resolve(field, key, indexes, record).pk for key in value]
        elif field.is_relation:
            related = None if value is None else resolve(field, value, indexes, record)
            setattr(instance, field.name, related)
        elif field.concrete and name != "loaded_digest":
            try:
                setattr(instance, field.attname, field.to_python(value))
            except ValidationError as error:
                raise LoadError(
                    f"{record.where}: {name}: {' '.join(error.messages)}"
                ) from error
    relations = [f.name for f in model._meta.fields if f.is_relation]
    try:
        instance.clean_fields(exclude=relations + ["key"])
    except ValidationError as error:
        problems = "; ".join(
            f"{name}: {' '.join(messages)}"
            for name, messages in error.message_dict.items()
        )
        raise LoadError(f"{record.where}: {problems}") from error
    return instance, m2m


def resolve(field, value, indexes, record):
    key = tuple(value) if isinstance(value, list) else (value,)
    found = indexes[field.related_model].by_key.get(key)
    if found is None:
        raise LoadError(
            f"{record.where}: names a {field.related_model._meta.verbose_name} "
            f"that does not exist: {json.dumps(value, ensure_ascii=False)}"
        )
    return found


def load_model(model, records, report, force, indexes):
    """Create, update or keep each record of one model; return the rows it gave."""
    index = indexes[model]
    seen = set()
    creates, updates = [], []
    for record in records:
        incoming, m2m_data = build(record, indexes)
        wanted = snapshot(incoming, m2m_data)
        wanted_digest = digest(wanted)
        existing = index.by_key.get(incoming.natural_key())
        if existing is not None:
            seen.add(existing.pk)
            now = snapshot(existing, index.m2m[existing.pk])
            now = {key: value for key, value in now.items() if key in wanted}
            if now == wanted:
                if existing.loaded_digest != wanted_digest:
                    model._default_manager.filter(pk=existing.pk).update(
                        loaded_digest=wanted_digest
                    )
                report.counts["unchanged"] += 1
                continue
            edited = existing.loaded_digest != digest(now)
            if edited and not force:
                report.counts["kept"] += 1
                report.kept.append(str(existing))
                continue
            incoming.pk = existing.pk
            incoming._state.adding = False
            updates.append((record, incoming, m2m_data))
        else:
            creates.append((record, incoming, m2m_data))
        incoming.loaded_digest = wanted_digest
    write(model, creates, updates)
    report.counts["created"] += len(creates)
    report.counts["updated"] += len(updates)
    for _, instance, m2m_data in creates + updates:
        seen.add(instance.pk)
        index.add(instance, {**index.m2m.get(instance.pk, {}), **m2m_data})
    return seen


def write(model, creates, updates):
    """Save the records in bulk, each with its history row.

    Bulk writes send no post_save: load_archive sends archive_changed itself.
    """
    history = model.history
    fields = [
        f.name
        for f in model._meta.concrete_fields
        if not f.primary_key and f.name != "loaded_digest"
    ] + ["loaded_digest"]
    try:
        with transaction.atomic():
            created = [instance for _, instance, _ in creates]
            model._default_manager.bulk_create(created, batch_size=500)
            updated = [instance for _, instance, _ in updates]
            model._default_manager.bulk_update(updated, fields, batch_size=500)
            history.bulk_history_create(
                created, batch_size=500, default_change_reason=CHANGE_REASON
            )
            history.bulk_history_create(
                updated,
                batch_size=500,
                update=True,
                default_change_reason=CHANGE_REASON,
            )
    except IntegrityError:
        name_the_refused_record(creates + updates)
        raise
    link_many_to_many(model, creates, updates)


def name_the_refused_record(entries):
    """A bulk write failed: save one record at a time to say which one it was."""
    for record, instance, _ in entries:
        if instance._state.adding:
            instance.pk = None
        try:
            with transaction.atomic():
                instance.save_base(raw=True)
        except IntegrityError as error:
            raise LoadError(
                f"{record.where}: refused by the database ({error})"
            ) from error


def link_many_to_many(model, creates, updates):
    for m2m in model._meta.many_to_many:
        through = m2m.remote_field.through
        source = m2m.m2m_field_name() + "_id"
        target = m2m.m2m_reverse_field_name() + "_id"
        rows = [
            through(**{source: instance.pk, target: pk})
            for _, instance, m2m_data in creates
            for pk in m2m_data.get(m2m.name, [])
        ]
        through.objects.bulk_create(rows, batch_size=500)
        for _, instance, m2m_data in updates:
            if m2m.name in m2m_data:
                getattr(instance, m2m.name).set(m2m_data[m2m.name])


def remove_stale(model, seen, report, indexes):
    """Drop records an earlier load wrote that the sources no longer give.

    Only the loader's own, unedited records go: staff-created rows have no digest,
    and edited rows no longer match theirs.
    """
    index = indexes[model]
    for key, row in list(index.by_key.items()):
        if row.pk in seen or not row.loaded_digest:
            continue
        if row.loaded_digest == digest(snapshot(row, index.m2m[row.pk])):
            row._change_reason = CHANGE_REASON
            row.delete()
            del index.by_key[key]
            report.counts["removed"] += 1


def load_archive(directory, force=False, progress=None):
    """Load every fixture in `directory` in one transaction; return what changed."""
    grouped = read_fixtures(directory)
    report = LoadReport()
    indexes = Indexes()
    with transaction.atomic():
        transaction.on_commit(lambda: archive_changed.send(sender=ArchiveRecord))
        for table in tables.TABLES:
            label = table.label
            model = apps.get_model(label)
            model_report = report.for_model(label)
            seen = load_model(
                model, grouped.get(label, []), model_report, force, indexes
            )
            remove_stale(model, seen, model_report, indexes)
            if progress:
                progress(model_report, len(grouped.get(label, [])))
    return report


def refresh_statistics(using="default"):
    """PostgreSQL: ANALYZE the archive's tables after a bulk load, so the planner
    knows their new row counts at once instead of when autovacuum next passes
    (or never, where it is off). SQLite plans without them."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return
    db_tables = set()
    for table in tables.TABLES:
        model = apps.get_model(table.label)
        db_tables.add(model._meta.db_table)
        db_tables.update(
            field.remote_field.through._meta.db_table
            for field in model._meta.local_many_to_many
        )
    names = ", ".join(connection.ops.quote_name(table) for table in sorted(db_tables))
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {names}")
