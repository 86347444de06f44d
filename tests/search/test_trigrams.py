"""SQLite's trigram index narrows the substring search and changes none of its
answers: the same records, passages and ranks as reading every passage."""

import pytest
from django.db import connection
from django.db.models import Q

from search import index, trigrams
from search.models import SearchEntry

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not trigrams.supported(connection),
        reason="the trigram index is SQLite's (PostgreSQL has its GIN index)",
    ),
]

QUERIES = [
    "intangible technology",
    "intangible technologies",
    "Busan",
    "BUSAN statement",
    "missile -ballistic",
    "catch-all controls",
    "non-proliferation",
    # Two letters: too short for a trigram, searched as before.
    "UN",
    "UN resolutions",
    # A phrase narrows nothing (its regular expression folds case otherwise).
    '"ballistic missile"',
    '"ballistic missile" Korea',
    "İstanbul",
    "hoverboard",
]


def every_hit(query):
    """Every passage matched, with its rank, and the records as listed."""
    results = SearchEntry.objects.search(query)
    if results.matches is None:
        return None
    passages = sorted(results.matches.values_list("id", "rank"))
    listed = [(e.kind, e.key, e.position) for e in results[: results.count()]]
    return passages, listed


@pytest.mark.parametrize("query", QUERIES)
def test_narrowed_by_the_index_the_search_finds_what_reading_every_passage_finds(
    texts, monkeypatch, query
):
    narrowed = every_hit(query)
    monkeypatch.setattr(trigrams, "supported", lambda connection: False)
    assert narrowed == every_hit(query)


def test_the_search_reads_the_trigram_index(texts):
    results = SearchEntry.objects.search("intangible technology")
    sql, params = results.ranking(0, 20)
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = " ".join(row[-1] for row in cursor.fetchall())
    assert f"{trigrams.TABLE} VIRTUAL TABLE" in plan
    assert "USING INTEGER PRIMARY KEY" in plan
    assert {"2013-rome", "2014-oslo"} <= {entry.key for entry in results[:20]}


def test_the_index_holds_the_entries_of_the_last_rebuild(texts, zeppelin_seminar):
    def indexed(word):
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT COUNT(*) FROM {trigrams.TABLE} WHERE {trigrams.TABLE} "
                "MATCH %s",
                [word],
            )
            return cursor.fetchone()[0]

    assert indexed("airships") == 0
    zeppelin_seminar.save()
    index.rebuild()
    assert indexed("airships") == 1
    either = Q(text__icontains="intangible") | Q(title__icontains="intangible")
    assert indexed("intangible") == SearchEntry.objects.filter(either).count()
