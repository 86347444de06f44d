"""The research tools on the real archive, built from sources/ (issue 5, Done when)."""

import json

import bibtexparser
import pytest
import rispy

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("real_archive")]


def test_comparing_a_statement_with_itself_shows_no_change(client):
    for slug in ["2011-buenos-aires", "2016-busan", "2022-montreux"]:
        response = client.get(f"/plenaries/compare/?a={slug}&b={slug}")
        assert response.status_code == 200
        counts = response.context["counts"]
        assert counts["unchanged"] > 0
        assert counts["reworded"] == counts["added"] == counts["dropped"] == 0
        assert "<ins>" not in response.text and "<del>" not in response.text


def test_2011_to_2016_marks_the_welcome_of_india_as_added(client):
    response = client.get("/plenaries/compare/?a=2011-buenos-aires&b=2016-busan")
    assert response.status_code == 200
    india = [
        row
        for row in response.context["rows"]
        if row.new and "welcomed India as a new member" in row.new.plain
    ]
    assert [row.kind for row in india] == ["added"]
    members = [
        row
        for row in response.context["rows"]
        if row.new and "has 35 members" in row.new.plain
    ]
    assert [row.kind for row in members] == ["reworded"]
    assert "<ins>35</ins>" in members[0].new_html


def test_busan_compares_by_default_with_buenos_aires(client):
    """The statement before Busan's in the archive is Buenos Aires 2011."""
    response = client.get("/plenaries/compare/?b=2016-busan")
    assert response.context["old"].slug == "2011-buenos-aires"


def test_intangible_starts_with_the_19th_plenary_in_seoul(client):
    response = client.get("/trends/?q=intangible")
    assert response.status_code == 200
    trend = response.context["trend"]
    first = trend.first.plenary
    assert (first.number, first.slug) == (19, "2004-seoul")
    assert trend.first.passages[0].field == "summary"
    slugs = [use.plenary.slug for use in trend.uses]
    assert "2011-buenos-aires" in slugs and "2016-busan" in slugs
    assert 'id="year-2004"' in response.text


def test_notable_terms_and_resolutions_with_first_appearance(client):
    response = client.get("/trends/")
    terms = {term: plenary.slug for term, plenary, _ in response.context["terms"]}
    assert terms["additive manufacturing"] == "2016-busan"
    assert terms["intangible transfer of technology"] == "2004-seoul"
    resolutions = {r.number: p.slug for r, p, _ in response.context["resolutions"]}
    assert resolutions[1540] == "2004-seoul"
    assert resolutions[2231] == "2016-busan"


def test_on_15_april_2011_there_were_34_partners(client):
    response = client.get("/on/2011-04-15/")
    assert response.status_code == 200
    partners = [m.country.name for m in response.context["regime"].partners]
    assert len(partners) == 34
    assert "India" not in partners
    assert "34 partners" in response.text


def test_on_21_october_2016_there_were_35_with_india(client):
    response = client.get("/on/2016-10-21/")
    regime = response.context["regime"]
    partners = [m.country.name for m in regime.partners]
    assert len(partners) == 35
    assert "India" in partners
    assert regime.last_plenary.slug == "2016-busan"
    assert "35 partners" in response.text


def test_between_the_two_days_india_joined(client):
    response = client.get("/on/2011-04-15/?compare=2016-10-21")
    changes = response.context["changes"]
    assert [m.country.name for m in changes.joined] == ["India"]
    assert "2016-busan" in [p.slug for p in changes.plenaries]


def test_the_whole_span_lists_every_plenary_and_revision(client):
    """The lists cut at LISTED hold the real archive whole."""
    response = client.get("/on/1987-04-16/?compare=2024-12-31")
    changes = response.context["changes"]
    assert changes.plenaries.more == changes.annex_revisions.more == 0
    assert len(changes.plenaries) == 31  # Rome 1988 to Montreux 2022
    assert len(changes.annex_revisions) == 18  # 1991's told by two witnesses: one
    assert "more:" not in response.text


def test_citations_of_busan_parse_back_with_title_date_and_url(client):
    url = "http://testserver/plenaries/2016-busan/"
    bib = client.get("/cite/plenaries/2016-busan.bib").content.decode()
    (entry,) = bibtexparser.parse_string(bib).entries
    assert entry.fields_dict["title"].value == "{30th plenary, Busan 2016}"
    assert entry.fields_dict["date"].value == "2016-10-21"
    assert entry.fields_dict["url"].value == url
    (record,) = rispy.loads(
        client.get("/cite/plenaries/2016-busan.ris").content.decode()
    )
    assert (record["title"], record["date"], record["urls"]) == (
        "30th plenary, Busan 2016",
        "2016/10/21/",
        [url],
    )
    (item,) = json.loads(client.get("/cite/plenaries/2016-busan.json").content)
    assert {"id", "type"} <= item.keys()
    assert (item["title"], item["issued"], item["URL"]) == (
        "30th plenary, Busan 2016",
        {"date-parts": [[2016, 10, 21]]},
        url,
    )


def test_a_paragraph_citation_quotes_the_paragraph(client):
    response = client.get("/cite/plenaries/2016-busan/p-2/")
    assert response.status_code == 200
    assert "MTCR Partners warmly welcomed India" in response.text
    (item,) = json.loads(client.get("/cite/plenaries/2016-busan/p-2.json").content)
    assert item["URL"] == "http://testserver/plenaries/2016-busan/#p-2"


def test_the_api_lists_the_real_plenaries(client):
    answer = client.get("/api/plenaries/?has_statement=true").json()
    assert [p["slug"] for p in answer["results"]] == [
        "2011-buenos-aires",
        "2016-busan",
        "2022-montreux",
    ]
    detail = client.get("/api/plenaries/2016-busan/").json()
    assert detail["paragraphs"][1]["text"].startswith("MTCR Partners warmly welcomed")
