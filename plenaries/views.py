"""Pages for plenaries and chairs."""

from django.views.generic import DetailView
from django_filters.views import FilterView

from core.dates import format_date, format_range
from core.exports import CHUNK_SIZE, ExportMixin, grouped
from core.listing import (
    ClampedPaginationMixin,
    EntryPaginationMixin,
    KeysFirstPaginator,
)
from evidence.claims import by_source, disagreements
from members.models import Adherence, Country, Membership
from plenaries.models import Chairmanship, ChairPerson, Plenary, Resolution

from .filters import ChairmanshipFilter, PlenaryFilter


class PlenaryListView(ExportMixin, ClampedPaginationMixin, FilterView):
    model = Plenary
    filterset_class = PlenaryFilter
    paginate_by = 25
    template_name = "plenaries/plenary_list.html"
    export_name = "mtcr-plenaries"
    export_fields = (
        "number", "slug", "city", "country", "country_code", "start_date",
        "end_date", "date_precision", "dates", "chairs", "chair_countries",
        "has_statement", "resolutions", "url",
    )  # fmt: skip

    def get_queryset(self):
        return super().get_queryset().for_list()

    def get_export_queryset(self):
        return Plenary.objects.for_export()

    def export_rows(self, plenaries):
        # Each list in one query, in the order of the page's prefetches: terms by
        # slug, people by pk, countries by name. Each takes the filters as a
        # subquery (a list of thousands of keys costs more), so none is read when
        # they select nothing: a text search would run in each for nothing.
        if not plenaries.exists():
            return
        selected = plenaries.values("pk")
        # By slug within a plenary, as the model's ordering (by the opening
        # plenary's date, then slug), but without joining the plenaries for it.
        terms = grouped(
            Chairmanship.objects.filter(start_plenary__in=selected)
            .order_by("start_plenary_id", "slug")
            .values_list("start_plenary", "pk")
        )
        people = grouped(
            (term, ChairPerson.name_for(title, name))
            for term, title, name in ChairPerson.objects.filter(
                chairmanship__start_plenary__in=selected
            ).values_list("chairmanship", "title", "name")
        )
        countries = grouped(
            Country.objects.filter(
                chairmanships__start_plenary__in=selected
            ).values_list("chairmanships", "name")
        )
        resolutions = grouped(
            Resolution.objects.filter(plenaries__in=selected).values_list(
                "plenaries", "number"
            )
        )
        url = self.absolute_by_slug(lambda slug: Plenary(slug=slug))
        # Rows as tuples, not instances: a large export would otherwise spend its
        # time building a Plenary for every row it reads a few columns of.
        rows = plenaries.values_list(
            "pk", "number", "slug", "city", "country_name", "country_code",
            "start_date", "end_date", "date_precision", "has_statement",
        ).iterator(chunk_size=CHUNK_SIZE)  # fmt: skip
        for pk, number, slug, city, country, code, start, end, precision, has in rows:
            begun = terms.get(pk, ())
            yield {
                "number": number,
                "slug": slug,
                "city": city,
                "country": country,
                "country_code": code,
                "start_date": start,
                "end_date": end,
                "date_precision": precision,
                "dates": format_range(start, end, precision),
                "chairs": [name for term in begun for name in people.get(term, ())],
                "chair_countries": [
                    name for term in begun for name in countries.get(term, ())
                ],
                "has_statement": has,
                "resolutions": resolutions.get(pk, []),
                "url": url(slug),
            }


class PlenaryDetailView(DetailView):
    model = Plenary
    template_name = "plenaries/plenary_detail.html"

    def get_queryset(self):
        return super().get_queryset().with_place()

    def get_context_data(self, **kwargs):
        # One plenary: each relation is one plain query here. For a single row,
        # prefetch_related costs more than the query it runs.
        plenary = self.object
        citations = list(plenary.citations.with_source_line().order_by("field", "pk"))
        terms = list(Chairmanship.objects.begun_or_ended_at(plenary))
        # Partners and adherents as the meeting closed: a statement issued on its
        # last day names the partners present, some known only "by" that day.
        day = plenary.end_date
        previous_plenary, next_plenary = Plenary.objects.neighbours(plenary)
        return super().get_context_data(
            chair_terms=[term for term in terms if term.start_plenary_id == plenary.pk],
            ended_terms=[term for term in terms if term.end_plenary_id == plenary.pk],
            resolutions=list(plenary.resolutions.all()),
            countries_of_concern=list(plenary.countries_of_concern.all()),
            regions_of_concern=list(plenary.regions_of_concern.all()),
            countries_named=list(plenary.countries_named.all()),
            annex_revisions=list(plenary.annex_revisions.all()),
            events=list(plenary.events.all()),
            reports=list(plenary.reported_by.defer("text")),
            sources=by_source(citations),
            disagreements=disagreements(citations),
            partners=list(Membership.objects.on(day).countries()),
            adherents=list(
                Adherence.objects.on(day).with_country().order_by("country__name")
            ),
            close_display=format_date(day, plenary.date_precision),
            previous_plenary=previous_plenary,
            next_plenary=next_plenary,
            **kwargs,
        )


class ChairmanshipListView(ExportMixin, EntryPaginationMixin, FilterView):
    """The succession of chairs, a page of 50 (the whole of the real archive):
    entries are linked to by anchor, on the page ?entry= opens."""

    model = Chairmanship
    filterset_class = ChairmanshipFilter
    paginate_by = 50
    paginator_class = KeysFirstPaginator  # a term brings two plenaries and hosts
    template_name = "plenaries/chairmanship_list.html"
    export_name = "mtcr-chairs"
    export_fields = (
        "slug", "countries", "country_codes", "joint", "start_plenary",
        "start_date", "end_plenary", "end_date", "people", "url",
    )  # fmt: skip

    def get_queryset(self):
        return super().get_queryset().for_list()

    def get_export_queryset(self):
        return Chairmanship.objects.for_export()

    def export_rows(self, terms):
        # Countries and people in one query each, in the order of the page's
        # prefetches: countries by name, people by pk. As for plenaries, none is
        # read when the filters select nothing.
        if not terms.exists():
            return
        selected = terms.values("pk")
        countries = grouped(
            Country.objects.filter(chairmanships__in=selected).values_list(
                "chairmanships", "name", "iso_code"
            )
        )
        people = grouped(
            (person.chairmanship_id, person)
            for person in ChairPerson.objects.filter(chairmanship__in=selected).only(
                "chairmanship", "title", "name", "position", "role"
            )
        )
        url = self.absolute_by_slug(lambda slug: Chairmanship(slug=slug))
        for term in terms.iterator(chunk_size=CHUNK_SIZE):
            held_by = countries.get(term.pk, [])
            yield {
                "slug": term.slug,
                "countries": [name for name, _ in held_by],
                "country_codes": [code for _, code in held_by],
                "joint": len(held_by) > 1,
                "start_plenary": term.start_plenary_slug or "",
                "start_date": term.start_plenary_date,
                "end_plenary": term.end_plenary_slug or "",
                "end_date": term.end_plenary_date,
                "people": [
                    ", ".join(filter(None, [str(p), p.position, p.role]))
                    for p in people.get(term.pk, ())
                ],
                "url": url(term.slug),
            }
