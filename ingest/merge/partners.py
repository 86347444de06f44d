"""Partners and adherents: from when the documents show each of them."""

from typing import NamedTuple

from ingest import names
from ingest.dates import MONTH, DateRange, ordinal
from ingest.merge.plenaries import plenary_of
from ingest.merge.records import PRECISION_RANK, Adherence, Citation, Membership

_ADHERENCE_RANK = {"formal": 0, "informal": 1, "pledged": 2}


def day_of(plenary, start=True):
    """A plenary's first (or last) day, at its precision."""
    value = plenary.dates.start if start else plenary.dates.end
    return DateRange(value, value, plenary.dates.precision)


def month_of(plenary):
    start = plenary.dates.start.replace(day=1)
    return DateRange(start, start, MONTH)


class _Claim(NamedTuple):
    code: str
    source: object
    passage: str
    date: DateRange | None
    upper_bound: bool
    founding: bool
    basis: str  # what the evidence is, for the membership's notes


def _label(plenary):
    place = plenary.city or names.COUNTRY_BY_ISO[plenary.country].name
    year = plenary.dates.start.year
    if plenary.number:
        return f"the {ordinal(plenary.number)} plenary ({place}, {year})"
    return f"the plenary in {place} ({year})"


def _basis(evidence, plenary):
    if evidence.founding:
        return "One of the founding partners."
    if plenary is None:
        return "Became a partner on this date." if evidence.date else ""
    if evidence.at_plenary_month:
        return f"Admitted at {_label(plenary)}."
    if evidence.by_start:
        return f"Attended {_label(plenary)} as a partner."
    return f"Listed among the partners at {_label(plenary)}."


def _member_claims(archive):
    """Every piece of evidence that a country is (or became) a partner."""
    claims = []
    for source in archive.sources:
        for evidence in source.facts.members if source.facts else []:
            date, upper = evidence.date, evidence.upper_bound
            plenary = None
            if evidence.plenary is not None:
                plenary = plenary_of(archive, evidence.plenary)
                if plenary is None:
                    continue
                if evidence.at_plenary_month:
                    date, upper = month_of(plenary), False
                else:
                    date = day_of(plenary, start=evidence.by_start)
            claims.append(
                _Claim(
                    evidence.code,
                    source,
                    evidence.passage,
                    date,
                    upper,
                    evidence.founding,
                    _basis(evidence, plenary),
                )
            )
    # Hosting a plenary shows the host a partner by its first day.
    for plenary in archive.plenaries:
        for source, report in plenary.reports:
            if report.country and report.country.passage and not report.is_mention:
                claims.append(
                    _Claim(
                        plenary.country,
                        source,
                        report.country.passage,
                        day_of(plenary),
                        True,
                        False,
                        f"Hosted {_label(plenary)}.",
                    )
                )
    return claims


def since_claim(date, upper):
    return f"by {date.claim}" if upper else date.claim


def merge_memberships(archive):
    """One membership per country any evidence shows a partner, from the earliest
    exact date given, else the earliest date by which it was one."""
    claims = _member_claims(archive)
    for code in sorted({claim.code for claim in claims}):
        mine = [c for c in claims if c.code == code]
        dated = [c for c in mine if c.date is not None]
        pool = [c for c in dated if not c.upper_bound] or dated
        best = (
            min(pool, key=lambda c: (c.date.start, PRECISION_RANK[c.date.precision]))
            if pool
            else None
        )
        membership = Membership(country=code, founding=any(c.founding for c in mine))
        if best is not None:
            membership.since = best.date.start
            membership.since_precision = best.date.precision
            membership.since_is_upper_bound = best.upper_bound
            membership.notes = best.basis
        archive.memberships.append(membership)
        for claim in mine:
            if claim is best:
                archive.cite(
                    claim.source,
                    "membership",
                    code,
                    "since",
                    since_claim(claim.date, claim.upper_bound),
                    claim.passage,
                )
            elif claim.founding and claim.date is None:
                archive.cite(
                    claim.source,
                    "membership",
                    code,
                    "founding",
                    "founding partner",
                    claim.passage,
                )
            else:
                archive.cite(claim.source, "membership", code, "", "", claim.passage)


class _Declaration(NamedTuple):
    date: DateRange
    upper_bound: bool
    evidence: object  # the adherence evidence that dates it
    note: str


def _earliest_declaration(archive, mine):
    """The earliest date the plenaries give for a country's declaration, or None."""
    declared = None
    for _, item in mine:
        if item.plenary is None:
            continue
        plenary = plenary_of(archive, item.plenary)
        if plenary is None:
            continue
        if item.during_plenary and plenary.dates.single_month:
            value, upper = month_of(plenary), False
            note = f"Declared during {_label(plenary)}."
        else:
            value, upper = day_of(plenary, start=False), True
            note = f"Welcomed at {_label(plenary)}."
        if declared is None or value.start < declared.date.start:
            declared = _Declaration(value, upper, item, note)
    return declared


def _cite_adherence(archive, key, kind, mine, declared):
    for source, item in mine:
        if declared is not None and item is declared.evidence:
            archive.cite(
                source,
                "adherence",
                key,
                "declared",
                since_claim(declared.date, declared.upper_bound),
                item.passage,
            )
        elif item.kind == kind:
            archive.cite(source, "adherence", key, "kind", kind, item.passage)
        else:
            archive.cite(source, "adherence", key, "", "", item.passage)


def _cite_end(archive, code, key, ended):
    """An adherence ends when the country became a partner: the passages dating
    the membership date the end too."""
    for citation in list(archive.citations):
        if (
            citation.model == "membership"
            and citation.record == code
            and citation.field == "since"
        ):
            archive.citations.append(
                Citation(
                    citation.source,
                    "adherence",
                    key,
                    "ended",
                    ended.isoformat(),
                    citation.passage,
                )
            )


def merge_adherences(archive):
    """One adherence per country, of the firmest kind any source gives, declared
    at the earliest plenary that shows it, ended when the country became a partner."""
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
            adherence.declared = declared.date.start
            adherence.declared_precision = declared.date.precision
            adherence.declared_is_upper_bound = declared.upper_bound
            adherence.notes = declared.note
        else:
            adherence.notes = "No source dates the declaration."
        membership = partners.get(code)
        if membership and membership.since and not membership.since_is_upper_bound:
            if adherence.declared is None or membership.since >= adherence.declared:
                adherence.ended = membership.since
        key = f"{code}/{kind}"
        _cite_adherence(archive, key, kind, mine, declared)
        if adherence.ended:
            _cite_end(archive, code, key, adherence.ended)
        archive.adherences.append(adherence)
