"""Every CSV the site writes keeps text that a spreadsheet would run as a formula
as text: a cell starting with =, +, -, @, a tab or a carriage return (OWASP's
list) gets a leading apostrophe. Numbers and dates are written as they are, and
the JSON exports are unchanged."""

import csv
import datetime
import io
import json
import zipfile
from decimal import Decimal

import pytest

from api.data import TABLES
from core import exports
from tests.factories import CountryFactory, MembershipFactory, PlenaryFactory
from tests.small_archive import build_archive

pytestmark = pytest.mark.django_db

HOSTILE = [
    '=HYPERLINK("http://evil.example","x")',
    "+1",
    "@SUM(A1)",
    "-2+3",
    "\t=1+1",
    "\r=1+1",
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LISTS = ["/plenaries/", "/members/", "/adherents/", "/chairs/", "/annex/"]


@pytest.fixture
def cities(settings):
    """A plenary in each hostile city, and a partner with a hostile name."""
    settings.PAGE_CACHE_SECONDS = 0
    build_archive()
    for city in HOSTILE:
        PlenaryFactory(city=city)
    # QZ: user-assigned, and outside the XA-XZ codes the factory hands out.
    MembershipFactory(country=CountryFactory(name="=1+2", iso_code="QZ"))
    return HOSTILE


def read_csv(content):
    return list(csv.DictReader(io.StringIO(content.decode("utf-8"), newline="")))


def by_slug(rows):
    return {row["slug"]: row for row in rows}


def hostile_slugs(client):
    rows = json.loads(client.get("/plenaries/", {"format": "json"}).content)
    return {row["slug"]: row["city"] for row in rows if row["city"] in HOSTILE}


def test_the_list_csv_keeps_a_formula_as_text(client, cities):
    slugs = hostile_slugs(client)
    assert sorted(slugs.values()) == sorted(HOSTILE)
    rows = by_slug(read_csv(client.get("/plenaries/", {"format": "csv"}).content))
    for slug, city in slugs.items():
        assert rows[slug]["city"] == "'" + city
        assert rows[slug]["number"].isdigit()
        assert datetime.date.fromisoformat(rows[slug]["start_date"])
    partners = read_csv(client.get("/members/", {"format": "csv"}).content)
    assert "'=1+2" in {row["country"] for row in partners}


def test_the_bulk_csvs_keep_a_formula_as_text(client, cities):
    slugs = hostile_slugs(client)
    per_table = by_slug(read_csv(client.get("/data/plenaries.csv").content))
    archive = zipfile.ZipFile(io.BytesIO(client.get("/data/archive.zip").content))
    in_zip = by_slug(read_csv(archive.read("mtcr-archive/csv/plenaries.csv")))
    for slug, city in slugs.items():
        assert per_table[slug]["city"] == in_zip[slug]["city"] == "'" + city
        assert per_table[slug]["number"].isdigit()
    countries = read_csv(client.get("/data/countries.csv").content)
    assert "'=1+2" in {row["name"] for row in countries}


def test_no_csv_cell_starts_like_a_formula(client, cities):
    """Every list's export and every table of the bulk data."""
    urls = [f"{url}?format=csv" for url in LISTS]
    urls += [f"/data/{table}.csv" for table in TABLES]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        for row in csv.reader(io.StringIO(response.content.decode(), newline="")):
            starts = [cell for cell in row if cell.startswith(FORMULA_STARTS)]
            assert not starts, (url, starts)


def test_the_json_exports_keep_the_text_as_it_is(client, cities):
    rows = json.loads(client.get("/plenaries/", {"format": "json"}).content)
    assert set(HOSTILE) <= {row["city"] for row in rows}
    archive = zipfile.ZipFile(io.BytesIO(client.get("/data/archive.zip").content))
    fixture = json.loads(archive.read("mtcr-archive/archive.json"))
    cities_in_fixture = {
        record["fields"]["city"]
        for record in fixture
        if record["model"] == "plenaries.plenary"
    }
    assert set(HOSTILE) <= cities_in_fixture


def test_numbers_and_dates_are_written_as_they_are():
    """A negative number is a number, not text; only text is prefixed."""
    row = [-2, -1.5, Decimal("-3.25"), datetime.date(2016, 10, 21), True, None]
    row += ["", "a=b", "-2", "@x", "'=already"]
    assert exports.csv_text([row]) == (
        "-2,-1.5,-3.25,2016-10-21,True,,,a=b,'-2,'@x,'=already\r\n"
    )
