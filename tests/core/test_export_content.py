"""What the exports of the real archive say, pinned row by row, and laid out as
`json.dumps(rows, indent=1)` lays them out."""

import csv
import io
import json

import pytest
from django.core.cache import cache

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

LISTS = ["/plenaries/", "/chairs/", "/members/", "/adherents/", "/annex/"]

PLENARIES = {
    "1993-canberra": {
        "number": None,
        "slug": "1993-canberra",
        "city": "Canberra",
        "country": "Australia",
        "country_code": "AU",
        "start_date": "1993-03-08",
        "end_date": "1993-03-11",
        "date_precision": "day",
        "dates": "8–11 March 1993",
        "dates_edtf": "1993-03-08/1993-03-11",
        "chairs": [],
        "chair_countries": ["Australia"],
        "has_statement": False,
        "resolutions": [],
        "url": "http://testserver/plenaries/1993-canberra/",
    },
    "2006-copenhagen": {
        "number": 21,
        "slug": "2006-copenhagen",
        "city": "Copenhagen",
        "country": "Denmark",
        "country_code": "DK",
        "start_date": "2006-10-02",
        "end_date": "2006-10-06",
        "date_precision": "day",
        "dates": "2–6 October 2006",
        "dates_edtf": "2006-10-02/2006-10-06",
        "chairs": ["Mr. Per Fisher", "Ambassador Liselotte Plesner"],
        "chair_countries": ["Denmark"],
        "has_statement": False,
        "resolutions": [1695, 1696],
        "url": "http://testserver/plenaries/2006-copenhagen/",
    },
    "2015-rotterdam": {
        "number": 29,
        "slug": "2015-rotterdam",
        "city": "Rotterdam",
        "country": "Netherlands",
        "country_code": "NL",
        "start_date": "2015-10-05",
        "end_date": "2015-10-09",
        "date_precision": "day",
        "dates": "5–9 October 2015",
        "dates_edtf": "2015-10-05/2015-10-09",
        "chairs": ["Ambassador Piet de Klerk"],
        "chair_countries": ["Luxembourg", "Netherlands"],
        "has_statement": False,
        "resolutions": [1540],
        "url": "http://testserver/plenaries/2015-rotterdam/",
    },
    "2016-busan": {
        "number": 30,
        "slug": "2016-busan",
        "city": "Busan",
        "country": "Republic of Korea",
        "country_code": "KR",
        "start_date": "2016-10-17",
        "end_date": "2016-10-21",
        "date_precision": "day",
        "dates": "17–21 October 2016",
        "dates_edtf": "2016-10-17/2016-10-21",
        "chairs": ["Mr. Ham Sang-wook"],
        "chair_countries": ["Republic of Korea"],
        "has_statement": True,
        "resolutions": [1540, 1695, 1718, 1874, 2087, 2094, 2231, 2270],
        "url": "http://testserver/plenaries/2016-busan/",
    },
}

CHAIRS = {
    "2006-denmark": {
        "slug": "2006-denmark",
        "countries": ["Denmark"],
        "country_codes": ["DK"],
        "joint": False,
        "start_plenary": "2006-copenhagen",
        "start_date": "2006-10-02",
        "start_edtf": "2006-10-02/2006-10-06",
        "end_plenary": "2007-athens",
        "end_date": "2007-11-05",
        "end_edtf": "2007-11-05/2007-11-09",
        "people": [
            "Mr. Per Fisher, special adviser to the minister for foreign affairs on "
            "non-proliferation, Chair of the MTCR until the next plenary",
            "Ambassador Liselotte Plesner, chaired the plenary meeting; chaired the "
            "plenary",
        ],
        "person_keys": ["per-fisher", "liselotte-plesner"],
        "roles": ["chair", "session-chair"],
        "url": "http://testserver/chairs/?entry=2006-denmark#2006-denmark",
    },
    "2017-ireland-iceland": {
        "slug": "2017-ireland-iceland",
        "countries": ["Iceland", "Ireland"],
        "country_codes": ["IS", "IE"],
        "joint": True,
        "start_plenary": "2017-dublin",
        "start_date": "2017-10-16",
        "start_edtf": "2017-10-16/2017-10-20",
        "end_plenary": "2019-auckland",
        "end_date": "2019-10-07",
        "end_edtf": "2019-10-07/2019-10-11",
        "people": [
            "Minister-Counsellor Bjarni Vestmann",
            "Ambassador Breifne O'Reilly",
        ],
        "person_keys": ["bjarni-vestmann", "breifne-o-reilly"],
        "roles": ["co-chair", "co-chair"],
        "url": "http://testserver/chairs/?entry=2017-ireland-iceland#2017-ireland-iceland",
    },
    "2022-switzerland": {
        "slug": "2022-switzerland",
        "countries": ["Switzerland"],
        "country_codes": ["CH"],
        "joint": False,
        "start_plenary": "2022-montreux",
        "start_date": "2022-10-17",
        "start_edtf": "2022-10-17/2022-10-21",
        "end_plenary": "",
        "end_date": None,
        "end_edtf": "",
        "people": ["Ambassador Benno Laggner, Chair of the MTCR"],
        "person_keys": ["benno-laggner"],
        "roles": ["chair"],
        "url": "http://testserver/chairs/?entry=2022-switzerland#2022-switzerland",
    },
}

