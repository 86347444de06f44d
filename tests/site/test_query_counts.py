"""Each page runs the same number of SQL queries on an archive ten times the real one
as on the real one (issue 4), so no page slows down as the archive grows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from benchmarks.synthetic import clone_archive
from evidence.models import SourceDocument
from members.models import Country
from plenaries.gaps import gaps
from plenaries.models import Plenary
from tests.site.test_hostile_queries import EXPORTS, list_urls

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

QUERY_CAP = 30
# Bulk downloads read every table once: constant, but past the cap of a page.
UNCAPPED = ("/data/",)


def page_urls():
    """Every list (plain, filtered, exported), a detail page of each kind, search."""
    plenary = (
        Plenary.objects.filter(slug="2016-busan").first()
        or Plenary.objects.order_by("start_date").last()
    )
    year = plenary.start_date.year
    country = Country.objects.filter(membership__isnull=False).first()
    # The report form is for one record's page, which it names.
    urls = [url for url in list_urls() if url != "/report/"]
    urls += [f"/report/?page={plenary.get_absolute_url()}"]
    urls += [f"{url}?format={export}" for url in EXPORTS for export in ("csv", "json")]
    urls += [
        f"/?kind=plenary&year_from={year - 10}&year_to={year}",
        f"/plenaries/?year_from={year - 10}&year_to={year}&order=newest",
        f"/plenaries/?country={plenary.country.slug}",
        f"/plenaries/?country={plenary.country.slug}&format=json",
        "/plenaries/?has_statement=true",
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


def years_without_a_plenary():
    """The years without a plenary that the plenary list shows."""
    found = gaps(Plenary.objects.date_rows())
    return {gap.year for gap in found if gap.first_number is None}


def listed(client, query):
    """The slugs the plenary list shows for a query, after checking that the list
    applied every value of it (none ignored, none dropped as unreadable)."""
    response = client.get(f"/plenaries/?{query}")
    filterset = response.context["filter"]
    assert filterset.form.is_valid(), filterset.form.errors
    assert not filterset.ignored
    for name, value in filterset.data.items():
        assert filterset.form.cleaned_data[name] not in (None, ""), (name, value)
    return [plenary.slug for plenary in response.context["page_obj"]]


def test_the_filtered_plenary_pages_counted_apply_their_filters(client, real_archive):
    """The values page_urls() gives the plenary list are ones its filters take, so
    the queries counted are those of a filtered page (`order=desc` and
    `has_statement=yes` were read as nothing and quietly ignored)."""
    year = Plenary.objects.get(slug="2016-busan").start_date.year
    years = f"year_from={year - 10}&year_to={year}"
    oldest_first = listed(client, years)
    newest_first = listed(client, f"{years}&order=newest")
    assert newest_first[0] == "2016-busan" != oldest_first[0]
    assert sorted(newest_first) == sorted(oldest_first)
    with_statement = listed(client, "has_statement=true")
    assert with_statement and len(with_statement) < Plenary.objects.count()
    assert all(Plenary.objects.get(slug=slug).statement for slug in with_statement)


def test_pages_run_as_many_queries_at_ten_times_the_archive(client, real_archive):
    urls = page_urls()
    assert "/plenaries/?year_from=2006&year_to=2016&order=newest" in urls
    real = count_queries(client, urls)
    real_years_without = years_without_a_plenary()
    clone_archive(9)
    assert Plenary.objects.count() >= 10 * 2
    tenfold = count_queries(client, urls)
    # The plenary list reads the announcements of the years without a plenary
    # (one query) only when there are such years: the real archive has 2010, 2018
    # and 2020; the copies, their dates spread over a year, leave none.
    assert real_years_without == {2010, 2018, 2020}
    assert not years_without_a_plenary()
    tenfold["/plenaries/"] += 1
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
