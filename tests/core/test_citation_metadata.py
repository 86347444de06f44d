"""Every record's page tells reference managers what it is: Highwire Press and
Dublin Core tags, schema.org JSON-LD and a Link header, read back with real
parsers and checked against the small archive's records."""

import json

import pytest
from django.urls import reverse

from tests.core.citation_metadata import (
    csp_allows,
    link_header,
    read_metadata,
)
from tests.factories import PlenaryFactory

pytestmark = pytest.mark.django_db

SITE = "http://testserver"
ARCHIVE = "MTCR Plenary Archive"


def get(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response, read_metadata(response)


def test_plenary_page_gives_title_dates_place_and_address(client, small_archive):
    response, meta = get(client, "/plenaries/2016-busan/")
    url = f"{SITE}/plenaries/2016-busan/"
    assert meta.one("citation_title") == "30th plenary, Busan 2016"
    assert meta.one("citation_publication_date") == "2016/10/21"
    assert meta.one("citation_publisher") == ARCHIVE
    assert meta.one("citation_journal_title") == ARCHIVE
    assert meta.one("citation_public_url") == url
    assert meta.one("citation_abstract_html_url") == url
    assert meta.dc("title") == "30th plenary, Busan 2016"
    assert meta.dc("date") == "2016-10-21"
    assert meta.dc("publisher") == ARCHIVE
    assert meta.dc("identifier") == url
    assert meta.dc("type") == "Event"
    event = meta.node("Event")
    assert event["name"] == "30th plenary, Busan 2016"
    assert event["url"] == url
    assert (event["startDate"], event["endDate"]) == ("2016-10-17", "2016-10-21")
    assert event["location"]["name"] == "Busan, Korea"
    address = event["location"]["address"]
    assert address["addressLocality"] == "Busan"
    assert address["addressCountry"] == {
        "@type": "Country",
        "name": "Korea",
        "identifier": "KR",
    }
    assert event["organizer"]["name"] == "Missile Technology Control Regime"


def test_a_month_precise_plenary_is_dated_to_the_month(client, small_archive):
    """Interlaken 1993 is known to the month: no day is made up anywhere."""
    _, meta = get(client, "/plenaries/1993-interlaken/")
    assert meta.one("citation_title") == "Plenary, Interlaken 1993"
    assert meta.one("citation_publication_date") == "1993/12"
    assert meta.dc("date") == "1993-12"
    event = meta.node("Event")
    assert (event["startDate"], event["endDate"]) == ("1993-11", "1993-12")


def test_a_year_precise_plenary_is_dated_to_the_year(client, db):
    plenary = PlenaryFactory(date_precision="year", city="")
    _, meta = get(client, plenary.get_absolute_url())
    year = str(plenary.start_date.year)
    assert meta.one("citation_publication_date") == year
    event = meta.node("Event")
    assert (event["startDate"], event["endDate"]) == (year, year)
    assert "addressLocality" not in event["location"]["address"]
    assert event["location"]["name"] == plenary.country.name


def test_plenary_link_header_names_its_address_and_its_json(client, small_archive):
    response, meta = get(client, "/plenaries/2016-busan/")
    links = link_header(response)
    assert links["cite-as"]["url"] == f"{SITE}/plenaries/2016-busan/"
    described = links["describedby"]
    assert described == {
        "url": f"{SITE}/api/plenaries/2016-busan/",
        "type": "application/json",
    }
    data = client.get(described["url"]).json()
    assert data["slug"] == "2016-busan"
    assert meta.head_link("describedby") == described["url"]


def test_plenary_page_links_its_csl_json_which_imports_right(client, small_archive):
    """The CSL-JSON the page links to, as a reference manager imports it: the
    title, the date, the place and the page's address."""
    response, meta = get(client, "/plenaries/2016-busan/")
    csl_url = meta.head_link("alternate", "application/vnd.citationstyles.csl+json")
    assert csl_url == f"{SITE}/cite/plenaries/2016-busan.json"
    assert link_header(response)["alternate"]["url"] == csl_url
    (item,) = json.loads(client.get(csl_url).content)
    assert item["title"] == "30th plenary, Busan 2016"
    assert item["issued"] == {"date-parts": [[2016, 10, 21]]}
    assert item["event-place"] == "Busan, Korea"
    assert item["URL"] == f"{SITE}/plenaries/2016-busan/"
    assert item["container-title"] == ARCHIVE


def test_country_page_is_a_country_with_its_json(client, small_archive):
    response, meta = get(client, "/members/korea/")
    url = f"{SITE}/members/korea/"
    assert meta.one("citation_title") == "Korea"
    assert meta.one("citation_public_url") == url
    assert "citation_publication_date" not in meta.highwire  # nothing dates it
    assert meta.dc("identifier") == url
    country = meta.node("Country")
    assert country["name"] == "Korea"
    assert country["identifier"] == "KR"
    assert country["alternateName"] == ["the Republic of Korea"]
    links = link_header(response)
    assert links["cite-as"]["url"] == url
    assert links["describedby"]["url"] == f"{SITE}/api/members/korea/"
    assert client.get(links["describedby"]["url"]).json()["iso_code"] == "KR"


def test_source_page_gives_publisher_date_and_original(client, small_archive):
    """A document known to the year, with its own publisher and original."""
    response, meta = get(client, "/sources/nti-mtcr-overview/")
    url = f"{SITE}/sources/nti-mtcr-overview/"
    assert meta.one("citation_title") == "MTCR: overview and developments"
    assert meta.one("citation_publisher") == "Nuclear Threat Initiative"
    assert meta.one("citation_publication_date") == "2023"
    assert meta.dc("date") == "2023"
    assert meta.dc("source") == "https://mtcr.info/"
    assert meta.dc("type") == "Text"
    article = meta.node("Article")
    assert article["url"] == url
    assert article["sameAs"] == "https://mtcr.info/"
    assert article["datePublished"] == "2023"
    assert article["publisher"]["name"] == "Nuclear Threat Initiative"
    links = link_header(response)
    assert links["cite-as"]["url"] == url
    assert links["describedby"]["url"] == f"{SITE}/api/sources/nti-mtcr-overview/"


def test_a_statement_is_a_report_about_its_plenary(client, small_archive):
    _, meta = get(client, "/sources/busan-2016-statement/")
    report = meta.node("Report")
    assert report["datePublished"] == "2016-10-21"
    assert report["about"] == {
        "@type": "Event",
        "name": "30th plenary, Busan 2016",
        "url": f"{SITE}/plenaries/2016-busan/",
    }


def test_the_chair_list_opened_at_a_term_describes_that_term(client, small_archive):
    """Chair terms have no page of their own: the list opened at one (where
    links to a term lead) carries its metadata, with that address to cite."""
    slug = "2015-netherlands-luxembourg"
    response, meta = get(client, f"/chairs/?entry={slug}")
    url = f"{SITE}/chairs/?entry={slug}#{slug}"
    assert meta.one("citation_title") == "Chair: Luxembourg and Netherlands"
    assert meta.one("citation_publication_date") == "1993/11"  # its first plenary
    assert meta.one("citation_public_url") == url
    page = meta.node("WebPage")
    assert [country["name"] for country in page["about"]] == [
        "Luxembourg",
        "Netherlands",
    ]
    assert page["temporalCoverage"] == "1993-11/2016-10-17"
    assert {person["name"] for person in page["mentions"]} == {
        "Ambassador Piet de Klerk",
        "Jean-Louis Wolzfeld",
    }
    assert link_header(response)["cite-as"]["url"] == url
    assert "describedby" not in link_header(response)  # the API has no term alone


def test_the_annex_list_opened_at_a_revision_describes_it(client, small_archive):
    response, meta = get(client, "/annex/?entry=2016-10-annex")
    url = f"{SITE}/annex/?entry=2016-10-annex#2016-10-annex"
    assert meta.one("citation_title") == "Annex revision, October 2016"
    assert meta.one("citation_publication_date") == "2016/10"
    work = meta.node("CreativeWork")
    assert work["datePublished"] == "2016-10"
    assert work["description"] == "Annex updated"
    assert link_header(response)["cite-as"]["url"] == url


@pytest.mark.parametrize("path", ["/chairs/", "/annex/", "/chairs/?entry=nobody"])
def test_a_list_not_opened_at_an_entry_claims_no_record(client, small_archive, path):
    response, meta = get(client, path)
    assert meta.highwire == {}
    assert meta.json_ld == []
    assert "Link" not in response


def test_the_regime_on_a_day_is_a_page_about_the_regime(client, small_archive):
    response, meta = get(client, "/on/2016-10-21/")
    url = f"{SITE}/on/2016-10-21/"
    assert meta.one("citation_title") == "The regime on 21 October 2016"
    assert meta.one("citation_public_url") == url
    page = meta.node("WebPage")
    assert page["temporalCoverage"] == "2016-10-21"
    assert page["about"]["name"] == "Missile Technology Control Regime"
    links = link_header(response)
    assert links["cite-as"]["url"] == url
    assert "describedby" not in links  # the API has no day


def test_a_paragraph_cites_as_its_anchor_on_the_plenary_page(client, small_archive):
    """A paragraph's permalink leads to its citation page, which names the
    paragraph's permanent address (its anchor on the plenary's page)."""
    response, meta = get(client, "/cite/plenaries/2016-busan/p-1/")
    url = f"{SITE}/plenaries/2016-busan/#p-1"
    title = "30th plenary, Busan 2016: public statement, paragraph 1"
    assert meta.one("citation_title") == title
    assert meta.one("citation_public_url") == url
    assert meta.one("citation_publication_date") == "2016/10/21"
    work = meta.node("CreativeWork")
    assert work["isPartOf"]["url"] == f"{SITE}/plenaries/2016-busan/"
    links = link_header(response)
    assert links["cite-as"]["url"] == url
    assert links["describedby"]["url"] == f"{SITE}/api/plenaries/2016-busan/"
    (item,) = json.loads(client.get(links["alternate"]["url"]).content)
    assert (item["title"], item["URL"]) == (title, url)


def test_bulk_data_is_a_dataset_of_a_zip_and_csvs(client, small_archive):
    response, meta = get(client, reverse("api:data"))
    dataset = meta.node("Dataset")
    assert dataset["url"] == f"{SITE}/data/"
    assert dataset["publisher"]["name"] == ARCHIVE
    assert "license" not in dataset  # the project states none
    downloads = {item["name"]: item for item in dataset["distribution"]}
    assert downloads["archive.zip"]["encodingFormat"] == "application/zip"
    csvs = [item for item in dataset["distribution"] if item["name"].endswith(".csv")]
    assert {item["encodingFormat"] for item in csvs} == {"text/csv"}
    assert "plenaries.csv" in downloads
    for item in [downloads["archive.zip"], downloads["plenaries.csv"]]:
        assert item["contentUrl"].startswith(f"{SITE}/data/")
        assert client.get(item["contentUrl"]).status_code == 200
    assert meta.dc("type") == "Dataset"
    assert link_header(response)["cite-as"]["url"] == f"{SITE}/data/"


PAGES = [
    "/plenaries/2016-busan/",
    "/members/korea/",
    "/sources/busan-2016-statement/",
    "/chairs/?entry=2015-netherlands-luxembourg",
    "/annex/?entry=2016-10-annex",
    "/on/2016-10-21/",
    "/cite/plenaries/2016-busan/p-1/",
    "/data/",
]


@pytest.mark.parametrize("path", PAGES)
def test_the_csp_allows_the_json_ld_by_its_hash_cached_or_not(
    client, small_archive, settings, path
):
    """No 'unsafe-inline': the one JSON-LD script is allowed by its hash, and a
    copy from the page cache keeps both the script and the policy (the citation
    pages are private, never cached)."""
    settings.PAGE_CACHE_SECONDS = 60
    first, meta = get(client, path)
    (script,) = meta.scripts
    assert csp_allows(first, script)
    again, meta_again = get(client, path)
    if "private" not in first.get("Cache-Control", ""):
        assert again["X-Cache"] == "hit"
    assert meta_again.scripts == [script]
    assert csp_allows(again, script)
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_a_page_without_json_ld_keeps_the_plain_policy(client, small_archive):
    policy = client.get("/plenaries/").headers["Content-Security-Policy"]
    assert "script-src 'self';" in policy
    assert "sha256" not in policy


def test_record_text_cannot_break_out_of_the_json_ld(client, small_archive):
    """A city with markup in it stays data: the JSON-LD still parses and holds
    it, and no script element is opened by it."""
    hostile = '</script><script>alert("x")</script> & <b>'
    plenary = PlenaryFactory(city=hostile)
    response, meta = get(client, plenary.get_absolute_url())
    assert meta.node("Event")["location"]["address"]["addressLocality"] == hostile
    assert response.content.decode().count("<script") == 1
    assert meta.one("citation_title") == str(plenary)
