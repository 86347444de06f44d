"""The six kinds of dated record the timeline merges, and the entry each one shows.

Each kind is a `Source`: the queryset of its records under the filters (without
the date range, which the chronology applies), the date field it is ordered by,
and how one record becomes an `Entry`.
"""

import dataclasses
import datetime
from collections.abc import Callable

from django.db.models import Q

from annex.models import AnnexRevision
from members.models import Adherence, Membership
from mtcr_site.dates import format_range
from plenaries.models import Chairmanship, ChairPerson, Event, Plenary


class Kind:
    PLENARY = "plenary"
    CHAIR = "chair"
    PARTNER = "partner"
    ADHERENCE = "adherence"
    ANNEX = "annex"
    EVENT = "event"

    choices = [
        (PLENARY, "Plenaries"),
        (CHAIR, "Chair handovers"),
        (PARTNER, "New partners"),
        (ADHERENCE, "Adherence declarations"),
        (ANNEX, "Annex revisions"),
        (EVENT, "Other events"),
    ]
    labels = {
        PLENARY: "Plenary",
        CHAIR: "Chair",
        PARTNER: "Partner",
        ADHERENCE: "Adherence",
        ANNEX: "Annex",
        EVENT: "Event",
    }


# Within a day: the meeting first, then what it decided or brought about.
KIND_ORDER = {kind: position for position, (kind, _) in enumerate(Kind.choices)}


@dataclasses.dataclass
class Entry:
    kind: str
    anchor: str
    date: datetime.date
    precision: str
    title: str
    url: str = ""
    end_date: datetime.date | None = None
    detail: str = ""
    countries: list = dataclasses.field(default_factory=list)

    @property
    def kind_label(self):
        return Kind.labels[self.kind]

    @property
    def dates_display(self):
        return format_range(self.date, self.end_date, self.precision)

    @property
    def sort_key(self):
        return (self.date, KIND_ORDER[self.kind], self.title)


@dataclasses.dataclass(frozen=True)
class Source:
    kind: str
    date_field: str
    select: Callable  # (country, q) -> a queryset, or None when nothing can match
    entry: Callable  # (record, links) -> Entry
    # (first day, day after) -> {record id: [related rows]} for the records dated
    # in between: one query even when there are none, so a page of the timeline
    # runs the same queries whatever it shows (a prefetch would skip the query).
    links: Callable = lambda begin, end: {}

    def entries(self, records, begin, end):
        links = self.links(begin, end)
        return [self.entry(record, links.get(record.pk, [])) for record in records]


def _linked(rows, owner, related=None):
    """{owner id: [related object, or the row itself]} from rows naming an owner."""
    links = {}
    for row in rows:
        value = getattr(row, related) if related else row
        links.setdefault(getattr(row, f"{owner}_id"), []).append(value)
    return links


def _text(q, *fields):
    query = Q()
    for field in fields if q else ():
        query |= Q(**{f"{field}__icontains": q})
    return query


def _plenaries(country, q):
    plenaries = Plenary.objects.for_timeline().filter(
        _text(q, "city", "country__name", "summary", "statement", "opened_by")
    )
    return plenaries.filter(country=country) if country else plenaries


def _plenary_entry(plenary, links):
    return Entry(
        kind=Kind.PLENARY,
        anchor=f"plenary-{plenary.slug}",
        date=plenary.start_date,
        end_date=plenary.end_date,
        precision=plenary.date_precision,
        title=str(plenary),
        url=plenary.get_absolute_url(),
        countries=[plenary.country],
    )


def _chairs(country, q):
    terms = Chairmanship.objects.for_timeline().filter(start_plenary__isnull=False)
    if country:
        terms = terms.filter(countries=country)
    if q:
        # A subquery rather than distinct(): the chronology counts these rows.
        fields = ("countries__name", "people__name", "announced", "notes")
        terms = terms.filter(
            pk__in=Chairmanship.objects.filter(_text(q, *fields)).values("pk")
        )
    return terms


