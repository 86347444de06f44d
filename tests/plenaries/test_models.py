"""The database itself refuses what the domain forbids, on SQLite and PostgreSQL."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from core.dates import DatePrecision
from evidence.models import Citation
from plenaries.models import Chairmanship, Plenary
from tests.factories import (
    ChairmanshipFactory,
    ChairPersonFactory,
    CitationFactory,
    CountryFactory,
    EventFactory,
    PlenaryFactory,
)

pytestmark = pytest.mark.django_db


def refused(create):
    """True when the database raises IntegrityError for what `create` writes."""
    try:
        with transaction.atomic():
            create()
    except IntegrityError:
        return True
    return False


def test_a_plenary_that_ends_before_it_starts_is_refused():
    """The check constraint holds even when save() and validation are bypassed."""
    korea = CountryFactory(name="Korea", iso_code="KR")
    with pytest.raises(IntegrityError), transaction.atomic():
        Plenary.objects.create(
            slug="2016-busan",
            city="Busan",
            country=korea,
            start_date=datetime.date(2016, 10, 21),
            end_date=datetime.date(2016, 10, 17),
        )
    assert not Plenary.objects.exists()


def test_a_one_day_plenary_is_accepted():
    plenary = PlenaryFactory(
        start_date=datetime.date(2011, 4, 15), end_date=datetime.date(2011, 4, 15)
    )
    assert Plenary.objects.get(pk=plenary.pk).end_date == plenary.start_date


def test_a_second_plenary_with_the_same_number_is_refused():
    PlenaryFactory(number=30, slug="2016-busan", start_date=datetime.date(2016, 10, 17))
    with pytest.raises(IntegrityError), transaction.atomic():
        PlenaryFactory(
            number=30, slug="2017-dublin", start_date=datetime.date(2017, 10, 9)
        )
    assert Plenary.objects.filter(number=30).count() == 1


def test_a_second_plenary_with_the_same_slug_is_refused():
    PlenaryFactory(slug="2016-busan")
    assert refused(lambda: PlenaryFactory(slug="2016-busan"))


def test_several_unnumbered_early_plenaries_are_allowed():
    """The early meetings have no number in the sources: NULL is not a duplicate."""
    PlenaryFactory(number=None, slug="1993-interlaken")
    PlenaryFactory(number=None, slug="1994-stockholm")
    assert Plenary.objects.filter(number__isnull=True).count() == 2


def test_an_event_ending_before_it_begins_is_refused():
    assert refused(
        lambda: EventFactory(
            date=datetime.date(2016, 5, 2), end_date=datetime.date(2016, 5, 1)
        )
    )


def test_one_person_is_listed_once_per_chairmanship():
    person = ChairPersonFactory(name="Piet de Klerk")
    assert refused(
        lambda: ChairPersonFactory(
            chairmanship=person.chairmanship, name="Piet de Klerk"
        )
    )


def test_plenaries_read_as_the_archive_names_them():
    korea = CountryFactory(name="Korea", iso_code="KR")
    busan = PlenaryFactory(
        number=30,
        city="Busan",
        country=korea,
        start_date=datetime.date(2016, 10, 17),
        end_date=datetime.date(2016, 10, 21),
    )
    early = PlenaryFactory(
        number=None,
        city="",
        slug="1994-norway",
        country=CountryFactory(name="Norway", iso_code="NO"),
        start_date=datetime.date(1994, 10, 1),
        end_date=datetime.date(1994, 10, 31),
        date_precision=DatePrecision.MONTH,
    )
    assert str(busan) == "30th plenary, Busan 2016"
    assert busan.dates_display == "17–21 October 2016"
    assert str(early) == "Plenary, Norway 1994"
    assert early.dates_display == "October 1994"
    assert early.place_display == "Norway"


def test_a_joint_chairmanship_names_both_countries():
    netherlands = CountryFactory(name="Netherlands", iso_code="NL")
    luxembourg = CountryFactory(name="Luxembourg", iso_code="LU")
    chair = ChairmanshipFactory(countries=[netherlands, luxembourg])
    chair = Chairmanship.objects.with_people().get(pk=chair.pk)
    assert chair.is_joint
    assert str(chair) == "Chair: Luxembourg and Netherlands"


def test_records_are_found_again_by_their_natural_keys():
    citation = CitationFactory(key="busan-dates")
    plenary = citation.plenary
    person = ChairPersonFactory()
    assert Plenary.objects.get_by_natural_key(*plenary.natural_key()) == plenary
    assert Citation.objects.get_by_natural_key(*citation.natural_key()) == citation
    assert type(person).objects.get_by_natural_key(*person.natural_key()) == person
    source = citation.source
    assert type(source).objects.get_by_natural_key(source.file_name) == source
