"""Pages for partners, adherents and each country."""

from django.db.models import F, Prefetch
from django.views.generic import DetailView
from django_filters.views import FilterView

from core.charts import growth_svg
from core.exports import CHUNK_SIZE, ExportMixin, evidence, grouped
from core.listing import ClampedPaginationMixin, Listed
from evidence.models import Citation

from .filters import AdherenceFilter, MembershipFilter
from .models import Adherence, Country, Membership

# The evidence of a partnership or an adherence: what the record follows first.
# The source line shows a document's title, not its text (a long one).
EVIDENCE_ORDER = ("-is_followed", "pk")
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
    export_fields = (
        "country", "country_code", "since", "since_precision", "since_is_upper_bound",
        "since_display", "founding", "evidence", "url",
    )  # fmt: skip

    def get_queryset(self):
        return super().get_queryset().with_country().prefetch_related(CITATIONS)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = context["filter"]
        day = getattr(filterset.form, "cleaned_data", {}).get("on")
        context["day"] = day
        if day:
            context["adherents_on"] = list(
                Adherence.objects.on(day).with_country().order_by("country__name")
            )
        since = list(Membership.objects.values_list("since", flat=True))
        context["growth_chart"] = growth_svg(since)
        context["partner_total"] = len(since)
        return context

    def get_export_queryset(self):
        return Membership.objects.for_export()

    def export_rows(self, memberships):
        passages = grouped(
            Citation.objects.passages_of(
                "membership", memberships.values("pk")
            ).order_by(*EVIDENCE_ORDER)
        )
        url = self.absolute_by_slug(lambda slug: Membership(country=Country(slug=slug)))
        for membership in memberships.iterator(chunk_size=CHUNK_SIZE):
            yield {
                "country": membership.country.name,
                "country_code": membership.country.iso_code,
                "since": membership.since,
                "since_precision": membership.since_precision,
                "since_is_upper_bound": membership.since_is_upper_bound,
                "since_display": membership.since_display,
                "founding": membership.founding,
                "evidence": evidence(passages.get(membership.pk, ())),
                "url": url(membership.country.slug),
            }


class AdherenceListView(ExportMixin, ClampedPaginationMixin, FilterView):
    model = Adherence
    filterset_class = AdherenceFilter
    paginate_by = 100
    template_name = "members/adherence_list.html"
    export_name = "mtcr-adherents"
    export_fields = (
        "country", "country_code", "kind", "kind_display", "declared",
        "declared_precision", "declared_is_upper_bound", "declared_display", "ended",
        "evidence", "url",
    )  # fmt: skip

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .with_country()
            .prefetch_related(CITATIONS)
            .order_by("kind", "country__name")
        )

    def get_export_queryset(self):
        return Adherence.objects.for_export().order_by("kind", "country__name")

    def export_rows(self, adherences):
        passages = grouped(
            Citation.objects.passages_of("adherence", adherences.values("pk")).order_by(
                *EVIDENCE_ORDER
            )
        )
        url = self.absolute_by_slug(lambda slug: Adherence(country=Country(slug=slug)))
        for adherence in adherences.iterator(chunk_size=CHUNK_SIZE):
            yield {
                "country": adherence.country.name,
                "country_code": adherence.country.iso_code,
                "kind": adherence.kind,
                "kind_display": adherence.get_kind_display(),
                "declared": adherence.declared,
                "declared_precision": adherence.declared_precision,
                "declared_is_upper_bound": adherence.declared_is_upper_bound,
                "declared_display": adherence.declared_display,
                "ended": adherence.ended,
                "evidence": evidence(passages.get(adherence.pk, ())),
                "url": url(adherence.country.slug),
            }


class CountryDetailView(DetailView):
    model = Country
    template_name = "members/country_detail.html"
    context_object_name = "country"

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
