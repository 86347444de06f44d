"""Links to a chair term or an Annex revision land on the page that shows it.

The chair and Annex lists are paged (50 to a page: the whole real archive on one),
and other pages (the timeline, search, citations, exports) link to their entries by
anchor. A record's get_absolute_url is the list with `?entry=<slug>#<slug>`, and
the list opens at the page holding that entry, however large the archive grows.
"""

import math
from collections import defaultdict
from urllib.parse import urlsplit

import pytest
from django.test import RequestFactory

from annex.models import AnnexRevision
from annex.views import AnnexRevisionListView
from benchmarks.synthetic import clone_archive
from plenaries.models import Chairmanship
from plenaries.views import ChairmanshipListView

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("real_archive", "no_page_cache"),
]

PAGE_SIZE = 50
LISTS = [
    (Chairmanship, ChairmanshipListView, "/chairs/"),
    (AnnexRevision, AnnexRevisionListView, "/annex/"),
]


def landing(client, record):
    """The page a record's link opens, and the anchor the link scrolls to."""
    url = urlsplit(record.get_absolute_url())
    response = client.get(f"{url.path}?{url.query}")
    assert response.status_code == 200, record.get_absolute_url()
    return response, url.fragment


def opened_page(view, record):
    """The page of the list a record's link opens (the view's answer, unrendered)."""
    url = urlsplit(record.get_absolute_url())
    assert url.fragment == record.slug
    response = view.as_view()(RequestFactory().get(f"{url.path}?{url.query}"))
    return response.context_data["page_obj"]


def assert_every_entry_reachable(client, model, view, path):
    """Each record's link opens a page listing it, and that page, rendered, holds
    the record's anchor."""
    on_page = defaultdict(list)
    for record in model.objects.all():
        page = opened_page(view, record)
        assert record in page.object_list, record.slug
        on_page[page.number].append(record.slug)
    assert len(on_page) == page.paginator.num_pages
    for number, slugs in on_page.items():
        html = client.get(path, {"page": number}).content.decode()
        assert all(f'id="{slug}"' in html for slug in slugs)


@pytest.mark.parametrize(("model", "view", "path"), LISTS)
def test_the_real_archive_is_one_page_and_every_link_reaches_its_entry(
    client, model, view, path
):
    response = client.get(path)
    page = response.context["page_obj"]
    assert page.paginator.num_pages == 1
    assert len(page.object_list) == model.objects.count() < PAGE_SIZE
    assert 'class="pagination"' not in response.content.decode()
    assert_every_entry_reachable(client, model, view, path)


def test_links_are_the_list_with_the_entry_and_its_anchor():
    term = Chairmanship.objects.get(slug="2016-republic-of-korea")
    revision = AnnexRevision.objects.get(slug="annex-2018-11")
    assert term.get_absolute_url() == (
        "/chairs/?entry=2016-republic-of-korea#2016-republic-of-korea"
    )
    assert revision.get_absolute_url() == "/annex/?entry=annex-2018-11#annex-2018-11"


@pytest.fixture
def grown_archive(real_archive):  # noqa: F811
    """The real archive and two synthetic copies: 84 terms and 51 revisions, two
    pages of each, some dates shared by several entries; and three terms without
    a first plenary (deleted), so without a date."""
    clone_archive(2)
    Chairmanship.objects.filter(
        slug__in=["2016-republic-of-korea", "2006-denmark-x2", "2022-switzerland-x1"]
    ).update(start_plenary=None)


@pytest.mark.usefixtures("grown_archive")
@pytest.mark.parametrize(("model", "view", "path"), LISTS)
def test_a_grown_list_is_paged_and_every_link_reaches_its_entry(
    client, model, view, path
):
    count = model.objects.count()
    assert count > PAGE_SIZE
    pages = [client.get(path, {"page": n}).context["page_obj"] for n in (1, "last")]
    assert pages[0].paginator.num_pages == math.ceil(count / PAGE_SIZE)
    assert len(pages[0].object_list) == PAGE_SIZE
    assert pages[1].number == pages[0].paginator.num_pages
    assert_every_entry_reachable(client, model, view, path)


