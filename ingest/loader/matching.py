"""Finding each fixture record's row: by the natural key it was first loaded with.

The fixtures name records, and their references, by natural key. The loader
finds a record's row by its archive_key (that natural key as first loaded), which
no edit in admin changes; a reference resolves to the record as this load's
fixtures give it, so a natural key made of a reference (a chair person's term)
is the one it was loaded with even when staff renamed the term.
"""

import hashlib
import json

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ValidationError

from core.records import archive_key_of

from .files import LoadError

CHANGE_REASON = "load_archive"

# What the loader compares and digests: not the row's id nor its own bookkeeping.
NOT_COMPARED = {"loaded_digest", "archive_key"}


def snapshot(instance, m2m_data):
    """The record's values as the loader compares them: own fields and M2M ids."""
    values = {}
    for model_field in instance._meta.concrete_fields:
        if model_field.primary_key or model_field.name in NOT_COMPARED:
            continue
        values[model_field.attname] = model_field.value_to_string(instance)
    for name, ids in m2m_data.items():
        values[name] = sorted(str(pk) for pk in ids)
    return values


def digest(values):
    encoded = json.dumps(values, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(encoded).hexdigest()


class ModelIndex:
    """The rows of one model in the database, by archive key, with their M2M ids.

    Built once per model and kept current as the load writes, so that resolving a
    natural key or comparing a record costs no query. `loaded` holds each record
    as this load's fixtures give it (its pk that of its row, if it has one):
    references resolve to it, so that a record's natural key is the one it was
    loaded with even when staff renamed what it refers to. `gone` holds the keys
    of the records staff deleted that this load does not re-create.
    """

    def __init__(self, model):
        relations = [f.name for f in model._meta.concrete_fields if f.is_relation]
        self.model = model
        self.m2m_names = [m2m.name for m2m in model._meta.many_to_many]
        rows = model._default_manager.select_related(*relations).prefetch_related(
            *self.m2m_names
        )
        self.by_key = {}  # archive key -> row
        self.unclaimed = {}  # natural key -> row staff created (no archive key)
        self.m2m = {}
        self.loaded = {}
        self.gone = set()
        for row in rows:
            m2m = {
                name: [related.pk for related in getattr(row, name).all()]
                for name in self.m2m_names
            }
            if row.archive_key:
                self.add(row, m2m)
            else:
                self.unclaimed[row.natural_key()] = row
                self.m2m[row.pk] = m2m
        self.deleted_by_staff = self.read_deletions()

    def read_deletions(self):
        """The archive keys of the records staff deleted: the last deletion in
        their history is not the loader's own, and no row has the key now."""
        last_deletion = dict(
            self.model.history.filter(history_type="-")
            .exclude(archive_key="")
            .order_by("history_date", "history_id")
            .values_list("archive_key", "history_change_reason")
        )
        return {
            key
            for key, reason in last_deletion.items()
            if reason != CHANGE_REASON and key not in self.by_key
        }

    def add(self, row, m2m):
        self.by_key[row.archive_key] = row
        self.m2m[row.pk] = m2m

    def adopt(self, natural_key, key):
        """The row staff created with this natural key, if any, which the loader
        takes as the record's (as it did before records had archive keys)."""
        row = self.unclaimed.pop(natural_key, None)
        if row is not None:
            row.archive_key = key
            self.model._default_manager.filter(pk=row.pk).update(archive_key=key)
            self.by_key[key] = row
        return row


class Indexes(dict):
    def __missing__(self, model):
        self[model] = ModelIndex(model)
        return self[model]


def build(record, indexes):
    """The record as an unsaved instance, its references resolved, its M2M ids, and
    what it requires that staff deleted (then it cannot be created)."""
    model = apps.get_model(record.data["model"])
    instance = model()
    m2m = {}
    blocked = []
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
            resolved = [resolve(field, key, indexes, record) for key in value]
            m2m[name] = [related.pk for related, gone in resolved if not gone]
        elif field.is_relation:
            related, gone = (
                (None, False)
                if value is None
                else resolve(field, value, indexes, record)
            )
            if gone and field.null:
                related = None
            elif gone:
                blocked.append(f"{field.verbose_name} {related_name(value)}")
            setattr(instance, field.name, related)
        elif field.concrete and name not in NOT_COMPARED:
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
    return instance, m2m, blocked


def related_name(value):
    return archive_key_of(value if isinstance(value, list) else [value])


def resolve(field, value, indexes, record):
    """The record a natural key names, as loaded, and whether staff deleted it."""
    index = indexes[field.related_model]
    key = related_name(value)
    found = index.loaded.get(key) or index.by_key.get(key)
    if found is None:  # a row staff created, that no fixture gives
        natural_key = tuple(value) if isinstance(value, list) else (value,)
        found = index.unclaimed.get(natural_key)
    if found is None:
        raise LoadError(
            f"{record.where}: names a {field.related_model._meta.verbose_name} "
            f"that does not exist: {json.dumps(value, ensure_ascii=False)}"
        )
    return found, key in index.gone
