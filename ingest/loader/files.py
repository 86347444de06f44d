"""Reading fixtures/: every record checked for shape before anything is written."""

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps

from ingest import tables


class LoadError(Exception):
    """A fixture the loader cannot take; the message names the file and record."""


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
    if model._meta.label_lower not in tables.BY_LABEL:
        raise LoadError(f"{record.where}: not an archive model")
