"""The editors' decisions on what the parser read: the one place they are applied.

Each fact a parser reads has a stable path ("plenary.dates", "plenary.chairs[0]",
"members[3]"). A decision rejects a fact or corrects its value (the parser's
reading kept beside it); a fact without a decision is accepted. The decisions of a
document added in admin are kept in sources/decisions/<file stem>.toml, written by
`export_sources`, so that `build_fixtures` reads the document as the editor did:

    [[decision]]
    fact = "plenary.city"
    action = "correct"        # or "reject"
    value = "Wellington"      # the editor's value (corrections only)
    parsed = "Welington"      # what the parser read, for the reviewer
"""

import copy
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ingest import names
from ingest.dates import DateRange, parse_range
from ingest.errors import ParseError
from ingest.facts import FROM_CITY, Fact, PlenaryReport
from ingest.sentences.people import parse_person

DECISIONS_DIR = "decisions"
# The decision on the whole document: "reject" keeps it as a source only, with no
# fact read from it (a text from which no meeting can be read; facts by hand).
WHOLE = "document"
ACTIONS = ("accept", "reject", "correct")
# The facts of a meeting an editor may correct, as a value typed in a form.
CORRECTABLE = ("number", "city", "country", "dates", "opened_by")
# A meeting's lists whose items an editor may correct one by one: a chair (a
# person) and a passage's resolutions.
CORRECTABLE_ITEMS = ("chairs", "resolutions")
_SCALARS = ("number", "city", "country", "dates", "opened_by", "member_list")
_REPORT_LISTS = ("chairs", "resolutions", "countries_of_concern", "regions")
_DOCUMENT_LISTS = ("chairs", "members", "adherences", "annex", "events")
_PATH = re.compile(r"(?P<name>\w+)(?:\[(?P<index>\d+)\])?")


@dataclass(frozen=True)
class FactItem:
    """One fact a parser read: its path, what it is, its value, its passage."""

    path: str
    label: str
    value: str
    passage: str
    correctable: bool = False


def report_prefix(index):
    return "plenary" if index == 0 else f"plenaries[{index}]"


def fact_items(facts):
    """Every fact of a DocumentFacts, in reading order, as FactItems."""
    items = []
    for index, report in enumerate(facts.plenaries):
        prefix = report_prefix(index)
        for name in _SCALARS:
            fact = getattr(report, name)
            if fact is not None:
                items.append(
                    FactItem(
                        f"{prefix}.{name}",
                        name.replace("_", " "),
                        shown(name, fact.value),
                        fact.passage,
                        name in CORRECTABLE,
                    )
                )
        for name in _REPORT_LISTS:
            for position, item in enumerate(getattr(report, name)):
                label = "chair" if name == "chairs" else name.replace("_", " ")
                value = item.value if isinstance(item, Fact) else item
                items.append(
                    FactItem(
                        f"{prefix}.{name}[{position}]",
                        label,
                        shown(name, value),
                        item.passage,
                        name in CORRECTABLE_ITEMS,
                    )
                )
    for name in _DOCUMENT_LISTS:
        for position, item in enumerate(getattr(facts, name)):
            items.append(
                FactItem(
                    f"{name}[{position}]",
                    _DOCUMENT_LABELS[name],
                    shown(name, item),
                    item.passage,
                )
            )
    if facts.member_count is not None:
        items.append(
            FactItem(
                "member_count",
                "member count",
                str(facts.member_count.value),
                facts.member_count.passage,
            )
        )
    return items


_DOCUMENT_LABELS = {
    "chairs": "chair of the regime",
    "members": "partner",
    "adherences": "adherent",
    "annex": "Annex decision",
    "events": "announcement",
}


def country_name(code):
    country = names.COUNTRY_BY_ISO.get(code)
    return country.name if country else str(code)


