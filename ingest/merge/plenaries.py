"""Plenaries: the reports of every document on one meeting, merged into one record.

Where reports disagree the record follows the meeting's own statement or chair's
report, then the overview's account of what happened, then what was announced.
"""

from ingest import names
from ingest.errors import ParseError
from ingest.merge.records import PRECISION_RANK, Plenary


def _same_meeting(group, report):
    """Whether a report is about a meeting already grouped."""
    numbers = {r.number.value for _, r in group if r.number}
    if report.number and numbers:
        return report.number.value in numbers
    for _, other in group:
        if report.slug and report.slug == _slug_of(other):
            return True
        if other.year != report.year:
            continue
        if report.city and other.city:
            if report.city.value.lower() == other.city.value.lower():
                return True
        elif report.country and other.country:
            if report.country.value == other.country.value:
                return True
    return False


def _slug_of(report):
    if report.slug:
        return report.slug
    year = report.dates.value.start.year if report.dates else report.year
    if report.city:
        return f"{year}-{names.slugify(report.city.value)}"
    if report.country:
        return f"{year}-{names.COUNTRY_BY_ISO[report.country.value].slug}"
    return f"{year}-plenary"


def merge_plenaries(archive):
    groups = []
    ordered = [
        (source, report)
        for source in sorted(archive.sources, key=lambda s: not s.is_primary)
        for report in (source.facts.plenaries if source.facts else [])
    ]
    ordered.sort(key=lambda pair: pair[1].is_mention)
    for source, report in ordered:
        group = next((g for g in groups if _same_meeting(g, report)), None)
        if group is None:
            if report.is_mention:
                continue
            group = []
            groups.append(group)
        group.append((source, report))
    for group in groups:
        plenary = _plenary_from(group, archive)
        if plenary is not None:
            archive.plenaries.append(plenary)
    archive.plenaries.sort(key=lambda p: (p.dates.start, p.slug))
    seen_slugs, seen_numbers = set(), set()
    for plenary in archive.plenaries:
        if plenary.slug in seen_slugs:
            raise ParseError(f"two plenaries would share the slug {plenary.slug!r}")
        if plenary.number is not None and plenary.number in seen_numbers:
            raise ParseError(f"two plenaries are numbered {plenary.number}")
        seen_slugs.add(plenary.slug)
        if plenary.number is not None:
            seen_numbers.add(plenary.number)
    _cite_announcements(archive)


def _first(group, attribute):
    for source, report in group:
        fact = getattr(report, attribute)
        if fact is not None and fact.value not in (None, ""):
            return source, fact
    return None, None


def _plenary_from(group, archive):
    reports = [report for _, report in group]
    _, dates = _followed_dates(group)
    if dates is None:
        missing = ", ".join(s.file_name for s, _ in group)
        raise ParseError(f"no dates for a plenary ({missing})")
    _, number = _first(group, "number")
    _, city = _first(group, "city")
    _, country = _first(group, "country")
    if country is None:
        raise ParseError(
            f"no host country for the plenary in {city.value if city else ''}"
        )
    slug_report = next((r for r in reports if r.slug), None)
    year = dates.value.start.year
    place = (
        names.slugify(city.value) if city else names.COUNTRY_BY_ISO[country.value].slug
    )
    plenary = Plenary(
        slug=slug_report.slug if slug_report else f"{year}-{place}",
        number=number.value if number else None,
        city=city.value if city else "",
        country=country.value,
        dates=dates.value,
        reports=group,
    )
    _, opened_by = _first(group, "opened_by")
    plenary.opened_by = opened_by.value if opened_by else ""
    for source, report in group:
        if report.statement and not plenary.statement and source.is_primary:
            plenary.statement = report.statement
            plenary.statement_source = source.file_name
        if report.summary and not plenary.summary:
            plenary.summary = report.summary
    _cite_plenary(archive, plenary, group)
    _lists(archive, plenary, group)
    return plenary


def _rank(source, report):
    """Primary sources first; an overview's account and its passing mentions next."""
    return 0 if source.is_primary else 1


def _followed_dates(group):
    candidates = [
        (_rank(s, r), PRECISION_RANK[r.dates.value.precision], index, s, r.dates)
        for index, (s, r) in enumerate(group)
        if r.dates
    ]
    if not candidates:
        return None, None
    best = min(candidates, key=lambda c: c[:3])
    return best[3], best[4]


def _cite_dates(archive, plenary, source, dates):
    """A report's dates: the followed ones, consistent ones (less precise, such as
    "in October": no disagreement) or different ones (not followed)."""
    value = dates.value
    if value == plenary.dates:
        archive.cite(
            source, "plenary", plenary.slug, "dates", value.claim, dates.passage
        )
    elif _consistent(value, plenary.dates):
        archive.cite(source, "plenary", plenary.slug, "", "", dates.passage)
    else:
        archive.cite(
            source,
            "plenary",
            plenary.slug,
            "dates",
            value.claim,
            dates.passage,
            False,
        )


