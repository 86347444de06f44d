"""The admin sign-in throttle counts each client and each username, whatever the
proxy in front, the spelling of the name, or the number of attempts made at once."""

import os
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory

from mtcr_site.middleware import login_throttle

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"


@pytest.fixture
def throttle(settings):
    cache.clear()
    settings.LOGIN_FAILURE_LIMIT = 5
    settings.TRUSTED_PROXIES = [PROXY, "10.1.0.0/16"]
    yield settings
    cache.clear()


def sign_in(client, username, remote=PROXY, forwarded=None):
    headers = {"x-forwarded-for": forwarded} if forwarded else {}
    return client.post(
        "/admin/login/",
        {"username": username, "password": "wrong"},
        REMOTE_ADDR=remote,
        headers=headers,
    )


def test_behind_the_proxy_one_clients_failures_do_not_lock_out_another(
    client, throttle
):
    for n in range(5):
        response = sign_in(client, f"guess-{n}", forwarded="203.0.113.5")
        assert response.status_code == 200
    assert sign_in(client, "guess-5", forwarded="203.0.113.5").status_code == 429
    assert sign_in(client, "editor", forwarded="198.51.100.7").status_code == 200


def test_a_client_cannot_escape_its_lock_by_writing_its_own_forwarded_for(
    client, throttle
):
    """Behind the proxy, only the address the proxy appended counts."""
    for n in range(5):
        sign_in(client, f"guess-{n}", forwarded=f"192.0.2.{n}, 203.0.113.5")
    response = sign_in(client, "guess-5", forwarded="192.0.2.99, 203.0.113.5")
    assert response.status_code == 429


def test_without_a_trusted_proxy_the_forwarded_for_header_is_ignored(client, throttle):
    for n in range(5):
        sign_in(client, f"guess-{n}", remote="198.51.100.9", forwarded=f"192.0.2.{n}")
    response = sign_in(client, "guess-5", remote="198.51.100.9", forwarded="192.0.2.9")
    assert response.status_code == 429


@pytest.mark.parametrize(
    ("remote", "forwarded", "client"),
    [
        ("198.51.100.9", "192.0.2.1", "198.51.100.9"),
        (PROXY, "192.0.2.1", "192.0.2.1"),
        (PROXY, "192.0.2.1, 10.1.4.5", "192.0.2.1"),
        (PROXY, "not an address", PROXY),
        (PROXY, "", PROXY),
    ],
)
def test_the_client_address_is_read_from_the_right(throttle, remote, forwarded, client):
    request = RequestFactory().post(
        "/admin/login/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded
    )
    assert login_throttle.client_address(request) == client


@pytest.mark.parametrize("variant", ["ｅｄｉｔｏｒ", "EDITOR", "Ｅditor", " editor "])
def test_another_spelling_of_a_locked_username_is_locked_too(client, throttle, variant):
    for n in range(5):
        sign_in(client, "editor", remote=f"203.0.113.{n}")
    assert sign_in(client, variant, remote="198.51.100.7").status_code == 429


ATTEMPTS = 20


def login_request(n):
    """A failed sign-in as editor from the n-th of many addresses."""
    return RequestFactory().post(
        "/admin/login/",
        {"username": "editor", "password": "wrong"},
        REMOTE_ADDR=f"192.0.2.{n}",
    )


@pytest.fixture(params=["locmem", "redis"])
def shared_cache(request, settings):
    """The default cache as a test process shares it with its threads: local
    memory, or Redis (under a prefix of its own, and never cleared: other users
    share the server)."""
    settings.LOGIN_FAILURE_LIMIT = 5
    settings.TRUSTED_PROXIES = []
    if request.param == "locmem":
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "throttle-test",
            }
        }
    else:
        redis_url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": redis_url,
                "KEY_PREFIX": f"throttle-test-{uuid.uuid4().hex}",
            }
        }
        try:
            cache.get("probe")
        except Exception as error:  # noqa: BLE001 - whatever keeps Redis away
            pytest.skip(f"Redis not reachable at {redis_url}: {error}")
    yield cache
    cache.delete_many(
        {
            key
            for n in range(ATTEMPTS)
            for key in login_throttle.attempt_keys(login_request(n))
        }
    )


def test_attempts_made_at_once_never_pass_the_limit(shared_cache):
    """Twenty attempts at the same moment: five reach the sign-in form."""
    started = threading.Barrier(ATTEMPTS)

    def slow_failed_sign_in(request):
        time.sleep(0.05)
        return HttpResponse("the form again", status=200)

    middleware = login_throttle.AdminLoginThrottleMiddleware(slow_failed_sign_in)

    def attempt(n):
        request = login_request(n)
        started.wait()
        return middleware(request).status_code

    with ThreadPoolExecutor(max_workers=ATTEMPTS) as pool:
        statuses = list(pool.map(attempt, range(ATTEMPTS)))
    assert statuses.count(200) == 5
    assert statuses.count(429) == ATTEMPTS - 5
