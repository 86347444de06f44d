"""Build the search index from the archive, and keep it in step with it.

`rebuild()` replaces every SearchEntry with passages cut from the live records: the
plenaries (title, summary, statement), events, source documents and annex revisions.
It is idempotent and takes one transaction. `ensure_current()` runs before each
search: it compares a stamp of the archive (row counts and the latest history id of
each searched model, and of countries) with the one stored at the last build and
rebuilds when they differ, so edits made in admin or the shell, and load_archive's
saves, reach search without any signal. Writes that leave neither a count nor a
history row behind (raw `loaddata`, bulk `update()`) must be followed by
`rebuild()`. Calling it at the end of a load spares the first searcher the rebuild.
"""

import html
import logging
import re
import threading

import markdown
import nh3
from django.apps import apps
from django.db import DatabaseError, connections, transaction

from annex.models import AnnexRevision
from core.dates import format_date
from evidence.models import SourceDocument
from members.models import Country
from plenaries.models import Event, Plenary

from .models import SEARCH_CONFIG, VECTOR_INDEX, IndexState, SearchEntry

logger = logging.getLogger(__name__)

MARKDOWN_EXTENSIONS = ["extra", "sane_lists"]  # as core.templatetags.markdown
SEARCHED_MODELS = [Plenary, Event, SourceDocument, AnnexRevision]
# A plenary's passages carry its host country's name: an edit of it counts too.
STAMPED_MODELS = [*SEARCHED_MODELS, Country]
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
SPACES = re.compile(r"\s+")


def plain_text(markdown_text):
    """The words of a Markdown text as a reader sees them, without any markup.

    Rendered as the site renders it (the same extensions), by one reused
    converter: building a converter per paragraph was most of a rebuild's time.
    """
    converter = _markdown_converter()
    cleaned = nh3.clean(converter.reset().convert(markdown_text), tags=set())
    return SPACES.sub(" ", html.unescape(cleaned)).strip()


def _markdown_converter():
    """One converter per thread: a Markdown instance keeps state while it works."""
    if not hasattr(_local, "converter"):
        _local.converter = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS)
    return _local.converter


_local = threading.local()


def without_tags(text):
    """A document's text with the HTML some sources carry (<sup>th</sup>) removed."""
    return SPACES.sub(" ", html.unescape(nh3.clean(text, tags=set()))).strip()


def paragraphs(text, markdown=True):
    """The text's paragraphs as plain text, empty ones left out."""
    for block in PARAGRAPH_BREAK.split(text or ""):
        passage = plain_text(block) if markdown else without_tags(block)
        if passage:
            yield passage


class EntryBuilder:
    """Collects the passages of one record, numbered in reading order."""

    def __init__(self, kind, record, title, date, date_display):
        self.common = {
            "kind": kind,
            "key": record.slug,
            "title": title[:500],
            "url": record.get_absolute_url(),
            "date": date,
            "date_display": date_display,
        }
        self.entries = []

    def add(self, field, weight, passages):
        """Passages are texts, or (text, anchor) where the page marks the passage."""
        for passage in passages:
            text, anchor = passage if isinstance(passage, tuple) else (passage, "")
            self.entries.append(
                SearchEntry(
                    **self.common,
                    field=field,
                    position=len(self.entries),
                    text=text,
                    anchor=anchor,
                    weight=weight,
                )
            )
        return self


def statement_passages(statement):
    """A statement's paragraphs with their anchors (#p-3) when the plenary page
    numbers them (the research app's numbered statement), else plain paragraphs."""
    if not apps.is_installed("research"):
        yield from paragraphs(statement)
        return
    from plenaries.paragraphs import split_paragraphs

    for paragraph in split_paragraphs(statement):
        if paragraph.plain:
            yield paragraph.plain, paragraph.anchor


def plenary_entries(plenary):
    builder = EntryBuilder(
        SearchEntry.Kind.PLENARY,
        plenary,
        str(plenary),
        plenary.start_date,
        plenary.dates_display,
    )
    heading = f"{plenary}: {plenary.place_display}, {plenary.dates_display}."
    if plenary.opened_by:
        heading += f" Opened by {plenary.opened_by}."
    builder.add("title", SearchEntry.Weight.A, [heading])
    builder.add("summary", SearchEntry.Weight.B, paragraphs(plenary.summary))
    builder.add(
        "statement", SearchEntry.Weight.C, statement_passages(plenary.statement)
    )
    return builder.entries


def event_entries(event):
    builder = EntryBuilder(
        SearchEntry.Kind.EVENT, event, event.title, event.date, event.dates_display
    )
    builder.add("title", SearchEntry.Weight.A, [event.title])
    builder.add("description", SearchEntry.Weight.B, paragraphs(event.description))
    return builder.entries


