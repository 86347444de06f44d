"""/search/: full text over plenaries, events, annex revisions and source documents."""

import json
import re
from urllib.parse import unquote

import pytest
from django.db import connection, transaction
from django.urls import reverse

from plenaries.models import Event
from search import index
from search.models import VECTOR_INDEX, SearchEntry
from search.query import MAX_QUERY_LENGTH

pytestmark = pytest.mark.django_db

URL = reverse("search:results")


def search(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response


def found(response, kind=None):
    return [
        hit.entry.key
        for hit in response.context["hits"]
        if kind is None or hit.entry.kind == kind
    ]


def test_intangible_technology_finds_the_oslo_and_rome_plenaries(client, texts):
    response = search(client, q="intangible technology")
    plenaries = found(response, "plenary")
    assert {"2013-rome", "2014-oslo"} <= set(plenaries)
    # Their summaries speak of nothing else: they rank above the long statements.
    assert plenaries[:2] in (["2013-rome", "2014-oslo"], ["2014-oslo", "2013-rome"])
    assert "nti-mtcr-overview" in found(response, "source")


def test_a_word_in_a_title_ranks_its_record_first(client, texts):
    keys = found(search(client, q="Busan"))
    assert set(keys[:2]) == {"2016-busan", "busan-2016-statement"}


def test_words_match_in_other_forms(client, texts):
    """'technologies' finds the passages that say 'technology'."""
    assert {"2013-rome", "2014-oslo"} <= set(
        found(search(client, q="intangible technologies"), "plenary")
    )


def test_a_quoted_phrase_matches_only_those_words_in_that_order(client, texts):
    keys = found(search(client, q='"intangible technology transfers"'), "plenary")
    assert "2013-rome" in keys
    # Buenos Aires 2011 says "intangible technology, brokering": not the phrase.
    assert "2011-buenos-aires" not in keys
    assert "2011-buenos-aires" in found(
        search(client, q="intangible technology"), "plenary"
    )


def test_a_word_after_a_minus_excludes_the_records_that_have_it(client, texts):
    keys = found(search(client, q="intangible -Oslo"), "plenary")
    assert "2013-rome" in keys
    assert "2014-oslo" not in keys


def test_the_kind_filter_keeps_one_kind_of_record(client, texts):
    response = search(client, q="intangible technology", kind="source")
    assert response.context["hits"]
    assert {hit.entry.kind for hit in response.context["hits"]} == {"source"}


def test_an_unknown_kind_is_ignored_and_said_so(client, texts):
    response = search(client, q="intangible technology", kind="<b>bogus</b>")
    assert "is not a kind of record" in response.content.decode()
    assert "<b>bogus" not in response.content.decode()
    assert {"2013-rome", "2014-oslo"} <= set(found(response, "plenary"))


def test_snippets_mark_the_words_found_and_nothing_else(client, texts):
    response = search(client, q="intangible technology")
    oslo = next(hit for hit in response.context["hits"] if hit.entry.key == "2014-oslo")
    assert "<mark>Intangible</mark> <mark>Technology</mark> Transfers" in oslo.snippet
    assert set(re.findall(r"</?(\w+)", oslo.snippet)) == {"mark"}
    assert str(oslo.snippet) in response.content.decode()


def test_markup_in_the_archive_or_the_query_is_shown_as_text(client, texts):
    rome = texts["plenaries"]["rome"]
    rome.summary += (
        "\n\nPayload <script>alert('x')</script> intangible "
        '<img src=x onerror="alert(1)"> [link](javascript:alert(2)) done.'
    )
    rome.save()
    body = search(client, q="payload intangible").content.decode()
    assert "<mark>Payload</mark>" in body
    assert "<mark>intangible</mark>" in body
    for raw in ("<script", "<img", 'onerror="alert', "javascript:alert(2)"):
        assert raw not in body
    body = search(client, q='<img src=x onerror="alert(3)">').content.decode()
    assert "<img" not in body
    assert "&lt;img src=x onerror=&quot;alert(3)&quot;&gt;" in body


def test_each_result_links_to_its_passage(client, texts):
    response = search(client, q="intangible technology")
    for hit in response.context["hits"]:
        assert hit.url.startswith(hit.entry.url)
        fragment = unquote(hit.url.split(":~:text=", 1)[1])
        start = fragment.split(",")[0]
        assert hit.entry.text.startswith(start)
    rome = next(h for h in response.context["hits"] if h.entry.key == "2013-rome")
    assert rome.url.startswith("/plenaries/2013-rome/#:~:text=On%2014%2D18%20October")
    assert f'href="{rome.url}"' in response.content.decode()


def test_an_edit_reaches_search_without_a_rebuild(client, texts):
    """Saving a record (admin, shell) leaves history; the next search reindexes."""
    assert not found(search(client, q="Hoverboard"))
    oslo = texts["plenaries"]["oslo"]
    oslo.summary += "\n\nPartners discussed hoverboards."
    oslo.save()
    assert found(search(client, q="Hoverboard")) == ["2014-oslo"]
    oslo.delete()
    assert not found(search(client, q="Hoverboard"))


def test_a_record_inserted_in_bulk_without_history_is_found(
    client, texts, zeppelin_seminar
):
    # bulk_create sends no signal and leaves no history row (generate_synthetic
    # and scripts write so): the index still sees the new highest id.
    assert not found(search(client, q="airships"))
    Event.objects.bulk_create([zeppelin_seminar])
    assert found(search(client, q="airships")) == ["2015-zeppelin-seminar"]


def test_a_new_record_is_found_at_once(client, texts, zeppelin_seminar):
    zeppelin_seminar.save()
    response = search(client, q="airships")
    assert found(response) == ["2015-zeppelin-seminar"]
    assert (
        response.context["hits"][0]
        .url.split(":~:")[0]
        .endswith("#event-2015-zeppelin-seminar")
    )


def test_rebuild_is_idempotent(texts):
    first = sorted(SearchEntry.objects.values_list("kind", "key", "position", "text"))
    assert index.rebuild() == len(first)
    again = sorted(SearchEntry.objects.values_list("kind", "key", "position", "text"))
    assert again == first


def test_a_long_query_is_cut_and_said_so(client, texts):
    response = search(client, q="intangible technology " + "x" * 3000)
    assert len(response.context["query"]) <= MAX_QUERY_LENGTH
    assert "only its beginning was searched" in response.content.decode()


def test_page_numbers_out_of_range_show_the_nearest_page(client, texts):
    for page, expected in [("9999", 1), ("-1", 1), ("abc", 1), ("1", 1)]:
        response = search(client, q="MTCR", page=page)
        assert response.context["page_obj"].number == expected
        assert response.context["hits"]


def outreach_missions(count=25):
    for number in range(count):
        Event.objects.create(
            slug=f"outreach-{number}",
            kind=Event.Kind.OUTREACH,
            title=f"Outreach mission {number}",
            description="The MTCR Chair visited a non-partner.",
            date=f"20{number:02}-03-01",
        )


def test_pages_keep_the_query(client, texts):
    outreach_missions()
    response = search(client, q="the MTCR")
    assert response.context["page_obj"].paginator.num_pages > 1
    assert 'href="?q=the+MTCR&amp;page=2"' in response.content.decode()
    second = search(client, q="the MTCR", page=2)
    first_keys = set(found(response))
    assert second.context["hits"]
    assert not first_keys & set(found(second))


def test_no_match_says_so(client, texts):
    response = search(client, q="zeppelin", kind="plenary")
    body = response.content.decode()
    assert not response.context["hits"]
    assert "Nothing in the archive matches “zeppelin” among the plenaries" in body
    assert "Search everything" in body


def test_an_empty_query_searches_nothing(client, texts, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = search(client, q="   ")
    assert not response.context["hits"]


def test_stop_words_alone_find_nothing(client, texts):
    assert not found(search(client, q="the of and"))


@pytest.mark.postgres
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the GIN index exists on PostgreSQL"
)
def test_postgresql_searches_through_the_gin_index(texts):
    from django.contrib.postgres.search import SearchQuery

    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        try:
            plan = SearchEntry.objects.filter(
                vector=SearchQuery("intangible", search_type="websearch")
            ).explain()
        finally:
            cursor.execute("SET enable_seqscan = on")
    assert VECTOR_INDEX in plan


def generic_plan(sql, params):
    """The plan PostgreSQL makes for a statement without its parameters' values,
    as for a statement psycopg has prepared, from its sixth run on: every node
    outside the InitPlans (which run once), as JSON text."""
    numbered = iter(range(1, len(params) + 1))
    prepared = re.sub(r"%s", lambda _: f"${next(numbered)}", sql).replace("%%", "%")
    # The values written out: EXECUTE's arguments cannot be bound parameters.
    arguments = connection.ops.compose_sql(", ".join(["%s"] * len(params)), params)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"PREPARE ranking AS {prepared}")
        cursor.execute("SET LOCAL plan_cache_mode = force_generic_plan")
        cursor.execute(f"EXPLAIN (VERBOSE, FORMAT JSON) EXECUTE ranking({arguments})")
        [explained] = cursor.fetchone()[0]
        cursor.execute("DEALLOCATE ranking")

    def outside_initplans(node):
        yield {key: value for key, value in node.items() if key != "Plans"}
        for child in node.get("Plans", []):
            if child.get("Parent Relationship") != "InitPlan":
                yield from outside_initplans(child)

    return json.dumps(list(outside_initplans(explained["Plan"])))


