"""The six kinds of dated record the timeline merges, and the entry each one shows.

Each kind is a `Source`: the queryset of its records under the filters (without
the date range, which the chronology applies), the date field it is ordered by,
the columns an entry needs, and how one row of them becomes an `Entry`. Entries
are built from value rows, not model instances: a page reads a few columns of
each record, and the ORM's model instances and joins cost more than the page.
"""

import dataclasses
import datetime
from collections.abc import Callable

from django.db.models import Q

from annex.models import AnnexRevision
from core.dates import edtf_day, edtf_span, format_interval, format_range
from members.models import Adherence, Country, Membership
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
    countries: list = dataclasses.field(default_factory=list)  # their names
    shown: str = ""  # the date as written, where it is an interval, not a span
    edtf: str = ""  # the date in EDTF: the record's span or interval

    @property
    def kind_label(self):
        return Kind.labels[self.kind]

    @property
    def dates_display(self):
        return self.shown or format_range(self.date, self.end_date, self.precision)

    @property
    def sort_key(self):
        # The anchor last: records are read unordered, and ties must not move.
        return (self.date, KIND_ORDER[self.kind], self.title, self.anchor)


@dataclasses.dataclass(frozen=True)
class Source:
    kind: str
    date_field: str
    select: Callable  # (country, q) -> a queryset, or None when nothing can match
    columns: tuple  # what `entry` reads of each record, besides its id
    entry: Callable  # (row, links) -> Entry
    # (first day, day after) -> {record id: [related values]} for the records
    # dated in between: one query even when there are none, so a page of the
    # timeline runs the same queries whatever it shows.
    links: Callable = lambda begin, end: {}

    def rows(self, records):
        """The records as dicts of the columns an entry reads, in no order (the
        chronology sorts the entries of every kind together)."""
        return records.order_by().values("id", *self.columns)

    def entries(self, rows, begin, end):
        links = self.links(begin, end)
        return [self.entry(row, links.get(row["id"], [])) for row in rows]


def _linked(rows):
    """{owner id: [values]} from (owner id, value) pairs."""
    links = {}
    for owner, value in rows:
        links.setdefault(owner, []).append(value)
    return links


def _text(q, *fields):
    query = Q()
    for field in fields if q else ():
        query |= Q(**{f"{field}__icontains": q})
    return query


def _plenary_title(number, city, country_name, start_date):
    """The plenary's name, as Plenary.__str__ gives it."""
    return Plenary.name_for(number, city or country_name, start_date.year)


def _plenaries(country, q):
    plenaries = Plenary.objects.filter(
        _text(q, "city", "country__name", "summary", "statement", "opened_by")
    )
    return plenaries.filter(country=country) if country else plenaries


def _plenary_entry(row, links):
    return Entry(
        kind=Kind.PLENARY,
        anchor=f"plenary-{row['slug']}",
        date=row["start_date"],
        end_date=row["end_date"],
        precision=row["date_precision"],
        edtf=edtf_span(row["start_date"], row["end_date"], row["date_precision"]),
        title=_plenary_title(
            row["number"], row["city"], row["country__name"], row["start_date"]
        ),
        url=Plenary.url_for(row["slug"]),
        countries=[row["country__name"]],
    )


def _chairs(country, q):
    terms = Chairmanship.objects.filter(start_plenary__isnull=False)
    if country:
        terms = terms.filter(countries=country)
    if q:
        # A subquery rather than distinct(): the chronology counts these rows.
        fields = ("countries__name", "people__person__name", "announced", "notes")
        terms = terms.filter(
            pk__in=Chairmanship.objects.filter(_text(q, *fields)).values("pk")
        )
    return terms


def _chair_links(begin, end):
    """The country names and people of the terms begun between two days."""
    dated = {
        "chairmanship__start_plenary__start_date__gte": begin,
        "chairmanship__start_plenary__start_date__lte": end,
    }
    countries = _linked(
        Chairmanship.countries.through.objects.filter(**dated)
        .order_by("country__name")
        .values_list("chairmanship_id", "country__name")
    )
    people = _linked(
        (term, f"{title} {name}".strip())  # as ChairPerson.__str__
        for term, title, name in ChairPerson.objects.filter(**dated).values_list(
            "chairmanship_id", "title", "person__name"
        )
    )
    return {
        term: (countries.get(term, []), people.get(term, []))
        for term in countries.keys() | people.keys()
    }


def _chair_entry(row, links):
    countries, people = links or ([], [])
    names = " and ".join(countries) or row["slug"]
    return Entry(
        kind=Kind.CHAIR,
        anchor=f"chair-{row['slug']}",
        date=row["start_plenary__start_date"],
        precision=row["start_plenary__date_precision"],
        # The term began at its plenary: the meeting's dates.
        edtf=edtf_span(
            row["start_plenary__start_date"],
            row["start_plenary__end_date"],
            row["start_plenary__date_precision"],
        ),
        title=f"{names} take{'' if len(countries) > 1 else 's'} the chair",
        url=Chairmanship.url_for(row["slug"]),
        detail=", ".join(people),
        countries=countries,
    )