def _cite_plenary(archive, plenary, group):
    """Cite every report's passages on the plenary, whether followed or not."""
    slug = plenary.slug
    for source, report in group:
        if report.number:
            archive.cite(
                source,
                "plenary",
                slug,
                "number",
                report.number.value,
                report.number.passage,
                report.number.value == plenary.number,
            )
        if report.city:
            archive.cite(
                source,
                "plenary",
                slug,
                "city",
                report.city.value,
                report.city.passage,
                report.city.value == plenary.city,
            )
        if report.country:
            archive.cite(
                source,
                "plenary",
                slug,
                "country",
                names.COUNTRY_BY_ISO[report.country.value].name,
                report.country.passage,
                report.country.value == plenary.country,
            )
        if report.dates:
            _cite_dates(archive, plenary, source, report.dates)
        if report.opened_by:
            archive.cite(
                source,
                "plenary",
                slug,
                "opened_by",
                report.opened_by.value,
                report.opened_by.passage,
                report.opened_by.value == plenary.opened_by,
            )
        if report.summary and plenary.summary == report.summary:
            archive.cite(source, "plenary", slug, "summary", "", report.summary_passage)


def _lists(archive, plenary, group):
    """Resolutions, concerns and named countries: the primary texts' if any."""
    primary = [(s, r) for s, r in group if s.is_primary]
    for attribute, field_name, target in (
        ("resolutions", "resolutions", "resolutions"),
        ("countries_of_concern", "countries_of_concern", "countries_of_concern"),
        ("regions", "regions_of_concern", "regions_of_concern"),
    ):
        followed_group = (
            primary if any(getattr(r, attribute) for _, r in primary) else group
        )
        values = []
        for _, report in followed_group:
            for fact in getattr(report, attribute):
                values.extend(v for v in fact.value if v not in values)
        if attribute == "resolutions":
            values.sort()
        setattr(plenary, target, values)
        for source, report in group:
            facts = getattr(report, attribute)
            claimed = []
            for fact in facts:
                claimed.extend(v for v in fact.value if v not in claimed)
            claim = ", ".join(_label(attribute, v) for v in sorted(claimed, key=str))
            followed = all(v in values for v in claimed)
            for fact in facts:
                archive.cite(
                    source,
                    "plenary",
                    plenary.slug,
                    field_name,
                    claim,
                    fact.passage,
                    followed,
                )
    named = []
    for _, report in group:
        named.extend(code for code in report.countries_named if code not in named)
    plenary.countries_named = named


def _label(attribute, value):
    if attribute == "resolutions":
        return str(value)
    if attribute == "regions":
        return names.REGION_BY_SLUG[value].name
    return names.COUNTRY_BY_ISO[value].name


def plenary_of(archive, report):
    for plenary in archive.plenaries:
        if any(r is report for _, r in plenary.reports):
            return plenary
    return None


def index_of(archive, report):
    plenary = plenary_of(archive, report)
    return archive.plenaries.index(plenary) if plenary else None


def announcing_index(archive, evidence):
    """The plenary at (or after) which an announcement was made."""
    if evidence.plenary is not None:
        return index_of(archive, evidence.plenary)
    if evidence.year is not None:
        before = [
            i
            for i, p in enumerate(archive.plenaries)
            if p.dates.start.year < evidence.year
        ]
        return before[-1] if before else None
    return None


def _cite_announcements(archive):
    """Next hosts, and the dates announced for the next meeting (not followed)."""
    for source in archive.sources:
        for evidence in source.facts.chairs if source.facts else []:
            if evidence.term != "next" or not evidence.announcement:
                continue
            index = announcing_index(archive, evidence)
            if index is None:
                continue
            announcing = archive.plenaries[index]
            text = evidence.passage
            if text not in announcing.next_announcement:
                announcing.next_announcement = " ".join(
                    filter(None, [announcing.next_announcement, text])
                )
            if evidence.hosts_next and evidence.countries:
                host = evidence.countries[0]
                if not announcing.next_host:
                    announcing.next_host = host
                archive.cite(
                    source,
                    "plenary",
                    announcing.slug,
                    "next_host",
                    names.COUNTRY_BY_ISO[host].name,
                    text,
                )
            else:
                archive.cite(
                    source, "plenary", announcing.slug, "next_announcement", "", text
                )
            if evidence.next_dates and index + 1 < len(archive.plenaries):
                following = archive.plenaries[index + 1]
                value = evidence.next_dates.value
                if value != following.dates and _consistent(value, following.dates):
                    archive.cite(source, "plenary", following.slug, "", "", text)
                    continue
                same = value == following.dates
                archive.cite(
                    source, "plenary", following.slug, "dates", value.claim, text, same
                )


def _consistent(claimed, followed):
    """A less precise claim that the followed dates fall within ("in October")."""
    return PRECISION_RANK[claimed.precision] > PRECISION_RANK[
        followed.precision
    ] and claimed.contains(followed)
