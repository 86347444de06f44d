"""The sitemap lists the pages of every kind of record."""

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


def test_sitemap_lists_plenaries_countries_and_sources(client, small_archive):
    body = client.get("/sitemap.xml").content.decode()
    assert "http://testserver/plenaries/2016-busan/" in body
    assert "http://testserver/members/india/" in body
    assert "http://testserver/sources/busan-2016-statement/" in body
    assert "http://testserver/chairs/" in body
