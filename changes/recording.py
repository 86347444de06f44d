"""Writing the change log as the history is written.

django-simple-history writes a history row for every save or deletion of an
archive record; each row written outside a load (admin, a revert, a shell)
becomes an entry here, with what it changed worked out once, against the row
before. The log's pages then read one table, a page at a time, at a constant
number of queries, where reading the history tables themselves would mean a
UNION of twelve of them and the rows before each to diff against.

An admin save of a record with many-to-many fields writes several history rows
(the save, then one per M2M change): the rows of one save, the same object with
the same reason in one transaction, make one entry. load_archive writes its rows
in bulk (no signal) and records its own entry (Change.objects.record_load).
"""

import json
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist
from django.db import models, transaction
from simple_history.signals import post_create_historical_record

from core.records import ArchiveRecord

from .models import LOADER_REASON, Change

PENDING = "_change_log_entry"
# Set while load_archive runs: every history row it causes, a record it deletes
# and the records that deletion cascades to, is the load's (its one entry).
_loading = ContextVar("loading", default=False)
KINDS = {
    "+": Change.Kind.CREATED,
    "~": Change.Kind.CHANGED,
    "-": Change.Kind.DELETED,
}


def archive_models():
    return [model for model in apps.get_models() if issubclass(model, ArchiveRecord)]


def connect():
    for model in archive_models():
        post_create_historical_record.connect(
            record_change,
            sender=model.history.model,
            dispatch_uid=f"change-log-{model._meta.label_lower}",
        )


@contextmanager
def loading():
    """Fold the history rows written meanwhile into the load's entry."""
    token = _loading.set(True)
    try:
        yield
    finally:
        _loading.reset(token)


def record_key_of(record):
    """The record's identifier in its change log's URL: its slug, else its
    natural key (parts joined by "/")."""
    if any(field.name == "slug" for field in record._meta.concrete_fields):
        return record.slug
    return "/".join(str(part) for part in record.natural_key())


@dataclass
class Pending:
    """The entry a save is writing, and the version before the save."""

    entry: Change | None
    base: models.Model | None
    reason: str


def record_change(sender, instance, history_instance, **kwargs):
    """Write (or complete) the log's entry for a new history row."""
    row = history_instance
    reason = row.history_change_reason or ""
    if reason == LOADER_REASON or _loading.get():
        return
    pending = getattr(instance, PENDING, None)
    if row.history_type != "~" or pending is None or pending.reason != reason:
        base = row.prev_record if row.history_type == "~" else None
        pending = Pending(None, base, reason)
    entry = pending.entry
    kind = entry.kind if entry is not None else KINDS[row.history_type]
    changed = [] if kind == Change.Kind.DELETED else differences(pending.base, row)
    if kind == Change.Kind.CHANGED and not changed:
        # Saved as it was (or M2M rows that undo each other): no change to show.
        if entry is not None:
            entry.delete()
        remember(instance, Pending(None, pending.base, reason))
        return
    if entry is None:
        entry = Change(record_label=row.instance_type._meta.label_lower)
    entry.kind = kind
    entry.record_pk = getattr(row, row.instance_type._meta.pk.attname)
    entry.made_at = row.history_date
    entry.reason = reason[:200]
    entry.changed_fields = changed
    entry.history_id = row.history_id
    record = as_stored(instance)
    entry.record_name = str(record)[:300]
    keep_links_current(entry, record)
    remember(instance, Pending(entry, pending.base, reason))


def as_stored(instance):
    """The record as the database holds it, which names it and links to its page: a
    record saved with a value of another type (a date given as text, in a shell)
    keeps that value until it is read back. A deleted record, as it was."""
    stored = type(instance)._default_manager.filter(pk=instance.pk).first()
    return instance if stored is None else stored


def remember(instance, pending):
    """Keep the entry on the object until the transaction ends: the object's
    further rows in it (its M2M) complete the same entry."""
    setattr(instance, PENDING, pending)
    transaction.on_commit(lambda: instance.__dict__.pop(PENDING, None))


def keep_links_current(entry, record):
    """Save the entry with the record's page and identifier as they are now, and
    give them to the record's earlier entries (a changed slug would break their
    links); a deleted record has no page."""
    if entry.kind == Change.Kind.DELETED:
        entry.record_url = ""
        entry.record_key = entry.record_key or safely(lambda: record_key_of(record))
    else:
        page = getattr(record, "get_absolute_url", None)
        entry.record_url = safely(page) if page else ""
        entry.record_key = safely(lambda: record_key_of(record))
    entry.record_url = entry.record_url[:500]
    entry.record_key = entry.record_key[:500]
    entry.save()
    Change.objects.of_record(entry.record_label, entry.record_pk).exclude(
        pk=entry.pk
    ).update(record_url=entry.record_url, record_key=entry.record_key)


def safely(value_of):
    """The value, or "" where a related record it needs is gone."""
    try:
        return value_of() or ""
    except ObjectDoesNotExist:
        return ""


def differences(base, row):
    """[label, old, new] of each field whose value differs between two versions
    (all the fields with a value, for a new record)."""
    old = values_of(base) if base is not None else {}
    return [
        [label, old.get(label, ""), value]
        for label, value in values_of(row).items()
        if old.get(label, "") != value
    ]


def values_of(version):
    """Each field a reader may see of a history row, as text, by label."""
    model = version.instance_type
    tracked = {field.name for field in version.tracked_fields}
    values = {}
    for field in model._meta.concrete_fields:
        if field.primary_key or not field.editable or field.name not in tracked:
            continue
        values[str(field.verbose_name)] = shown(field, getattr(version, field.attname))
    for m2m in version._history_m2m_fields:
        target = m2m.m2m_reverse_field_name() + "_id"
        ids = getattr(version, m2m.name).values_list(target, flat=True)
        related = m2m.related_model._default_manager.filter(pk__in=list(ids))
        names = sorted(str(each) for each in related)
        values[str(m2m.verbose_name)] = "; ".join(names)
    return values


def shown(field, value):
    """A field's value as a reader reads it."""
    if value is None or value == "" or value == []:
        return ""
    if field.is_relation:
        related = field.related_model._default_manager.filter(pk=value).first()
        if related is None:
            return f"a deleted {field.related_model._meta.verbose_name}"
        return str(related)
    if field.flatchoices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return "; ".join(value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