def _chair_links(begin, end):
    """Countries and people of the terms begun between two days."""
    dated = {
        "chairmanship__start_plenary__start_date__gte": begin,
        "chairmanship__start_plenary__start_date__lt": end,
    }
    countries = Chairmanship.countries.through.objects.filter(**dated)
    countries = _linked(
        countries.select_related("country").order_by("country__name"),
        "chairmanship",
        "country",
    )
    people = _linked(ChairPerson.objects.filter(**dated), "chairmanship")
    return {
        term: (countries.get(term, []), people.get(term, []))
        for term in countries.keys() | people.keys()
    }


def _chair_entry(term, links):
    countries, people = links or ([], [])
    names = " and ".join(c.name for c in countries) or term.slug
    return Entry(
        kind=Kind.CHAIR,
        anchor=f"chair-{term.slug}",
        date=term.start_plenary.start_date,
        precision=term.start_plenary.date_precision,
        title=f"{names} take{'' if len(countries) > 1 else 's'} the chair",
        url=term.get_absolute_url(),
        detail=", ".join(str(person) for person in people),
        countries=countries,
    )


def _partners(country, q):
    memberships = Membership.objects.with_country().filter(
        _text(q, "country__name", "notes"), since__isnull=False
    )
    return memberships.filter(country=country) if country else memberships


def _partner_entry(membership, links):
    name = membership.country.name
    if membership.founding:
        title = f"{name}: founding partner"
    elif membership.since_is_upper_bound:
        title = f"{name} a partner by this date"
    else:
        title = f"{name} becomes a partner"
    return Entry(
        kind=Kind.PARTNER,
        anchor=f"partner-{membership.country.slug}",
        date=membership.since,
        precision=membership.since_precision,
        title=title,
        url=membership.get_absolute_url(),
        countries=[membership.country],
    )


def _adherences(country, q):
    adherences = Adherence.objects.with_country().filter(
        _text(q, "country__name", "notes"), declared__isnull=False
    )
    return adherences.filter(country=country) if country else adherences


def _adherence_entry(adherence, links):
    return Entry(
        kind=Kind.ADHERENCE,
        anchor=f"adherence-{adherence.country.slug}-{adherence.kind}",
        date=adherence.declared,
        precision=adherence.declared_precision,
        title=f"{adherence.country.name}: {adherence.get_kind_display().lower()}",
        url=adherence.get_absolute_url(),
        countries=[adherence.country],
    )


def _annex_revisions(country, q):
    if country:
        # A revision concerns no one country: the host of the plenary that
        # adopted it is not what a researcher filtering by country looks for.
        return None
    return AnnexRevision.objects.for_timeline().filter(
        _text(q, "summary", "description")
    )


def _annex_entry(revision, links):
    where = str(revision.adopted_at) if revision.adopted_at else revision.meeting
    return Entry(
        kind=Kind.ANNEX,
        anchor=f"annex-{revision.slug}",
        date=revision.date,
        precision=revision.date_precision,
        title=f"Annex revised: {revision.summary}",
        url=revision.get_absolute_url(),
        detail=f"Adopted at the {where}" if revision.adopted_at else where,
    )


def _events(country, q):
    events = Event.objects.filter(_text(q, "title", "description"))
    return events.filter(countries=country) if country else events


def _event_links(begin, end):
    """The countries of the events dated between two days."""
    rows = Event.countries.through.objects.filter(
        event__date__gte=begin, event__date__lt=end
    )
    return _linked(
        rows.select_related("country").order_by("country__name"), "event", "country"
    )


def _event_entry(event, countries):
    return Entry(
        kind=Kind.EVENT,
        anchor=f"event-{event.slug}",
        date=event.date,
        end_date=event.end_date,
        precision=event.date_precision,
        title=event.title,
        detail=event.description,
        countries=countries,
    )


SOURCES = {
    source.kind: source
    for source in (
        Source(Kind.PLENARY, "start_date", _plenaries, _plenary_entry),
        Source(
            Kind.CHAIR, "start_plenary__start_date", _chairs, _chair_entry, _chair_links
        ),
        Source(Kind.PARTNER, "since", _partners, _partner_entry),
        Source(Kind.ADHERENCE, "declared", _adherences, _adherence_entry),
        Source(Kind.ANNEX, "date", _annex_revisions, _annex_entry),
        Source(Kind.EVENT, "date", _events, _event_entry, _event_links),
    )
}
