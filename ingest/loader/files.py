"""Reading fixtures/: every record checked for shape before anything is written."""

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps

from ingest import tables
from ingest.fixture_values import value_problem


class LoadError(Exception):
    """A fixture the loader cannot take; the message names the file and record."""


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
