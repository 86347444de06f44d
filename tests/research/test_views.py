"""The research pages on factory records: content, bad input, constant queries."""

import pytest
from django.template import Context, Template

from plenaries.models import Plenary
from search import index as search_index
from tests.factories import PlenaryFactory
from tests.large_archive import count_queries, grow_archive

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_statements(small_archive):
    earlier = PlenaryFactory(
        slug="2015-rotterdam",
        city="Rotterdam",
        start_date=small_archive["plenary"].start_date.replace(year=2015),
        end_date=small_archive["plenary"].end_date.replace(year=2015),
        statement="The MTCR Partners held their **29th** Plenary Meeting in "
        "Rotterdam.\n\nPartners discussed <script>alert(1)</script> outreach.",
    )
    return earlier, small_archive["plenary"]


def test_compare_pairs_paragraphs_and_marks_changes(client, two_statements):
    response = client.get("/plenaries/compare/?a=2015-rotterdam&b=2016-busan")
    assert response.status_code == 200
    page = response.text
    assert 'class="row-reworded"' in page
    assert "<del>29th</del>" in page and "<ins>30th</ins>" in page
    assert 'class="row-dropped"' in page
    assert "<script>" not in page
    assert "Partners discussed outreach." in page


def test_compare_with_only_b_uses_the_previous_statement(client, two_statements):
    response = client.get("/plenaries/compare/?b=2016-busan")
    assert response.context["old"].slug == "2015-rotterdam"
    assert response.context["new"].slug == "2016-busan"


def test_compare_with_itself_shows_no_change(client, two_statements):
    response = client.get("/plenaries/compare/?a=2016-busan&b=2016-busan")
    assert response.context["counts"] == {
        "unchanged": 1,
        "reworded": 0,
        "added": 0,
        "dropped": 0,
    }
    assert "<ins>" not in response.text and "<del>" not in response.text


@pytest.mark.parametrize(
    "query",
    ["a=nope&b=2016-busan", "b=" + "x" * 3000, "a=1993-interlaken&b=2016-busan"],
)
def test_compare_with_an_unknown_or_statementless_plenary_is_404(
    client, two_statements, query
):
    """Interlaken has no statement: like an unknown slug, it is a 404."""
    assert client.get(f"/plenaries/compare/?{query}").status_code == 404


def test_trends_page_for_a_phrase(client, small_archive):
    response = client.get("/trends/?q=Busan")
    assert response.status_code == 200
    assert response.context["trend"].first.plenary.slug == "2016-busan"
    assert "<svg" in response.text
    assert 'id="year-2016"' in response.text
    assert 'href="/plenaries/2016-busan/#p-1"' in response.text


def test_trends_page_lists_resolutions_countries_and_regions(client, small_archive):
    response = client.get("/trends/")
    assert response.status_code == 200
    assert [r.number for r, _, _ in response.context["resolutions"]] == [2270, 2321]
    assert {c.name for c, _, _ in response.context["countries"]} == {
        "DPRK",
        "India",
        "Korea",
    }
    assert [r.name for r, _, _ in response.context["regions"]] == ["Northeast Asia"]


@pytest.mark.parametrize("q", ["x" * 3000, "%%%"])
def test_trends_rejects_a_bad_phrase_without_error(client, small_archive, q):
    """Too long, or without a letter: the form says so, with a 400."""
    response = client.get("/trends/", {"q": q})
    assert response.status_code == 400
    assert 'class="error"' in response.text


def test_trends_shows_a_phrase_with_markup_as_text(client, small_archive):
    response = client.get("/trends/", {"q": "<script>"})
    assert response.status_code == 200
    assert "<script>" not in response.text
    assert "“&lt;script&gt;” through the years" in response.text


def test_on_date_page(client, small_archive):
    response = client.get("/on/2016-10-21/")
    assert response.status_code == 200
    regime = response.context["regime"]
    assert [m.country.name for m in regime.partners] == ["India", "Korea"]
    assert "2 partners" in response.text


