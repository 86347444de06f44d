"""The build: every catalogued document read and parsed, the archivist's records
read, and all of it merged (ingest.merge) into the archive's records, each with
its citations. What build_fixtures writes and an editor's review reads.

Where documents disagree the record follows the primary source (the meeting's own
statement or chair's report before an overview; what happened before what was
announced); every claim is kept as a citation, `is_followed` false on the others.
"""

from pathlib import Path

from ingest import names
from ingest.catalogue import read_catalogue, read_text
from ingest.decisions import apply_decisions, read_decisions, source_only
from ingest.documents.chair_report import parse_chair_report
from ingest.documents.overview import parse_overview
from ingest.documents.presentation import parse_presentation
from ingest.documents.statement import StatementError, parse_statement
from ingest.errors import ParseError
from ingest.facts import DocumentFacts
from ingest.merge.annex import merge_annex
from ingest.merge.chairs import merge_chairmanships
from ingest.merge.copies import link_originals
from ingest.merge.events import merge_events
from ingest.merge.partners import merge_adherences, merge_memberships
from ingest.merge.plenaries import merge_plenaries, plenary_of
from ingest.merge.records import Archive, Source
from ingest.merge.witnesses import OWN_STATEMENT, witness_class
from ingest.records import read_records


def read_sources(sources_dir):
    """Every catalogued document, read and parsed, with the editors' decisions of
    sources/decisions/ applied; ParseError names the file.

    A statement from which no meeting can be read is kept, with no facts and the
    reason (`unread_reason`); a malformed catalogue or a file that is not UTF-8
    still stops the build.
    """
    sources = []
    for entry in read_catalogue(sources_dir):
        text = read_text(Path(sources_dir) / entry.file)
        decisions = read_decisions(sources_dir, entry.file)
        sources.append(source_of(entry, text, decisions))
    return sources


def source_of(entry, text, decisions=None):
    """One document (a catalogue Entry, or anything with its attributes) read and
    parsed, the editors' `decisions` applied to what the parser read."""
    source = Source(
        file_name=entry.file,
        slug=names.slugify(Path(entry.file).stem),
        title=entry.title,
        kind=entry.kind,
        publisher=entry.publisher,
        published=entry.published,
        url=entry.url,
        text=text,
        plenary=entry.plenary,
    )
    if source_only(decisions):
        source.facts = DocumentFacts()
        return source
    try:
        facts = parse_document(
            entry.kind,
            text,
            title=entry.title,
            published=entry.published,
            plenary=entry.plenary,
        )
        source.facts = apply_decisions(facts, decisions or {})
    except StatementError as error:
        source.facts = DocumentFacts()
        source.unread_reason = error.unread_reason
    except ParseError as error:
        raise error.in_file(entry.file, text) from None
    return source


def parse_document(kind, text, *, title="", published=None, plenary=""):
    """What the parser for `kind` reads in `text`: a DocumentFacts."""
    if kind == "statement":
        return parse_statement(text, title=title, published=published, slug=plenary)
    if kind == "chair-report":
        if not plenary:
            raise ParseError(
                "a chair's report needs `plenary` in the catalogue", line=None
            )
        return parse_chair_report(text, slug=plenary, title=title, published=published)
    if kind == "overview":
        return parse_overview(text)
    return parse_presentation(text)


def build_archive(sources_dir, extra=()):
    """The whole archive, from the documents in `sources_dir`, the archivist's
    records in its records/ folder (if there is one) and the `extra` Sources
    (documents added in admin, not yet in sources/)."""
    records, notes = read_records(sources_dir)
    archive = Archive(
        sources=read_sources(sources_dir) + records + list(extra), record_notes=notes
    )
    merge_plenaries(archive)
    merge_chairmanships(archive)
    merge_memberships(archive)
    merge_adherences(archive)
    merge_annex(archive)
    merge_events(archive)
    _link_sources(archive)
    link_originals(archive)
    _key_citations(archive)
    return archive


def _link_sources(archive):
    for source in archive.sources:
        if source.plenary:
            if source.unread_reason and archive.plenary(source.plenary) is None:
                source.plenary = ""  # kept unlinked: its reason says why
            elif archive.plenary(source.plenary) is None:
                raise ParseError(
                    f"catalogue names plenary {source.plenary!r}, which no document "
                    "describes",
                    file=source.file_name,
                )
            continue
        # A statement, a chair's report or a copy of one (a cable carrying it)
        # reports on the meeting it does not merely mention.
        own = next((r for r in source.facts.plenaries if not r.is_mention), None)
        if own is not None and witness_class(source) == OWN_STATEMENT:
            plenary = plenary_of(archive, own)
            source.plenary = plenary.slug if plenary else ""
    counts = [
        (source.file_name, source.facts.member_count)
        for source in archive.sources
        if source.facts and source.facts.member_count
    ]
    for source in archive.sources:
        for report in source.facts.plenaries if source.facts else []:
            if report.member_count and report.is_primary:
                counts.append((source.file_name, report.member_count))
    archive.member_counts = [(name, fact.value, fact.passage) for name, fact in counts]


def _key_citations(archive):
    """Deterministic, unique keys: "<file>#<model>/<record>/<field>[/n]"."""
    unique, seen = [], set()
    for citation in archive.citations:
        identity = (
            citation.source,
            citation.model,
            citation.record,
            citation.field,
            citation.passage,
        )
        if identity in seen:
            continue
        seen.add(identity)
        unique.append(citation)
    counts = {}
    for citation in unique:
        base = (
            f"{citation.source}#{citation.model}/{citation.record}/"
            f"{citation.field or 'record'}"
        )
        counts[base] = counts.get(base, 0) + 1
        citation.key = base if counts[base] == 1 else f"{base}/{counts[base]}"
    archive.citations = unique
