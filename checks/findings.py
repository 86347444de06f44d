"""Findings, and the file of the known ones: sources/known-findings.toml.

A finding is what a rule of checks.rules reports: a stable key (the rule, the
record's natural key, the field), a message and the evidence (the documents'
titles, their passages or locators, the archivist's notes). A finding the
archivist has looked into and explained is recorded in the known-findings file,
one `[[finding]]` table each, with its key, the explanation and the evidence the
archivist relies on; it then no longer fails `check_archive`.
"""

import dataclasses
import json
import tomllib
from pathlib import Path

from django.conf import settings

ENTRY_FIELDS = ("key", "explanation", "evidence")


def known_findings_path():
    return Path(settings.SOURCES_DIR) / "known-findings.toml"


@dataclasses.dataclass(frozen=True)
class Evidence:
    """What a finding rests on: a document, its passage (or locator), a note."""

    source: str
    passage: str = ""
    note: str = ""

    def __str__(self):
        text = self.source
        if self.passage:
            text += f": “{self.passage}”"
        if self.note:
            text += f" (note: {self.note})"
        return text


@dataclasses.dataclass
class Finding:
    """One contradiction a rule found."""

    key: str
    rule: str
    message: str
    evidence: list = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class Known:
    """A finding the archivist has explained, as the file records it."""

    key: str
    explanation: str
    evidence: str = ""


class KnownFindingsError(ValueError):
    """The known-findings file cannot be read as the list of explained findings."""


def read_known(path=None):
    """{key: Known} from the file; no file means no known findings."""
    path = Path(path or known_findings_path())
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise KnownFindingsError(f"{path} is not valid TOML: {error}") from error
    unexpected = set(data) - {"finding"}
    if unexpected:
        raise KnownFindingsError(
            f"{path}: unexpected top-level {', '.join(sorted(unexpected))} "
            "(only [[finding]] tables)"
        )
    known = {}
    for number, entry in enumerate(data.get("finding", []), start=1):
        item = _entry(path, number, entry)
        if item.key in known:
            raise KnownFindingsError(
                f"{path}: finding {number}: key {item.key!r} is listed twice"
            )
        known[item.key] = item
    return known


def _entry(path, number, entry):
    where = f"{path}: finding {number}"
    if not isinstance(entry, dict):
        raise KnownFindingsError(f"{where} is not a table")
    unexpected = set(entry) - set(ENTRY_FIELDS)
    if unexpected:
        raise KnownFindingsError(
            f"{where}: unexpected field {', '.join(sorted(unexpected))} "
            f"(fields: {', '.join(ENTRY_FIELDS)})"
        )
    for name in ENTRY_FIELDS:
        value = entry.get(name, "")
        if not isinstance(value, str):
            raise KnownFindingsError(f"{where}: {name} must be text")
    for name in ("key", "explanation"):
        if not entry.get(name, "").strip():
            raise KnownFindingsError(f"{where}: {name} is missing or empty")
    return Known(
        entry["key"].strip(),
        entry["explanation"].strip(),
        entry.get("evidence", "").strip(),
    )


@dataclasses.dataclass
class Comparison:
    """The findings against the file: new ones, known ones, and known ones gone."""

    new: list
    known: list  # (Finding, Known)
    gone: list  # Known entries no finding has now


def compare(findings, known):
    seen = {finding.key for finding in findings}
    return Comparison(
        new=[finding for finding in findings if finding.key not in known],
        known=[(f, known[f.key]) for f in findings if f.key in known],
        gone=[entry for key, entry in sorted(known.items()) if key not in seen],
    )


def entry_for(finding):
    """The file's entry for a new finding, to paste and complete: TOML strings
    written as JSON strings, which TOML reads alike."""
    evidence = "\n".join(str(item) for item in finding.evidence)
    return "\n".join(
        [
            "[[finding]]",
            f"key = {json.dumps(finding.key, ensure_ascii=False)}",
            f"# {finding.message}",
            'explanation = ""  # why this is not an error in the archive',
            f"evidence = {json.dumps(evidence, ensure_ascii=False)}",
            "",
        ]
    )
