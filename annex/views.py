"""The Annex revisions as a timeline."""

from django_filters.views import FilterView

from core.exports import CHUNK_SIZE, ExportMixin, evidence, grouped
from core.listing import EntryPaginationMixin
from evidence.models import Citation

from .filters import AnnexRevisionFilter
from .models import AnnexRevision


class AnnexRevisionListView(ExportMixin, EntryPaginationMixin, FilterView):
    """The revisions, a page of 50 (the whole of the real archive): entries are
    linked to by anchor, on the page ?entry= opens."""

    model = AnnexRevision
    filterset_class = AnnexRevisionFilter
    paginate_by = 50
    template_name = "annex/annexrevision_list.html"
    export_name = "mtcr-annex-revisions"
    export_fields = (
        "slug", "date", "date_precision", "date_display", "summary", "description",
        "adopted_at", "meeting", "evidence", "url",
    )  # fmt: skip

    def get_queryset(self):
        return super().get_queryset().for_list()

    def get_export_queryset(self):
        return AnnexRevision.objects.for_export()

    def export_rows(self, revisions):
        # The evidence in the order of the page's prefetch: the citations' own.
        passages = grouped(
            Citation.objects.passages_of("annex_revision", revisions.values("pk"))
        )
        url = self.absolute_by_slug(lambda slug: AnnexRevision(slug=slug))
        for revision in revisions.iterator(chunk_size=CHUNK_SIZE):
            yield {
                "slug": revision.slug,
                "date": revision.date,
                "date_precision": revision.date_precision,
                "date_display": revision.date_display,
                "summary": revision.summary,
                "description": revision.description,
                "adopted_at": revision.adopted_at_slug or "",
                "meeting": revision.meeting,
                "evidence": evidence(passages.get(revision.pk, ())),
                "url": url(revision.slug),
            }
