"""The timeline a page at a time: counted by month, fetched a window at a time, the
pages together hold exactly the whole chronology, in order, on the real archive."""

import datetime
import re

import pytest

from timeline.chronology import Chronology, Filters
from timeline.kinds import SOURCES
from timeline.views import PAGE_SIZE

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("real_archive", "no_page_cache"),
]

FILTERS = [
    Filters(),
    Filters(newest_first=True),
    Filters(kinds=("plenary", "event", "chair")),
    Filters(year_from=1995, year_to=2005),
    Filters(q="annex", newest_first=True),
]


def everything(filters):
    """The chronology the simple way: every record of every kind, sorted."""
    entries = []
    for kind in filters.kinds or SOURCES:
        source = SOURCES[kind]
        records = source.select(filters.country, filters.q)
        if records is None:
            continue
        rows = [
            row
            for row in source.rows(records)
            if (day := row[source.date_field]) is not None
            and (filters.year_from is None or day.year >= filters.year_from)
            and (filters.year_to is None or day.year <= filters.year_to)
        ]
        entries += source.entries(rows, datetime.date.min, datetime.date.max)
    entries.sort(key=lambda e: e.sort_key, reverse=filters.newest_first)
    return [entry.anchor for entry in entries]


@pytest.mark.parametrize("filters", FILTERS, ids=repr)
def test_any_slice_is_that_slice_of_the_whole_chronology(filters):
    whole = everything(filters)
    assert Chronology(filters).count() == len(whole) > 0
    assert [e.anchor for e in Chronology(filters)[:]] == whole
    for start, stop in [
        (0, 1),
        (0, 7),
        (5, 40),
        (17, 18),
        (30, 200),
        (len(whole) - 3, None),
    ]:
        window = Chronology(filters)[start:stop]
        assert [e.anchor for e in window] == whole[start:stop], (start, stop)


def test_the_pages_hold_the_whole_timeline_once_in_order(client):
    whole = [entry.anchor for entry in Chronology()[:]]
    assert len(whole) > PAGE_SIZE  # the real archive spans several pages
    shown, number = [], 1
    while True:
        response = client.get("/", {"page": number})
        page = response.context["page_obj"]
        assert page.number == number
        shown += [entry.anchor for entry in response.context["entries"]]
        if not page.has_next():
            break
        assert f'rel="next" href="?page={number + 1}"' in response.content.decode()
        number += 1
    assert shown == whole
    assert number == -(-len(whole) // PAGE_SIZE)


def test_each_year_in_the_jump_bar_leads_to_the_page_it_begins_on(client):
    html = client.get("/", {"order": "newest"}).content.decode()
    links = re.findall(r'<a href="([^"]*)#y(\d{4})">\2</a>', html)
    assert len(links) > 30
    for query, year in links:
        page = client.get("/" + query.replace("&amp;", "&")) if query else None
        target = page.content.decode() if page else html
        assert f'<li class="year" id="y{year}">' in target, (query, year)
        if page:
            assert "order=newest" in query


def test_a_page_out_of_range_shows_the_nearest_one(client):
    last = client.get("/", {"page": 999})
    assert last.status_code == 200
    assert (
        last.context["page_obj"].number == last.context["page_obj"].paginator.num_pages
    )
    for bad in ("abc", "-1", "0", "1.5"):
        response = client.get("/", {"page": bad})
        assert response.status_code == 200
        assert response.context["entries"]
