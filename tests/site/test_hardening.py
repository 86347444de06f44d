"""The site's own defences: page cache, conditional GET, headers, login throttle."""

import pytest
from django.core.cache import cache
from django.db import OperationalError, connections

from core.templatetags.markdown import render_markdown
from members.models import Country

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


def test_second_anonymous_request_is_served_from_cache(client, page_cache):
    assert client.get("/").headers["X-Cache"] == "miss"
    assert client.get("/").headers["X-Cache"] == "hit"


def test_any_change_to_the_archive_invalidates_cached_pages(client, page_cache):
    client.get("/")
    Country.objects.create(name="Chile", iso_code="CL", slug="chile")
    assert client.get("/").headers["X-Cache"] == "miss"


def test_signed_in_staff_never_get_a_cached_page(client, page_cache, admin_user):
    client.force_login(admin_user)
    client.get("/")
    assert "X-Cache" not in client.get("/").headers


def test_unchanged_page_answers_304_to_its_etag(client, page_cache):
    etag = client.get("/").headers["ETag"]
    assert client.get("/", headers={"if-none-match": etag}).status_code == 304


def test_content_security_policy_allows_no_inline_code(client):
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy


def test_usual_security_headers_are_sent(client):
    headers = client.get("/").headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"


def test_admin_login_is_throttled_after_repeated_failures(client, settings):
    cache.clear()
    settings.LOGIN_FAILURE_LIMIT = 3
    for _ in range(3):
        response = client.post(
            "/admin/login/", {"username": "editor", "password": "wrong"}
        )
        assert response.status_code == 200
    blocked = client.post("/admin/login/", {"username": "editor", "password": "wrong"})
    assert blocked.status_code == 429
    assert "Retry-After" in blocked.headers
    cache.clear()


def test_a_good_sign_in_is_not_throttled(client, admin_user, settings):
    cache.clear()
    settings.LOGIN_FAILURE_LIMIT = 3
    client.post("/admin/login/", {"username": "admin", "password": "wrong"})
    response = client.post(
        "/admin/login/", {"username": "admin", "password": "password"}
    )
    assert response.status_code == 302
    cache.clear()


def test_database_outage_gives_the_sites_own_503(client, monkeypatch):
    def lost_connection(*args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1 refused")

    monkeypatch.setattr(connections["default"], "cursor", lost_connection)
    response = client.get("/")
    assert response.status_code == 503
    assert b"briefly unavailable" in response.content
    assert response.headers["Retry-After"] == "30"


XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    "[x](javascript:alert(1))",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "[x](data:text/html,<script>alert(1)</script>)",
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    "<svg><script>alert(1)</script></svg>",
    '<iframe src="https://example.org"></iframe>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    "<scr<script>ipt>alert(1)</script>",
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '"><img src=x onerror=alert(1)>',
    "<body onload=alert(1)>",
    '<math><mtext><table><mglyph><style><img src=x onerror="alert(1)">',
    "<object data=javascript:alert(1)>",
    '<form action="javascript:alert(1)"><input type=submit></form>',
    '![x](x" onerror="alert(1))',
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_markdown_filter_lets_no_script_through(payload):
    html = render_markdown(f"Partners met.\n\n{payload}\n\nThey agreed.").lower()
    for dangerous in (
        "<script",
        "onerror=",
        "onload=",
        "javascript:",
        "data:text",
        "<iframe",
        "<svg",
        "<object",
        "<form",
        "style=",
        "<style",
    ):
        assert dangerous not in html, (payload, html)
    assert "partners met." in html


def test_a_change_made_by_another_worker_reaches_this_one(client, page_cache, settings):
    """Another process bumps the shared version; this one's copy is not served."""
    from mtcr_site import cache as pages

    settings.LOCAL_VERSION_SECONDS = 0
    client.get("/")
    assert client.get("/").headers["X-Cache"] == "hit"
    pages.shared().incr(pages.VERSION_KEY)
    assert client.get("/").headers["X-Cache"] == "miss"


def test_a_cached_page_keeps_the_security_headers(client, page_cache):
    client.get("/")
    hit = client.get("/")
    assert hit.headers["X-Cache"] == "hit"
    assert "default-src 'self'" in hit.headers["Content-Security-Policy"]
    assert hit.headers["X-Frame-Options"] == "DENY"
