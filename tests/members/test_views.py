"""The partner, adherent and country pages, their filters and exports."""

import csv
import datetime
import html as html_lib
import io
import json
import re

import pytest
from django.urls import reverse

from benchmarks.synthetic import clone_archive
from members.models import Adherence, Country
from members.views import LISTED
from plenaries.models import Chairmanship, Plenary
from tests.factories import (
    AdherenceFactory,
    CitationFactory,
    CountryFactory,
    MembershipFactory,
)
from tests.large_archive import (  # noqa: F401
    count_queries,
    grow_archive,
    no_page_cache,
    real_archive,
    small_archive,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

MEMBERS = reverse("members:list")
ADHERENTS = reverse("members:adherents")


def partner_names(response):
    return [m.country.name for m in response.context["page_obj"].object_list]


def test_partners_are_listed_with_the_start_of_their_partnership(client, archive):
    response = client.get(MEMBERS)
    html = response.content.decode()
    assert response.status_code == 200
    assert partner_names(response) == ["Korea", "India"]
    assert "since March 2001" in html
    assert "since 27 June 2016" in html


def test_founding_partners_are_marked(client, archive):
    norway = CountryFactory(name="Norway", iso_code="NO")
    MembershipFactory(country=norway, since=datetime.date(1987, 4, 16), founding=True)
    html = client.get(MEMBERS).content.decode()
    row = html.split('id="norway"', 1)[1].split("</tr>", 1)[0]
    assert '<span class="badge">founding</span>' in row
    assert (
        client.get(MEMBERS, {"founding": "true"}).context["page_obj"].paginator.count
        == 1
    )


def test_the_evidence_of_a_partnership_is_quoted(client, archive):
    html = client.get(MEMBERS).content.decode()
    row = html.split('id="india"', 1)[1].split("</tr>", 1)[0]
    assert "1 passage" in row
    assert archive["source"].title in row


def test_on_a_date_shows_partners_and_adherents_of_that_day(client, archive):
    response = client.get(MEMBERS, {"on": "2010-01-01"})
    assert partner_names(response) == ["Korea"]
    assert [a.country.name for a in response.context["adherents_on"]] == ["India"]
    assert "Partners on 1 January 2010" in response.content.decode()
    later = client.get(MEMBERS, {"on": "2016-10-21"})
    assert partner_names(later) == ["Korea", "India"]
    assert later.context["adherents_on"] == []


def test_a_date_that_cannot_be_read_is_ignored_and_reported(client, archive):
    response = client.get(MEMBERS, {"on": "2016-13-45"})
    assert response.status_code == 200
    assert partner_names(response) == ["Korea", "India"]
    assert "could not be read and were ignored" in response.content.decode()


def test_growth_chart_is_an_accessible_svg(client, archive):
    html = client.get(MEMBERS).content.decode()
    assert '<svg class="chart"' in html
    assert '<title id="growth-title">Partners over time</title>' in html
    assert "From 1 partners in 2001 to 2 in 2016." in html


def test_partner_exports_hold_the_filtered_rows(client, archive):
    rows = json.loads(
        client.get(MEMBERS, {"on": "2010-01-01", "format": "json"}).content
    )
    assert [row["country"] for row in rows] == ["Korea"]
    response = client.get(MEMBERS, {"format": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["country"] for row in rows] == ["Korea", "India"]
    assert rows[1]["since"] == "2016-06-27"
    assert rows[1]["since_display"] == "since 27 June 2016"
    assert rows[1]["evidence"].startswith(archive["source"].title)


def test_adherents_are_grouped_by_kind_with_dates_and_evidence(client, archive):
    pakistan = CountryFactory(name="Israel", iso_code="IL")
    AdherenceFactory(
        country=pakistan,
        kind="formal",
        declared=datetime.date(1998, 1, 1),
        declared_precision="year",
        declared_is_upper_bound=True,
    )
    response = client.get(ADHERENTS)
    html = response.content.decode()
    assert html.index("Formal unilateral adherent") < html.index(
        "Agreed or pledged to apply the Guidelines"
    )
    assert "by 1998" in html
    assert "18 July 2005" in html
    assert "(became a partner)" in html
    assert [a.country.name for a in response.context["page_obj"]] == ["Israel", "India"]


def test_adherents_filter_by_kind_and_export(client, archive):
    CitationFactory(source=archive["source"], adherence=AdherenceFactory(
        country=CountryFactory(name="Israel", iso_code="IL"), kind="formal"
    ))  # fmt: skip
    response = client.get(ADHERENTS, {"kind": "pledged"})
    assert [a.country.name for a in response.context["page_obj"]] == ["India"]
    rows = json.loads(
        client.get(ADHERENTS, {"kind": "formal", "format": "json"}).content
    )
    assert [(row["country"], row["kind"]) for row in rows] == [("Israel", "formal")]
    assert rows[0]["evidence"][0].startswith(archive["source"].title)
    assert client.get(ADHERENTS, {"kind": "nonsense"}).status_code == 200


def test_country_page_gathers_partnership_adherence_plenaries_and_chairs(
    client, archive
):
    html = client.get("/members/india/").content.decode()
    assert "<h1>India</h1>" in html
    assert "A partner since 27 June 2016." in html
    assert "Agreed or pledged to apply the Guidelines" in html
    named = html.split("Plenary texts that name India", 1)[1]
    assert "30th plenary, Busan 2016" in named
    netherlands = client.get("/members/netherlands/").content.decode()
    assert "jointly with Luxembourg" in netherlands
    assert "Ambassador Piet de Klerk" in netherlands
    korea = client.get("/members/korea/").content.decode()
    hosted = korea.split("Plenaries hosted", 1)[1].split("</section>", 1)[0]
    assert "30th plenary, Busan 2016" in hosted


def test_a_country_that_is_not_a_partner_says_so(client, archive):
    html = client.get("/members/dprk/").content.decode()
    assert "DPRK is not a partner of the regime in the archive." in html
    assert "Also named in the documents: North Korea" in html


def test_an_unknown_country_is_a_404_with_the_sites_own_page(client, archive):
    response = client.get("/members/atlantis/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


PAGES = [
    MEMBERS,
    MEMBERS + "?on=2000-01-01",
    MEMBERS + "?format=json",
    ADHERENTS,
    ADHERENTS + "?format=csv",
    "/members/india/",
    "/members/generated-3/",
]


def test_each_page_runs_the_same_queries_on_an_archive_ten_times_larger(
    client, archive, django_assert_max_num_queries
):
    grow_archive(scale=1)
    small = {url: count_queries(client, url) for url in PAGES}
    grow_archive(scale=10)
    for url in PAGES:
        with django_assert_max_num_queries(small[url]):
            assert client.get(url).status_code == 200
    assert max(small.values()) <= 15


@pytest.mark.usefixtures("real_archive")
def test_real_partners_on_two_dates_of_the_record(client):
    """34 partners at the Buenos Aires plenary of April 2011; 35 with India at Busan."""
    april_2011 = client.get(MEMBERS, {"on": "2011-04-15"})
    assert april_2011.context["page_obj"].paginator.count == 34
    assert "India" not in partner_names(april_2011)
    assert "India" in [a.country.name for a in april_2011.context["adherents_on"]]
    october_2016 = client.get(MEMBERS, {"on": "2016-10-21"})
    assert october_2016.context["page_obj"].paginator.count == 35
    assert "India" in partner_names(october_2016)


@pytest.mark.usefixtures("real_archive")
def test_real_founding_partners_are_the_seven_of_april_1987(client):
    response = client.get(MEMBERS, {"founding": "true"})
    assert sorted(partner_names(response)) == [
        "Canada", "France", "Germany", "Italy", "Japan", "United Kingdom",
        "United States",
    ]  # fmt: skip
    html = response.content.decode()
    assert html.count("since 16 April 1987") == 7


@pytest.mark.usefixtures("real_archive")
def test_every_real_country_page_answers_and_india_shows_its_history(client):
    for country in Country.objects.all():
        assert client.get(country.get_absolute_url()).status_code == 200, country
    html = client.get("/members/india/").content.decode()
    assert "A partner since 27 June 2016." in html
    hosted_or_named = html.split("Plenary texts that name India", 1)[1]
    assert "30th plenary, Busan 2016" in hosted_or_named


@pytest.mark.usefixtures("real_archive")
def test_real_adherents_page_lists_each_kind_the_archive_holds(client):
    response = client.get(ADHERENTS)
    html = response.content.decode()
    kinds = set(Adherence.objects.values_list("kind", flat=True))
    for kind in kinds:
        assert Adherence.Kind(kind).label in html
    assert response.context["page_obj"].paginator.count == Adherence.objects.count()


def test_the_adherent_kind_filter_is_a_labelled_select(client, archive):
    html = client.get(ADHERENTS).content.decode()
    assert '<label for="id_kind">Kind</label>' in html
    assert '<select name="kind" id="id_kind">' in html


# What a country page lists, each kind with the records it lists (all of them).
COUNTRY_LISTS = {
    "hosted": lambda country: Plenary.objects.filter(country=country),
    "chairs": lambda country: Chairmanship.objects.filter(countries=country),
    "named": lambda country: Plenary.objects.filter(countries_named=country),
    "concerned": lambda country: Plenary.objects.filter(countries_of_concern=country),
}
# The words of each list's link to the whole list.
LIST_LINKS = {
    "hosted": "plenaries hosted by",
    "chairs": "terms held by",
    "named": "plenaries whose texts name",
    "concerned": "plenaries naming",
}


def full_list(client, html, words):
    """The records of every page of the list the page links to with `words`."""
    found = re.search(rf'<a href="([^"]+)">all (\d+) {words}', html)
    assert found, words
    url = html_lib.unescape(found[1])
    first = client.get(url).context["page_obj"]
    records = []
    for number in first.paginator.page_range:
        page = client.get(f"{url}&page={number}").context["page_obj"]
        records += page.object_list
    return int(found[2]), first, records


@pytest.mark.usefixtures("real_archive")
def test_real_country_pages_list_every_plenary_and_term_they_have(client):
    """The real archive's lists are all shorter than the cut: nothing is left out."""
    for country in Country.objects.all():
        response = client.get(country.get_absolute_url())
        for name, records in COUNTRY_LISTS.items():
            shown = response.context[name]
            assert shown.more == 0, (country, name)
            assert set(shown) == set(records(country)), (country, name)
        assert "The latest" not in response.content.decode(), country


@pytest.mark.usefixtures("real_archive")
def test_a_grown_country_page_shows_the_latest_of_each_list_and_links_to_all(client):
    """Six times the real archive: North Korea is named by 42 plenaries, Argentina
    hosted and chaired 12. Each list shows its latest ten, says how many there are,
    and links to a list that holds every one of them."""
    clone_archive(5)
    for slug, names in [("north-korea", ["named", "concerned"]),
                        ("argentina", ["hosted", "chairs"])]:  # fmt: skip
        country = Country.objects.get(slug=slug)
        response = client.get(country.get_absolute_url())
        html = response.content.decode()
        for name in names:
            records = COUNTRY_LISTS[name](country)
            shown = response.context[name]
            assert len(shown) == LISTED < shown.total == records.count()
            assert f"The latest {LISTED} of {shown.total}:" in html
            total, first_page, linked = full_list(client, html, LIST_LINKS[name])
            assert total == shown.total
            assert sorted(r.pk for r in linked) == sorted(r.pk for r in records)
            # The page's rows are the latest: the first of the full list, newest first.
            if name != "chairs":
                assert set(first_page.object_list[:LISTED]) == set(shown)
            else:
                latest = records.order_by("-start_plenary__start_date")[:LISTED]
                assert set(shown) == set(latest)
            for record in shown:
                assert record.get_absolute_url() in html


@pytest.mark.usefixtures("real_archive")
def test_country_pages_run_as_many_queries_on_a_grown_archive(
    client, django_assert_num_queries
):
    """Whatever their lists' lengths, at one and six times the real archive."""
    urls = [f"/members/{slug}/" for slug in
            ("india", "north-korea", "argentina", "iran", "netherlands")]  # fmt: skip
    real = {url: count_queries(client, url) for url in urls}
    clone_archive(5)
    for url in urls:
        with django_assert_num_queries(real[url]):
            assert client.get(url).status_code == 200
