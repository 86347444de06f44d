"""The rows of the partner and adherent lists, as their exports and the API give
them."""

import datetime

import pytest

from members.rows import ADHERENT_FIELDS, ADHERENT_ROWS, PARTNER_FIELDS, PARTNER_ROWS
from tests.factories import CountryFactory, MembershipFactory
from tests.small_archive import build_archive

pytestmark = pytest.mark.django_db


def absolute(path):
    return f"https://example.org{path}"


def test_a_partner_row_holds_the_declared_fields_and_its_evidence():
    build_archive()
    (row,) = PARTNER_ROWS.where(absolute, country__slug="india")
    assert tuple(row) == PARTNER_FIELDS
    assert row["country_code"] == "IN"
    assert row["since"] == "2016-06-27"  # EDTF
    assert row["since_earliest"] == row["since_latest"] == datetime.date(2016, 6, 27)
    assert row["since_precision"] == "day"
    assert row["since_display"] == "27 June 2016"
    assert len(row["evidence"]) == 1
    assert row["evidence"][0].startswith("Public Statement from the Plenary Meeting")
    assert row["url"] == "https://example.org/members/india/"


def test_a_partner_row_known_to_the_month_or_by_a_day_says_so_in_edtf():
    build_archive()
    (korea,) = PARTNER_ROWS.where(absolute, country__slug="korea")
    assert korea["since"] == "2001-03"
    assert (korea["since_earliest"], korea["since_latest"]) == (
        datetime.date(2001, 3, 1),
        datetime.date(2001, 3, 31),
    )
    assert korea["since_display"] == "March 2001"
    MembershipFactory(
        country=CountryFactory(name="Poland", iso_code="PL"),
        since_earliest=None,
        since_latest=datetime.date(1998, 10, 5),
        since_precision="day",
    )
    (poland,) = PARTNER_ROWS.where(absolute, country__slug="poland")
    assert poland["since"] == "[..1998-10-05]"
    assert poland["since_earliest"] is None
    assert poland["since_display"] == "by 5 October 1998"
    assert poland["evidence"] == []


def test_an_adherent_row_holds_the_declared_fields_and_its_evidence():
    build_archive()
    (row,) = ADHERENT_ROWS.where(absolute, country__slug="india")
    assert tuple(row) == ADHERENT_FIELDS
    assert row["kind"] == "pledged"
    assert row["kind_display"]
    assert row["ended"] == datetime.date(2016, 6, 27)
    assert row["declared"] == "2005-07-18"
    assert row["declared_display"] == "18 July 2005"
    assert len(row["evidence"]) == 1
    assert row["url"] == "https://example.org/members/india/"
