"""The citation metadata of the real archive's pages, read back with real parsers:
Busan 2016 as a reference manager would import it, and every plenary's dates at
the precision its sources give."""

import json

import pytest
from django.utils.text import capfirst

from core.dates import iso_date
from plenaries.models import Plenary
from tests.core.citation_metadata import csp_allows, link_header, read_metadata

pytestmark = pytest.mark.django_db

SITE = "http://testserver"
BUSAN = f"{SITE}/plenaries/2016-busan/"
CSL = "application/vnd.citationstyles.csl+json"


def test_busan_2016_reads_as_the_archive_has_it(client, real_archive):
    response = client.get("/plenaries/2016-busan/")
    meta = read_metadata(response)
    assert meta.one("citation_title") == "30th plenary, Busan 2016"
    assert meta.one("citation_publication_date") == "2016/10/21"
    assert meta.one("citation_public_url") == BUSAN
    assert meta.dc("identifier") == BUSAN
    event = meta.node("Event")
    assert (event["startDate"], event["endDate"]) == ("2016-10-17", "2016-10-21")
    assert event["location"]["name"] == "Busan, Republic of Korea"
    assert event["location"]["address"]["addressLocality"] == "Busan"
    assert event["location"]["address"]["addressCountry"]["name"] == (
        "Republic of Korea"
    )
    assert event["location"]["address"]["addressCountry"]["identifier"] == "KR"
    assert link_header(response)["cite-as"]["url"] == BUSAN
    (script,) = meta.scripts
    assert csp_allows(response, script)


def test_busan_2016_imports_from_its_own_csl_json(client, real_archive):
    """The CSL-JSON the page links to gives the title, date, place and address."""
    meta = read_metadata(client.get("/plenaries/2016-busan/"))
    (item,) = json.loads(client.get(meta.head_link("alternate", CSL)).content)
    assert item["title"] == "30th plenary, Busan 2016"
    assert item["issued"] == {"date-parts": [[2016, 10, 21]]}
    assert item["event-place"] == "Busan, Republic of Korea"
    assert item["URL"] == BUSAN


def test_the_busan_statement_names_its_publisher_date_and_original(
    client, real_archive
):
    response = client.get("/sources/busan-2016-statement/")
    meta = read_metadata(response)
    original = (
        "https://mtcr.info/public-statement-from-the-plenary-meeting-of-the-"
        "missile-technology-control-regime-mtcr-busan-21st-october-2016/"
    )
    title = (
        "Public Statement from the Plenary Meeting of the MTCR, Busan, 21 October 2016"
    )
    assert meta.one("citation_title") == title
    assert meta.one("citation_publisher") == "MTCR"
    assert meta.dc("source") == original
    report = meta.node("Report")
    assert (report["sameAs"], report["datePublished"]) == (original, "2016-10-21")
    assert report["about"]["url"] == BUSAN
    described = link_header(response)["describedby"]["url"]
    assert client.get(described).json()["title"] == title


def test_every_plenary_is_dated_at_its_own_precision(client, real_archive):
    """Each plenary's Event: its name, and start and end written as precisely
    as the archive knows them (a month-only date stays a month)."""
    plenaries = list(Plenary.objects.with_place())
    assert len(plenaries) > 20
    assert {plenary.date_precision for plenary in plenaries} > {"day"}
    for plenary in plenaries:
        meta = read_metadata(client.get(plenary.get_absolute_url()))
        event = meta.node("Event")
        precision = plenary.date_precision
        assert event["name"] == capfirst(str(plenary))
        assert event["startDate"] == iso_date(plenary.start_date, precision)
        # A meeting known by its opening day alone (Sochi 2021) claims no end.
        assert event.get("endDate") == (iso_date(plenary.end_date, precision) or None)
        assert event["location"]["address"]["addressCountry"]["name"] == (
            plenary.country.name
        )
