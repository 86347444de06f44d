"""A plenary links the regime on a day a witness gives: its first day, or, for a
plenary known only to the year (Rome 1988), the last day it may have met."""

import re

import pytest

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("real_archive", "no_page_cache"),
]

ON_LINK = re.compile(r'<a href="(/on/[0-9-]+/)">([^<]+)</a>')


def on_links(response):
    assert response.status_code == 200
    return ON_LINK.findall(response.text)


def test_a_plenary_known_to_the_year_links_the_end_of_that_year(client):
    links = on_links(client.get("/plenaries/1988-rome/"))
    assert links == [("/on/1988-12-31/", "The regime by the end of 1988")]


def test_a_plenary_known_to_the_day_links_its_first_day(client):
    links = on_links(client.get("/plenaries/2016-busan/"))
    assert links == [("/on/2016-10-17/", "The regime when this plenary met")]


def test_the_day_after_rome_links_the_end_of_1988_as_the_last_plenary(client):
    links = dict(on_links(client.get("/on/1990-06-01/")))
    assert "/on/1988-01-01/" not in links
    assert links["/on/1988-12-31/"] == "The end of 1988, when the last plenary had met"
