"""Merge what every document says into the archive's records, each with citations.

Where documents disagree the record follows the primary source (the meeting's own
statement or chair's report before an overview; what happened before what was
announced); every claim is kept as a citation, `is_followed` false on the others.
"""

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from . import names
from .catalogue import read_catalogue, read_text
from .chair_report import parse_chair_report
from .dates import DAY, MONTH, YEAR, DateRange, weekday_in
from .errors import ParseError
from .overview import parse_overview
from .presentation import parse_presentation
from .statement import parse_statement

_PRECISION_RANK = {DAY: 0, MONTH: 1, YEAR: 2}
_ADHERENCE_RANK = {"formal": 0, "informal": 1, "pledged": 2}


# --- records --------------------------------------------------------------------


@dataclass
class Source:
    file_name: str
    slug: str
    title: str
    kind: str
    publisher: str
    published: DateRange | None
    url: str
    text: str
    plenary: str = ""  # slug
    facts: object = None

    @property
    def is_primary(self):
        return self.kind in ("statement", "chair-report")


@dataclass
class Citation:
    source: str  # file name
    model: str  # the record's model: plenary, chairmanship, ...
    record: str  # the record's natural key, as text
    field: str
    claim: str
    passage: str
    is_followed: bool = True
    key: str = ""


@dataclass
class Plenary:
    slug: str
    number: int | None
    city: str
    country: str
    dates: DateRange
    opened_by: str = ""
    statement: str = ""
    statement_source: str = ""
    summary: str = ""
    next_host: str = ""
    next_announcement: str = ""
    resolutions: list = field(default_factory=list)
    countries_of_concern: list = field(default_factory=list)
    regions_of_concern: list = field(default_factory=list)
    countries_named: list = field(default_factory=list)
    reports: list = field(default_factory=list)  # (Source, PlenaryReport)


@dataclass
class Person:
    name: str
    title: str = ""
    position: str = ""
    role: str = ""


@dataclass
class Chairmanship:
    slug: str
    countries: list
    start_plenary: str
    end_plenary: str = ""
    announced: str = ""
    notes: str = ""
    people: list = field(default_factory=list)


@dataclass
class Membership:
    country: str
    since: datetime.date | None = None
    since_precision: str = DAY
    since_is_upper_bound: bool = False
    founding: bool = False
    notes: str = ""


@dataclass
class Adherence:
    country: str
    kind: str
    declared: datetime.date | None = None
    declared_precision: str = DAY
    declared_is_upper_bound: bool = False
    ended: datetime.date | None = None
    notes: str = ""


@dataclass
class AnnexRevision:
    slug: str
    date: DateRange
    summary: str
    description: str = ""
    adopted_at: str = ""
    meeting: str = ""


@dataclass
class Event:
    slug: str
    kind: str
    title: str
    description: str
    dates: DateRange
    countries: list = field(default_factory=list)
    plenary: str = ""


@dataclass
class Archive:
    sources: list = field(default_factory=list)
    plenaries: list = field(default_factory=list)
    chairmanships: list = field(default_factory=list)
    memberships: list = field(default_factory=list)
    adherences: list = field(default_factory=list)
    annex_revisions: list = field(default_factory=list)
    events: list = field(default_factory=list)
    citations: list = field(default_factory=list)
    member_counts: list = field(default_factory=list)  # (file, count, passage)

    def cite(self, source, model, record, field_name, claim, passage, followed=True):
        if not passage:
            return
        self.citations.append(
            Citation(
                source.file_name,
                model,
                record,
                field_name,
                str(claim),
                passage,
                followed,
            )
        )

    def plenary(self, slug):
        return next((p for p in self.plenaries if p.slug == slug), None)


# --- reading the documents ------------------------------------------------------


def read_sources(sources_dir):
    """Every catalogued document, read and parsed; ParseError names the file."""
    sources = []
    for entry in read_catalogue(sources_dir):
        text = read_text(Path(sources_dir) / entry.file)
        source = Source(
            file_name=entry.file,
            slug=names.slugify(Path(entry.file).stem),
            title=entry.title,
            kind=entry.kind,
            publisher=entry.publisher,
            published=entry.published,
            url=entry.url,
            text=text,
            plenary=entry.plenary,
        )
        try:
            source.facts = _parse(entry, text)
        except ParseError as error:
            raise error.in_file(entry.file) from None
        sources.append(source)
    return sources


