"""Each page runs the same number of SQL queries on an archive ten times the real one
as on the real one (issue 4), so no page slows down as the archive grows."""

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from benchmarks.synthetic import clone_archive
from evidence.models import SourceDocument
from members.models import Country
from plenaries.models import Plenary
from search import index
from tests.factories import build_archive
from tests.site.test_hostile_queries import EXPORTS, list_urls

pytestmark = pytest.mark.django_db

QUERY_CAP = 30
# Bulk downloads read every table once: constant, but past the cap of a page.
UNCAPPED = ("/data/",)


@pytest.fixture
def base_archive(db, settings):
    """The real archive from fixtures/ when it has been built, else the factories'
    small archive; pages are not cached, so every request runs its queries."""
    settings.PAGE_CACHE_SECONDS = 0
    if any(django_settings.FIXTURES_DIR.glob("*.json")):
        call_command("load_archive", verbosity=0)
    else:
        build_archive()
    index.rebuild()


def page_urls():
    """Every list (plain, filtered, exported), a detail page of each kind, search."""
    plenary = (
        Plenary.objects.filter(slug="2016-busan").first()
        or Plenary.objects.order_by("start_date").last()
    )
    year = plenary.start_date.year
    country = Country.objects.filter(membership__isnull=False).first()
    urls = list_urls()
    urls += [f"{url}?format={export}" for url in EXPORTS for export in ("csv", "json")]
    urls += [
        f"/?kind=plenary&year_from={year - 10}&year_to={year}",
        f"/plenaries/?year_from={year - 10}&year_to={year}&order=desc",
        f"/plenaries/?country={plenary.country.slug}",
        f"/plenaries/?country={plenary.country.slug}&format=json",
        "/plenaries/?has_statement=yes",
        f"/members/?on={year}-12-31",
        f"/annex/?year_from={year - 10}",
        "/search/?q=plenary",
        "/search/?q=missile+technology&kind=plenary",
        "/search/?q=MTCR&page=2",
        plenary.get_absolute_url(),
        country.get_absolute_url(),
        SourceDocument.objects.order_by("pk").first().get_absolute_url(),
    ]
    return urls


def count_queries(client, urls):
    counts = {}
    for url in urls:
        client.get(url)  # once to settle anything done once (the search index)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        counts[url] = len(queries)
    return counts


def test_pages_run_as_many_queries_at_ten_times_the_archive(client, base_archive):
    urls = page_urls()
    real = count_queries(client, urls)
    clone_archive(9)
    assert Plenary.objects.count() >= 10 * 2
    tenfold = count_queries(client, urls)
    changed = {
        url: (real[url], tenfold[url]) for url in urls if real[url] != tenfold[url]
    }
    assert not changed, f"queries (real archive, ten times) differ: {changed}"
    heavy = {
        url: count
        for url, count in tenfold.items()
        if count > QUERY_CAP and not url.startswith(UNCAPPED)
    }
    assert not heavy, f"pages over {QUERY_CAP} queries: {heavy}"
