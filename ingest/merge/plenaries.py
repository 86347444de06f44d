"""Plenaries: the reports of every document on one meeting, merged into one record.

Where reports disagree the record follows the written rule of `witnesses`
(`witness_rank`): the meeting's own statement over other official accounts over
overviews and encyclopedias, a body over a heading; what was announced never sets
a record. Every claim is kept as a citation.

A host country a witness names is followed over one inferred (from the city a
passage names, or from the chair's country: `Fact.inferred`); where no witness
names it, the record takes the inference and says so (`country_inferred`), and
each citation of an inferred country says what it was inferred from.
"""

from core.dates import format_range
from ingest import names
from ingest.errors import ParseError
from ingest.merge.plenary_dates import (
    cite_dates,
    consistent,
    date_witnesses,
    followed_dates,
    span_claim,
)
from ingest.merge.records import Plenary
from ingest.merge.witnesses import OWN_STATEMENT, witness_rank


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
            # A passing mention in a text starts no meeting; a records claim
            # names its meeting by slug, and is a witness of it.
            if report.is_mention and not report.slug:
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


def _best(archive, group, attribute):
    """(source, fact) of the best witness of an attribute (see witness_rank)."""
    found = [
        (_rank(archive, source, report, fact.passage), index, source, fact)
        for index, (source, report) in enumerate(group)
        for fact in [getattr(report, attribute)]
        if fact is not None and fact.value not in (None, "")
    ]
    if not found:
        return None, None
    best = min(found, key=lambda item: item[:2])
    return best[2], best[3]


def _rank(archive, source, report, passage):
    return witness_rank(source, report, archive.record_notes.get(passage, ""))


def _plenary_from(group, archive):
    witnesses = date_witnesses(archive, group)
    followed = followed_dates(witnesses)
    if followed is None:
        missing = ", ".join(s.file_name for s, _ in group)
        raise ParseError(f"no dates for a plenary ({missing})")
    dates, open_end, first, last = followed
    _, number = _best(archive, group, "number")
    _, city = _best(archive, group, "city")
    named = [(s, r) for s, r in group if r.country and not r.country.inferred]
    _, country = _best(archive, named or group, "country")
    if country is None:
        raise ParseError(
            f"no host country for the plenary in {city.value if city else ''}"
        )
    slug_report = next((r for _, r in group if r.slug), None)
    place = (
        names.slugify(city.value) if city else names.COUNTRY_BY_ISO[country.value].slug
    )
    plenary = Plenary(
        slug=slug_report.slug if slug_report else f"{dates.start.year}-{place}",
        number=number.value if number else None,
        city=city.value if city else "",
        country=country.value,
        country_inferred=country.inferred,
        dates=dates,
        open_end=open_end,
        reports=group,
    )
    _, opened_by = _best(archive, group, "opened_by")
    plenary.opened_by = opened_by.value if opened_by else ""
    for source, report in group:
        if report.statement and not plenary.statement and source.is_primary:
            plenary.statement = report.statement
            plenary.statement_source = source.file_name
            plenary.statement_kind = source.kind
        if report.summary and not plenary.summary:
            plenary.summary = report.summary
    cite_dates(archive, plenary, witnesses, first, last)
    _cite_plenary(archive, plenary, group)
    _cite_counts(archive, plenary, group)
    _lists(archive, plenary, group)
    return plenary


def _cite_plenary(archive, plenary, group):
    """Cite every report's passages on the plenary, whether followed or not."""
    slug = plenary.slug
    for source, report in group:
        for attribute, value in (
            ("number", plenary.number),
            ("city", plenary.city),
            ("opened_by", plenary.opened_by),
        ):
            fact = getattr(report, attribute)
            if fact:
                archive.cite(
                    source,
                    "plenary",
                    slug,
                    attribute,
                    fact.value,
                    fact.passage,
                    fact.value == value,
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
                inferred=report.country.inferred,
            )
        if report.summary and plenary.summary == report.summary:
            archive.cite(source, "plenary", slug, "summary", "", report.summary_passage)


def _cite_counts(archive, plenary, group):
    """The number of partners each witness states ("member_count") and how many
    its list names ("listed_count"): the record holds neither, the citations
    keep both for a consistency check; where witnesses differ, the best is
    followed."""
    for attribute in ("member_count", "listed_count"):
        _, best = _best(archive, group, attribute)
        for source, report in group:
            fact = getattr(report, attribute)
            if fact is None:
                continue
            archive.cite(
                source,
                "plenary",
                plenary.slug,
                attribute,
                fact.value,
                fact.passage,
                fact.value == best.value,
            )


def _lists(archive, plenary, group):
    """Resolutions, concerns and named countries: those the best class of
    witnesses gives (the meeting's own statement, if it gives any)."""
    ranked = sorted(
        (witness_rank(s, r)[0], index) for index, (s, r) in enumerate(group)
    )
    for attribute, field_name, target in (
        ("resolutions", "resolutions", "resolutions"),
        ("countries_of_concern", "countries_of_concern", "countries_of_concern"),
        ("regions", "regions_of_concern", "regions_of_concern"),
    ):
        classes = [c for c, i in ranked if getattr(group[i][1], attribute)]
        best = classes[0] if classes else OWN_STATEMENT
        followed_group = [(s, r) for s, r in group if witness_rank(s, r)[0] == best]
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


def announcement_text(source, evidence):
    """What was announced of the next meeting: the passage of a document the
    archive holds; for one it cites from the original, the facts alone ("The next
    plenary announced in Sweden for 3–6 October 1994."), never its wording."""
    if source.held:
        return evidence.passage
    where = " and ".join(names.COUNTRY_BY_ISO[c].name for c in evidence.countries)
    dates = evidence.next_dates.value if evidence.next_dates else None
    when = format_range(dates.start, dates.end, dates.precision) if dates else ""
    parts = [f"in {where}" if where else "", f"for {when}" if when else ""]
    said = " ".join(part for part in parts if part)
    return f"The next plenary announced{' ' + said if said else ''} ({source.title})."


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
            text = announcement_text(source, evidence)
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
                announced = (
                    evidence.next_dates.value.claim if evidence.next_dates else ""
                )
                archive.cite(
                    source,
                    "plenary",
                    announcing.slug,
                    "next_announcement",
                    announced,
                    text,
                )
            if evidence.next_dates and index + 1 < len(archive.plenaries):
                following = archive.plenaries[index + 1]
                value = evidence.next_dates.value
                if value != following.dates and consistent(value, following.dates):
                    archive.cite(source, "plenary", following.slug, "", "", text)
                    continue
                held = span_claim(following.dates, following.open_end)
                archive.cite(
                    source,
                    "plenary",
                    following.slug,
                    "dates",
                    value.claim,
                    text,
                    value.claim == held,
                )