def _parse(entry, text):
    if entry.kind == "statement":
        return parse_statement(
            text, title=entry.title, published=entry.published, slug=entry.plenary
        )
    if entry.kind == "chair-report":
        if not entry.plenary:
            raise ParseError(
                "a chair's report needs `plenary` in the catalogue", line=None
            )
        return parse_chair_report(
            text, slug=entry.plenary, title=entry.title, published=entry.published
        )
    if entry.kind == "overview":
        return parse_overview(text)
    return parse_presentation(text)


def build_archive(sources_dir):
    """The whole archive, from the documents in `sources_dir`."""
    archive = Archive(sources=read_sources(sources_dir))
    _merge_plenaries(archive)
    _merge_chairmanships(archive)
    _merge_memberships(archive)
    _merge_adherences(archive)
    _merge_annex(archive)
    _merge_events(archive)
    _link_sources(archive)
    _key_citations(archive)
    return archive


# --- plenaries ------------------------------------------------------------------


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


def _merge_plenaries(archive):
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
    _cite_plenary(archive, plenary, group, number, city, country, opened_by)
    _lists(archive, plenary, group)
    return plenary


def _rank(source, report):
    return 0 if source.is_primary else 1 if not report.is_mention else 1


def _followed_dates(group):
    candidates = [
        (_rank(s, r), _PRECISION_RANK[r.dates.value.precision], index, s, r.dates)
        for index, (s, r) in enumerate(group)
        if r.dates
    ]
    if not candidates:
        return None, None
    best = min(candidates, key=lambda c: c[:3])
    return best[3], best[4]


def _cite_plenary(archive, plenary, group, number, city, country, opened_by):
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
            value = report.dates.value
            if value == plenary.dates:
                archive.cite(
                    source, "plenary", slug, "dates", value.claim, report.dates.passage
                )
            elif value.precision != plenary.dates.precision and value.contains(
                plenary.dates
            ):
                # Less precise and consistent ("in October"): no disagreement.
                archive.cite(source, "plenary", slug, "", "", report.dates.passage)
            else:
                archive.cite(
                    source,
                    "plenary",
                    slug,
                    "dates",
                    value.claim,
                    report.dates.passage,
                    False,
                )
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


def _plenary_of(archive, report):
    for plenary in archive.plenaries:
        if any(r is report for _, r in plenary.reports):
            return plenary
    return None


def _index_of(archive, report):
    plenary = _plenary_of(archive, report)
    return archive.plenaries.index(plenary) if plenary else None


def _announcing_index(archive, evidence):
    """The plenary at (or after) which an announcement was made."""
    if evidence.plenary is not None:
        return _index_of(archive, evidence.plenary)
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
            index = _announcing_index(archive, evidence)
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
                same = value == following.dates
                archive.cite(
                    source, "plenary", following.slug, "dates", value.claim, text, same
                )


# --- chairmanships --------------------------------------------------------------


def _term_index(archive, evidence):
    if evidence.term == "on-date":
        started = [
            i
            for i, p in enumerate(archive.plenaries)
            if p.dates.start <= evidence.date.start
        ]
        return started[-1] if started else None
    if evidence.term == "in-year":
        for index, plenary in enumerate(archive.plenaries):
            if plenary.dates.start.year == evidence.year and (
                not evidence.countries or plenary.country in evidence.countries
            ):
                return index
        return None
    if evidence.term == "next":
        index = _announcing_index(archive, evidence)
        return index + 1 if index is not None else None
    index = _index_of(archive, evidence.plenary) if evidence.plenary else None
    if index is None:
        return None
    return index - 1 if evidence.term == "previous" else index


