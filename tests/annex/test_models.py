"""Annex revisions: dated as precisely as the sources, latest first when in force."""

import datetime

import pytest

from annex.models import AnnexRevision
from core.dates import DatePrecision
from tests.factories import AnnexRevisionFactory, PlenaryFactory

pytestmark = pytest.mark.django_db


def test_a_revision_reads_with_its_date_at_the_precision_known():
    revision = AnnexRevisionFactory(
        date=datetime.date(2016, 10, 1), date_precision=DatePrecision.MONTH
    )
    assert str(revision) == "Annex revision, October 2016"


def test_the_revisions_in_force_on_a_day_come_latest_first():
    busan = PlenaryFactory(start_date=datetime.date(2016, 10, 17))
    older = AnnexRevisionFactory(date=datetime.date(2011, 4, 15))
    newer = AnnexRevisionFactory(date=datetime.date(2016, 10, 21), adopted_at=busan)
    AnnexRevisionFactory(date=datetime.date(2022, 10, 21))
    in_force = AnnexRevision.objects.in_force_on(datetime.date(2017, 1, 1))
    assert list(in_force) == [newer, older]
    assert list(in_force.with_plenary())[0].adopted_at == busan
