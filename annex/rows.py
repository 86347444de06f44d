"""The rows of the Annex revision list, as its export and the API give them."""

from core.exports import CHUNK_SIZE, Rows, evidence, grouped
from evidence.models import Citation

from .models import AnnexRevision


def revision_rows(revisions, absolute):
    # The evidence in the order of the page's prefetch: the citations' own.
    passages = grouped(
        Citation.objects.passages_of("annex_revision", revisions.values("pk"))
    )
    for revision in revisions.iterator(chunk_size=CHUNK_SIZE):
        yield {
            "slug": revision.slug,
            "date": revision.date,
            "date_precision": revision.date_precision,
            "date_display": revision.date_display,
            "date_edtf": revision.date_edtf,
            "summary": revision.summary,
            "description": revision.description,
            "adopted_at": revision.adopted_at_slug or "",
            "adopted_at_inferred": revision.adopted_at_inferred,
            "meeting": revision.meeting,
            "evidence": evidence(passages.get(revision.pk, ())),
            "url": absolute(AnnexRevision.url_for(revision.slug)),
        }


REVISION_FIELDS = (
    "slug", "date", "date_precision", "date_display", "date_edtf", "summary",
    "description",
    "adopted_at", "adopted_at_inferred", "meeting", "evidence", "url",
)  # fmt: skip

REVISION_ROWS = Rows(
    fields=REVISION_FIELDS,
    records=AnnexRevision.objects.for_export,
    build=revision_rows,
)