def shown(name, value):
    """A fact's value as the review and the decisions file show it."""
    if isinstance(value, DateRange):
        return value.claim
    if name in ("country", "countries_of_concern", "member_list"):
        codes = value if isinstance(value, list | tuple) else [value]
        return ", ".join(country_name(code) for code in codes)
    if name == "regions":
        return ", ".join(
            names.REGION_BY_SLUG[slug].name if slug in names.REGION_BY_SLUG else slug
            for slug in value
        )
    if name == "resolutions":
        return ", ".join(str(number) for number in value)
    if name == "members":
        since = f" (since {value.date.claim})" if value.date else ""
        return f"{country_name(value.code)}{since}"
    if name == "adherences":
        return f"{country_name(value.code)}, {value.kind}"
    if name == "annex":
        return value.summary + (f" ({value.date.claim})" if value.date else "")
    if name == "events":
        return value.title + (f" ({value.date.claim})" if value.date else "")
    if name == "chairs" and hasattr(value, "term"):
        who = value.person.name if value.person else ""
        countries = ", ".join(country_name(code) for code in value.countries)
        return f"{value.term}: {', '.join(filter(None, [countries, who]))}"
    if hasattr(value, "name"):  # a Person
        titled = " ".join(filter(None, [value.title, value.name]))
        return ", ".join(filter(None, [titled, value.position]))
    return "" if value is None else str(value)


def fact_name(path):
    """The attribute a fact's path ends in: "plenary.chairs[0]" -> "chairs"."""
    return _PATH.fullmatch(path.rsplit(".", 1)[-1])["name"]


def corrected(name, text, year=None):
    """The value an editor typed for a fact, as the parser would give it;
    ValueError with a plain message if it cannot be one."""
    text = " ".join(str(text).split())
    if not text:
        raise ValueError("a correction cannot be empty (reject the fact instead)")
    if name == "resolutions":
        return _resolution_numbers(text)
    if name == "chairs":
        return _chair_person(text)
    if name == "number":
        if not text.isdigit() or not 0 < int(text) < 1000:
            raise ValueError(f"{text!r} is not a plenary number such as 35")
        return int(text)
    if name == "country":
        code = names.country_named(text) or (
            text.upper() if text.upper() in names.COUNTRY_BY_ISO else None
        )
        if code is None:
            raise ValueError(f"{text!r} is not a country the archive knows")
        return code
    if name == "dates":
        try:
            return parse_range(text, year)
        except ParseError:
            pass
        try:
            start, _, end = text.partition("/")
            first = parse_range(start)
            last = parse_range(end) if end else first
        except ParseError:
            raise ValueError(
                f"{text!r} is not a date such as 13-17 October 2031 "
                "or 2031-10-13/2031-10-17"
            ) from None
        return DateRange(first.start, last.end, first.precision)
    return text


def _resolution_numbers(text):
    numbers = [part.strip() for part in re.split(r"[,;]", text)]
    if not all(part.isdigit() and 0 < int(part) < 10000 for part in numbers):
        raise ValueError(
            f"{text!r} is not a list of resolution numbers such as 1540, 2231"
        )
    return [int(part) for part in numbers]


def _chair_person(text):
    if names.country_named(text):
        raise ValueError(
            f"{text!r} is a country, not a person (reject the person instead)"
        )
    person = parse_person(text)
    if not person.name:
        raise ValueError(f"{text!r} names no person, such as Ambassador Jane Roe")
    return person


def apply_decisions(facts, decisions):
    """A copy of `facts` with the editor's decisions applied: {path: {"action":
    "reject" | "correct" | "accept", "value": the editor's value}}. ParseError
    for a decision that matches no fact, or a correction that is no value."""
    if not decisions:
        return facts
    facts = copy.deepcopy(facts)
    decisions = {path: each for path, each in decisions.items() if path != WHOLE}
    rejected = {}  # id of the owner -> (owner, {(attribute, index)})
    for path, decision in sorted(decisions.items()):
        action = decision.get("action", "accept")
        if action not in ACTIONS:
            raise ParseError(f"decision on {path}: unknown action {action!r}")
        owner, name, index = _locate(facts, path)
        if action == "reject":
            rejected.setdefault(id(owner), (owner, set()))[1].add((name, index))
        elif action == "correct":
            _correct(owner, name, index, path, decision.get("value", ""))
    for owner, indexes in rejected.values():
        _reject(owner, indexes)
    return facts


