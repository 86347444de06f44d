"""References parse back with real parsers and hold the title, date and address."""

import datetime
import json

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware

from core.dates import DatePrecision
from research import references
from tests.small_archive import build_archive

pytestmark = pytest.mark.django_db

ACCESSED = datetime.date(2026, 11, 23)

# Required by the CSL-JSON schema for every item (csl-data.json: "required").
CSL_REQUIRED = {"id", "type"}
CSL_TYPES = {"webpage", "document", "article", "report"}


def parse_bibtex(text):
    library = bibtexparser.parse_string(
        text, append_middleware=[LatexDecodingMiddleware()]
    )
    assert not library.failed_blocks
    (entry,) = library.entries
    return entry, {name: field.value for name, field in entry.fields_dict.items()}


def reference(**fields):
    return references.Reference(
        **{
            "key": "mtcr-2016-busan",
            "title": "30th plenary, Busan 2016",
            "url": "https://archive.example/plenaries/2016-busan/",
            "accessed": ACCESSED,
            "issued": datetime.date(2016, 10, 21),
            **fields,
        }
    )


def test_bibtex_parses_back_with_title_date_and_url():
    entry, fields = parse_bibtex(references.bibtex(reference()))
    assert entry.entry_type == "online"
    assert entry.key == "mtcr-2016-busan"
    assert fields["title"] == "30th plenary, Busan 2016"
    assert fields["date"] == "2016-10-21"
    assert fields["year"] == "2016"
    assert fields["url"] == "https://archive.example/plenaries/2016-busan/"
    assert fields["urldate"] == "2026-11-23"


def test_bibtex_escapes_what_would_break_the_entry():
    """Braces, percent and ampersand in a title survive the round trip."""
    title = "Report {draft} 50% & more_more #1"
    _, fields = parse_bibtex(references.bibtex(reference(title=title)))
    assert fields["title"] == title


def test_ris_parses_back_with_title_date_and_url():
    (record,) = rispy.loads(references.ris(reference(publisher="MTCR")))
    assert record["type_of_reference"] == "ELEC"
    assert record["title"] == "30th plenary, Busan 2016"
    assert record["year"] == "2016"
    assert record["date"] == "2016/10/21/"
    assert record["urls"] == ["https://archive.example/plenaries/2016-busan/"]
    assert record["access_date"] == "2026/11/23"
    assert record["publisher"] == "MTCR"


def test_a_month_precise_date_is_not_given_a_day():
    """October 1994 stays a month in every format."""
    month = reference(issued=datetime.date(1994, 10, 1), precision=DatePrecision.MONTH)
    _, fields = parse_bibtex(references.bibtex(month))
    assert fields["date"] == "1994-10"
    assert rispy.loads(references.ris(month))[0]["date"] == "1994/10//"
    item = json.loads(references.csl_json(month))[0]
    assert item["issued"] == {"date-parts": [[1994, 10]]}
    assert "October 1994" in references.chicago(month)


def test_csl_json_has_the_schema_required_fields_and_the_facts():
    (item,) = json.loads(references.csl_json(reference()))
    assert CSL_REQUIRED <= item.keys()
    assert item["type"] in CSL_TYPES
    assert item["title"] == "30th plenary, Busan 2016"
    assert item["issued"] == {"date-parts": [[2016, 10, 21]]}
    assert item["accessed"] == {"date-parts": [[2026, 11, 23]]}
    assert item["URL"] == "https://archive.example/plenaries/2016-busan/"


def test_chicago_style_names_title_site_date_address_and_access():
    text = references.chicago(reference())
    assert text == (
        "“30th plenary, Busan 2016.” MTCR Plenary Archive. October 21, 2016. "
        "https://archive.example/plenaries/2016-busan/. Accessed November 23, 2026."
    )


@pytest.mark.parametrize("file_format", ["bib", "ris", "json"])
def test_plenary_downloads_hold_the_page_address(client, file_format):
    """Each download of a plenary's reference carries its permanent address."""
    build_archive()
    response = client.get(f"/cite/plenaries/2016-busan.{file_format}")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'.{file_format}"')
    body = response.content.decode()
    assert "http://testserver/plenaries/2016-busan/" in body
    assert "30th plenary, Busan 2016" in body


def test_paragraph_reference_points_at_the_paragraph(client):
    build_archive()
    response = client.get("/cite/plenaries/2016-busan/p-1.json")
    (item,) = json.loads(response.content)
    assert item["URL"] == "http://testserver/plenaries/2016-busan/#p-1"
    assert item["title"] == "30th plenary, Busan 2016: public statement, paragraph 1"
    page = client.get("/cite/plenaries/2016-busan/p-1/")
    assert "The MTCR Partners held their <strong>30th</strong>" in page.text
    assert client.get("/cite/plenaries/2016-busan/p-2/").status_code == 404


def test_source_reference_names_publisher_and_original(client):
    build_archive()
    response = client.get("/cite/sources/nti-mtcr-overview.ris")
    (record,) = rispy.loads(response.content.decode())
    assert record["title"] == "MTCR: overview and developments"
    assert record["publisher"] == "Nuclear Threat Initiative"
    assert record["year"] == "2023"
    assert record["urls"] == ["http://testserver/sources/nti-mtcr-overview/"]


def test_cite_page_shows_chicago_and_links_every_download(client):
    build_archive()
    response = client.get("/cite/plenaries/2016-busan/")
    assert response.status_code == 200
    assert "“30th plenary, Busan 2016.” MTCR Plenary Archive. October 21, 2016." in (
        response.text
    )
    for file_format in ("bib", "ris", "json"):
        assert f'href="/cite/plenaries/2016-busan.{file_format}"' in response.text
    assert client.get("/cite/plenaries/no-such-plenary/").status_code == 404
    assert client.get("/cite/plenaries/2016-busan.xml").status_code == 404
