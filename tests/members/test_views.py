"""The partner, adherent and country pages, their filters and exports."""

import csv
import datetime
import io
import json

import pytest
from django.urls import reverse

from tests.factories import (
    AdherenceFactory,
    CitationFactory,
    CountryFactory,
    MembershipFactory,
)
from tests.large_archive import count_queries, grow_archive

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

MEMBERS = reverse("members:list")
ADHERENTS = reverse("members:adherents")


def partner_names(response):
    return [m.country.name for m in response.context["page_obj"].object_list]


def row_of(html, slug):
    """The list's row of one country."""
    return html.split(f'id="{slug}"', 1)[1].split("</tr>", 1)[0]


def test_partners_are_listed_with_the_start_of_their_partnership(client, small_archive):
    response = client.get(MEMBERS)
    html = response.content.decode()
    assert response.status_code == 200
    assert partner_names(response) == ["Korea", "India"]
    assert '<th scope="col">Partnership began</th>' in html
    assert row_of(html, "korea").split("<td>", 1)[1].startswith("March 2001</td>")
    assert row_of(html, "india").split("<td>", 1)[1].startswith("27 June 2016</td>")


def test_a_partnership_dated_between_two_days_is_listed_by_its_latest_and_so_worded(
    client, small_archive
):
    """Ordered by the day it had certainly begun; worded as the interval."""
    MembershipFactory(
        country=CountryFactory(name="Poland", iso_code="PL"),
        since_earliest=datetime.date(1997, 11, 7),
        since_latest=datetime.date(1998, 10, 5),
        since_precision="day",
    )
    MembershipFactory(
        country=CountryFactory(name="Hungary", iso_code="HU"),
        since_earliest=None,
        since_latest=datetime.date(1993, 12, 31),
        since_precision="year",
    )
    response = client.get(MEMBERS)
    html = response.content.decode()
    assert partner_names(response) == ["Hungary", "Poland", "Korea", "India"]
    assert "<td>by 1993</td>" in row_of(html, "hungary")
    assert "<td>between 7 November 1997 and 5 October 1998</td>" in row_of(
        html, "poland"
    )


def test_founding_partners_are_marked(client, small_archive):
    norway = CountryFactory(name="Norway", iso_code="NO")
    MembershipFactory(country=norway, since=datetime.date(1987, 4, 16), founding=True)
    html = client.get(MEMBERS).content.decode()
    row = row_of(html, "norway")
    assert '<span class="badge">founding</span>' in row
    assert (
        client.get(MEMBERS, {"founding": "true"}).context["page_obj"].paginator.count
        == 1
    )


def test_the_evidence_of_a_partnership_is_quoted(client, small_archive):
    html = client.get(MEMBERS).content.decode()
    row = row_of(html, "india")
    assert "1 passage" in row
    assert small_archive["source"].title in row


def test_on_a_date_shows_partners_and_adherents_of_that_day(client, small_archive):
    response = client.get(MEMBERS, {"on": "2010-01-01"})
    assert partner_names(response) == ["Korea"]
    assert [a.country.name for a in response.context["adherents_on"]] == ["India"]
    assert "Partners on 1 January 2010" in response.content.decode()
    later = client.get(MEMBERS, {"on": "2016-10-21"})
    assert partner_names(later) == ["Korea", "India"]
    assert later.context["adherents_on"] == []


def test_a_date_that_cannot_be_read_is_ignored_and_reported(client, small_archive):
    response = client.get(MEMBERS, {"on": "2016-13-45"})
    assert response.status_code == 200
    assert partner_names(response) == ["Korea", "India"]
    assert "could not be read and were ignored" in response.content.decode()


def test_growth_chart_is_an_accessible_svg(client, small_archive):
    """A labelled image: a line of the partners certainly begun, a band up to
    those that may have begun, each step titled."""
    html = client.get(MEMBERS).content.decode()
    assert '<svg class="chart" viewBox="0 0 800 196" role="img"' in html
    assert 'aria-labelledby="growth-title growth-desc"' in html
    assert '<title id="growth-title">Partners over time</title>' in html
    assert (
        '<desc id="growth-desc">Partners certainly (line) and possibly (band) '
        "from 2001: 2 certainly and 2 possibly by 2016.</desc>"
    ) in html
    assert '<path class="partners-possible" d="M' in html
    assert '<path class="partners" d="M' in html
    assert "<figcaption>Number of partners over time" in html


def test_growth_chart_band_holds_a_partnership_known_only_between_two_days(
    client, small_archive
):
    MembershipFactory(
        country=CountryFactory(name="Poland", iso_code="PL"),
        since_earliest=datetime.date(1997, 11, 7),
        since_latest=datetime.date(1998, 10, 5),
        since_precision="day",
    )
    html = client.get(MEMBERS).content.decode()
    # From its earliest day Poland is in the band, not yet on the line.
    assert "<title>0 partners certainly, 1 possibly, from 1997-11-07</title>" in html
    assert "from 1997: 3 certainly and 3 possibly by 2016.</desc>" in html


