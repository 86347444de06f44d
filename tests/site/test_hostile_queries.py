"""No query string, however hostile, makes a page fail: every list, search and
export URL answers with a page, a correction or a 400, never a 500 (issue 4, 6)."""

from urllib.parse import quote_from_bytes, urlencode

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

EXPORTS = ["/plenaries/", "/members/", "/adherents/", "/chairs/", "/annex/"]
# The parameters the pages read, and a few they do not.
PARAMETERS = [
    "q", "page", "format", "year_from", "year_to", "country", "chair_country",
    "named", "concern", "has_statement", "resolution", "kind", "order", "sort",
    "on", "ordering", "o", "date", "slug", "per_page", "record", "entry",
    "unknown",
]  # fmt: skip


def list_urls(patterns=None, prefix=""):
    """Every URL of the site without a parameter in its path, the admin aside."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    urls = []
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if "<" in route or route.startswith("admin/"):
            continue
        if isinstance(pattern, URLResolver):
            urls.extend(list_urls(pattern.url_patterns, route))
        elif isinstance(pattern, URLPattern):
            urls.append("/" + route.lstrip("^").rstrip("$"))
    return sorted(set(urls))


URLS = list_urls()


def test_every_list_page_is_covered():
    """The hostile tests reach the lists, the exports and the search."""
    for url in [*EXPORTS, "/", "/sources/", "/search/"]:
        assert url in URLS


def assert_no_error(response, url):
    assert response.status_code < 500, f"{url} answered {response.status_code}"
    if response.status_code == 200 and "html" in response.get("Content-Type", ""):
        assert b"Traceback" not in response.content


unicode_text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=300)
raw_bytes = st.binary(max_size=60).map(quote_from_bytes)
values = st.one_of(
    unicode_text,
    raw_bytes,
    st.integers().map(str),
    st.sampled_from(["csv", "json", "xml", "", "0", "-1", "9999", "1e9", "NaN"]),
    st.dates().map(str),
    st.text(min_size=1000, max_size=4000),
)


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    url=st.sampled_from(URLS),
    params=st.lists(
        st.tuples(st.one_of(st.sampled_from(PARAMETERS), unicode_text), values),
        max_size=5,
    ),
)
def test_random_query_strings_never_give_a_server_error(
    client, small_archive, url, params
):
    query = "&".join(
        f"{quote_from_bytes(name.encode())}={value}"
        if "%" in value
        else urlencode({name: value})
        for name, value in params
    )
    response = client.get(f"{url}?{query}")
    assert_no_error(response, f"{url}?{query[:200]}")


HOSTILE = {
    "year_from=abc": {"year_from": "abc"},
    "page=9999": {"page": "9999"},
    "page=-1": {"page": "-1"},
    "year 0": {"year_from": "0", "year_to": "0"},
    "year 99999": {"year_from": "99999", "year_to": "99999"},
    "unknown country": {
        "country": "atlantis",
        "chair_country": "atlantis",
        "named": "atlantis",
        "concern": "atlantis",
    },
    "3000-char q": {"q": "missile " * 375},
}


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("case", HOSTILE)
def test_the_issues_hostile_cases_get_a_page_or_a_400(client, small_archive, url, case):
    """The API may also answer a page past the end with a 404 that says so."""
    response = client.get(url, HOSTILE[case])
    assert_no_error(response, url)
    if response.get("Content-Type", "").startswith("application/json"):
        if response.status_code == 404:
            assert response.json(), f"{url} ?{case}: a 404 without a message"
            return
    assert response.status_code in (200, 400), f"{url} ?{case}"
    if response.status_code == 200 and "html" in response.get("Content-Type", ""):
        assert b"<main" in response.content


@pytest.mark.parametrize("url", EXPORTS)
def test_an_unknown_export_format_is_a_400(client, small_archive, url):
    assert client.get(url, {"format": "xml"}).status_code == 400


@pytest.mark.parametrize("url", EXPORTS)
@pytest.mark.parametrize("export", ["csv", "json"])
def test_exports_survive_hostile_filters(client, small_archive, url, export):
    for params in HOSTILE.values():
        response = client.get(url, {**params, "format": export})
        assert_no_error(response, url)


def test_a_3000_character_search_is_cut_not_refused(client, small_archive):
    response = client.get("/search/", {"q": "Busan " * 500})
    assert response.status_code == 200
    assert len(response.context["query"]) <= 200
    assert b"only its beginning was searched" in response.content


def test_page_numbers_out_of_range_are_corrected_on_the_plenary_list(
    client, small_archive
):
    for page in ("9999", "-1", "abc"):
        response = client.get("/plenaries/", {"page": page})
        assert response.status_code in (200, 400)
        if response.status_code == 200:
            assert response.context["page_obj"].number >= 1


@pytest.mark.parametrize(
    "url",
    ["/plenaries/no-such-meeting/", "/members/atlantis/", "/sources/no-such-file/"],
)
def test_an_unknown_slug_is_the_sites_own_404(client, small_archive, url):
    response = client.get(url)
    assert response.status_code == 404
    assert b"MTCR Plenary Archive" in response.content
