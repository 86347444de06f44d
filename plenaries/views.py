"""Pages for plenaries and chairs."""

from django.views.generic import DetailView
from django_filters.views import FilterView

from core.dates import bounds, format_date
from core.exports import ExportMixin
from core.listing import (
    ClampedPaginationMixin,
    EntryPaginationMixin,
    KeysFirstPaginator,
)
from core.metadata import CitableEntryMixin, CitableMixin
from evidence.claims import by_source, disagreements
from members.models import Adherence
from members.on import partners_on
from plenaries.models import Chairmanship, Plenary

from .filters import ChairmanshipFilter, PlenaryFilter
from .gaps import gaps, with_announcements, year_groups
from .metadata import chair_metadata, plenary_metadata
from .rows import CHAIR_ROWS, PLENARY_ROWS


class PlenaryListView(ExportMixin, ClampedPaginationMixin, FilterView):
    model = Plenary
    filterset_class = PlenaryFilter
    paginate_by = 25
    template_name = "plenaries/plenary_list.html"
    export_name = "mtcr-plenaries"
    export_rows = PLENARY_ROWS

    def get_queryset(self):
        return super().get_queryset().for_list()

    def get_context_data(self, **kwargs):
        """The page's plenaries by year, with the gaps between them (unrecorded
        meetings, years without a plenary) when the list is not filtered."""
        context = super().get_context_data(**kwargs)
        found = []
        if not context["filter"].is_filtered:
            found = with_announcements(gaps(Plenary.objects.date_rows()))
        context["year_groups"] = year_groups(context["page_obj"].object_list, found)
        return context


class PlenaryDetailView(CitableMixin, DetailView):
    model = Plenary
    template_name = "plenaries/plenary_detail.html"

    def get_queryset(self):
        return super().get_queryset().with_place()

    def get_metadata(self):
        return plenary_metadata(self.object)

    def get_context_data(self, **kwargs):
        # One plenary: each relation is one plain query here. For a single row,
        # prefetch_related costs more than the query it runs.
        plenary = self.object
        citations = list(plenary.citations.with_source_line().order_by("field", "pk"))
        terms = list(Chairmanship.objects.begun_or_ended_at(plenary))
        # Partners on the meeting's first day, certainly, possibly or not yet (as
        # the evidence dates each partnership; a first day known to the month or
        # year is any of its days); adherents as the meeting closed (on its
        # opening day where no witness gives its last).
        first_day = bounds(plenary.start_date, plenary.date_precision)
        day = plenary.last_known_day
        previous_plenary, next_plenary = Plenary.objects.neighbours(plenary)
        reports = list(
            plenary.reported_by.select_related("original").defer(
                "text", "original__text"
            )
        )
        return super().get_context_data(
            chair_terms=[term for term in terms if term.start_plenary_id == plenary.pk],
            ended_terms=[term for term in terms if term.end_plenary_id == plenary.pk],
            resolutions=list(plenary.resolutions.all()),
            countries_of_concern=list(plenary.countries_of_concern.all()),
            regions_of_concern=list(plenary.regions_of_concern.all()),
            countries_named=list(plenary.countries_named.all()),
            annex_revisions=list(plenary.annex_revisions.all()),
            events=list(plenary.events.all()),
            reports=reports,
            # The held document the text comes from: a statement or a report.
            statement_source=next(
                (doc for doc in reports if doc.is_primary and doc.held), None
            ),
            # The meeting's statement, or a copy of it, cited but not held: the
            # originals first.
            cited_statements=sorted(
                (doc for doc in reports if not doc.held),
                key=lambda doc: doc.original_id is not None,
            ),
            sources=by_source(citations),
            disagreements=disagreements(citations),
            partners_on=partners_on(*first_day, plenary.date_precision),
            adherents=list(
                Adherence.objects.on(day).with_country().order_by("country__name")
            ),
            close_display=format_date(day, plenary.date_precision),
            previous_plenary=previous_plenary,
            next_plenary=next_plenary,
            **kwargs,
        )


class ChairmanshipListView(
    CitableEntryMixin, ExportMixin, EntryPaginationMixin, FilterView
):
    """The succession of chairs, a page of 50 (the whole of the real archive):
    entries are linked to by anchor, on the page ?entry= opens."""

    model = Chairmanship
    filterset_class = ChairmanshipFilter
    paginate_by = 50
    paginator_class = KeysFirstPaginator  # a term brings two plenaries and hosts
    template_name = "plenaries/chairmanship_list.html"
    export_name = "mtcr-chairs"
    export_rows = CHAIR_ROWS

    def get_queryset(self):
        return super().get_queryset().for_list()

    def entry_metadata(self, row):
        return chair_metadata(row)
