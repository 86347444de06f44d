"""Partners and adherents: from when the documents show each of them."""

from ..dates import MONTH, DateRange
from .plenaries import plenary_of
from .records import PRECISION_RANK, Adherence, Citation, Membership

_ADHERENCE_RANK = {"formal": 0, "informal": 1, "pledged": 2}


def day_of(plenary, start=True):
    """A plenary's first (or last) day, at its precision."""
    value = plenary.dates.start if start else plenary.dates.end
    return DateRange(value, value, plenary.dates.precision)


def month_of(plenary):
    start = plenary.dates.start.replace(day=1)
    return DateRange(start, start, MONTH)


def _member_claims(archive):
    """(code, source, passage, DateRange|None, upper_bound, founding) per evidence."""
    claims = []
    for source in archive.sources:
        for evidence in source.facts.members if source.facts else []:
            date, upper = evidence.date, evidence.upper_bound
            if evidence.plenary is not None:
                plenary = plenary_of(archive, evidence.plenary)
                if plenary is None:
                    continue
                if evidence.at_plenary_month:
                    date, upper = month_of(plenary), False
                else:
                    date = day_of(plenary, start=evidence.by_start)
            claims.append(
                (
                    evidence.code,
                    source,
                    evidence.passage,
                    date,
                    upper,
                    evidence.founding,
                )
            )
    # Hosting a plenary shows the host a partner by its first day.
    for plenary in archive.plenaries:
        for source, report in plenary.reports:
            if report.country and report.country.passage and not report.is_mention:
                claims.append(
                    (
                        plenary.country,
                        source,
                        report.country.passage,
                        day_of(plenary),
                        True,
                        False,
                    )
                )
    return claims


def since_claim(date, upper):
    return f"by {date.claim}" if upper else date.claim


def merge_memberships(archive):
    claims = _member_claims(archive)
    codes = sorted({claim[0] for claim in claims})
    for code in codes:
        mine = [c for c in claims if c[0] == code]
        dated = [c for c in mine if c[3] is not None]
        exact = [c for c in dated if not c[4]]
        pool = exact or dated
        best = (
            min(pool, key=lambda c: (c[3].start, PRECISION_RANK[c[3].precision]))
            if pool
            else None
        )
        membership = Membership(country=code, founding=any(c[5] for c in mine))
        if best is not None:
            membership.since = best[3].start
            membership.since_precision = best[3].precision
            membership.since_is_upper_bound = best[4]
        archive.memberships.append(membership)
        for claim in mine:
            _, source, passage, date, upper, founding = claim
            if claim is best:
                archive.cite(
                    source,
                    "membership",
                    code,
                    "since",
                    since_claim(date, upper),
                    passage,
                )
            elif founding and date is None:
                archive.cite(
                    source, "membership", code, "founding", "founding partner", passage
                )
            else:
                archive.cite(source, "membership", code, "", "", passage)


def merge_adherences(archive):
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
        declared = None
        for source, item in mine:
            if item.plenary is None:
                continue
            plenary = plenary_of(archive, item.plenary)
            if plenary is None:
                continue
            if item.during_plenary and plenary.dates.single_month:
                value, upper = month_of(plenary), False
            else:
                value, upper = day_of(plenary, start=False), True
            if declared is None or value.start < declared[0].start:
                declared = (value, upper, source, item)
        if declared is not None:
            adherence.declared = declared[0].start
            adherence.declared_precision = declared[0].precision
            adherence.declared_is_upper_bound = declared[1]
        membership = partners.get(code)
        if membership and membership.since and not membership.since_is_upper_bound:
            if adherence.declared is None or membership.since >= adherence.declared:
                adherence.ended = membership.since
        key = f"{code}/{kind}"
        for source, item in mine:
            if declared is not None and item is declared[3]:
                archive.cite(
                    source,
                    "adherence",
                    key,
                    "declared",
                    since_claim(declared[0], declared[1]),
                    item.passage,
                )
            elif item.kind == kind:
                archive.cite(source, "adherence", key, "kind", kind, item.passage)
            else:
                archive.cite(source, "adherence", key, "", "", item.passage)
        if adherence.ended:
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
                            adherence.ended.isoformat(),
                            citation.passage,
                        )
                    )
        archive.adherences.append(adherence)
