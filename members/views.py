"""Pages for partners, adherents and each country."""

from django.db.models import F, Prefetch
from django.views.generic import DetailView
from django_filters.views import FilterView

from core.charts import growth_svg
from core.exports import ExportMixin
from core.listing import ClampedPaginationMixin, Listed
from core.metadata import CitableMixin
from evidence.models import Citation

from .filters import AdherenceFilter, MembershipFilter
from .metadata import country_metadata
from .models import Adherence, Country, Membership
from .on import partners_on
from .rows import ADHERENT_ORDER, ADHERENT_ROWS, EVIDENCE_ORDER, PARTNER_ROWS

# The evidence of a partnership or an adherence, as the rows list it. The source
# line shows a document's title, not its text (a long one).
EVIDENCE = Citation.objects.with_source_line().order_by(*EVIDENCE_ORDER)
CITATIONS = Prefetch("citations", queryset=EVIDENCE)
# A country page lists the latest plenaries and chairs of each kind, with how many
# there are and a link to them all. More than any country has in the real archive
# (seven at most), which the page lists whole.
LISTED = 10


class MembershipListView(ExportMixin, ClampedPaginationMixin, FilterView):
    model = Membership
    filterset_class = MembershipFilter
    paginate_by = 100
    template_name = "members/membership_list.html"
    export_name = "mtcr-partners"
    export_rows = PARTNER_ROWS

    def get_queryset(self):
        return super().get_queryset().with_country().prefetch_related(CITATIONS)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = context["filter"]
        day = getattr(filterset.form, "cleaned_data", {}).get("on")
        context["day"] = day
        if day:
            context["partners_on"] = partners_on(day)
            context["adherents_on"] = list(
                Adherence.objects.on(day).with_country().order_by("country__name")
            )
        intervals = list(
            Membership.objects.values_list("since_earliest", "since_latest")
        )
        context["growth_chart"] = growth_svg(intervals)
        context["partner_total"] = len(intervals)
        return context


class AdherenceListView(ExportMixin, ClampedPaginationMixin, FilterView):
    model = Adherence
    filterset_class = AdherenceFilter
    paginate_by = 100
    template_name = "members/adherence_list.html"
    export_name = "mtcr-adherents"
    export_rows = ADHERENT_ROWS

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .with_country()
            .prefetch_related(CITATIONS)
            .order_by(*ADHERENT_ORDER)
        )


class CountryDetailView(CitableMixin, DetailView):
    model = Country
    template_name = "members/country_detail.html"
    context_object_name = "country"

    def get_metadata(self):
        return country_metadata(self.object)

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .with_record_counts()
            .select_related("membership")
            .prefetch_related(
                Prefetch("membership__citations", queryset=EVIDENCE),
                Prefetch(
                    "adherences",
                    queryset=Adherence.objects.order_by("kind").prefetch_related(
                        CITATIONS
                    ),
                ),
            )
        )

    def lists(self, country):
        """The country's plenaries and chairs, each kind latest first (counted by
        Country.objects.with_record_counts)."""
        return {
            "hosted": country.plenaries_hosted.for_links().order_by("-start_date"),
            "chairs": country.chairmanships.for_links().order_by(
                F("start_plenary__start_date").desc(nulls_last=True), "-slug"
            ),
            "named": country.plenaries_naming.for_links().order_by("-start_date"),
            "concerned": country.plenaries_concerned.for_links().order_by(
                "-start_date"
            ),
        }

    def get_context_data(self, **kwargs):
        country = self.object
        try:
            membership = country.membership
        except Membership.DoesNotExist:
            membership = None
        lists = {
            name: Listed(rows[:LISTED], getattr(country, f"{name}_count"))
            for name, rows in self.lists(country).items()
        }
        return super().get_context_data(membership=membership, **lists, **kwargs)
