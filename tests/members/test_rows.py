"""The rows of the partner and adherent lists, as their exports and the API give
them."""

import datetime

import pytest

from members.rows import ADHERENT_FIELDS, ADHERENT_ROWS, PARTNER_FIELDS, PARTNER_ROWS
from tests.factories import build_archive

pytestmark = pytest.mark.django_db


def absolute(path):
    return f"https://example.org{path}"


def test_a_partner_row_holds_the_declared_fields_and_its_evidence():
    build_archive()
    (row,) = PARTNER_ROWS.where(absolute, country__slug="india")
    assert tuple(row) == PARTNER_FIELDS
    assert row["country_code"] == "IN"
    assert row["since"] == datetime.date(2016, 6, 27)
    assert len(row["evidence"]) == 1
    assert row["evidence"][0].startswith("Public Statement from the Plenary Meeting")
    assert row["url"] == "https://example.org/members/india/"


def test_an_adherent_row_holds_the_declared_fields_and_its_evidence():
    build_archive()
    (row,) = ADHERENT_ROWS.where(absolute, country__slug="india")
    assert tuple(row) == ADHERENT_FIELDS
    assert row["kind"] == "pledged"
    assert row["kind_display"]
    assert row["ended"] == datetime.date(2016, 6, 27)
    assert len(row["evidence"]) == 1
    assert row["url"] == "https://example.org/members/india/"
