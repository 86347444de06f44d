"""The rows of the source list, as the API gives them; a source's own API answer
starts from its row. And the row of a citation, as the API's details list them."""

from core.exports import CHUNK_SIZE, Rows

from .models import SourceDocument


def source_row(source, absolute):
    """The row of one source (its plenary read with it)."""
    return {
        "slug": source.slug,
        "file_name": source.file_name,
        "title": source.title,
        "kind": source.kind,
        "publisher": source.publisher,
        "published": source.published,
        "published_precision": source.published_precision,
        "published_edtf": source.published_edtf,
        "original_url": source.url,
        "plenary": source.plenary.slug if source.plenary else None,
        "url": absolute(source.get_absolute_url()),
    }


def source_rows(sources, absolute):
    for source in sources.iterator(chunk_size=CHUNK_SIZE):
        yield source_row(source, absolute)


def source_records():
    """The sources with the columns their rows read: not their texts, which are
    long, and of their plenaries only the slugs."""
    return SourceDocument.objects.select_related("plenary").only(
        "slug", "file_name", "title", "kind", "publisher", "published",
        "published_precision", "url", "plenary__slug",
    )  # fmt: skip


SOURCE_FIELDS = (
    "slug", "file_name", "title", "kind", "publisher", "published",
    "published_precision", "published_edtf", "original_url", "plenary", "url",
)  # fmt: skip

SOURCE_ROWS = Rows(
    fields=SOURCE_FIELDS,
    records=source_records,
    build=source_rows,
)


def citation_row(citation):
    """A citation, its source read with it (`Citation.objects.with_source_line()`)."""
    return {
        "source": citation.source.slug,
        "source_title": citation.source.title,
        "passage": citation.passage,
        "field": citation.field,
        "claim": citation.claim,
        "is_followed": citation.is_followed,
    }
