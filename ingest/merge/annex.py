"""Revisions of the Annex, each linked to the plenary that adopted it, if one did."""

from ingest.dates import DAY, YEAR, DateRange, weekday_in
from ingest.merge.plenaries import plenary_of
from ingest.merge.records import PRECISION_RANK, AnnexRevision


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
    return list(groups.values())


def _revision_date(group):
    """The most precise date the evidence gives, else the day its weekday names in
    the plenary, else the plenary's month (or year)."""
    dated = [e for _, e, _ in group if e.date is not None]
    if dated:
        return min(dated, key=lambda e: PRECISION_RANK[e.date.precision]).date
    plenary = group[0][2]
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
    summary_from = next((e for _, e, _ in group if e.date is not None), group[0][1])
    return AnnexRevision(
        slug="",
        date=_revision_date(group),
        summary=summary_from.summary,
        description=summary_from.description,
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
        if evidence.date is not None and evidence.date == revision.date:
            archive.cite(
                source,
                "annex_revision",
                slug,
                "date",
                revision.date.claim,
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
