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
from django.core import serializers
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.core.serializers.base import DeserializationError
from django.db import IntegrityError, transaction

from mtcr_site.records import ArchiveRecord

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
        return f"{self.path.name}: record {self.index + 1} ({self.data.get('model')})"


def read_fixtures(directory):
    """Every record of every fixtures/*.json, grouped by model, checked for shape."""
    directory = Path(directory)
    paths = sorted(directory.glob("*.json"))
    if not paths:
        raise LoadError(f"{directory}: no fixtures (*.json) to load")
    grouped = defaultdict(list)
    for path in paths:
        try:
            records = json.loads(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError as error:
            raise LoadError(f"{path.name}: not UTF-8 ({error.reason})") from error
        except json.JSONDecodeError as error:
            raise LoadError(
                f"{path.name}, line {error.lineno}: malformed JSON ({error.msg})"
            ) from error
        if not isinstance(records, list):
            raise LoadError(f"{path.name}: a fixture must be a JSON list of records")
        for index, data in enumerate(records):
            record = FixtureRecord(path, index, data)
            check_shape(record)
            grouped[data["model"].lower()].append(record)
    return grouped


def check_shape(record):
    data = record.data
    if not isinstance(data, dict) or not isinstance(data.get("fields"), dict):
        raise LoadError(f"{record.where}: needs a 'model' and a 'fields' object")
    if "pk" in data:
        raise LoadError(f"{record.where}: carries a pk; fixtures use natural keys only")
    try:
        model = apps.get_model(data.get("model", ""))
    except (LookupError, ValueError) as error:
        raise LoadError(f"{record.where}: unknown model") from error
    if not issubclass(model, ArchiveRecord):
        raise LoadError(f"{record.where}: not an archive model")


def archive_models():
    """Every model the fixtures can carry: the whole archive, not what one file has."""
    return [
        model._meta.label_lower
        for model in apps.get_models()
        if issubclass(model, ArchiveRecord)
    ]


def model_order(labels):
    """Models in an order where every record's references are loaded before it."""
    models = [apps.get_model(label) for label in labels]
    app_list = [
        (apps.get_app_config(model._meta.app_label), [model]) for model in models
    ]
    ordered = serializers.sort_dependencies(app_list, allow_cycles=False)
    return [model._meta.label_lower for model in ordered]


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


def current_m2m(instance):
    return {
        m2m.name: list(getattr(instance, m2m.name).values_list("pk", flat=True))
        for m2m in instance._meta.many_to_many
    }


def deserialize(record):
    try:
        (deserialized,) = serializers.deserialize(
            "python", [record.data], handle_forward_references=True
        )
    except (DeserializationError, FieldDoesNotExist, ObjectDoesNotExist) as error:
        raise LoadError(f"{record.where}: {plain(error)}") from error
    if deserialized.deferred_fields:
        missing = ", ".join(
            f"{model_field.name} {json.dumps(value)}"
            for model_field, value in deserialized.deferred_fields.items()
        )
        raise LoadError(
            f"{record.where}: names a record that does not exist: {missing}"
        )
    return deserialized


def plain(error):
    """The first line of a deserialization error, without Django's traceback prose."""
    text = str(error.__cause__ or error)
    return text.splitlines()[0] if text else type(error).__name__


def load_model(records, report, force):
    """Create, update or keep each record of one model; remove what the sources lost."""
    seen = set()
    for record in records:
        deserialized = deserialize(record)
        incoming = deserialized.object
        m2m_data = {name: list(ids) for name, ids in deserialized.m2m_data.items()}
        wanted = snapshot(incoming, m2m_data)
        wanted_digest = digest(wanted)
        model = type(incoming)
        existing = model._default_manager.filter(pk=incoming.pk).first()
        if existing is not None:
            seen.add(existing.pk)
            now = snapshot(existing, {**current_m2m(existing)})
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
            report.counts["updated"] += 1
        else:
            report.counts["created"] += 1
        incoming.loaded_digest = wanted_digest
        incoming._change_reason = CHANGE_REASON
        try:
            with transaction.atomic():
                incoming.save()
        except IntegrityError as error:
            raise LoadError(
                f"{record.where}: refused by the database ({error})"
            ) from error
        seen.add(incoming.pk)
        for name, ids in m2m_data.items():
            getattr(incoming, name).set(ids)
    return seen


def remove_stale(model, seen, report):
    """Drop records an earlier load wrote that the sources no longer give.

    Only the loader's own, unedited records go: staff-created rows have no digest,
    and edited rows no longer match theirs.
    """
    for stale in model._default_manager.exclude(pk__in=seen).exclude(loaded_digest=""):
        now = snapshot(stale, current_m2m(stale))
        if stale.loaded_digest == digest(now):
            stale._change_reason = CHANGE_REASON
            stale.delete()
            report.counts["removed"] += 1


def load_archive(directory, force=False, progress=None):
    """Load every fixture in `directory` in one transaction; return what changed."""
    grouped = read_fixtures(directory)
    report = LoadReport()
    with transaction.atomic():
        for label in model_order(archive_models()):
            model_report = report.for_model(label)
            seen = load_model(grouped.get(label, []), model_report, force)
            remove_stale(apps.get_model(label), seen, model_report)
            if progress:
                progress(model_report, len(grouped.get(label, [])))
    return report
