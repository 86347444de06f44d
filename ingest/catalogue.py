"""sources/catalogue.toml: what an archivist knows of each file, validated.

[[document]]
file = "busan-2016-statement.txt"   # a file in sources/
title = "..."
kind = "statement"                  # statement | chair-report | overview | presentation
publisher = "MTCR"                  # optional
published = "2016-10-21"            # optional: "YYYY", "YYYY-MM" or "YYYY-MM-DD"
url = "https://..."                 # optional
plenary = "2022-montreux"           # optional: where the text never names it
"""

import datetime
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ingest.dates import DAY, MONTH, YEAR, DateRange
from ingest.errors import ParseError

CATALOGUE = "catalogue.toml"
KINDS = ("statement", "chair-report", "overview", "presentation")
REQUIRED = ("file", "title", "kind")
OPTIONAL = ("publisher", "published", "url", "plenary")
# Control characters PostgreSQL text (NUL) or XML 1.0 (the feed, the sitemap)
# cannot hold; tab and the line breaks are text.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(frozen=True)
class Entry:
    """One catalogued document, and the line of the catalogue that describes it."""

    file: str
    title: str
    kind: str
    line: int
    publisher: str = ""
    published: DateRange | None = None
    url: str = ""
    plenary: str = ""


def read_catalogue(sources_dir):
    """The entries of `sources_dir`/catalogue.toml, each checked against the folder."""
    path = Path(sources_dir) / CATALOGUE
    if not path.is_file():
        raise ParseError("catalogue not found", file=str(path))
    text = read_text(path, name=CATALOGUE)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = re.search(r"line (\d+)", str(error))
        raise ParseError(
            f"malformed TOML: {error}",
            file=CATALOGUE,
            line=int(line.group(1)) if line else None,
        ) from None
    documents = data.get("document")
    if not isinstance(documents, list) or not documents:
        raise ParseError("no [[document]] entries", file=CATALOGUE)
    header_lines = [
        number
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip().startswith("[[document]]")
    ]
    entries, seen = [], set()
    for index, document in enumerate(documents):
        line = header_lines[index] if index < len(header_lines) else None
        entry = _entry(document, line, Path(sources_dir), text.splitlines())
        if entry.file in seen:
            raise ParseError(
                f"{entry.file!r} catalogued twice", file=CATALOGUE, line=line
            )
        seen.add(entry.file)
        entries.append(entry)
    return entries


def _entry(document, line, sources_dir, lines):
    def fail(message, key=None):
        return ParseError(message, file=CATALOGUE, line=_key_line(lines, line, key))

    if not isinstance(document, dict):
        raise fail("a [[document]] entry must be a table")
    missing = [key for key in REQUIRED if not document.get(key)]
    if missing:
        raise fail(f"entry without {', '.join(missing)}")
    unknown = sorted(set(document) - set(REQUIRED) - set(OPTIONAL))
    if unknown:
        raise fail(f"unknown key(s) {', '.join(unknown)}")
    for key, value in document.items():
        if not isinstance(value, str):
            raise fail(f"{key} must be a string")
        if CONTROL.search(value):
            raise fail(f"{key} holds a control character", key)
    name = document["file"]
    if Path(name).name != name:
        raise fail(f"file {name!r} must be a file name in the sources folder")
    if not (sources_dir / name).is_file():
        raise fail(f"file {name!r} not found in {sources_dir}", "file")
    if document["kind"] not in KINDS:
        raise fail(
            f"unknown kind {document['kind']!r} for {name!r} "
            f"(expected one of {', '.join(KINDS)})",
            "kind",
        )
    published = None
    if document.get("published"):
        published = parse_published(document["published"])
        if published is None:
            raise fail(
                f"published {document['published']!r} is not YYYY, YYYY-MM or "
                "YYYY-MM-DD",
                "published",
            )
    plenary = document.get("plenary", "")
    if plenary and not re.fullmatch(r"\d{4}-[a-z0-9-]+", plenary):
        raise fail(
            f"plenary {plenary!r} is not a slug such as 2022-montreux", "plenary"
        )
    return Entry(
        file=name,
        title=document["title"].strip(),
        kind=document["kind"],
        line=line,
        publisher=document.get("publisher", "").strip(),
        published=published,
        url=document.get("url", "").strip(),
        plenary=plenary,
    )


def _key_line(lines, header, key):
    """The line of `key = ...` in the entry that starts at line `header`."""
    if header is None or key is None:
        return header
    for number in range(header, len(lines)):
        line = lines[number].strip()
        if line.startswith("[["):
            break
        if re.match(rf"{re.escape(key)}\s*=", line):
            return number + 1
    return header


def parse_published(value):
    """ "2016-10-21" / "2022-10" / "2023" as a DateRange of that precision, or None."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    if not match:
        return None
    year, month, day = match.groups()
    precision = DAY if day else MONTH if month else YEAR
    try:
        date = datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return DateRange(date, date, precision)


def read_text(path, name=None):
    """A source file's text; ParseError naming the file and line if not UTF-8."""
    name = name or Path(path).name
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ParseError(
            f"not UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})",
            file=name,
            line=line,
        ) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    control = CONTROL.search(text)
    if control:
        raise ParseError(
            f"holds a control character (U+{ord(control.group()):04X}) that the "
            "archive cannot store",
            file=name,
            line=text.count("\n", 0, control.start()) + 1,
        )
    return text
