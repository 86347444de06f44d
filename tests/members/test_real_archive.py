"""The partner, adherent and country pages on the real archive."""

import datetime
import html as html_lib
import re

import pytest
from django.urls import reverse

from benchmarks.synthetic import clone_archive
from members.models import Adherence, Country, Membership
from members.views import LISTED
from plenaries.models import Chairmanship, Plenary
from tests.large_archive import count_queries

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

MEMBERS = reverse("members:list")
ADHERENTS = reverse("members:adherents")


@pytest.mark.usefixtures("real_archive")
def test_real_partners_on_two_dates_of_the_record(client):
    """34 partners certainly at the Buenos Aires plenary of April 2011, none
    possibly, India not yet (an adherent then); 35 certainly at Busan in October
    2016, India with them."""
    april_2011 = client.get(MEMBERS, {"on": "2011-04-15"})
    on = april_2011.context["partners_on"]
    assert (len(on.certain), on.possible) == (34, [])
    assert [m.country.name for m in on.not_yet] == ["India"]
    assert april_2011.context["page_obj"].paginator.count == 34
    assert "India" not in partner_names(april_2011)
    assert "India" in [a.country.name for a in april_2011.context["adherents_on"]]
    html = april_2011.content.decode()
    assert "Certainly partners: 34" in html
    assert "Possibly partners: 0" in html
    assert "Not yet partners: 1" in html
    october_2016 = client.get(MEMBERS, {"on": "2016-10-21"})
    on = october_2016.context["partners_on"]
    assert (len(on.certain), on.possible, on.not_yet) == (35, [], [])
    assert october_2016.context["page_obj"].paginator.count == 35
    assert "India" in partner_names(october_2016)


@pytest.mark.usefixtures("real_archive")
def test_real_partners_possible_on_1_january_1998_show_their_witnesses(client):
    """Between Tokyo (November 1997) and Budapest (October 1998) three partnerships
    began on a day the record does not give; the encyclopedia's year, which the
    record does not follow, shows as a disagreement."""
    response = client.get(MEMBERS, {"on": "1998-01-01"})
    on = response.context["partners_on"]
    assert [m.country.iso_code for m in on.possible] == ["CZ", "PL", "UA"]
    assert len(on.certain) == 29
    assert {m.country.iso_code for m in on.not_yet} == {"KR", "BG", "IN"}
    html = response.content.decode()
    poland = html.split('href="/members/poland/">Poland</a>: began ', 1)[1]
    poland = poland.split("</ul>", 1)[0]
    assert poland.startswith("between 7 November 1997 and 5 October 1998")
    assert 'by 1998-10-05: <a href="/sources/mtcr-1998-budapest/">' in poland
    assert 'not yet on 1997-11-06: <a href="/sources/mtcr-1997-tokyo/">' in poland
    disagreement = poland.split('1997: <a href="/sources/wikipedia-mtcr/">', 1)[1]
    assert disagreement.split("</li>", 1)[0].endswith(
        '<strong class="not-followed">(disagrees; not followed)</strong>'
    )
    # The list holds the partners certainly and possibly on the day.
    assert response.context["page_obj"].paginator.count == 32


@pytest.mark.usefixtures("real_archive")
def test_real_founding_partners_are_the_seven_of_april_1987(client):
    response = client.get(MEMBERS, {"founding": "true"})
    assert sorted(partner_names(response)) == [
        "Canada", "France", "Germany", "Italy", "Japan", "United Kingdom",
        "United States",
    ]  # fmt: skip
    for membership in response.context["page_obj"].object_list:
        assert membership.since_earliest == membership.since_latest
        assert membership.since_latest == datetime.date(1987, 4, 16)
    html = response.content.decode()
    assert html.count("<td>16 April 1987</td>") == 7
    assert Membership.objects.filter(founding=True).count() == 7


@pytest.mark.usefixtures("real_archive")
def test_every_real_country_page_answers_and_india_shows_its_history(client):
    for country in Country.objects.all():
        assert client.get(country.get_absolute_url()).status_code == 200, country
    html = client.get("/members/india/").content.decode()
    assert (
        "The partnership began: <strong>27 June 2016</strong> "
        "(<code>2016-06-27</code>)."
    ) in html
    assert (
        "Declared: by 16 September 2005; ended 27 June 2016 on becoming a partner."
    ) in html
    korea = client.get("/members/republic-of-korea/").content.decode()
    assert (
        "The partnership began: <strong>between 14 October 2000 and 25 September "
        "2001</strong> (<code>[2000-10-14..2001-09-25]</code>)."
    ) in korea
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
    # Each declaration as precisely as the evidence dates it, and said when none does.
    for row_id, declared in [
        ("china-pledged", "November 1991"),
        ("india-pledged", "by 16 September 2005"),
        ("kazakhstan-formal", "October 2017"),
        ("israel-informal", "date not stated"),
    ]:
        row = html.split(f'id="{row_id}"', 1)[1].split("</tr>", 1)[0]
        assert f"<td>{declared}</td>" in row, row_id


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


def partner_names(response):
    return [m.country.name for m in response.context["page_obj"].object_list]
