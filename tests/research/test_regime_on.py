"""The regime on a day and the changes between two days, on factory records."""

import datetime

import pytest

from members.models import Adherence
from research.regime_on import changes_between, regime_on
from tests.factories import (
    AdherenceFactory,
    AnnexRevisionFactory,
    ChairmanshipFactory,
    CountryFactory,
    MembershipFactory,
    PlenaryFactory,
)

pytestmark = pytest.mark.django_db

day = datetime.date


@pytest.fixture
def regime():
    argentina = CountryFactory(name="Argentina", iso_code="AR")
    india = CountryFactory(name="India", iso_code="IN")
    kazakhstan = CountryFactory(name="Kazakhstan", iso_code="KZ")
    MembershipFactory(country=argentina, since=day(1993, 3, 1), since_precision="month")
    MembershipFactory(country=india, since=day(2016, 6, 27), since_precision="day")
    AdherenceFactory(
        country=india,
        kind=Adherence.Kind.PLEDGED,
        declared=day(2005, 7, 18),
        ended=day(2016, 6, 27),
    )
    AdherenceFactory(
        country=kazakhstan, kind=Adherence.Kind.FORMAL, declared=day(2017, 10, 20)
    )
    buenos_aires = PlenaryFactory(
        slug="2011-buenos-aires",
        country=argentina,
        start_date=day(2011, 4, 11),
        end_date=day(2011, 4, 15),
    )
    busan = PlenaryFactory(
        slug="2016-busan", start_date=day(2016, 10, 17), end_date=day(2016, 10, 21)
    )
    ChairmanshipFactory(
        slug="2011-argentina", start_plenary=buenos_aires, end_plenary=busan
    )
    AnnexRevisionFactory(slug="annex-2011-11", date=day(2011, 11, 18))
    AnnexRevisionFactory(slug="annex-2016-10", date=day(2016, 10, 20))
    return locals()


def test_the_regime_on_a_day(regime):
    on = regime_on(day(2012, 1, 1))
    assert [m.country.name for m in on.partners] == ["Argentina"]
    assert [(a.country.name, a.kind) for a in on.adherents] == [("India", "pledged")]
    assert [c.slug for c in on.chairs] == ["2011-argentina"]
    assert on.annex_revision.slug == "annex-2011-11"
    assert on.last_plenary.slug == "2011-buenos-aires"
    assert on.next_plenary.slug == "2016-busan"


def test_a_partner_is_no_longer_listed_as_adherent(regime):
    """India's pledge ended the day it became a partner."""
    on = regime_on(day(2016, 10, 21))
    assert [m.country.name for m in on.partners] == ["Argentina", "India"]
    assert on.adherents == []
    assert on.chairs == []  # the Argentine term ended at Busan
    assert on.last_plenary.slug == "2016-busan"


def test_before_everything_the_regime_is_empty(regime):
    on = regime_on(day(1980, 1, 1))
    assert on.partners == on.adherents == on.chairs == []
    assert on.annex_revision is None
    assert on.last_plenary is None
    assert on.next_plenary.slug == "2011-buenos-aires"


def test_changes_between_two_days_in_either_order(regime):
    """Who joined, who adhered, and what was held between 2011 and 2018."""
    for first, second in [
        (day(2011, 4, 15), day(2018, 1, 1)),
        (day(2018, 1, 1), day(2011, 4, 15)),
    ]:
        changes = changes_between(first, second)
        assert changes.earlier.day == day(2011, 4, 15)
        assert [m.country.name for m in changes.joined] == ["India"]
        assert [a.country.name for a in changes.adhered] == ["Kazakhstan"]
        assert [a.country.name for a in changes.no_longer_adherents] == ["India"]
        assert changes.left == []
        assert changes.chair_changed
        assert [p.slug for p in changes.plenaries] == ["2016-busan"]
        assert [r.slug for r in changes.annex_revisions] == [
            "annex-2011-11",
            "annex-2016-10",
        ]
        assert changes.anything


def test_no_change_between_two_quiet_days(regime):
    changes = changes_between(day(2013, 1, 1), day(2013, 6, 1))
    assert not changes.anything


def test_a_long_list_of_changes_is_cut_with_its_count(client, regime, monkeypatch):
    """Past LISTED, the plenaries between two days are counted and linked to, not
    listed; the real archive never comes near it (test_real_archive)."""
    from research import regime_on as regime_on_module

    for year in range(2000, 2005):
        PlenaryFactory(slug=f"{year}-extra", start_date=day(year, 5, 1))
    monkeypatch.setattr(regime_on_module, "LISTED", 2)
    changes = changes_between(day(1999, 1, 1), day(2005, 1, 1))
    assert [p.slug for p in changes.plenaries] == ["2000-extra", "2001-extra"]
    assert (changes.plenaries.total, changes.plenaries.more) == (5, 3)
    page = client.get("/on/1999-01-01/?compare=2005-01-01").text
    assert "And 3 more:" in page
    assert 'href="/plenaries/?year_from=1999&amp;year_to=2005"' in page
