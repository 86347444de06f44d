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

from ingest import names
from ingest.catalogue import parse_published
from ingest.dates import DAY, DateRange
from ingest.errors import ParseError
from ingest.facts import (
    AdherenceEvidence,
    AnnexEvidence,
    ChairEvidence,
    DocumentFacts,
    EventReport,
    Fact,
    MemberEvidence,
    PlenaryReport,
)
from ingest.merge.records import Source
from ingest.sentences.people import parse_person

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


def records_date(value, claim):
    """A claim's date: "1988", "1994-10" or "2004-02-10", as a DateRange."""
    date = parse_published(value)
    if date is None:
        raise claim.fail(f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return date


def records_span(value, claim):
    """A date or "start/end" as one DateRange, at the precision of its start."""
    if "/" not in value:
        return records_date(value, claim)
    first, last = (records_date(part, claim) for part in value.split("/", 1))
    if last.end < first.start:
        raise claim.fail(f"{value!r} ends before it starts")
    return DateRange(first.start, last.end, first.precision)


def codes_of(value, claim):
    codes = value.split()
    unknown = [code for code in codes if code not in names.COUNTRY_BY_ISO]
    if unknown or not codes:
        raise claim.fail(f"unknown country codes {' '.join(unknown) or value!r}")
    return codes


def facts_of(claims):
    """The facts of one document's claims, in the shapes the parsers give."""
    facts = DocumentFacts()
    subjects = {}
    for claim in claims:
        subjects.setdefault((claim.kind, claim.key), []).append(claim)
    own = own_plenary(claims)
    for (kind, key), mine in subjects.items():
        if kind == "plenary":
            _plenary_facts(facts, key, mine, own == key)
        elif kind == "partner":
            for claim in mine:
                facts.members.append(_joined(claim))
        elif kind == "adherent":
            for claim in mine:
                facts.adherences.append(_adherence(claim))
        else:
            facts.events.extend(_event(claim) for claim in mine)
    return facts


def own_plenary(claims):
    """The plenary a document reports on: the one it states most about, if it
    states at least three facts of it and of no other as many."""
    counts = {}
    for claim in claims:
        if claim.kind == "plenary":
            counts[claim.key] = counts.get(claim.key, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < 3:
        return None
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def _year_of(slug, claim):
    match = re.match(r"(\d{4})-", slug)
    if not match:
        raise claim.fail(f"plenary slug {slug!r} does not start with its year")
    return int(match.group(1))


def _plenary_facts(facts, slug, claims, is_own):
    """One report per value: a second start (a heading against a body) or a
    second number makes a second report of the same meeting."""
    reports = []

    def report_for(attribute):
        for report in reports:
            if getattr(report, attribute) in (None, []):
                return report
        report = PlenaryReport(
            year=_year_of(slug, claims[0]), slug=slug, is_primary=is_own
        )
        report.is_mention = not is_own
        reports.append(report)
        return report

    def first_report():
        return reports[0] if reports else report_for("number")

    for claim in claims:
        _plenary_claim(facts, claim, report_for, first_report)
    for report in reports:
        _date_report(report, claims)
    facts.plenaries.extend(reports)


def _plenary_claim(facts, claim, report_for, first_report):
    fact = Fact(claim.value, claim.locator)
    field, value = claim.field, claim.value
    if field == "number":
        report_for("number").number = Fact(int(value), claim.locator)
    elif field == "city":
        report_for("city").city = fact
    elif field == "country":
        report_for("country").country = Fact(codes_of(value, claim)[0], claim.locator)
    elif field == "start":
        report = report_for("start_claim")
        report.start_claim = (records_date(value, claim), claim)
    elif field == "end":
        report_for("end_claim").end_claim = (records_date(value, claim), claim)
    elif field == "opened_by":
        report_for("opened_by").opened_by = fact
    elif field == "member_count":
        report = report_for("member_count")
        report.member_count = Fact(int(value), claim.locator)
        # "the list that follows names 21": the archivist counted the list.
        listed = re.search(r"\bnames (\d+)\b", claim.note)
        if listed:
            report.listed_count = Fact(int(listed.group(1)), claim.locator)
    elif field == "resolutions":
        numbers = [int(number) for number in value.split()]
        report_for("resolutions").resolutions.append(Fact(numbers, claim.locator))
    else:
        _plenary_evidence(facts, claim, first_report())


def _plenary_evidence(facts, claim, report):
    """The facts of a plenary that are not columns of its report."""
    field, value = claim.field, claim.value
    if field in ("chair", "session_chair"):
        role = "chaired the plenary meeting" if field == "session_chair" else ""
        person = parse_person(value, role=role, passage=claim.locator)
        person.position = person.position or ""
        facts.chairs.append(
            ChairEvidence(
                term="current",
                passage=claim.locator,
                person=person,
                plenary=report,
                session_chair=field == "session_chair",
                note=claim.note,
            )
        )
    elif field == "chair_country":
        facts.chairs.append(
            ChairEvidence(
                term="current",
                passage=claim.locator,
                countries=codes_of(value, claim),
                plenary=report,
                note=claim.note,
            )
        )
    elif field in ("attending", "first_attended", "admitted", "invited"):
        for code in codes_of(value, claim):
            facts.members.append(
                MemberEvidence(
                    code=code,
                    passage=claim.locator,
                    plenary=report,
                    at_plenary_month=field == "admitted",
                    by_start=field in ("attending", "first_attended"),
                    kind=field,
                )
            )
        if field == "attending":
            report.member_list = Fact(codes_of(value, claim), claim.locator)
    elif field == "next_meeting":
        facts.chairs.append(_next_meeting(claim, report))
    elif field in ("annex", "guidelines"):
        facts.annex.append(
            AnnexEvidence(
                passage=claim.locator, summary=value, plenary=report, kind=field
            )
        )


def _date_report(report, claims):
    """A report's dates from its start and end claims: a year stays a year, an
    opening day alone is the start with no end known."""
    start = getattr(report, "start_claim", None)
    end = getattr(report, "end_claim", None)
    if start is None and end is None:
        return
    if start is None:
        # An end alone: the meeting's last day, and no start known.
        value, claim = end
        report.dates = Fact(value, claim.locator)
        report.end_only = True
        return
    value, claim = start
    if end is None:
        report.dates = Fact(value, claim.locator)
        report.opening_only = value.precision == DAY
        return
    span = DateRange(value.start, end[0].end, value.precision)
    report.dates = Fact(span, claim.locator)
    report.end_locator = end[1].locator


def _next_meeting(claim, report):
    """ "1992-oslo 1992-06-29/1992-07-02", "country:SE 1994-10-03/1994-10-06",
    "country:NO 2014" or "2018": what was announced of the next meeting."""
    parts = claim.value.split()
    countries, dates = [], None
    if len(parts) == 2 and parts[0].startswith("country:"):
        countries = codes_of(parts[0].removeprefix("country:"), claim)
        dates = records_span(parts[1], claim)
    elif len(parts) == 2:
        dates = records_span(parts[1], claim)
    elif len(parts) == 1:
        dates = records_span(parts[0], claim)
    else:
        raise claim.fail(f"next_meeting {claim.value!r} is not '<slug> <dates>'")
    return ChairEvidence(
        term="next",
        passage=claim.locator,
        countries=countries,
        plenary=report,
        announcement=True,
        hosts_next=bool(countries),
        next_dates=Fact(dates, claim.locator),
        note=claim.note,
        next_slug=parts[0] if len(parts) == 2 and not countries else "",
    )


def _joined(claim):
    date = records_date(claim.value, claim)
    return MemberEvidence(
        code=codes_of(claim.key, claim)[0],
        passage=claim.locator,
        date=date,
        upper_bound=False,
        founding="founding" in claim.note,
        kind="joined",
    )


def _adherence(claim):
    date = records_date(claim.value, claim) if claim.value else None
    return AdherenceEvidence(
        code=codes_of(claim.key, claim)[0],
        kind="pledged",
        passage=claim.locator,
        date=date,
        upper_bound=False,
        applied=claim.field == "applied",
    )


def _event(claim):
    dates = records_span(claim.value, claim)
    return EventReport(
        kind="records",
        title=claim.note or claim.key,
        description=claim.note,
        date=dates,
        passage=claim.locator,
        slug=claim.key,
    )
