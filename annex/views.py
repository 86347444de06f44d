"""The Annex revisions as a timeline."""

from django_filters.views import FilterView

from core.exports import ExportMixin
from core.listing import EntryPaginationMixin
from core.metadata import CitableEntryMixin

from .filters import AnnexRevisionFilter
from .metadata import revision_metadata
from .models import AnnexRevision
from .rows import REVISION_ROWS


class AnnexRevisionListView(
    CitableEntryMixin, ExportMixin, EntryPaginationMixin, FilterView
):
    """The revisions, a page of 50 (the whole of the real archive): entries are
    linked to by anchor, on the page ?entry= opens."""

    model = AnnexRevision
    filterset_class = AnnexRevisionFilter
    paginate_by = 50
    template_name = "annex/annexrevision_list.html"
    export_name = "mtcr-annex-revisions"
    export_rows = REVISION_ROWS

    def get_queryset(self):
        return super().get_queryset().for_list()

    def entry_metadata(self, row):
        return revision_metadata(row)
