"""What shape a fixture's value must have for its field, checked as the loader
reads the file: a value of the wrong JSON type, or text the database cannot
hold, is named with its file and record instead of failing deep in Django or the
database driver. What a well-shaped value means (a date that exists, a natural
key that resolves) is for the loader's `build`.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db import models


def value_problem(model, name, value):
    """What is wrong with the shape of a fixture value for a field, or None."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None  # `build` names the unknown field
    if not (field.concrete or field.many_to_many):
        return f"is not a field of {model.__name__} a fixture sets"
    if field.primary_key:
        return "is an auto id; fixtures use natural keys only"
    if any("\x00" in text for text in strings(value)):
        return "holds a NUL character, which PostgreSQL cannot store"
    if field.many_to_many:
        if not isinstance(value, list) or not all(map(is_natural_key, value)):
            return f"must be a list of natural keys, not {json_kind(value)}"
    elif field.is_relation:
        if value is not None and not is_natural_key(value):
            return f"must be a natural key, not {json_kind(value)}"
    elif isinstance(field, models.JSONField) or value is None:
        return None
    elif isinstance(field, models.DateField | models.TimeField):
        if not isinstance(value, str):
            return f"must be a date as text, not {json_kind(value)}"
    elif not isinstance(value, str | int | float):
        return f"must be a single value, not {json_kind(value)}"
    return None


def is_natural_key(value):
    """A natural key: one value (a country's code) or a list of values."""
    parts = value if isinstance(value, list) and value else [value]
    return all(isinstance(part, str | int) for part in parts)


def strings(value):
    """Every text in a JSON value, the keys of its objects included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings(item)


def json_kind(value):
    """What a JSON value is, in words."""
    if isinstance(value, bool):
        return "true or false"
    kinds = {dict: "an object", list: "a list", str: "text", type(None): "null"}
    return kinds.get(type(value), "a number")
