"""The plenary, chair and source pages, their filters, feed and sitemap."""

import datetime
import json

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from members.models import Country
from tests.factories import (
    ChairmanshipFactory,
    ChairPersonFactory,
    PlenaryFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

LIST = reverse("plenaries:list")


def listed_slugs(response):
    return [plenary.slug for plenary in response.context["page_obj"].object_list]


def test_list_shows_every_plenary_oldest_first(client, small_archive):
    response = client.get(LIST)
    assert response.status_code == 200
    assert listed_slugs(response) == ["1993-interlaken", "2016-busan"]
    assert "30th plenary, Busan 2016" in response.content.decode()


def test_order_newest_puts_the_latest_plenary_first(client, small_archive):
    response = client.get(LIST, {"order": "newest"})
    assert listed_slugs(response) == ["2016-busan", "1993-interlaken"]


def test_year_range_keeps_only_plenaries_begun_in_it(client, small_archive):
    assert listed_slugs(client.get(LIST, {"year_from": 2000})) == ["2016-busan"]
    assert listed_slugs(client.get(LIST, {"year_to": 2000})) == ["1993-interlaken"]


def test_host_country_filter_takes_the_country_slug(client, small_archive):
    response = client.get(LIST, {"country": "switzerland"})
    assert listed_slugs(response) == ["1993-interlaken"]


def test_chair_country_filter_finds_the_plenaries_where_a_term_began(
    client, small_archive
):
    response = client.get(LIST, {"chair_country": "luxembourg"})
    assert listed_slugs(response) == ["1993-interlaken"]


def test_named_and_concern_filters_find_the_plenaries_whose_texts_name_a_country(
    client, small_archive
):
    assert listed_slugs(client.get(LIST, {"named": "india"})) == ["2016-busan"]
    assert listed_slugs(client.get(LIST, {"concern": "dprk"})) == ["2016-busan"]
    # India is named, but never as a concern: not a choice, so ignored and said so.
    response = client.get(LIST, {"concern": "india"})
    assert listed_slugs(response) == ["1993-interlaken", "2016-busan"]
    assert "could not be read and were ignored" in response.content.decode()


def test_each_country_dropdown_offers_the_countries_it_can_find(client, small_archive):
    # What each dropdown should offer, found by joins rather than the page's
    # semi-joins: the countries with a record of that kind, by name.
    wanted = {
        "country": Country.objects.filter(plenaries_hosted__isnull=False),
        "chair_country": Country.objects.filter(
            chairmanships__start_plenary__isnull=False
        ),
        "named": Country.objects.filter(plenaries_naming__isnull=False),
        "concern": Country.objects.filter(plenaries_concerned__isnull=False),
    }
    response = client.get(LIST)
    form = response.context["filter"].form
    for name, countries in wanted.items():
        offered = [value for value, _ in form.fields[name].widget.choices if value]
        expected = list(countries.distinct().values_list("slug", flat=True))
        assert expected and offered == expected, name
    html = response.content.decode()
    assert (
        '<option value="dprk">' in html.split('name="concern"')[1].split("</select>")[0]
    )
    # An export renders no dropdown, and reads no choices.
    with CaptureQueriesContext(connection) as queries:
        client.get(LIST, {"format": "json"})
    assert not [query for query in queries if "EXISTS" in query["sql"]]


def test_statement_and_resolution_filters(client, small_archive):
    assert listed_slugs(client.get(LIST, {"has_statement": "true"})) == ["2016-busan"]
    assert listed_slugs(client.get(LIST, {"has_statement": "false"})) == [
        "1993-interlaken"
    ]
    assert listed_slugs(client.get(LIST, {"resolution": 2270})) == ["2016-busan"]
    assert listed_slugs(client.get(LIST, {"resolution": 1540})) == []


def test_text_filter_searches_statement_and_summary(client, small_archive):
    assert listed_slugs(client.get(LIST, {"q": "india joined"})) == ["2016-busan"]
    assert listed_slugs(client.get(LIST, {"q": "interlaken"})) == ["1993-interlaken"]


def test_a_year_that_is_not_a_number_is_ignored_and_reported(client, small_archive):
    response = client.get(LIST, {"year_from": "abc"})
    assert response.status_code == 200
    assert listed_slugs(response) == ["1993-interlaken", "2016-busan"]
    assert "could not be read and were ignored" in response.content.decode()


def test_an_unknown_country_is_ignored_and_reported(client, small_archive):
    response = client.get(LIST, {"country": "atlantis", "year_from": 2000})
    assert response.status_code == 200
    assert listed_slugs(response) == ["2016-busan"]
    assert "Host country" in response.content.decode()


def test_a_3000_character_query_is_refused_politely(client, small_archive):
    response = client.get(LIST, {"q": "x" * 3000})
    assert response.status_code == 200
    assert "could not be read and were ignored" in response.content.decode()


def test_page_numbers_out_of_range_show_the_nearest_page(client, small_archive):
    PlenaryFactory.create_batch(30)
    last = client.get(LIST, {"page": 9999})
    assert last.status_code == 200
    assert last.context["page_obj"].number == 2
    first = client.get(LIST, {"page": -1})
    assert first.context["page_obj"].number == 1
    assert client.get(LIST, {"page": "two"}).context["page_obj"].number == 1
    assert client.get(LIST, {"page": "last"}).context["page_obj"].number == 2


def test_pagination_links_keep_the_filters(client, small_archive):
    PlenaryFactory.create_batch(30)
    response = client.get(LIST, {"year_from": 2017})
    assert response.context["page_obj"].paginator.count == 30
    assert "?year_from=2017&amp;page=2" in response.content.decode()


def test_an_empty_result_says_so_and_offers_to_clear_the_filters(client, small_archive):
    response = client.get(LIST, {"year_from": 2100})
    html = response.content.decode()
    assert "Nothing matches these filters" in html
    assert f'href="{LIST}">Clear the filters' in html


def test_json_export_holds_exactly_the_filtered_rows_not_one_page(
    client, small_archive
):
    PlenaryFactory.create_batch(30)
    response = client.get(LIST, {"year_from": 2000, "format": "json"})
    rows = json.loads(response.content)
    assert response["Content-Type"] == "application/json"
    assert len(rows) == 31
    busan = next(row for row in rows if row["slug"] == "2016-busan")
    assert busan["number"] == 30
    assert busan["city"] == "Busan"
    assert busan["country"] == "Korea"
    assert busan["start_date"] == "2016-10-17"
    assert busan["end_date"] == "2016-10-21"
    assert busan["date_precision"] == "day"
    assert busan["url"] == "http://testserver/plenaries/2016-busan/"
    assert busan["chairs"] == []


def test_json_export_lists_the_people_of_the_chair_begun_at_the_meeting(
    client, small_archive
):
    rows = json.loads(client.get(LIST, {"format": "json"}).content)
    interlaken = next(row for row in rows if row["slug"] == "1993-interlaken")
    assert interlaken["chairs"] == ["Ambassador Piet de Klerk", "Jean-Louis Wolzfeld"]
    assert interlaken["chair_countries"] == ["Luxembourg", "Netherlands"]


def test_detail_shows_the_meeting_and_its_record(client, small_archive):
    response = client.get("/plenaries/2016-busan/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>30th plenary, Busan 2016</h1>" in html
    assert "17–21 October 2016" in html
    assert "Yun Byung-se, Minister of Foreign Affairs" in html
    assert "The MTCR Partners held their <strong>30th</strong> Plenary" in html
    assert "UNSCR 2270" in html and "UNSCR 2321" in html
    assert "Northeast Asia" in html
    assert "Annex revision, October 2016" in html
    assert 'rel="prev" href="/plenaries/1993-interlaken/"' in html


def test_dates_known_only_to_the_month_are_shown_at_that_precision(
    client, small_archive
):
    html = client.get("/plenaries/1993-interlaken/").content.decode()
    assert "November–December 1993" in html
    assert "1 November 1993" not in html
    assert "On the meeting's first day (November 1993)" in html


def test_the_statement_is_sanitized(client, small_archive):
    plenary = small_archive["plenary"]
    plenary.statement = 'Text <script>alert("x")</script> <a href="javascript:x">y</a>'
    plenary.save()
    html = client.get(plenary.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert "javascript:x" not in html


def test_disagreeing_sources_are_both_shown_and_the_followed_one_marked(
    client, small_archive
):
    html = client.get("/plenaries/2016-busan/").content.decode()
    section = html.split("Where the sources disagree", 1)[1].split("</section>", 1)[0]
    # Both claims, as a reader says them; the followed one first and marked.
    assert section.index("<strong>17-21 October 2016</strong>") < section.index(
        "<strong>October 2016</strong>"
    )
    assert section.count("followed here") == 1
    assert "Busan, 17-21 October 2016" in section
    assert "in October 2016 in Busan" in section


def test_the_partners_on_the_day_of_the_meeting_are_listed(client, small_archive):
    response = client.get("/plenaries/2016-busan/")
    on = response.context["partners_on"]
    assert on.day == datetime.date(2016, 10, 17)
    assert [m.country.name for m in on.certain] == ["India", "Korea"]
    assert (on.possible, on.not_yet) == ([], [])
    early = client.get("/plenaries/1993-interlaken/")
    on = early.context["partners_on"]
    assert (on.day, on.last_day) == (
        datetime.date(1993, 11, 1),
        datetime.date(1993, 11, 30),
    )
    assert (on.certain, on.possible) == ([], [])
    assert sorted(m.country.name for m in on.not_yet) == ["India", "Korea"]


def test_a_plenary_page_has_a_canonical_link_and_a_cite_block(client, small_archive):
    html = client.get("/plenaries/2016-busan/").content.decode()
    assert (
        '<link rel="canonical" href="http://testserver/plenaries/2016-busan/">' in html
    )
    assert "Cite this page" in html
    assert "“30th plenary, Busan 2016.” <cite>MTCR Plenary Archive</cite>" in html


def test_an_unknown_slug_is_a_404_with_the_sites_own_page(client, small_archive):
    response = client.get("/plenaries/2099-atlantis/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'class="site-nav"' in html


def test_chairs_page_lists_terms_with_people_and_joint_chairs_marked(
    client, small_archive
):
    response = client.get(reverse("plenaries:chairs"))
    html = response.content.decode()
    assert 'id="2015-netherlands-luxembourg"' in html
    assert "Ambassador Piet de Klerk" in html
    assert '<span class="badge">joint</span>' in html


def test_chairs_filter_by_country_and_export_csv(client, small_archive):
    solo = ChairmanshipFactory(
        slug="2016-korea", start_plenary=small_archive["plenary"]
    )
    ChairPersonFactory(chairmanship=solo, name="Lee Sang-hwa")
    url = reverse("plenaries:chairs")
    response = client.get(url, {"country": "korea"})
    assert [t.slug for t in response.context["object_list"]] == ["2016-korea"]
    csv = client.get(url, {"country": "korea", "format": "csv"}).content.decode()
    lines = csv.strip().splitlines()
    assert lines[0].startswith("slug,countries,country_codes,joint")
    assert len(lines) == 2 and "Lee Sang-hwa" in lines[1]


def test_year_zero_or_past_9999_is_ignored_not_an_error(client, small_archive):
    for year in ("0", "99999", "1e9", "2016.5"):
        response = client.get(LIST, {"year_from": year})
        assert response.status_code == 200
        assert len(listed_slugs(response)) == 2


def test_with_the_research_tools_the_statement_has_numbered_paragraphs(
    client, small_archive, settings
):
    """Once the research app is installed, the plenary page numbers the statement's
    paragraphs and links to the day, the comparison and the citation."""
    if "research" not in settings.INSTALLED_APPS:
        settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, "research"]
        settings.ROOT_URLCONF = "tests.research.urls"
    html = client.get("/plenaries/2016-busan/").content.decode()
    statement = html.split('<div class="statement">', 1)[1]
    assert 'class="statement-paragraph" id="p-1"' in statement
    assert "<strong>30th</strong>" in statement
    assert 'href="/on/2016-10-17/"' in html
    assert 'href="/cite/plenaries/2016-busan/"' in html


def test_the_plenary_list_is_grouped_by_year(client, small_archive):
    html = client.get(LIST).content.decode()
    assert '<li class="year" id="y1993">' in html
    assert html.index('id="y1993"') < html.index('id="y2016"')
    newest = client.get(LIST, {"order": "newest"}).content.decode()
    assert newest.index('id="y2016"') < newest.index('id="y1993"')


def test_the_server_error_page_renders_without_a_request():
    html = render_to_string("500.html")
    assert "<h1>Something went wrong</h1>" in html
    assert 'href="/"' in html
