"""Redis down or emptied under a running site: it renders uncached, never a 500 or
a stale page, and caches again when Redis is back."""

import os
import signal

import pytest

from members.models import Country
from mtcr_site import cache as page_cache
from tests.conftest import admin_form_data, admin_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("small_archive")]

PUBLIC = ["/", "/plenaries/", "/plenaries/2016-busan/", "/members/india/"]


@pytest.fixture
def site(settings, redis_caches):
    settings.LOCAL_VERSION_SECONDS = 0
    settings.PAGE_CACHE_RETRY_SECONDS = 0
    page_cache.state.retry_at, page_cache.state.missed_change = 0.0, False
    yield redis_caches
    page_cache.state.retry_at, page_cache.state.missed_change = 0.0, False


def rename_india(client, name):
    india = Country.objects.get(slug="india")
    url = admin_url(Country, "change", india.pk)
    data = admin_form_data(client.get(url))
    data["name"] = name
    return client.post(url, data)


def test_with_redis_stopped_pages_sign_in_and_edits_work(client, site, admin_user):
    for url in PUBLIC:
        client.get(url)
    site.stop()
    for url in PUBLIC:
        assert client.get(url).status_code == 200, url
    signed_in = client.post(
        "/admin/login/?next=/admin/",
        {"username": admin_user.username, "password": "password"},
    )
    assert signed_in.status_code == 302
    assert rename_india(client, "Bharat").status_code == 302
    assert Country.objects.get(slug="india").name == "Bharat"
    client.logout()
    assert b"Bharat" in client.get("/members/india/").content

    site.start()
    assert client.get("/members/india/").headers["X-Cache"] == "miss"
    hit = client.get("/members/india/")
    assert hit.headers["X-Cache"] == "hit"
    assert b"Bharat" in hit.content


def test_no_stale_page_after_redis_loses_its_data(client, site):
    """The worker's own copy of a page outlives Redis's data: a version counted
    again from the start must not find it."""
    for _ in range(2):
        page_cache.invalidate()
    client.get("/members/india/")
    assert client.get("/members/india/").headers["X-Cache"] == "hit"
    site.client().flushall()
    for name in ("Bharat", "India"):
        Country.objects.filter(slug="india").update(name=name)
        page_cache.invalidate()
    Country.objects.filter(slug="india").update(name="Republic of India")
    page_cache.invalidate()
    assert b"Republic of India" in client.get("/members/india/").content


def test_an_edit_made_while_redis_hangs_is_not_hidden_by_its_cached_page(
    client, site, admin_user
):
    """Redis stops answering (its data kept): the edit is saved, and when Redis
    answers again the page cached before it is not served."""
    client.get("/members/india/")
    assert client.get("/members/india/").headers["X-Cache"] == "hit"
    os.kill(site.process.pid, signal.SIGSTOP)
    try:
        client.force_login(admin_user)
        assert rename_india(client, "Bharat").status_code == 302
    finally:
        os.kill(site.process.pid, signal.SIGCONT)
    client.logout()
    assert Country.objects.get(slug="india").name == "Bharat"
    assert b"Bharat" in client.get("/members/india/").content
