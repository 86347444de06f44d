"""One load: create, update, keep or leave each record, all in one transaction."""

from collections import Counter
from dataclasses import dataclass, field

from django.apps import apps
from django.db import IntegrityError, connections, transaction
from django.db.models.deletion import Collector
from django.dispatch import Signal

from changes import recording as changes_recording
from changes.models import Change
from core.records import (
    MIGRATED_DIGEST,
    ArchiveRecord,
    archive_changed,
    archive_key_of,
)
from ingest import tables

from .files import LoadError, read_fixtures
from .history import keep_staff_versions, record_many_to_many
from .matching import CHANGE_REASON, Indexes, build, digest, snapshot

# Sent with the fixtures read (`fixtures`: {model label: [FixtureRecord]})
# before anything is written; a receiver refuses the load by raising LoadError.
# The submissions app refuses fixtures that lack documents editors published in
# admin: the load would remove their records.
before_load = Signal()


@dataclass
class ModelReport:
    label: str
    counts: Counter = field(default_factory=Counter)
    kept: list = field(default_factory=list)
    # The records staff deleted, which the load did not re-create (--force does).
    deleted: list = field(default_factory=list)


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


def load_model(
    model, records, report, force, indexes, reason=CHANGE_REASON, stale_after=None
):
    """Create, update or keep each record of one model; return the rows it gave.

    With `stale_after` (the rows earlier batches of the model gave), the records
    an earlier load wrote that no fixture gives any more go first, before the
    new ones are written: a record whose key changed (a plenary now named by its
    city, 2000-helsinki, not its country, 2000-finland) would otherwise meet its
    old row's unique values (its number)."""
    index = indexes[model]
    seen = set()
    creates, updates, overwritten = [], [], []
    for record in records:
        incoming, m2m_data, blocked = build(record, indexes)
        natural_key = incoming.natural_key()
        key = incoming.archive_key = archive_key_of(natural_key)
        index.loaded[key] = incoming
        existing = index.by_key.get(key) or index.adopt(natural_key, key)
        if existing is not None:
            seen.add(existing.pk)
        if blocked or (
            existing is None and key in index.deleted_by_staff and not force
        ):
            if existing is None:
                not_recreated(key, blocked, index, report)
            continue
        wanted = snapshot(incoming, m2m_data)
        wanted_digest = digest(wanted)
        if existing is not None:
            incoming.pk = existing.pk
            incoming._state.adding = False
            now = snapshot(existing, index.m2m[existing.pk])
            now = {name: value for name, value in now.items() if name in wanted}
            if now == wanted:
                if existing.loaded_digest != wanted_digest:
                    model._default_manager.filter(pk=existing.pk).update(
                        loaded_digest=wanted_digest
                    )
                report.counts["unchanged"] += 1
                continue
            edited = existing.loaded_digest not in (digest(now), MIGRATED_DIGEST)
            if edited and not force:
                report.counts["kept"] += 1
                renamed = existing.natural_key() != natural_key
                report.kept.append((str(existing), key if renamed else ""))
                continue
            if edited:
                overwritten.append(existing)
            updates.append((record, incoming, m2m_data))
        else:
            creates.append((record, incoming, m2m_data))
        incoming.loaded_digest = wanted_digest
    keep_staff_versions(model, overwritten, index)
    if stale_after is not None:
        remove_stale(model, seen | stale_after, report, indexes)
    return seen | write_and_index(model, creates, updates, report, index, reason)


def not_recreated(key, blocked, index, report):
    """Report a record the load leaves out: staff deleted it, or it refers to
    records left out (`blocked`)."""
    index.gone.add(key)
    report.counts["not re-created"] += 1
    why = f"refers to the {', '.join(blocked)}" if blocked else ""
    report.deleted.append((key, why))


def write_and_index(model, creates, updates, report, index, reason):
    """Write the records, count them and index them; return their rows."""
    write(model, creates, updates, reason)
    report.counts["created"] += len(creates)
    report.counts["updated"] += len(updates)
    for _, instance, m2m_data in creates + updates:
        index.add(instance, {**index.m2m.get(instance.pk, {}), **m2m_data})
    return {instance.pk for _, instance, _ in creates + updates}


