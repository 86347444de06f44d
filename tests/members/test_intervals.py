"""Partnerships dated by their evidence, as intervals: the merge on the real
sources (with and without the archivist's records) and the three groups of
"partners on a day" on hand-made records."""

import datetime
import shutil

import pytest

from ingest.build import build_archive
from members.models import Membership
from members.on import partners_on
from tests.factories import CountryFactory, MembershipFactory

D = datetime.date


def groups(archive, day):
    certain, possible = set(), set()
    for m in archive.memberships:
        if m.since_latest and m.since_latest <= day:
            certain.add(m.country)
        elif m.since_earliest is None or m.since_earliest <= day:
            possible.add(m.country)
    return certain, possible


def test_thirty_two_partners_certain_on_1_january_2000(parsed_archive):
    certain, possible = groups(parsed_archive, D(2000, 1, 1))
    assert len(certain) == 32
    assert "KR" not in certain | possible


def test_the_eighteen_of_washington_1991_are_the_partners_of_1992(parsed_archive):
    certain, possible = groups(parsed_archive, D(1992, 1, 1))
    assert len(certain) == 18
    assert {"GR", "IE", "PT", "CH"} <= possible


def test_poland_is_possibly_a_partner_on_1_january_1998_with_both_witnesses(
    parsed_archive,
):
    certain, possible = groups(parsed_archive, D(1998, 1, 1))
    assert "PL" in possible and "PL" not in certain
    poland = next(m for m in parsed_archive.memberships if m.country == "PL")
    assert (poland.since_earliest, poland.since_latest) == (
        D(1997, 11, 7),
        D(1998, 10, 5),
    )
    claims = {
        (c.source, c.claim): c.is_followed
        for c in parsed_archive.citations
        if c.model == "membership" and c.record == "PL" and c.field == "since"
    }
    assert claims[("records/wikipedia-mtcr", "1997")] is False
    assert claims[("records/mtcr-1998-budapest", "by 1998-10-05")] is True
    assert claims[("records/mtcr-1997-tokyo", "not yet on 1997-11-06")] is True


def test_no_partnership_but_indias_begins_after_2004(parsed_archive):
    late = [
        m.country
        for m in parsed_archive.memberships
        if m.since_earliest and m.since_earliest > D(2004, 12, 31)
    ]
    assert late == ["IN"]
    assert all(m.since_latest for m in parsed_archive.memberships)


def test_without_the_records_a_complete_list_still_bounds_india(sources_dir, tmp_path):
    for path in sources_dir.iterdir():
        if path.is_file():
            shutil.copy(path, tmp_path / path.name)
    archive = build_archive(tmp_path)
    india = next(m for m in archive.memberships if m.country == "IN")
    # The 2011 statement's complete list and Busan 2016 bound it; the overview's
    # day lies wholly within those bounds, so it narrows them to that day.
    assert india.since_earliest == india.since_latest == D(2016, 6, 27)
    cited = {
        (c.source, c.claim, c.is_followed)
        for c in archive.citations
        if c.model == "membership" and c.record == "IN" and c.field == "since"
    }
    assert ("buenos-aires-2011-statement.txt", "not yet on 2011-04-15", True) in cited
    assert len(archive.memberships) == 35


@pytest.mark.django_db
def test_partners_on_a_day_fall_in_three_groups():
    """Certain: begun by the day; possible: the interval spans it; not yet:
    it begins after."""
    certain = MembershipFactory(
        country=CountryFactory(name="Aland"),
        since_earliest=D(1990, 1, 1),
        since_latest=D(1990, 12, 31),
        since_precision="year",
    )
    possible = MembershipFactory(
        country=CountryFactory(name="Borduria"),
        since_earliest=D(1997, 11, 7),
        since_latest=D(1998, 10, 5),
        since_precision="day",
    )
    open_start = MembershipFactory(
        country=CountryFactory(name="Carpania"),
        since_earliest=None,
        since_latest=D(2011, 4, 15),
        since_precision="day",
    )
    later = MembershipFactory(
        country=CountryFactory(name="Dorado"),
        since_earliest=D(2014, 10, 4),
        since_latest=D(2016, 10, 17),
        since_precision="day",
    )
    on = partners_on(D(1998, 1, 1))
    assert on.certain == [certain]
    assert on.possible == [possible, open_start]
    assert on.not_yet == [later]
    assert list(Membership.objects.on(D(1998, 10, 5))) == [certain, possible]
    assert possible.since_display == "between 7 November 1997 and 5 October 1998"
    assert possible.since_edtf == "[1997-11-07..1998-10-05]"
    assert open_start.since_display == "by 15 April 2011"


@pytest.mark.django_db
def test_partners_on_a_day_known_only_to_its_year_count_every_day_of_it():
    """A meeting of 1998 whose day no witness gives: certainly partners by its
    first possible day, not yet only if begun after its last; the day is written
    as a year."""
    begun_in_march = MembershipFactory(
        country=CountryFactory(name="Borduria"),
        since_earliest=D(1998, 3, 1),
        since_latest=D(1998, 3, 31),
        since_precision="month",
    )
    begun_after = MembershipFactory(
        country=CountryFactory(name="Dorado"),
        since_earliest=D(1999, 2, 1),
        since_latest=D(1999, 2, 28),
        since_precision="month",
    )
    on = partners_on(D(1998, 1, 1), D(1998, 12, 31), "year")
    assert (on.certain, on.possible, on.not_yet) == (
        [],
        [begun_in_march],
        [begun_after],
    )
    assert (on.uncertain, on.day_display) == (True, "1998")
    assert partners_on(D(1998, 1, 1)).not_yet == [begun_in_march, begun_after]
