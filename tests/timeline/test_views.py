"""The home page: every dated record in one chronology, with its overview chart."""

import datetime
import re

import pytest
from django.urls import reverse

from core.charts import overview_svg
from tests.factories import EventFactory, PlenaryFactory
from tests.large_archive import count_queries, grow_archive
from timeline.chronology import Chronology, Filters, jump_bar
from timeline.kinds import Kind

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

HOME = reverse("timeline:home")


@pytest.fixture
def dated_archive(small_archive):
    """The shared small archive, its outreach event dated as its slug says."""
    small_archive["event"].date = datetime.date(2017, 3, 1)
    small_archive["event"].save()
    return small_archive


def anchors(response):
    return [entry.anchor for entry in response.context["entries"]]


def test_every_kind_of_dated_record_is_in_one_chronology(client, dated_archive):
    response = client.get(HOME)
    assert response.status_code == 200
    assert anchors(response) == [
        "plenary-1993-interlaken",
        "chair-2015-netherlands-luxembourg",
        "partner-korea",
        "adherence-india-pledged",
        "partner-india",
        "plenary-2016-busan",
        "annex-2016-10-annex",
        "event-2017-outreach-asia",
    ]


def test_entries_are_grouped_by_year_with_a_jump_bar(client, dated_archive):
    response = client.get(HOME)
    html = response.content.decode()
    assert [year for year, _ in response.context["years"]] == [
        1993,
        2001,
        2005,
        2016,
        2017,
    ]
    assert response.context["jump"] == [
        (1990, [(1993, "#y1993")]),
        (2000, [(2001, "#y2001"), (2005, "#y2005")]),
        (2010, [(2016, "#y2016"), (2017, "#y2017")]),
    ]
    assert '<li class="year" id="y2016">' in html
    assert '<a href="#y2016">2016</a>' in html


def test_dates_are_shown_at_their_precision(client, dated_archive):
    html = client.get(HOME).content.decode()
    assert "November–December 1993" in html
    assert "March 2017" in html  # the event, known to the month
    assert "17–21 October 2016" in html


def test_newest_first_reverses_the_chronology(client, dated_archive):
    response = client.get(HOME, {"order": "newest"})
    assert anchors(response)[0] == "event-2017-outreach-asia"
    assert anchors(response)[-1] == "plenary-1993-interlaken"
    assert [year for year, _ in response.context["years"]][0] == 2017


def test_kind_filter_keeps_the_chosen_kinds(client, dated_archive):
    response = client.get(HOME + "?kind=plenary&kind=annex")
    assert anchors(response) == [
        "plenary-1993-interlaken",
        "plenary-2016-busan",
        "annex-2016-10-annex",
    ]


def test_year_range_and_country_filters(client, dated_archive):
    assert anchors(client.get(HOME, {"year_from": 2005, "year_to": 2005})) == [
        "adherence-india-pledged"
    ]
    india = anchors(client.get(HOME, {"country": "india"}))
    assert india == ["adherence-india-pledged", "partner-india"]
    korea = anchors(client.get(HOME, {"country": "korea"}))
    assert korea == ["partner-korea", "plenary-2016-busan", "event-2017-outreach-asia"]


def test_text_filter_searches_each_kind(client, dated_archive):
    assert anchors(client.get(HOME, {"q": "Piet de Klerk"})) == [
        "chair-2015-netherlands-luxembourg"
    ]
    assert anchors(client.get(HOME, {"q": "asian"})) == ["event-2017-outreach-asia"]


def test_filters_that_cannot_be_read_are_ignored_and_reported(client, dated_archive):
    response = client.get(
        HOME,
        {"year_from": "abc", "country": "atlantis", "kind": "bogus", "q": "x" * 3000},
    )
    assert response.status_code == 200
    assert len(response.context["entries"]) == 8
    html = response.content.decode()
    assert "could not be read and were ignored" in html
    for label in ("From year", "Country", "Show", "Text"):
        assert f"<strong>{label}</strong>" in html


def test_no_match_says_so_and_offers_to_clear(client, dated_archive):
    html = client.get(HOME, {"q": "no such words anywhere"}).content.decode()
    assert "Nothing matches these filters" in html
    assert 'href="/">Clear the filters' in html


def test_filter_form_keeps_its_state(client, dated_archive):
    html = client.get(HOME, {"year_from": 2001, "kind": "partner"}).content.decode()
    assert 'name="year_from" value="2001"' in html
    assert 'value="partner" id="id_kind_2" checked' in html


def test_an_event_links_to_its_own_anchor(client, dated_archive):
    event = dated_archive["event"]
    url = event.get_absolute_url()
    assert url == "/?kind=event&year_from=2017&year_to=2017#event-2017-outreach-asia"
    html = client.get(url.split("#")[0]).content.decode()
    assert 'id="event-2017-outreach-asia"' in html