def source_entries(source):
    builder = EntryBuilder(
        SearchEntry.Kind.SOURCE,
        source,
        source.title,
        source.published,
        source.published_display,
    )
    heading = source.title
    if source.publisher:
        heading += f". {source.publisher}"
    builder.add("title", SearchEntry.Weight.A, [heading])
    builder.add("text", SearchEntry.Weight.C, paragraphs(source.text, markdown=False))
    return builder.entries


def annex_entries(revision):
    builder = EntryBuilder(
        SearchEntry.Kind.ANNEX,
        revision,
        str(revision),
        revision.date,
        format_date(revision.date, revision.date_precision),
    )
    builder.add("title", SearchEntry.Weight.A, [f"{revision}: {revision.summary}"])
    builder.add("description", SearchEntry.Weight.B, paragraphs(revision.description))
    return builder.entries


def build_entries(using="default"):
    """Every passage of the archive, as unsaved SearchEntry rows; the passages of
    each record share a document number."""
    records = [
        (plenary_entries, Plenary.objects.using(using).with_place()),
        (event_entries, Event.objects.using(using).all()),
        (source_entries, SourceDocument.objects.using(using).all()),
        (annex_entries, AnnexRevision.objects.using(using).all()),
    ]
    document = 0
    for entries_of, queryset in records:
        for record in queryset:
            document += 1
            for entry in entries_of(record):
                entry.document = document
                yield entry


def archive_stamp(using="default"):
    """The highest id and history id of each searched model, in one query.

    A save or delete through the ORM leaves a history row; a bulk insert (no
    history) raises the highest id. Each is a step down an index, where counting
    rows would read whole tables, on every search, and more of them the larger the
    archive. Only a raw SQL delete goes unseen.
    """
    connection = connections[using]
    quote = connection.ops.quote_name
    parts = []
    for model in STAMPED_MODELS:
        for meta in (model._meta, model.history.model._meta):
            parts.append(
                f"(SELECT MAX({quote(meta.pk.column)}) FROM {quote(meta.db_table)})"
            )
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts))
        return ":".join(str(value) for value in cursor.fetchone())


INSERT_COLUMNS = [
    "kind", "key", "document", "title", "url", "date", "date_display", "field",
    "position", "text", "anchor", "weight",
]  # fmt: skip


def insert_with_vectors(entries, using):
    """PostgreSQL: insert the passages with their vectors computed on the way in:
    the text at its weight, and the record's title at the lowest, so that "Busan
    intangible" finds the Busan statement's passage on intangible technology."""
    table = SearchEntry._meta.db_table
    columns = ", ".join(INSERT_COLUMNS)
    placeholders = ", ".join(["%s"] * len(INSERT_COLUMNS))
    sql = (
        f"INSERT INTO {table} ({columns}, vector) VALUES ({placeholders}, "
        f"setweight(to_tsvector('{SEARCH_CONFIG}'::regconfig, %s), 'D') || "
        f"setweight(to_tsvector('{SEARCH_CONFIG}'::regconfig, %s), %s::\"char\"))"
    )
    rows = [
        [getattr(entry, column) for column in INSERT_COLUMNS]
        + [entry.title, entry.text, entry.weight]
        for entry in entries
    ]
    with connections[using].cursor() as cursor:
        cursor.executemany(sql, rows)
        # Rows inserted in bulk wait in the GIN index's pending list, which every
        # search scans row by row until a vacuum merges it: merge it now, so that
        # searches read the index itself and not a list beside it.
        cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [VECTOR_INDEX])
        cursor.execute(f"ANALYZE {table}")
    return len(rows)


def rebuild(using="default", only_if_stale=False):
    """Replace the whole index with the archive's passages; returns their number.

    With only_if_stale, a worker that waited for another's rebuild does not repeat it.
    """
    with transaction.atomic(using=using):
        state = _locked_state(using)
        stamp = archive_stamp(using)
        if only_if_stale and state.stamp == stamp:
            return None
        SearchEntry.objects.using(using).all().delete()
        if connections[using].vendor == "postgresql":
            count = insert_with_vectors(build_entries(using), using)
        else:
            count = len(
                SearchEntry.objects.using(using).bulk_create(
                    build_entries(using), batch_size=500
                )
            )
        state.stamp = stamp
        state.save(using=using)
    return count


def ensure_current(using="default"):
    """Rebuild the index if the archive changed since it was built.

    Costs two small queries when it is current. If the database refuses the
    rebuild (read-only, locked), search goes on with the index it has.
    """
    stamp = archive_stamp(using)
    stored = IndexState.objects.using(using).values_list("stamp", flat=True).first()
    if stamp == stored:
        return False
    try:
        rebuild(using, only_if_stale=True)
    except DatabaseError:
        logger.exception("Search index could not be rebuilt; using the old one")
        return False
    return True


def _locked_state(using):
    """The state row, locked so that two workers never rebuild at once."""
    state = IndexState.objects.using(using).select_for_update().filter(pk=1).first()
    if state is None:
        state, _ = IndexState.objects.using(using).get_or_create(pk=1)
    return state