BUSAN = "Public Statement from the Plenary Meeting of the MTCR, Busan, 21 October 2016"
OVERVIEW = (
    "Missile Technology Control Regime (MTCR): overview and developments, 1993-2022"
)

# India's partnership, its evidence apart: 22 passages (the statements and
# records that list the partners, its welcome at Busan, the overview's day).
INDIA = {
    "country": "India",
    "country_code": "IN",
    "since": "2016-06-27",
    "since_earliest": "2016-06-27",
    "since_latest": "2016-06-27",
    "since_precision": "day",
    "since_display": "27 June 2016",
    "founding": False,
    "url": "http://testserver/members/india/",
}
INDIA_WELCOMED = (
    f"{BUSAN}: “MTCR Partners warmly welcomed India as a new member to its first "
    "Plenary Meeting.”"
)


def assert_india(row):
    assert {key: value for key, value in row.items() if key != "evidence"} == INDIA
    assert len(row["evidence"]) == 22
    assert INDIA_WELCOMED in row["evidence"]


ESTONIA = {
    "country": "Estonia",
    "country_code": "EE",
    "kind": "formal",
    "kind_display": "Formal unilateral adherent",
    "declared": "[..2016-10-21]",
    "declared_earliest": None,
    "declared_latest": "2016-10-21",
    "declared_precision": "day",
    "declared_display": "by 21 October 2016",
    "ended": None,
    "evidence": [
        f"{BUSAN}: “Partners welcomed the fact that Estonia and Latvia have declared, "
        "since the Oslo Plenary, their adherence to the MTCR Guidelines as a basis for "
        "their national export controls concerning missile technology.”",
        f"{OVERVIEW}: “In addition to formal members, there are three “unilateral "
        "adherents” to the regime recognized as such by regime members: Estonia, "
        "Kazakhstan, and Latvia.”",
    ],
    "url": "http://testserver/members/estonia/",
}

TEM_REVISION = (
    "MTCR Technical Experts Meeting revised the MTCR Equipment, Software, and "
    "Technology Annex, which included technical control additions as well as "
    "editorial changes."
)
ANNEX_2018 = {
    "slug": "annex-2018-11",
    "date": "2018-11-01",
    "date_precision": "month",
    "date_display": "November 2018",
    "date_edtf": "2018-11",
    "summary": f"The {TEM_REVISION}",
    "description": f"In November, the {TEM_REVISION}",
    "adopted_at": "",
    "adopted_at_inferred": False,
    "meeting": "Technical Experts Meeting",
    "evidence": [f"{OVERVIEW}: “In November, the {TEM_REVISION}”"],
    "url": "http://testserver/annex/?entry=annex-2018-11#annex-2018-11",
}


def export(client, url, wanted, **filters):
    response = client.get(url, {**filters, "format": wanted})
    assert response.status_code == 200
    return response


def rows_by(rows, key):
    return {row[key]: row for row in rows}


@pytest.mark.usefixtures("real_archive")
def test_the_plenary_export_holds_every_meeting_in_order(client):
    rows = json.loads(export(client, "/plenaries/", "json").content)
    assert [row["slug"] for row in rows] == [
        "1988-rome", "1991-washington", "1992-oslo",
        "1993-canberra", "1993-interlaken", "1994-stockholm", "1995-bonn",
        "1996-edinburgh", "1997-tokyo", "1998-budapest", "1999-noordwijk",
        "2000-helsinki", "2001-ottawa", "2002-warsaw", "2003-buenos-aires",
        "2004-seoul", "2005-madrid", "2006-copenhagen", "2007-athens",
        "2008-canberra", "2009-rio-de-janeiro", "2011-buenos-aires", "2012-berlin",
        "2013-rome", "2014-oslo", "2015-rotterdam", "2016-busan", "2017-dublin",
        "2019-auckland", "2021-sochi", "2022-montreux",
    ]  # fmt: skip
    by_slug = rows_by(rows, "slug")
    for slug, row in PLENARIES.items():
        assert by_slug[slug] == row


