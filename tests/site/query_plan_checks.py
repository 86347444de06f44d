"""The queries the public pages run, each with the index that should serve it:
the table of checks for test_query_plans.py (see its docstring)."""

import dataclasses
import datetime

from django.db import connection
from django.db.models.query import get_prefetcher, normalize_prefetch_lookups
from django.test import RequestFactory

from annex.models import AnnexRevision
from annex.views import AnnexRevisionListView
from evidence.models import Citation, SourceDocument
from evidence.views import SourceDetailView, SourceListView
from members.models import Adherence, Country, Membership
from members.views import (
    LISTED,
    AdherenceListView,
    CountryDetailView,
    MembershipListView,
)
from plenaries.models import Chairmanship, ChairPerson, Event, Plenary
from plenaries.views import ChairmanshipListView, PlenaryDetailView
from plenaries.views import PlenaryListView as PlenaryList
from search.models import SearchEntry
from timeline.chronology import Chronology, Filters
from timeline.kinds import SOURCES, Kind

DAY = datetime.date(1995, 1, 1)
# The partnerships are one row per country, however the archive grows: a window
# holding most of them is rightly read whole, so the partner checks ask for
# windows that hold few (the founders' first weeks; the 2000s' two newcomers).
FOUNDERS_DAY = datetime.date(1987, 6, 1)


# How the tests find the querysets the pages run.


def listed(view_class, **params):
    """The rows a list view shows for a query string (its first page, if it has
    pages), from its own FilterSet."""
    view = view_class()
    view.setup(RequestFactory().get("/", params))
    rows = view.get_filterset(view.get_filterset_class()).qs
    return rows[: view.paginate_by] if view.paginate_by else rows


def detail(view_class, slug):
    """The query a detail view runs for its object, as DetailView.get_object does."""
    view = view_class()
    view.setup(RequestFactory().get("/"), slug=slug)
    return view.get_queryset().filter(**{view.get_slug_field(): slug})


def prefetched(queryset, lookup):
    """The query prefetch_related runs for `lookup` on the rows of `queryset`.

    Its own prefetches stay on it, so prefetched(prefetched(qs, "a"), "b") is the
    query for a nested Prefetch("a", queryset=....prefetch_related("b")). The
    lookup is the relation's name, whatever list the rows are prefetched into
    (Prefetch's to_attr).
    """
    lookups = normalize_prefetch_lookups(queryset._prefetch_related_lookups)
    [prefetch] = [p for p in lookups if p.prefetch_through == lookup]
    instances = list(queryset.prefetch_related(None))
    prefetcher, *_ = get_prefetcher(
        instances[0], lookup, prefetch.get_current_to_attr(0)[0]
    )
    related, *_ = prefetcher.get_prefetch_querysets(
        instances, prefetch.get_current_querysets(0)
    )
    return related


def plenary(slug="2016-busan"):
    return Plenary.objects.get(slug=slug)


def busan():
    return Plenary.objects.get(slug="2016-busan")


def country(slug="japan"):
    return Country.objects.get(slug=slug)


def country_list(slug, name):
    """The latest rows of one of a country page's lists, as the page reads them."""
    return CountryDetailView().lists(country(slug))[name][:LISTED]


# The indexes expected.


@dataclasses.dataclass(frozen=True)
class IndexOn:
    """The index Django creates for a foreign key or a unique field, whose name
    ends in a hash: any index whose first column is the field's."""

    model: type
    field: str

    @property
    def column(self):
        return self.model._meta.get_field(self.field).column

    def names(self):
        table = self.model._meta.db_table
        with connection.cursor() as cursor:
            constraints = connection.introspection.get_constraints(cursor, table)
        return {
            name
            for name, constraint in constraints.items()
            if (constraint["index"] or constraint["unique"])
            and constraint["columns"][:1] == [self.column]
        }

    def __str__(self):
        return f"{self.model._meta.db_table}({self.column})"


def index_names(expected):
    if isinstance(expected, tuple):  # either may serve: the planner's choice
        return set().union(*(index_names(one) for one in expected))
    return expected.names() if isinstance(expected, IndexOn) else {expected}


def index_table(name):
    with connection.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_indexes WHERE indexname = %s", [name])
        row = cursor.fetchone()
    assert row, f"no index named {name} in the database"
    return row[0]