def write(model, creates, updates, reason=CHANGE_REASON):
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
            rows = (
                history.bulk_history_create(
                    created, batch_size=500, default_change_reason=reason
                )
                or []
            )
            rows += (
                history.bulk_history_create(
                    updated,
                    batch_size=500,
                    update=True,
                    default_change_reason=reason,
                )
                or []
            )
    except IntegrityError:
        name_the_refused_record(creates + updates)
        raise
    link_many_to_many(model, creates, updates)
    record_many_to_many(model, rows)


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
                # The history row of the update records the M2M values: no more
                # history rows for each change of them.
                instance.skip_history_when_saving = True
                getattr(instance, m2m.name).set(m2m_data[m2m.name])
                del instance.skip_history_when_saving


def remove_stale(model, seen, report, indexes):
    """Drop records an earlier load wrote that the sources no longer give.

    Only the loader's own, unedited records go: staff-created rows have no digest,
    and edited rows no longer match theirs.
    """
    index = indexes[model]
    for key, row in list(index.by_key.items()):
        if row.pk in seen or not row.loaded_digest:
            continue
        unedited = row.loaded_digest == MIGRATED_DIGEST or (
            row.loaded_digest == digest(snapshot(row, index.m2m[row.pk]))
        )
        if unedited:
            delete_as_loader(row)
            del index.by_key[key]
            report.counts["removed"] += 1


def delete_as_loader(row):
    """Delete a row and what cascades from it (a plenary's citations), each
    history row with the loader's reason: a deletion without it reads as
    staff's, and the record would not be re-created when a fixture gives it."""
    collector = Collector(using=row._state.db)
    collector.collect([row])
    for instances in collector.data.values():
        for instance in instances:
            instance._change_reason = CHANGE_REASON
    collector.delete()


def referenced_first(model, records):
    """The records of a model that refers to itself (a copy to its original) in
    two batches, those that refer to no record of their own model first: the
    others' references then resolve to saved rows, which they are compared and
    digested with."""
    own = [
        f.name
        for f in model._meta.concrete_fields
        if f.is_relation and f.related_model is model
    ]
    if not own:
        return [records]
    refers = [any(r.data["fields"].get(name) for name in own) for r in records]
    return [
        [r for r, ref in zip(records, refers, strict=True) if not ref],
        [r for r, ref in zip(records, refers, strict=True) if ref],
    ]


def load_archive(directory, force=False, progress=None, reason=CHANGE_REASON):
    """Load every fixture in `directory` in one transaction; return what changed.

    `reason` is the history rows' of the records it creates or updates, and the
    change log's (a document published in admin names itself); the records it
    removes always carry the loader's own."""
    grouped = read_fixtures(directory)
    before_load.send(sender=load_archive, fixtures=grouped)
    report = LoadReport()
    indexes = Indexes()
    with transaction.atomic(), changes_recording.loading():
        transaction.on_commit(lambda: archive_changed.send(sender=ArchiveRecord))
        for table in tables.TABLES:
            label = table.label
            model = apps.get_model(label)
            model_report = report.for_model(label)
            seen = set()
            batches = referenced_first(model, grouped.get(label, []))
            for number, batch in enumerate(batches, start=1):
                last = number == len(batches)
                seen |= load_model(
                    model, batch, model_report, force, indexes, reason,
                    stale_after=seen if last else None,
                )  # fmt: skip
            if progress:
                progress(model_report, len(grouped.get(label, [])))
        if report.changed:
            record_load(report, reason)
    return report


def record_load(report, reason=CHANGE_REASON):
    """The load's one entry in the public change log: its history rows, written
    with the loader's reason, are not listed one by one."""
    counts = Counter()
    for model_report in report.models.values():
        counts.update(model_report.counts)
    Change.objects.record_load(
        created=counts["created"],
        updated=counts["updated"],
        kept=counts["kept"],
        removed=counts["removed"],
        reason=reason,
    )


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
