"""Revisions of the Annex, each linked to the plenary that adopted it, if one did."""

from ingest.dates import DAY, YEAR, DateRange, weekday_in
from ingest.merge.plenaries import plenary_of
from ingest.merge.records import PRECISION_RANK, AnnexRevision
from ingest.merge.witnesses import witness_rank


def plenary_on(archive, date):
    for plenary in archive.plenaries:
        if plenary.dates.precision == DAY and date.precision == DAY:
            if plenary.dates.start <= date.start and date.end <= plenary.dates.end:
                return plenary
    return None


def _annex_groups(archive):
    """Every source's Annex evidence as [(source, evidence, plenary)], grouped by
    the plenary it speaks of (or, failing one, its date), in order of first mention;
    primary sources first."""
    groups = {}
    for source in sorted(archive.sources, key=lambda s: not s.is_primary):
        for evidence in source.facts.annex if source.facts else []:
            if evidence.kind != "annex":
                continue  # a decision on the Guidelines is no revision of the Annex
            plenary = (
                plenary_of(archive, evidence.plenary) if evidence.plenary else None
            )
            if plenary is None and evidence.date is not None:
                plenary = plenary_on(archive, evidence.date)
            if plenary is None and evidence.date is None:
                continue
            key = plenary.slug if plenary else evidence.date.claim
            groups.setdefault(key, []).append((source, evidence, plenary))
    return _join_to_plenaries(groups)


def _join_to_plenaries(groups):
    """The groups, those dated only to a period joined to the revision a witness
    says a plenary adopted in it: the same revision, told by two witnesses (an
    overview's "November 1991" and the Washington statement of that month).

    Only where the period holds exactly one such plenary and the evidence names
    no other body (a revision by the Technical Experts Meeting is its own)."""
    adopted = [group for group in groups.values() if group[0][2] is not None]
    for key, group in list(groups.items()):
        if group[0][2] is not None or any(e.meeting for _, e, _ in group):
            continue
        period = group[0][1].date
        within = [g for g in adopted if period.contains(g[0][2].dates)]
        if len(within) == 1:
            plenary = within[0][0][2]
            within[0].extend((s, e, plenary) for s, e, _ in groups.pop(key))
    return list(groups.values())


def _revision_date(group):
    """The most precise date the evidence gives, else the day its weekday names in
    the plenary, else the plenary's month (or year)."""
    plenary = group[0][2]
    dated = [e for _, e, _ in group if e.date is not None]
    if dated:
        date = min(dated, key=lambda e: PRECISION_RANK[e.date.precision]).date
        # A period holding the whole meeting says less than the meeting's days.
        if plenary is None or not date.contains(plenary.dates):
            return date
    weekday = next((e.weekday for _, e, _ in group if e.weekday), "")
    day = weekday_in(plenary.dates, weekday) if weekday else None
    if day is not None:
        return DateRange(day, day, DAY)
    if plenary.open_end:
        return DateRange(plenary.dates.start, plenary.dates.start, DAY)
    # A day of the meeting, not known which: between its first and last day.
    return plenary.dates


def _revision(group):
    """The revision one group of evidence describes (its slug is set later)."""
    plenary = group[0][2]
    # The better witness's account (ingest.merge.witnesses), a dated one first.
    ranked = sorted(
        group,
        key=lambda item: (witness_rank(item[0], item[1].plenary), not item[1].date),
    )
    summary_from = ranked[0][1]
    return AnnexRevision(
        slug="",
        date=_revision_date(group),
        summary=summary_from.summary,
        description=summary_from.description
        or next((e.description for _, e, _ in ranked if e.description), ""),
        adopted_at=plenary.slug if plenary else "",
        meeting=next((e.meeting for _, e, _ in group if e.meeting), ""),
        # No witness says a plenary adopted it: its date falls in the meeting.
        adopted_at_inferred=plenary is not None
        and all(e.plenary is None for _, e, _ in group),
    )


def _slug_date(date):
    """The date a slug names: the day, else the month, else the year (a day
    during a plenary of two months: its year)."""
    if date.start == date.end:
        return date.claim
    if date.single_month and date.precision != YEAR:
        return date.start.strftime("%Y-%m")
    return str(date.start.year)


def _unique_slug(base, used):
    slug, suffix = base, 2
    while slug in used:
        slug, suffix = f"{base}-{suffix}", suffix + 1
    used.add(slug)
    return slug


def _cite_revision(archive, revision, group):
    slug = revision.slug
    for source, evidence, _ in group:
        # A period holding the revision's days agrees with it, less precisely
        # (an overview's month of the meeting): each is cited as it was stated.
        if evidence.date is not None and evidence.date.contains(revision.date):
            archive.cite(
                source,
                "annex_revision",
                slug,
                "date",
                evidence.date.claim,
                evidence.passage,
            )
        elif evidence.plenary is not None:
            archive.cite(
                source,
                "annex_revision",
                slug,
                "adopted_at",
                revision.adopted_at,
                evidence.passage,
            )
        else:
            archive.cite(source, "annex_revision", slug, "", "", evidence.passage)


def merge_annex(archive):
    revisions = [(_revision(group), group) for group in _annex_groups(archive)]
    revisions.sort(
        key=lambda pair: (
            pair[0].date.start,
            pair[0].date.period_end,
            pair[0].adopted_at,
        )
    )
    used = set()
    for revision, group in revisions:
        revision.slug = _unique_slug(f"annex-{_slug_date(revision.date)}", used)
        _cite_revision(archive, revision, group)
        archive.annex_revisions.append(revision)
