"""Every dated thing in the archive as one chronology, for the home page.

The timeline gathers six kinds of record, so it is not one model's FilterView: a
plain form reads the filters, each kind is fetched with one query (and its
prefetches), and the entries are merged in Python. Filters that cannot be read
are ignored and reported, as on the other lists.
"""

import dataclasses
import datetime
import itertools

from django import forms
from django.db.models import Q
from django.views.generic import TemplateView

from annex.models import AnnexRevision
from members.models import Adherence, Country, Membership
from mtcr_site.charts import overview_svg
from mtcr_site.dates import format_range
from plenaries.models import Chairmanship, Event, Plenary


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


class TimelineFilterForm(forms.Form):
    kind = forms.MultipleChoiceField(
        label="Show", choices=Kind.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    year_from = forms.IntegerField(
        label="From year", required=False, min_value=1900, max_value=2200
    )
    year_to = forms.IntegerField(
        label="To year", required=False, min_value=1900, max_value=2200
    )
    country = forms.ModelChoiceField(
        label="Country",
        queryset=Country.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="Any country",
    )
    q = forms.CharField(label="Text", required=False, max_length=200)
    order = forms.ChoiceField(
        label="Order",
        choices=[("oldest", "Oldest first"), ("newest", "Newest first")],
        required=False,
    )

    def values(self):
        """The filters that could be read; invalid ones are left out."""
        self.is_valid()
        return getattr(self, "cleaned_data", {})

    @property
    def ignored(self):
        return [
            (self.fields[name].label, " ".join(messages))
            for name, messages in self.errors.items()
            if name in self.fields
        ]


def _years(field, year_from, year_to):
    query = Q()
    if year_from is not None:
        query &= Q(**{f"{field}__year__gte": year_from})
    if year_to is not None:
        query &= Q(**{f"{field}__year__lte": year_to})
    return query


def _text(q, *fields):
    if not q:
        return Q()
    query = Q()
    for field in fields:
        query |= Q(**{f"{field}__icontains": q})
    return query


def plenary_entries(year_from=None, year_to=None, country=None, q=""):
    plenaries = Plenary.objects.with_place().filter(
        _years("start_date", year_from, year_to),
        _text(q, "city", "country__name", "summary", "statement", "opened_by"),
    )
    if country is not None:
        plenaries = plenaries.filter(country=country)
    for plenary in plenaries:
        yield Entry(
            kind=Kind.PLENARY,
            anchor=f"plenary-{plenary.slug}",
            date=plenary.start_date,
            end_date=plenary.end_date,
            precision=plenary.date_precision,
            title=str(plenary),
            url=plenary.get_absolute_url(),
            countries=[plenary.country],
        )


def chair_entries(year_from=None, year_to=None, country=None, q=""):
    terms = (
        Chairmanship.objects.with_people()
        .filter(start_plenary__isnull=False)
        .filter(_years("start_plenary__start_date", year_from, year_to))
    )
    if country is not None:
        terms = terms.filter(countries=country)
    if q:
        terms = terms.filter(
            _text(q, "countries__name", "people__name", "announced", "notes")
        ).distinct()
    for term in terms:
        countries = list(term.countries.all())
        names = " and ".join(c.name for c in countries) or term.slug
        people = ", ".join(str(person) for person in term.people.all())
        yield Entry(
            kind=Kind.CHAIR,
            anchor=f"chair-{term.slug}",
            date=term.start_plenary.start_date,
            precision=term.start_plenary.date_precision,
            title=f"{names} take{'' if len(countries) > 1 else 's'} the chair",
            url=term.get_absolute_url(),
            detail=people,
            countries=countries,
        )


def partner_entries(year_from=None, year_to=None, country=None, q=""):
    memberships = (
        Membership.objects.with_country()
        .filter(since__isnull=False)
        .filter(_years("since", year_from, year_to), _text(q, "country__name", "notes"))
    )
    if country is not None:
        memberships = memberships.filter(country=country)
    for membership in memberships:
        name = membership.country.name
        if membership.founding:
            title = f"{name}: founding partner"
        elif membership.since_is_upper_bound:
            title = f"{name} a partner by this date"
        else:
            title = f"{name} becomes a partner"
        yield Entry(
            kind=Kind.PARTNER,
            anchor=f"partner-{membership.country.slug}",
            date=membership.since,
            precision=membership.since_precision,
            title=title,
            url=membership.get_absolute_url(),
            countries=[membership.country],
        )


def adherence_entries(year_from=None, year_to=None, country=None, q=""):
    adherences = (
        Adherence.objects.with_country()
        .filter(declared__isnull=False)
        .filter(
            _years("declared", year_from, year_to), _text(q, "country__name", "notes")
        )
    )
    if country is not None:
        adherences = adherences.filter(country=country)
    for adherence in adherences:
        yield Entry(
            kind=Kind.ADHERENCE,
            anchor=f"adherence-{adherence.country.slug}-{adherence.kind}",
            date=adherence.declared,
            precision=adherence.declared_precision,
            title=f"{adherence.country.name}: {adherence.get_kind_display().lower()}",
            url=adherence.get_absolute_url(),
            countries=[adherence.country],
        )


def annex_entries(year_from=None, year_to=None, country=None, q=""):
    revisions = AnnexRevision.objects.with_plenary().filter(
        _years("date", year_from, year_to), _text(q, "summary", "description")
    )
    if country is not None:
        # A revision concerns no one country: the host of the plenary that
        # adopted it is not what a researcher filtering by country looks for.
        return
    for revision in revisions:
        where = str(revision.adopted_at) if revision.adopted_at else revision.meeting
        yield Entry(
            kind=Kind.ANNEX,
            anchor=f"annex-{revision.slug}",
            date=revision.date,
            precision=revision.date_precision,
            title=f"Annex revised: {revision.summary}",
            url=revision.get_absolute_url(),
            detail=f"Adopted at the {where}" if revision.adopted_at else where,
        )


def event_entries(year_from=None, year_to=None, country=None, q=""):
    events = Event.objects.with_countries().filter(
        _years("date", year_from, year_to), _text(q, "title", "description")
    )
    if country is not None:
        events = events.filter(countries=country)
    for event in events:
        yield Entry(
            kind=Kind.EVENT,
            anchor=f"event-{event.slug}",
            date=event.date,
            end_date=event.end_date,
            precision=event.date_precision,
            title=event.title,
            detail=event.description,
            countries=list(event.countries.all()),
        )


SOURCES = {
    Kind.PLENARY: plenary_entries,
    Kind.CHAIR: chair_entries,
    Kind.PARTNER: partner_entries,
    Kind.ADHERENCE: adherence_entries,
    Kind.ANNEX: annex_entries,
    Kind.EVENT: event_entries,
}

# Within a day: the meeting first, then what it decided or brought about.
KIND_ORDER = {kind: position for position, (kind, _) in enumerate(Kind.choices)}


def build_timeline(
    kinds=(), year_from=None, year_to=None, country=None, q="", newest_first=False
):
    """Entries of the chosen kinds (all when none), in date order."""
    entries = []
    for kind in kinds or SOURCES:
        entries.extend(SOURCES[kind](year_from, year_to, country, q))
    entries.sort(key=lambda entry: (entry.date, KIND_ORDER[entry.kind], entry.title))
    if newest_first:
        entries.reverse()
    return entries


def group_by_year(entries):
    """[(year, [entries])], in the entries' order."""
    return [
        (year, list(group))
        for year, group in itertools.groupby(entries, key=lambda e: e.date.year)
    ]


def jump_bar(years):
    """[(decade, [years])] for the years that have entries, in their order."""
    return [
        (decade, list(group))
        for decade, group in itertools.groupby(years, key=lambda y: y // 10 * 10)
    ]


class TimelineView(TemplateView):
    """The home page: the overview chart above the filtered chronology."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        form = TimelineFilterForm(self.request.GET or None)
        values = form.values() if form.is_bound else {}
        entries = build_timeline(
            kinds=values.get("kind") or (),
            year_from=values.get("year_from"),
            year_to=values.get("year_to"),
            country=values.get("country"),
            q=values.get("q") or "",
            newest_first=values.get("order") == "newest",
        )
        years = group_by_year(entries)
        plenaries = [
            (p.start_date, str(p), p.get_absolute_url())
            for p in Plenary.objects.with_place()
        ]
        since = Membership.objects.values_list("since", flat=True)
        return super().get_context_data(
            form=form,
            ignored=form.ignored if form.is_bound else [],
            is_filtered=any(
                values.get(name) not in (None, "", [])
                for name in ("kind", "year_from", "year_to", "country", "q")
            ),
            entries=entries,
            years=years,
            jump=jump_bar([year for year, _ in years]),
            overview=overview_svg(plenaries, list(since)),
            **kwargs,
        )