@pytest.mark.postgres
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the text search is PostgreSQL's"
)
def test_the_words_are_parsed_once_per_search_not_once_per_passage(texts):
    """A prepared search, planned without its words, parses them in an InitPlan:
    inline, PostgreSQL would parse them again for every passage it ranks."""
    results = SearchEntry.objects.search("intangible technology")
    plan = generic_plan(*results.ranking(0, 20))
    assert "ts_rank" in plan and "websearch_to_tsquery" not in plan
    assert [entry.key for entry in results[:20]]


def test_each_record_is_found_once_through_its_best_passage(client, texts):
    """The overview speaks of intangible technology in many paragraphs: one hit."""
    response = search(client, q="intangible technology", kind="source")
    keys = found(response)
    assert len(keys) == len(set(keys))
    overview = next(
        hit for hit in response.context["hits"] if hit.entry.key == "nti-mtcr-overview"
    )
    assert "intangible" in overview.entry.text.lower()
    assert "technolog" in overview.entry.text.lower()
    assert response.context["page_obj"].paginator.count == len(keys)


def test_a_statement_passage_links_to_its_numbered_paragraph(client, texts):
    """The plenary page numbers the statement's paragraphs (#p-3); the link uses it."""
    from plenaries.paragraphs import numbered

    response = search(client, q="intangible technology", kind="plenary")
    busan = next(h for h in response.context["hits"] if h.entry.key == "2016-busan")
    anchor = re.search(r"#(p-\d+):~:text=", busan.url)[1]
    paragraph = next(
        p for p in numbered(texts["plenaries"]["busan"].statement) if p.anchor == anchor
    )
    assert "intangible technology" in paragraph.plain
    assert paragraph.plain == busan.entry.text


def test_a_page_number_past_any_database_integer_shows_the_last_page(client, texts):
    outreach_missions()
    response = search(client, q="MTCR", page="9" * 30)
    assert response.context["page_obj"].number == (
        response.context["page_obj"].paginator.num_pages
    )
    assert response.context["hits"]


def test_the_count_and_the_page_come_from_one_query(
    client, texts, django_assert_num_queries
):
    outreach_missions()
    search(client, q="MTCR")  # the index is current from here on
    # stamp of the archive, stamp of the index, the ranked page, its passages
    with django_assert_num_queries(4):
        response = search(client, q="MTCR", page="2")
    assert response.context["page_obj"].number == 2


def test_renaming_a_host_country_reaches_search(client, texts):
    assert not found(search(client, q="Noreg"))
    norway = texts["plenaries"]["oslo"].country
    norway.name = "Noreg"
    norway.save()
    response = search(client, q="Noreg", kind="plenary")
    assert found(response) == ["2014-oslo"]
