"""The Annex revisions as a timeline."""

from django.db.models import Prefetch
from django_filters.views import FilterView

from mtcr_site.exports import ExportMixin, evidence
from plenaries.models import Citation

from .filters import AnnexRevisionFilter
from .models import AnnexRevision


class AnnexRevisionListView(ExportMixin, FilterView):
    """Every revision on one page: entries are linked to by anchor."""

    model = AnnexRevision
    filterset_class = AnnexRevisionFilter
    template_name = "annex/annexrevision_list.html"
    export_name = "mtcr-annex-revisions"
    export_fields = (
        "slug", "date", "date_precision", "date_display", "summary", "description",
        "adopted_at", "meeting", "evidence", "url",
    )  # fmt: skip

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .with_plenary()
            .prefetch_related(
                Prefetch("citations", queryset=Citation.objects.with_source())
            )
        )

    def export_row(self, revision):
        return {
            "slug": revision.slug,
            "date": revision.date,
            "date_precision": revision.date_precision,
            "date_display": revision.date_display,
            "summary": revision.summary,
            "description": revision.description,
            "adopted_at": revision.adopted_at.slug if revision.adopted_at else "",
            "meeting": revision.meeting,
            "evidence": evidence(revision.citations.all()),
            "url": self.absolute(revision),
        }
