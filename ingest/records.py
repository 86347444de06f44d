"""The archivist's records (sources/records/): documents the archive does not hold
in full text, each with the facts the staff cited from it.

Each document becomes a Source with no text (not held: cited from the original)
whose facts are read from its rows of claims.csv, in the same shapes the document
parsers give, so that one merge weighs every witness. A claim has no passage: its
citation carries a locator ("claims.csv, row 12") and the archivist's note.
"""

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from ingest.catalogue import parse_published
from ingest.errors import ParseError
from ingest.merge.records import Source
from ingest.record_facts import facts_of

RECORDS = "records"
KINDS = {
    "statement", "chair-report", "fact-sheet", "cable", "press-release", "speech",
    "encyclopedia", "parliamentary-record", "overview", "presentation",
}  # fmt: skip
DOCUMENT_COLUMNS = ["id", "kind", "title", "publisher", "published", "url", "note"]
CLAIM_COLUMNS = ["subject", "field", "value", "document", "note"]
FIELDS = {
    "plenary": {
        "number", "city", "country", "start", "end", "chair", "chair_country",
        "session_chair", "opened_by", "member_count", "attending", "first_attended",
        "admitted", "invited", "next_meeting", "resolutions", "annex", "guidelines",
    },
    "partner": {"joined"},
    "adherent": {"pledged", "applied"},
    "event": {"date"},
}  # fmt: skip
_SUBJECT = re.compile(r"(?P<kind>plenary|partner|adherent|event):(?P<key>[\w-]+)")


@dataclass
class Claim:
    subject: str
    kind: str  # plenary | partner | adherent | event
    key: str  # the slug or ISO code after the colon
    field: str
    value: str
    document: str
    note: str
    row: int  # the row in claims.csv (the header is row 1)

    @property
    def locator(self):
        """What the citation shows in place of a passage."""
        return f"claims.csv, row {self.row}"

    def fail(self, message):
        return ParseError(message, file=f"{RECORDS}/claims.csv", line=self.row)


def read_records(sources_dir):
    """The records' documents as Sources with their facts ([] if there are none),
    and {locator: the archivist's note} for the citations."""
    folder = Path(sources_dir) / RECORDS
    if not (folder / "documents.csv").exists():
        return [], {}
    documents = _documents(folder / "documents.csv")
    claims = _claims(folder / "claims.csv", documents)
    sources = []
    for document_id, source in documents.items():
        mine = [claim for claim in claims if claim.document == document_id]
        source.facts = facts_of(mine)
        sources.append(source)
    return sources, {claim.locator: claim.note for claim in claims}


def _rows(path, columns):
    name = f"{RECORDS}/{path.name}"
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames != columns:
                raise ParseError(
                    f"columns should be {', '.join(columns)}", file=name, line=1
                )
            return [(reader.line_num, row) for row in reader]
    except UnicodeDecodeError as error:
        raise ParseError(f"not UTF-8 ({error.reason})", file=name) from None
    except FileNotFoundError:
        raise ParseError("missing", file=name) from None


def _document_error(row, documents):
    """What is wrong with a row of documents.csv, or ""."""
    if not row["id"] or row["id"] in documents:
        return f"a missing or repeated id {row['id']!r}"
    if row["kind"] not in KINDS:
        return f"unknown kind {row['kind']!r}"
    if row["published"] and parse_published(row["published"]) is None:
        return f"published {row['published']!r} is not YYYY, YYYY-MM or YYYY-MM-DD"
    if not row["title"]:
        return "no title"
    return ""


def _documents(path):
    documents = {}
    for row_number, row in _rows(path, DOCUMENT_COLUMNS):
        error = _document_error(row, documents)
        if error:
            raise ParseError(error, file=f"{RECORDS}/documents.csv", line=row_number)
        published = parse_published(row["published"]) if row["published"] else None
        documents[row["id"]] = Source(
            file_name=f"{RECORDS}/{row['id']}",
            slug=row["id"],
            title=row["title"],
            kind=row["kind"],
            publisher=row["publisher"],
            published=published,
            url=row["url"],
            text="",
            held=False,
            note=row["note"],
        )
    return documents


def _claims(path, documents):
    claims = []
    for row_number, row in _rows(path, CLAIM_COLUMNS):
        match = _SUBJECT.fullmatch(row["subject"])
        claim = Claim(
            row["subject"],
            match["kind"] if match else "",
            match["key"] if match else "",
            row["field"],
            row["value"].strip(),
            row["document"],
            row["note"],
            row_number,
        )
        if match is None:
            raise claim.fail(f"unknown subject {row['subject']!r}")
        if claim.field not in FIELDS[claim.kind]:
            raise claim.fail(f"unknown field {claim.field!r} for a {claim.kind}")
        if claim.document not in documents:
            raise claim.fail(f"unknown document {claim.document!r}")
        claims.append(claim)
    return claims
