"""Partnership and adherence: one membership per country, ends after declared."""

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
        Membership.objects.create(country=india, since=datetime.date(2016, 6, 27))


def test_an_adherence_cannot_end_before_it_was_declared():
    india = CountryFactory(name="India", iso_code="IN")
    with pytest.raises(IntegrityError), transaction.atomic():
        Adherence.objects.create(
            country=india,
            kind=Adherence.Kind.PLEDGED,
            declared=datetime.date(2005, 7, 18),
            ended=datetime.date(2004, 1, 1),
        )


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
    assert exact.since_display == "since 27 June 2016"
    assert bound.since_display == "by 1993"
    assert str(exact) == f"{exact.country} (partner since 27 June 2016)"
