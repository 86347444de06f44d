"""The JSON API: the pages' filters and rows, paginated; errors in JSON."""

import json

import pytest

from tests.large_archive import count_queries, grow_archive

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "api, page, query",
    [
        ("/api/plenaries/", "/plenaries/", "year_from=2000"),
        ("/api/plenaries/", "/plenaries/", "has_statement=true&order=newest"),
        ("/api/members/", "/members/", "on=2010-01-01"),
        ("/api/adherents/", "/adherents/", "kind=pledged"),
        ("/api/chairs/", "/chairs/", "q=klerk"),
        ("/api/annex/", "/annex/", "year_from=2016"),
    ],
)
def test_a_list_gives_the_rows_of_the_page_export_with_the_same_filters(
    client, small_archive, api, page, query
):
    """The API and the page's ?format=json agree row for row."""
    answer = client.get(f"{api}?{query}").json()
    export = client.get(f"{page}?{query}&format=json").json()
    assert answer["results"] == export
    assert answer["count"] == len(export)
    assert export, "the filter should select something"


def test_the_timeline_gives_the_home_page_entries_with_its_filters(
    client, small_archive
):
    """Kinds, years and country filter the chronology as on the home page."""
    everything = client.get("/api/timeline/").json()
    kinds = {entry["kind"] for entry in everything["results"]}
    assert {"plenary", "partner", "annex", "event"} <= kinds
    partners = client.get("/api/timeline/?kind=partner&year_from=2010").json()
    assert [(e["kind"], e["date"]) for e in partners["results"]] == [
        ("partner", "2016-06-27")
    ]
    assert partners["filters"] == {"kind": ["partner"], "year_from": "2010"}
    assert "India" in partners["results"][0]["countries"]
    page = client.get("/?kind=partner&year_from=2010")
    assert [e.date.isoformat() for e in page.context["entries"]] == ["2016-06-27"]
    ignored = client.get("/api/timeline/?year_from=abc&kind=nope").json()
    assert set(ignored["ignored"]) == {"year_from", "kind"}
    assert ignored["count"] == everything["count"]


def test_filters_narrow_the_list(client, small_archive):
    everything = client.get("/api/plenaries/").json()
    recent = client.get("/api/plenaries/?year_from=2000").json()
    assert everything["count"] == 2
    assert [p["slug"] for p in recent["results"]] == ["2016-busan"]
    assert recent["filters"] == {"year_from": "2000"}
    hosted = client.get("/api/plenaries/?country=korea").json()
    assert hosted["filters"] == {"country": "korea"}
    assert [p["slug"] for p in hosted["results"]] == ["2016-busan"]


def test_pages_link_to_each_other_and_keep_the_filters(client, small_archive):
    first = client.get("/api/plenaries/?page_size=1&order=newest").json()
    assert first["pages"] == 2
    assert first["previous"] is None
    assert first["next"] == (
        "http://testserver/api/plenaries/?page_size=1&order=newest&page=2"
    )
    second = client.get(first["next"]).json()
    assert second["next"] is None
    assert [p["slug"] for p in first["results"] + second["results"]] == [
        "2016-busan",
        "1993-interlaken",
    ]


@pytest.mark.parametrize(
    "query, status",
    [("page=9999", 404), ("page=-1", 400), ("page=abc", 400), ("page_size=0", 400)],
)
def test_bad_pages_are_json_errors(client, small_archive, query, status):
    response = client.get(f"/api/plenaries/?{query}")
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert response.json()["status"] == status


def test_an_unreadable_filter_is_ignored_and_reported(client, small_archive):
    answer = client.get("/api/plenaries/?year_from=abc&q=" + "x" * 3000).json()
    assert answer["count"] == 2
    assert set(answer["ignored"]) == {"year_from", "q"}


def test_page_size_is_capped(client, small_archive):
    assert client.get("/api/plenaries/?page_size=100000").json()["page_size"] == 200


def test_plenary_detail_has_the_statement_paragraphs_and_citations(
    client, small_archive
):
    answer = client.get("/api/plenaries/2016-busan/").json()
    assert answer["number"] == 30
    assert answer["paragraphs"] == [
        {
            "number": 1,
            "anchor": "p-1",
            "text": "The MTCR Partners held their 30th Plenary Meeting in Busan.",
            "url": "http://testserver/plenaries/2016-busan/#p-1",
        }
    ]
    assert answer["resolutions"] == [2270, 2321]
    claims = {(c["source"], c["claim"], c["is_followed"]) for c in answer["citations"]}
    assert ("nti-mtcr-overview", "October 2016", False) in claims


def test_country_and_source_details(client, small_archive):
    india = client.get("/api/members/india/").json()
    assert india["partnership"]["since"] == "2016-06-27"
    assert [a["kind"] for a in india["adherences"]] == ["pledged"]
    assert india["plenaries_naming"] == ["2016-busan"]
    source = client.get("/api/sources/nti-mtcr-overview/").json()
    assert source["publisher"] == "Nuclear Threat Initiative"
    assert "Missile Technology Control Regime" in source["text"]


@pytest.mark.parametrize(
    "url", ["/api/plenaries/nope/", "/api/members/nope/", "/api/sources/nope/"]
)
def test_unknown_slugs_are_json_404s(client, small_archive, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response.json()["status"] == 404


def test_the_api_is_read_only(client, small_archive):
    assert client.post("/api/plenaries/").status_code == 405
    assert client.post("/api/plenaries/2016-busan/").status_code == 405


def test_docs_page_documents_every_endpoint_with_an_example(client, small_archive):
    response = client.get("/api/")
    assert response.status_code == 200
    for path in [
        "timeline",
        "plenaries",
        "members",
        "adherents",
        "chairs",
        "annex",
        "sources",
    ]:
        assert f"<code>GET /api/{path}/</code>" in response.text
    assert 'href="/api/plenaries/?year_from=2010&amp;year_to=2016"' in response.text
    assert 'href="/api/plenaries/2016-busan/"' in response.text


API_PAGES = [
    "/api/timeline/",
    "/api/plenaries/",
    "/api/plenaries/2016-busan/",
    "/api/members/",
    "/api/members/india/",
    "/api/adherents/",
    "/api/chairs/",
    "/api/annex/",
    "/api/sources/",
    "/api/sources/busan-2016-statement/",
    "/api/",
    "/data/",
    "/data/plenaries.csv",
    "/data/citations.csv",
]


@pytest.mark.slow
def test_queries_do_not_grow_with_the_archive(client, small_archive, no_page_cache):  # noqa: F811
    """Every endpoint runs the same number of queries on an archive ten times the
    real one as on a small one."""
    small = {url: count_queries(client, url) for url in API_PAGES}
    grow_archive(scale=10)
    large = {url: count_queries(client, url) for url in API_PAGES}
    assert large == small
    assert max(small.values()) <= 15


def test_json_is_utf8_and_open_to_any_origin(client, small_archive):
    response = client.get("/api/chairs/")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Piet de Klerk" in response.content.decode("utf-8")
    json.loads(response.content)