def source_only(decisions):
    """Whether the editor kept the document as a source only, no fact read."""
    return (decisions or {}).get(WHOLE, {}).get("action") == "reject"


def _locate(facts, path):
    """(the object holding the fact, its attribute, its list index or None)."""
    owner = facts
    parts = path.split(".")
    for number, part in enumerate(parts):
        match = _PATH.fullmatch(part)
        if match is None:
            break
        name, index = match["name"], match["index"]
        name = "plenaries" if name == "plenary" and number == 0 else name
        index = int(index) if index is not None else (0 if part == "plenary" else None)
        value = getattr(owner, name, None) if match else None
        last = number == len(parts) - 1
        if last and (
            (index is None and isinstance(value, Fact))
            or (isinstance(value, list) and index is not None and index < len(value))
        ):
            return owner, name, index
        if not isinstance(value, list) or index is None or index >= len(value):
            break
        owner = value[index]
    raise ParseError(f"decision on {path}: the parser read no such fact")


def _correct(owner, name, index, path, text):
    allowed = CORRECTABLE_ITEMS if index is not None else CORRECTABLE
    if name not in allowed or not isinstance(owner, PlenaryReport):
        raise ParseError(
            f"decision on {path}: only a meeting's {', '.join(CORRECTABLE)}, and "
            f"each of its {' and '.join(CORRECTABLE_ITEMS)}, can be corrected"
        )
    try:
        value = corrected(name, text, owner.year)
    except ValueError as error:
        raise ParseError(f"decision on {path}: {error}") from None
    if index is not None:
        items = getattr(owner, name)
        item = items[index]
        if name == "chairs":
            value.role, value.passage = item.role, item.passage
            items[index] = value
        else:
            items[index] = Fact(value, item.passage)
        return
    fact = getattr(owner, name)
    setattr(owner, name, Fact(value, fact.passage))
    if name == "city" and owner.country is None:
        found = names.city_country(value)
        if found:
            owner.country = Fact(found[1], fact.passage, FROM_CITY)


def _reject(owner, indexes):
    for name, index in indexes:
        if index is None:
            setattr(owner, name, None)
    for name in {name for name, index in indexes if index is not None}:
        dropped = {index for each, index in indexes if each == name}
        kept = [item for i, item in enumerate(getattr(owner, name)) if i not in dropped]
        setattr(owner, name, kept)


def decisions_path(sources_dir, file_name):
    return Path(sources_dir) / DECISIONS_DIR / f"{Path(file_name).stem}.toml"


def read_decisions(sources_dir, file_name):
    """The decisions kept for a document in sources/decisions/, or {}."""
    path = decisions_path(sources_dir, file_name)
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ParseError(f"malformed decisions: {error}", file=path.name) from None
    decisions = {}
    for entry in data.get("decision", []):
        if not isinstance(entry, dict) or not isinstance(entry.get("fact"), str):
            raise ParseError("a [[decision]] needs a fact", file=path.name)
        decisions[entry["fact"]] = {
            key: str(value) for key, value in entry.items() if key != "fact"
        }
    return decisions


def render_decisions(decisions):
    """The decisions as the TOML text sources/decisions/ keeps (accepts left out)."""
    lines = [
        "# The editors' decisions on what the parser read in this document "
        "(ingest/decisions.py).",
    ]
    for path, decision in sorted(decisions.items()):
        if decision.get("action") not in ("reject", "correct"):
            continue
        lines += ["", "[[decision]]", f"fact = {toml_string(path)}"]
        for key in ("action", "value", "parsed"):
            if decision.get(key):
                lines.append(f"{key} = {toml_string(decision[key])}")
    return "\n".join(lines) + "\n"


def toml_string(text):
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"')
    escaped = re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\u{ord(m.group()):04x}", escaped)
    return f'"{escaped}"'