def _merge_chairmanships(archive):
    terms = [
        {"countries": [], "evidence": [], "people": [], "announced": []}
        for _ in archive.plenaries
    ]
    for source in sorted(archive.sources, key=lambda s: not s.is_primary):
        for evidence in source.facts.chairs if source.facts else []:
            index = _term_index(archive, evidence)
            if index is None or not 0 <= index < len(terms):
                continue
            terms[index]["evidence"].append((source, evidence))
            if evidence.announcement and evidence.countries:
                terms[index]["announced"].append(evidence.passage)
    for index, plenary in enumerate(archive.plenaries):
        for source, report in plenary.reports:
            for person in report.chairs:
                terms[index]["people"].append((source, person))
    for index, plenary in enumerate(archive.plenaries):
        term = terms[index]
        explicit = []
        for _, evidence in term["evidence"]:
            explicit.extend(c for c in evidence.countries if c not in explicit)
        countries = explicit or [plenary.country]
        if plenary.country in countries:
            countries.remove(plenary.country)
            countries.insert(0, plenary.country)
        year = plenary.dates.start.year
        slug = f"{year}-" + "-".join(names.COUNTRY_BY_ISO[c].slug for c in countries)
        following = (
            archive.plenaries[index + 1] if index + 1 < len(archive.plenaries) else None
        )
        chairmanship = Chairmanship(
            slug=slug,
            countries=countries,
            start_plenary=plenary.slug,
            end_plenary=following.slug if following else "",
            announced=" ".join(dict.fromkeys(term["announced"])),
        )
        claim = ", ".join(sorted(names.COUNTRY_BY_ISO[c].name for c in countries))
        for source, evidence in term["evidence"]:
            if evidence.countries:
                named = ", ".join(
                    sorted(names.COUNTRY_BY_ISO[c].name for c in evidence.countries)
                )
                archive.cite(
                    source,
                    "chairmanship",
                    slug,
                    "countries",
                    named,
                    evidence.passage,
                    set(evidence.countries) <= set(countries),
                )
            if evidence.person:
                term["people"].append((source, evidence.person))
        # The host takes the chair at its plenary: cite the passages saying so.
        for source, report in plenary.reports:
            if report.country and not report.is_mention:
                archive.cite(
                    source,
                    "chairmanship",
                    slug,
                    "countries" if not explicit else "",
                    claim if not explicit else "",
                    report.country.passage,
                )
        if not explicit:
            chairmanship.notes = (
                "The sources show the host of this plenary, which takes the chair "
                "until the next plenary; no source names the chair otherwise."
            )
        people = {}
        for source, person in term["people"]:
            known = people.get(person.name)
            if known is None:
                people[person.name] = Person(
                    person.name, person.title, person.position, person.role
                )
            else:
                known.title = known.title or person.title
                known.position = known.position or person.position
                known.role = known.role or person.role
            archive.cite(
                source,
                "chairmanship",
                slug,
                f"person:{person.name}"[:50],
                person.name,
                person.passage,
            )
        chairmanship.people = list(people.values())
        archive.chairmanships.append(chairmanship)


# --- partners -------------------------------------------------------------------


def _by(plenary, start=True):
    """A plenary's first (or last) day, at its precision."""
    value = plenary.dates.start if start else plenary.dates.end
    return DateRange(value, value, plenary.dates.precision)


def _month_of(plenary):
    start = plenary.dates.start.replace(day=1)
    return DateRange(start, start, MONTH)


def _member_claims(archive):
    """(code, source, passage, DateRange|None, upper_bound, founding) per evidence."""
    claims = []
    for source in archive.sources:
        for evidence in source.facts.members if source.facts else []:
            date, upper = evidence.date, evidence.upper_bound
            if evidence.plenary is not None:
                plenary = _plenary_of(archive, evidence.plenary)
                if plenary is None:
                    continue
                if evidence.at_plenary_month:
                    date, upper = _month_of(plenary), False
                else:
                    date = _by(plenary, start=evidence.by_start)
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
    for plenary in archive.plenaries:
        for source, report in plenary.reports:
            if report.country and not report.is_mention:
                claims.append(
                    (
                        plenary.country,
                        source,
                        report.country.passage,
                        _by(plenary),
                        True,
                        False,
                    )
                )
    return claims


def _since_claim(date, upper):
    return f"by {date.claim}" if upper else date.claim


def _merge_memberships(archive):
    claims = _member_claims(archive)
    codes = sorted({claim[0] for claim in claims})
    for code in codes:
        mine = [c for c in claims if c[0] == code]
        dated = [c for c in mine if c[3] is not None]
        exact = [c for c in dated if not c[4]]
        pool = exact or dated
        best = (
            min(pool, key=lambda c: (c[3].start, _PRECISION_RANK[c[3].precision]))
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
                    _since_claim(date, upper),
                    passage,
                )
            elif founding and date is None:
                archive.cite(
                    source, "membership", code, "founding", "founding partner", passage
                )
            else:
                archive.cite(source, "membership", code, "", "", passage)


