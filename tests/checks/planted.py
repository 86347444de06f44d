"""Hand-made archives for the consistency rules: each with one contradiction
planted, or none, written with the factories (tests.factories)."""

import datetime

from core.dates import DatePrecision
from evidence.models import SourceDocument
from tests.factories import (
    ChairmanshipFactory,
    CitationFactory,
    MembershipFactory,
    PlenaryFactory,
    SourceDocumentFactory,
)


def partners(count):
    """`count` partners since March 1993 (the factory's date, to the month)."""
    return [MembershipFactory() for _ in range(count)]


def plenary(year=2030, month=10, day=17, **fields):
    start = datetime.date(year, month, day)
    return PlenaryFactory(
        start_date=start, end_date=start + datetime.timedelta(3), **fields
    )


def statement_of(meeting, **fields):
    return SourceDocumentFactory(plenary=meeting, **fields)


def overview(**fields):
    return SourceDocumentFactory(kind=SourceDocument.Kind.OVERVIEW, **fields)


def stated_count(meeting, number, source=None, note=""):
    """A document stating `number` members at `meeting` (its own statement unless
    another source is given)."""
    citation = CitationFactory(
        source=source or statement_of(meeting),
        plenary=meeting,
        field="member_count",
        claim=str(number),
        passage="claims.csv, row 7",
    )
    if note and hasattr(citation, "note"):
        citation.note = note
        citation.save()
    return citation


def listed_count(count_citation, number):
    """The archivist's count of the list a document gives with its member count."""
    return CitationFactory(
        source=count_citation.source,
        plenary=count_citation.plenary,
        field="listed_count",
        claim=str(number),
        passage=count_citation.passage,
    )


def chair_term(slug, start, end=None):
    return ChairmanshipFactory(slug=slug, start_plenary=start, end_plenary=end)


def month_plenary(year, month):
    """A plenary known only to the month."""
    return PlenaryFactory(
        start_date=datetime.date(year, month, 1),
        end_date=datetime.date(year, month, 28),
        date_precision=DatePrecision.MONTH,
    )