@pytest.mark.usefixtures("grown_archive")
@pytest.mark.parametrize(("model", "view", "path"), LISTS)
def test_the_pages_hold_every_entry_once_in_the_lists_order(client, model, view, path):
    listed = []
    for number in (1, 2):
        page = client.get(path, {"page": number}).context["page_obj"]
        listed += list(page.object_list)
    assert page.paginator.num_pages == 2
    assert listed == list(model.objects.all())


@pytest.mark.usefixtures("grown_archive")
def test_an_undated_term_is_reachable_wherever_the_database_sorts_it(client):
    for slug in ["2016-republic-of-korea", "2006-denmark-x2", "2022-switzerland-x1"]:
        term = Chairmanship.objects.get(slug=slug)
        response, _ = landing(client, term)
        assert term in response.context["page_obj"].object_list
        assert "From a date not recorded" in response.content.decode()


@pytest.mark.usefixtures("grown_archive")
def test_an_entry_is_found_among_the_filtered_entries(client, monkeypatch):
    monkeypatch.setattr(ChairmanshipListView, "paginate_by", 5)
    japan = list(Chairmanship.objects.filter(countries__slug="japan"))
    assert len(japan) == 3  # one term, and a copy of it in each synthetic archive
    response = client.get("/chairs/", {"country": "japan", "entry": japan[-1].slug})
    assert list(response.context["object_list"]) == japan  # one page of them
    monkeypatch.setattr(AnnexRevisionListView, "paginate_by", 5)
    revisions = list(AnnexRevision.objects.filter(date__year__gte=2010))
    for position, revision in enumerate(revisions):
        response = client.get("/annex/", {"year_from": 2010, "entry": revision.slug})
        assert response.context["page_obj"].number == position // 5 + 1
        assert f'id="{revision.slug}"' in response.content.decode()


@pytest.mark.usefixtures("grown_archive")
def test_a_page_number_wins_and_an_unknown_or_filtered_out_entry_opens_page_one(
    client,
):
    last = AnnexRevision.objects.last()
    paged = client.get("/annex/", {"entry": last.slug, "page": 1})
    assert paged.context["page_obj"].number == 1
    unknown = client.get("/annex/", {"entry": "no-such-revision"})
    assert unknown.status_code == 200
    assert unknown.context["page_obj"].number == 1
    filtered_out = client.get("/annex/", {"entry": last.slug, "year_to": 1995})
    assert filtered_out.context["page_obj"].number == 1
    assert last not in filtered_out.context["object_list"]
    beyond = client.get("/annex/", {"entry": last.slug, "page": 999})
    assert beyond.context["page_obj"].number == beyond.context["paginator"].num_pages


@pytest.mark.usefixtures("grown_archive")
def test_the_page_links_and_the_export_keep_their_place(client):
    term = Chairmanship.objects.last()
    html = client.get("/chairs/", {"entry": term.slug}).content.decode()
    assert '<a rel="prev" href="?entry=' in html
    assert 'class="pagination"' in html
    rows = client.get("/chairs/", {"format": "csv"}).content.decode().splitlines()
    assert len(rows) == Chairmanship.objects.count() + 1  # every term, not a page
    assert f"/chairs/?entry={term.slug}#{term.slug}" in rows[-1]


def test_a_search_hit_on_an_annex_revision_opens_its_page_of_the_list(client):
    revision = AnnexRevision.objects.get(slug="annex-2018-11")
    response = client.get("/search/", {"q": "Technical Experts Meeting"})
    urls = [hit.url for hit in response.context["hits"] if hit.entry.kind == "annex"]
    assert urls
    assert all(url.startswith("/annex/?entry=") for url in urls)
    target = next(url for url in urls if f"entry={revision.slug}#" in url)
    path, anchor = target.split("#", 1)
    assert anchor.startswith(revision.slug)
    assert f'id="{revision.slug}"' in client.get(path).content.decode()
