"""The Atom feed declares its summaries HTML: every text in them is escaped."""

import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from tests.factories import CountryFactory, PlenaryFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
PAYLOAD = "<img src=x onerror=alert(1)>"


class Tags(HTMLParser):
    """The start tags an HTML reader would build from a text."""

    def __init__(self, html):
        super().__init__()
        self.tags = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


def summaries(client):
    feed = ET.fromstring(client.get("/plenaries/feed/").content)
    return [
        (entry.find(f"{ATOM}summary").get("type"), entry.find(f"{ATOM}summary").text)
        for entry in feed.iter(f"{ATOM}entry")
    ]


def test_markup_in_a_city_or_country_reaches_a_feed_reader_as_text(client):
    PlenaryFactory(
        city=PAYLOAD,
        country=CountryFactory(name="<b>Ruritania</b>", iso_code="XR"),
        summary=f"Partners met & agreed. `{PAYLOAD}`",
    )
    [(kind, html)] = summaries(client)
    assert kind == "html"
    assert Tags(html).tags == []
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;b&gt;Ruritania&lt;/b&gt;" in html
    assert "Partners met &amp; agreed. &lt;img" in html