def test_overview_chart_plots_plenaries_and_partners(client, dated_archive):
    html = client.get(HOME).content.decode()
    assert 'aria-labelledby="overview-title overview-desc"' in html
    assert "2 plenaries from 1993 to" in html
    assert "rising to 2" in html
    assert (
        '<a href="/plenaries/2016-busan/" aria-label="30th plenary, Busan 2016">'
        in html
    )


def test_overview_chart_escapes_what_it_is_given():
    svg = overview_svg(
        [(datetime.date(2000, 1, 1), '<script>"x"</script>', '/p/"><b>')],
        [(datetime.date(1999, 1, 1), datetime.date(1999, 1, 1))],
        today=datetime.date(2001, 1, 1),
    )
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
    assert '"><b>' not in svg


def test_overview_chart_draws_uncertain_partnerships_as_a_band():
    """A partnership known only between two days is no step on a day: the line
    counts it from its latest day, the band from its earliest."""
    svg = overview_svg(
        [(datetime.date(1998, 10, 5), "A plenary", "/p/")],
        [
            (datetime.date(1987, 4, 16), datetime.date(1987, 4, 16)),
            (datetime.date(1997, 11, 7), datetime.date(1998, 10, 5)),
            (None, datetime.date(1999, 6, 1)),
        ],
        today=datetime.date(2001, 1, 1),
    )
    assert 'class="partners-possible"' in svg and 'class="partners"' in svg
    assert "rising to 3." in svg
    unsure = overview_svg(
        [], [(datetime.date(1997, 11, 7), None)], today=datetime.date(2001, 1, 1)
    )
    assert "rising to 0 certainly and 1 possibly" in unsure


def test_jump_bar_groups_years_by_decade():
    links = [(1987, "#y1987"), (1989, "?page=2#y1989"), (1990, "a"), (2016, "b")]
    assert jump_bar(links) == [
        (1980, [(1987, "#y1987"), (1989, "?page=2#y1989")]),
        (1990, [(1990, "a")]),
        (2010, [(2016, "b")]),
    ]


def test_within_a_day_the_meeting_comes_before_what_it_decided(dated_archive):
    entries = Chronology(Filters(year_from=2016, year_to=2016))[:]
    busan = [e.kind for e in entries if e.date == datetime.date(2016, 10, 17)]
    assert busan == [Kind.PLENARY]
    assert [e.kind for e in entries][-1] == Kind.ANNEX
    assert len(entries) == 3


@pytest.mark.slow
def test_the_page_runs_the_same_queries_on_an_archive_ten_times_larger(
    client, dated_archive, django_assert_max_num_queries
):
    urls = [HOME, HOME + "?order=newest&q=Generated&country=korea&year_from=1990"]
    grow_archive(scale=1)
    small = {url: count_queries(client, url) for url in urls}
    grow_archive(scale=10)
    for url, queries in small.items():
        with django_assert_max_num_queries(queries):
            assert client.get(url).status_code == 200
    # Counts by month, a query per kind (and the chairs' countries and people,
    # the events' countries), the chart's two, the country choices.
    assert max(small.values()) <= 13


def test_events_without_a_page_are_not_links(client, dated_archive):
    EventFactory(slug="seminar", title="A seminar", date=datetime.date(2001, 5, 1))
    PlenaryFactory()
    html = client.get(HOME).content.decode()
    assert '<p class="entry-title">A seminar</p>' in html


# Every public page shares base.html: its landmarks, one h1, labelled controls.

PAGES = [
    "/",
    "/plenaries/",
    "/plenaries/2016-busan/",
    "/members/",
    "/members/india/",
    "/adherents/",
    "/chairs/",
    "/annex/",
    "/sources/",
    "/sources/busan-2016-statement/",
    "/plenaries/nope/",
]


@pytest.mark.parametrize("url", PAGES)
def test_each_page_has_landmarks_one_h1_and_labelled_controls(
    client, dated_archive, url
):
    html = client.get(url).content.decode()
    assert html.count("<h1") == 1
    for landmark in ("<header", "<nav", '<main id="main"', "<footer"):
        assert landmark in html
    assert '<a class="skip" href="#main">' in html
    labelled = set(re.findall(r'<label for="([^"]+)"', html))
    for tag in re.findall(r"<(?:input|select|textarea)\b[^>]*>", html):
        if 'type="checkbox"' in tag or 'type="hidden"' in tag:
            continue
        control_id = re.search(r'id="([^"]+)"', tag)
        assert control_id and control_id.group(1) in labelled, tag
    assert 'style="' not in html  # the one stylesheet; the CSP allows no inline style
