"""SQLite's index for the substring search: FTS5 with the trigram tokenizer.

SQLite has no text search like PostgreSQL's, so search there matches each word
as a substring (LIKE), which reads every passage: at a hundred times the archive,
half of a search's time. A trigram index finds the passages holding a substring
of three or more characters without reading the others; the LIKE conditions then
run on those alone. The index holds the titles and texts of the search entries
(external content: it stores no copy), is created by migration 0007 and refilled
by search.index.rebuild(), the only writer of the entries.
"""

import sqlite3

from django.db.models.expressions import RawSQL

TABLE = "search_entry_trigram"
# The trigram tokenizer came with SQLite 3.34.
MINIMUM_VERSION = (3, 34, 0)
# Shorter substrings match nothing in a trigram index, so they cannot narrow.
SHORTEST = 3


def supported(connection):
    return connection.vendor == "sqlite" and sqlite3.sqlite_version_info >= (
        MINIMUM_VERSION
    )


def create(cursor):
    cursor.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
        "title, text, content='search_searchentry', content_rowid='id', "
        "tokenize='trigram')"
    )
    refill(cursor)


def refill(cursor):
    """Index the search entries as they are now (after a rebuild replaced them)."""
    cursor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')")


def candidates(substrings):
    """The ids of the entries whose title or text holds every substring (any
    case), as a subquery; None when no substring is long enough to narrow.

    Every row that LIKE '%substring%' would match on the title or the text is
    among them: LIKE folds the case of ASCII letters only, the index that of
    every letter, and a substring of a column holds its trigrams in order.
    """
    long_enough = [s for s in substrings if len(s) >= SHORTEST]
    if not long_enough:
        return None
    # Each a quoted string, which FTS5 reads as text, whatever it holds.
    match = " AND ".join('"{}"'.format(s.replace('"', '""')) for s in long_enough)
    return RawSQL(f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s", [match])
