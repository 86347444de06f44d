"""Revisions of the Annex, each linked to the plenary that adopted it, if one did."""

from ingest.dates import DAY, YEAR, DateRange, weekday_in
from ingest.merge.partners import month_of
from ingest.merge.plenaries import plenary_of
from ingest.merge.records import PRECISION_RANK, AnnexRevision


def plenary_on(archive, date):
    for plenary in archive.plenaries:
        if plenary.dates.precision == DAY and date.precision == DAY:
            if plenary.dates.start <= date.start and date.end <= plenary.dates.end:
                return plenary
    return None


def merge_annex(archive):
    groups = {}  # key -> list of (source, evidence, plenary)
    order = []
    for source in sorted(archive.sources, key=lambda s: not s.is_primary):
        for evidence in source.facts.annex if source.facts else []:
            plenary = (
                plenary_of(archive, evidence.plenary) if evidence.plenary else None
            )
            if plenary is None and evidence.date is not None:
                plenary = plenary_on(archive, evidence.date)
            if plenary is None and evidence.date is None:
                continue
            key = plenary.slug if plenary else evidence.date.claim
            if key not in groups:
                groups[key] = []
                order.append(key)
            groups[key].append((source, evidence, plenary))
    revisions = []
    for key in order:
        group = groups[key]
        plenary = group[0][2]
        dated = [e for _, e, _ in group if e.date is not None]
        date = (
            min(dated, key=lambda e: PRECISION_RANK[e.date.precision]).date
            if dated
            else None
        )
        if date is None:
            weekday = next((e.weekday for _, e, _ in group if e.weekday), "")
            day = weekday_in(plenary.dates, weekday) if weekday else None
            if day is not None:
                date = DateRange(day, day, DAY)
            elif plenary.dates.single_month:
                date = month_of(plenary)
            else:
                start = plenary.dates.start.replace(month=1, day=1)
                date = DateRange(start, start, YEAR)
        summary_from = next((e for _, e, _ in group if e.date is not None), group[0][1])
        meeting = next((e.meeting for _, e, _ in group if e.meeting), "")
        revisions.append(
            (
                date,
                AnnexRevision(
                    slug="",
                    date=date,
                    summary=summary_from.summary,
                    description=summary_from.description,
                    adopted_at=plenary.slug if plenary else "",
                    meeting=meeting,
                ),
                group,
            )
        )
    revisions.sort(key=lambda r: (r[0].start, r[1].adopted_at))
    used = set()
    for date, revision, group in revisions:
        slug = f"annex-{date.claim}"
        suffix = 2
        while slug in used:
            slug, suffix = f"annex-{date.claim}-{suffix}", suffix + 1
        used.add(slug)
        revision.slug = slug
        for source, evidence, _ in group:
            if evidence.date is not None and evidence.date == date:
                archive.cite(
                    source, "annex_revision", slug, "date", date.claim, evidence.passage
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
        archive.annex_revisions.append(revision)