@pytest.mark.usefixtures("real_archive")
def test_the_other_exports_say_what_they_said(client):
    chairs = rows_by(json.loads(export(client, "/chairs/", "json").content), "slug")
    assert len(chairs) == 31
    for slug, row in CHAIRS.items():
        assert chairs[slug] == row
    partners = json.loads(export(client, "/members/", "json").content)
    assert len(partners) == 35
    assert_india(rows_by(partners, "country")["India"])
    adherents = json.loads(export(client, "/adherents/", "json").content)
    assert [(row["country"], row["kind"]) for row in adherents] == [
        ("Estonia", "formal"), ("Kazakhstan", "formal"), ("Latvia", "formal"),
        ("Israel", "informal"), ("North Macedonia", "informal"),
        ("Romania", "informal"), ("Slovakia", "informal"), ("China", "pledged"),
        ("India", "pledged"), ("Pakistan", "pledged"),
    ]  # fmt: skip
    assert adherents[0] == ESTONIA
    revisions = rows_by(json.loads(export(client, "/annex/", "json").content), "slug")
    assert len(revisions) == 18
    assert revisions["annex-2018-11"] == ANNEX_2018


@pytest.mark.usefixtures("real_archive")
def test_the_csv_rows_are_the_json_rows_as_text(client):
    table = list(
        csv.DictReader(
            io.StringIO(export(client, "/plenaries/", "csv").content.decode())
        )
    )
    copenhagen = next(row for row in table if row["slug"] == "2006-copenhagen")
    assert copenhagen == {
        **{key: str(value) for key, value in PLENARIES["2006-copenhagen"].items()},
        "chairs": "Mr. Per Fisher; Ambassador Liselotte Plesner",
        "chair_countries": "Denmark",
        "resolutions": "1695; 1696",
    }
    canberra = next(row for row in table if row["slug"] == "1993-canberra")
    assert (canberra["number"], canberra["chairs"], canberra["has_statement"]) == (
        "",
        "",
        "False",
    )
    rome = next(row for row in table if row["slug"] == "1988-rome")
    assert (rome["dates"], rome["dates_edtf"]) == ("1988", "1988")
    chairs = list(
        csv.DictReader(io.StringIO(export(client, "/chairs/", "csv").content.decode()))
    )
    switzerland = next(row for row in chairs if row["slug"] == "2022-switzerland")
    assert (switzerland["end_plenary"], switzerland["end_date"]) == ("", "")
    assert (switzerland["start_edtf"], switzerland["end_edtf"]) == (
        "2022-10-17/2022-10-21",
        "",
    )
    assert switzerland["people"] == "Ambassador Benno Laggner, Chair of the MTCR"


@pytest.mark.usefixtures("real_archive")
@pytest.mark.parametrize("url", LISTS)
def test_the_json_is_laid_out_as_json_dumps_with_an_indent_of_one(client, url):
    content = export(client, url, "json").content
    assert content == json.dumps(json.loads(content), indent=1).encode()
    filtered = export(client, url, "json", q="no such text anywhere").content
    assert filtered == b"[]"


@pytest.mark.usefixtures("real_archive")
def test_an_export_is_filtered_as_its_page_is(client):
    rows = json.loads(
        export(client, "/plenaries/", "json", chair_country="republic-of-korea").content
    )
    assert [row["slug"] for row in rows] == ["2004-seoul", "2016-busan"]
    assert rows[1] == PLENARIES["2016-busan"]
    rows = json.loads(export(client, "/plenaries/", "json", resolution=1696).content)
    assert [row["slug"] for row in rows] == ["2006-copenhagen"]


@pytest.mark.usefixtures("real_archive")
def test_the_api_details_carry_the_export_rows(client):
    busan = client.get("/api/plenaries/2016-busan/").json()
    assert {key: busan[key] for key in PLENARIES["2016-busan"]} == PLENARIES[
        "2016-busan"
    ]
    india = client.get("/api/members/india/").json()
    assert_india(india["partnership"])
    adherents = json.loads(export(client, "/adherents/", "json").content)
    assert india["adherences"] == [
        row for row in adherents if row["country"] == "India"
    ]
    assert client.get("/api/members/estonia/").json()["partnership"] is None


@pytest.mark.usefixtures("real_archive")
def test_an_export_is_kept_by_the_page_cache(client, settings):
    """Exports are ordinary responses, not streamed, so a second request is a hit."""
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    first = client.get("/plenaries/", {"format": "csv"})
    second = client.get("/plenaries/", {"format": "csv"})
    cache.clear()
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert second["Content-Disposition"] == first["Content-Disposition"]
