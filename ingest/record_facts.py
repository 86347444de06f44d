"""The facts of the archivist's claims, in the shapes the document parsers give
(ingest.facts): one PlenaryReport per value a document claims of a meeting, and
the chair, member, adherence, Annex and event evidence of its other claims.

A claim (ingest.records.Claim) has no passage: each fact's passage is the claim's
locator ("claims.csv, row 12").
"""

import re

from ingest import names
from ingest.catalogue import parse_published
from ingest.dates import DAY, DateRange
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
from ingest.sentences.people import parse_person


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
