"""Public statements of a plenary (and the chair's reports that read like them).

"The Missile Technology Control Regime (MTCR) held its 25th Plenary Meeting in
Buenos Aires from 11 to 15 April 2011 ..." gives the meeting; the other sentences
its opener, chair, resolutions, concerns, members, chairs to come and Annex work.
"""

import datetime
import re

from ingest import names
from ingest import sentences as readers
from ingest.dates import DAY, DateRange, parse_range, year_in
from ingest.errors import DateParseError, ParseError
from ingest.facts import FROM_CHAIR, FROM_CITY, DocumentFacts, Fact, PlenaryReport
from ingest.text import (
    normalize_space,
    paragraphs,
    plain,
    sentences,
    to_markdown,
)


class StatementError(ParseError):
    """A statement from which no meeting can be read; `missing` names the facts."""

    def __init__(self, message, *, missing=(), **kwargs):
        self.missing = tuple(missing)
        super().__init__(message, **kwargs)

    def in_file(self, file, text=""):
        located = super().in_file(file, text)
        located.missing = self.missing
        return located

    @property
    def unread_reason(self):
        """ "no meeting date, no place": what a reader of the archive is told."""
        return ", ".join(f"no {fact}" for fact in self.missing) or self.reason


def parse_statement(text, *, title="", published=None, slug=""):
    """The facts of a statement: its meeting (a PlenaryReport) and the rest.

    The year comes from the text, else the heading, the title or the catalogue's
    publication date. Raises StatementError naming the fields it could not read.
    """
    if not isinstance(text, str):
        raise StatementError("statement is not text")
    blocks = paragraphs(text)
    return read_statement(blocks, title=title, published=published, slug=slug)


def read_statement(blocks, *, title="", published=None, slug="", required=True):
    """The facts of a statement's paragraphs; `required` checks a meeting was read."""
    headings = [b for b in blocks if b.lstrip().startswith("#")]
    body = [b for b in blocks if not b.lstrip().startswith("#")]
    release, read = _dateline(body)
    year = _year_hint(headings, title, release or published, slug)
    report = PlenaryReport(year=year or 0, slug=slug, is_primary=True)
    facts = DocumentFacts(plenaries=[report])
    all_sentences = [s for block in read for s in sentences(block)]
    for sentence in all_sentences:
        if readers.is_meeting_sentence(sentence) and (
            report.number is None or report.dates is None or report.city is None
        ):
            readers.read_meeting(sentence, report, year)
    if report.dates is None:
        _announced_start(all_sentences, report, release or published)
    for heading in headings:
        _read_heading(heading, report)
    for sentence in all_sentences:
        readers.read_opener(sentence, report)
        readers.read_chairs(sentence, report, facts)
        readers.read_member_list(sentence, report, facts)
        readers.read_resolutions(sentence, report)
        readers.read_concerns(sentence, report)
        readers.read_chair_evidence(sentence, report, facts)
        readers.read_new_members(sentence, report, facts)
        readers.read_adherence(sentence, report, facts)
        readers.read_annex(sentence, report, facts)
        readers.read_adopted_message(sentence, report, facts)
    if required:
        country_fallback(report, facts)
    report.statement = to_markdown(body)
    if report.dates and not report.year:
        report.year = report.dates.value.start.year
    if required:
        _check_meeting(report)
    return facts


_REQUIRED = [
    # (label in the error, how to read it)
    ("place (city or country)", lambda r: r.city or r.country),
    ("host country", lambda r: r.country),
    ("dates", lambda r: r.dates),
]


def _check_meeting(report):
    """StatementError naming what a meeting needs and the statement does not say.

    Its `missing` is said for a reader: the date first, and no host country where
    there is no place at all ("meeting date", "place").
    """
    missing = [label for label, read in _REQUIRED if not read(report)]
    if missing:
        facts = ["meeting date"] if report.dates is None else []
        if not (report.city or report.country):
            facts.append("place")
        elif report.country is None:
            facts.append("host country")
        raise StatementError(
            "no plenary meeting could be read: missing " + ", ".join(missing),
            missing=facts,
        )


# "Rotterdam, 9 October 2015 – The MTCR held ...": where and when it was released
# (on a line of its own, the paragraphs join it to the first one).
_DATELINE = re.compile(
    r"^[A-ZÀ-Þ][\w'’. -]{0,40}?,\s+(?P<date>[^,–—]{6,30}?)"
    r"(?:\s*(?:–|—|--|-)\s+|\s*$|\s+(?=[A-Z]))"
)


def _dateline(body):
    """(release date, paragraphs to read) of a body that opens with a dateline.

    The release date is not the meeting's: the paragraphs to read lose it, and
    it only gives a year, or the day a meeting "opens tomorrow".
    """
    first = normalize_space(body[0]) if body else ""
    match = _DATELINE.match(first)
    if not match:
        return None, body
    try:
        release = parse_range(match.group("date"))
    except DateParseError:
        return None, body
    if release.precision != DAY or release.start != release.end:
        return None, body
    rest = first[match.end() :].strip()
    return release, ([rest] if rest else []) + body[1:]


_TODAY = re.compile(r"\b(?P<when>today|tomorrow)\b", re.I)


def _announced_start(all_sentences, report, release):
    """A meeting that "opens tomorrow": the release date and a day, the start only."""
    if release is None or release.precision != DAY:
        return
    for sentence in all_sentences:
        match = _TODAY.search(plain(sentence))
        if match and readers.is_meeting_sentence(sentence):
            days = 1 if match.group("when").lower() == "tomorrow" else 0
            start = release.start + datetime.timedelta(days=days)
            report.dates = Fact(DateRange(start, start, DAY), readers.quote(sentence))
            report.announced = True
            report.year = report.year or start.year
            return


def _year_hint(headings, title, published, slug):
    for candidate in [*headings, title, slug]:
        year = year_in(plain(candidate or ""))
        if year:
            return year
    if published:
        return published.start.year
    return None


def _read_heading(heading, report):
    """ "## PUBLIC STATEMENT ... (MTCR), Busan, 21st October 2016": a place at least."""
    text = plain(heading.lstrip("# "))
    if report.city is None:
        for part in re.split(r",\s*", text):
            known = names.city_country(part)
            if known:
                report.city = Fact(known[0], readers.quote(heading))
                if report.country is None:
                    report.country = Fact(known[1], readers.quote(heading), FROM_CITY)
                break


def country_fallback(report, facts):
    """A host country from the chair's ("incoming MTCR Chair (Argentina)")."""
    if report.country is not None:
        return
    for evidence in facts.chairs:
        if evidence.term == "current" and evidence.countries:
            report.country = Fact(evidence.countries[0], evidence.passage, FROM_CHAIR)
            return
    for fact in [
        report.opened_by,
        *[Fact(p.position, p.passage) for p in report.chairs],
    ]:
        if fact is None:
            continue
        match = re.search(r"\bof (?:the )?([A-Z][\w ]+)$", plain(fact.value))
        code = names.country_named(match.group(1)) if match else None
        if code:
            report.country = Fact(code, fact.passage, FROM_CHAIR)
            return