def test_partner_exports_hold_the_filtered_rows(client, small_archive):
    rows = json.loads(
        client.get(MEMBERS, {"on": "2010-01-01", "format": "json"}).content
    )
    assert [row["country"] for row in rows] == ["Korea"]
    assert (rows[0]["since"], rows[0]["since_earliest"], rows[0]["since_latest"]) == (
        "2001-03",
        "2001-03-01",
        "2001-03-31",
    )
    response = client.get(MEMBERS, {"format": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["country"] for row in rows] == ["Korea", "India"]
    assert rows[1]["since"] == "2016-06-27"
    assert rows[1]["since_earliest"] == rows[1]["since_latest"] == "2016-06-27"
    assert rows[1]["since_precision"] == "day"
    assert rows[1]["since_display"] == "27 June 2016"
    assert rows[1]["evidence"].startswith(small_archive["source"].title)


def test_a_partnership_possible_on_the_day_is_exported_with_its_interval(
    client, small_archive
):
    """Filtered on a day, the export holds the partners certain and possible on it
    (as the page lists them), each with its bounds; not the ones not yet begun."""
    MembershipFactory(
        country=CountryFactory(name="Poland", iso_code="PL"),
        since_earliest=datetime.date(1997, 11, 7),
        since_latest=datetime.date(1998, 10, 5),
        since_precision="day",
    )
    response = client.get(MEMBERS, {"on": "1998-01-01", "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["country"] for row in rows] == ["Poland"]
    (poland,) = rows
    assert poland["since"] == "[1997-11-07..1998-10-05]"
    assert (poland["since_earliest"], poland["since_latest"]) == (
        "1997-11-07",
        "1998-10-05",
    )
    assert poland["since_display"] == "between 7 November 1997 and 5 October 1998"


def test_adherents_are_grouped_by_kind_with_dates_and_evidence(client, small_archive):
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


def test_adherents_filter_by_kind_and_export(client, small_archive):
    CitationFactory(source=small_archive["source"], adherence=AdherenceFactory(
        country=CountryFactory(name="Israel", iso_code="IL"), kind="formal"
    ))  # fmt: skip
    response = client.get(ADHERENTS, {"kind": "pledged"})
    assert [a.country.name for a in response.context["page_obj"]] == ["India"]
    rows = json.loads(
        client.get(ADHERENTS, {"kind": "formal", "format": "json"}).content
    )
    assert [(row["country"], row["kind"]) for row in rows] == [("Israel", "formal")]
    assert rows[0]["evidence"][0].startswith(small_archive["source"].title)
    assert client.get(ADHERENTS, {"kind": "nonsense"}).status_code == 200


def test_country_page_gathers_partnership_adherence_plenaries_and_chairs(
    client, small_archive
):
    html = client.get("/members/india/").content.decode()
    assert "<h1>India</h1>" in html
    partnership = html.split('id="partnership-heading"', 1)[1].split("</section>")[0]
    assert (
        "The partnership began: <strong>27 June 2016</strong> "
        "(<code>2016-06-27</code>)."
    ) in partnership
    assert small_archive["source"].title in partnership
    assert "Agreed or pledged to apply the Guidelines" in html
    named = html.split("Plenary texts that name India", 1)[1]
    assert "30th plenary, Busan 2016" in named
    netherlands = client.get("/members/netherlands/").content.decode()
    assert "jointly with Luxembourg" in netherlands
    assert "Ambassador Piet de Klerk" in netherlands
    korea = client.get("/members/korea/").content.decode()
    hosted = korea.split("Plenaries hosted", 1)[1].split("</section>", 1)[0]
    assert "30th plenary, Busan 2016" in hosted


def test_a_country_that_is_not_a_partner_says_so(client, small_archive):
    html = client.get("/members/dprk/").content.decode()
    assert "DPRK is not a partner of the regime in the archive." in html
    assert "Also named in the documents: North Korea" in html


def test_an_unknown_country_is_a_404_with_the_sites_own_page(client, small_archive):
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


@pytest.mark.slow
def test_each_page_runs_the_same_queries_on_an_archive_ten_times_larger(
    client, small_archive, django_assert_max_num_queries
):
    # A partner possibly on the day of the "on" page, with its witness, in both
    # archives: the page reads the witnesses of the possible partners only when
    # there are some (the grown archive has some of its own).
    CitationFactory(
        source=small_archive["source"],
        field="since",
        claim="by 2000-06-30",
        membership=MembershipFactory(
            country=CountryFactory(name="Poland", iso_code="PL"),
            since_earliest=datetime.date(1999, 6, 1),
            since_latest=datetime.date(2000, 6, 30),
            since_precision="day",
        ),
    )
    grow_archive(scale=1)
    small = {url: count_queries(client, url) for url in PAGES}
    grow_archive(scale=10)
    for url in PAGES:
        with django_assert_max_num_queries(small[url]):
            assert client.get(url).status_code == 200
    assert max(small.values()) <= 15


def test_the_adherent_kind_filter_is_a_labelled_select(client, small_archive):
    html = client.get(ADHERENTS).content.decode()
    assert '<label for="id_kind">Kind</label>' in html
    assert '<select name="kind" id="id_kind">' in html
