"""Dated developments besides the plenaries, linked to the plenary they belong to."""

import re

from ingest import names
from ingest.merge.annex import plenary_on
from ingest.merge.plenaries import plenary_of
from ingest.merge.records import Event

_OUTREACH = re.compile(r"\b(?:outreach|talks|visit|mission)\b", re.I)


def _kind(report):
    """An event's kind; a records event's, from the archivist's words."""
    if report.kind != "records":
        return report.kind
    return "outreach" if _OUTREACH.search(report.description) else "development"


def merge_events(archive):
    used = set()
    for source in archive.sources:
        for report in source.facts.events if source.facts else []:
            plenary = None
            hint = report.plenary_hint
            if hint and hint[0] == "number":
                plenary = next(
                    (p for p in archive.plenaries if p.number == hint[1]), None
                )
            elif hint:
                plenary = next(
                    (
                        p
                        for p in archive.plenaries
                        if p.dates.start.year == hint[0]
                        and hint[1].lower() in (p.city.lower(), p.slug.split("-", 1)[1])
                    ),
                    None,
                )
            date = report.date
            if report.plenary is not None:
                plenary = plenary_of(archive, report.plenary)
                if plenary is None:
                    continue
                date = plenary.dates  # during the meeting
            plenary = plenary or plenary_on(archive, date)
            words = names.slugify(report.title).split("-")
            while len("-".join(words)) > 60:
                words.pop()
            base = report.slug or f"{date.claim.split('/')[0]}-{'-'.join(words)}"
            slug, suffix = base, 2
            while slug in used:
                slug, suffix = f"{base}-{suffix}", suffix + 1
            used.add(slug)
            archive.events.append(
                Event(
                    slug=slug,
                    kind=_kind(report),
                    title=report.title,
                    description=report.description,
                    dates=date,
                    countries=report.countries,
                    plenary=plenary.slug if plenary else "",
                )
            )
            if report.date is not None:
                archive.cite(source, "event", slug, "date", date.claim, report.passage)
            else:
                archive.cite(
                    source, "event", slug, "plenary", plenary.slug, report.passage
                )
    archive.events.sort(key=lambda e: (e.dates.start, e.slug))