@pytest.mark.parametrize(
    "path", ["/on/2011-02-30/", "/on/2011-13-01/", "/on/0000-01-01/"]
)
def test_impossible_dates_are_404(client, small_archive, path):
    assert client.get(path).status_code == 404


def test_on_date_compare(client, small_archive):
    response = client.get("/on/2016-10-21/?compare=2010-01-01")
    assert response.status_code == 200
    changes = response.context["changes"]
    assert [m.country.name for m in changes.joined] == ["India"]
    assert "What changed from 1 January 2010 to 21 October 2016" in response.text


@pytest.mark.parametrize("bad", ["2010-02-30", "yesterday", "2010-01-01x", "9" * 500])
def test_on_date_ignores_an_unreadable_compare_date(client, small_archive, bad):
    response = client.get("/on/2016-10-21/", {"compare": bad})
    assert response.status_code == 200
    assert response.context["bad_compare"]
    assert "could not be read" in response.text


def test_on_form_redirects_to_the_day(client, small_archive):
    response = client.get("/on/", {"date": "2011-04-15", "compare": "2016-10-21"})
    assert response.status_code == 302
    assert response["Location"] == "/on/2011-04-15/?compare=2016-10-21"
    assert client.get("/on/").status_code == 200
    assert client.get("/on/", {"date": "2011-02-30"}).status_code == 400


def test_numbered_statement_tag(research_installed, small_archive):
    """The tag renders numbered, anchored, citable paragraphs."""
    plenary = Plenary.objects.get(slug="2016-busan")
    html = Template("{% load statements %}{% numbered_statement plenary %}").render(
        Context({"plenary": plenary})
    )
    assert 'id="p-1"' in html
    assert "<strong>30th</strong>" in html
    assert 'href="/cite/plenaries/2016-busan/p-1/"' in html


def test_plenary_tools_link_the_day_the_comparison_and_the_citation(small_archive):
    """Every plenary links to its day; one with a statement to a comparison too."""
    render = Template('{% include "research/_plenary_tools.html" %}').render
    busan = Plenary.objects.get(slug="2016-busan")
    html = render(Context({"plenary": busan}))
    assert 'href="/plenaries/compare/?b=2016-busan"' in html
    assert 'href="/on/2016-10-17/"' in html
    assert 'href="/cite/plenaries/2016-busan/"' in html
    interlaken = Plenary.objects.get(slug="1993-interlaken")
    html = render(Context({"plenary": interlaken}))
    assert "compare" not in html
    # Known to the month (in the small archive): no first day a witness gives,
    # so the regime by the end of its last month.
    assert 'href="/on/1993-12-31/"' in html
    assert "The regime by the end of December 1993" in html


# Each page's queries: a fixed number, whatever the archive holds (the chair's
# countries and people are two more queries only on a day someone chaired; the
# trends check that the search index is current, two).
PAGES = [
    ("/plenaries/compare/?b=2016-busan", 2),
    ("/trends/", 7),
    ("/trends/?q=partners", 6),
    ("/on/2016-10-21/", 8),
    ("/on/2016-10-21/?compare=1990-01-01", 18),
    ("/cite/plenaries/2016-busan/", 1),
    ("/cite/plenaries/2016-busan/p-1.bib", 1),
    ("/cite/sources/busan-2016-statement/", 1),
]


@pytest.mark.slow
def test_queries_do_not_grow_with_the_archive(client, small_archive, no_page_cache):  # noqa: F811
    """At most a fixed number of queries per page, on the small archive and on
    one ten times the real archive's size."""
    search_index.rebuild()
    small = {url: count_queries(client, url) for url, _ in PAGES}
    grow_archive(scale=10)
    search_index.rebuild()
    large = {url: count_queries(client, url) for url, _ in PAGES}
    for url, most in PAGES:
        assert small[url] <= most, url
        assert large[url] <= most, url
