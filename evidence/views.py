"""The documents the archive holds or cites, and the facts drawn from each."""

from django.db.models import Prefetch
from django.views.generic import DetailView
from django_filters.views import FilterView

from core.listing import ClampedPaginationMixin
from core.metadata import CitableMixin

from .claims import by_passage
from .filters import SourceFilter
from .metadata import source_metadata
from .models import Citation, SourceDocument


class SourceListView(ClampedPaginationMixin, FilterView):
    model = SourceDocument
    filterset_class = SourceFilter
    paginate_by = 50
    template_name = "evidence/source_list.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("plenary__country")
            .defer("text")
            .with_fact_count()
        )


class SourceDetailView(CitableMixin, DetailView):
    model = SourceDocument
    template_name = "evidence/source_detail.html"

    def get_metadata(self):
        return source_metadata(self.object)

    def get_queryset(self):
        citations = Citation.objects.select_related(
            "plenary__country",
            "event",
            "membership__country",
            "adherence__country",
            "annex_revision",
            "chairmanship",
        ).prefetch_related("chairmanship__countries")
        return (
            super()
            .get_queryset()
            .select_related("plenary__country", "original")
            .defer("original__text")
            .prefetch_related(Prefetch("citations", queryset=citations))
        )

    def get_context_data(self, **kwargs):
        citations = list(self.object.citations.all())
        return super().get_context_data(
            citations=citations,
            copies=list(self.object.copies.defer("text")),
            passages=by_passage(citations, self.object.text),
            **kwargs,
        )
