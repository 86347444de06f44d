"""Partnership and adherence: one membership per country, an interval's bounds in
order, an adherence ends after it was declared."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from core.dates import DatePrecision
from members.models import Adherence, Membership
from tests.factories import AdherenceFactory, CountryFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def test_a_country_has_one_membership_at_most():
    india = CountryFactory(name="India", iso_code="IN")
    MembershipFactory(country=india)
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            country=india,
            since_earliest=datetime.date(2016, 6, 27),
            since_latest=datetime.date(2016, 6, 27),
        )
    assert Membership.objects.filter(country=india).count() == 1


def test_a_partnership_cannot_be_known_to_begin_after_its_latest_day():
    """The database refuses an interval whose earliest day is after its latest."""
    india = CountryFactory(name="India", iso_code="IN")
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            country=india,
            since_earliest=datetime.date(2016, 6, 28),
            since_latest=datetime.date(2016, 6, 27),
        )
    assert not Membership.objects.exists()


def test_an_adherence_cannot_end_before_it_was_declared():
    india = CountryFactory(name="India", iso_code="IN")
    with pytest.raises(IntegrityError), transaction.atomic():
        Adherence.objects.create(
            country=india,
            kind=Adherence.Kind.PLEDGED,
            declared_earliest=datetime.date(2005, 7, 18),
            declared_latest=datetime.date(2005, 7, 18),
            ended=datetime.date(2004, 1, 1),
        )
    # Known to be declared only in 2005, it cannot end in 2004 either.
    with pytest.raises(IntegrityError), transaction.atomic():
        Adherence.objects.create(
            country=india,
            kind=Adherence.Kind.PLEDGED,
            declared_earliest=datetime.date(2005, 1, 1),
            declared_latest=datetime.date(2005, 12, 31),
            declared_precision=DatePrecision.YEAR,
            ended=datetime.date(2004, 1, 1),
        )
    # Declared "by" 2005 only, it may have been declared before 2004 and ended then.
    Adherence.objects.create(
        country=india,
        kind=Adherence.Kind.PLEDGED,
        declared_latest=datetime.date(2005, 12, 31),
        declared_precision=DatePrecision.YEAR,
        ended=datetime.date(2004, 1, 1),
    )
    assert Adherence.objects.count() == 1


def test_partners_on_a_day_are_those_who_had_joined_by_then():
    MembershipFactory(
        country=CountryFactory(name="India", iso_code="IN"),
        since=datetime.date(2016, 6, 27),
    )
    MembershipFactory(
        country=CountryFactory(name="Korea", iso_code="KR"),
        since=datetime.date(2001, 3, 26),
    )
    partners = Membership.objects.on(datetime.date(2010, 1, 1)).with_country()
    assert [m.country.name for m in partners] == ["Korea"]


def test_an_adherent_who_became_a_partner_is_no_longer_an_adherent():
    """India pledged in 2005 and became a partner in 2016."""
    AdherenceFactory(
        country=CountryFactory(name="India", iso_code="IN"),
        declared=datetime.date(2005, 7, 18),
        ended=datetime.date(2016, 6, 27),
    )
    assert Adherence.objects.on(datetime.date(2010, 1, 1)).count() == 1
    assert Adherence.objects.on(datetime.date(2017, 1, 1)).count() == 0


def test_partnership_dates_read_as_precisely_as_the_sources_give_them():
    exact = MembershipFactory(
        since=datetime.date(2016, 6, 27), since_precision=DatePrecision.DAY
    )
    bound = MembershipFactory(
        since=datetime.date(1993, 1, 1),
        since_precision=DatePrecision.YEAR,
        since_is_upper_bound=True,
    )
    between = MembershipFactory(
        since_earliest=datetime.date(1997, 11, 7),
        since_latest=datetime.date(1998, 10, 5),
        since_precision=DatePrecision.DAY,
    )
    two_years = MembershipFactory(
        since_earliest=datetime.date(1997, 1, 1),
        since_latest=datetime.date(1998, 12, 31),
        since_precision=DatePrecision.YEAR,
    )
    assert (exact.since_display, exact.since_edtf) == ("27 June 2016", "2016-06-27")
    assert (bound.since_display, bound.since_edtf) == ("by 1993", "[..1993]")
    assert between.since_display == "between 7 November 1997 and 5 October 1998"
    assert between.since_edtf == "[1997-11-07..1998-10-05]"
    assert (two_years.since_display, two_years.since_edtf) == (
        "1997 or 1998",
        "[1997..1998]",
    )
    assert not exact.is_uncertain
    assert bound.is_uncertain and between.is_uncertain and two_years.is_uncertain
    assert str(exact) == f"{exact.country} (partner 27 June 2016)"
