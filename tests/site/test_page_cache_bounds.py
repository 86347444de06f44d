"""The page cache holds canonical addresses only, so no client can grow it at will."""

import random
import string

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("small_archive")]

PAGES = [
    "/",
    "/plenaries/",
    "/plenaries/?year_from=2010&year_to=2016",
    "/plenaries/2016-busan/",
    "/plenaries/feed/",
    "/members/india/",
    "/api/plenaries/",
    "/sitemap.xml",
]


def junk(generator):
    return "".join(generator.choices(string.ascii_lowercase, k=12))


def test_random_parameters_store_nothing_in_redis(client, redis_caches):
    """500 requests with made-up parameters, on pages already cached: every one is
    answered, and not one more key is stored in Redis."""
    for url in PAGES:
        client.get(url)
    before = redis_caches.keys()
    generator = random.Random(2016)
    for number in range(500):
        url = PAGES[number % len(PAGES)]
        joiner = "&" if "?" in url else "?"
        response = client.get(f"{url}{joiner}{junk(generator)}={junk(generator)}")
        assert response.status_code == 200, url
        assert "X-Cache" not in response.headers, url
    assert redis_caches.keys() == before


def test_a_canonical_page_is_still_cached(client, redis_caches):
    for url in PAGES:
        assert client.get(url).headers["X-Cache"] == "miss", url
        assert client.get(url).headers["X-Cache"] == "hit", url


def test_the_same_parameters_in_another_order_find_the_same_page(client, redis_caches):
    client.get("/plenaries/?year_from=2010&year_to=2016")
    again = client.get("/plenaries/?year_to=2016&year_from=2010")
    assert again.headers["X-Cache"] == "hit"


def test_a_repeated_or_unreadable_value_is_not_stored(client, redis_caches):
    client.get("/plenaries/")
    before = redis_caches.keys()
    for url in (
        "/plenaries/?year_from=2010&year_from=2011",
        "/plenaries/?year_from=abc",
        "/?year_from=99999",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "X-Cache" not in response.headers, url
    assert redis_caches.keys() == before


def test_one_path_keeps_a_bounded_number_of_query_strings(
    client, redis_caches, settings
):
    """Valid values can be varied without end (a free-text search): only so many
    query strings of one path are stored, the others are rendered uncached."""
    settings.PAGE_CACHE_VARIANTS = 5
    stored = [
        client.get("/plenaries/", {"year_from": year}).headers.get("X-Cache")
        for year in range(2000, 2010)
    ]
    assert stored == ["miss"] * 5 + [None] * 5


def test_a_page_larger_than_the_limit_is_not_stored(client, redis_caches, settings):
    settings.PAGE_CACHE_MAX_BYTES = 1000
    client.get("/plenaries/")
    assert "X-Cache" not in client.get("/plenaries/").headers
    assert not [key for key in redis_caches.keys() if ":page:" in key]


def test_every_cached_page_expires(client, redis_caches):
    for url in PAGES:
        client.get(url)
    server = redis_caches.client()
    pages = [key for key in server.keys("*") if b":page:" in key]
    assert pages
    assert all(0 < server.ttl(key) <= 3600 for key in pages)