def timeline(kind, **filters):
    """The records of one kind that the timeline reads under these filters."""
    return Chronology(Filters(**filters)).records(SOURCES[kind])


def through(model, field, to):
    """The foreign key `to` of a many-to-many field's join table."""
    return IndexOn(getattr(model, field).through, to)


# (page, query, the queryset, the index its plan must read)
CHECKS = [
    # The timeline: each kind of record in a window of dates, or by country.
    ("/", "plenaries in a year range",
     lambda: timeline(Kind.PLENARY, year_from=2000, year_to=2005), "plenary_start_idx"),
    ("/", "chair handovers in a year range",
     lambda: timeline(Kind.CHAIR, year_from=2000, year_to=2005), "plenary_start_idx"),
    ("/", "new partners in a year range",
     lambda: timeline(Kind.PARTNER, year_from=2000, year_to=2005),
     "membership_since_latest_idx"),
    ("/", "adherence declarations in a year range",
     lambda: timeline(Kind.ADHERENCE, year_from=1990, year_to=1995),
     "adherence_declared_idx"),
    ("/", "annex revisions in a year range",
     lambda: timeline(Kind.ANNEX, year_from=2000, year_to=2005), "annex_date_idx"),
    ("/", "events in a year range",
     lambda: timeline(Kind.EVENT, year_from=2000, year_to=2005), "event_date_idx"),
    ("/", "plenaries hosted by a country",
     lambda: timeline(Kind.PLENARY, country=country()), IndexOn(Plenary, "country")),
    ("/", "chairs held by a country",
     lambda: timeline(Kind.CHAIR, country=country()),
     through(Chairmanship, "countries", "country")),
    ("/", "a country's partnership",
     lambda: timeline(Kind.PARTNER, country=country()), "one_membership_per_country"),
    ("/", "a country's adherences",
     lambda: timeline(Kind.ADHERENCE, country=country("pakistan")),
     # A table of one row per country and kind: either index serves.
     (IndexOn(Adherence, "country"), "adherence_declared_idx")),
    ("/", "events of a country",
     lambda: timeline(Kind.EVENT, country=country()),
     through(Event, "countries", "country")),
    # The plenary list (a page of 25) and what each row shows.
    ("/plenaries/", "oldest first", lambda: listed(PlenaryList), "plenary_start_idx"),
    ("/plenaries/", "newest first",
     lambda: listed(PlenaryList, order="newest"), "plenary_start_idx"),
    ("/plenaries/", "year range",
     lambda: listed(PlenaryList, year_from=2000, year_to=2005), "plenary_start_idx"),
    ("/plenaries/", "host country",
     lambda: listed(PlenaryList, country="japan"), IndexOn(Plenary, "country")),
    ("/plenaries/", "chair's country",
     lambda: listed(PlenaryList, chair_country="japan"),
     through(Chairmanship, "countries", "country")),
    # The list's page read off the join table's country key, or off the dates,
    # newest first, until a page is found; the planner's choice.
    ("/plenaries/", "country named",
     lambda: listed(PlenaryList, named="japan", order="newest"),
     (through(Plenary, "countries_named", "country"), "plenary_start_idx")),
    ("/plenaries/", "country of concern",
     lambda: listed(PlenaryList, concern="iran", order="newest"),
     (through(Plenary, "countries_of_concern", "country"), "plenary_start_idx")),
    ("/plenaries/", "UNSC resolution cited",
     lambda: listed(PlenaryList, resolution=1540),
     through(Plenary, "resolutions", "resolution")),
    ("/plenaries/", "chairs begun (prefetch)",
     lambda: prefetched(listed(PlenaryList), "chairmanships_begun"),
     IndexOn(Chairmanship, "start_plenary")),
    ("/plenaries/", "chairs' countries (prefetch)",
     lambda: prefetched(
         prefetched(listed(PlenaryList), "chairmanships_begun"), "countries"),
     through(Chairmanship, "countries", "chairmanship")),
    ("/plenaries/", "chairs' people (prefetch)",
     lambda: prefetched(
         prefetched(listed(PlenaryList), "chairmanships_begun"), "people"),
     IndexOn(ChairPerson, "chairmanship")),
    ("/plenaries/", "resolutions (prefetch)",
     lambda: prefetched(listed(PlenaryList), "resolutions"),
     through(Plenary, "resolutions", "plenary")),
    ("/plenaries/feed/", "the newest 50",
     lambda: Plenary.objects.with_place().order_by("-start_date")[:50],
     "plenary_start_idx"),
    # A plenary's page.
    ("/plenaries/<slug>/", "by slug",
     lambda: detail(PlenaryDetailView, "2016-busan"), IndexOn(Plenary, "slug")),
    # The page reads each relation of its one plenary with a plain query.
    ("/plenaries/<slug>/", "chair terms begun or ended",
     lambda: Chairmanship.objects.begun_or_ended_at(busan()),
     IndexOn(Chairmanship, "end_plenary")),
    ("/plenaries/<slug>/", "countries of concern",
     lambda: busan().countries_of_concern.all(),
     through(Plenary, "countries_of_concern", "plenary")),
    ("/plenaries/<slug>/", "regions of concern",
     lambda: busan().regions_of_concern.all(),
     through(Plenary, "regions_of_concern", "plenary")),
    ("/plenaries/<slug>/", "countries named",
     lambda: busan().countries_named.all(),
     through(Plenary, "countries_named", "plenary")),
    ("/plenaries/<slug>/", "citations",
     lambda: busan().citations.with_source(), IndexOn(Citation, "plenary")),
    ("/plenaries/<slug>/", "annex revisions adopted",
     lambda: busan().annex_revisions.all(), IndexOn(AnnexRevision, "adopted_at")),
    ("/plenaries/<slug>/", "events",
     lambda: busan().events.all(), IndexOn(Event, "plenary")),
    ("/plenaries/<slug>/", "documents reporting on it",
     lambda: busan().reported_by.all(), IndexOn(SourceDocument, "plenary")),
    ("/plenaries/<slug>/", "the previous and next plenaries",
     lambda: Plenary.objects.around(plenary()), "plenary_start_idx"),
    # The chairs, a page of 50, and the page holding a term a link names.
    ("/chairs/", "country", lambda: listed(ChairmanshipListView, country="japan"),
     through(Chairmanship, "countries", "country")),
    ("/chairs/", "year range",
     lambda: listed(ChairmanshipListView, year_from=2000, year_to=2005),
     "plenary_start_idx"),
    ("/chairs/", "citations (prefetch)",
     lambda: prefetched(listed(ChairmanshipListView, country="japan"), "citations"),
     IndexOn(Citation, "chairmanship")),
    ("/chairs/", "an entry by slug",
     lambda: Chairmanship.objects.filter(slug="2016-republic-of-korea"),
     IndexOn(Chairmanship, "slug")),
    ("/chairs/", "the terms before an entry",
     lambda: Chairmanship.objects.listed_before("2016-republic-of-korea"),
     "plenary_start_idx"),
    # The sources (a page of 50) and a source's page.
    ("/sources/", "in publication order",
     lambda: listed(SourceListView), "source_published_idx"),
    ("/sources/", "kind, in publication order",
     lambda: listed(SourceListView, kind="overview"),
     # The kind is not indexed (a handful of kinds): the planner may read the
     # documents in publication order or by plenary and sort them.
     ("source_published_idx", IndexOn(SourceDocument, "plenary"))),
    ("/sources/<slug>/", "by slug",
     lambda: detail(SourceDetailView, "busan-2016-statement"),
     IndexOn(SourceDocument, "slug")),
    ("/sources/<slug>/", "citations (prefetch)",
     lambda: prefetched(detail(SourceDetailView, "busan-2016-statement"), "citations"),
     IndexOn(Citation, "source")),
    # Partners, adherents and a country's page.
    ("/members/", "joined in a year range",
     lambda: listed(MembershipListView, year_from=2000, year_to=2005),
     # Joined from (the earliest day) and to (the latest): either bound serves.
     ("membership_since_earliest_idx", "membership_since_latest_idx")),
    ("/members/", "partners on a day",
     lambda: listed(MembershipListView, on=FOUNDERS_DAY.isoformat()),
     "membership_since_earliest_idx"),
    ("/members/", "citations (prefetch)",
     lambda: prefetched(listed(MembershipListView), "citations"),
     IndexOn(Citation, "membership")),
    ("/adherents/", "kind",
     lambda: listed(AdherenceListView, kind="formal"), "adherence_kind_idx"),
    ("/adherents/", "citations (prefetch)",
     lambda: prefetched(listed(AdherenceListView), "citations"),
     IndexOn(Citation, "adherence")),
    ("/members/<slug>/", "by slug",
     lambda: detail(CountryDetailView, "japan"), IndexOn(Country, "slug")),
    ("/members/<slug>/", "partnership (joined)",
     lambda: detail(CountryDetailView, "japan"), "one_membership_per_country"),
    ("/members/<slug>/", "how many plenaries name it (counted with it)",
     lambda: detail(CountryDetailView, "japan"),
     through(Plenary, "countries_named", "country")),
    ("/members/<slug>/", "how many terms it held (counted with it)",
     lambda: detail(CountryDetailView, "japan"),
     through(Chairmanship, "countries", "country")),
    ("/members/<slug>/", "adherences (prefetch)",
     lambda: prefetched(detail(CountryDetailView, "pakistan"), "adherences"),
     IndexOn(Adherence, "country")),
    # Each list's latest rows: read off the list's key, or off the plenaries'
    # dates, newest first, until enough are found; the planner's choice. The
    # host's own plenaries are indexed by host and date, and read in that order.
    ("/members/<slug>/", "latest plenaries hosted",
     lambda: country_list("japan", "hosted"), "plenary_host_start_idx"),
    ("/members/<slug>/", "latest chairs held",
     lambda: country_list("japan", "chairs"),
     through(Chairmanship, "countries", "country")),
    ("/members/<slug>/", "latest plenaries naming it",
     lambda: country_list("japan", "named"),
     (through(Plenary, "countries_named", "country"), "plenary_start_idx")),
    ("/members/<slug>/", "latest plenaries concerned by it",
     lambda: country_list("iran", "concerned"),
     (through(Plenary, "countries_of_concern", "country"), "plenary_start_idx")),
    # The Annex revisions, a page of 50, and the page holding a revision.
    ("/annex/", "year range",
     lambda: listed(AnnexRevisionListView, year_from=2000, year_to=2005),
     "annex_date_idx"),
    ("/annex/", "citations (prefetch)",
     lambda: prefetched(
         listed(AnnexRevisionListView, year_from=2000, year_to=2005), "citations"),
     IndexOn(Citation, "annex_revision")),
    ("/annex/", "an entry by slug",
     lambda: AnnexRevision.objects.filter(slug="annex-2018-11"),
     IndexOn(AnnexRevision, "slug")),
    ("/annex/", "the revisions before an entry",
     lambda: AnnexRevision.objects.listed_before("annex-2018-11"), "annex_date_idx"),
    # The regime on a day (research): also the partners on a plenary's page.
    ("/on/<day>/", "partners",
     lambda: Membership.objects.on(FOUNDERS_DAY).with_country(),
     "membership_since_latest_idx"),
    ("/on/<day>/", "the chair", lambda: Chairmanship.objects.held_on(DAY),
     "plenary_start_idx"),
    ("/on/<day>/", "the Annex in force",
     lambda: AnnexRevision.objects.in_force_on(DAY)[:1], "annex_date_idx"),
    ("/on/<day>/", "the last plenary",
     lambda: Plenary.objects.on_or_before(DAY).order_by("-start_date")[:1],
     "plenary_start_idx"),
    # Search: the passages matching the words, in any kind of record or in one.
    ("/search/", "words",
     lambda: SearchEntry.objects.search("missile technology").matches,
     "search_entry_vector_gin"),
    ("/search/", "words in one kind of record",
     lambda: SearchEntry.objects.filter(kind="plenary").search("missile").matches,
     "search_entry_vector_gin"),
    # The trends quote a few plenaries' passages, read by record.
    ("/trends/?q=", "the quoted plenaries' passages",
     lambda: SearchEntry.objects.plenary_texts()
     .filter(key__in=["2011-buenos-aires", "2016-busan"])
     .order_by("key", "field", "position"),
     "search_entry_field_key_idx"),
]  # fmt: skip