# --- adherents ------------------------------------------------------------------


def _merge_adherences(archive):
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
            plenary = _plenary_of(archive, item.plenary)
            if plenary is None:
                continue
            if item.during_plenary and plenary.dates.single_month:
                value, upper = _month_of(plenary), False
            else:
                value, upper = _by(plenary, start=False), True
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
                    _since_claim(declared[0], declared[1]),
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


# --- the Annex ------------------------------------------------------------------


def _plenary_on(archive, date):
    for plenary in archive.plenaries:
        if plenary.dates.precision == DAY and date.precision == DAY:
            if plenary.dates.start <= date.start and date.end <= plenary.dates.end:
                return plenary
    return None


def _merge_annex(archive):
    groups = {}  # key -> list of (source, evidence, plenary)
    order = []
    for source in sorted(archive.sources, key=lambda s: not s.is_primary):
        for evidence in source.facts.annex if source.facts else []:
            plenary = (
                _plenary_of(archive, evidence.plenary) if evidence.plenary else None
            )
            if plenary is None and evidence.date is not None:
                plenary = _plenary_on(archive, evidence.date)
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
            min(dated, key=lambda e: _PRECISION_RANK[e.date.precision]).date
            if dated
            else None
        )
        if date is None:
            weekday = next((e.weekday for _, e, _ in group if e.weekday), "")
            day = weekday_in(plenary.dates, weekday) if weekday else None
            if day is not None:
                date = DateRange(day, day, DAY)
            elif plenary.dates.single_month:
                date = _month_of(plenary)
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


# --- events ---------------------------------------------------------------------


def _merge_events(archive):
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
            plenary = plenary or _plenary_on(archive, report.date)
            words = names.slugify(report.title).split("-")
            while len("-".join(words)) > 60:
                words.pop()
            base = f"{report.date.claim.split('/')[0]}-{'-'.join(words)}"
            slug, suffix = base, 2
            while slug in used:
                slug, suffix = f"{base}-{suffix}", suffix + 1
            used.add(slug)
            archive.events.append(
                Event(
                    slug=slug,
                    kind=report.kind,
                    title=report.title,
                    description=report.description,
                    dates=report.date,
                    countries=report.countries,
                    plenary=plenary.slug if plenary else "",
                )
            )
            archive.cite(
                source, "event", slug, "date", report.date.claim, report.passage
            )
    archive.events.sort(key=lambda e: (e.dates.start, e.slug))


# --- sources and keys -------------------------------------------------------------


def _link_sources(archive):
    for source in archive.sources:
        if source.plenary:
            if archive.plenary(source.plenary) is None:
                raise ParseError(
                    f"catalogue names plenary {source.plenary!r}, which no document "
                    "describes",
                    file=source.file_name,
                )
            continue
        if source.kind in ("statement", "chair-report") and source.facts.plenaries:
            plenary = _plenary_of(archive, source.facts.plenaries[0])
            source.plenary = plenary.slug if plenary else ""
    counts = [
        (source.file_name, source.facts.member_count)
        for source in archive.sources
        if source.facts and source.facts.member_count
    ]
    for source in archive.sources:
        for report in source.facts.plenaries if source.facts else []:
            if report.member_count and report.is_primary:
                counts.append((source.file_name, report.member_count))
    archive.member_counts = [(name, fact.value, fact.passage) for name, fact in counts]


def _key_citations(archive):
    """Deterministic, unique keys: "<file>#<model>/<record>/<field>[/n]"."""
    unique, seen = [], set()
    for citation in archive.citations:
        identity = (
            citation.source,
            citation.model,
            citation.record,
            citation.field,
            citation.passage,
        )
        if identity in seen:
            continue
        seen.add(identity)
        unique.append(citation)
    counts = {}
    for citation in unique:
        base = (
            f"{citation.source}#{citation.model}/{citation.record}/"
            f"{citation.field or 'record'}"
        )
        counts[base] = counts.get(base, 0) + 1
        citation.key = base if counts[base] == 1 else f"{base}/{counts[base]}"
    archive.citations = unique
