"""Absolute links come from the configured site address, never from the Host header.

Production-like: DEBUG off, the caches on a Redis of the test's own, and a first
request whose Host names another port, as an attacker's would.
"""

import re

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("small_archive")]

SITE_URL = "https://mtcr-archive.example.org"
HOSTS = ["mtcr-archive.example.org:1337", "mtcr-archive.example.org"]
ABSOLUTE = re.compile(r"https?://[^\s\"'<>]*mtcr-archive\.example\.org[^\s\"'<>]*")
URLS = [
    "/plenaries/feed/",
    "/sitemap.xml",
    "/api/",
    "/api/plenaries/?page_size=1",
    "/api/plenaries/2016-busan/",
    "/api/members/india/",
    "/api/timeline/",
    "/api/sources/",
    "/plenaries/?format=csv",
    "/plenaries/?format=json",
    "/chairs/?format=json",
    "/plenaries/2016-busan/",
    "/cite/plenaries/2016-busan/",
    "/cite/plenaries/2016-busan.ris",
]


@pytest.fixture
def production(settings, redis_caches):
    settings.DEBUG = False
    settings.SITE_URL = SITE_URL
    settings.ALLOWED_HOSTS = ["mtcr-archive.example.org"]


@pytest.mark.parametrize("url", URLS)
def test_every_absolute_link_is_on_the_configured_address(client, production, url):
    for host in HOSTS:
        response = client.get(url, headers={"host": host})
        assert response.status_code == 200, (url, host)
        body = response.content.decode()
        links = ABSOLUTE.findall(body)
        assert links, (url, host)
        wrong = [link for link in links if not link.startswith(SITE_URL + "/")]
        assert not wrong, (url, host, wrong)


def test_a_host_the_site_does_not_answer_to_never_gets_a_cached_page(
    client, production
):
    site = {"host": "mtcr-archive.example.org"}
    assert client.get("/", headers=site).status_code == 200
    assert client.get("/", headers=site).headers["X-Cache"] == "hit"
    assert client.get("/", headers={"host": "attacker.example"}).status_code == 400
