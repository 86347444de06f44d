"""Adherents: who declared that it applies the Guidelines, and between which days.

A plenary welcoming a declaration shows it declared by the meeting's last day; a
declaration made during a meeting of one month is dated to that month; a dated
pledge (the records' `pledged`) to its period. An application for membership is
no pledge: it is cited, and dates nothing.
"""

from typing import NamedTuple

from core.dates import format_date
from ingest import names
from ingest.dates import MONTH, DateRange, ordinal
from ingest.merge.plenaries import plenary_of
from ingest.merge.records import Adherence, Citation

_ADHERENCE_RANK = {"formal": 0, "informal": 1, "pledged": 2}


class _Declaration(NamedTuple):
    earliest: object  # datetime.date or None
    latest: object
    precision: str
    claim: str
    evidence: object  # the adherence evidence that dates it
    note: str


def _label(plenary):
    place = plenary.city or names.COUNTRY_BY_ISO[plenary.country].name
    year = plenary.dates.start.year
    if plenary.number:
        return f"the {ordinal(plenary.number)} plenary ({place}, {year})"
    return f"the plenary in {place} ({year})"


def _declaration(archive, item):
    """What one piece of evidence says of when the declaration was made."""
    if item.applied:
        return None
    if item.plenary is None:
        if item.date is None:
            return None
        date = item.date
        return _Declaration(
            date.start, date.period_end, date.precision, date.claim, item,
            f"Pledged in {format_date(date.start, date.precision)}.",
        )  # fmt: skip
    plenary = plenary_of(archive, item.plenary)
    if plenary is None:
        return None
    if item.during_plenary and plenary.dates.single_month:
        month = DateRange(plenary.dates.start.replace(day=1), plenary.dates.end, MONTH)
        return _Declaration(
            month.start, month.period_end, MONTH, month.claim, item,
            f"Declared during {_label(plenary)}.",
        )  # fmt: skip
    day = plenary.dates.period_end
    return _Declaration(
        None, day, plenary.dates.precision, f"by {day}", item,
        f"Welcomed at {_label(plenary)}.",
    )  # fmt: skip


def _earliest_declaration(archive, mine):
    """The declaration the evidence dates earliest (by its latest possible day),
    or None."""
    dated = [d for _, item in mine if (d := _declaration(archive, item))]
    return min(dated, key=lambda d: d.latest) if dated else None


def _cite_adherence(archive, key, kind, mine, declared):
    for source, item in mine:
        if declared is not None and item is declared.evidence:
            archive.cite(
                source, "adherence", key, "declared", declared.claim, item.passage
            )
        elif item.applied:
            claim = item.date.claim if item.date else ""
            archive.cite(source, "adherence", key, "applied", claim, item.passage)
        elif item.kind == kind:
            archive.cite(source, "adherence", key, "kind", kind, item.passage)
        else:
            archive.cite(source, "adherence", key, "", "", item.passage)


def _cite_end(archive, code, key, ended):
    """An adherence ends when the country became a partner: the passages that
    show it a partner by then date the end too."""
    for citation in list(archive.citations):
        if (
            citation.model == "membership"
            and citation.record == code
            and citation.field == "since"
            and citation.is_followed
            and citation.claim.endswith(ended.isoformat())
        ):
            archive.citations.append(
                Citation(
                    citation.source,
                    "adherence",
                    key,
                    "ended",
                    ended.isoformat(),
                    citation.passage,
                    note=citation.note,
                )
            )


def merge_adherences(archive):
    """One adherence per country, of the firmest kind any source gives, declared
    when the earliest evidence shows it, ended when the country was certainly a
    partner."""
    evidence = [
        (source, item)
        for source in archive.sources
        for item in (source.facts.adherences if source.facts else [])
    ]
    partners = {m.country: m for m in archive.memberships}
    for code in sorted({item.code for _, item in evidence}):
        mine = [(s, e) for s, e in evidence if e.code == code]
        kind = min((e.kind for _, e in mine), key=_ADHERENCE_RANK.get)
        adherence = Adherence(country=code, kind=kind)
        declared = _earliest_declaration(archive, mine)
        if declared is not None:
            adherence.declared_earliest = declared.earliest
            adherence.declared_latest = declared.latest
            adherence.declared_precision = declared.precision
            adherence.notes = declared.note
        else:
            adherence.notes = "No source dates the declaration."
        membership = partners.get(code)
        ended = membership.since_latest if membership else None
        if ended and (
            declared is None or not declared.earliest or ended >= declared.earliest
        ):
            adherence.ended = ended
        key = f"{code}/{kind}"
        _cite_adherence(archive, key, kind, mine, declared)
        if adherence.ended:
            _cite_end(archive, code, key, adherence.ended)
        archive.adherences.append(adherence)
