"""Copies of a meeting's statement, and the official original each copies.

The written rule. A source is a copy of its meeting's statement where
- a government published it (a statement whose publisher is not the regime),
- it carries the statement (a cable or fact sheet that says so:
  `witnesses.carries_statement`), or
- the archivist's note calls it the same statement as another ("the same
  statement filed under a numbered page title").
Its original is, among the sources on the same meeting, the statement the regime
itself published (publisher MTCR) that is no copy; where the archive has none,
for a copy another government published, the host government's publication of
it (a statement whose publisher names the host country). Otherwise the archive
does not know the original and names none.
"""

import re

from ingest import names
from ingest.merge.witnesses import carries_statement

_SAME_STATEMENT = re.compile(r"\bsame statement\b", re.I)


def _by_regime(source):
    return source.publisher.startswith("MTCR")


def is_copy(source):
    """Whether a source is a copy of its meeting's statement (the rule above)."""
    if carries_statement(source):
        return True
    if source.kind != "statement":
        return False
    return not _by_regime(source) or bool(_SAME_STATEMENT.search(source.note))


def _by_host(source, plenary):
    return plenary.country in names.country_codes(source.publisher)


def _meeting(archive, source):
    """The plenary a copy is of: the one it reports on, else the only one it
    names (a copy the archivist drew a single fact from)."""
    if source.plenary:
        return archive.plenary(source.plenary)
    slugs = {r.slug for r in source.facts.plenaries if r.slug} if source.facts else {}
    return archive.plenary(slugs.pop()) if len(slugs) == 1 else None


def link_originals(archive):
    """Set each copy's `original` (a file name) where the rule finds one, and
    the meeting it is a copy of as the one it reports on."""
    for source in archive.sources:
        if not is_copy(source):
            continue
        plenary = _meeting(archive, source)
        if plenary is None:
            continue
        source.plenary = plenary.slug
        statements = [
            other
            for other in archive.sources
            if other is not source
            and other.plenary == source.plenary
            and other.kind == "statement"
        ]
        original = next(
            (s for s in statements if _by_regime(s) and not is_copy(s)), None
        )
        if original is None and not _by_regime(source):
            if not _by_host(source, plenary):
                original = next((s for s in statements if _by_host(s, plenary)), None)
        source.original = original.file_name if original else ""
