"""A plenary's citation metadata in Chromium: the JSON-LD reads as its Event, and
the page's Content-Security-Policy refuses nothing on it."""

import json

import pytest

pytestmark = pytest.mark.browser


def test_busan_2016_metadata_loads_without_a_csp_violation(live_archive, page):
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    response = page.goto(f"{live_archive}/plenaries/2016-busan/")
    assert response.status == 200
    script = page.locator('script[type="application/ld+json"]')
    event = json.loads(script.text_content())
    assert event["@type"] == "Event"
    assert (event["startDate"], event["endDate"]) == ("2016-10-17", "2016-10-21")
    assert event["url"] == f"{live_archive}/plenaries/2016-busan/"
    title = page.locator('meta[name="citation_title"]').get_attribute("content")
    assert title == "30th plenary, Busan 2016"
    assert refused == []