def _partners(country, q):
    memberships = Membership.objects.filter(
        _text(q, "country__name", "notes"), since_latest__isnull=False
    )
    return memberships.filter(country=country) if country else memberships


def _partner_entry(row, links):
    """A partnership at the day it was certainly begun by, shown as the interval
    its evidence gives ("between 7 November 1997 and 5 October 1998")."""
    name = row["country__name"]
    earliest, latest = row["since_earliest"], row["since_latest"]
    if row["founding"]:
        title = f"{name}: founding partner"
    elif earliest is None:
        title = f"{name} a partner by this date"
    else:
        title = f"{name} becomes a partner"
    return Entry(
        kind=Kind.PARTNER,
        anchor=f"partner-{row['country__slug']}",
        date=latest,
        precision=row["since_precision"],
        title=title,
        url=Country.url_for(row["country__slug"]),
        countries=[name],
        shown=format_interval(earliest, latest, row["since_precision"]),
        edtf=edtf_day(earliest, latest, row["since_precision"]),
    )


def _adherences(country, q):
    adherences = Adherence.objects.filter(
        _text(q, "country__name", "notes"), declared_latest__isnull=False
    )
    return adherences.filter(country=country) if country else adherences


def _adherence_entry(row, links):
    kind = Adherence.Kind(row["kind"]).label
    return Entry(
        kind=Kind.ADHERENCE,
        anchor=f"adherence-{row['country__slug']}-{row['kind']}",
        date=row["declared_latest"],
        precision=row["declared_precision"],
        title=f"{row['country__name']}: {kind.lower()}",
        shown=format_interval(
            row["declared_earliest"], row["declared_latest"], row["declared_precision"]
        ),
        edtf=edtf_day(
            row["declared_earliest"], row["declared_latest"], row["declared_precision"]
        ),
        url=Country.url_for(row["country__slug"]),
        countries=[row["country__name"]],
    )


def _annex_revisions(country, q):
    if country:
        # A revision concerns no one country: the host of the plenary that
        # adopted it is not what a researcher filtering by country looks for.
        return None
    return AnnexRevision.objects.filter(_text(q, "summary", "description"))


def _annex_entry(row, links):
    if row["adopted_at__slug"]:
        where = _plenary_title(
            row["adopted_at__number"],
            row["adopted_at__city"],
            row["adopted_at__country__name"],
            row["adopted_at__start_date"],
        )
        detail = f"Adopted at the {where}"
    else:
        detail = row["meeting"]
    return Entry(
        kind=Kind.ANNEX,
        anchor=f"annex-{row['slug']}",
        date=row["date"],
        precision=row["date_precision"],
        # A revision made during a plenary is dated between its first and last day.
        shown=format_interval(
            row["date"], row["latest_day"] or row["date"], row["date_precision"]
        ),
        edtf=edtf_day(
            row["date"], row["latest_day"] or row["date"], row["date_precision"]
        ),
        title=f"Annex revised: {row['summary']}",
        url=AnnexRevision.url_for(row["slug"]),
        detail=detail,
    )


def _events(country, q):
    events = Event.objects.filter(_text(q, "title", "description"))
    return events.filter(countries=country) if country else events


def _event_links(begin, end):
    """The country names of the events dated between two days."""
    return _linked(
        Event.countries.through.objects.filter(
            event__date__gte=begin, event__date__lte=end
        )
        .order_by("country__name")
        .values_list("event_id", "country__name")
    )


def _event_entry(row, countries):
    return Entry(
        kind=Kind.EVENT,
        anchor=f"event-{row['slug']}",
        date=row["date"],
        end_date=row["end_date"],
        precision=row["date_precision"],
        edtf=edtf_span(
            row["date"], row["end_date"] or row["date"], row["date_precision"]
        ),
        title=row["title"],
        detail=row["description"],
        countries=countries,
    )


PLACE = ("number", "city", "country__name")
SOURCES = {
    source.kind: source
    for source in (
        Source(
            Kind.PLENARY, "start_date", _plenaries,
            ("slug", "start_date", "end_date", "date_precision", *PLACE),
            _plenary_entry,
        ),
        Source(
            Kind.CHAIR, "start_plenary__start_date", _chairs,
            ("slug", "start_plenary__start_date", "start_plenary__end_date",
             "start_plenary__date_precision"),
            _chair_entry, _chair_links,
        ),
        Source(
            Kind.PARTNER, "since_latest", _partners,
            ("since_earliest", "since_latest", "since_precision", "founding",
             "country__name", "country__slug"),
            _partner_entry,
        ),
        Source(
            Kind.ADHERENCE, "declared_latest", _adherences,
            ("kind", "declared_earliest", "declared_latest", "declared_precision",
             "country__name", "country__slug"),
            _adherence_entry,
        ),
        Source(
            Kind.ANNEX, "date", _annex_revisions,
            ("slug", "date", "latest_day", "date_precision", "summary", "meeting",
             "adopted_at__slug", "adopted_at__start_date",
             *(f"adopted_at__{column}" for column in PLACE)),
            _annex_entry,
        ),
        Source(
            Kind.EVENT, "date", _events,
            ("slug", "date", "end_date", "date_precision", "title", "description"),
            _event_entry, _event_links,
        ),
    )
}  # fmt: skip
