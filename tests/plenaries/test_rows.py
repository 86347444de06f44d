"""The rows of the plenary and chair lists, as their exports and the API give them."""

import datetime

import pytest
from django.test import RequestFactory

from plenaries.filters import PlenaryFilter
from plenaries.rows import CHAIR_FIELDS, CHAIR_ROWS, PLENARY_FIELDS, PLENARY_ROWS
from tests.small_archive import build_archive

pytestmark = pytest.mark.django_db


def absolute(path):
    return f"https://example.org{path}"


def test_a_plenary_row_holds_the_declared_fields_in_order():
    build_archive()
    # Read to the end: a generator left half-read holds a PostgreSQL cursor that
    # is closed when it is collected, in a later test's transaction.
    rows = list(PLENARY_ROWS(PLENARY_ROWS.records(), absolute))
    busan = next(row for row in rows if row["slug"] == "2016-busan")
    assert tuple(busan) == PLENARY_FIELDS
    assert busan["country"] == "Korea"
    assert busan["resolutions"] == [2270, 2321]
    assert busan["has_statement"] is True
    assert busan["url"] == "https://example.org/plenaries/2016-busan/"


def test_a_plenary_row_lists_the_chairs_of_the_terms_begun_at_it():
    build_archive()
    (row,) = PLENARY_ROWS.where(absolute, slug="1993-interlaken")
    assert row["chairs"] == ["Ambassador Piet de Klerk", "Jean-Louis Wolzfeld"]
    assert row["chair_countries"] == ["Luxembourg", "Netherlands"]
    assert row["start_date"] == datetime.date(1993, 11, 1)


def test_rows_of_nothing_read_no_related_lists(django_assert_num_queries):
    """When the filters select nothing, only that is asked."""
    build_archive()
    with django_assert_num_queries(1):
        assert PLENARY_ROWS.where(absolute, slug="no-such-plenary") == []
    with django_assert_num_queries(1):
        assert CHAIR_ROWS.where(absolute, slug="no-such-term") == []


def test_the_rows_are_filtered_by_the_list_filters():
    build_archive()
    request = RequestFactory().get("/plenaries/", {"year_from": "2000"})
    filterset = PLENARY_ROWS.filtered(PlenaryFilter, request)
    rows = PLENARY_ROWS(filterset.qs, request.build_absolute_uri)
    assert [row["slug"] for row in rows] == ["2016-busan"]


def test_a_chair_row_holds_the_declared_fields_in_order():
    build_archive()
    (row,) = CHAIR_ROWS.where(absolute, slug="2015-netherlands-luxembourg")
    assert tuple(row) == CHAIR_FIELDS
    assert row["countries"] == ["Luxembourg", "Netherlands"]
    assert row["country_codes"] == ["LU", "NL"]
    assert row["joint"] is True
    assert (row["start_plenary"], row["end_plenary"]) == (
        "1993-interlaken",
        "2016-busan",
    )
    # Each person with a position and a role where the record has them.
    assert [person.split(", ")[0] for person in row["people"]] == [
        "Ambassador Piet de Klerk",
        "Jean-Louis Wolzfeld",
    ]
    assert row["url"].startswith("https://example.org/chairs/")
