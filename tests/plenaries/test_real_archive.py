"""The plenary and source pages on the real archive, built from sources/."""

import datetime

import pytest
from django.urls import reverse
from django.utils.html import escape

from evidence.models import SourceDocument
from evidence.templatetags.passages import claim_display
from plenaries.models import Plenary

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

LIST = reverse("plenaries:list")


def listed_slugs(response):
    return [plenary.slug for plenary in response.context["page_obj"].object_list]


@pytest.mark.usefixtures("real_archive")
def test_every_page_of_the_real_archive_answers(client):
    urls = [LIST, reverse("plenaries:chairs"), reverse("evidence:list")]
    urls += [p.get_absolute_url() for p in Plenary.objects.all()]
    urls += [s.get_absolute_url() for s in SourceDocument.objects.all()]
    assert len(urls) > 30
    for url in urls:
        assert client.get(url).status_code == 200, url


@pytest.mark.usefixtures("real_archive")
def test_each_real_plenary_links_to_the_meetings_just_before_and_after_it():
    plenaries = list(Plenary.objects.order_by("start_date"))
    assert len(plenaries) > 20
    for position, plenary in enumerate(plenaries):
        previous, following = Plenary.objects.neighbours(plenary)
        assert previous == (plenaries[position - 1] if position else None)
        assert following == (
            plenaries[position + 1] if plenary != plenaries[-1] else None
        )


@pytest.mark.usefixtures("real_archive")
def test_the_real_busan_statement_is_rendered_without_raw_html(client):
    response = client.get("/plenaries/2016-busan/")
    html = response.content.decode()
    section = html.split('<div class="statement">', 1)[1].split("</section>", 1)[0]
    assert "MTCR Partners warmly welcomed India as a new member" in section
    assert "&lt;" not in section and "<script" not in section
    assert "<p>The Missile Technology Control Regime (MTCR) held its 30" in section


@pytest.mark.usefixtures("real_archive")
def test_real_dates_known_to_the_year_are_not_given_a_day(client):
    """Rome 1988: the only witness gives the year; no day is claimed."""
    rome = Plenary.objects.get(slug="1988-rome")
    assert rome.date_precision == "year"
    html = client.get(rome.get_absolute_url()).content.decode()
    assert '<dd><time datetime="1988">1988</time>' in html
    assert "1 January 1988" not in html
    # Its partners are counted on any day of 1988 it may have opened.
    assert "On the meeting's first day (1988)" in html
    assert "ends by the start of 1988" in html


@pytest.mark.usefixtures("real_archive")
def test_real_disagreements_show_both_claims(client):
    plenaries = Plenary.objects.filter(citations__is_followed=False).distinct()
    assert plenaries.exists()
    for plenary in plenaries:
        html = client.get(plenary.get_absolute_url()).content.decode()
        assert "Where the sources disagree" in html
        section = html.split("Where the sources disagree", 1)[1]
        for citation in plenary.citations.filter(is_followed=False):
            followed = plenary.citations.filter(field=citation.field, is_followed=True)
            for claim in [citation.claim, *followed.values_list("claim", flat=True)]:
                assert escape(claim_display(claim)) in section, (plenary.slug, claim)


@pytest.mark.usefixtures("real_archive")
def test_real_plenary_filters_find_the_meetings_that_cite_a_resolution(client):
    response = client.get(LIST, {"resolution": 1540})
    slugs = listed_slugs(response)
    assert "2016-busan" in slugs
    assert all(
        Plenary.objects.get(slug=slug).resolutions.filter(number=1540).exists()
        for slug in slugs
    )


@pytest.mark.usefixtures("real_archive")
def test_the_real_buenos_aires_page_lists_the_34_partners_its_statement_names(client):
    """The statement of 15 April 2011 names 34 partners, each certainly a partner
    on the meeting's first day (11 April 2011) as the evidence dates them; India,
    an adherent then, not yet."""
    response = client.get("/plenaries/2011-buenos-aires/")
    on = response.context["partners_on"]
    assert (on.day, on.uncertain) == (datetime.date(2011, 4, 11), False)
    assert (len(on.certain), on.possible) == (34, [])
    assert [m.country.name for m in on.not_yet] == ["India"]
    html = response.content.decode()
    assert "On the meeting's first day (11 April 2011)" in html
    assert "Certainly partners: 34" in html
    assert "Not yet partners: 1" in html
